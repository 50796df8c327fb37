"""Dates in, months and day counts out: the registry keeps no calendar date.

HIPAA Safe Harbor counts every date more specific than the year as an identifier, and a
request's exact dates, next to an age band and a rare diagnosis, can point to one child.
So the registry stores the month the request was sent (YYYY-MM) and, for every later step,
the number of days since it was sent. People still think in dates: the CLI, the web form
and old CSV files give dates, which are turned into a month and day counts here and then
forgotten.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from trialfind.core.errors import InvalidInput

# A date someone may give -> the day count kept instead (days since the request was sent).
DATE_TO_DAYS = {
    "date_acknowledged": "days_to_acknowledge",
    "decision_date": "days_to_decide",
    "ind_date": "days_to_ind",
    "irb_date": "days_to_irb",
    "treatment_start": "days_to_treatment",
}
DAY_FIELDS = tuple(DATE_TO_DAYS.values())
# Every date field the registry used to store; accepted on input, never kept.
INPUT_DATE_FIELDS = ("date_sent", *DATE_TO_DAYS)
# Record-keeping timestamps of old exports, kept only as their month.
TIMESTAMP_TO_MONTH = {"created_at": "recorded_month", "updated_at": "updated_month"}
MAX_DAYS = 3650

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def parse_date(field_name: str, value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if not _ISO_DATE.match(text):
        raise InvalidInput(f"{field_name}: {value!r} is not a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{field_name}: {value!r} is not a real calendar date") from None


def parse_month(field_name: str, value: Any) -> str | None:
    """'YYYY-MM' (a date or timestamp is cut to its month)."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    text = str(value).strip()
    if not text:
        return None
    if _MONTH.match(text):
        return text
    if re.match(r"^\d{4}-\d{2}-\d{2}([ T].*)?$", text):
        return parse_month(field_name, parse_date(field_name, text[:10]))
    raise InvalidInput(f"{field_name}: {value!r} is not a month written YYYY-MM")


def parse_days(field_name: str, value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        days = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise InvalidInput(f"{field_name}: {value!r} is not a whole number of days") from None
    if isinstance(value, bool) or days < 0:
        raise InvalidInput(f"{field_name}: {value!r} is not a number of days since the request was sent")
    if days > MAX_DAYS:
        raise InvalidInput(f"{field_name}: {days} days is more than ten years; is it a typo?")
    return days


def month_start(month: str) -> dt.date:
    year, number = month.split("-")
    return dt.date(int(year), int(number), 1)


def dates_to_durations(values: dict[str, Any], today: dt.date | None = None) -> dict[str, Any]:
    """Loose values with dates -> the same values with `month_sent` and `days_to_*` instead.

    Each date is checked (real, not in the future, not before the request was sent) while
    it is still known; then it is dropped. A later date without the date sent cannot be
    counted, so it is refused with a line saying what to give instead.
    """
    today = today or dt.date.today()
    out = dict(values)
    given = {name: parse_date(name, out.pop(name)) for name in INPUT_DATE_FIELDS if name in out}
    for name, value in given.items():
        if value is not None and value > today:
            raise InvalidInput(f"{name}: {value.isoformat()} is in the future")
        if value is not None and value.year < 1990:
            raise InvalidInput(f"{name}: {value.isoformat()} is before 1990; is it a typo?")
    sent = given.get("date_sent")
    if sent is not None:
        month = parse_month("date_sent", sent)
        if out.get("month_sent") not in (None, "") and parse_month("month_sent", out["month_sent"]) != month:
            raise InvalidInput(f"month_sent: {out['month_sent']!r} is not the month of date_sent ({sent.isoformat()})")
        out["month_sent"] = month
    for name, days_name in DATE_TO_DAYS.items():
        if name not in given:
            continue
        value = given[name]
        if value is None:
            out.setdefault(days_name, None)
            continue
        if sent is None:
            raise InvalidInput(f"{name}: the registry keeps no dates, only days since the request was sent; "
                               f"give date_sent as well (or {days_name} directly)")
        if value < sent:
            raise InvalidInput(f"{name}: {value.isoformat()} is before the request was sent ({sent.isoformat()})")
        out[days_name] = (value - sent).days
    for name, month_name in TIMESTAMP_TO_MONTH.items():
        if name in out:
            stamp = out.pop(name)
            if out.get(month_name) in (None, ""):
                out[month_name] = parse_month(name, stamp)
    return out
