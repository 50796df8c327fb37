"""The one home of small shared conventions: folding names, NCT ids, partial dates, age
bands, highest phase."""
from __future__ import annotations

from datetime import date

import pytest

from trialfind.core.ages import AGE_BAND_LABELS, age_band, age_band_words, parse_child_age
from trialfind.core.errors import InvalidInput
from trialfind.core.spec import tokens
from trialfind.core.study import highest_phase
from trialfind.core.text import compact, fold, fold_width, is_nct_id, normalise_nct_id, parse_partial_date


def test_fold_and_compact_agree_on_accents_and_punctuation():
    assert fold("Zoë Lorbréna") == "zoe lorbrena"
    assert compact("PF-06463922") == compact("pf 06463922") == "pf06463922"
    assert compact("Lorbréna") == compact("LORBRENA")


@pytest.mark.parametrize("text, expected", [
    ("NTRK、ROS1 or ALK fusion", ["ntrk", "ros1", "or", "alk", "fusion"]),  # ideographic comma
    ("EGFR–mutant", ["egfr", "mutant"]),  # en dash
    ("ALK，ROS1；RET（fusion）", ["alk", "ros1", "ret", "fusion"]),  # full-width comma, semicolon, brackets
    ("ＮＴＲＫ１ fusion", ["ntrk1", "fusion"]),  # full-width letters and digits are the letters and digits
    ("Lorbréna naïve", ["lorbrena", "naive"]),  # an accent stays within its word
    ("Lorbre\u0301na", ["lorbrena"]),  # also written as a combining mark
])
def test_search_words_are_split_at_punctuation_without_an_ascii_form(text, expected):
    assert tokens(text) == expected


def test_width_folding_keeps_offsets_and_leaves_nct_ids_alone():
    for text in ("No ALK fusion；NTRK fusion required", "ＥＧＦＲ、ＡＬＫ。", "plain ASCII", "Zoë（3000）"):
        assert len(fold_width(text)) == len(text)
    assert fold_width("No ALK fusion；NTRK、ROS1（or ALK）。") == "No ALK fusion;NTRK,ROS1(or ALK)."
    assert fold_width("ＥＧＦＲ") == "EGFR" and fold_width("Zoë") == "Zoë"
    # reading prose folds full-width digits; an NCT id still takes ASCII digits only
    assert fold_width("NCT０１２３４５６７") == "NCT01234567"
    assert not is_nct_id("NCT０１２３４５６７")


@pytest.mark.parametrize("raw", [" nct01234567 ", "NCT01234567"])
def test_nct_ids_normalise(raw):
    assert normalise_nct_id(raw) == "NCT01234567"


@pytest.mark.parametrize("raw", ["NCT0123456", "NCT012345678", "NCT０１２３４５６７", "NCT0123456٧", "", "01234567"])
def test_nct_ids_need_eight_ascii_digits(raw):
    assert not is_nct_id(raw.strip().upper())
    with pytest.raises(InvalidInput):
        normalise_nct_id(raw)


@pytest.mark.parametrize("text, expected", [("2024", date(2024, 1, 1)), ("2024-05", date(2024, 5, 1)),
                                            ("2024-05-17", date(2024, 5, 17)), ("", None), (None, None),
                                            ("2024-13", None), ("soon", None)])
def test_partial_dates(text, expected):
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize("age, band", [("3m", "<1"), ("11m", "<1"), ("1", "1-4"), ("4y11m", "1-4"), ("5", "5-9"),
                                       ("9y11m", "5-9"), ("10", "10-14"), ("17y11m", "15-17"), ("18", "18-21"),
                                       ("21y11m", "18-21"), ("22", "22+")])
def test_age_bands_are_one_vocabulary(age, band):
    assert age_band(parse_child_age(age)) == band
    assert band in AGE_BAND_LABELS or band == "22+"


def test_age_band_words():
    assert age_band_words("<1") == "under 1 year" and age_band_words("5-9") == "5-9 years"
    assert age_band(None) is None and age_band_words(None) is None


def test_highest_phase():
    assert highest_phase(["PHASE1", "PHASE2"]) == "PHASE2"
    assert highest_phase(["EARLY_PHASE1"]) == "EARLY_PHASE1"
    assert highest_phase(["NA"]) == "NA" and highest_phase(["NA"], ignore_na=True) is None
    assert highest_phase([]) is None and highest_phase(None) is None
