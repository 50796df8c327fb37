"""How the offline local index scales: build and query at the real 1,795 records, 100k
and 600k (the real records replicated with rewritten NCT ids, as many studies as the
whole ClinicalTrials.gov registry).

For each size it prints the build time, database size and peak RSS (summed over the build
process and its parser workers, sampled from /proc), then runs every query in its own child
process (so each query's peak RSS is its own, sampled from /proc) and reports per query:
  results  the studies the source returns for the command's SearchSpec;
  answers  what the command shows: the trials `find_trials` returns, or the drugs (candidates
           and not-candidates) `find_candidates` returns;
  e2e      the library function behind the command, end to end (search, read every study,
           match, rank), under three definitions:
             cold 1st   its first run in a process right after the index file was evicted from
                        the page cache (POSIX_FADV_DONTNEED): a machine that has not searched lately;
             fresh      the first run in a fresh process, the index's pages in the page cache
                        (the normal state of a machine used daily): what a CLI command pays
                        beyond importing the library (`load`, reported apart);
             long-lived the later runs in one process: the web app and the MCP server;
  index    LocalIndex.nct_ids(spec): the SQLite/FTS5 work alone;
  read     every result read as a Study (search_studies: the stored forms), streamed;
  head     every result's head read (search_study_heads: what find_trials reads before judging
           a result's condition; the body is decompressed only for those it concerns);
and, for answers up to 5,000 studies, the old read path (JSON + parse_study) for the ratio.
The warm pass first runs each query once in a throwaway process (so its pages are cached),
then in --processes fresh processes of --repeat runs each. Replication multiplies every real
match, so result counts grow with the size (a real 600k registry has far fewer glioma trials
than 334 copies of this sample), and the matchers' caches of texts hit more often than on
real data.

    .venv/bin/python bench/scale.py --sizes 1795,100000,600000 --repeat 5
    .venv/bin/python bench/scale.py --sizes 600000 --workers 2 --build-only   # then:
    .venv/bin/python bench/scale.py --sizes 600000 --reuse --repeat 5 --processes 3
Replicated inputs and indexes go under --workdir (default /tmp/trialfind-scale), never the repo.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
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


# --- queries (each in its own child process, so its peak RSS is its own) ----------------------

def query_cases():
    """(kind, label, spec, run): run() is the library function behind the command, end to end."""
    from trialfind.access.candidates import find_candidates, target_search_spec
    from trialfind.core.profile import ChildProfile
    from trialfind.knowledge.target_resolution import resolve_target
    from trialfind.trials import build_search_spec, find_trials

    cases = []
    for conditions, targets, age in TRIALS_QUERIES:
        profile = ChildProfile.build(age, conditions=conditions, targets=targets)
        spec = build_search_spec(profile, [resolve_target(t) for t in targets])
        label = "trials " + " ".join([*(f"--condition '{c}'" for c in conditions),
                                      *(f"--target '{t}'" for t in targets), f"--age {age}"])
        cases.append(("trials", label, spec, lambda source, p=profile: len(find_trials(p, source=source))))

    def candidates(source, target):
        found = find_candidates([target], "7", source=source)
        return len(found) + len(found.not_candidates)

    for target in CANDIDATE_TARGETS:
        spec = target_search_spec(resolve_target(target))
        cases.append(("candidates", f"candidates --target '{target}' --age 7", spec,
                      lambda source, t=target: candidates(source, t)))
    return cases


def query_one(cache_dir: str, number: int, repeat: int, legacy: bool) -> dict:
    """One query, `repeat` times in this process: index (SQLite + FTS5 ids), read (every result
    as a Study, as the commands read them), e2e (find_trials / find_candidates: read, match,
    rank). The first run is what a fresh process (a CLI command) pays; the later ones what a
    long-lived process (the web app, the MCP server) pays. `load_ms` is the library's import,
    its knowledge tables and opening the index, before the first run."""
    import resource

    started = time.perf_counter()
    from trialfind.core.spec import search_studies
    from trialfind.core.study import parse_study
    from trialfind.sources.local.index import LocalIndex

    kind, label, spec, run = query_cases()[number]
    index = LocalIndex.open(cache_dir)
    row = {"kind": kind, "query": label, "reads_forms": index.reads_forms,
           "load_ms": (time.perf_counter() - started) * 1000,
           "index_ms": [], "read_ms": [], "head_ms": [], "e2e_ms": [], "legacy_read_ms": None}
    runs = repeat
    while len(row["e2e_ms"]) < runs:
        # e2e first: in the cold pass its first run is the one that reads the evicted file
        t0 = time.perf_counter()
        row["answers"] = run(index)
        t1 = time.perf_counter()
        ids = index.nct_ids(spec)
        t2 = time.perf_counter()
        read = sum(1 for _ in search_studies(index, spec))  # streamed, not kept
        t3 = time.perf_counter()
        assert read == len(ids)
        heads = getattr(index, "search_study_heads", None)
        if heads is not None:  # what find_trials reads of a result before judging its condition
            assert sum(1 for _ in heads(spec)) == read
            row["head_ms"].append((time.perf_counter() - t3) * 1000)
        row["results"] = len(ids)
        row["e2e_ms"].append((t1 - t0) * 1000)
        row["index_ms"].append((t2 - t1) * 1000)
        row["read_ms"].append((t3 - t2) * 1000)
        # Replication makes some answers huge (tens of thousands of studies at 600k): run those once.
        runs = repeat if len(ids) <= 2000 else 1
    results = row["results"]
    if legacy and results <= 5000:  # the JSON path every result took before the stored forms
        t0 = time.perf_counter()
        assert sum(1 for r in index.search(spec) if parse_study(r)) == results
        row["legacy_read_ms"] = (time.perf_counter() - t0) * 1000
    row["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return row


def evict_from_page_cache(path: Path) -> None:
    """Drop the file's pages from the page cache (POSIX_FADV_DONTNEED on a file we wrote), so
    the next read comes from disk: the cold pass. Needs no privileges; dirty pages stay."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def _query_process(cache: Path, number: int, repeat: int, legacy: bool) -> tuple[dict, int]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--query-one", str(cache), "--case", str(number),
           "--repeat", str(repeat)] + (["--legacy"] if legacy else [])
    done, _, rss = run_measured(cmd)
    return json.loads(done.stdout), rss


def query_passes(cache: Path, repeat: int, cases: list[int] | None = None,
                 phases: tuple[str, ...] = ("cold", "warm"), processes: int = 3) -> list[dict]:
    """Pass "cold": each query once in a process right after evicting the index file from the
    page cache (its first run reads from disk). Pass "warm": each query first run once in a
    throwaway process, so the pages it reads are in the page cache (the state of a machine
    used daily: the cold pass evicts the whole file before each query, so without this the
    warm pass would read most pages from disk again), then in `processes` fresh processes of
    `repeat` runs each."""
    rows = []
    numbers = cases if cases is not None else range(len(TRIALS_QUERIES) + len(CANDIDATE_TARGETS))
    for phase in phases:
        for number in numbers:
            if phase == "cold":
                evict_from_page_cache(cache / "index.sqlite")
                measured = [_query_process(cache, number, repeat, legacy=False)]
            else:
                _query_process(cache, number, 1, legacy=False)  # primes the page cache, not recorded
                measured = [_query_process(cache, number, repeat, legacy=i == 0) for i in range(processes)]
            for row, rss in measured:
                row.update(phase=phase, peak_rss_mb=rss / 1024, load=os.getloadavg()[0])
                rows.append(row)
                print(f"  {phase} load {row['load']:.1f} {row['query'][:52]:52} {row['results']:>7,} results "
                      f"{row['answers']:>6,} answers e2e runs "
                      f"{' / '.join(f'{ms:.1f}' for ms in row['e2e_ms'])} ms  rss {row['peak_rss_mb']:5.0f} MB",
                      file=sys.stderr)
    return rows


def summarise(rows: list[dict]) -> tuple[list[dict], dict]:
    """Per query: the cold first run, then in the warm pass the first run of each fresh process
    ("fresh": what a CLI command pays) and the later runs ("long-lived": a server process),
    index and read p50, peak RSS; then the pooled p50/p95 of `trials` queries answering up to
    1,000 studies (the target) under each of those definitions."""
    per_query = {}
    for row in rows:
        q = per_query.setdefault(row["query"], {"kind": row["kind"], "query": row["query"], "results": row["results"],
                                                "answers": row["answers"], "fresh_ms": [], "long_ms": [],
                                                "index_ms": [], "read_ms": [], "head_ms": [], "load_ms": [],
                                                "peak_rss_mb": 0.0,
                                                "legacy_read_ms": None, "reads_forms": row["reads_forms"],
                                                "load": [], "cold_first_ms": float("nan")})
        q["load"].append(row["load"])
        q["peak_rss_mb"] = max(q["peak_rss_mb"], row["peak_rss_mb"])
        if row["phase"] == "cold":
            q["cold_first_ms"] = row["e2e_ms"][0]
            continue
        q["fresh_ms"].append(row["e2e_ms"][0])
        q["long_ms"] += row["e2e_ms"][1:]
        q["index_ms"] += row["index_ms"]
        q["read_ms"] += row["read_ms"]
        q["head_ms"] += row.get("head_ms", [])
        q["load_ms"].append(row["load_ms"])
        q["legacy_read_ms"] = row["legacy_read_ms"] if row["legacy_read_ms"] is not None else q["legacy_read_ms"]
    out = []
    for q in per_query.values():
        q.update(fresh_p50=percentile(q["fresh_ms"], 0.5), fresh_p95=percentile(q["fresh_ms"], 0.95),
                 long_p50=percentile(q["long_ms"], 0.5), long_p95=percentile(q["long_ms"], 0.95),
                 index_p50=percentile(q["index_ms"], 0.5), read_p50=percentile(q["read_ms"], 0.5),
                 head_p50=percentile(q["head_ms"], 0.5),
                 load_p50=percentile(q["load_ms"], 0.5))
        out.append(q)
    small = [q for q in out if q["kind"] == "trials" and q["answers"] <= 1000]
    fresh = [ms for q in small for ms in q["fresh_ms"]]
    long = [ms for q in small for ms in q["long_ms"]]
    cold = [q["cold_first_ms"] for q in small]
    measured = [q for q in out if q["read_ms"]]
    read_ms = sum(q["read_p50"] for q in measured)
    legacy = [q for q in out if q["legacy_read_ms"] is not None and q["results"]]
    legacy_results = max(1, sum(q["results"] for q in legacy))
    summary = {
        "trials_upto_1000_queries": len(small),
        "warm_long_lived_runs": len(long),
        "warm_long_lived_p50_ms": percentile(long, 0.5),
        "warm_long_lived_p95_ms": percentile(long, 0.95),
        "warm_fresh_process_runs": len(fresh),
        "warm_fresh_process_p50_ms": percentile(fresh, 0.5),
        "warm_fresh_process_p95_ms": percentile(fresh, 0.95),
        "cold_first_max_ms": max(cold, default=float("nan")),
        "read_ms_per_result": read_ms / max(1, sum(q["results"] for q in measured)),
        "head_ms_per_result": sum(q["head_p50"] for q in measured if q["head_ms"])
        / max(1, sum(q["results"] for q in measured if q["head_ms"])),
        "legacy_ms_per_result": sum(q["legacy_read_ms"] for q in legacy) / legacy_results,
        "form_ms_per_result_same_queries": sum(q["read_p50"] for q in legacy) / legacy_results,
        "peak_rss_mb": max(q["peak_rss_mb"] for q in out),
        "reads_forms": all(q["reads_forms"] for q in out),
    }
    return out, summary


# --- driver -------------------------------------------------------------------------------

def bench_size(size: int, workdir: Path, workers: int | None, repeat: int, reuse: bool,
               build_only: bool = False, cases: list[int] | None = None,
               phases: tuple[str, ...] = ("cold", "warm"), processes: int = 3) -> dict:
    source = replicated_input(size, workdir)
    cache = workdir / f"cache-{size}"
    cache.mkdir(parents=True, exist_ok=True)
    build = {"build_s": None, "build_peak_rss_mb": None}
    if not (reuse and (cache / "index.sqlite").exists()):
        cmd = [sys.executable, "-m", "trialfind", "index", "build", str(source), "--fresh", "--format", "json",
               "--cache-dir", str(cache)]
        if workers is not None:
            cmd += ["--workers", str(workers)]
        _, build_seconds, build_rss = run_measured(cmd)
        build = {"build_s": build_seconds, "build_peak_rss_mb": build_rss / 1024}
    from trialfind.sources.local.index import LocalIndex

    with LocalIndex.open(cache) as index:
        studies = index.count()
    if build_only:
        return {"size": size, "studies": studies, "db_bytes": (cache / "index.sqlite").stat().st_size, **build}
    rows, summary = summarise(query_passes(cache, repeat, cases, phases, processes))
    return {"size": size, "studies": studies, "db_bytes": (cache / "index.sqlite").stat().st_size, **build,
            "queries": rows, "summary": summary}


def print_result(r: dict) -> None:
    s = r["summary"]
    print(f"\n=== {r['studies']:,} studies ===")
    if r["build_s"] is not None:
        print(f"build {r['build_s']:.1f} s ({r['build_s'] / r['studies'] * 1000:.2f} ms/study), "
              f"peak RSS build {r['build_peak_rss_mb']:.0f} MB")
    print(f"db {r['db_bytes'] / 1e6:,.0f} MB ({r['db_bytes'] / r['studies'] / 1024:.1f} KB/study); "
          f"stored forms read: {s['reads_forms']}")
    print(f"{'query':52} {'results':>8} {'answers':>7} {'cold 1st':>9} {'fresh p50':>9} {'fresh p95':>9} "
          f"{'long p50':>9} {'long p95':>9} {'index p50':>9} {'read p50':>9} {'head p50':>9} {'load p50':>9} "
          f"{'peak RSS':>8} load")
    for q in r["queries"]:
        print(f"{q['query'][:52]:52} {q['results']:>8,} {q['answers']:>7,} {q['cold_first_ms']:>9.1f} "
              f"{q['fresh_p50']:>9.1f} {q['fresh_p95']:>9.1f} {q['long_p50']:>9.1f} {q['long_p95']:>9.1f} "
              f"{q['index_p50']:>9.1f} {q['read_p50']:>9.1f} {q['head_p50']:>9.1f} {q['load_p50']:>9.1f} "
              f"{q['peak_rss_mb']:>6.0f}MB "
              f"{min(q['load']):.1f}-{max(q['load']):.1f}")
    print(f"trials answering <= 1,000 studies ({s['trials_upto_1000_queries']} queries), index in the page cache: "
          f"long-lived process p50 {s['warm_long_lived_p50_ms']:.1f} ms, p95 {s['warm_long_lived_p95_ms']:.1f} ms "
          f"over {s['warm_long_lived_runs']} runs; first run of a fresh process p50 "
          f"{s['warm_fresh_process_p50_ms']:.1f} ms, p95 {s['warm_fresh_process_p95_ms']:.1f} ms over "
          f"{s['warm_fresh_process_runs']} processes; index evicted, first run: up to {s['cold_first_max_ms']:.1f} ms")
    print(f"read cost per result (stored forms): {s['read_ms_per_result']:.3f} ms (its head alone: "
          f"{s['head_ms_per_result']:.3f} ms); on the queries of <= 5,000 "
          f"results: forms {s['form_ms_per_result_same_queries']:.3f} ms vs JSON + parse_study "
          f"{s['legacy_ms_per_result']:.3f} ms")
    print(f"peak RSS of any query: {s['peak_rss_mb']:.0f} MB")


def _numbers(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        out += list(range(int(low), int(high or low) + 1))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1795,100000,600000")
    parser.add_argument("--workdir", default="/tmp/trialfind-scale")
    parser.add_argument("--workers", type=int, default=None, help="index build --workers (default: its own)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--reuse", action="store_true", help="query an existing index under --workdir, no build")
    parser.add_argument("--build-only", action="store_true", help="build and print the build figures, no queries")
    parser.add_argument("--cases", help="only these queries, by number in the printed order (e.g. 0-7,8,12)")
    parser.add_argument("--passes", default="cold,warm", help="which passes: cold, warm or both (default)")
    parser.add_argument("--processes", type=int, default=3,
                        help="fresh processes per query in the warm pass, each running it --repeat times")
    parser.add_argument("--query-one", help=argparse.SUPPRESS)
    parser.add_argument("--case", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--legacy", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.query_one:
        print(json.dumps(query_one(args.query_one, args.case, args.repeat, args.legacy)))
        return
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    print(f"cpus {os.cpu_count()}, load {os.getloadavg()[0]:.1f}, sqlite {__import__('sqlite3').sqlite_version}")
    for size in (int(s) for s in args.sizes.split(",")):
        results.append(bench_size(size, workdir, args.workers, args.repeat, args.reuse, args.build_only,
                                  _numbers(args.cases) if args.cases else None, tuple(args.passes.split(",")),
                                  args.processes))
        if args.build_only:
            print(json.dumps(results[-1]))
        else:
            print_result(results[-1])
        sys.stdout.flush()
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
