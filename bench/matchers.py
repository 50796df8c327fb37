"""How fast the trial matchers judge studies, and how the verdicts split, over the real records.

Every one of the 1,795 real records is judged for each profile (no retrieval filter), so the
figures are the worst case a generous source can hand the matchers.

    .venv/bin/python bench/matchers.py
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.shared_data import real_records  # noqa: E402
from trialfind.core.profile import ChildProfile  # noqa: E402
from trialfind.core.study import parse_study  # noqa: E402
from trialfind.knowledge.target_resolution import resolve_target  # noqa: E402
from trialfind.match.rank import newest_update  # noqa: E402
from trialfind.trials import match_study  # noqa: E402

PROFILES = [
    dict(age="7", conditions=["glioma"]),
    dict(age="5", conditions=["ALL"], near="42.36,-71.06"),
    dict(age="7", conditions=["neuroblastoma"], targets=["ALK"]),
    dict(age="12", targets=["BRAF V600E"]),
    dict(age="16", targets=["EGFR"]),
    dict(age="7", conditions=["medulloblastma"]),  # a typo: every record reaches the fuzzy step
]


def main() -> None:
    started = time.perf_counter()
    studies = [parse_study(r) for r in real_records()]
    parse_seconds = time.perf_counter() - started
    print(f"parsed {len(studies)} real records in {parse_seconds:.2f} s")
    as_of = newest_update(studies)
    print("| profile | studies judged | matched | yes | uncertain | no | ms total | µs per study |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for spec in PROFILES:
        spec = dict(spec)
        age = spec.pop("age")
        profile = ChildProfile.build(age, **spec)
        targets = [resolve_target(t) for t in profile.targets]
        begin = time.perf_counter()
        matches = [m for m in (match_study(s, profile, targets, as_of=as_of) for s in studies) if m]
        elapsed = time.perf_counter() - begin
        verdicts = Counter(m.eligible for m in matches)
        label = ", ".join([*profile.conditions, *profile.targets]) + f", age {age}"
        print(f"| {label} | {len(studies)} | {len(matches)} | {verdicts['yes']} | {verdicts['uncertain']} | "
              f"{verdicts['no']} | {elapsed * 1000:.0f} | {elapsed / len(studies) * 1e6:.0f} |")


if __name__ == "__main__":
    main()
