"""Building the local index: prepared rows upserted into a copy of the index, moved over
it with `os.replace` only once complete, so a build killed half-way leaves the previous
index as it was."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import threading
import time
import zlib
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from trialfind.core.errors import SourceDataError, TrialfindError
from trialfind.core.study import UnreadableRecord, unreadable_message
from trialfind.sources.local.bulk import RecordStream
from trialfind.sources.local.schema import (
    _SCHEMA,
    SCHEMA_VERSION,
    UPGRADABLE_SCHEMAS,
    PreparedStudy,
    _meta,
    _prepare_batch,
    derivation_version,
    index_path,
    prepare_record,
)

BATCH_SIZE = 500
MAX_NAMED_UNREADABLE = 100  # a report names this many unreadable records and counts the rest


@dataclass
class BuildReport:
    path: str
    source: str
    read: int = 0
    inserted: int = 0
    replaced: int = 0
    kept_existing: int = 0
    skipped_invalid: int = 0
    unreadable: list[dict] = field(default_factory=list)  # the first MAX_NAMED_UNREADABLE: NCT id and reason
    rederived: int = 0
    studies: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _supersedes(new: tuple[str | None, int], old: tuple[str | None, int]) -> bool:
    """Whether a record (last update, size) replaces the stored one: the newer last-update
    date wins; on the same date the larger record (a complete one over a field-limited
    API answer); on a full tie the incoming one."""
    (new_date, new_size), (old_date, old_size) = new, old
    if new_date != old_date:
        return old_date is None or (new_date is not None and new_date > old_date)
    return new_size >= old_size


class _Writer:
    """Upserts prepared studies into an open build database."""

    def __init__(self, conn: sqlite3.Connection, report: BuildReport) -> None:
        self.conn = conn
        self.report = report
        self.next_rowid = (conn.execute("SELECT MAX(rowid) FROM studies").fetchone()[0] or 0) + 1
        self.newest = _meta(conn).get("newest_last_update") or None

    def write(self, batch: list[PreparedStudy | UnreadableRecord]) -> None:
        report = self.report
        latest: dict[str, PreparedStudy] = {}
        for row in batch:
            report.read += 1
            if isinstance(row, UnreadableRecord):
                report.skipped_invalid += 1
                if len(report.unreadable) < MAX_NAMED_UNREADABLE:
                    report.unreadable.append({**row.to_dict(), "where": f"record {report.read} of {report.source}"})
                continue
            kept = latest.get(row.nct_id)
            if kept is None or _supersedes((row.last_update, row.raw_bytes), (kept.last_update, kept.raw_bytes)):
                if kept is not None:
                    report.replaced += 1  # an older copy in the same batch
                latest[row.nct_id] = row
            else:
                report.kept_existing += 1
        if not latest:
            return
        ids = list(latest)
        existing = {
            nct: (rowid, (last_update, raw_bytes))
            for nct, rowid, last_update, raw_bytes in self.conn.execute(
                f"SELECT nct_id, rowid, last_update, raw_bytes FROM studies WHERE nct_id IN ({','.join('?' * len(ids))})", ids)
        }
        inserts, replaces = [], []
        for nct, row in latest.items():
            if nct not in existing:
                inserts.append((self.next_rowid, row))
                self.next_rowid += 1
            elif _supersedes((row.last_update, row.raw_bytes), existing[nct][1]):
                replaces.append((existing[nct][0], row))
            else:
                report.kept_existing += 1
        if replaces:
            self._forget_text([rowid for rowid, _ in replaces])
            gone = [(rowid,) for rowid, _ in replaces]
            self.conn.executemany("DELETE FROM studies WHERE rowid = ?", gone)
            self.conn.executemany("DELETE FROM study_records WHERE rowid = ?", gone)
            self.conn.executemany("DELETE FROM study_forms WHERE rowid = ?", gone)
            report.replaced += len(replaces)
        rows = inserts + replaces
        self.conn.executemany(
            "INSERT INTO studies (rowid, nct_id, status, study_type, min_age_days, max_age_days, phases,"
            " lead_sponsor, last_update, raw_bytes, search_record) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(rowid, r.nct_id, r.status, r.study_type, r.min_age_days, r.max_age_days, r.phases, r.lead_sponsor,
              r.last_update, r.raw_bytes, r.search_record) for rowid, r in rows])
        self.conn.executemany("INSERT INTO study_records (rowid, raw) VALUES (?, ?)",
                              [(rowid, r.raw) for rowid, r in rows])
        self.conn.executemany("INSERT INTO study_forms (rowid, form) VALUES (?, ?)",
                              [(rowid, r.form) for rowid, r in rows])
        self.conn.executemany(
            "INSERT INTO study_text (rowid, condition, intervention, other) VALUES (?,?,?,?)",
            [(rowid, *r.texts) for rowid, r in rows])
        report.inserted += len(inserts)
        for _, r in rows:
            if r.last_update and (self.newest is None or r.last_update > self.newest):
                self.newest = r.last_update

    def _forget_text(self, rowids: list[int]) -> None:
        # A contentless FTS5 table forgets a row only when given the exact values it indexed;
        # they are re-derived from the stored raw record (same code: see derivation_version).
        olds = self.conn.execute(
            f"SELECT rowid, raw FROM study_records WHERE rowid IN ({','.join('?' * len(rowids))})", rowids).fetchall()
        deletes = []
        for rowid, raw in olds:
            prepared = prepare_record(zlib.decompress(raw))
            if isinstance(prepared, PreparedStudy):
                deletes.append((rowid, *prepared.texts))
        self.conn.executemany(
            "INSERT INTO study_text (study_text, rowid, condition, intervention, other) VALUES ('delete',?,?,?,?)",
            deletes)

    def rederive_all(self) -> None:
        """Recompute every derived column, the full text and the stored forms from the stored raw
        records (an index of an older schema or derivation code)."""
        self.conn.execute("INSERT INTO study_text (study_text) VALUES ('delete-all')")
        self.conn.execute("DELETE FROM study_forms")
        last = 0
        while True:
            rows = self.conn.execute(
                "SELECT rowid, raw FROM study_records WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (last, BATCH_SIZE)).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            updates, texts, forms = [], [], []
            for rowid, raw in rows:
                r = prepare_record(zlib.decompress(raw))
                if not isinstance(r, PreparedStudy):
                    continue
                updates.append((r.status, r.study_type, r.min_age_days, r.max_age_days, r.phases, r.lead_sponsor,
                                r.last_update, r.search_record, rowid))
                texts.append((rowid, *r.texts))
                forms.append((rowid, r.form))
            self.conn.executemany("INSERT INTO study_forms (rowid, form) VALUES (?, ?)", forms)
            self.conn.executemany(
                "UPDATE studies SET status=?, study_type=?, min_age_days=?, max_age_days=?, phases=?,"
                " lead_sponsor=?, last_update=?, search_record=? WHERE rowid=?", updates)
            self.conn.executemany(
                "INSERT INTO study_text (rowid, condition, intervention, other) VALUES (?,?,?,?)", texts)
            self.report.rederived += len(texts)


def _remove_stale_builds(target: Path) -> None:
    """Temp files of builds that were killed (their process is gone)."""
    for stale in target.parent.glob(f"{target.name}.build-*"):
        try:
            pid = int(stale.name.rsplit("-", 1)[1])
            os.kill(pid, 0)
        except (ValueError, IndexError, ProcessLookupError):
            stale.unlink(missing_ok=True)
        except PermissionError:
            pass


def _batched_prepared(items: Iterator, workers: int) -> Iterator[list[PreparedStudy | UnreadableRecord]]:
    """Prepared rows in batches; with workers > 0, JSON parsing, the Study parser and
    compression run in worker processes while this one writes SQLite. At most a few
    batches are in flight, so memory stays constant however big the source."""

    def batches():
        batch = []
        for item in items:
            batch.append(item)
            if len(batch) >= BATCH_SIZE:
                yield batch
                batch = []
        if batch:
            yield batch

    if workers <= 0:
        for batch in batches():
            yield _prepare_batch(batch)
        return
    import multiprocessing
    from collections import deque

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    pool = context.Pool(workers, initializer=_die_with_parent, initargs=(os.getpid(),))
    finished = False
    try:
        pending: deque = deque()
        for batch in batches():
            pending.append(pool.apply_async(_prepare_batch, (batch,)))
            if len(pending) >= 2 * workers + 1:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
        finished = True
    finally:
        _stop_pool(pool, finished)


def _stop_pool(pool, finished: bool) -> None:
    """Stop the workers. When the source fails half-way (a truncated .gz), tasks are still
    queued and Pool.terminate() can block on its task-handler thread: it runs in a daemon
    thread, and if it has not finished within seconds the workers are killed and the
    build goes on to report its error rather than hang."""
    if finished:
        pool.close()
        pool.join()
        return
    closer = threading.Thread(target=pool.terminate, name="trialfind-pool-stop", daemon=True)
    closer.start()
    closer.join(3)
    if closer.is_alive():
        for worker in list(getattr(pool, "_pool", [])):
            if worker.is_alive():
                worker.kill()
        closer.join(2)


def _die_with_parent(parent_pid: int) -> None:
    """A parser worker must not outlive a writer killed with SIGKILL (it would wait forever)."""
    import signal

    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:  # the writer died before prctl took effect
        os._exit(1)


def default_workers() -> int:
    return max(0, min(4, (os.cpu_count() or 1) - 1))


def build_index(records: RecordStream, cache_dir: str | os.PathLike, *, fresh: bool = False,
                workers: int | None = None, progress: Callable[[BuildReport, float | None], None] | None = None,
                optimize: bool = True) -> BuildReport:
    """Upsert records into the index in `cache_dir` atomically; see the module docstring.

    A record replaces a stored one with the same NCT id unless the stored one has a
    newer last-update date. `fresh=True` starts from an empty index instead.
    """
    target = index_path(cache_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_builds(target)
    temp = target.with_name(f"{target.name}.build-{os.getpid()}")
    report = BuildReport(path=str(target), source=records.label)
    started = time.perf_counter()
    try:
        if target.exists() and not fresh:
            shutil.copyfile(target, temp)
        else:
            temp.unlink(missing_ok=True)
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            _configure_for_build(conn)
            previous = _meta(conn)
            if previous and previous.get("schema_version") not in {str(SCHEMA_VERSION), *UPGRADABLE_SCHEMAS}:
                raise SourceDataError(f"the index at {target} has schema version {previous.get('schema_version')}, "
                                      f"this trialfind writes {SCHEMA_VERSION}: rebuild it with --fresh")
            conn.executescript(_SCHEMA)
            conn.execute("BEGIN")
            writer = _Writer(conn, report)
            if previous and previous.get("derivation") != derivation_version():
                writer.rederive_all()
            last_tick = 0.0
            # closing(): the worker pool stops here, when writing fails too, not at garbage collection
            with contextlib.closing(_batched_prepared(records.items, default_workers() if workers is None
                                                      else workers)) as prepared:
                for batch in prepared:
                    writer.write(batch)
                    if progress and time.perf_counter() - last_tick > 0.2:
                        last_tick = time.perf_counter()
                        progress(report, records.fraction_done())
            if report.read - report.skipped_invalid == 0 and not previous:
                unread = unreadable_message([UnreadableRecord(**u) for u in report.unreadable],
                                            total=report.skipped_invalid)
                raise SourceDataError(f"no ClinicalTrials.gov v2 studies found in {records.label}"
                                      + (f": {unread}" if unread else ""))
            report.studies = conn.execute("SELECT COUNT(*) FROM studies").fetchone()[0]
            sources = json.loads(previous.get("sources", "[]")) if previous else []
            now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
            sources.append({"source": records.label, "built": now, "read": report.read})
            meta = {
                "schema_version": str(SCHEMA_VERSION), "derivation": derivation_version(), "build_date": now,
                "source": records.label, "sources": json.dumps(sources[-20:]), "count": str(report.studies),
                "newest_last_update": writer.newest or "",
            }
            conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", meta.items())
            conn.execute("COMMIT")
            if progress:
                progress(report, 1.0)
            if optimize:
                conn.execute("INSERT INTO study_text (study_text) VALUES ('optimize')")
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
        # synchronous=OFF during the build: make the finished file durable before it becomes the index.
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
        _fsync_dir(target.parent)
    except sqlite3.Error as exc:
        temp.unlink(missing_ok=True)
        raise TrialfindError(f"building the index at {target} failed ({exc}); the previous index is unchanged"
                             + ("" if fresh else "; if it is damaged, rebuild with --fresh")) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _configure_for_build(conn: sqlite3.Connection) -> None:
    # The temp file is thrown away if anything fails, so no journal and no syncing.
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "locking_mode=EXCLUSIVE", "cache_size=-262144",
                   "temp_store=MEMORY"):
        conn.execute(f"PRAGMA {pragma}")


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
