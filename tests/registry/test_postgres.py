"""The registry on a REAL PostgreSQL server.

Server: $TRIALFIND_TEST_POSTGRES_URL (CI starts one with .ci/postgres.sh). Without it,
outside CI, a temporary server is started from the local PostgreSQL binaries with the
same script (never installing anything); the tests skip, saying so, only when that is
impossible. In CI (CI set) without a URL they fail: a skipped database test would let
the PostgreSQL path rot unnoticed.
"""
import atexit
import datetime as dt
import os
import shutil
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.registry.test_location_and_locking import start_waiting_writer
from tests.registry.test_reliability import check_concurrent_writers, check_kill_during_import
from tests.registry.test_store import roundtrip_keeps_stats, synthetic_record
from trialfind.core.errors import InvalidInput
from trialfind.registry.record import RequestRecord
from trialfind.registry.schema import SCHEMA_VERSION, SchemaUpgradeNeeded, metadata, migrate
from trialfind.registry.stats import compute_stats
from trialfind.registry.store import Registry
from trialfind.registry.synthetic import synthetic_records

REPO_ROOT = Path(__file__).resolve().parents[2]
_started: dict = {}


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _start_temporary_server() -> str:
    """Run .ci/postgres.sh (with installing forbidden) and return the URL it prints."""
    if "url" in _started:
        return _started["url"]
    result = subprocess.run(["bash", str(REPO_ROOT / ".ci" / "postgres.sh")], capture_output=True, text=True,
                            timeout=180, env={**os.environ, "TRIALFIND_PG_NO_INSTALL": "1"})
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(last)
    exports = dict(line[len("export "):].split("=", 1) for line in result.stdout.splitlines()
                   if line.startswith("export "))
    _started.update(url=exports["TRIALFIND_TEST_POSTGRES_URL"], data=exports["TRIALFIND_TEST_POSTGRES_DATA"])
    atexit.register(_stop_temporary_server)
    return _started["url"]


def _stop_temporary_server() -> None:
    base = _started.get("data")
    if not base:
        return
    bindir = next((d for d in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
                   if (d / "pg_ctl").exists()), None)
    pg_ctl = str(bindir / "pg_ctl") if bindir else shutil.which("pg_ctl")
    command = [pg_ctl, "-D", f"{base}/data", "-m", "immediate", "stop"]
    if os.geteuid() == 0:  # the server runs as postgres, as .ci/postgres.sh started it
        runuser = shutil.which("runuser") or next((p for p in ("/usr/sbin/runuser", "/sbin/runuser")
                                                   if os.path.exists(p)), None)
        command = ([runuser, "-u", "postgres", "--"] + command if runuser else
                   ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(command)])
    subprocess.run(command, capture_output=True, timeout=60)
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def postgres_server_url():
    url = os.environ.get("TRIALFIND_TEST_POSTGRES_URL", "").strip()
    if url:
        return url
    if _in_ci():
        pytest.fail("CI is set but TRIALFIND_TEST_POSTGRES_URL is not: .ci/run must start PostgreSQL with "
                    "`eval \"$(bash .ci/postgres.sh)\"` before the tests")
    try:
        return _start_temporary_server()
    except Exception as exc:  # noqa: BLE001 - any reason to be unable to start a server means skip here
        pytest.skip(f"PostgreSQL registry tests SKIPPED: not in CI, TRIALFIND_TEST_POSTGRES_URL is not set and "
                    f"no temporary PostgreSQL server could be started ({exc})")


@pytest.fixture
def fresh_database(postgres_server_url):
    """A new, empty database on the server for one test; a factory, since some tests want two."""
    created = []
    admin = sa.create_engine(postgres_server_url, isolation_level="AUTOCOMMIT")

    def make() -> str:
        name = f"trialfind_t_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        created.append(name)
        return sa.engine.make_url(postgres_server_url).set(database=name).render_as_string(hide_password=False)

    yield make
    with admin.connect() as conn:
        for name in created:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def test_the_server_is_really_postgresql(fresh_database):
    with Registry.open(fresh_database()) as registry:
        assert registry.engine.dialect.name == "postgresql"
        with registry.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version()").scalar().startswith("PostgreSQL")
        assert registry.schema_version() == SCHEMA_VERSION


def test_add_stats_export_import_round_trip_on_postgresql(fresh_database, tmp_path):
    with Registry.open(fresh_database()) as source, Registry.open(fresh_database()) as target:
        roundtrip_keeps_stats(source, target, tmp_path)


def test_sqlite_and_postgresql_give_identical_stats_for_the_same_export(fresh_database, tmp_path):
    from trialfind.registry.transfer import import_csv, records_to_csv

    path = tmp_path / "synthetic.csv"
    path.write_text(records_to_csv(synthetic_records(300, seed=23)), encoding="utf-8")
    figures = []
    for db in (str(tmp_path / "lite.sqlite"), fresh_database()):
        with Registry.open(db) as registry:
            import_csv(registry, path)
            figures.append([compute_stats(registry.records(consented_only=True), by=by)
                            for by in (None, "company", "drug", "target")])
    assert figures[0] == figures[1]


def test_identifying_record_is_refused_and_nothing_written_on_postgresql(fresh_database):
    with Registry.open(fresh_database()) as registry:
        with pytest.raises(InvalidInput, match="^notes: .*email"):
            registry.add(synthetic_record(notes="write to parent@example.org"))
        assert registry.count() == 0


def test_update_and_toxicities_on_postgresql(fresh_database):
    with Registry.open(fresh_database()) as registry:
        registry.add(synthetic_record())
        registry.update(1, {"decision": "granted", "date_sent": "2024-05-02", "decision_date": "2024-05-09",
                            "toxicities": ["Fatigue:2"]})
        got = registry.get(1)
        assert got.decision == "granted" and [str(t) for t in got.toxicities] == ["Fatigue:2"]
        assert (got.month_sent, got.days_to_decide) == ("2024-05", 7)
        assert got.recorded_month and got.updated_month >= got.recorded_month


def test_a_v1_postgresql_database_with_data_is_upgraded_in_place(fresh_database):
    url = fresh_database()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        migrate(conn, target=1)
        conn.execute(sa.text(
            "INSERT INTO requests (created_at, updated_at, reporter_role, age_band, diagnosis, drug, company, "
            "date_sent, decision, consent_to_share) VALUES (now(), now(), 'parent', '5-9', 'low-grade glioma', "
            "'tovorafenib', 'Day One', :sent, 'denied', true)"), {"sent": dt.date(2024, 6, 1)})
        oid = conn.exec_driver_sql("SELECT 'requests'::regclass::oid").scalar()
    engine.dispose()
    with Registry.open(url) as registry:
        assert registry.schema_version() == SCHEMA_VERSION
        [record] = registry.records()
        assert (record.company, record.decision, record.uid is not None) == ("Day One", "denied", True)
        with registry.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT 'requests'::regclass::oid").scalar() == oid  # same table
        columns = {c["name"] for c in sa.inspect(registry.engine).get_columns("requests")}
        assert columns == set(metadata.tables["requests"].columns.keys())
        registry.add(RequestRecord.from_values(record.as_dict() | {"id": None, "uid": None}))
        assert registry.count() == 2


@pytest.mark.slow
def test_four_concurrent_writer_processes_on_postgresql(fresh_database, tmp_path):
    check_concurrent_writers(fresh_database(), tmp_path)


@pytest.mark.slow
def test_a_killed_import_leaves_all_or_none_on_postgresql(fresh_database, tmp_path):
    check_kill_during_import(fresh_database(), tmp_path)


# -- readers, an older schema and a waiting writer -------------------------------------------

def _hold_row_lock(url: str) -> sa.Connection:
    """Another writer, mid-transaction on PostgreSQL: holds request 1's row lock until rolled back."""
    holder = sa.create_engine(url).connect()
    holder.begin()
    holder.execute(sa.text("UPDATE requests SET notes = 'synthetic: being edited' WHERE id = 1"))
    return holder


def test_a_waiting_writer_says_so_once_and_then_writes_on_postgresql(fresh_database):
    url = fresh_database()
    with Registry.open(url) as registry:
        registry.add(synthetic_record())
    holder = _hold_row_lock(url)
    thread, notices, told, outcome = start_waiting_writer(url, lambda registry: registry.update(1, {"decision": "denied"}))
    try:
        assert told.wait(timeout=60), "the writer never said it was waiting"
        assert "record" not in outcome and "error" not in outcome   # it really is waiting for the row
        with Registry.open(url, read_only=True) as reader:           # and a reader is not
            assert reader.get(1).decision != "denied"
    finally:
        holder.rollback()
        holder.close()
    thread.join(timeout=120)
    assert "error" not in outcome, outcome.get("error")
    assert outcome["record"].decision == "denied"
    assert len(notices) == 1 and "waiting for another process" in notices[0] and "\n" not in notices[0]


def test_a_writer_that_gets_its_locks_at_once_says_nothing_on_postgresql(fresh_database):
    notices: list[str] = []
    with Registry.open(fresh_database(), notify=notices.append, lock_notice_after=0.05) as registry:
        registry.add(synthetic_record())
        registry.update(1, {"decision": "denied"})
    assert notices == []


def test_a_reader_refuses_an_older_postgresql_schema_without_waiting_or_upgrading(fresh_database):
    url = fresh_database()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        migrate(conn, target=1)
    migrating = engine.connect()
    migrating.begin()
    # Another process upgrading right now holds the migration lock: a reader must not queue behind it.
    migrating.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": 0x7472_6666})
    outcome: dict = {}

    def reader() -> None:
        try:
            Registry.open(url, read_only=True).close()
            outcome["opened"] = True
        except Exception as exc:  # surfaced by the assertion below
            outcome["error"] = exc

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        thread.join(timeout=30)
        assert not thread.is_alive(), "the reader waited behind the migration lock"
    finally:
        migrating.rollback()
        migrating.close()
        thread.join(timeout=60)
    assert isinstance(outcome.get("error"), SchemaUpgradeNeeded), outcome
    assert "trialfind registry migrate" in str(outcome["error"])
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT max(version) FROM schema_version")).scalar() == 1
    engine.dispose()
    with Registry.open(url) as registry:
        assert registry.schema_version() == SCHEMA_VERSION
    with Registry.open(url, read_only=True) as reader:
        assert reader.count() == 0


@pytest.mark.slow
def test_cli_writer_waiting_on_postgresql_says_so_on_stderr_after_2_s(fresh_database, tmp_path):
    url = fresh_database()
    with Registry.open(url) as registry:
        registry.add(synthetic_record())
    holder = _hold_row_lock(url)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIALFIND_")}
    env.update(TRIALFIND_CACHE_DIR=str(tmp_path / "cache"), TRIALFIND_DATA_DIR=str(tmp_path / "data"),
               PYTHONUNBUFFERED="1")
    command = [sys.executable, "-m", "trialfind", "registry", "update", "1", "--decision", "denied", "--db", url]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    silent_too_long = threading.Timer(90, process.kill)   # a writer that never speaks fails, not hangs
    silent_too_long.start()
    try:
        first_line = process.stderr.readline()   # blocks until the writer speaks (after 2 s of waiting)
        assert "waiting for another process to finish writing to the registry" in first_line
        assert process.poll() is None            # still waiting for the row
    finally:
        silent_too_long.cancel()
        holder.rollback()
        holder.close()
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "waiting" not in err                  # said once only
    with Registry.open(url, read_only=True) as reader:
        assert reader.get(1).decision == "denied"
