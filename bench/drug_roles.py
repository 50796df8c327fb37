"""How often a drug in the drug table is only a comparator or background therapy in the real
records: the trials a request letter must not cite as the drug's own (issue 14, item 1).

For every interventional study of the 1,795 real records and every drug of trialfind's drug
table the study gives, `match.drug_role` says own, comparator or background, judged on the
interventions the resolver gave the drug (as the candidates evidence and the letter judge it).
Prints the counts, the share of studies per drug that are not its own, every comparator /
background case with its reason, for reading by hand, and the pairs the table's names alone
would not find among the interventions ("Milciclib Dose: 150 mg/day ..." resolves by a part).

    .venv/bin/python bench/drug_roles.py [--list]

Always exits 0: it is a measurement, not a test.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.shared_data import real_records  # noqa: E402
from trialfind.access.evidence import drug_trial_role  # noqa: E402
from trialfind.core.study import Study, parse_study  # noqa: E402
from trialfind.knowledge.drugs import resolver_for  # noqa: E402
from trialfind.knowledge.targets import builtin_knowledge  # noqa: E402
from trialfind.match.drug_role import NOT_GIVEN, drug_role  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list every comparator / background case")
    args = parser.parse_args()
    knowledge, resolver = builtin_knowledge(), resolver_for()
    roles: Counter = Counter()
    per_drug: dict[str, Counter] = defaultdict(Counter)
    cases = []
    found_by_resolver = []
    studies = [s for s in (parse_study(r) for r in real_records()) if isinstance(s, Study)]
    for study in studies:
        if study.study_type != "INTERVENTIONAL":
            continue
        drugs = {d for iv in study.interventions for name in iv.all_names for d in resolver.resolve_all(name)}
        for drug in sorted(drugs):
            role = drug_trial_role(study, drug, resolver, knowledge.drugs[drug].all_names)
            if role is None or role.role == NOT_GIVEN:
                continue
            if drug_role(study, knowledge.drugs[drug].all_names).role == NOT_GIVEN:
                found_by_resolver.append((drug, study.nct_id, role.role))
            roles[role.role] += 1
            per_drug[drug][role.role] += 1
            if role.role != "own":
                cases.append((drug, study.nct_id, role.role, role.reason))
    unstated = sum(1 for s in studies if s.study_type == "INTERVENTIONAL" and not s.arm_groups)
    print(f"interventional studies: {sum(1 for s in studies if s.study_type == 'INTERVENTIONAL')}, "
          f"without arms in the record: {unstated}")
    print("drug-in-study pairs by role:", dict(roles))
    mixed = {d: c for d, c in per_drug.items() if c["comparator"] or c["background"]}
    print(f"drugs with at least one comparator/background study: {len(mixed)} of {len(per_drug)}")
    for drug, count in sorted(mixed.items(), key=lambda kv: -(kv[1]["comparator"] + kv[1]["background"])):
        print(f"  {drug}: own {count['own']}, comparator {count['comparator']}, background {count['background']}")
    print(f"pairs the table's names alone miss among the interventions: {len(found_by_resolver)}")
    for drug, nct_id, role in found_by_resolver:
        print(f"  {drug} in {nct_id}: {role}")
    if args.list:
        for drug, nct_id, role, reason in cases:
            print(f"{drug}\t{nct_id}\t{role}\t{reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
