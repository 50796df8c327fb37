"""Ages in days: the child's age as people type it, and ClinicalTrials.gov age bounds.

ClinicalTrials.gov states ages in whole units ("17 Years", "6 Months"). A maximum
of "17 Years" means "until the 18th birthday", so an upper bound of N units admits
everyone younger than N+1 units; we store it as the last admitted day. That rule is
for whole numbers only: a decimal bound ("6.5 Years") is exact, never widened.

Other spellings read as the field's other tools read them: a bare number is years
("18"); "N/A", "None", "No limit" or an empty value is no bound. Anything else is
unreadable (None, and callers say so: they never treat it as a "no").
"""
from __future__ import annotations

import math
import re
from fractions import Fraction
from functools import lru_cache

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

# Exact day counts per unit, so decimals and huge numbers never round the wrong way.
_EXACT_DAYS = {"year": Fraction(1461, 4), "month": Fraction(1461, 48), "week": Fraction(7), "day": Fraction(1),
               "hour": Fraction(1, 24), "minute": Fraction(1, 1440)}
_UNIT_SPELLINGS = {
    "year": ("year", "years", "yr", "yrs", "y", "yo", "annee", "ans"),
    "month": ("month", "months", "mo", "mos", "mth", "mths", "m"),
    "week": ("week", "weeks", "wk", "wks", "w"),
    "day": ("day", "days", "d"),
    "hour": ("hour", "hours", "hr", "hrs", "h"),
    "minute": ("minute", "minutes", "min", "mins"),
}
_UNIT_OF = {spelling: unit for unit, spellings in _UNIT_SPELLINGS.items() for spelling in spellings}
NO_BOUND_WORDS = frozenset({"n/a", "na", "none", "no limit", "not applicable", "no maximum", "no minimum", "-"})
_CTGOV_AGE = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*(?:([A-Za-z]+)\.?)?\s*(?:old)?\s*$")
# Larger than any human age: a bound beyond it is unreadable, the nearest ones are clamped.
_CLAMP_DAYS = 10 ** 7
_CHILD_AGE = re.compile(
    r"^(?:(?P<y>\d+)\s*y)?\s*(?:(?P<m>\d+)\s*m)?\s*(?:(?P<w>\d+)\s*w)?\s*(?:(?P<d>\d+)\s*d)?$"
)


def _unit(word: str) -> str | None:
    word = word.lower()
    if word in _UNIT_OF:
        return _UNIT_OF[word]
    word = word.rstrip("s")
    return word if word in DAYS_PER_UNIT else None


def is_no_bound(text: str | None) -> bool:
    """True for a missing bound and for the words records use for one ("N/A", "None")."""
    return text is None or not str(text).strip() or " ".join(str(text).lower().split()) in NO_BOUND_WORDS


def ctgov_age_bounds(text: str | None) -> tuple[int, int] | None:
    """First and last day of life covered by a ClinicalTrials.gov age such as "17 Years".

    Whole numbers cover the whole unit ("17 Years": from the 17th birthday to the day before
    the 18th); decimals are exact ("6.5 Years": from day 2375 of life, up to day 2374 as a
    maximum). Returns None for a missing, "N/A" or unreadable age (callers treat None as
    "no bound" and use `is_no_bound` to tell the two apart).
    """
    if is_no_bound(text):
        return None
    return _ctgov_age_bounds(str(text))


@lru_cache(maxsize=4096)  # records repeat a few dozen spellings ("18 Years"); exact arithmetic is not free
def _ctgov_age_bounds(text: str) -> tuple[int, int] | None:
    match = _CTGOV_AGE.match(text)
    if not match:
        return None
    unit = _unit(match.group(2)) if match.group(2) else "year"  # a bare number is years
    if unit is None:
        return None
    number = match.group(1)
    value = Fraction(number if not number.endswith(".") else number[:-1])
    per = _EXACT_DAYS[unit]
    exact = value * per
    if exact > _CLAMP_DAYS:
        return None  # "9999... Years": not an age anyone meant; read as "could not be read"
    if value.denominator == 1 and "." not in number.rstrip("0").rstrip("."):
        first = math.floor(exact)
        last = math.floor((value + 1) * per) - 1 if unit != "minute" else first
    else:
        # A decimal bound is exact: the minimum rounds up, the maximum down, never looser.
        first = math.ceil(exact)
        last = math.floor(exact)
        return min(first, _CLAMP_DAYS), min(last, _CLAMP_DAYS)  # last may be first - 1: a point in a day
    first, last = min(first, _CLAMP_DAYS), min(last, _CLAMP_DAYS)
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
