"""The offline local index under its earlier single-module name, kept so existing imports
(`from trialfind.sources.local.index import LocalIndex, build_index, ...`) keep working.
The code lives by concern in schema, bulk, build and store."""
from __future__ import annotations

from trialfind.sources.local.build import BuildReport, build_index, default_workers
from trialfind.sources.local.bulk import RecordStream, _iter_json_array, open_bulk_source
from trialfind.sources.local.schema import (
    INDEX_FILENAME,
    SCHEMA_VERSION,
    PreparedStudy,
    derivation_version,
    index_path,
    prepare_record,
    project,
    study_text_columns,
)
from trialfind.sources.local.store import IndexInfo, LocalIndex, match_expression

__all__ = [
    "BuildReport", "INDEX_FILENAME", "IndexInfo", "LocalIndex", "PreparedStudy", "RecordStream", "SCHEMA_VERSION",
    "_iter_json_array", "build_index", "default_workers", "derivation_version", "index_path", "match_expression",
    "open_bulk_source", "prepare_record", "project", "study_text_columns",
]
