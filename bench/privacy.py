"""The privacy screen against the labelled set: false negatives and false positives.

    .venv/bin/python bench/privacy.py [--show-failures] [--labels PATH] [--no-real] [--speed]

--labels scores another file with the same columns (text, label, kind, note) alone, e.g. a
blind batch nobody fixed the screen against; its FN/FP are the "all" row.

A personal string counts as caught when the screen finds anything in it (the refusal
is what protects the family; the kind named is reported separately). Rows whose note
starts with "held-out" were written after the screen was; their rates are printed apart.
Each held-out batch was written after the previous one had been measured and used to fix
the screen: a batch's rates before its own fixes are the honest estimate (bench/RESULTS.md).
Rows noted "blind batch N" (blind batch 3 on) were measured once as a separate file and then
folded in: like every row here they have been fixed against, so they count as "written first
/ fixed against" and get a row of their own. Every figure on this file is a tuned figure.
"""
from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.core.privacy_data import real_strings  # noqa: E402
from tests.core.uncased_cues import find_reading_cues_alone, read_word_by_word  # noqa: E402
from trialfind.core.privacy import find_personal_data  # noqa: E402
from trialfind.core.privacy_scripts import UNCASED_RUN  # noqa: E402

LABELLED = REPO / "tests" / "data" / "privacy_labelled.tsv"
# Rows written before the screen, and blind batches folded in after their one measurement.
WRITTEN_FIRST = "written first/fixed against"


def load_rows(path: Path = LABELLED) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


UNCASED = "scripts without capitals"
OTHER_SCRIPTS = "other scripts"
CUES_ALONE = "cue reader alone, " + UNCASED
WORD_BY_WORD = "of which Arabic, Hebrew or Hindi"


def evaluate(rows: list[dict[str, str]]) -> dict:
    """Counts per group: fn over personal rows, fp over clean rows, kind agreement on caught rows.

    Rows in scripts without capitals are also scored as the screen would answer if it read them by
    their cues alone (privacy_scripts.READ_UNCASED_BY_CUES_ALONE): the figure that switch waits on. Those
    in Arabic, Hebrew or Hindi only, which the screen reads word by word, get a row of their own."""
    groups: dict[str, dict] = defaultdict(lambda: {"pii": 0, "fn": 0, "clean": 0, "fp": 0, "kind_ok": 0,
                                                   "failures": []})
    scored = [(row, find_personal_data(row["text"]), []) for row in rows]
    uncased_rows = [row for row in rows if UNCASED_RUN.search(row["text"])]
    scored += [(row, find_reading_cues_alone(row["text"]), [CUES_ALONE]) for row in uncased_rows]
    for row, findings, only in scored:
        held_out = row["note"].startswith("held-out")
        script = UNCASED if UNCASED_RUN.search(row["text"]) else OTHER_SCRIPTS
        names = only or ["all", script, f"kind:{row['kind']}", "held-out" if held_out else WRITTEN_FIRST]
        if not only and read_word_by_word(row["text"]):
            names.append(WORD_BY_WORD)
        if held_out and not only:
            batch = row["note"].split(";")[0].removeprefix("held-out").strip(", ") or "first batch"
            names.append(f"held-out {batch}")
        elif row["note"].startswith("blind batch") and not only:
            names.append(f"fixed against: {row['note'].split(';')[0]}")
        for name in names:
            group = groups[name]
            if row["label"] == "pii":
                group["pii"] += 1
                if not findings:
                    group["fn"] += 1
                    group["failures"].append(("missed", row["text"], row["kind"]))
                elif row["kind"] in {f.kind for f in findings}:
                    group["kind_ok"] += 1
            else:
                group["clean"] += 1
                if findings:
                    group["fp"] += 1
                    group["failures"].append(("refused", row["text"], findings[0].kind))
    return dict(groups)


def refused_real_strings() -> dict[str, tuple[int, list[str]]]:
    """Per group: (how many strings, those the screen refuses)."""
    return {name: (len(texts), sorted(t for t in texts if find_personal_data(t)))
            for name, texts in real_strings().items()}


def median_microseconds(texts: list[str], runs: int = 7) -> tuple[float, float]:
    """(wall, CPU) median µs per string; CPU time (this process only) is the steadier one on a shared machine."""
    from trialfind.core import privacy

    for text in texts:                       # first loads: the name dictionary, places, other languages' lists
        privacy.find_personal_data(text)
    wall, cpu = [], []
    for _ in range(runs):
        privacy._find_cached.cache_clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            find_personal_data(text)
        wall.append((time.perf_counter() - start) / len(texts) * 1e6)
        cpu.append((time.process_time() - start_cpu) / len(texts) * 1e6)
    return statistics.median(wall), statistics.median(cpu)


def _rate(bad: int, total: int) -> str:
    return f"{bad}/{total} = {100 * bad / total:.1f}%" if total else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--labels", type=Path, default=LABELLED,
                        help="a TSV with columns text, label (pii/clean), kind, note; default: the labelled set")
    parser.add_argument("--no-real", action="store_true", help="skip the real-text false-positive table")
    parser.add_argument("--speed", action="store_true",
                        help="also time the screen: median wall and CPU µs per string over 7 runs (labels, real "
                             "strings, both; the per-text cache cleared before each run, after a first pass)")
    args = parser.parse_args()
    try:
        rows = load_rows(args.labels)
        missing = {"text", "label", "kind", "note"} - set(rows[0] if rows else {})
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        print(f"error: cannot read {args.labels}: {error}", file=sys.stderr)
        return 2
    if not rows or missing:
        print(f"error: {args.labels} needs a header text, label, kind, note and at least one row", file=sys.stderr)
        return 2
    groups = evaluate(rows)
    print(f"labels: {args.labels} ({len(rows)} rows)")
    print(f"{'group':<42} {'false negatives':>18} {'false positives':>18} {'kind named':>12}")
    numbered = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")
    batches = [f"held-out {n} batch" for n in numbered]
    batches += sorted(g for g in groups if g.startswith("held-out ") and g not in batches)
    # Another file (a blind batch) is scored alone: its own "all" row, no written-first/held-out split.
    split = [WRITTEN_FIRST, "held-out"] if args.labels.resolve() == LABELLED.resolve() else []
    folded = sorted(g for g in groups if g.startswith("fixed against: "))
    order = (["all", OTHER_SCRIPTS, UNCASED, WORD_BY_WORD, CUES_ALONE] + split + batches + folded
             + sorted(g for g in groups if g.startswith("kind:")))
    for name in order:
        if name not in groups:
            continue
        g = groups[name]
        caught = g["pii"] - g["fn"]
        kind = f"{g['kind_ok']}/{caught}" if caught else "-"
        print(f"{name:<42} {_rate(g['fn'], g['pii']):>18} {_rate(g['fp'], g['clean']):>18} {kind:>12}")
    real = {} if args.no_real else refused_real_strings()
    if real:
        print("\nreal strings that must pass (false positives)")
    for name, (total, refused) in real.items():
        print(f"{name:<30} {_rate(len(refused), total):>18}")
    if args.speed:
        real_texts = [t for group in real_strings().values() for t in group]
        texts = [row["text"] for row in rows] + real_texts
        print()
        for name, group in (("labels", [row["text"] for row in rows]), ("real strings", real_texts), ("all", texts)):
            wall, cpu = median_microseconds(group)
            print(f"speed ({name}): median {wall:.0f} µs wall, {cpu:.0f} µs CPU per string over {len(group)} strings")
    if args.show_failures:
        for what, text, kind in groups["all"]["failures"]:
            print(f"{what:8} [{kind}] {text}")
        for name, (_, refused) in real.items():
            for text in refused:
                print(f"refused  [{name}] {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
