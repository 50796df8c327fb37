"""Incremental refresh of the local index: fetch only what changed since its newest record.

The index remembers the newest last-update date among its studies. An update asks the
API for every study whose last update was posted on or after that date
(`AREA[LastUpdatePostDate]RANGE[date, MAX]`, one page walk of full records) or reads a
newer bulk file keeping only records from that date on, and upserts them with the
build's own writer (the newer last update wins).

In place and atomic: the rows are replaced inside the index file in one SQLite
transaction (rollback journal, synchronous commit), not in a copy of the whole file as a
build does (copying is most of the cost at scale: 19 s of a 25 s update of a 1.2 GB
index). A failed or killed update is rolled back: readers see the old index or the new
one. After a kill, SQLite rolls the journal back at the next read-write open, which the
next `index update` or `index build` does first; read-only searches refuse the index
until then.

The day itself is fetched again (on or after, not after): the registry posts a day's
updates in more than one batch, so a study posted later on the index's newest day would
otherwise be missed for good. It costs the few studies of that one day.

The update is not limited to what the index was built from: an index built with
`index build --from-api --condition glioma` gains every study updated since, whatever its
condition. Answers stay right (sources retrieve generously, the matchers decide); the
index only grows.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from trialfind.core.errors import InvalidInput, SourceDataError, SourceUnavailable, TrialfindError
from trialfind.sources.ctgov import CtgovClient

# The build's writer and batching are reused so an update writes rows exactly as a build does.
from trialfind.sources.local.build import BuildReport, _batched_prepared, _Writer, default_workers
from trialfind.sources.local.bulk import RecordStream, open_bulk_source
from trialfind.sources.local.schema import (
    FORMS_TABLE,
    SCHEMA_VERSION,
    UPGRADABLE_SCHEMAS,
    _meta,
    derivation_version,
    index_path,
)
from trialfind.sources.local.store import LocalIndex

LOCK_WAIT_SECONDS = 60  # for searches that are reading the index when the update commits

# The last-update date as it appears in a v2 record's JSON text (read without parsing it).
_LAST_UPDATE_TEXT = re.compile(rb'"lastUpdatePostDateStruct"\s*:\s*\{[^{}]*?"date"\s*:\s*"([0-9-]+)"')


@dataclass
class UpdateReport:
    path: str
    source: str
    since: str                     # the index's newest last update before the update
    fetched: int = 0               # records taken from the source (on or after `since`)
    skipped_older: int = 0         # bulk file: records before `since`, not read further
    inserted: int = 0
    replaced: int = 0
    kept_existing: int = 0         # not newer than the stored copy
    studies: int = 0
    newest_last_update: str | None = None
    requests: int | None = None    # API: HTTP requests of the page walk
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def recover(cache_dir: str | os.PathLike) -> None:
    """Roll back an update that was killed half-way (SQLite does it at a read-write open)."""
    target = index_path(cache_dir)
    if not target.is_file():
        return
    try:
        conn = sqlite3.connect(target, timeout=LOCK_WAIT_SECONDS)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return  # LocalIndex.open below says what is wrong in one line


def index_newest_update(cache_dir: str | os.PathLike) -> str:
    """The newest last-update date in the index (YYYY-MM-DD); the index must exist."""
    recover(cache_dir)
    with LocalIndex.open(cache_dir) as local:
        newest = local.info().newest_last_update
    if not newest:
        raise InvalidInput(f"the index at {index_path(cache_dir)} records no last-update dates, so it cannot be "
                           "updated incrementally: rebuild it with `trialfind index build --fresh SOURCE`")
    return newest if len(newest) == 10 else f"{newest[:7]}-01"  # a month-only date: from its first day


def _record_date(item: dict | str | bytes) -> str | None:
    if isinstance(item, dict):
        struct = ((item.get("protocolSection") or {}).get("statusModule") or {}).get("lastUpdatePostDateStruct")
        return struct.get("date") if isinstance(struct, dict) else None
    raw = item if isinstance(item, bytes) else item.encode("utf-8")
    found = _LAST_UPDATE_TEXT.search(raw)
    return found.group(1).decode() if found else None


def _counted(items: Iterator, report: UpdateReport, since: str | None) -> Iterator:
    for item in items:
        if since is not None:
            day = _record_date(item)
            if day is not None and day < since:
                report.skipped_older += 1
                continue  # undated records go through: the build decides on them
        report.fetched += 1
        yield item


def update_index(cache_dir: str | os.PathLike, *, client: CtgovClient | None = None,
                 bulk: str | os.PathLike | None = None, workers: int | None = None,
                 progress: Callable | None = None) -> UpdateReport:
    """Bring the index in `cache_dir` up to date from the API (`client`) or a newer bulk file.

    Exactly one of `client` and `bulk`. The client should fetch full records
    (`CtgovClient(fields=None)`), so the updated index holds what a full build holds.
    """
    if (client is None) == (bulk is None):
        raise InvalidInput("update the index either from the API or from a bulk file, not both or neither")
    since = index_newest_update(cache_dir)
    started = time.perf_counter()
    if client is not None:
        label = f"ClinicalTrials.gov API {client.base_url}: studies updated on or after {since}"
        report = UpdateReport(path=str(index_path(cache_dir)), source=label, since=since)
        records = RecordStream(_counted(client.updated_since(since), report, None), label)
        workers = 0 if workers is None else workers  # a day's or a week's changes: not worth a process pool
    else:
        stream = open_bulk_source(Path(bulk))
        label = f"{stream.label} (studies updated on or after {since})"
        report = UpdateReport(path=str(index_path(cache_dir)), source=label, since=since)
        records = RecordStream(_counted(stream.items, report, since), label, stream.fraction_done)
        workers = default_workers() if workers is None else workers  # a newer file may hold many newer records
    built = upsert_in_place(records, cache_dir, workers=workers, progress=progress)
    if client is not None:
        report.requests = client.last_search_stats.requests
    report.inserted, report.replaced, report.kept_existing = built.inserted, built.replaced, built.kept_existing
    report.studies = built.studies
    with LocalIndex.open(cache_dir) as local:
        report.newest_last_update = local.info().newest_last_update
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def upsert_in_place(records: RecordStream, cache_dir: str | os.PathLike, *, workers: int = 0,
                    progress: Callable | None = None) -> BuildReport:
    """Upsert records into the existing index in one transaction on the file itself.

    No FTS5 optimize (it rewrites the whole text index, the cost of a full build): its
    automatic merging keeps the text index tidy as updates add segments.
    """
    target = index_path(cache_dir)
    if not target.is_file():
        raise SourceUnavailable(f"no local index at {target} to update: build one with `trialfind index build SOURCE`")
    report = BuildReport(path=str(target), source=records.label)
    started = time.perf_counter()
    try:
        conn = sqlite3.connect(target, isolation_level=None, timeout=LOCK_WAIT_SECONDS)
    except sqlite3.Error as exc:
        raise SourceUnavailable(f"the index at {target} cannot be opened for writing ({exc})") from None
    try:
        for pragma in ("journal_mode=DELETE", "synchronous=FULL", "cache_size=-262144", "temp_store=MEMORY"):
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("BEGIN IMMEDIATE")  # one writer at a time; a second update waits, then fails clearly
        try:
            previous = _meta(conn)
            if previous.get("schema_version") not in {str(SCHEMA_VERSION), *UPGRADABLE_SCHEMAS}:
                raise SourceDataError(f"the index at {target} has schema version {previous.get('schema_version')}, "
                                      f"this trialfind writes {SCHEMA_VERSION}: rebuild it with "
                                      "`trialfind index build --fresh SOURCE`")
            conn.execute(FORMS_TABLE)  # a schema 3 index gains it, inside this transaction
            writer = _Writer(conn, report)
            if previous.get("derivation") != derivation_version():
                writer.rederive_all()
            last_tick = 0.0
            for batch in _batched_prepared(records.items, workers):
                writer.write(batch)
                if progress and time.perf_counter() - last_tick > 0.2:
                    last_tick = time.perf_counter()
                    progress(report, records.fraction_done())
            report.studies = conn.execute("SELECT COUNT(*) FROM studies").fetchone()[0]
            now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
            sources = json.loads(previous.get("sources") or "[]")
            sources.append({"source": records.label, "built": now, "read": report.read, "update": True})
            meta = {"schema_version": str(SCHEMA_VERSION), "derivation": derivation_version(),
                    "build_date": now, "source": records.label, "sources": json.dumps(sources[-20:]),
                    "count": str(report.studies),
                    "newest_last_update": writer.newest or ""}
            conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", meta.items())
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        raise TrialfindError(f"updating the index at {target} failed ({exc}); the previous index is unchanged") from None
    finally:
        conn.close()
    if progress:
        progress(report, 1.0)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def describe_update(report: UpdateReport) -> str:
    """One plain line about an update."""
    cost = f" in {report.requests} request{'s' * (report.requests != 1)}" if report.requests is not None else ""
    return (f"Index {report.path}: {report.fetched:,} studies updated since {report.since} read{cost} "
            f"({report.inserted:,} new, {report.replaced:,} replaced, {report.kept_existing:,} not newer than the "
            f"stored copy); {report.studies:,} studies, newest update {report.newest_last_update or 'unknown'}, "
            f"{report.seconds:.1f} s.")

