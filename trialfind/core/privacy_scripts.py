"""Letters of a script the screen cannot tell names in: refused, with a message saying why.

The screen reads Latin letters, and Cyrillic and Greek text written in one language it has common
words for (privacy_languages masks those words first). What is left here is refused:
- in Cyrillic or Greek, a capitalised word inside a sentence, a word no list knows, or a given name
  ("Смирнова", "Анна"); text too short to tell its language;
- in Arabic, Hebrew, Devanagari, Thai, Hangul, kana and CJK ideographs, every run: these scripts have
  no capitals, and frequency lists rank names with words ("محمد" is more frequent than "استجابة"),
  so "李明轩" cannot be told from a word. Product decision (README, "Privacy"): default deny, with a
  message asking for the value in Latin letters and without names.
A single Greek letter or two ("TNF-α", "γδ T cells") is clinical notation, not a word, so Greek
needs a run of three letters.
"""
from __future__ import annotations

import re

from trialfind.core.privacy_text import Finding

_CASED_SCRIPT = r"\u0400-\u052F"   # Cyrillic (Greek below, with its length rule)
# Letters only (no digits, marks or punctuation of those blocks matter for the decision).
_UNCASED_SCRIPT = (r"\u0590-\u05FF"      # Hebrew
                   r"\u0600-\u06FF\u0750-\u077F"  # Arabic
                   r"\u0900-\u097F"      # Devanagari
                   r"\u0E00-\u0E7F"      # Thai
                   r"\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF"  # Hangul
                   r"\u3040-\u30FF"      # Hiragana, Katakana
                   r"\u3400-\u4DBF\u4E00-\u9FFF")  # CJK ideographs
UNREAD_SCRIPT = re.compile(rf"(?P<uncased>[{_UNCASED_SCRIPT}]+)|[{_CASED_SCRIPT}]+|[\u0370-\u03FF]{{3,}}")
EXPLANATION = ("words in a script whose names the screen cannot tell from words (Arabic, Hebrew, Hindi, Thai, "
               "Korean, Japanese or Chinese letters): please write the value in Latin letters, without names")
CASED_EXPLANATION = ("a Cyrillic or Greek word that could be a name (capitalised inside a sentence, a given "
                     "name, or text too short to tell its language): please write it without names, or in "
                     "Latin letters")


def find_unread_scripts(text: str, found: list[Finding]) -> None:
    """Append one finding for each run of letters in a script the screen cannot tell names in."""
    for match in UNREAD_SCRIPT.finditer(text):
        if any(char.isalpha() for char in match.group()):
            found.append(Finding("name", match.start(), match.end(),
                                 EXPLANATION if match.group("uncased") else CASED_EXPLANATION))
