"""Digits of every script read as digits, and the word-by-word reader for Arabic, Hebrew and Hindi
(privacy_uncased_vocabulary). Strings are synthetic near-twins written for these tests."""
from __future__ import annotations

import pytest

from tests.core.uncased_cues import find_passing_ordinary_words
from trialfind.core import privacy_scripts
from trialfind.core.privacy import find_personal_data
from trialfind.core.privacy_text import normalise
from trialfind.core.privacy_uncased_names import LEFT_OUT, is_listed_name, listed_names
from trialfind.core.privacy_uncased_vocabulary import is_ordinary_word, ordinary_word_spans


@pytest.mark.parametrize("typed, read", [
    ("١٤/٠٣/٢٠١٥", "14/03/2015"),            # Arabic-Indic
    ("۱۴۰۲", "1402"),                          # Persian
    ("९८७६५ ४३२१०", "98765 43210"),          # Devanagari
    ("๒๕๖๖", "2566"),                          # Thai
])
def test_every_scripts_decimal_digits_are_read_as_ascii_digits(typed, read):
    assert normalise(typed)[0] == read


def test_superscripts_are_not_decimal_digits_and_stay_as_nfkc_makes_them():
    assert normalise("mg/m²")[0] == "mg/m2"


@pytest.mark.parametrize("text", ["DOB ١٤/٠٣/٢٠١٥", "born ١٤.٠٣.٢٠١٥", "call ٠٧٩٠٠ ١٢٣٤٥٦"])
def test_dates_and_phones_in_other_scripts_digits_are_refused(text):
    assert find_personal_data(text)


def test_a_dose_in_arabic_indic_digits_passes_in_latin_text():
    # The digits were letters of the Arabic block to the script rule, so the dose was refused as unread text.
    assert find_personal_data("dose ٢٥ mg/m²") == []


def test_the_word_reader_is_shipped_on_and_the_shipped_screen_passes_ordinary_arabic_hebrew_hindi_text():
    assert privacy_scripts.PASS_ORDINARY_ARABIC_HEBREW_HINDI is True
    for text in ("المريض استجاب للعلاج", "החברה אישרה את הבקשה", "दवा से बुखार आया"):
        assert find_personal_data(text) == []


@pytest.mark.parametrize("text", ["患者对治疗有反应", "ผู้ป่วยตอบสนองต่อการรักษา", "환자가 치료에 반응했다",
                                  "بیمار به درمان پاسخ داد"])
def test_other_scripts_without_capitals_and_persian_stay_refused_wholesale(text):
    assert find_personal_data(text)


@pytest.mark.parametrize("text", [
    "المريض استجاب للعلاج",                 # the patient responded to treatment
    "تمت الموافقة بعد أسبوعين، طفح جلدي درجة ٢",
    "החברה אישרה את הבקשה תוך שבועיים",
    "दवा से बुखार आया",                       # the drug caused fever
    "لاروتريكتينيب 100 ملغ مرتين يوميا",     # a drug's name spelt in Arabic
])
def test_ordinary_clinical_text_passes_with_the_word_reader_on(text):
    assert find_passing_ordinary_words(text) == []


@pytest.mark.parametrize("text", [
    "المريض محمد استجاب للعلاج",            # a listed given name among ordinary words
    "הילד יוסי הגיב טוב לטיפול",
    "राहुल को दवा से बुखार आया",
    "ابنتي أمل استجابت للعلاج",              # a name that is also a word ("hope") after "my daughter"
    "رقم الجواز N0987654",                   # a passport number after its word
    "पासपोर्ट नंबर K4829163",
    "כתובת: קיבוץ יגור, בית 112",             # an address
    "المريض استجاب للعلاج في مستشفى الحمدانية",   # a rare word: could be a family name, refused
    "ازاي حال بيمار؟ پسرم بهتر شد",           # Persian letters: Arabic-script words not proven at all
])
def test_names_details_and_rare_words_stay_refused_with_the_word_reader_on(text):
    assert find_passing_ordinary_words(text)


def test_a_listed_name_with_a_joined_clitic_is_still_a_name():
    assert not is_ordinary_word("ومحمد", "ar")       # "and Muhammad"
    assert not is_ordinary_word("ליוסי", "he")       # "to Yossi"
    assert is_ordinary_word("للعلاج", "ar")           # "for the treatment"


def test_a_drug_ending_counts_only_on_a_long_word():
    assert is_ordinary_word("קריזוטיניב", "he")      # crizotinib
    assert not is_ordinary_word("יניב", "he")         # Yaniv, a given name


def test_the_name_table_loads_every_language_and_leaves_out_its_common_words():
    for language in ("ar", "he", "hi"):
        names = listed_names(language)
        assert len(names) > 500
        assert not names & LEFT_OUT[language]
    assert is_listed_name("أحمد", "ar") and is_listed_name("احمد", "ar")    # alef forms made one
    assert not is_listed_name("חיים", "he")                                # "life": left out


def test_spans_cover_only_proven_words():
    text = "المريض محمد استجاب"
    words = [text[start:end] for start, end in ordinary_word_spans(text)]
    assert words == ["المريض", "استجاب"]
