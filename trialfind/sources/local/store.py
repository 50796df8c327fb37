"""Querying the local index: `LocalIndex`, a read-only StudySource with exactly the
retrieval semantics of `trialfind.core.spec.matches_spec`."""
from __future__ import annotations

import json
import os
import sqlite3
import zlib
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from trialfind.core.errors import NotFound, SourceDataError, SourceUnavailable
from trialfind.core.spec import SearchSpec, tokens
from trialfind.core.study import Study, UnreadableRecord, parse_study
from trialfind.core.text import normalise_nct_id
from trialfind.sources.local import form as stored_form
from trialfind.sources.local.form import study_from_form
from trialfind.sources.local.schema import (
    GROUP_COLUMNS,
    SCHEMA_VERSION,
    TEXT_COLUMNS,
    UPGRADABLE_SCHEMAS,
    _meta,
    derivation_version,
    index_path,
)

_HINT = "run `trialfind index build SOURCE` first (SOURCE: the ClinicalTrials.gov bulk JSON zip, " \
        "a ctg-studies.json export or JSONL of v2 records; or `trialfind index build --from-api --condition ...`)"



@lru_cache(maxsize=256)
def _phrases(values: tuple[str, ...]) -> tuple[str, ...]:
    """The FTS5 phrases for a group's values, without those that hold another of them: within
    one group (one column filter, OR-ed) a study matching "high grade glioma" matches "glioma"
    too, so the longer phrase adds no study, only the cost of reading its words' position
    lists (common words like "high" or "cell" dominated the query time of large groups).
    Cached: a vocabulary condition has dozens of names, compared pairwise."""
    word_lists = sorted({tuple(words) for words in map(tokens, values) if words}, key=lambda w: (len(w), w))
    kept: list[tuple[str, ...]] = []
    for words in word_lists:
        if not any(_holds(words, shorter) for shorter in kept):
            kept.append(words)
    return tuple(sorted('"' + " ".join(words) + '"' for words in kept))


def _holds(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    size = len(part)
    return any(words[start:start + size] == part for start in range(len(words) - size + 1))


def match_expression(spec: SearchSpec) -> str | None:
    """The FTS5 query for the spec's text groups, or None when the spec has none.

    Returns "" when no study can match (a group whose values have no words: the
    reference matcher never matches an empty phrase)."""
    groups = []
    for name, columns in GROUP_COLUMNS.items():
        values = getattr(spec, name)
        if not values:
            continue
        phrases = _phrases(values)
        # A filter naming every column selects nothing out, but FTS5 still checks each phrase
        # hit's column against it (a third of a term query's time): leave it out.
        column_filter = "" if set(columns) == set(TEXT_COLUMNS) else "{" + " ".join(columns) + "} : "
        groups.append("(" + " OR ".join(f"{column_filter}{p}" for p in phrases) + ")" if phrases else None)
    if not groups:
        return None
    if spec.combine == "all":
        return "" if None in groups else " AND ".join(groups)
    usable = [g for g in groups if g]
    return " OR ".join(usable) if usable else ""


def _filters(spec: SearchSpec) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if spec.statuses:
        clauses.append(f"s.status IN ({','.join('?' * len(spec.statuses))})")
        params.extend(spec.statuses)
    if spec.study_types:
        clauses.append(f"s.study_type IN ({','.join('?' * len(spec.study_types))})")
        params.extend(spec.study_types)
    if spec.admits_age_days is not None:
        clauses.append("(s.min_age_days IS NULL OR s.min_age_days <= ?) AND (s.max_age_days IS NULL OR s.max_age_days >= ?)")
        params.extend([spec.admits_age_days, spec.admits_age_days])
    return clauses, params


# Deferring costs about as much as building this many sites (a second Study, the caller's
# bookkeeping): a study with no more is built complete at once.
_SITES_BUILT_AT_ONCE = 8


def _finish(head: stored_form.StudyHead, body) -> tuple[Study, Callable[[], Study] | None]:
    """`form.study_from_form` of a stored form's head and body, in two steps: the Study with no
    sites, then (on demand) the complete one from the same decoded values, equal to
    study_from_form(stored). A study with few sites comes complete at once (None for the second)."""
    f = stored_form
    values = f.study_values(head, body)
    for at, make in ((f._CONTACTS, f._make_contact), (f._INTERVENTIONS, f._make_intervention), (f._ARMS, f._make_arm)):
        if values[at]:
            values[at] = tuple(map(make, values[at]))
    if values[f._EXPANDED] is not None:
        values[f._EXPANDED] = f._make_expanded(values[f._EXPANDED])
    sites = values[f._SITES]
    if len(sites) <= _SITES_BUILT_AT_ONCE:
        if sites:
            values[f._SITES] = tuple(map(f._site, sites))
        return f._make_study(values), None
    values[f._SITES] = ()
    sketch = f._make_study(values)

    def complete() -> Study:
        values[f._SITES] = tuple(map(f._site, sites))
        return f._make_study(values)

    return sketch, complete


def _head(stored: bytes) -> tuple[stored_form.StudyHead, Callable[[], tuple[Study, Callable[[], Study] | None]]]:
    head, body = stored_form.read_head(stored)
    return head, lambda: _finish(head, body)


@dataclass
class IndexInfo:
    path: str
    studies: int
    newest_last_update: str | None
    size_bytes: int
    build_date: str | None
    source: str | None
    schema_version: str | None
    up_to_date: bool
    sources: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class LocalIndex:
    """A StudySource over the local index file (read-only)."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path).absolute()  # as_uri() below needs an absolute path (a relative --cache-dir)
        if not self.path.is_file():
            raise SourceUnavailable(f"no local index at {self.path}: {_HINT}")
        try:
            self._conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._meta = _meta(self._conn)
        except sqlite3.DatabaseError as exc:
            raise SourceUnavailable(f"the local index at {self.path} cannot be read ({exc}): {_HINT}") from None
        if not self._meta:
            raise SourceUnavailable(f"the local index at {self.path} is empty or incomplete: {_HINT}")
        schema = self._meta.get("schema_version")
        # Stored forms are read only when written by this code: otherwise each study is parsed
        # from its record, as the API client parses its answers (the same Study either way).
        self.reads_forms = schema == str(SCHEMA_VERSION) and self._meta.get("derivation") == derivation_version()
        if schema != str(SCHEMA_VERSION) and schema not in UPGRADABLE_SCHEMAS:
            raise SourceUnavailable(
                f"the local index at {self.path} was written by another trialfind version: "
                "rebuild it with `trialfind index build --fresh SOURCE`")

    @classmethod
    def open(cls, cache_dir: str | os.PathLike) -> "LocalIndex":
        return cls(index_path(cache_dir))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "LocalIndex":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # StudySource ---------------------------------------------------------------------
    def search(self, spec: SearchSpec) -> Iterator[dict[str, Any]]:
        """v2 records matching the spec, in index order, decompressed one at a time. Like the
        API client's searches they hold the fields a search reads (SEARCH_FIELDS), which
        also halves the cost of reading them; get_study gives the full record."""
        for (record,) in self._select("s.search_record", spec):
            yield json.loads(zlib.decompress(record))

    def search_studies(self, spec: SearchSpec) -> Iterator[Study | UnreadableRecord]:
        """The studies `search(spec)` returns, parsed (`core.spec.search_studies` prefers this):
        read from their stored forms, one at a time, with no JSON and no parsing."""
        if not self.reads_forms:
            yield from map(parse_study, self.search(spec))
            return
        for (form,) in self._select("f.form", spec, forms=True):
            yield study_from_form(form)

    def search_study_heads(self, spec: SearchSpec) -> Iterator[tuple[Any, Callable[[], tuple[Study, Any]] | None]]:
        """The studies `search_studies(spec)` returns, in two steps: each study's head
        (`form.StudyHead`: what `find_trials` judges first, the condition above all) with a
        function `finish()` giving the Study, a study with many sites first without them, and
        a function building the complete Study (None when the first is complete). A result
        whose condition is not found is never finished: its body is not even decompressed.
        Without stored forms, each item is a parsed study (or an unreadable record) and None."""
        if not self.reads_forms:
            for study in self.search_studies(spec):
                yield study, None
            return
        for (form,) in self._select("f.form", spec, forms=True):
            yield _head(form)

    def get_study(self, nct_id: str) -> dict[str, Any]:
        wanted = normalise_nct_id(str(nct_id))
        row = self._conn.execute("SELECT r.raw FROM studies s JOIN study_records r ON r.rowid = s.rowid"
                                 " WHERE s.nct_id = ?", (wanted,)).fetchone()
        if row is None:
            raise NotFound(f"{wanted} is not in the local index (built {self._meta.get('build_date')}); "
                           "it may be newer than the index or not part of its source")
        return json.loads(zlib.decompress(row[0]))

    def data_version(self) -> str | None:
        return f"local:{self._meta.get('build_date')}"

    # Extras --------------------------------------------------------------------------
    def nct_ids(self, spec: SearchSpec) -> list[str]:
        """Only the NCT ids matching the spec (no decompression)."""
        return [nct for (nct,) in self._select("s.nct_id", spec)]

    def count(self, spec: SearchSpec | None = None) -> int:
        if spec is None:
            return self._conn.execute("SELECT COUNT(*) FROM studies").fetchone()[0]
        return sum(1 for _ in self._select("1", spec))

    def studies_by_lead_sponsor(self, name: str) -> Iterator[dict[str, Any]]:
        """Full records whose lead sponsor is `name` (case-insensitive, exact)."""
        for (raw,) in self._conn.execute(
                "SELECT r.raw FROM studies s JOIN study_records r ON r.rowid = s.rowid"
                " WHERE s.lead_sponsor = ? COLLATE NOCASE ORDER BY s.rowid", (name,)):
            yield json.loads(zlib.decompress(raw))

    def info(self) -> IndexInfo:
        meta = self._meta
        return IndexInfo(
            path=str(self.path), studies=int(meta.get("count") or self.count()),
            newest_last_update=meta.get("newest_last_update") or None, size_bytes=self.path.stat().st_size,
            build_date=meta.get("build_date"), source=meta.get("source"),
            schema_version=meta.get("schema_version"), up_to_date=meta.get("derivation") == derivation_version(),
            sources=json.loads(meta.get("sources") or "[]"),
        )

    def _select(self, columns: str, spec: SearchSpec, *, forms: bool = False) -> Iterator[tuple]:
        expression = match_expression(spec)
        if expression == "":
            return iter(())
        clauses, params = _filters(spec)
        join = " JOIN study_forms f ON f.rowid = s.rowid" if forms else ""
        if expression is None:
            where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
            sql = f"SELECT {columns} FROM studies s{join} {where} ORDER BY s.rowid"
        else:
            # Ordered by the FTS table's own rowid, which FTS5 yields in that order: SQLite then
            # streams the rows. Ordered by s.rowid (the same value), it sorted every selected
            # row, forms included, in a temporary b-tree before yielding the first.
            sql = (f"SELECT {columns} FROM study_text JOIN studies s ON s.rowid = study_text.rowid{join} "
                   f"WHERE study_text MATCH ? {''.join(' AND ' + c for c in clauses)} ORDER BY study_text.rowid")
            params = [expression, *params]
        try:
            return self._conn.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise SourceDataError(f"the local index at {self.path} could not be searched ({exc})") from None
