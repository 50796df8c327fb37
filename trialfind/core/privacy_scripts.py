"""Letters of a script the screen has no vocabulary for: refused, since a name cannot be told apart.

The screen knows English and Latin-script words (web2, GeoNames, INN stems); in Cyrillic, Greek,
Arabic, Hebrew, Devanagari, Thai, Hangul, Kana or CJK ideographs it cannot tell "Смирнова" or
"李明轩" from a word. Product decision (README, "Privacy"): default deny, with a message asking for
the value in Latin letters and without names. A single Greek letter or two ("TNF-α", "γδ T cells")
is clinical notation, not a word, so Greek needs a run of three letters.
"""
from __future__ import annotations

import re

from trialfind.core.privacy_text import Finding

# Letters only (no digits, marks or punctuation of those blocks matter for the decision).
_OTHER_SCRIPT = (r"\u0400-\u052F"      # Cyrillic
                 r"\u0590-\u05FF"      # Hebrew
                 r"\u0600-\u06FF\u0750-\u077F"  # Arabic
                 r"\u0900-\u097F"      # Devanagari
                 r"\u0E00-\u0E7F"      # Thai
                 r"\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF"  # Hangul
                 r"\u3040-\u30FF"      # Hiragana, Katakana
                 r"\u3400-\u4DBF\u4E00-\u9FFF")  # CJK ideographs
UNREAD_SCRIPT = re.compile(rf"[{_OTHER_SCRIPT}]+|[\u0370-\u03FF]{{3,}}")
EXPLANATION = ("words in a script the screen cannot read (a name cannot be told from a word there: "
               "please write the value in Latin letters, without names)")


def find_unread_scripts(text: str, found: list[Finding]) -> None:
    """Append one finding for each run of letters in a script the screen has no vocabulary for."""
    for match in UNREAD_SCRIPT.finditer(text):
        if any(char.isalpha() for char in match.group()):
            found.append(Finding("name", match.start(), match.end(), EXPLANATION))
