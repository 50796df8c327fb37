"""The offline local index: ClinicalTrials.gov studies in one SQLite + FTS5 file.

`LocalIndex` is a StudySource like the live API client, with exactly the retrieval
semantics of `trialfind.core.spec.matches_spec`, so every command gives the same answer
offline as online over the same records.

How exactness is kept: the full-text columns do not hold the raw text but the output
of `trialfind.core.spec.tokens()` (ASCII words), so FTS5's tokenizer sees exactly the words
the reference matcher sees (non-ASCII letters, ligatures and superscripts are folded
the Python way, not the unicode61 way). Texts within a column are joined by a
separator token (`SEPARATOR`, a Greek letter no `tokens()` output can contain) so a
phrase never matches across two texts, as in the reference.

Builds are atomic: a new file is written next to the index (starting from a copy of the
previous index when updating) and moved over it with `os.replace` only once complete,
so a build killed half-way leaves the previous index as it was.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import time
import zipfile
import zlib
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import trialfind.core.ages as age_module
import trialfind.core.spec as spec_module
import trialfind.core.study as study_module
from trialfind.core.errors import InvalidInput, NotFound, SourceDataError, SourceUnavailable, TrialfindError
from trialfind.core.spec import SearchSpec, retrieval_texts, tokens
from trialfind.core.study import PARSER_FIELDS, parse_study

INDEX_FILENAME = "index.sqlite"
SCHEMA_VERSION = 3
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
BATCH_SIZE = 500
_NCT_ID = re.compile(r"^NCT\d{8}$")
_HINT = "run `trialfind index build SOURCE` first (SOURCE: the ClinicalTrials.gov bulk JSON zip, " \
        "a ctg-studies.json export or JSONL of v2 records; or `trialfind index build --from-api --condition ...`)"

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


def prepare_record(item: dict | str | bytes) -> PreparedStudy | None:
    """Parse one v2 record (a dict or its JSON text) into an index row; None when it is
    not a v2 study object. Pure and picklable, so build workers can run it."""

    try:
        record = item if isinstance(item, dict) else json.loads(item)
        study = parse_study(record)
    except (ValueError, TypeError, AttributeError, KeyError):
        return None
    if isinstance(item, dict) or (b"\n" in item if isinstance(item, bytes) else "\n" in item):
        raw = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    else:
        raw = item if isinstance(item, bytes) else item.encode("utf-8")
    return PreparedStudy(
        nct_id=study.nct_id, status=study.status, study_type=study.study_type,
        min_age_days=study.min_age_days, max_age_days=study.max_age_days,
        phases=" ".join(study.phases), lead_sponsor=study.lead_sponsor, last_update=study.last_update,
        raw_bytes=len(raw), raw=zlib.compress(raw, COMPRESS_LEVEL), texts=study_text_columns(study),
        search_record=zlib.compress(json.dumps(project(record, PARSER_FIELDS), ensure_ascii=False,
                                               separators=(",", ":")).encode("utf-8"), COMPRESS_LEVEL),
    )


def _prepare_batch(items: list) -> list[PreparedStudy | None]:
    return [prepare_record(item) for item in items]


def derivation_version() -> str:
    """A fingerprint of the code that derives index columns from a raw record. When it
    changes, the next build re-derives every stored record (the raw JSON is kept)."""

    digest = hashlib.sha256(str(SCHEMA_VERSION).encode())
    digest.update(SEPARATOR.encode())
    for module in (study_module, spec_module, age_module):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


# --- Reading bulk sources ------------------------------------------------------------

@dataclass
class RecordStream:
    """Records (dicts or JSON texts) from a bulk source, and how far through it we are."""

    items: Iterator[dict | str | bytes]
    label: str
    fraction_done: Callable[[], float | None] = lambda: None


def _iter_json_array(text: io.TextIOBase, chunk_size: int = 1 << 20) -> Iterator[dict]:
    """Stream the elements of a (possibly huge) JSON array with constant memory: decode one
    element at a time from a sliding window of the text."""
    decoder = json.JSONDecoder()
    buf, pos, eof = "", 0, False

    def fill() -> None:
        nonlocal buf, pos, eof
        # read at least as much again as is pending, so a huge element costs O(log n) retries
        chunk = text.read(max(chunk_size, len(buf) - pos))
        eof = not chunk
        buf, pos = buf[pos:] + chunk, 0

    def skip(chars: str) -> str | None:
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in chars:
                pos += 1
            if pos < len(buf):
                return buf[pos]
            if eof:
                return None
            fill()

    if skip(" \t\r\n\ufeff") != "[":
        raise SourceDataError("expected a JSON array of ClinicalTrials.gov studies")
    pos += 1
    while True:
        char = skip(" \t\r\n,")
        if char is None:
            raise SourceDataError("the JSON array ends before its closing ']' (truncated file?)")
        if char == "]":
            return
        try:
            value, end = decoder.raw_decode(buf, pos)
        except json.JSONDecodeError as exc:
            if eof:
                raise SourceDataError(f"invalid JSON in the studies array: {exc.msg}") from None
            fill()
            continue
        pos = end
        yield value


def _iter_document(binary: io.BufferedIOBase) -> Iterator[dict | str]:
    """Records in one file's content: a JSON array, JSONL, one study, or a v2 page."""
    head = binary.peek(64)[:64] if hasattr(binary, "peek") else b""
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if first == b"[":
        yield from _iter_json_array(text)
        return
    first_line = text.readline()
    try:
        first = json.loads(first_line)
    except ValueError:
        first = None
    if first is not None:  # JSONL: one record per line (or one v2 response page per line)
        is_pages = isinstance(first, dict) and isinstance(first.get("studies"), list)
        for line in _chain_lines(first_line, text):
            line = line.strip()
            if line and is_pages:
                yield from json.loads(line).get("studies") or []
            elif line:
                yield line
        return
    document = json.loads(first_line + text.read())
    if isinstance(document, dict) and isinstance(document.get("studies"), list):
        yield from document["studies"]
    else:
        yield document


def _reading(label: str, items: Iterator) -> Iterator:
    """Undecodable, truncated or corrupt input becomes one clear error naming the source."""
    try:
        yield from items
    except SourceDataError as exc:
        raise SourceDataError(f"{label}: {exc}") from None
    except TrialfindError:
        raise
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as exc:
        raise SourceDataError(f"cannot read {label} as ClinicalTrials.gov v2 JSON ({type(exc).__name__}: "
                              f"{str(exc)[:200]})") from None


def _chain_lines(first: str, rest: io.TextIOBase) -> Iterator[str]:
    yield first
    yield from rest


def _open_maybe_gzip(handle) -> io.BufferedIOBase:
    buffered = handle if hasattr(handle, "peek") else io.BufferedReader(handle)
    if buffered.peek(2)[:2] == b"\x1f\x8b":
        return io.BufferedReader(gzip.GzipFile(fileobj=buffered))
    return buffered


def open_bulk_source(path: str | os.PathLike) -> RecordStream:
    """Open a ClinicalTrials.gov bulk zip, a folder of NCT*.json, a JSON array export,
    or JSONL / JSONL.gz of v2 records, as a stream of records."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.json") if p.is_file())
        done = [0]

        def folder_items():
            for file in files:
                done[0] += 1
                with open(file, "rb") as handle:
                    yield from _iter_document(_open_maybe_gzip(handle))

        label = f"folder {path}"
        return RecordStream(_reading(label, folder_items()), label, lambda: done[0] / max(1, len(files)))
    if not path.is_file():
        raise InvalidInput(f"no such file: {path}")
    with open(path, "rb") as probe:
        magic = probe.read(4)
    if magic.startswith(b"PK"):
        return _open_zip(path)
    size = path.stat().st_size
    raw = open(path, "rb")

    def file_items():
        try:
            yield from _iter_document(_open_maybe_gzip(raw))
        finally:
            raw.close()

    return RecordStream(_reading(str(path), file_items()), str(path), lambda: (raw.tell() / size if size else None) if not raw.closed else 1.0)


def _open_zip(path: Path) -> RecordStream:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise SourceDataError(f"{path} is not a readable zip file: {exc}") from None
    members = [m for m in archive.infolist()
               if not m.is_dir() and m.filename.lower().endswith((".json", ".jsonl", ".jsonl.gz", ".ndjson"))
               and not Path(m.filename).name.startswith(".")]
    done = [0]

    def zip_items():
        with archive:
            for member in members:
                done[0] += 1
                with archive.open(member) as handle:
                    if Path(member.filename).name.upper().startswith("NCT"):
                        yield handle.read()  # one study per file: kept as its own text
                    else:
                        yield from _iter_document(_open_maybe_gzip(handle))

    return RecordStream(_reading(str(path), zip_items()), str(path), lambda: done[0] / max(1, len(members)))


# --- Building ------------------------------------------------------------------------

@dataclass
class BuildReport:
    path: str
    source: str
    read: int = 0
    inserted: int = 0
    replaced: int = 0
    kept_existing: int = 0
    skipped_invalid: int = 0
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

    def write(self, batch: list[PreparedStudy | None]) -> None:
        report = self.report
        latest: dict[str, PreparedStudy] = {}
        for row in batch:
            report.read += 1
            if row is None:
                report.skipped_invalid += 1
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
            report.replaced += len(replaces)
        rows = inserts + replaces
        self.conn.executemany(
            "INSERT INTO studies (rowid, nct_id, status, study_type, min_age_days, max_age_days, phases,"
            " lead_sponsor, last_update, raw_bytes, search_record) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(rowid, r.nct_id, r.status, r.study_type, r.min_age_days, r.max_age_days, r.phases, r.lead_sponsor,
              r.last_update, r.raw_bytes, r.search_record) for rowid, r in rows])
        self.conn.executemany("INSERT INTO study_records (rowid, raw) VALUES (?, ?)",
                              [(rowid, r.raw) for rowid, r in rows])
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
            if prepared is not None:
                deletes.append((rowid, *prepared.texts))
        self.conn.executemany(
            "INSERT INTO study_text (study_text, rowid, condition, intervention, other) VALUES ('delete',?,?,?,?)",
            deletes)

    def rederive_all(self) -> None:
        """Recompute every derived column and the full text from the stored raw records."""
        self.conn.execute("INSERT INTO study_text (study_text) VALUES ('delete-all')")
        last = 0
        while True:
            rows = self.conn.execute(
                "SELECT rowid, raw FROM study_records WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (last, BATCH_SIZE)).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            updates, texts = [], []
            for rowid, raw in rows:
                r = prepare_record(zlib.decompress(raw))
                if r is None:
                    continue
                updates.append((r.status, r.study_type, r.min_age_days, r.max_age_days, r.phases, r.lead_sponsor,
                                r.last_update, r.search_record, rowid))
                texts.append((rowid, *r.texts))
            self.conn.executemany(
                "UPDATE studies SET status=?, study_type=?, min_age_days=?, max_age_days=?, phases=?,"
                " lead_sponsor=?, last_update=?, search_record=? WHERE rowid=?", updates)
            self.conn.executemany(
                "INSERT INTO study_text (rowid, condition, intervention, other) VALUES (?,?,?,?)", texts)
            self.report.rederived += len(texts)


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.OperationalError:
        return {}


def index_path(cache_dir: str | os.PathLike) -> Path:
    return Path(cache_dir) / INDEX_FILENAME


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


def _batched_prepared(items: Iterator, workers: int) -> Iterator[list[PreparedStudy | None]]:
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
    with context.Pool(workers, initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
        pending: deque = deque()
        for batch in batches():
            pending.append(pool.apply_async(_prepare_batch, (batch,)))
            if len(pending) >= 2 * workers + 1:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


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
            if previous and previous.get("schema_version") != str(SCHEMA_VERSION):
                raise SourceDataError(f"the index at {target} has schema version {previous.get('schema_version')}, "
                                      f"this trialfind writes {SCHEMA_VERSION}: rebuild it with --fresh")
            conn.executescript(_SCHEMA)
            conn.execute("BEGIN")
            writer = _Writer(conn, report)
            if previous and previous.get("derivation") != derivation_version():
                writer.rederive_all()
            last_tick = 0.0
            for batch in _batched_prepared(records.items, default_workers() if workers is None else workers):
                writer.write(batch)
                if progress and time.perf_counter() - last_tick > 0.2:
                    last_tick = time.perf_counter()
                    progress(report, records.fraction_done())
            if report.read - report.skipped_invalid == 0 and not previous:
                raise SourceDataError(f"no ClinicalTrials.gov v2 studies found in {records.label}")
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


# --- Querying ------------------------------------------------------------------------

def _phrase(value: str) -> str | None:
    words = tokens(value)
    return '"' + " ".join(words) + '"' if words else None


def match_expression(spec: SearchSpec) -> str | None:
    """The FTS5 query for the spec's text groups, or None when the spec has none.

    Returns "" when no study can match (a group whose values have no words: the
    reference matcher never matches an empty phrase)."""
    groups = []
    for name, columns in GROUP_COLUMNS.items():
        values = getattr(spec, name)
        if not values:
            continue
        phrases = sorted({p for p in map(_phrase, values) if p})
        column_filter = "{" + " ".join(columns) + "}"
        groups.append("(" + " OR ".join(f"{column_filter} : {p}" for p in phrases) + ")" if phrases else None)
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
        self.path = Path(path)
        if not self.path.is_file():
            raise SourceUnavailable(f"no local index at {self.path}: {_HINT}")
        try:
            self._conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._meta = _meta(self._conn)
        except sqlite3.DatabaseError as exc:
            raise SourceUnavailable(f"the local index at {self.path} cannot be read ({exc}): {_HINT}") from None
        if not self._meta:
            raise SourceUnavailable(f"the local index at {self.path} is empty or incomplete: {_HINT}")
        if self._meta.get("schema_version") != str(SCHEMA_VERSION):
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
        API client's searches they hold the fields the parser reads (PARSER_FIELDS), which
        also halves the cost of reading them; get_study gives the full record."""
        for (record,) in self._select("s.search_record", spec):
            yield json.loads(zlib.decompress(record))

    def get_study(self, nct_id: str) -> dict[str, Any]:
        wanted = str(nct_id).strip().upper()
        if not _NCT_ID.match(wanted):
            raise InvalidInput(f"{nct_id!r} is not an NCT id (NCT followed by 8 digits)")
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

    def _select(self, columns: str, spec: SearchSpec) -> Iterator[tuple]:
        expression = match_expression(spec)
        if expression == "":
            return iter(())
        clauses, params = _filters(spec)
        if expression is None:
            where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
            sql = f"SELECT {columns} FROM studies s {where} ORDER BY s.rowid"
        else:
            sql = (f"SELECT {columns} FROM study_text JOIN studies s ON s.rowid = study_text.rowid "
                   f"WHERE study_text MATCH ? {''.join(' AND ' + c for c in clauses)} ORDER BY s.rowid")
            params = [expression, *params]
        try:
            return self._conn.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise SourceDataError(f"the local index at {self.path} could not be searched ({exc})") from None
