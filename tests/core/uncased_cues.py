"""The screen as it answers when text in scripts without capitals is read by its cues alone
(`privacy_scripts.READ_UNCASED_BY_CUES_ALONE`). The shipped screen refuses every run of those letters,
so a test of the cue reader through `find_personal_data` could not fail: its tests ask this instead."""
from __future__ import annotations

import re

from trialfind.core import privacy, privacy_scripts
from trialfind.core.privacy_scripts import UNCASED_RUN
from trialfind.core.privacy_text import Finding
from trialfind.core.privacy_uncased_vocabulary import PERSIAN_OR_URDU_LETTER


def _screen_with_switch_on(switch: str, text: str) -> list[Finding]:
    """`find_personal_data(text)` with the module switch `privacy_scripts.<switch>` set to True for the call."""
    saved = getattr(privacy_scripts, switch)
    # The screen's cache is keyed by the text only, not by the switches.
    privacy._find_cached.cache_clear()
    setattr(privacy_scripts, switch, True)
    try:
        return privacy.find_personal_data(text)
    finally:
        setattr(privacy_scripts, switch, saved)
        privacy._find_cached.cache_clear()


def find_reading_cues_alone(text: str) -> list[Finding]:
    return _screen_with_switch_on("READ_UNCASED_BY_CUES_ALONE", text)


def find_passing_ordinary_words(text: str) -> list[Finding]:
    """The screen as it answers with `privacy_scripts.PASS_ORDINARY_ARABIC_HEBREW_HINDI` on (as shipped): Arabic,
    Hebrew and Hindi words proven ordinary pass (privacy_uncased_vocabulary). Tests and benches ask this so that
    their figures stay the reader's if the switch is turned off."""
    return _screen_with_switch_on("PASS_ORDINARY_ARABIC_HEBREW_HINDI", text)


def read_word_by_word(text: str) -> bool:
    """Text in a script without capitals whose letters outside Latin, Greek and Cyrillic are Arabic (no letter only
    Persian or Urdu writes), Hebrew or Devanagari only: the word-by-word reader's (privacy_uncased_vocabulary)."""
    runs = "".join(UNCASED_RUN.findall(text))
    other = re.sub(r"[\u0590-\u05FF\u0600-\u06FF\u0900-\u097F]", "", runs)
    return bool(runs) and not other and not PERSIAN_OR_URDU_LETTER.search(text)
