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
