"""Where the registry lives (the user data directory, moved once from the old cache location)
and how it shares the SQLite file: readers never take the write lock; a waiting writer says so."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading

import pytest

from tests.registry.test_record import synthetic_values
from trialfind.registry.record import RequestRecord
from trialfind.registry.schema import MIGRATIONS, SCHEMA_VERSION, SchemaUpgradeNeeded
from trialfind.registry.store import Registry


def synthetic_record(**overrides) -> RequestRecord:
    return RequestRecord.from_values(synthetic_values(**overrides))


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    monkeypatch.delenv("TRIALFIND_REGISTRY_URL", raising=False)
    monkeypatch.setenv("TRIALFIND_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("TRIALFIND_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "cache" / "registry.sqlite", tmp_path / "data" / "registry.sqlite"


def _env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIALFIND_")}
    env.update(TRIALFIND_CACHE_DIR=str(tmp_path / "cache"), TRIALFIND_DATA_DIR=str(tmp_path / "data"),
               PYTHONUNBUFFERED="1")
    env.pop("PYTHONPATH", None)
    return env


def _hold_write_lock(path) -> sqlite3.Connection:
    """Another writer, mid-transaction: holds the database's write lock until rolled back."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE requests SET notes = 'synthetic: being edited' WHERE id = 1")
    return holder


def _lock_is_held(path) -> bool:
    probe = sqlite3.connect(path, timeout=0.05, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc)
    finally:
        probe.close()
    return False


# -- the default location --------------------------------------------------------------------

def test_default_registry_is_in_the_data_directory_and_moves_once_from_the_cache(dirs):
    old, new = dirs
    with Registry.open(old) as store:
        store.add(synthetic_record())
    # A reader still holding the old file keeps un-checkpointed pages in its -wal file:
    # the move must carry them (SQLite's backup API reads through the WAL).
    lingering = sqlite3.connect(old)
    lingering.execute("PRAGMA wal_autocheckpoint = 0")
    with Registry.open(old) as store:
        store.add(synthetic_record(drug="larotrectinib", company="Bayer"))
    notices: list[str] = []
    with Registry.open(notify=notices.append) as store:
        assert [r.drug for r in store.records()] == ["lorlatinib", "larotrectinib"]
    lingering.close()
    assert new.is_file() and not old.exists()
    assert len(notices) == 1 and str(old) in notices[0] and str(new) in notices[0] and "\n" not in notices[0]
    with Registry.open(notify=notices.append) as store:
        assert store.count() == 2
    assert len(notices) == 1                      # once only


def test_an_existing_data_directory_registry_is_never_overwritten(dirs):
    old, new = dirs
    with Registry.open(old) as store:
        store.add(synthetic_record(company="Bayer", drug="larotrectinib"))
    with Registry.open(new) as store:
        store.add(synthetic_record())
    notices: list[str] = []
    with Registry.open(notify=notices.append) as store:
        assert [r.company for r in store.records()] == ["Pfizer"]
    assert notices == [] and old.exists()


@pytest.mark.slow
def test_cli_moves_the_old_registry_with_one_notice_on_stderr(tmp_path):
    old = tmp_path / "cache" / "registry.sqlite"
    with Registry.open(old) as store:
        store.add(synthetic_record())
    command = [sys.executable, "-m", "trialfind", "registry", "list", "--format", "csv"]
    first = subprocess.run(command, capture_output=True, text=True, env=_env(tmp_path), timeout=120)
    assert first.returncode == 0, first.stderr
    assert first.stderr.count("moved") == 1 and str(tmp_path / "data" / "registry.sqlite") in first.stderr
    assert "lorlatinib" in first.stdout
    second = subprocess.run(command, capture_output=True, text=True, env=_env(tmp_path), timeout=120)
    assert second.returncode == 0 and second.stderr == "" and "lorlatinib" in second.stdout


# -- readers and the write lock --------------------------------------------------------------

def test_reading_never_takes_the_write_lock(tmp_path):
    path = tmp_path / "r.sqlite"
    with Registry.open(path) as store:
        store.add(synthetic_record())
    holder = _hold_write_lock(path)
    try:
        assert _lock_is_held(path)
        # A busy timeout of 50 ms: asking for the write lock would fail at once with "locked".
        with Registry.open(path, read_only=True, busy_timeout_ms=50) as store:
            assert store.count() == 1
            assert store.get(1).notes == "Letter of authorization came with the decision."  # not the uncommitted edit
            assert [r.company for r in store.records(consented_only=True)] == ["Pfizer"]
    finally:
        holder.rollback()
        holder.close()


def test_reading_a_registry_that_does_not_exist_creates_nothing(tmp_path):
    path = tmp_path / "none" / "r.sqlite"
    with Registry.open(path, read_only=True) as store:
        assert store.count() == 0 and store.records() == []
    assert not path.exists() and not path.parent.exists()


@pytest.mark.slow
@pytest.mark.parametrize("args", [("list",), ("show", "1"), ("stats", "--by", "company"), ("export",),
                                  ("report", "--output", "{tmp}/report.html")])
def test_cli_reading_commands_answer_while_another_process_writes(tmp_path, args):
    path = tmp_path / "r.sqlite"
    with Registry.open(path) as store:
        store.add(synthetic_record())
    holder = _hold_write_lock(path)
    try:
        command = [sys.executable, "-m", "trialfind", "registry", *(a.format(tmp=tmp_path) for a in args),
                   "--db", str(path)]
        result = subprocess.run(command, capture_output=True, text=True, env=_env(tmp_path), timeout=300)
        assert result.returncode == 0, result.stderr
        assert "waiting" not in result.stderr
        assert _lock_is_held(path)
    finally:
        holder.rollback()
        holder.close()


# -- a writer waiting for the lock -----------------------------------------------------------

def start_waiting_writer(url, write) -> tuple[threading.Thread, list[str], threading.Event, dict]:
    """Run `write(registry)` in a thread on a registry that tells (once, after 0.1 s) that it is
    waiting for a lock; returns the thread, the notices, an event set at the first notice, and
    the outcome ({"record": ...} or {"error": ...})."""
    notices: list[str] = []
    told = threading.Event()
    outcome: dict = {}

    def notify(message: str) -> None:
        notices.append(message)
        told.set()

    def writer() -> None:
        try:
            with Registry.open(url, notify=notify, lock_notice_after=0.1) as registry:
                outcome["record"] = write(registry)
        except Exception as exc:  # surfaced by the caller's assertions
            outcome["error"] = exc

    thread = threading.Thread(target=writer)
    thread.start()
    return thread, notices, told, outcome


def test_a_waiting_writer_says_so_once_and_then_writes(tmp_path):
    path = tmp_path / "r.sqlite"
    with Registry.open(path) as store:
        store.add(synthetic_record())
    holder = _hold_write_lock(path)
    thread, notices, told, outcome = start_waiting_writer(
        path, lambda store: store.add(synthetic_record(company="Bayer", drug="larotrectinib")))
    try:
        assert told.wait(timeout=60), "the writer never said it was waiting"
        assert "record" not in outcome           # it really is waiting for the lock
    finally:
        holder.rollback()
        holder.close()
    thread.join(timeout=120)
    assert "error" not in outcome, outcome.get("error")
    assert outcome["record"].id == 2
    assert len(notices) == 1 and "waiting for another process" in notices[0] and "\n" not in notices[0]


def test_a_writer_that_gets_the_lock_at_once_says_nothing(tmp_path):
    notices: list[str] = []
    with Registry.open(tmp_path / "r.sqlite", notify=notices.append, lock_notice_after=5.0) as store:
        store.add(synthetic_record())
    assert notices == []


@pytest.mark.slow
def test_cli_writer_waiting_for_the_lock_says_so_on_stderr(tmp_path):
    path = tmp_path / "r.sqlite"
    with Registry.open(path) as store:
        store.add(synthetic_record())
    holder = _hold_write_lock(path)
    command = [sys.executable, "-m", "trialfind", "registry", "update", "1", "--outcome", "stable", "--db", str(path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path))
    try:
        first_line = process.stderr.readline()   # blocks until the writer speaks (after 2 s of waiting)
        assert "waiting for another process to finish writing to the registry" in first_line
    finally:
        holder.rollback()
        holder.close()
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "waiting" not in err                  # said once only


# -- a reader and an older schema ------------------------------------------------------------

def _schema_versions(path) -> list[int]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY version")]


def test_a_reader_refuses_an_older_schema_in_one_line_without_the_write_lock(tmp_path):
    from tests.registry.test_store import _v1_database_with_data

    path = tmp_path / "old.sqlite"
    _v1_database_with_data(path)
    holder = _hold_write_lock(path)
    try:
        # 50 ms of busy timeout: had the reader asked for the write lock it would fail with "locked".
        with pytest.raises(SchemaUpgradeNeeded) as refused:
            Registry.open(path, read_only=True, busy_timeout_ms=50)
        message = str(refused.value)
        assert "trialfind registry migrate" in message and "schema version 1" in message and "\n" not in message
        assert _lock_is_held(path)
    finally:
        holder.rollback()
        holder.close()
    assert _schema_versions(path) == [1]          # nothing upgraded behind the reader's back
    with Registry.open(path) as store:             # a writer upgrades it
        assert store.count() == 2
    with Registry.open(path, read_only=True) as store:
        assert store.count() == 2


@pytest.mark.slow
def test_cli_reading_an_older_registry_says_to_migrate_and_migrate_upgrades_it(tmp_path):
    from tests.registry.test_store import _v1_database_with_data

    path = tmp_path / "old.sqlite"
    _v1_database_with_data(path)

    def run(*args):
        return subprocess.run([sys.executable, "-m", "trialfind", "registry", *args, "--db", str(path)],
                              capture_output=True, text=True, env=_env(tmp_path), timeout=120)

    for args in (("list",), ("show", "1"), ("stats",), ("export",), ("report", "--output", str(tmp_path / "r.html"))):
        refused = run(*args)
        assert refused.returncode == 1 and refused.stdout == "", args
        assert len(refused.stderr.strip().splitlines()) == 1 and "trialfind registry migrate" in refused.stderr
    assert _schema_versions(path) == [1] and not (tmp_path / "r.html").exists()
    migrated = run("migrate")
    assert migrated.returncode == 0 and f"schema version {SCHEMA_VERSION}" in migrated.stdout, migrated.stderr
    assert _schema_versions(path) == [number for number, _, _ in MIGRATIONS]
    listed = run("list")
    assert listed.returncode == 0 and "lorlatinib" in listed.stdout and listed.stderr == ""
