"""Letters of scripts other than Latin: Cyrillic and Greek words that could be names are refused,
and text in scripts without capitals goes to the cue reader (privacy_uncased).

The screen reads Latin letters, and Cyrillic and Greek text written in one language it has common
words for (privacy_languages masks those words first). What is left here is refused:
- in Cyrillic or Greek, a capitalised word inside a sentence, a word no list knows, or a given name
  ("Смирнова", "Анна"); text too short to tell its language.
In Arabic, Hebrew, Devanagari, Thai, Hangul, kana and CJK ideographs names have no shape (no
capitals, and frequency lists rank "محمد" above "استجابة"), so a run of those letters is not refused
for being there: privacy_uncased reads the cues around a name (a relation, role, title or naming
word, a listed family name with given-name characters, a value that is only a listed name) and
addresses and dates of birth with their numbers. Clinical text without such a cue passes.
A single Greek letter or two ("TNF-α", "γδ T cells") is clinical notation, not a word, so Greek
needs a run of three letters.
"""
from __future__ import annotations

import re

from trialfind.core.privacy_text import Finding
from trialfind.core.privacy_uncased import EXPLANATION, find_uncased_personal_data

_CASED_SCRIPT = r"\u0400-\u052F"   # Cyrillic (Greek below, with its length rule)
UNREAD_SCRIPT = re.compile(rf"[{_CASED_SCRIPT}]+|[\u0370-\u03FF]{{3,}}")
CASED_EXPLANATION = ("a Cyrillic or Greek word that could be a name (capitalised inside a sentence, a given "
                     "name, or text too short to tell its language): please write it without names, or in "
                     "Latin letters")


__all__ = ["CASED_EXPLANATION", "EXPLANATION", "UNREAD_SCRIPT", "find_unread_scripts"]


def find_unread_scripts(text: str, found: list[Finding]) -> None:
    """Append a finding for each Cyrillic or Greek word that could be a name, and for each name, address
    or date of birth the cue reader finds in scripts without capitals."""
    for match in UNREAD_SCRIPT.finditer(text):
        if any(char.isalpha() for char in match.group()):
            found.append(Finding("name", match.start(), match.end(), CASED_EXPLANATION))
    find_uncased_personal_data(text, found)
