"""Where registry records live: a SQLite file by default, PostgreSQL for a shared registry.

SQLite is opened in WAL mode with a busy timeout and foreign keys on, and every write
transaction starts with BEGIN IMMEDIATE, so concurrent writers queue instead of failing
half-way; a write that still meets "database is locked" is retried from the start.
A write is one transaction: an import of 20,000 rows commits all of them or none.
Read-only use (`Registry.open(read_only=True)`: list, show, stats, export, report) never asks
for the write lock, so it runs while another process writes; a writer that has waited for
the lock for 2 s says so on stderr (PostgreSQL: a first try with a 2 s `lock_timeout`). A
read-only open never upgrades an older schema: it is refused, naming `trialfind registry migrate`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence, TypeVar

from trialfind.core.errors import InvalidInput, NotFound, SourceUnavailable, TrialfindError
from trialfind.registry.identity import KEYS, company_name, drug_name, unify_spellings
from trialfind.registry.location import ENV_URL, move_old_default_registry, resolve_db_url
from trialfind.registry.record import RequestRecord, Toxicity, merge_changes, this_month
from trialfind.registry.schema import current_version, migrate, requests, require_current_schema, toxicities
from trialfind.registry.sqlite import configure_sqlite, is_lock_error, is_postgres_lock_timeout
from trialfind.registry.waiting import LockNotice, to_stderr

if TYPE_CHECKING:
    import sqlalchemy as sa

SQLITE_BUSY_TIMEOUT_MS = 30_000
LOCK_NOTICE_AFTER_S = 2.0
WRITE_ATTEMPTS = 8
IMPORT_CHUNK = 1000

T = TypeVar("T")

# Columns written from a RequestRecord (all but the toxicities, which live in their own table).
_RECORD_COLUMNS = tuple(f.name for f in dataclasses.fields(RequestRecord) if f.name != "toxicities")


def _display_url(url: str) -> str:
    import sqlalchemy as sa

    return sa.engine.make_url(url).render_as_string(hide_password=True)


@dataclass
class ImportResult:
    added: int
    skipped_existing: int
    rows: int


class Registry:
    """Records of compassionate-use requests in one database (see `open_registry`)."""

    def __init__(self, url: str, engine: "sa.Engine", *, notify: Callable[[str], None] | None = None,
                 lock_notice_after: float = LOCK_NOTICE_AFTER_S):
        self.url = url
        self.engine = engine
        self.notify = notify or to_stderr
        self.lock_notice_after = lock_notice_after
        self.postgres = engine.dialect.name == "postgresql"

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, db: str | os.PathLike | None = None, *, migrate: bool = True, read_only: bool = False,
             notify: Callable[[str], None] | None = None, lock_notice_after: float = LOCK_NOTICE_AFTER_S,
             busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> "Registry":
        """Open (and, for writing, create and upgrade) the registry.

        `read_only=True` never takes the write lock: a missing file reads as an empty registry
        (nothing is created), and a database older than this trialfind is refused
        (`SchemaUpgradeNeeded`, naming `trialfind registry migrate`) rather than upgraded.
        `notify` receives the one-line notices (the move from the old default location,
        waiting for the write lock); stderr by default."""
        import sqlalchemy as sa

        notify = notify or to_stderr
        if not db and not os.environ.get(ENV_URL, "").strip():
            move_old_default_registry(notify)
        url = resolve_db_url(db)
        engine_url, path = url, None
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            path = Path(url[len("sqlite:///"):])
            if read_only and not path.exists():
                engine_url = "sqlite://"      # nothing recorded yet: an empty registry, nothing created
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
        options: dict[str, Any] = {}
        if engine_url == "sqlite://":
            options["poolclass"] = sa.pool.StaticPool
        elif url.startswith("sqlite"):
            options["connect_args"] = {"timeout": busy_timeout_ms / 1000}
        else:
            options.update(connect_args={"connect_timeout": 10}, pool_pre_ping=True)
        try:
            engine = sa.create_engine(engine_url, **options)
        except ModuleNotFoundError as exc:
            raise TrialfindError(f"the database driver {exc.name!r} is not installed; "
                                 "install trialfind[postgres] for PostgreSQL") from None
        except sa.exc.ArgumentError as exc:
            raise InvalidInput(f"--db: {exc}") from None
        if engine.dialect.name == "sqlite":
            configure_sqlite(engine, read_only=read_only and engine_url != "sqlite://",
                              busy_timeout_ms=busy_timeout_ms)
        registry = cls(url, engine, notify=notify, lock_notice_after=lock_notice_after)
        try:
            if engine_url == "sqlite://" or (migrate and not read_only):
                registry.upgrade()
            elif read_only:           # upgrading would take the write lock: a reader refuses instead
                require_current_schema(registry.schema_version(), registry.display_url)
        except BaseException:
            engine.dispose()
            raise
        return registry

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Registry":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def display_url(self) -> str:
        return _display_url(self.url)

    # -- transactions ----------------------------------------------------------------------
    def _write(self, work: Callable[["sa.Connection"], T]) -> T:
        """Run `work` in one write transaction, retrying the whole of it while the database is locked."""
        import sqlalchemy as sa

        waiting = LockNotice(self.notify, self.lock_notice_after,
                              f"waiting for another process to finish writing to the registry ({self.display_url})")
        postgres = self.postgres
        for attempt in range(WRITE_ATTEMPTS):
            try:
                if not postgres:          # SQLite waits in BEGIN IMMEDIATE; PostgreSQL inside the work
                    waiting.start()
                with self.engine.begin() as conn:
                    waiting.stop()
                    if postgres and not waiting.said:
                        # Row and migration locks wait inside the work: time out once to say so.
                        timeout_ms = max(1, round(self.lock_notice_after * 1000))
                        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {timeout_ms}")
                    return work(conn)
            except sa.exc.OperationalError as exc:
                if postgres and is_postgres_lock_timeout(exc) and not waiting.said:
                    waiting.say_now()     # the same transaction again, now waiting as long as it takes
                    continue
                if is_lock_error(exc) and attempt < WRITE_ATTEMPTS - 1:
                    time.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))
                    continue
                raise self._unavailable(exc) from None
            except sa.exc.DBAPIError as exc:
                if exc.connection_invalidated or isinstance(exc, sa.exc.InterfaceError):
                    raise self._unavailable(exc) from None
                raise
            finally:
                waiting.stop()
        raise AssertionError("unreachable")

    def _read(self, work: Callable[["sa.Connection"], T]) -> T:
        import sqlalchemy as sa

        try:
            with self.engine.connect().execution_options(registry_read_only=True) as conn:
                with conn.begin():
                    return work(conn)
        except sa.exc.OperationalError as exc:
            raise self._unavailable(exc) from None

    def _unavailable(self, exc: BaseException) -> SourceUnavailable:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return SourceUnavailable(f"registry database {self.display_url}: {reason}")

    # -- schema ----------------------------------------------------------------------------
    def upgrade(self, target: int | None = None) -> list[int]:
        return self._write(lambda conn: migrate(conn, target))

    def schema_version(self) -> int:
        return self._read(current_version)

    # -- writing ---------------------------------------------------------------------------
    def add(self, record: RequestRecord, *, today: dt.date | None = None) -> RequestRecord:
        """Validate (privacy screen included) and store one record; returns it with id and uid set."""
        record.validate(today)
        now = this_month()
        record.uid = record.uid or str(uuid.uuid4())
        record.recorded_month = record.recorded_month or now
        record.updated_month = now
        record.id = self._write(lambda conn: self._insert(conn, [record])[record.uid])
        return record

    def add_many(self, records: Sequence[RequestRecord], *, today: dt.date | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 label: str = "record", first_number: int = 1) -> ImportResult:
        """Store every record in ONE transaction, or none of them.

        Every record is validated before the transaction starts. Records whose uid is
        already in the registry are skipped (an export imported twice adds nothing).
        """
        problems = []
        seen: dict[str, int] = {}
        for number, record in enumerate(records, start=first_number):
            try:
                record.validate(today)
            except InvalidInput as exc:
                problems.append(f"{label} {number}: {exc}")
                continue
            if record.uid:
                if record.uid in seen:
                    problems.append(f"{label} {number}: uid repeats {label} {seen[record.uid]}")
                seen[record.uid] = number
        if problems:
            more = f" (and {len(problems) - 1} more with problems)" if len(problems) > 1 else ""
            raise InvalidInput(f"{problems[0]}{more}; nothing was written")
        now = this_month()
        for record in records:
            record.uid = record.uid or str(uuid.uuid4())
            record.recorded_month = record.recorded_month or now
            record.updated_month = record.updated_month or now

        def work(conn: "sa.Connection") -> ImportResult:
            existing = self._existing_uids(conn, [r.uid for r in records])
            fresh = [r for r in records if r.uid not in existing]
            written = 0
            for start in range(0, len(fresh), IMPORT_CHUNK):
                chunk = fresh[start:start + IMPORT_CHUNK]
                ids = self._insert(conn, chunk)
                for record in chunk:
                    record.id = ids[record.uid]
                written += len(chunk)
                if progress:
                    progress(written, len(fresh))
            return ImportResult(added=len(fresh), skipped_existing=len(records) - len(fresh), rows=len(records))

        return self._write(work)

    @staticmethod
    def _valid_id(record_id: int) -> int:
        """Registry ids are SQLite row ids: whole numbers from 1 to 2**63 - 1."""
        if isinstance(record_id, bool) or not isinstance(record_id, int) or not 1 <= record_id < 2**63:
            raise InvalidInput(f"{record_id!r} is not a registry id: ids are whole numbers from 1 "
                               "(see `trialfind registry list`)")
        return record_id

    def update(self, record_id: int, changes: dict[str, Any], *, today: dt.date | None = None) -> RequestRecord:
        """Change some fields of a record; the whole changed record is validated again.

        A date among the changes (say `decision_date`) is counted from `date_sent`, which must
        then be among the changes too: the registry no longer knows the day it was sent."""
        record_id = self._valid_id(record_id)
        forbidden = sorted(set(changes) & {"id", "uid", "created_at", "updated_at", "recorded_month",
                                           "updated_month"})
        if forbidden:
            raise InvalidInput(f"{forbidden[0]}: cannot be changed")

        def work(conn: "sa.Connection") -> RequestRecord:
            current = self._fetch(conn, [record_id])
            if not current:
                raise NotFound(f"no registry record with id {record_id}")
            values = merge_changes(current[0].as_dict(), changes)
            updated = RequestRecord.from_values(values, today=today).validate(today)
            updated.updated_month = this_month()
            self._unify_spellings(conn, [updated])
            self._replace(conn, updated)
            return updated

        return self._write(work)

    def delete(self, record_id: int) -> None:
        record_id = self._valid_id(record_id)

        def work(conn: "sa.Connection") -> None:
            if conn.execute(requests.delete().where(requests.c.id == record_id)).rowcount == 0:
                raise NotFound(f"no registry record with id {record_id}")

        self._write(work)

    # -- reading ---------------------------------------------------------------------------
    def get(self, record_id: int) -> RequestRecord:
        record_id = self._valid_id(record_id)
        found = self._read(lambda conn: self._fetch(conn, [record_id]))
        if not found:
            raise NotFound(f"no registry record with id {record_id}")
        return found[0]

    def records(self, *, company: str | None = None, drug: str | None = None, target: str | None = None,
                decision: str | None = None, consented_only: bool = False,
                limit: int | None = None) -> list[RequestRecord]:
        """Records in id order, filtered case-insensitively on company, drug, target, decision.

        A company or drug is looked for under its one name: "Pfizer Inc." finds Pfizer, "Lorbrena" lorlatinib."""
        import sqlalchemy as sa

        query = sa.select(requests.c.id).order_by(requests.c.id)
        company = company_name(company) if company else None
        drug = drug_name(drug) if drug else None
        for column, wanted in (("company", company), ("drug", drug), ("target", target), ("decision", decision)):
            if wanted:
                query = query.where(sa.func.lower(requests.c[column]) == wanted.strip().lower())
        if consented_only:
            query = query.where(requests.c.consent_to_share.is_(True))
        if limit:
            query = query.limit(limit)

        def work(conn: "sa.Connection") -> list[RequestRecord]:
            ids = conn.execute(query).scalars().all()
            return self._fetch(conn, ids)

        return self._read(work)

    def count(self) -> int:
        import sqlalchemy as sa

        return self._read(lambda conn: conn.execute(sa.select(sa.func.count()).select_from(requests)).scalar_one())

    # -- SQL -------------------------------------------------------------------------------
    @staticmethod
    def _row_values(record: RequestRecord) -> dict[str, Any]:
        values = {name: getattr(record, name) for name in _RECORD_COLUMNS if name != "id"}
        return values

    @staticmethod
    def _unify_spellings(conn: "sa.Connection", records: Sequence[RequestRecord]) -> None:
        import sqlalchemy as sa

        stored = {column: conn.execute(sa.select(requests.c[column]).distinct().order_by(requests.c[column]))
                  .scalars().all() for column in KEYS}
        unify_spellings(records, stored)

    def _insert(self, conn: "sa.Connection", records: Sequence[RequestRecord]) -> dict[str, int]:
        self._unify_spellings(conn, records)
        rows = conn.execute(requests.insert().returning(requests.c.id, requests.c.uid),
                            [self._row_values(r) for r in records]).all()
        ids = {uid: request_id for request_id, uid in rows}
        tox_rows = [{"request_id": ids[r.uid], "term": t.term, "grade": t.grade} for r in records for t in r.toxicities]
        if tox_rows:
            conn.execute(toxicities.insert(), tox_rows)
        return ids

    def _replace(self, conn: "sa.Connection", record: RequestRecord) -> None:
        values = self._row_values(record)
        values.pop("uid")
        values.pop("recorded_month")
        conn.execute(requests.update().where(requests.c.id == record.id).values(**values))
        conn.execute(toxicities.delete().where(toxicities.c.request_id == record.id))
        if record.toxicities:
            conn.execute(toxicities.insert(), [{"request_id": record.id, "term": t.term, "grade": t.grade}
                                               for t in record.toxicities])

    @staticmethod
    def _existing_uids(conn: "sa.Connection", uids: Iterable[str]) -> set[str]:
        import sqlalchemy as sa

        uids = list(uids)
        found: set[str] = set()
        for start in range(0, len(uids), 500):
            chunk = uids[start:start + 500]
            found.update(conn.execute(sa.select(requests.c.uid).where(requests.c.uid.in_(chunk))).scalars())
        return found

    @staticmethod
    def _fetch(conn: "sa.Connection", ids: Sequence[int]) -> list[RequestRecord]:
        import sqlalchemy as sa

        out: list[RequestRecord] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            rows = conn.execute(sa.select(requests).where(requests.c.id.in_(chunk)).order_by(requests.c.id)).mappings()
            by_id = {row["id"]: dict(row) for row in rows}
            tox: dict[int, list[Toxicity]] = {}
            for request_id, term, grade in conn.execute(
                    sa.select(toxicities.c.request_id, toxicities.c.term, toxicities.c.grade)
                    .where(toxicities.c.request_id.in_(chunk)).order_by(toxicities.c.id)):
                tox.setdefault(request_id, []).append(Toxicity(term, int(grade)))
            for request_id in chunk:
                if request_id not in by_id:
                    continue
                row = by_id[request_id]
                row["consent_to_share"] = bool(row["consent_to_share"])
                out.append(RequestRecord(toxicities=tox.get(request_id, []), **row))
        return out


def open_registry(db: str | os.PathLike | None = None) -> Registry:
    """Open (creating or upgrading in place) the registry at `db` — a file path or a database URL;
    default $TRIALFIND_REGISTRY_URL, else `registry.sqlite` in the user data directory (moved there
    once from the old cache-directory location)."""
    return Registry.open(db)
