"""How the offline local index scales: build and query at the real 1,795 records, 100k
and 600k (the real records replicated with rewritten NCT ids, as many studies as the
whole ClinicalTrials.gov registry).

For each size it prints the build time, database size, peak RSS (summed over the build
process and its parser workers, sampled from /proc), and query latency p50/p95 for
`trials`-style and `candidates`-style searches, measured three ways:
  index  LocalIndex.nct_ids(spec): the SQLite/FTS5 work alone;
  fetch  LocalIndex.search(spec) + parse_study for every result (what every command pays);
  e2e    the library functions behind the commands (find_trials / find_candidates, with the
         matchers and ranking).
Replication multiplies every real match, so result counts grow with the size (a real
600k registry has far fewer glioma trials than 334 copies of this sample); the per-result
cost is printed so the figures can be read either way.

    .venv/bin/python bench/scale.py                       # 1,795, 100k, 600k
    .venv/bin/python bench/scale.py --sizes 1795,100000 --repeat 5
Replicated inputs and indexes go under --workdir (default /tmp/trialfind-scale), never the repo.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.shared_data import STUDIES_FILE  # noqa: E402

TRIALS_QUERIES = [  # (conditions, targets, age)
    (("glioma",), (), "7"),
    (("neuroblastoma",), (), "3"),
    (("acute lymphoblastic leukemia",), (), "10"),
    (("medulloblastoma",), (), "8"),
    (("sarcoma",), (), "15"),
    (("neuroblastoma",), ("ALK",), "4"),
    ((), ("BRAF V600E",), "12"),
    (("lymphoma",), (), "16"),
]
E2E_MAX_RESULTS = 3000
CANDIDATE_TARGETS = ["ALK", "BRAF V600E", "NTRK fusion", "KRAS G12C", "EGFR", "CD19"]


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(share * (len(ordered) - 1))))
    return ordered[rank]


# --- input ----------------------------------------------------------------------------------

def replicated_input(size: int, workdir: Path) -> Path:
    """The real records, then copies of them with NCT ids NCT10000000 and up (above every real id)."""
    if size <= 1795:
        return STUDIES_FILE
    path = workdir / f"replicated-{size}.jsonl.gz"
    if path.exists():
        return path
    lines = gzip.decompress(STUDIES_FILE.read_bytes()).splitlines()
    marker = b'"nctId":"'
    temp = path.with_suffix(".part")
    with gzip.open(temp, "wb", compresslevel=1) as out:
        for i in range(size):
            line = lines[i % len(lines)]
            if i >= len(lines):
                at = line.index(marker) + len(marker)
                line = line[:at] + b"NCT%08d" % (10_000_000 + i) + line[at + 11:]
            out.write(line + b"\n")
    os.replace(temp, path)
    return path


# --- measuring a child process ---------------------------------------------------------------

def _tree_rss_kb(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack.extend(int(c) for c in handle.read().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def run_measured(cmd: list[str], env=None) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run a command; return it, wall seconds and peak RSS (KB) summed over its process tree."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - started
    result = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    if proc.returncode:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err}")
    return result, seconds, peak[0]


# --- queries (run in a child process so their RSS is measured on its own) --------------------

def query_phase(cache_dir: str, repeat: int) -> dict:
    from trialfind.access.candidates import find_candidates, target_search_spec
    from trialfind.core.profile import ChildProfile
    from trialfind.core.study import parse_study
    from trialfind.knowledge.target_resolution import resolve_target
    from trialfind.sources.local.index import LocalIndex
    from trialfind.trials import build_search_spec, find_trials

    index = LocalIndex.open(cache_dir)
    cases = []
    for conditions, targets, age in TRIALS_QUERIES:
        profile = ChildProfile.build(age, conditions=conditions, targets=targets)
        spec = build_search_spec(profile, [resolve_target(t) for t in targets])
        label = "trials " + " ".join([*(f"--condition '{c}'" for c in conditions),
                                      *(f"--target '{t}'" for t in targets), f"--age {age}"])
        cases.append(("trials", label, spec, lambda p=profile: find_trials(p, source=index)))
    for target in CANDIDATE_TARGETS:
        spec = target_search_spec(resolve_target(target))
        cases.append(("candidates", f"candidates --target '{target}' --age 7", spec,
                      lambda t=target: find_candidates([t], "7", source=index)))
    rows = []
    timings = {kind: {"index": [], "fetch": [], "e2e": []} for kind in ("trials", "candidates")}
    for kind, label, spec, e2e in cases:
        row = {"kind": kind, "query": label, "index_ms": [], "fetch_ms": [], "e2e_ms": []}
        results = len(index.nct_ids(spec))
        # Replication makes some answers huge (tens of thousands of studies at 600k): repeat
        # those less, and skip the end-to-end functions there, which hold every study in memory.
        runs = repeat if results <= 2000 else 1
        answers = None
        for _ in range(runs):
            t0 = time.perf_counter()
            ids = index.nct_ids(spec)
            t1 = time.perf_counter()
            fetched = sum(1 for r in index.search(spec) if parse_study(r))  # streamed, not kept
            t2 = time.perf_counter()
            timings[kind]["index"].append(t1 - t0)
            timings[kind]["fetch"].append(t2 - t1)
            row["index_ms"].append((t1 - t0) * 1000)
            row["fetch_ms"].append((t2 - t1) * 1000)
            if results <= E2E_MAX_RESULTS:
                answers = len(e2e())
                t3 = time.perf_counter()
                timings[kind]["e2e"].append(t3 - t2)
                row["e2e_ms"].append((t3 - t2) * 1000)
            assert fetched == len(ids) == results
        row.update(results=results, answers=answers,
                   **{k: statistics.median(row[k]) if row[k] else None for k in ("index_ms", "fetch_ms", "e2e_ms")})
        rows.append(row)
    summary = {}
    for kind, parts in timings.items():
        for part, values in parts.items():
            summary[f"{kind}_{part}_runs"] = len(values)
            summary[f"{kind}_{part}_p50_ms"] = percentile(values, 0.5) * 1000
            summary[f"{kind}_{part}_p95_ms"] = percentile(values, 0.95) * 1000
    total_results = sum(r["results"] for r in rows)
    summary["fetch_ms_per_result"] = sum(r["fetch_ms"] for r in rows) / max(1, total_results)
    return {"rows": rows, "summary": summary}


# --- driver -------------------------------------------------------------------------------

def bench_size(size: int, workdir: Path, workers: int | None, repeat: int) -> dict:
    source = replicated_input(size, workdir)
    cache = workdir / f"cache-{size}"
    cache.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "trialfind", "index", "build", str(source), "--fresh", "--format", "json",
           "--cache-dir", str(cache)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    built, build_seconds, build_rss = run_measured(cmd)
    report = json.loads(built.stdout)
    db_bytes = (cache / "index.sqlite").stat().st_size
    queried, _, query_rss = run_measured(
        [sys.executable, str(Path(__file__).resolve()), "--query-phase", str(cache), "--repeat", str(repeat)])
    result = json.loads(queried.stdout)
    return {"size": size, "studies": report["studies"], "build_s": build_seconds, "db_bytes": db_bytes,
            "build_peak_rss_mb": build_rss / 1024, "query_peak_rss_mb": query_rss / 1024, **result}


def print_result(r: dict) -> None:
    s = r["summary"]
    print(f"\n=== {r['studies']:,} studies ===")
    print(f"build {r['build_s']:.1f} s ({r['build_s'] / r['studies'] * 1000:.2f} ms/study), "
          f"db {r['db_bytes'] / 1e6:,.0f} MB ({r['db_bytes'] / r['studies'] / 1024:.1f} KB/study), "
          f"peak RSS build {r['build_peak_rss_mb']:.0f} MB, queries {r['query_peak_rss_mb']:.0f} MB")
    print(f"{'query':58} {'results':>8} {'index ms':>9} {'fetch ms':>9} {'e2e ms':>9} {'answers':>8}")
    for row in r["rows"]:
        e2e = f"{row['e2e_ms']:>9.1f}" if row["e2e_ms"] is not None else f"{'skipped':>9}"
        answers = f"{row['answers']:>8,}" if row["answers"] is not None else f"{'-':>8}"
        print(f"{row['query'][:58]:58} {row['results']:>8,} {row['index_ms']:>9.1f} {row['fetch_ms']:>9.1f} "
              f"{e2e} {answers}")
    for kind in ("trials", "candidates"):
        print(f"{kind:10} p50/p95 ms: index {s[f'{kind}_index_p50_ms']:.1f}/{s[f'{kind}_index_p95_ms']:.1f}  "
              f"fetch {s[f'{kind}_fetch_p50_ms']:.1f}/{s[f'{kind}_fetch_p95_ms']:.1f}  "
              f"e2e {s[f'{kind}_e2e_p50_ms']:.1f}/{s[f'{kind}_e2e_p95_ms']:.1f}")
    print(f"fetch cost per result: {s['fetch_ms_per_result']:.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1795,100000,600000")
    parser.add_argument("--workdir", default="/tmp/trialfind-scale")
    parser.add_argument("--workers", type=int, default=None, help="index build --workers (default: its own)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--query-phase", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.query_phase:
        print(json.dumps(query_phase(args.query_phase, args.repeat)))
        return
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    print(f"cpus {os.cpu_count()}, load {os.getloadavg()[0]:.1f}, sqlite {__import__('sqlite3').sqlite_version}")
    for size in (int(s) for s in args.sizes.split(",")):
        results.append(bench_size(size, workdir, args.workers, args.repeat))
        print_result(results[-1])
        sys.stdout.flush()
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1))
    base = results[0]
    for r in results[1:]:
        print(f"\n{r['studies']:,} vs {base['studies']:,}: studies x{r['studies'] / base['studies']:.0f}, "
              f"build time x{r['build_s'] / base['build_s']:.0f}, db x{r['db_bytes'] / base['db_bytes']:.0f}, "
              f"trials index p95 x{r['summary']['trials_index_p95_ms'] / base['summary']['trials_index_p95_ms']:.1f}")


if __name__ == "__main__":
    main()
