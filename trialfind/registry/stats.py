"""The registry's figures: how many requests, how often and how fast companies answer,
and how often they say yes — overall or per company, drug or target.

Definitions (the same in the table, the CSV and the report):
- *acknowledged*: the company acknowledged the request, or decided it (granted / denied)
  — a decision is an answer even when no separate acknowledgement came first.
- *days to acknowledge*: from the date sent to the acknowledgement, or to the decision
  when that came first.
- *days to decide*: from the date sent to a grant or a denial.
- *granted / denied / no response %*: out of requests that reached an end on the
  company's side (granted + denied + no response); pending and withdrawn requests are
  not counted in these three, since the company had not (yet) had its say.
"""
from __future__ import annotations

import statistics
from collections import Counter
from typing import Iterable, Sequence

from trialfind.core.errors import InvalidInput
from trialfind.registry.record import RequestRecord

GROUPINGS = ("company", "drug", "target")
TOTAL_LABEL = "(all requests)"
NOT_GIVEN = "(not given)"
STAT_COLUMNS = (
    "group", "requests", "pending", "acknowledged_pct", "median_days_to_acknowledge", "median_days_to_decide",
    "granted_pct", "denied_pct", "no_response_pct", "granted", "denied", "no_response", "withdrawn",
)
TABLE_COLUMNS = ("group", "requests", "acknowledged_pct", "median_days_to_acknowledge", "median_days_to_decide",
                 "granted_pct", "denied_pct", "no_response_pct")


def acknowledged(record: RequestRecord) -> bool:
    return record.date_acknowledged is not None or record.decision in ("granted", "denied")


def days_to_acknowledge(record: RequestRecord) -> int | None:
    first = record.date_acknowledged
    if record.decision in ("granted", "denied") and record.decision_date:
        first = min(first, record.decision_date) if first else record.decision_date
    return (first - record.date_sent).days if first and record.date_sent else None


def days_to_decide(record: RequestRecord) -> int | None:
    if record.decision in ("granted", "denied") and record.decision_date and record.date_sent:
        return (record.decision_date - record.date_sent).days
    return None


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def _median(values: Sequence[int]) -> float | None:
    return round(float(statistics.median(values)), 1) if values else None


def summarize(group: str, records: Sequence[RequestRecord]) -> dict:
    decisions = Counter(r.decision for r in records)
    ended = decisions["granted"] + decisions["denied"] + decisions["no response"]
    acknowledge_days = [d for d in map(days_to_acknowledge, records) if d is not None]
    decide_days = [d for d in map(days_to_decide, records) if d is not None]
    return {
        "group": group,
        "requests": len(records),
        "pending": decisions["pending"],
        "acknowledged_pct": _pct(sum(map(acknowledged, records)), len(records)),
        "median_days_to_acknowledge": _median(acknowledge_days),
        "median_days_to_decide": _median(decide_days),
        "granted_pct": _pct(decisions["granted"], ended),
        "denied_pct": _pct(decisions["denied"], ended),
        "no_response_pct": _pct(decisions["no response"], ended),
        "granted": decisions["granted"],
        "denied": decisions["denied"],
        "no_response": decisions["no response"],
        "withdrawn": decisions["withdrawn"],
    }


def group_records(records: Iterable[RequestRecord], by: str) -> dict[str, list[RequestRecord]]:
    """Records per company / drug / target, matched case-insensitively and shown in their most common spelling."""
    if by not in GROUPINGS:
        raise InvalidInput(f"--by: {by!r} is not one of {', '.join(GROUPINGS)}")
    groups: dict[str, list[RequestRecord]] = {}
    spellings: dict[str, Counter] = {}
    for record in records:
        value = (getattr(record, by) or "").strip()
        key = " ".join(value.casefold().split()) or NOT_GIVEN
        groups.setdefault(key, []).append(record)
        spellings.setdefault(key, Counter())[value or NOT_GIVEN] += 1
    return {spellings[key].most_common(1)[0][0]: members for key, members in groups.items()}


def compute_stats(records: Iterable[RequestRecord], by: str | None = None) -> list[dict]:
    """One row of figures per group (largest first) and a last row for all requests together."""
    records = list(records)
    total = summarize(TOTAL_LABEL, records)
    if not by:
        return [total]
    groups = group_records(records, by)
    rows = [summarize(name, members) for name, members in groups.items()]
    rows.sort(key=lambda row: (-row["requests"], row["group"].casefold()))
    return rows + [total]
