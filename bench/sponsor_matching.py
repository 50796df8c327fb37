"""How fast and how often lead-sponsor names of the real records resolve to the EA directory.

    .venv/bin/python bench/sponsor_matching.py
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.shared_data import real_records  # noqa: E402
from trialfind.knowledge.sponsor_directory import _alias_index, match_sponsor  # noqa: E402


def main() -> None:
    sponsors = Counter()
    for record in real_records():
        lead = (record["protocolSection"].get("sponsorCollaboratorsModule") or {}).get("leadSponsor") or {}
        if lead.get("name"):
            sponsors[(lead["name"], lead.get("class"))] += 1
    _alias_index()  # build once, as a CLI run does
    start = time.perf_counter()
    with_class = {key: match_sponsor(*key) for key in sponsors}
    name_only = {key: match_sponsor(key[0]) for key in sponsors}
    elapsed = time.perf_counter() - start
    industry = [k for k in sponsors if k[1] == "INDUSTRY"]
    matched = [k for k in industry if with_class[k]]
    wrong = [k for k in sponsors if k[1] != "INDUSTRY" and (with_class[k] or name_only[k])]
    print(f"distinct lead sponsors: {len(sponsors)} ({len(industry)} INDUSTRY)")
    print(f"INDUSTRY names matched: {len(matched)}/{len(industry)} "
          f"({sum(sponsors[k] for k in matched)}/{sum(sponsors[k] for k in industry)} records)")
    print(f"non-industry names matched (must be 0): {len(wrong)}")
    print(f"match time: {elapsed * 1e3:.1f} ms for {2 * len(sponsors)} lookups "
          f"({elapsed * 1e6 / (2 * len(sponsors)):.0f} µs each)")


if __name__ == "__main__":
    main()
