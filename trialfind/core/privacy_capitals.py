"""Text typed in capitals, read in ordinary case, so that the name rules can see its names.

Every name rule reads a name by its capital among lower-case words: "Alejandro Gómez Torres -
denegado" is a name before a word. Typed all in capitals ("ALEJANDRO GÓMEZ TORRES - DENEGADO",
"KELLY FROM SPRINGWORKS NEVER ANSWERED", a label copied from a form), every word has a capital
and the rules are blind. Such text is read a second time with the case a writer would have used:
a word on a given-name list, or unknown to the screen's vocabulary (a surname), gets its capital;
an ordinary word of English or of another language written in Latin letters (wordfreq's lists, as
privacy_languages reads them) loses it; a word of four letters or fewer that is no English word, or one joined to
digits (an acronym or code: "DIPG", "EMA", "BRAF", "DAY101") stays as typed.
"""
from __future__ import annotations

import re

from trialfind.core.given_names import in_any_given_name_list, is_english_word, is_romanised_given_name
from trialfind.core.privacy_vocabulary import is_known_word
from trialfind.core.privacy_word_lists import LATIN_LANGUAGES, is_word_of
from trialfind.core.privacy_words import GIVEN_NAMES

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Letters joined to digits, directly or by a hyphen, are a code's: "DAY101", "TAK-580", "GD2-CART01".
_CODE_BEFORE = re.compile(r"\d-?$")
_CODE_AFTER = re.compile(r"-?\d")
_TITLES = frozenset(("dr", "mr", "mrs", "ms", "prof", "dra", "sra", "sr"))
_AFTER_A_TITLE = re.compile(r"\b(?:DR|MR|MRS|MS|PROF|DRA|SRA|SR)\.?\s+$")
_PREVIOUS_WORD = re.compile(r"\b([A-Z]{3,})\s+$")
_MIN_WORDS = 2
_MIN_UPPER_SHARE = 0.8
_ACRONYM_LENGTH = 4


# A form's short label before the value, which keeps its own case: "Contact: DR. ABDULLAH AL-SHEHRI".
_LABEL = re.compile(r"^\s*[A-Za-z][A-Za-z ]{0,24}:\s*")


def is_typed_in_capitals(text: str) -> bool:
    """Two or more words of three letters or more, and at least 80% of the cased letters capitals (after a short
    label, if one heads the value)."""
    text = text[_LABEL.match(text).end():] if _LABEL.match(text) else text
    cased = [c for c in text if c.lower() != c.upper()]
    if not cased or sum(len(w) >= 3 for w in _WORD.findall(text)) < _MIN_WORDS:
        return False
    return sum(c.isupper() for c in cased) >= _MIN_UPPER_SHARE * len(cased)


def _recased(match: re.Match) -> str:
    word = match.group()
    lower = word.lower()
    text, start, end = match.string, match.start(), match.end()
    if (not word.isupper() or len(lower) != len(word)
            or _CODE_BEFORE.search(text, 0, start) or _CODE_AFTER.match(text, end)):
        return word                                    # "DAY101", "TAK-580": a code's letters
    # "MIN-JUN", "SEO-YEON": a romanised Korean or Chinese given name, written "Min-jun"
    next_part, previous_part = re.match(r"-([A-Z]+)\b", text[end:]), re.search(r"\b([A-Z]+)-$", text[:start])
    if next_part and is_romanised_given_name(f"{lower}-{next_part.group(1).lower()}"):
        return word[0] + lower[1:]
    if previous_part and is_romanised_given_name(f"{previous_part.group(1).lower()}-{lower}"):
        return lower
    after_a_name = _PREVIOUS_WORD.search(text, 0, start)
    if lower in _TITLES or ((_AFTER_A_TITLE.search(text, 0, start) or (
            after_a_name and in_any_given_name_list(after_a_name.group(1).lower()))) and not is_english_word(lower)):
        # "DR KOWALSKI", "JOHN O'MALLEY": a surname after a title or a given name keeps its capital
        return word[0] + lower[1:]
    if len(word) <= _ACRONYM_LENGTH:
        # "FROM", "ALL" are words; "DIPG", "MYCN", "EMA" stay acronyms, even where a rare given name is spelt so
        # ("Ema"); a common given name ("JOHN", "ANNA", the curated list) is a name.
        if lower in GIVEN_NAMES:
            return word[0] + lower[1:]
        return lower if is_english_word(lower) else word
    if in_any_given_name_list(lower):
        return word[0] + lower[1:]
    if is_known_word(lower) or any(is_word_of(lower, language) for language in LATIN_LANGUAGES):
        return lower                                   # "ANTRAG ABGELEHNT": German words, not a name
    return word[0] + lower[1:]


def in_ordinary_case(text: str) -> str:
    """`text` with each capitalised word re-cased as above; the same length, so findings keep their spans."""
    recased = _WORD.sub(_recased, text)
    return recased if len(recased) == len(text) else text
