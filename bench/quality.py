"""Matching quality against the hand-labelled benchmark in bench/quality/.

Runs every query of bench/quality/queries.tsv (each spelling variant) through the CLI,
`python -m trialfind trials --target/--condition X --age 7 --status all
--include-ineligible --include-observational --format json`, twice:

  api      against the loopback fake ClinicalTrials.gov API serving the 1,795 real records
  offline  against a local index built from the same file (`trialfind index build`), --offline

and scores the returned rows with bench/quality/labels.tsv. Only the CLI is used (flags and
the JSON rows), so the script survives changes inside the library.

A row is "yes" when trialfind's evidence for the asked query is direct: strength "direct"
for a target, "exact" or "mesh" for a condition (the strengths whose reasons say the
study requires the target / lists the disease).

    .venv/bin/python bench/quality.py [--query ALK ...] [--paths api,offline] [--json FILE]

Always exits 0: it is a measurement, not a test.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from tests.ctgov_server import CtgovServer  # noqa: E402
from tests.shared_data import STUDIES_FILE, real_records  # noqa: E402

QUALITY_DIR = REPO_ROOT / "bench" / "quality"
QUERIES_FILE = QUALITY_DIR / "queries.tsv"
LABELS_FILE = QUALITY_DIR / "labels.tsv"

POSITIVE = {"target": {"requires"}, "condition": {"named"}}
# Labels that mean "a different gene / disease, or the study shuts the child out".
WRONG = {"target": {"other", "excluded_or_negated"}, "condition": {"other", "excluded"}}
YES_STRENGTHS = {"target": {"direct"}, "condition": {"exact", "mesh"}}
CLI_TIMEOUT_S = 300
AGE = "7"


@dataclass(frozen=True)
class Query:
    kind: str
    name: str
    flag: str
    values: tuple[str, ...]


@dataclass
class RunResult:
    """What one CLI call returned: nct_id -> is-yes, or an error line."""
    rows: dict[str, bool] = field(default_factory=dict)
    strengths: dict[str, str] = field(default_factory=dict)
    error: str | None = None

    @property
    def returned(self) -> set[str]:
        return set(self.rows)

    @property
    def yes(self) -> set[str]:
        return {n for n, y in self.rows.items() if y}


def read_queries(path: Path = QUERIES_FILE) -> list[Query]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [Query(r["kind"], r["query"], r["flag"], tuple(v for v in r["values"].split("|") if v)) for r in rows]


def read_labels(path: Path = LABELS_FILE) -> dict[tuple[str, str], dict[str, str]]:
    """(kind, query) -> {nct_id: label}."""
    labels: dict[tuple[str, str], dict[str, str]] = {}
    if not path.exists():
        return labels
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            labels.setdefault((row["kind"], row["query"]), {})[row["nct_id"]] = row["label"]
    return labels


def row_strength(row: dict, kind: str) -> str | None:
    for evidence in row.get("evidence") or ():
        if evidence.get("kind") == kind:
            return evidence.get("strength")
    return None


def run_cli(query: Query, value: str, env: dict[str, str], offline: bool) -> RunResult:
    cmd = [sys.executable, "-m", "trialfind", "trials", query.flag, value, "--age", AGE, "--status", "all",
           "--include-ineligible", "--include-observational", "--format", "json"]
    if offline:
        cmd.append("--offline")
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=CLI_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return RunResult(error=f"timed out after {CLI_TIMEOUT_S} s")
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        return RunResult(error=f"exit {done.returncode}: {lines[-1] if lines else 'no message'}")
    try:
        rows = json.loads(done.stdout or "[]")
    except json.JSONDecodeError as exc:
        return RunResult(error=f"output is not JSON: {exc}")
    result = RunResult()
    for row in rows:
        strength = row_strength(row, query.kind)
        result.rows[row["nct_id"]] = strength in YES_STRENGTHS[query.kind]
        result.strengths[row["nct_id"]] = strength or "?"
    return result


def cli_env(api_url: str, cache_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIALFIND_")}
    env.update({"TRIALFIND_API_URL": api_url, "TRIALFIND_CACHE_DIR": str(cache_dir),
                "TRIALFIND_RATE_LIMIT": "1000000", "PYTHONUNBUFFERED": "1"})
    env.pop("PYTHONPATH", None)
    return env


def build_index(env: dict[str, str]) -> str | None:
    """Build the offline index from the shared studies file; an error line or None."""
    cmd = [sys.executable, "-m", "trialfind", "index", "build", str(STUDIES_FILE), "--fresh", "--no-progress"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=CLI_TIMEOUT_S)
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        return f"index build failed: {lines[-1] if lines else done.returncode}"
    return None


def pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "n/a"


def score(query: Query, result: RunResult, labels: dict[str, str]) -> dict:
    positive, wrong = POSITIVE[query.kind], WRONG[query.kind]
    positives = {n for n, lab in labels.items() if lab in positive}
    returned, yes = result.returned, result.yes
    labelled_yes = {n for n in yes if n in labels}
    labelled_returned = {n for n in returned if n in labels}
    out = {
        "returned": len(returned),
        "yes": len(yes),
        "unlabelled_returned": sorted(returned - set(labels)),
        "unlabelled_yes": len(yes - set(labels)),
        "yes_precision": pct(len(labelled_yes & positives), len(labelled_yes)),
        "returned_precision": pct(len(labelled_returned & positives), len(labelled_returned)),
        "recall_yes": pct(len(yes & positives), len(positives)),
        "recall_returned": pct(len(returned & positives), len(positives)),
        "positives": len(positives),
        "wrong_yes": sorted(n for n in yes if labels.get(n) in wrong),
        "false_positive_yes": sorted(n for n in labelled_yes if labels[n] not in positive),
        "missed_positives": sorted(positives - returned),
        "positives_not_yes": sorted((positives & returned) - yes),
        "error": result.error,
    }
    if query.kind == "condition":
        broader = {n for n in labelled_returned if labels[n] == "broader"}
        out["returned_broader"] = len(broader)
        out["returned_named_or_broader_precision"] = pct(len((labelled_returned & positives) | broader),
                                                         len(labelled_returned))
    out["false_positive_yes"] = [f"{n}({labels[n]})" for n in out["false_positive_yes"]]
    return out


def run_all(queries: list[Query], paths: list[str], workers: int) -> dict:
    """(query name, value, path) -> RunResult, plus setup errors."""
    results: dict[tuple[str, str, str], RunResult] = {}
    with tempfile.TemporaryDirectory(prefix="trialfind-quality-") as tmp, CtgovServer(real_records()) as server:
        envs = {"api": cli_env(server.url, Path(tmp) / "api-cache"),
                "offline": cli_env(server.url, Path(tmp) / "offline-cache")}
        setup_errors = {}
        if "offline" in paths:
            error = build_index(envs["offline"])
            if error:
                setup_errors["offline"] = error
        jobs = [(q, v, p) for q in queries for v in q.values for p in paths]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(run_cli, q, v, envs[p], p == "offline"): (q.name, v, p) for q, v, p in jobs
                       if p not in setup_errors}
            for future, key in futures.items():
                results[key] = future.result()
        for q, v, p in jobs:
            if p in setup_errors:
                results[(q.name, v, p)] = RunResult(error=setup_errors[p])
    return results


def report(queries: list[Query], paths: list[str], results: dict, labels: dict) -> dict:
    summary = {}
    for query in queries:
        qlabels = labels.get((query.kind, query.name), {})
        print(f"\n=== {query.kind} {query.name!r}  ({len(qlabels)} labelled, "
              f"{sum(1 for lab in qlabels.values() if lab in POSITIVE[query.kind])} positive)")
        for path in paths:
            primary = results[(query.name, query.values[0], path)]
            scored = score(query, primary, qlabels)
            summary[(query.kind, query.name, path)] = scored
            if primary.error:
                print(f"  [{path}] {query.flag} {query.values[0]!r}: ERROR {primary.error}")
            print(f"  [{path}] returned {scored['returned']}, yes {scored['yes']}; "
                  f"yes precision {scored['yes_precision']}, returned precision {scored['returned_precision']}"
                  + (f" (named or broader {scored['returned_named_or_broader_precision']}, "
                     f"broader {scored['returned_broader']})" if query.kind == "condition" else "")
                  + f"; recall yes {scored['recall_yes']}, recall returned {scored['recall_returned']}; "
                    f"yes on wrong {query.kind} {len(scored['wrong_yes'])}")
            for name in ("false_positive_yes", "missed_positives", "positives_not_yes", "unlabelled_returned"):
                if scored[name]:
                    print(f"      {name.replace('_', ' ')}: {' '.join(scored[name])}")
            for value in query.values[1:]:
                other = results[(query.name, value, path)]
                same = other.returned == primary.returned and other.yes == primary.yes
                scored.setdefault("variants_same", []).append(same)
                detail = "" if same else (
                    f" (returned {len(other.returned)}, yes {len(other.yes)}; only in {value!r}: "
                    f"{' '.join(sorted(other.returned - primary.returned)) or '-'}; only in {query.values[0]!r}: "
                    f"{' '.join(sorted(primary.returned - other.returned)) or '-'}"
                    + (f"; yes differs on {' '.join(sorted(other.yes ^ primary.yes))}"
                       if other.returned == primary.returned else "")
                    + (f"; ERROR {other.error}" if other.error else "") + ")")
                print(f"      variant {value!r}: {'same set' if same else 'DIFFERENT'}{detail}")
        if {"api", "offline"} <= set(paths):
            api, off = results[(query.name, query.values[0], "api")], results[(query.name, query.values[0], "offline")]
            same = api.returned == off.returned and api.yes == off.yes
            summary[(query.kind, query.name, "api")]["api_offline_same"] = same
            print(f"  api vs offline: {'same set' if same else 'DIFFERENT'}"
                  + ("" if same else f"; only api: {' '.join(sorted(api.returned - off.returned)) or '-'}; "
                                     f"only offline: {' '.join(sorted(off.returned - api.returned)) or '-'}; "
                                     f"yes differs: {' '.join(sorted(api.yes ^ off.yes)) or '-'}"))
    return summary


def print_summary(queries: list[Query], paths: list[str], summary: dict) -> None:
    print("\nSummary (yes = direct evidence; precision over labelled rows; recall over labelled positives)\n")
    head = ["kind", "query", "path", "ret", "yes", "yes prec", "ret prec", "recall yes", "recall ret", "wrong yes",
            "api=off", "variants"]
    rows = []
    for query in queries:
        for path in paths:
            s = summary[(query.kind, query.name, path)]
            api_same = summary[(query.kind, query.name, "api")].get("api_offline_same")
            variants = s.get("variants_same")
            rows.append([query.kind, query.name, path, "ERR" if s["error"] else str(s["returned"]), str(s["yes"]),
                         s["yes_precision"], s["returned_precision"], s["recall_yes"], s["recall_returned"],
                         str(len(s["wrong_yes"])), "" if api_same is None else ("same" if api_same else "DIFF"),
                         "" if variants is None else ("same" if all(variants) else "DIFF")])
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |")
    print()
    for path in paths:
        for kind in ("target", "condition"):
            picked = [summary[(q.kind, q.name, path)] for q in queries if q.kind == kind]
            wrong = sum(len(s["wrong_yes"]) for s in picked)
            fps = sum(len(s["false_positive_yes"]) for s in picked)
            yes = sum(s["yes"] - s["unlabelled_yes"] for s in picked)
            missed = sum(len(s["missed_positives"]) for s in picked)
            not_yes = sum(len(s["positives_not_yes"]) for s in picked)
            pos = sum(s["positives"] for s in picked)
            print(f"[{path}] {kind}s pooled: {yes} labelled yes rows, {fps} not positive ({wrong} on a wrong {kind} "
                  f"or excluded), yes precision {pct(yes - fps, yes)}; {pos} labelled positives: "
                  f"{pos - missed - not_yes} yes ({pct(pos - missed - not_yes, pos)}), {not_yes} returned not yes, "
                  f"{missed} not returned")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--query", action="append", help="only this query name (repeatable)")
    parser.add_argument("--paths", default="api,offline", help="comma-separated: api, offline")
    parser.add_argument("--workers", type=int, default=2, help="CLI calls run in parallel")
    parser.add_argument("--json", type=Path, help="also write every returned row's nct id and strength here")
    args = parser.parse_args()
    queries = [q for q in read_queries() if not args.query or q.name in args.query]
    paths = [p for p in args.paths.split(",") if p in ("api", "offline")]
    started = time.monotonic()
    try:
        results = run_all(queries, paths, args.workers)
    except Exception as exc:  # a measurement reports its failure and still exits 0
        print(f"measurement failed before scoring: {type(exc).__name__}: {exc}")
        sys.exit(0)
    labels = read_labels()
    summary = report(queries, paths, results, labels)
    print_summary(queries, paths, summary)
    if args.json:
        args.json.write_text(json.dumps(
            {f"{q}|{v}|{p}": {"error": r.error, "rows": r.strengths, "yes": sorted(r.yes)}
             for (q, v, p), r in results.items()}, indent=1))
    print(f"\n{len(results)} CLI runs in {time.monotonic() - started:.0f} s")
    sys.exit(0)


if __name__ == "__main__":
    main()
