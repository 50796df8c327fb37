"""How many intervention names of the real records resolve to a drug of the table, and how many
targeted-looking names (research codes, INN stems of targeted drugs) resolve to none.

    .venv/bin/python bench/name_coverage.py [--drugs FILE] [--list]

`--drugs` measures another drug table in the same layout (e.g. an older one:
`--drugs <(git show fa404a6:trialfind/data/drugs.tsv)`). Always exits 0: a measurement.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from tests.shared_data import real_partial_records, real_records  # noqa: E402
from trialfind.knowledge.drugs import DrugResolver  # noqa: E402
from trialfind.knowledge.name_coverage import name_coverage  # noqa: E402
from trialfind.knowledge.targets import DATA_DIR, Knowledge, read_combinations, read_drugs, read_targets  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drugs", help="drug table to measure (default: the built-in drugs.tsv)")
    parser.add_argument("--list", action="store_true", help="print every unresolved targeted-looking name")
    args = parser.parse_args()
    drugs = read_drugs(Path(args.drugs)) if args.drugs else read_drugs()
    knowledge = Knowledge(targets=read_targets(), drugs=drugs, combinations=read_combinations())
    records = [*real_records(), *real_partial_records()]
    report = name_coverage(records, DrugResolver(knowledge))
    section = (DATA_DIR / "TARGETS.md").read_text(encoding="utf-8").split("## Unresolved intervention names")[-1]
    print(f"records: {len(records)}; drugs in table: {len(drugs)}")
    print(f"intervention names: {report.names_seen}; resolving to a drug: {report.resolved}")
    print(f"targeted-looking names resolving to no drug: {len(report.unresolved)}; "
          f"not explained in TARGETS.md: {len(report.unexplained(section))}")
    if args.list:
        for item in report.unresolved:
            print(f"  {item.token}\t{item.written[0]}\t{', '.join(item.nct_ids[:3])}")


if __name__ == "__main__":
    main()
