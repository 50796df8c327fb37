"""Our curated drug table checked against the 2022 ChEMBL / Open Targets derived table in
../shared/data/targets (never copied into the repo). Every disagreement must be fixed or
explained in the drug's notes as "vs 2022 table: <field> — why"."""
from __future__ import annotations

import pytest

from tests.shared_data import TARGETS_DIR
from trialfind.knowledge.drugs import compact
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.knowledge.targets import builtin_knowledge, load_knowledge, read_user_drug_targets

TARGETS_TSV = TARGETS_DIR / "drug_targets.tsv"
SYNONYMS_TSV = TARGETS_DIR / "drug_synonyms.tsv"

pytestmark = pytest.mark.skipif(not TARGETS_TSV.exists(), reason="shared targets data not present")


@pytest.fixture(scope="module")
def theirs():
    return read_user_drug_targets(TARGETS_TSV, SYNONYMS_TSV)


@pytest.fixture(scope="module")
def their_index(theirs):
    index: dict[str, set[str]] = {}
    for drug in theirs.values():
        for name in drug.all_names:
            index.setdefault(compact(name), set()).add(drug.name)
    return index


def _same_substance(ours: str, their_name: str) -> bool:
    """Their table keeps salt forms as separate rows ("dabrafenib mesylate")."""
    return compact(their_name).startswith(compact(ours))


def _their_row(drug, theirs, their_index):
    exact = theirs.get(drug.name.lower())
    if exact is not None:
        return exact
    hits = set()
    for name in drug.all_names:
        hits |= their_index.get(compact(name), set())
    if not hits:
        return None
    base = sorted(hits, key=lambda n: (not _same_substance(drug.name, n), len(n)))
    return theirs[base[0]]


def _disagreements(drug, their) -> list[str]:
    found = []
    if their.genes and not {g.upper() for g in their.genes} & {g.upper() for g in drug.genes}:
        found.append("targets")
    if their.approved is not None and drug.approved is not None and their.approved != drug.approved:
        found.append("approval")
    if their.first_approval and drug.first_approval and their.first_approval != drug.first_approval:
        found.append("year")
    if their.chembl_id and drug.chembl_id and their.chembl_id != drug.chembl_id:
        found.append("chembl")
    return found


def test_every_disagreement_with_the_2022_table_is_fixed_or_explained(theirs, their_index):
    unexplained = []
    compared = 0
    for drug in builtin_knowledge().drugs.values():
        their = _their_row(drug, theirs, their_index)
        if their is None:
            continue
        compared += 1
        for field in _disagreements(drug, their):
            if f"vs 2022 table: {field}" not in drug.notes.lower().replace("chembl id", "chembl"):
                unexplained.append(f"{drug.name} ({field}): ours {getattr(drug, 'genes')} / theirs {their.name}")
    assert compared >= 100, compared
    assert not unexplained, unexplained


def test_our_code_names_and_brands_never_belong_to_another_drug_in_the_2022_table(theirs, their_index):
    conflicts = []
    for drug in builtin_knowledge().drugs.values():
        base = _their_row(drug, theirs, their_index)
        if base is None:
            continue
        for alias in (*drug.codes, *drug.brands, *drug.synonyms):
            owners = their_index.get(compact(alias), set())
            if owners and not any(o == base.name or _same_substance(drug.name, o) or _same_substance(base.name, o)
                                  for o in owners):
                conflicts.append((drug.name, alias, sorted(owners)))
    assert not conflicts, conflicts


def test_the_2022_table_agrees_on_code_names_it_knows(theirs, their_index):
    """Spot checks named in SOURCES.md: the code names resolve to the same substance."""
    for code, inn in [("PF-06463922", "lorlatinib"), ("LOXO-292", "selpercatinib"), ("DAY101", "tovorafenib")]:
        ours = builtin_knowledge().drugs[inn]
        assert code in ours.codes
        owners = their_index.get(compact(code), set())
        assert owners, code
        their = _their_row(ours, theirs, their_index)
        assert their is not None and their.name in owners


def test_load_knowledge_reads_a_user_drug_targets_export():
    knowledge = load_knowledge(TARGETS_TSV, SYNONYMS_TSV)
    assert knowledge.origin.startswith("user table")
    alk = resolve_target("ALK", knowledge)
    assert "lorlatinib" in alk.drugs
    assert "PF-06463922" in {n.upper() for n in alk.drug_names}
    # tovorafenib is MLN-2480 in the 2022 export; its code names come from the synonyms file
    braf = resolve_target("BRAF", knowledge)
    assert "mln-2480" in braf.drugs
    from trialfind.knowledge.drugs import DrugResolver

    resolver = DrugResolver(knowledge)
    assert resolver.resolve("DAY101") == "mln-2480"
    assert resolver.resolve("TAK-580") == "mln-2480"


def test_load_knowledge_without_synonyms_still_knows_display_names():
    knowledge = load_knowledge(TARGETS_TSV)
    assert "lorlatinib" in knowledge.drugs
    assert "PF-06463922" not in knowledge.drugs["lorlatinib"].aliases


def test_user_table_genes_unknown_to_our_groups_become_targets():
    knowledge = load_knowledge(TARGETS_TSV, SYNONYMS_TSV)
    query = resolve_target("TLR9", knowledge)
    assert query.key == "TLR9" and "1018 iss" in query.drugs
