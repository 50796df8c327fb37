"""The local index's file layout and what one study contributes to it.

The full-text columns do not hold the raw text but the output of
`trialfind.core.spec.tokens()` (ASCII words), so FTS5's tokenizer sees exactly the words
the reference matcher sees (non-ASCII letters, ligatures and superscripts are folded
the Python way, not the unicode61 way). Texts within a column are joined by a
separator token (`SEPARATOR`, a Greek letter no `tokens()` output can contain) so a
phrase never matches across two texts, as in the reference.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import trialfind.core.ages as age_module
import trialfind.core.arms as arms_module
import trialfind.core.contacts as contacts_module
import trialfind.core.criteria_text as criteria_module
import trialfind.core.record_shape as record_shape_module
import trialfind.core.spec as spec_module
import trialfind.core.study as study_module
import trialfind.core.text as text_module
import trialfind.sources.fields as fields_module
import trialfind.sources.local.form as form_module
from trialfind.core.spec import retrieval_texts, tokens
from trialfind.core.study import UnreadableRecord, parse_study
from trialfind.core.text import NCT_ID_PATTERN
from trialfind.sources.fields import SEARCH_FIELDS
from trialfind.sources.local.form import study_form

INDEX_FILENAME = "index.sqlite"
SCHEMA_VERSION = 4
# Indexes of these versions are upgraded in place by the next build or update (their
# derived data is re-derived from the stored records) and are searched until then.
UPGRADABLE_SCHEMAS = frozenset({"3"})
SEPARATOR = "ω"  # a letter to unicode61, never produced by tokens(): phrases cannot span texts
TEXT_COLUMNS = ("condition", "intervention", "other")
# Which FTS columns each SearchSpec group searches. "other" holds the term-group texts
# that are in neither of the first two; a term query searches all three.
GROUP_COLUMNS = {
    "conditions": ("condition",),
    "interventions": ("intervention",),
    "terms": ("condition", "intervention", "other"),
}
COMPRESS_LEVEL = 1  # 2x faster than 6 for ~10% more bytes: builds are CPU-bound

FORMS_TABLE = "CREATE TABLE IF NOT EXISTS study_forms (rowid INTEGER PRIMARY KEY, form BLOB NOT NULL)"
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS studies (
    rowid INTEGER PRIMARY KEY,
    nct_id TEXT NOT NULL UNIQUE,
    status TEXT,
    study_type TEXT,
    min_age_days INTEGER,
    max_age_days INTEGER,
    phases TEXT,
    lead_sponsor TEXT,
    last_update TEXT,
    raw_bytes INTEGER NOT NULL,
    search_record BLOB NOT NULL
);
-- Full records apart from the search columns: searches then read densely packed pages.
CREATE TABLE IF NOT EXISTS study_records (rowid INTEGER PRIMARY KEY, raw BLOB NOT NULL);
-- Each study parsed, in the compact stored form of `form.py`: what searches read (schema 4).
{FORMS_TABLE};
CREATE INDEX IF NOT EXISTS studies_status ON studies (status, study_type);
CREATE INDEX IF NOT EXISTS studies_lead_sponsor ON studies (lead_sponsor COLLATE NOCASE);
CREATE VIRTUAL TABLE IF NOT EXISTS study_text USING fts5(
    {", ".join(TEXT_COLUMNS)},
    content='', columnsize=0, tokenize='unicode61 remove_diacritics 2'
);
"""


# --- What one study contributes to the index ----------------------------------------

def project(record: dict, fields: Iterable[str]) -> dict:
    """The record cut to the given v2 field paths, as the API's `fields=` answers it."""
    out: dict = {}
    for path in fields:
        _copy_path(record, out, path.split("."))
    return out


def _copy_path(source: Any, target: dict, parts: list[str]) -> None:
    if not isinstance(source, dict) or parts[0] not in source:
        return
    key, value = parts[0], source[parts[0]]
    if len(parts) == 1:
        target[key] = value
    elif isinstance(value, dict):
        _copy_path(value, target.setdefault(key, {}), parts[1:])
    elif isinstance(value, list):
        projected = target.setdefault(key, [{} for _ in value])
        for item, out in zip(value, projected):
            if isinstance(item, dict) and isinstance(out, dict):
                _copy_path(item, out, parts[1:])


def _column_text(texts: Iterable[str]) -> str:
    parts = [" ".join(words) for words in (tokens(t) for t in texts) if words]
    return f" {SEPARATOR} ".join(parts)


def study_text_columns(study) -> tuple[str, str, str]:
    """The three FTS column values of a parsed Study (see the module docstring)."""
    texts = retrieval_texts(study)
    in_columns = set(texts["condition"]) | set(texts["intervention"])
    other = [t for t in texts["term"] if t not in in_columns]
    return _column_text(texts["condition"]), _column_text(texts["intervention"]), _column_text(other)


@dataclass(frozen=True)
class PreparedStudy:
    nct_id: str
    status: str | None
    study_type: str | None
    min_age_days: int | None
    max_age_days: int | None
    phases: str
    lead_sponsor: str | None
    last_update: str | None
    raw_bytes: int
    search_record: bytes
    raw: bytes
    texts: tuple[str, str, str]
    form: bytes  # the search record parsed (form.study_form): what searches read back


def prepare_record(item: dict | str | bytes) -> PreparedStudy | UnreadableRecord:
    """Parse one v2 record (a dict or its JSON text) into an index row, or say why it cannot
    be read. Never raises on data. Pure and picklable, so build workers can run it."""

    if isinstance(item, (str, bytes, bytearray)):
        try:
            record = json.loads(item)
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
            return UnreadableRecord(_nct_id_in_text(item), f"not JSON ({type(exc).__name__}: {str(exc)[:80]})")
    else:
        record = item
    study = parse_study(record)
    if isinstance(study, UnreadableRecord):
        return study
    searched = project(record, SEARCH_FIELDS)
    # The stored form is the parse of what search() returns, so reading it equals parsing that.
    as_searched = parse_study(searched)
    if isinstance(as_searched, UnreadableRecord):  # the projection keeps every key the parser reads
        return as_searched
    if not isinstance(item, (str, bytes, bytearray)) or (b"\n" if isinstance(item, (bytes, bytearray)) else "\n") in item:
        raw = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    else:
        raw = bytes(item) if isinstance(item, (bytes, bytearray)) else item.encode("utf-8")
    return PreparedStudy(
        nct_id=study.nct_id, status=study.status, study_type=study.study_type,
        min_age_days=study.min_age_days, max_age_days=study.max_age_days,
        phases=" ".join(study.phases), lead_sponsor=study.lead_sponsor, last_update=study.last_update,
        raw_bytes=len(raw), raw=zlib.compress(raw, COMPRESS_LEVEL), texts=study_text_columns(study),
        search_record=zlib.compress(json.dumps(searched, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                                    COMPRESS_LEVEL),
        form=study_form(as_searched),
    )


def _nct_id_in_text(item: str | bytes) -> str | None:
    """The record's NCT id when its text names one, to name a record that is not JSON."""
    text = item.decode("utf-8", "replace") if isinstance(item, (bytes, bytearray)) else str(item)
    found = NCT_ID_PATTERN.search(text[:100_000])
    return found.group(0) if found else None


def _prepare_batch(items: list) -> list[PreparedStudy | UnreadableRecord]:
    return [prepare_record(item) for item in items]


@lru_cache(maxsize=1)
def derivation_version() -> str:
    """A fingerprint of the code that derives index columns from a raw record. When it
    changes, the next build re-derives every stored record (the raw JSON is kept)."""

    digest = hashlib.sha256(str(SCHEMA_VERSION).encode())
    digest.update(SEPARATOR.encode())
    digest.update(form_module.FORM_FORMAT.encode())
    for module in _DERIVING_MODULES:
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


# Everything that derives a column, the full text or the stored form from a record (the
# Study parser and the modules it reads with, the tokenizer, the projection, the form).
_DERIVING_MODULES = (study_module, arms_module, contacts_module, criteria_module, text_module, record_shape_module,
                     spec_module, age_module, fields_module, form_module)


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.OperationalError:
        return {}


def index_path(cache_dir: str | os.PathLike) -> Path:
    return Path(cache_dir) / INDEX_FILENAME
