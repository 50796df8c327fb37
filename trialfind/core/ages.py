"""Ages in days: the child's age as people type it, and ClinicalTrials.gov age bounds.

ClinicalTrials.gov states ages in whole units ("17 Years", "6 Months"). A maximum
of "17 Years" means "until the 18th birthday", so an upper bound of N units admits
everyone younger than N+1 units; we store it as the last admitted day.
"""
from __future__ import annotations

import math
import re

from trialfind.core.errors import InvalidInput

DAYS_PER_UNIT = {
    "year": 365.25,
    "month": 365.25 / 12,
    "week": 7.0,
    "day": 1.0,
    "hour": 1 / 24,
    "minute": 1 / 1440,
}
ADULT_DAYS = math.floor(18 * DAYS_PER_UNIT["year"])
MAX_CHILD_AGE_YEARS = 120

_CTGOV_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+?)s?\s*$")
_CHILD_AGE = re.compile(
    r"^(?:(?P<y>\d+)\s*y)?\s*(?:(?P<m>\d+)\s*m)?\s*(?:(?P<w>\d+)\s*w)?\s*(?:(?P<d>\d+)\s*d)?$"
)


def _unit(word: str) -> str | None:
    word = word.lower().rstrip("s")
    return word if word in DAYS_PER_UNIT else None


def ctgov_age_bounds(text: str | None) -> tuple[int, int] | None:
    """First and last day of life covered by a ClinicalTrials.gov age such as "17 Years".

    Returns None for a missing or unreadable age (which callers treat as "no bound").
    """
    if not text or not str(text).strip():
        return None
    match = _CTGOV_AGE.match(str(text))
    if not match:
        return None
    unit = _unit(match.group(2))
    if unit is None:
        return None
    value = float(match.group(1))
    per = DAYS_PER_UNIT[unit]
    first = math.floor(value * per)
    last = math.floor((value + 1) * per) - 1 if unit != "minute" else first
    return first, max(first, last)


def min_age_days(text: str | None) -> int | None:
    bounds = ctgov_age_bounds(text)
    return None if bounds is None else bounds[0]


def max_age_days(text: str | None) -> int | None:
    bounds = ctgov_age_bounds(text)
    return None if bounds is None else bounds[1]


def parse_child_age(text: str | int | float) -> int:
    """A child's age as typed ("7", "7y", "7y6m", "18m", "3w", "10d") in days.

    Raises InvalidInput with a one-line message for anything else.
    """
    raw = str(text).strip().lower()
    if re.fullmatch(r"\d+", raw):
        raw += "y"
    match = _CHILD_AGE.fullmatch(raw) if raw else None
    if not match or not any(match.groupdict().values()):
        raise InvalidInput(
            f"age {text!r} is not understood: use years and months like 7, 7y, 7y6m, 18m, 3w or 10d"
        )
    parts = {k: int(v) for k, v in match.groupdict().items() if v}
    days = (
        parts.get("y", 0) * DAYS_PER_UNIT["year"]
        + parts.get("m", 0) * DAYS_PER_UNIT["month"]
        + parts.get("w", 0) * 7
        + parts.get("d", 0)
    )
    if days > MAX_CHILD_AGE_YEARS * DAYS_PER_UNIT["year"]:
        raise InvalidInput(f"age {text!r} is over {MAX_CHILD_AGE_YEARS} years: check the age")
    return math.floor(days)


# Age bands wide enough not to identify anyone: (label, from years, below years). The
# registry stores the label; letters print it with "years".
AGE_BANDS = (("<1", 0, 1), ("1-4", 1, 5), ("5-9", 5, 10), ("10-14", 10, 15), ("15-17", 15, 18), ("18-21", 18, 22))
AGE_BAND_LABELS = tuple(label for label, _, _ in AGE_BANDS)


def age_band(age_days: int | None) -> str | None:
    """The band label of an age in days ("5-9"); "22+" past the last band; None when unknown."""
    if age_days is None:
        return None
    years = (age_days + 1) / DAYS_PER_UNIT["year"]  # one day of slack, as describe_days: ages are floored
    return next((label for label, low, high in AGE_BANDS if low <= years < high), "22+")


def age_band_words(label: str | None) -> str | None:
    """"5-9" -> "5-9 years", "<1" -> "under 1 year"."""
    if label is None:
        return None
    return "under 1 year" if label == "<1" else f"{label} years" if label[0].isdigit() else label


def optional_child_age(age: str | int | None) -> int | None:
    """parse_child_age, with None meaning "not given"."""
    return None if age is None else parse_child_age(age)


def describe_days(days: int) -> str:
    """Plain words for an age in days: '7 years 6 months', '3 weeks'."""
    # One day of slack: ages typed in months are floored to whole days.
    years, rest = divmod(days + 1, DAYS_PER_UNIT["year"])
    months = int(rest // DAYS_PER_UNIT["month"])
    years = int(years)
    if years:
        return f"{years} year{'s' * (years != 1)}" + (f" {months} month{'s' * (months != 1)}" if months else "")
    if months:
        return f"{months} month{'s' * (months != 1)}"
    weeks = int(days // 7)
    if weeks:
        return f"{weeks} week{'s' * (weeks != 1)}"
    return f"{int(days)} day{'s' * (int(days) != 1)}"


def age_fits(age_days: int, min_days: int | None, max_days: int | None) -> bool:
    """True when the age lies inside the bounds; a missing bound is no bound."""
    if min_days is not None and age_days < min_days:
        return False
    if max_days is not None and age_days > max_days:
        return False
    return True


def is_adult_only(min_days: int | None) -> bool:
    return min_days is not None and min_days >= ADULT_DAYS
