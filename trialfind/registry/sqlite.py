"""How the registry talks to a SQLite file: concurrent writers queue instead of failing.

Every connection runs in WAL mode (unless it only reads) with a busy timeout and foreign
keys on, and overwrites what it deletes (`secure_delete`: a dropped date column or an edited
record leaves nothing behind in the file). Every write transaction starts with BEGIN
IMMEDIATE, so two writers cannot both read and then deadlock upgrading to write.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlalchemy as sa


def configure_sqlite(engine: "sa.Engine", *, read_only: bool, busy_timeout_ms: int) -> None:
    """WAL, a busy timeout, foreign keys and secure delete on every connection; BEGIN IMMEDIATE
    for writes (BEGIN DEFERRED for connections marked `registry_read_only`)."""
    import sqlalchemy as sa

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event below decide how a transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
        if not read_only:   # a reader leaves the file's journal mode (set by its writers) alone
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Deleted and replaced content (a dropped date column, an edited record) is overwritten, not left behind.
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn):
        # IMMEDIATE takes the write lock up front: two writers cannot both read, then
        # deadlock upgrading to write. Reads ask for a deferred start.
        mode = "DEFERRED" if conn.get_execution_options().get("registry_read_only") else "IMMEDIATE"
        conn.exec_driver_sql(f"BEGIN {mode}")


def is_lock_error(exc: BaseException) -> bool:
    """True for SQLite's "locked" / "busy" errors, which a writer retries."""
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text or "database table is locked" in text


def is_postgres_lock_timeout(exc: BaseException) -> bool:
    """True for PostgreSQL's lock_not_available (55P03): `lock_timeout` ran out waiting for a lock."""
    return getattr(getattr(exc, "orig", None), "sqlstate", None) == "55P03"
