"""Benchmark of the ClinicalTrials.gov client against the loopback fake API.

For several real queries over the real records (replicated with rewritten NCT ids so
broad queries need more than one 1000-study page), with ~200 ms latency per request:
  - requests made vs the minimum ceil(total/1000);
  - bytes with `fields=` (what the parser reads) vs full records;
  - library search time cold (empty cache) vs warm (cached);
  - end-to-end CLI time for `trialfind trials --condition glioma --age 7`, cold vs warm.

Run from the checkout:  .venv/bin/python bench/client.py [--copies 4] [--latency 0.2]
"""
from __future__ import annotations

import argparse
import copy
import gc
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from tests.ctgov_server import CtgovServer  # noqa: E402
from tests.shared_data import real_records  # noqa: E402
from trialfind.core.ages import parse_child_age  # noqa: E402
from trialfind.core.config import DEFAULT_RATE_LIMIT_PER_MINUTE  # noqa: E402
from trialfind.core.spec import SearchSpec  # noqa: E402
from trialfind.sources.ctgov import CtgovClient  # noqa: E402

QUERIES = [
    ("condition glioma", SearchSpec(conditions=("glioma",))),
    ("condition neuroblastoma", SearchSpec(conditions=("neuroblastoma",))),
    ("condition leukemia", SearchSpec(conditions=("leukemia",))),
    ("term ALK", SearchSpec(terms=("ALK",))),
    ("term KRAS", SearchSpec(terms=("KRAS",))),
    ("condition glioma, recruiting, age 7", SearchSpec(conditions=("glioma",), statuses=("RECRUITING",),
                                                        admits_age_days=parse_child_age("7"))),
    ("term cancer (broad)", SearchSpec(terms=("cancer",))),
    ("everything recruiting (broad)", SearchSpec(statuses=("RECRUITING",))),
]
CLI_ARGS = ["trials", "--condition", "glioma", "--age", "7"]


def replicated(records, copies: int) -> list[dict]:
    """The real records plus copies-1 duplicates under NCT ids no real study uses (NCT09…)."""
    out = list(records)
    for n in range(1, copies):
        for i, record in enumerate(records):
            clone = copy.deepcopy(record)
            clone["protocolSection"]["identificationModule"]["nctId"] = f"NCT{9_000_000 + n * 100_000 + i:08d}"
            out.append(clone)
    return out


def timed_search(client: CtgovClient, spec: SearchSpec) -> tuple[float, int]:
    started = time.perf_counter()
    count = sum(1 for _ in client.search(spec))
    return time.perf_counter() - started, count


def cli_command() -> list[str] | None:
    if not (REPO_ROOT / "trialfind" / "cli" / "trials.py").exists():
        return None
    script = Path(sys.executable).parent / "trialfind"
    return [str(script)] if script.exists() else [sys.executable, "-m", "trialfind"]


def run_cli(command: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run([*command, *CLI_ARGS], env=env, capture_output=True, text=True, timeout=300)
    return time.perf_counter() - started, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="copies of the real records to serve (default 4)")
    parser.add_argument("--latency", type=float, default=0.2, help="seconds added to every reply (default 0.2)")
    parser.add_argument("--warm-runs", type=int, default=5)
    args = parser.parse_args()

    records = replicated(real_records(), args.copies)
    print(f"serving {len(records)} records ({len(real_records())} real x {args.copies}), "
          f"latency {args.latency * 1000:.0f} ms per request, rate limit {DEFAULT_RATE_LIMIT_PER_MINUTE:g}/min (default)")
    with CtgovServer(records, latency=args.latency) as server, tempfile.TemporaryDirectory() as scratch:
        server.field_paths  # built once up front, not inside the first timed request
        del records
        # The fake's index is a huge long-lived heap; without freezing it, every garbage
        # collection during a cached read would walk it and the bench would time that.
        gc.freeze()
        header = (f"{'query':38} {'total':>6} {'req':>4} {'min':>4} {'fields= bytes':>14} {'full bytes':>12} "
                  f"{'ratio':>6} {'cold s':>7} {'warm s':>7}")
        print(header)
        print("-" * len(header))
        totals = {"limited": 0, "full": 0, "requests": 0, "minimum": 0}
        for number, (label, spec) in enumerate(QUERIES):
            cache = Path(scratch) / f"q{number}"
            client = CtgovClient(base_url=server.url, cache_dir=cache)
            cold, count = timed_search(client, spec)
            stats = client.last_search_stats
            warm_client = CtgovClient(base_url=server.url, cache_dir=cache)  # a new process's view
            warm, warm_count = timed_search(warm_client, spec)
            assert warm_count == count and warm_client.http.request_count == 0, "warm search made requests"
            full_client = CtgovClient(base_url=server.url, fields=None, rate_limit_per_minute=1e9)
            _, full_count = timed_search(full_client, spec)
            assert full_count == count
            full_bytes = full_client.last_search_stats.bytes
            minimum = max(1, math.ceil(stats.total_count / 1000))
            totals["limited"] += stats.bytes
            totals["full"] += full_bytes
            totals["requests"] += stats.requests
            totals["minimum"] += minimum
            print(f"{label:38} {stats.total_count:>6} {stats.requests:>4} {minimum:>4} {stats.bytes:>14,} "
                  f"{full_bytes:>12,} {full_bytes / max(1, stats.bytes):>5.1f}x {cold:>7.2f} {warm:>7.3f}")
        print(f"{'all queries':38} {'':>6} {totals['requests']:>4} {totals['minimum']:>4} {totals['limited']:>14,} "
              f"{totals['full']:>12,} {totals['full'] / totals['limited']:>5.1f}x")
        print("(req = HTTP requests for the pages, version lookup excluded; min = ceil(total/1000))")

        with_results = [r for r in real_records() if "resultsSection" in r]
        with CtgovServer(with_results) as modern:
            limited = CtgovClient(base_url=modern.url, rate_limit_per_minute=1e9)
            full = CtgovClient(base_url=modern.url, fields=None, rate_limit_per_minute=1e9)
            timed_search(limited, SearchSpec())
            timed_search(full, SearchSpec())
            print(f"records with posted results only ({len(with_results)}, like today's registry): "
                  f"fields= {limited.last_search_stats.bytes:,} vs full {full.last_search_stats.bytes:,} bytes = "
                  f"{full.last_search_stats.bytes / limited.last_search_stats.bytes:.1f}x fewer")

        command = cli_command()
        if command is None:
            print("CLI: trialfind/cli/trials.py does not exist yet; CLI timing skipped")
            return 0
        env = {k: v for k, v in os.environ.items() if not k.startswith("TRIALFIND_")}
        cli_cache = Path(scratch) / "cli-cache"
        env.update({"TRIALFIND_API_URL": server.url, "TRIALFIND_CACHE_DIR": str(cli_cache)})
        server.clear_requests()
        cold, done = run_cli(command, env)
        if done.returncode != 0:
            print(f"CLI cold run failed (exit {done.returncode}): {done.stderr.strip()[:300]}")
            return 1
        cold_requests = len(server.requests)
        server.clear_requests()
        warm_times = []
        for _ in range(args.warm_runs):
            elapsed, done = run_cli(command, env)
            assert done.returncode == 0, done.stderr
            warm_times.append(elapsed)
        warm_requests = len(server.requests) / args.warm_runs
        shutil.rmtree(cli_cache, ignore_errors=True)
        print(f"CLI `trialfind {' '.join(CLI_ARGS)}`: cold {cold:.2f} s ({cold_requests} requests), "
              f"warm median {statistics.median(warm_times):.3f} s / best {min(warm_times):.3f} s "
              f"({warm_requests:g} requests) over {args.warm_runs} runs; {len(done.stdout.splitlines())} output lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
