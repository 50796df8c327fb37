"""The screen as it answers when text in scripts without capitals is read by its cues alone
(`privacy_scripts.READ_UNCASED_BY_CUES_ALONE`). The shipped screen refuses every run of those letters,
so a test of the cue reader through `find_personal_data` could not fail: its tests ask this instead."""
from __future__ import annotations

from trialfind.core import privacy, privacy_scripts
from trialfind.core.privacy_text import Finding


def find_reading_cues_alone(text: str) -> list[Finding]:
    saved = privacy_scripts.READ_UNCASED_BY_CUES_ALONE
    # The screen's cache is keyed by the text only, not by this switch.
    privacy._find_cached.cache_clear()
    privacy_scripts.READ_UNCASED_BY_CUES_ALONE = True
    try:
        return privacy.find_personal_data(text)
    finally:
        privacy_scripts.READ_UNCASED_BY_CUES_ALONE = saved
        privacy._find_cached.cache_clear()


def find_passing_ordinary_words(text: str) -> list[Finding]:
    """The screen as it answers with `privacy_scripts.PASS_ORDINARY_ARABIC_HEBREW_HINDI` on (as shipped): Arabic,
    Hebrew and Hindi words proven ordinary pass (privacy_uncased_vocabulary). Tests and benches ask this so that
    their figures stay the reader's if the switch is turned off."""
    saved = privacy_scripts.PASS_ORDINARY_ARABIC_HEBREW_HINDI
    privacy._find_cached.cache_clear()
    privacy_scripts.PASS_ORDINARY_ARABIC_HEBREW_HINDI = True
    try:
        return privacy.find_personal_data(text)
    finally:
        privacy_scripts.PASS_ORDINARY_ARABIC_HEBREW_HINDI = saved
        privacy._find_cached.cache_clear()
