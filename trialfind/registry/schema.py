"""Registry tables and their ordered, versioned migrations.

A database is never recreated: `migrate()` reads the `schema_version` table and applies,
in order and inside one transaction, each migration it has not seen yet. A migration,
once released, is never edited — a change of schema is a new function appended to
MIGRATIONS. The table objects below describe the schema after the last migration and
are what the store queries with.
"""
from __future__ import annotations

import datetime as dt
import uuid
from typing import Callable

import sqlalchemy as sa

from trialfind.core.errors import TrialfindError
from trialfind.registry.dates import DATE_TO_DAYS, DAY_FIELDS, TIMESTAMP_TO_MONTH
from trialfind.registry.identity import company_name, drug_name
from trialfind.registry.record import utc_now

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

requests = sa.Table(
    "requests", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("uid", sa.String(36), nullable=False, unique=True),
    sa.Column("reporter_role", sa.String(20), nullable=False),
    sa.Column("age_band", sa.String(8), nullable=False),
    sa.Column("diagnosis", sa.String(200), nullable=False),
    sa.Column("target", sa.String(100)),
    sa.Column("drug", sa.String(120), nullable=False),
    sa.Column("company", sa.String(160), nullable=False),
    sa.Column("contact_used", sa.String(200)),
    sa.Column("channel", sa.String(20)),
    sa.Column("decision", sa.String(20), nullable=False),
    sa.Column("reason_given", sa.Text),
    sa.Column("outcome", sa.String(20)),
    sa.Column("consent_to_share", sa.Boolean, nullable=False),
    sa.Column("notes", sa.Text),
    # Added by migration 3 (nullable in the database, required by RequestRecord.validate).
    sa.Column("month_sent", sa.String(7)),
    *(sa.Column(name, sa.Integer) for name in DAY_FIELDS),
    sa.Column("drug_as_written", sa.String(120)),
    sa.Column("company_as_written", sa.String(160)),
    sa.Column("recorded_month", sa.String(7)),
    sa.Column("updated_month", sa.String(7)),
)

toxicities = sa.Table(
    "toxicities", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("request_id", sa.Integer, sa.ForeignKey("requests.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("term", sa.String(100), nullable=False),
    sa.Column("grade", sa.SmallInteger, sa.CheckConstraint("grade BETWEEN 1 AND 5", name="ck_toxicity_grade"),
              nullable=False),
)


def _migration_1_initial(conn: sa.Connection) -> None:
    """Requests and their toxicities, as first released (frozen: do not edit)."""
    v1 = sa.MetaData()
    sa.Table(
        "requests", v1,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reporter_role", sa.String(20), nullable=False),
        sa.Column("age_band", sa.String(8), nullable=False),
        sa.Column("diagnosis", sa.String(200), nullable=False),
        sa.Column("target", sa.String(100)),
        sa.Column("drug", sa.String(120), nullable=False),
        sa.Column("company", sa.String(160), nullable=False),
        sa.Column("contact_used", sa.String(200)),
        sa.Column("channel", sa.String(20)),
        sa.Column("date_sent", sa.Date, nullable=False),
        sa.Column("date_acknowledged", sa.Date),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("decision_date", sa.Date),
        sa.Column("reason_given", sa.Text),
        sa.Column("ind_date", sa.Date),
        sa.Column("irb_date", sa.Date),
        sa.Column("treatment_start", sa.Date),
        sa.Column("outcome", sa.String(20)),
        sa.Column("consent_to_share", sa.Boolean, nullable=False),
        sa.Column("notes", sa.Text),
    )
    sa.Table(
        "toxicities", v1,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("request_id", sa.Integer, sa.ForeignKey("requests.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("term", sa.String(100), nullable=False),
        sa.Column("grade", sa.SmallInteger,
                  sa.CheckConstraint("grade BETWEEN 1 AND 5", name="ck_toxicity_grade"), nullable=False),
    )
    v1.create_all(conn)


def _migration_2_uid_and_indexes(conn: sa.Connection) -> None:
    """A stable uid per request, so that importing an exported file twice does not count
    requests twice, and indexes for the per-company / drug / target figures."""
    conn.execute(sa.text("ALTER TABLE requests ADD COLUMN uid VARCHAR(36)"))
    ids = conn.execute(sa.text("SELECT id FROM requests WHERE uid IS NULL")).scalars().all()
    if ids:
        conn.execute(sa.text("UPDATE requests SET uid = :uid WHERE id = :id"),
                     [{"uid": str(uuid.uuid4()), "id": request_id} for request_id in ids])
    conn.execute(sa.text("CREATE UNIQUE INDEX ix_requests_uid ON requests (uid)"))
    for column in ("company", "drug", "target", "date_sent"):
        conn.execute(sa.text(f"CREATE INDEX ix_requests_{column} ON requests ({column})"))


_OLD_DATE_COLUMNS = ("date_sent", "date_acknowledged", "decision_date", "ind_date", "irb_date", "treatment_start")
_OLD_TIMESTAMP_COLUMNS = ("created_at", "updated_at")


def month_floor(moment: dt.datetime) -> dt.datetime:
    """The first instant of the moment's month (UTC): the upgrade log keeps no day either."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _as_date(value) -> dt.date | None:
    # SQLite hands back text through sa.text(); PostgreSQL hands back date / datetime objects.
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _migration_3_months_days_and_one_name(conn: sa.Connection) -> None:
    """Privacy by design and one name per company and drug (issue 14): the month sent and days
    since instead of every date; record-keeping timestamps cut to their month; company and drug
    names normalised, the spelling as written kept. The date columns are dropped, contents and all."""
    for name, kind in (("month_sent", "VARCHAR(7)"), *((d, "INTEGER") for d in DAY_FIELDS),
                       ("drug_as_written", "VARCHAR(120)"), ("company_as_written", "VARCHAR(160)"),
                       ("recorded_month", "VARCHAR(7)"), ("updated_month", "VARCHAR(7)")):
        conn.execute(sa.text(f"ALTER TABLE requests ADD COLUMN {name} {kind}"))
    columns = ", ".join(("id", "company", "drug", *_OLD_DATE_COLUMNS, *_OLD_TIMESTAMP_COLUMNS))
    updates = []
    for row in conn.execute(sa.text(f"SELECT {columns} FROM requests")).mappings():
        sent = _as_date(row["date_sent"])
        values = {"id": row["id"], "month_sent": f"{sent.year:04d}-{sent.month:02d}" if sent else None,
                  "company_as_written": row["company"], "company": company_name(row["company"]) or row["company"],
                  "drug_as_written": row["drug"], "drug": drug_name(row["drug"]) or row["drug"]}
        for date_column, days_column in DATE_TO_DAYS.items():
            later = _as_date(row[date_column])
            values[days_column] = max(0, (later - sent).days) if later and sent else None
        for stamp, month in TIMESTAMP_TO_MONTH.items():
            moment = _as_date(row[stamp])
            values[month] = f"{moment.year:04d}-{moment.month:02d}" if moment else None
        updates.append(values)
    if updates:
        assignments = ", ".join(f"{name} = :{name}" for name in updates[0] if name != "id")
        conn.execute(sa.text(f"UPDATE requests SET {assignments} WHERE id = :id"), updates)
    conn.execute(sa.text("DROP INDEX ix_requests_date_sent"))
    for column in (*_OLD_DATE_COLUMNS, *_OLD_TIMESTAMP_COLUMNS):
        conn.execute(sa.text(f"ALTER TABLE requests DROP COLUMN {column}"))
    conn.execute(sa.text("CREATE INDEX ix_requests_month_sent ON requests (month_sent)"))
    # The upgrade log says when the registry was first used; it keeps the month only, too.
    for version, applied in conn.execute(sa.select(schema_version.c.version, schema_version.c.applied_at)).all():
        conn.execute(schema_version.update().where(schema_version.c.version == version)
                     .values(applied_at=month_floor(applied)))


Migration = Callable[[sa.Connection], None]
MIGRATIONS: tuple[tuple[int, str, Migration], ...] = (
    (1, "requests and toxicities", _migration_1_initial),
    (2, "request uid; indexes on company, drug, target, date sent", _migration_2_uid_and_indexes),
    (3, "month sent and days since instead of dates; one name per company and drug",
     _migration_3_months_days_and_one_name),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]

# Any fixed number: PostgreSQL sessions migrating at once queue on this lock.
_PG_MIGRATION_LOCK = 0x7472_6666  # "trff"


def current_version(conn: sa.Connection) -> int:
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0


class SchemaUpgradeNeeded(TrialfindError):
    """A reader met a database older than this trialfind: it is not upgraded behind the reader's back."""


def require_current_schema(version: int, where: str) -> None:
    """Reading needs the current schema; upgrading would take the write lock, so a reader refuses instead."""
    if version > SCHEMA_VERSION:
        raise TrialfindError(f"the registry database {where} has schema version {version}, newer than this "
                             f"trialfind understands ({SCHEMA_VERSION}); upgrade trialfind")
    if version < SCHEMA_VERSION:
        raise SchemaUpgradeNeeded(
            f"the registry database {where} was written by an older trialfind (schema version {version}, now "
            f"{SCHEMA_VERSION}); upgrade it once with `trialfind registry migrate` (or any command that writes), "
            f"then read again")


def migrate(conn: sa.Connection, target: int | None = None) -> list[int]:
    """Bring the database on `conn` (inside a transaction) up to `target` (default: latest).

    Returns the versions applied. A database newer than this code is refused rather than touched.
    """

    target = SCHEMA_VERSION if target is None else target
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
    schema_version.create(conn, checkfirst=True)
    have = current_version(conn)
    if have > SCHEMA_VERSION:
        raise TrialfindError(f"the registry database has schema version {have}, newer than this trialfind "
                             f"understands ({SCHEMA_VERSION}); upgrade trialfind")
    applied = []
    for version, description, migration in MIGRATIONS:
        if have < version <= target:
            migration(conn)
            conn.execute(schema_version.insert().values(version=version, description=description,
                                                        applied_at=month_floor(utc_now())))
            applied.append(version)
    return applied
