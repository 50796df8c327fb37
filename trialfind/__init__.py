"""trialfind: clinical trials and compassionate-use candidates for children with cancer.

Public API (imported lazily so the CLI starts fast):
    parse_study, Study, SearchSpec, ChildProfile, open_source,
    find_trials, find_candidates, lookup_sponsor
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "Study": "trialfind.study",
    "parse_study": "trialfind.study",
    "SearchSpec": "trialfind.spec",
    "StudySource": "trialfind.spec",
    "ChildProfile": "trialfind.profile",
    "open_source": "trialfind.sources",
    "find_trials": "trialfind.trials",
    "find_candidates": "trialfind.match.candidates",
    "lookup_sponsor": "trialfind.sponsors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'trialfind' has no attribute {name!r}")
