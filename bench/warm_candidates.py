"""Warm `trialfind candidates` (responses cached): whole-process wall time, interleaved
with an earlier checkout of trialfind so both meet the same machine load, and the
outputs compared byte for byte.

The loopback fake API serves the real records; each checkout first fills its own cache
directory (one cold run), then the warm runs alternate between the checkouts. Bytecode is
compiled first. Without --before only this checkout is timed.

    mkdir /tmp/trialfind-before && git archive <commit> | tar -x -C /tmp/trialfind-before
    .venv/bin/python bench/warm_candidates.py --before /tmp/trialfind-before [--runs 11]
"""
from __future__ import annotations

import argparse
import compileall
import hashlib
import os
import resource
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

COMMANDS = {
    "candidates --target ALK --age 7": ["candidates", "--target", "ALK", "--age", "7"],
    "candidates --target ALK --target EGFR --age 7 --format json":
        ["candidates", "--target", "ALK", "--target", "EGFR", "--age", "7", "--format", "json"],
}
# Issue 15's targets for this checkout's whole-process median wall time (seconds), on a quiet machine.
TARGETS = {
    "candidates --target ALK --age 7": 0.25,
    "candidates --target ALK --target EGFR --age 7 --format json": 0.35,
}


def load_average() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def environment(checkout: Path, url: str, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIALFIND_")}
    env.update({"TRIALFIND_API_URL": url, "TRIALFIND_CACHE_DIR": str(cache), "TRIALFIND_RATE_LIMIT": "1000000"})
    env["PYTHONPATH"] = str(checkout)  # this checkout's package before the installed one
    return env


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, bytes]:
    """(wall seconds, CPU seconds, stdout) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # `python -m` puts the working directory first on sys.path: run inside the checkout, or a bench
    # started from this repository would time this checkout's package under both names.
    done = subprocess.run([sys.executable, "-m", "trialfind", *args], env=env, capture_output=True, timeout=300,
                          cwd=env["PYTHONPATH"])
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.decode()[-300:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="a checkout of the earlier trialfind to compare with")
    parser.add_argument("--runs", type=int, default=11, help="warm runs per checkout and command (default 11)")
    args = parser.parse_args()
    checkouts = {"now": REPO_ROOT}
    if args.before:
        checkouts = {"before": args.before.resolve(), **checkouts}
    for checkout in checkouts.values():
        compileall.compile_dir(str(checkout / "trialfind"), quiet=1)
    print(f"load average (1/5/15 min) at start: {load_average()}")
    verdicts = []
    with CtgovServer(real_records()) as server, tempfile.TemporaryDirectory() as scratch:
        envs = {name: environment(path, server.url, Path(scratch) / name) for name, path in checkouts.items()}
        for label, command in COMMANDS.items():
            outputs, times, cpus = {}, {name: [] for name in checkouts}, {name: [] for name in checkouts}
            for name, env in envs.items():
                _, _, outputs[name] = run(command, env)  # cold: fills the cache
            for _ in range(args.runs):
                for name, env in envs.items():
                    elapsed, cpu, out = run(command, env)
                    assert out == outputs[name], f"{name}: output changed between runs"
                    times[name].append(elapsed)
                    cpus[name].append(cpu)
            digests = {name: hashlib.sha256(out).hexdigest()[:12] for name, out in outputs.items()}
            same = len(set(outputs.values())) == 1
            print(f"{label}")
            for name in checkouts:
                print(f"  {name:6} median {statistics.median(times[name]):.3f} s  best {min(times[name]):.3f} s  "
                      f"CPU median {statistics.median(cpus[name]):.3f} s  ({args.runs} runs)  "
                      f"output sha256 {digests[name]}")
            if len(checkouts) > 1:
                print(f"  output byte-identical: {'yes' if same else 'NO'}")
            median = statistics.median(times["now"])
            met = median <= TARGETS[label]
            verdicts.append(met and same)
            print(f"  target <= {TARGETS[label]:.2f} s median (now): {'MET' if met else 'NOT MET'} ({median:.3f} s)")
    print(f"load average (1/5/15 min) at end: {load_average()}  (targets are for a quiet machine: under load, "
          "judge by the before/now ratio)")
    print(f"all targets met with identical output: {'yes' if all(verdicts) else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
