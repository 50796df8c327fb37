"""The registry's figures: how many requests, how often and how fast companies answer,
how often they say yes, why they say no, and how the children did — overall or per
company, drug or target.

Definitions (the same in the table, the CSV and the report):
- *acknowledged*: the company acknowledged the request, or decided it (granted / denied)
  — a decision is an answer even when no separate acknowledgement came first.
- *granted / denied / no response / withdrawn / pending*: each its own count. A request the
  family withdrew is "withdrawn", never "no answer yet"; "pending" is still waiting.
- *days to acknowledge*: from sending to the acknowledgement, or to the decision when that
  came first. *Days to decide*: from sending to a grant or a denial. Both are medians.
- *granted / denied / no response %*: out of requests that reached an end on the
  company's side (granted + denied + no response); pending and withdrawn requests are
  not counted in these three, since the company had not (yet) had its say.
- *outcomes* and *toxicities* (CTCAE grade 1-5, one count per event) are of granted requests.
- *denial reasons*: denied requests per group of reason (`registry.reasons`).
- fewer than SMALL_NUMBER requests in a row: "too few to compare".
"""
from __future__ import annotations

import statistics
from collections import Counter
from typing import Iterable, Sequence

from trialfind.core.errors import InvalidInput
from trialfind.registry.identity import KEYS
from trialfind.registry.reasons import REASON_GROUP_NAMES, denial_reasons
from trialfind.registry.record import CTCAE_GRADES, RequestRecord

GROUPINGS = ("company", "drug", "target")
TOTAL_LABEL = "(all requests)"
NOT_GIVEN = "(not given)"
SMALL_NUMBER = 5
TOO_FEW = "too few to compare"
OUTCOME_COLUMNS = ("outcome_response", "outcome_stable", "outcome_progression", "outcome_too_early",
                   "outcome_unknown")
TOXICITY_COLUMNS = tuple(f"toxicity_grade_{grade}" for grade in CTCAE_GRADES)


def reason_column(group: str) -> str:
    return "denied_" + "_".join(group.replace("'", "").replace("-", " ").split())


REASON_COLUMNS = tuple(reason_column(group) for group in REASON_GROUP_NAMES)
STAT_COLUMNS = (
    "group", "requests", "acknowledged", "acknowledged_pct", "ack_median_days", "decide_median_days",
    "granted", "denied", "no_response", "withdrawn", "pending", "granted_pct", "denied_pct", "no_response_pct",
    *OUTCOME_COLUMNS, *TOXICITY_COLUMNS, *REASON_COLUMNS, "note",
)
# The screen table: counts and the two medians, headed so no two headings start alike.
TABLE_COLUMNS = ("group", "requests", "acknowledged", "granted", "denied", "no_response", "withdrawn", "pending",
                 "ack_median_days", "decide_median_days", "note")


def acknowledged(record: RequestRecord) -> bool:
    return record.days_to_acknowledge is not None or record.decision in ("granted", "denied")


def days_to_acknowledge(record: RequestRecord) -> int | None:
    first = record.days_to_acknowledge
    if record.decision in ("granted", "denied") and record.days_to_decide is not None:
        first = min(first, record.days_to_decide) if first is not None else record.days_to_decide
    return first


def days_to_decide(record: RequestRecord) -> int | None:
    return record.days_to_decide if record.decision in ("granted", "denied") else None


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def _median(values: Sequence[int]) -> float | None:
    return round(float(statistics.median(values)), 1) if values else None


def summarize(group: str, records: Sequence[RequestRecord]) -> dict:
    decisions = Counter(r.decision for r in records)
    ended = decisions["granted"] + decisions["denied"] + decisions["no response"]
    outcomes = Counter(r.outcome for r in records if r.decision == "granted" and r.outcome)
    grades = Counter(t.grade for r in records for t in r.toxicities)
    reasons = denial_reasons(list(records))
    row = {
        "group": group,
        "requests": len(records),
        "acknowledged": sum(map(acknowledged, records)),
        "acknowledged_pct": _pct(sum(map(acknowledged, records)), len(records)),
        "ack_median_days": _median([d for d in map(days_to_acknowledge, records) if d is not None]),
        "decide_median_days": _median([d for d in map(days_to_decide, records) if d is not None]),
        "granted": decisions["granted"],
        "denied": decisions["denied"],
        "no_response": decisions["no response"],
        "withdrawn": decisions["withdrawn"],
        "pending": decisions["pending"],
        "granted_pct": _pct(decisions["granted"], ended),
        "denied_pct": _pct(decisions["denied"], ended),
        "no_response_pct": _pct(decisions["no response"], ended),
    }
    row.update({column: outcomes[column[len("outcome_"):].replace("_", " ")] for column in OUTCOME_COLUMNS})
    row.update({column: grades[grade] for column, grade in zip(TOXICITY_COLUMNS, CTCAE_GRADES)})
    row.update({reason_column(name): count for name, count in reasons.items()})
    row["note"] = TOO_FEW if len(records) < SMALL_NUMBER else ""
    return row


def group_records(records: Iterable[RequestRecord], by: str) -> dict[str, list[RequestRecord]]:
    """Records per company / drug / target under one name each (spellings of one company or drug
    count together; the most common stored spelling is shown)."""
    if by not in GROUPINGS:
        raise InvalidInput(f"--by: {by!r} is not one of {', '.join(GROUPINGS)}")
    key_of = KEYS.get(by, lambda value: " ".join(value.casefold().split()))
    groups: dict[str, list[RequestRecord]] = {}
    spellings: dict[str, Counter] = {}
    for record in records:
        value = (getattr(record, by) or "").strip()
        key = key_of(value) if value else NOT_GIVEN
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
