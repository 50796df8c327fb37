"""Incremental `trialfind index update` vs a full rebuild, at scale, with 1% of studies changed.

Inputs: the real records replicated to --size studies as bench/scale.py does (version 1),
and a version 2 in which every 100th study changed (recruiting ones closed, the others
with new ages) with a last-update date after every version-1 date. Then, each in a child
process (wall time and peak RSS of its process tree):

  full    `index build v2 --fresh`                       the full rebuild of version 2
  api     `index update` on a copy of the version-1 index, against a loopback fake API
          serving version 2 (requests counted by the server)
  bulk    `index update v2` on another copy: the newer bulk file, only newer records read

and checks that the three indexes give the same answers to the benchmark queries of
bench/scale.py (same NCT ids, same records).

The fake API here is tests/ctgov_server.py's server with light documents: only the NCT
id, status and last-update date of each study are held in memory, records are read from
the version-2 file when a page is served (the full fake holds ~125 MB per 1,800 records).

    .venv/bin/python bench/index_update.py --size 100000
Files go under --workdir (default /tmp/trialfind-scale), never the repo.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import re
import shutil
import sys
import time
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.scale import CANDIDATE_TARGETS, TRIALS_QUERIES, replicated_input, run_measured  # noqa: E402
from tests.ctgov_server import CtgovServer  # noqa: E402

UPDATE_DAY = "2026-11-30"
CHANGE_EVERY = 100  # 1%
_NCT = re.compile(rb'"nctId":\s*"(NCT\d{8})"')
_STATUS = re.compile(rb'"overallStatus":\s*"([A-Z_]+)"')
_DATE = re.compile(rb'"lastUpdatePostDateStruct":\s*\{[^{}]*?"date":\s*"([0-9-]+)"')


# --- version 2 ---------------------------------------------------------------------------------

def _changed(line: bytes) -> bytes:
    record = json.loads(line)
    protocol = record["protocolSection"]
    status = protocol.setdefault("statusModule", {})
    if status.get("overallStatus") == "RECRUITING":
        status["overallStatus"] = "COMPLETED"
    else:
        protocol.setdefault("eligibilityModule", {}).update(minimumAge="1 Year", maximumAge="21 Years")
    status["lastUpdatePostDateStruct"] = {"date": UPDATE_DAY, "type": "ACTUAL"}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def second_version(first: Path, workdir: Path, size: int) -> tuple[Path, int]:
    """Version 2 as plain JSONL (the fake API reads records from it by offset)."""
    path = workdir / f"replicated-{size}-v2.jsonl"
    changed = 0
    temp = path.with_suffix(".part")
    with gzip.open(first, "rb") if first.suffix == ".gz" else open(first, "rb") as source, open(temp, "wb") as out:
        for i, line in enumerate(source):
            line = line.rstrip(b"\n")
            if i % CHANGE_EVERY == CHANGE_EVERY // 2:
                line = _changed(line)
                changed += 1
            out.write(line + b"\n")
    os.replace(temp, path)
    return path, changed


# --- a light fake API over a JSONL file ----------------------------------------------------------

class _FileRecord:
    """A study as the fake server's query evaluator sees it, with the record read on demand."""

    def __init__(self, path: Path, offset: int, line: bytes) -> None:
        self.path, self.offset = path, offset
        self.nct_id = _NCT.search(line).group(1).decode()
        status = _STATUS.search(line)
        date = _DATE.search(line)
        self.study = SimpleNamespace(status=status.group(1).decode() if status else None)
        self.dates = {"last_update": date.group(1).decode() if date else None}

    @property
    def record(self) -> dict:
        with open(self.path, "rb") as handle:
            handle.seek(self.offset)
            return json.loads(handle.readline())


class FileBackedServer(CtgovServer):
    def __init__(self, path: Path) -> None:
        super().__init__([])
        docs, offset = [], 0
        with open(path, "rb") as handle:
            for line in handle:
                docs.append(_FileRecord(path, offset, line))
                offset += len(line)
        self.docs = docs
        self.by_id = {d.nct_id: d for d in docs}


# --- comparing indexes ----------------------------------------------------------------------------

def answers(cache: Path) -> list:
    from trialfind.access.candidates import target_search_spec
    from trialfind.core.profile import ChildProfile
    from trialfind.knowledge.target_resolution import resolve_target
    from trialfind.sources.local.index import LocalIndex
    from trialfind.trials import build_search_spec

    specs = []
    for conditions, targets, age in TRIALS_QUERIES:
        profile = ChildProfile.build(age, conditions=conditions, targets=targets)
        specs.append(build_search_spec(profile, [resolve_target(t) for t in targets]))
    specs += [target_search_spec(resolve_target(t)) for t in CANDIDATE_TARGETS]
    out = []
    with LocalIndex.open(cache) as index:
        for spec in specs:
            ids = sorted(index.nct_ids(spec))
            digest = hash(tuple(sorted(json.dumps(r, sort_keys=True) for r in index.search(spec))))
            out.append((len(ids), hash(tuple(ids)), digest))
        out.append(("count", index.count()))
    return out


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "trialfind", "index", *args, "--format", "json"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--workdir", default="/tmp/trialfind-scale")
    parser.add_argument("--reuse-builds", action="store_true",
                        help="keep the version-1 index and the full rebuild of an earlier run (and its time)")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"cpus {os.cpu_count()}, load {os.getloadavg()[0]:.1f}, size {args.size:,}")

    first = replicated_input(args.size, workdir)
    started = time.perf_counter()
    second, changed = second_version(first, workdir, args.size)
    print(f"version 2: {changed:,} of {args.size:,} studies changed ({time.perf_counter() - started:.0f} s to write)")

    base = workdir / f"update-{args.size}-v1"
    full = workdir / f"update-{args.size}-full"
    timings = workdir / f"update-{args.size}-builds.json"
    if args.reuse_builds and timings.exists():
        full_seconds, full_rss = json.loads(timings.read_text())
        print(f"reusing the indexes of an earlier run (full rebuild then: {full_seconds:.1f} s)")
    else:
        _, v1_seconds, _ = run_measured(_cli("build", str(first), "--fresh", "--cache-dir", str(base)))
        print(f"version-1 index built in {v1_seconds:.0f} s")
        _, full_seconds, full_rss = run_measured(_cli("build", str(second), "--fresh", "--cache-dir", str(full)))
        timings.write_text(json.dumps([full_seconds, full_rss]))
    print(f"full rebuild of version 2: {full_seconds:.1f} s, peak RSS {full_rss / 1024:.0f} MB")

    results = {}
    for mode in ("api", "bulk"):
        cache = workdir / f"update-{args.size}-{mode}"
        shutil.rmtree(cache, ignore_errors=True)
        shutil.copytree(base, cache)
        if mode == "api":
            server = FileBackedServer(second).start()
            env = {**os.environ, "TRIALFIND_RATE_LIMIT": "1000000"}
            done, seconds, rss = run_measured(_cli("update", "--cache-dir", str(cache), "--api-url", server.url),
                                              env=env)
            requests = len(server.study_requests())
            server.stop()
        else:
            done, seconds, rss = run_measured(_cli("update", str(second), "--cache-dir", str(cache)))
            requests = None
        report = json.loads(done.stdout)
        results[mode] = cache
        cost = (f", {requests} page requests (ceil({report['fetched']:,}/1000) = "
                f"{math.ceil(report['fetched'] / 1000)})") if requests is not None else ""
        print(f"update from {mode}: {seconds:.1f} s wall ({report['seconds']:.1f} s in the library), peak RSS "
              f"{rss / 1024:.0f} MB, {report['fetched']:,} studies read since {report['since']} "
              f"({changed:,} changed + {report['fetched'] - changed:,} of that day already held), "
              f"{report['skipped_older']:,} older skipped{cost}; {seconds / full_seconds:.1%} of the full rebuild")

    expected = answers(full)
    for mode, cache in results.items():
        same = answers(cache) == expected
        print(f"{mode} update vs full rebuild: {'same answers' if same else 'DIFFERENT answers'} for "
              f"{len(expected) - 1} benchmark queries and the study count")


if __name__ == "__main__":
    main()
