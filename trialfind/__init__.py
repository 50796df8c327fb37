"""trialfind: clinical trials and compassionate-use candidates for children with cancer.

Public API (imported lazily so the CLI starts fast):
    parse_study, parse_studies, Study, UnreadableRecord, SearchSpec, ChildProfile, open_source, LocalIndex,
    find_trials, get_study_details, resolve_target, find_candidates, drug_evidence,
    lookup_sponsor, match_sponsor, expanded_access_records, build_request_packet, render_packet,
    open_registry, RequestRecord, update_index, WatchStore, add_watch, run_watches
"""
from __future__ import annotations

import importlib

from trialfind.core.config import VERSION as __version__  # noqa: F401 (the package version)

_EXPORTS = {
    "Study": "trialfind.core.study",
    "parse_study": "trialfind.core.study",
    "parse_studies": "trialfind.core.study",
    "UnreadableRecord": "trialfind.core.study",
    "SearchSpec": "trialfind.core.spec",
    "StudySource": "trialfind.core.spec",
    "ChildProfile": "trialfind.core.profile",
    "find_personal_data": "trialfind.core.privacy",
    "screen_fields": "trialfind.core.privacy",
    "escape_markdown": "trialfind.output.document",
    "open_source": "trialfind.sources",
    "find_trials": "trialfind.trials",
    "get_study_details": "trialfind.trials",
    "resolve_target": "trialfind.knowledge.target_resolution",
    "find_candidates": "trialfind.access.candidates",
    "drug_evidence": "trialfind.access.candidates",
    "lookup_sponsor": "trialfind.access.sponsor_lookup",
    "match_sponsor": "trialfind.knowledge.sponsor_directory",
    "expanded_access_records": "trialfind.access.ea_records",
    "build_request_packet": "trialfind.access.packet",
    "render_packet": "trialfind.output.letter",
    "open_registry": "trialfind.registry",
    "RequestRecord": "trialfind.registry",
    "LocalIndex": "trialfind.sources.local.store",
    "MemorySource": "trialfind.sources.memory",
    "TrialResults": "trialfind.trials",
    "render": "trialfind.output.render",
    "to_dataframe": "trialfind.output.dataframe",
    "update_index": "trialfind.sources.local.update",
    "WatchStore": "trialfind.watch.store",
    "add_watch": "trialfind.watch.run",
    "run_watches": "trialfind.watch.run",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'trialfind' has no attribute {name!r}")
