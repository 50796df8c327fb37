"""trialfind: clinical trials and compassionate-use candidates for children with cancer.

Public API (imported lazily so the CLI starts fast):
    parse_study, Study, SearchSpec, ChildProfile, open_source, LocalIndex,
    find_trials, get_study_details, resolve_target, find_candidates, drug_evidence,
    lookup_sponsor, match_sponsor, expanded_access_records, build_request_packet,
    open_registry, RequestRecord
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
    "get_study_details": "trialfind.trials",
    "resolve_target": "trialfind.match.targets",
    "find_candidates": "trialfind.match.candidates",
    "drug_evidence": "trialfind.match.candidates",
    "lookup_sponsor": "trialfind.sponsors",
    "match_sponsor": "trialfind.sponsors",
    "expanded_access_records": "trialfind.expanded_access",
    "build_request_packet": "trialfind.request_packet",
    "open_registry": "trialfind.registry",
    "RequestRecord": "trialfind.registry",
    "LocalIndex": "trialfind.index",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'trialfind' has no attribute {name!r}")
