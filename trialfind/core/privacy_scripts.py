"""Letters of scripts other than Latin: Cyrillic and Greek words that could be names, and every run
of letters in a script without capitals, are refused with a message saying why.

The screen reads Latin letters, and Cyrillic and Greek text written in one language it has common
words for (privacy_languages masks those words first). What is left here is refused:
- in Cyrillic or Greek, a capitalised word inside a sentence, a word no list knows, or a given name
  ("Смирнова", "Анна"); text too short to tell its language;
- in Arabic, Hebrew, Devanagari, Thai, Hangul, kana and CJK ideographs, every run. Names there have
  no shape (no capitals, and frequency lists rank "محمد" above "استجابة"). The cue reader
  (privacy_uncased: relation, role, title and naming words, listed names, address and birth words)
  runs first so that a name it reads is refused with a message naming it; whatever it leaves is
  still refused. Product decision (README, "Privacy"; bench/RESULTS.md, "blind batches 16 and 17"):
  on fresh text the cue reader alone let through 40 of 102 and, after a second round, 26 of 94
  personal strings in these scripts, so letting cue-less text pass would store names of children.
  `READ_UNCASED_BY_CUES_ALONE` is the switch for the day a blind batch shows it misses at most 2%.
A single Greek letter or two ("TNF-α", "γδ T cells") is clinical notation, not a word, so Greek
needs a run of three letters.
"""
from __future__ import annotations

import re

from trialfind.core.privacy_text import Finding
from trialfind.core.privacy_uncased import EXPLANATION, UNCASED_LETTERS, find_uncased_personal_data

_CASED_SCRIPT = r"\u0400-\u052F"   # Cyrillic (Greek below, with its length rule)
UNREAD_SCRIPT = re.compile(rf"[{_CASED_SCRIPT}]+|[\u0370-\u03FF]{{3,}}")
UNCASED_RUN = re.compile(rf"[{UNCASED_LETTERS}]+")
# False until a blind batch, measured once, shows the cue reader alone misses at most 2% of personal strings.
READ_UNCASED_BY_CUES_ALONE = False
UNCASED_EXPLANATION = ("words in a script without capitals (Arabic, Hebrew, Hindi, Thai, Korean, Japanese or "
                       "Chinese letters), where the screen cannot tell every name from a word: please write the "
                       "value in Latin letters, without names")
CASED_EXPLANATION = ("a Cyrillic or Greek word that could be a name (capitalised inside a sentence, a given "
                     "name, or text too short to tell its language): please write it without names, or in "
                     "Latin letters")


__all__ = ["CASED_EXPLANATION", "EXPLANATION", "READ_UNCASED_BY_CUES_ALONE", "UNCASED_EXPLANATION", "UNCASED_RUN",
           "UNREAD_SCRIPT", "find_unread_scripts"]


def find_unread_scripts(text: str, found: list[Finding]) -> None:
    """Append a finding for each Cyrillic or Greek word that could be a name, for each name, address or
    date of birth the cue reader finds in scripts without capitals and, unless READ_UNCASED_BY_CUES_ALONE,
    for every other run of letters in those scripts."""
    for match in UNREAD_SCRIPT.finditer(text):
        if any(char.isalpha() for char in match.group()):
            found.append(Finding("name", match.start(), match.end(), CASED_EXPLANATION))
    read: list[Finding] = []
    find_uncased_personal_data(text, read)
    found.extend(read)
    if READ_UNCASED_BY_CUES_ALONE:
        return
    for match in UNCASED_RUN.finditer(text):
        if not any(f.start < match.end() and match.start() < f.end for f in read):
            found.append(Finding("name", match.start(), match.end(), UNCASED_EXPLANATION))
