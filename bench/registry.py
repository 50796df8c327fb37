"""Registry throughput on SQLite (and PostgreSQL when TRIALFIND_TEST_POSTGRES_URL is set).

    .venv/bin/python bench/registry.py [--rows 20000]

Figures: validation (privacy screen included) per record, a one-transaction import of
N synthetic records, reading them all back, stats per company, the HTML report, and
four writer processes adding 250 records each (one transaction per record).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from trialfind.registry.report import build_report  # noqa: E402
from trialfind.registry.stats import compute_stats  # noqa: E402
from trialfind.registry.store import Registry  # noqa: E402
from trialfind.registry.synthetic import synthetic_records  # noqa: E402

WRITER = (REPO / "tests" / "registry" / "test_reliability.py").read_text(encoding="utf-8").split('WRITER = r"""')[1] \
    .split('"""')[0]


def timed(func):
    start = time.perf_counter()
    value = func()
    return value, time.perf_counter() - start


def concurrent_adds(url: str, workdir: Path, writers: int = 4, each: int = 250) -> float:
    go = workdir / f"go-{uuid.uuid4().hex}"
    processes = [subprocess.Popen([sys.executable, "-c", WRITER, url, str(seed), str(each), str(go)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for seed in range(writers)]
    time.sleep(1.0)  # let every process import and build its records before the start signal
    start = time.perf_counter()
    go.touch()
    for process in processes:
        out, err = process.communicate(timeout=600)
        if process.returncode:
            raise SystemExit(err)
    return time.perf_counter() - start


def run(label: str, url: str, rows: int, workdir: Path) -> None:
    records = synthetic_records(rows, seed=1)
    with Registry.open(url) as registry:
        result, import_s = timed(lambda: registry.add_many(records))
        back, read_s = timed(registry.records)
        _, stats_s = timed(lambda: compute_stats(back, by="company"))
        count = registry.count()
    print(f"[{label}] import {result.added} records in one transaction: {import_s:.2f} s "
          f"({result.added / import_s:,.0f} records/s); rows afterwards {count}")
    print(f"[{label}] read all back: {read_s:.2f} s; stats --by company: {stats_s * 1000:.0f} ms")
    concurrent_url = url.replace("bench_a", "bench_b") if "postgresql" in url else str(workdir / "concurrent.sqlite")
    seconds = concurrent_adds(concurrent_url, workdir)
    with Registry.open(concurrent_url) as registry:
        total = registry.count()
    print(f"[{label}] 4 processes x 250 single-record adds: {seconds:.2f} s ({1000 / seconds:,.0f} adds/s); "
          f"rows {total} (expected 1000)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    args = parser.parse_args()
    from trialfind.registry.record import RequestRecord  # noqa: F401

    sample = synthetic_records(args.rows, seed=1)
    _, validate_s = timed(lambda: [r.validate() for r in sample])
    print(f"validate {args.rows} records (rules + privacy screen): {validate_s:.2f} s "
          f"({validate_s / args.rows * 1e6:.0f} µs each)")
    _, report_s = timed(lambda: build_report([r for r in sample if r.consent_to_share]))
    print(f"HTML report over {args.rows} records: {report_s:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        run("sqlite", str(workdir / "bench.sqlite"), args.rows, workdir)
        server = os.environ.get("TRIALFIND_TEST_POSTGRES_URL")
        if not server:
            print("[postgresql] skipped: TRIALFIND_TEST_POSTGRES_URL is not set")
            return
        import sqlalchemy as sa

        admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
        names = [f"bench_a_{uuid.uuid4().hex[:8]}"]
        names.append(names[0].replace("bench_a", "bench_b"))
        with admin.connect() as conn:
            for name in names:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            url = sa.engine.make_url(server).set(database=names[0]).render_as_string(hide_password=False)
            run("postgresql", url, args.rows, workdir)
        finally:
            with admin.connect() as conn:
                for name in names:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
