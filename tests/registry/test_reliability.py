"""Registry reliability on SQLite: concurrent writer processes lose no row, and a process
killed during a large import leaves all of it or none. The same checks run on PostgreSQL
in test_registry_postgres.py."""
import os
import signal
import subprocess
import sys
import time

import pytest

from trialfind.registry.store import Registry
from trialfind.registry.synthetic import synthetic_records
from trialfind.registry.transfer import records_to_csv

WRITER = r"""
import pathlib, sys, time
from trialfind.registry.store import Registry
from trialfind.registry.synthetic import synthetic_records

url, seed, count, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), pathlib.Path(sys.argv[4])
records = synthetic_records(count, seed=seed)
deadline = time.monotonic() + 60
while not go.exists() and time.monotonic() < deadline:
    time.sleep(0.002)
with Registry.open(url) as registry:   # a fresh database: four processes also race to migrate it
    for record in records:
        registry.add(record)            # one transaction per record
print("wrote", count)
"""


def check_concurrent_writers(url, tmp_path, writers=4, each=250):
    go = tmp_path / "go"
    processes = [subprocess.Popen([sys.executable, "-c", WRITER, url, str(seed), str(each), str(go)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for seed in range(writers)]
    time.sleep(0.5)
    go.touch()
    results = [p.communicate(timeout=300) for p in processes]
    for process, (out, err) in zip(processes, results):
        assert process.returncode == 0, err[-2000:]
        assert out.strip() == f"wrote {each}"
    with Registry.open(url) as registry:
        records = registry.records()
    assert len(records) == writers * each
    assert len({r.id for r in records}) == writers * each
    assert len({r.uid for r in records}) == writers * each


def check_kill_during_import(url, tmp_path, rows=20000):
    """SIGKILL the `registry import` process once it is writing rows inside its transaction."""
    path = tmp_path / "big_synthetic.csv"
    path.write_text(records_to_csv(synthetic_records(rows, seed=5)), encoding="utf-8")
    with Registry.open(url) as registry:     # migrated beforehand: the kill must hit the import itself
        assert registry.count() == 0
    process = subprocess.Popen([sys.executable, "-m", "trialfind", "registry", "import", str(path), "--db", url],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = []
    for line in process.stderr:
        seen.append(line)
        if line.startswith("writing rows"):
            break
    process.kill()
    process.wait(timeout=30)
    out = process.stdout.read()
    assert any(line.startswith("writing rows") for line in seen), "".join(seen)[-2000:]
    assert process.returncode == -signal.SIGKILL
    with Registry.open(url) as registry:
        left = registry.count()
    assert left in (0, rows), f"a killed import left {left} of {rows} rows"
    if left == rows:  # only possible when the kill landed after the commit
        assert out.startswith("imported")
    return left


def test_four_concurrent_writer_processes_leave_exactly_1000_rows(tmp_path):
    check_concurrent_writers(str(tmp_path / "shared.sqlite"), tmp_path)


@pytest.mark.slow
def test_a_killed_import_leaves_all_or_none_and_the_database_intact(tmp_path):
    db = tmp_path / "killed.sqlite"
    left = check_kill_during_import(str(db), tmp_path)
    with Registry.open(db) as registry:
        with registry.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # Nothing stays locked: the same file imports in full afterwards.
        if left == 0:
            from trialfind.registry.transfer import import_csv

            assert import_csv(registry, tmp_path / "big_synthetic.csv").added == 20000
            assert registry.count() == 20000


@pytest.mark.parametrize("attempts_locked", [1, 3])
def test_writes_are_retried_while_the_database_is_locked(tmp_path, monkeypatch, attempts_locked):
    import sqlalchemy as sa

    from trialfind.registry import store as store_module

    registry = Registry.open(tmp_path / "r.sqlite")
    real_begin = registry.engine.begin
    calls = {"n": 0}

    class LockedEngine:
        def begin(self):
            calls["n"] += 1
            if calls["n"] <= attempts_locked:
                raise sa.exc.OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))
            return real_begin()

    monkeypatch.setattr(store_module.time, "sleep", lambda seconds: None)
    engine = registry.engine
    registry.engine = LockedEngine()
    try:
        registry.add(synthetic_records(1)[0])
    finally:
        registry.engine = engine
    assert calls["n"] == attempts_locked + 1
    assert registry.count() == 1
    registry.close()


def test_a_lock_that_never_clears_becomes_one_clear_error(tmp_path, monkeypatch):
    import sqlalchemy as sa

    from trialfind.core.errors import SourceUnavailable
    from trialfind.registry import store as store_module

    registry = Registry.open(tmp_path / "r.sqlite")
    monkeypatch.setattr(store_module.time, "sleep", lambda seconds: None)

    class AlwaysLocked:
        def begin(self):
            raise sa.exc.OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))

    engine, registry.engine = registry.engine, AlwaysLocked()
    with pytest.raises(SourceUnavailable, match="database is locked"):
        registry.add(synthetic_records(1)[0])
    registry.engine = engine
    registry.close()


def test_cli_import_runs_in_a_separate_process_without_tracebacks(tmp_path):
    path = tmp_path / "bad_synthetic.csv"
    path.write_text("id,company\n1,Acme\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "trialfind", "registry", "import", str(path), "--db",
                             str(tmp_path / "r.sqlite")], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "TRIALFIND_DEBUG": ""})
    assert result.returncode == 2
    assert result.stderr.startswith("Error: import: required column") and "Traceback" not in result.stderr
