"""Paired runs of bench/scale.py's queries: two checkouts, each with its own index, one fresh
process of each in turn per round, so the load of a shared machine weighs on both alike.

    .venv/bin/python bench/scale_paired.py --a main=/tmp/main-checkout:/tmp/bench-main/cache-600000 \\
        --b new=.:/tmp/bench/cache-600000 --cases 0-7 --rounds 3 --repeat 5

Each process runs the query `--repeat` times (the first run is the "fresh" figure, the others
"long-lived"); after one priming process of each checkout per query (its pages cached), the
rounds alternate A, B, A, B... Prints per query the medians, p95s and the ratio B/A, with the
load average; --json writes every run."""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import _numbers, percentile, run_measured


def one(checkout: str, cache: str, case: int, repeat: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(Path(checkout).resolve()))
    cmd = [sys.executable, str(Path(checkout).resolve() / "bench" / "scale.py"), "--query-one", cache,
           "--case", str(case), "--repeat", str(repeat)]
    done, _, rss = run_measured(cmd, env=env)
    row = json.loads(done.stdout)
    row.update(peak_rss_mb=rss / 1024, load=os.getloadavg()[0])
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--a", required=True, help="NAME=CHECKOUT:CACHE_DIR")
    parser.add_argument("--b", required=True, help="NAME=CHECKOUT:CACHE_DIR")
    parser.add_argument("--cases", default="0-7")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json")
    args = parser.parse_args()
    sides = []
    for spec in (args.a, args.b):
        name, _, rest = spec.partition("=")
        checkout, _, cache = rest.partition(":")
        sides.append((name, checkout, cache))
    rows = []
    print(f"load {os.getloadavg()[0]:.1f}")
    for case in _numbers(args.cases):
        for _, checkout, cache in sides:
            one(checkout, cache, case, 1)  # primes the page cache
        runs = {name: [] for name, _, _ in sides}
        for _ in range(args.rounds):
            for name, checkout, cache in sides:
                row = one(checkout, cache, case, args.repeat)
                row.update(side=name, case=case)
                runs[name].append(row)
                rows.append(row)
        label = runs[sides[0][0]][0]["query"]
        parts = []
        for name, _, _ in sides:
            got = runs[name]
            fresh = [r["e2e_ms"][0] for r in got]
            long = [ms for r in got for ms in r["e2e_ms"][1:]]
            parts.append((name, statistics.median(fresh), statistics.median(long) if long else float("nan"),
                          percentile(long, 0.95) if long else float("nan"), max(r["peak_rss_mb"] for r in got),
                          got[0]["results"], got[0]["answers"]))
        loads = [r["load"] for name in runs for r in runs[name]]
        (a, fa, la, pa, ra, res, ans), (b, fb, lb, pb, rb, _, _) = parts
        print(f"{label[:56]:56} {res:>7,} res {ans:>6,} ans | {a}: fresh {fa:8.1f} long {la:8.1f} p95 {pa:8.1f} "
              f"rss {ra:4.0f} | {b}: fresh {fb:8.1f} long {lb:8.1f} p95 {pb:8.1f} rss {rb:4.0f} | "
              f"{b}/{a} fresh {fb / fa:.2f} long {lb / la if la and not math.isnan(la) else float('nan'):.2f} "
              f"| load {min(loads):.1f}-{max(loads):.1f}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
