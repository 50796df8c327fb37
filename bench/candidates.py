"""Benchmark of `trialfind candidates` against the loopback fake API serving the real records.

For each target: requests made by one target query vs the minimum ceil(total/1000), vs a
naive plan (one search per gene alias and per drug name), and the end-to-end time with
~200 ms latency per request: library call, and the CLI cold (empty cache) vs warm.

Run from the checkout:  .venv/bin/python bench/candidates.py [--latency 0.2]
"""
from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from tests.ctgov_server import CtgovServer  # noqa: E402
from tests.shared_data import real_records  # noqa: E402
from trialfind.access.candidates import find_candidates  # noqa: E402
from trialfind.knowledge.drugs import compact  # noqa: E402
from trialfind.knowledge.target_resolution import resolve_target  # noqa: E402
from trialfind.sources.ctgov import CtgovClient  # noqa: E402

TARGETS = ["ALK", "EGFR", "ERBB2", "KRAS", "CDK4/6", "BRAF V600E", "NTRK fusion", "CD19"]


def _cli(env, *args) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "trialfind", "candidates", *args], env=env,
                            capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"CLI failed: {result.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.2, help="seconds added to every API reply")
    args = parser.parse_args()
    with CtgovServer(real_records(), latency=args.latency) as server:
        print(f"loopback API over {len(real_records())} real records, latency {args.latency * 1000:.0f} ms/request")
        print(f"{'target':14} {'studies':>7} {'requests':>8} {'minimum':>7} {'naive':>6} {'saved':>6} "
              f"{'cands':>5} {'not':>4} {'seconds':>7}")
        total_req = total_min = total_naive = 0
        for target in TARGETS:
            query = resolve_target(target)
            client = CtgovClient(base_url=server.url, cache_dir=None, rate_limit_per_minute=1_000_000)
            server.clear_requests()
            start = time.perf_counter()
            found = find_candidates([target], "7", source=client)
            elapsed = time.perf_counter() - start
            requests = len(server.study_requests())
            total = client.last_search_stats.total_count or 0
            minimum = max(1, math.ceil(total / 1000))
            naive = len({compact(t) for t in query.search_terms}) + len({compact(n) for n in query.drug_names})
            total_req, total_min, total_naive = total_req + requests, total_min + minimum, total_naive + naive
            print(f"{target:14} {total:7d} {requests:8d} {minimum:7d} {naive:6d} {naive / requests:5.0f}x "
                  f"{len(found):5d} {len(found.not_candidates):4d} {elapsed:7.2f}")
        print(f"all targets: {total_req} requests for minimum {total_min} (ratio {total_req / total_min:.2f}); "
              f"naive one-search-per-name plan {total_naive} requests ({total_naive / total_req:.0f}x more)")
        with tempfile.TemporaryDirectory() as cache:
            env = {k: v for k, v in os.environ.items() if not k.startswith("TRIALFIND_")}
            env.update(TRIALFIND_API_URL=server.url, TRIALFIND_CACHE_DIR=cache, TRIALFIND_RATE_LIMIT="1000000")
            argv = ["--target", "ALK", "--target", "EGFR", "--age", "7", "--format", "json"]
            cold = _cli(env, *argv)
            warm = min(_cli(env, *argv) for _ in range(3))
            print(f"CLI `trialfind candidates --target ALK --target EGFR --age 7 --format json`: "
                  f"cold {cold:.2f} s, warm (cached) {warm:.2f} s")


if __name__ == "__main__":
    main()
