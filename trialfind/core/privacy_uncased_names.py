"""Given and family names in Arabic, Hebrew and Hindi: the lists privacy_uncased_vocabulary checks each word against.

Two sources, each public: the short lists the cue reader uses (privacy_uncased_words) and the longer table
`data/names_in_uncased_scripts.tsv` (language, kind, name, source), written out from the public name lists
`data/SOURCES.md` names. A name is matched as written, without vowel marks (Arabic harakat, Hebrew niqqud), and with
Arabic's alef forms made one ("أحمد" / "احمد").
"""
from __future__ import annotations

import csv
import functools
import re
from importlib import resources

import trialfind.core.privacy_uncased_words as words

ARABIC_MARKS = "\u0640\u064B-\u065F\u0670"      # tatweel, harakat, superscript alef
HEBREW_MARKS = "\u0591-\u05C7"                  # cantillation and niqqud
_MARKS = {"ar": re.compile(f"[{ARABIC_MARKS}]"), "he": re.compile(f"[{HEBREW_MARKS}]")}
TABLE = "names_in_uncased_scripts.tsv"
# Names the source lists hold that are also among their language's commonest words in registry notes (data/SOURCES.md):
# left out of the table, so "איכות חיים" (quality of life) and "चरण 2" (phase 2) are not names.
LEFT_OUT = {
    "ar": frozenset("""
        الله بن آل الدين العربي الشيخ أبو ابو العمر حياة صباح السيد المصري عيد سعيد العزيز جميل جميلة خير
        الأحمر ثاني نور بيان العراقي عودة وسيلة الحمد الجميل المغربي رحمة صالح كريم ملك الكريم الرحمن رمضان
        القاضي عز سيد الصباح
    """.split()),
    "he": frozenset("""
        לי ישראל ישראלי בן בת אדם שני חיים בני אלה האלה לב טובה שלום יפה בר עלי אלי ים אבי מאי דור קרן ציון
        מתן אמה מזל אביב
    """.split()),
    "hi": frozenset("""
        दिया सरकार मेरी जीवन विकास भगवान विश्वास कदम सीमा चरण सारा प्रथम लक्ष्य अनुभव विधि डे भावना रचना
        आदर्श मंडल जगत कवि निगम खुशी शांति
    """.split()),
}


def without_marks(text: str, language: str) -> str:
    """`text` without Arabic's or Hebrew's vowel and cantillation marks ("وُلد" is "ولد"); lengths change."""
    marks = _MARKS.get(language)
    return marks.sub("", text) if marks else text


def _plain(name: str, language: str) -> str:
    bare = without_marks(name, language)
    return re.sub("[أإآ]", "ا", bare) if language == "ar" else bare


@functools.lru_cache(maxsize=None)
def listed_names(language: str) -> frozenset[str]:
    """Every listed given and family name of `language` ("ar", "he", "hi"), each word of a two-word name too."""
    short = {"ar": words.ARABIC_GIVEN_NAMES, "he": words.HEBREW_GIVEN_NAMES | words.HEBREW_FAMILY_NAMES,
             "hi": words.HINDI_GIVEN_NAMES | words.HINDI_FAMILY_NAMES}[language]
    names = set(short)
    with resources.files("trialfind.core").joinpath("data", TABLE).open(encoding="utf-8", newline="") as handle:
        names.update(row["name"] for row in csv.DictReader(handle, delimiter="\t") if row["language"] == language)
    return frozenset(_plain(part, language) for name in names for part in name.split()
                     if part not in LEFT_OUT[language])


def is_listed_name(word: str, language: str) -> bool:
    return _plain(word, language) in listed_names(language)


__all__ = ["ARABIC_MARKS", "HEBREW_MARKS", "LEFT_OUT", "TABLE", "is_listed_name", "listed_names", "without_marks"]
