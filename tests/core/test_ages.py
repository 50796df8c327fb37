"""Age bounds as ClinicalTrials.gov and other registries write them (issue 10 item 6, issue 18 item 3)."""
from __future__ import annotations

import math
import random

import pytest

from trialfind.core.ages import ctgov_age_bounds, is_no_bound, max_age_days, min_age_days, parse_child_age

YEAR = 365.25


@pytest.mark.parametrize("text", ["6.5 Years", "6.5 years", "6.5 Yrs", "6.5"])
def test_decimal_maximum_never_admits_an_older_child(text):
    assert max_age_days(text) < parse_child_age("7")
    assert max_age_days(text) < parse_child_age("6y7m")
    assert max_age_days(text) >= parse_child_age("6y5m")


def test_decimal_minimum_is_exact_and_rounds_up():
    assert min_age_days("0.5 Years") == math.ceil(0.5 * YEAR)
    assert min_age_days("1.5 Years") > parse_child_age("1y5m")


def test_whole_number_maximum_runs_to_the_next_birthday():
    assert parse_child_age("17y11m") <= max_age_days("17 Years") < parse_child_age("18y")
    assert max_age_days("6.0 Years") == max_age_days("6 Years")


@pytest.mark.parametrize("text,expected", [
    ("18", parse_child_age("18")), ("65", parse_child_age("65")), ("18 Years", parse_child_age("18")),
    ("18 years old", parse_child_age("18")), ("18 yrs", parse_child_age("18")), ("18y", parse_child_age("18")),
    ("6 Months", parse_child_age("6m")), ("6 mo", parse_child_age("6m")), ("3 Weeks", 21), ("3 wks", 21),
    ("10 Days", 10), ("1 Day", 1),
])
def test_unit_spellings_and_bare_numbers_are_years(text, expected):
    assert min_age_days(text) == expected


@pytest.mark.parametrize("text", [None, "", "  ", "N/A", "n/a", "NA", "None", "none", "No limit"])
def test_no_bound_words_are_no_bound(text):
    assert is_no_bound(text)
    assert ctgov_age_bounds(text) is None


@pytest.mark.parametrize("text", ["seven", "18 parsecs", "-3 Years", "Years", "1e9 Years"])
def test_unreadable_is_not_a_no_bound_word(text):
    assert ctgov_age_bounds(text) is None
    assert not is_no_bound(text)


def test_fuzzed_ages_never_crash_and_never_loosen_the_bound():
    units = ["Years", "Year", "years", "yrs", "y", "Months", "mo", "Weeks", "wk", "Days", "d", "Hours", "h",
             "Minutes", "min", ""]
    per_unit = {"Years": YEAR, "Year": YEAR, "years": YEAR, "yrs": YEAR, "y": YEAR, "": YEAR,
                "Months": YEAR / 12, "mo": YEAR / 12, "Weeks": 7, "wk": 7, "Days": 1, "d": 1,
                "Hours": 1 / 24, "h": 1 / 24, "Minutes": 1 / 1440, "min": 1 / 1440}
    rng = random.Random(10)
    numbers = ["0", "1", "17", "6.5", "0.25", "99.999", "120", "9" * 30, "12345678901234567890.5", "7."]
    numbers += [str(rng.randint(0, 200)) + rng.choice(["", "." + str(rng.randint(0, 99))]) for _ in range(300)]
    for number in numbers:
        for unit in units:
            text = f"{number} {unit}".strip()
            bounds = ctgov_age_bounds(text)
            value = float(number) * per_unit[unit]
            if bounds is None:
                assert value > 10 ** 6, text  # only absurd ages are unreadable
                continue
            first, last = bounds
            assert 0 <= first <= last + 1, text
            if value < 10 ** 6:
                assert first >= math.floor(value) - 0, text  # the minimum is never earlier than the record's
                whole = "." not in number.rstrip("0").rstrip(".")
                limit = (float(number) + 1) * per_unit[unit] if whole else value
                assert last <= math.floor(limit) + 0, text  # the maximum never later
    for junk in ["", "x", "..", "1..2 Years", "Years 7", "７ Years", "1,5 Years", "\x00", "1 Year 6 Months"]:
        ctgov_age_bounds(junk)  # never raises
