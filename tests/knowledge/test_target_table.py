"""The target and drug tables themselves: name precision, the paediatric and biomarker targets,
and code names merging with INNs (issue 11)."""
from __future__ import annotations

import re

import pytest

from trialfind.knowledge.drugs import resolver_for
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.knowledge.targets import builtin_knowledge


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def _names(target, *, fusions: bool = True) -> set[str]:
    names = {target.key, *target.genes, *target.aliases}
    names |= {phrase for phrase, canonical in target.variants if phrase != canonical and not phrase.islower()
              and (fusions or canonical != "fusion")}
    return {n for n in names if n.strip()}


def test_no_name_of_one_target_sits_inside_a_name_of_another():
    """'epidermal growth factor receptor' (EGFR) inside 'human epidermal growth factor receptor 2' (HER2)
    would make a search or mention for EGFR hit HER2 texts."""
    targets = list(builtin_knowledge().targets.values())
    clashes = []
    for a in targets:
        for b in targets:
            if a.key == b.key:
                continue
            for short in _names(a):
                for long in _names(b, fusions=False):  # a fusion names its partner by design (NPM1-ALK)
                    if len(_words(short)) < len(_words(long)) and _words(short) in _words(long):
                        clashes.append((a.key, short, b.key, long))
    assert not clashes, clashes


def test_egfr_full_name_does_not_reach_her2():
    her2 = resolve_target("human epidermal growth factor receptor 2")
    assert her2.key == "ERBB2"
    egfr = resolve_target("EGFR")
    assert not any("epidermal growth factor receptor" in t.lower() for t in egfr.search_terms)


@pytest.mark.parametrize("text,key,drug", [
    ("MYCN", "MYCN", "alisertib"), ("MYCN-amplified", "MYCN", "eflornithine"),
    ("MSI-H", "MSI-H", "pembrolizumab"), ("dMMR", "MSI-H", "dostarlimab"), ("TMB-high", "TMB-high", "pembrolizumab"),
    ("PD-L1", "PD-L1", "atezolizumab"), ("BRCA2", "BRCA1/2", "olaparib"), ("BRCA1", "BRCA1/2", "talazoparib"),
    ("HRD", "HRD", "niraparib"), ("NPM1", "NPM1", "revumenib"), ("SMARCB1", "SMARCB1", "tazemetostat"),
    ("INI1-negative", "SMARCB1", "tazemetostat"), ("CD33", "CD33", "gemtuzumab ozogamicin"),
    ("NTRK fusion", "NTRK", "larotrectinib"), ("H3 K27-altered", "H3 K27M", "dordaviprone"),
    ("histone H3 K27-altered", "H3 K27M", "dordaviprone"), ("histone altered", "H3 K27M", "dordaviprone"), ("BCR-ABL1", "ABL1", "flumatinib"),
    ("FLT3", "FLT3", "pacritinib"), ("PARP", "PARP", "fluzoparib"), ("CDK4/6", "CDK4/6", "atirmociclib"),
    ("MET", "MET", "RC108"), ("KRAS G12D", "KRAS", "BBO-11818"),
])
def test_paediatric_and_biomarker_targets_resolve_to_drugs(text, key, drug):
    query = resolve_target(text)
    assert query.key == key
    assert drug in query.drugs


def test_every_egfr_inhibitor_named_in_issue_11_acts_on_egfr():
    drugs = set(resolve_target("EGFR").drugs)
    assert {"furmonertinib", "aumolertinib", "icotinib", "poziotinib", "abivertinib", "BEBT-109",
            "izalontamab brengitecan"} <= drugs


@pytest.mark.parametrize("names,drug", [
    (["PF-06463922", "lorlatinib", "Lorbrena"], "lorlatinib"),
    (["BAY 2757556", "BAY2757556", "LOXO-101", "larotrectinib", "Vitrakvi"], "larotrectinib"),
    (["AMG 510", "AMG-510", "sotorasib"], "sotorasib"), (["MRTX849", "MRTX-849", "adagrasib"], "adagrasib"),
    (["TPX-0005", "repotrectinib"], "repotrectinib"), (["AST2818", "alflutinib", "Furmonertinib"], "furmonertinib"),
    (["HS-10296", "Almonertinib"], "aumolertinib"), (["HM781-36B", "Poziotinib Once Daily Dosing"], "poziotinib"),
    (["PF-07220060"], "atirmociclib"), (["MK-3475", "Keytruda", "lambrolizumab"], "pembrolizumab"),
])
def test_code_names_brands_and_inns_merge(names, drug):
    resolver = resolver_for()
    for name in names:
        assert resolver.resolve_all(name) == [drug], name


def test_kras_g12c_inhibitors_are_not_offered_for_other_kras_variants_nor_a_bare_kras():
    g12c_only = {"sotorasib", "adagrasib", "divarasib", "olomorasib"}
    assert g12c_only <= set(resolve_target("KRAS G12C").drugs)
    g12d = resolve_target("KRAS G12D")
    flagged = {e.drug for e in g12d.variant_effects if e.against}
    assert g12c_only & set(g12d.drugs) == flagged == {"sotorasib", "adagrasib"}  # kept only to say they do not work
    assert not g12c_only & set(resolve_target("KRAS").drugs)
    assert "BBO-11818" in resolve_target("KRAS").drugs


def test_every_variant_row_is_sourced_and_names_a_known_target_variant_and_drug():
    from trialfind.core.errors import InvalidInput
    from trialfind.knowledge.variants import EFFECTS, builtin_variant_effects

    knowledge = builtin_knowledge()
    rows = builtin_variant_effects()
    assert len(rows) >= 40
    for row in rows:
        assert row.source.startswith("https://") and row.note and row.evidence, row
        assert row.effect in EFFECTS and row.drug in knowledge.drugs and row.target in knowledge.targets, row
        try:
            query = resolve_target(f"{row.target} {row.variant}")
        except InvalidInput:  # the key itself names the variant ("H3 K27M")
            query = resolve_target(row.target)
        assert (query.key, query.variant) == (row.target, row.variant), row
        assert row.drug in query.drugs, row  # sensitive or not, the drug is shown for that variant


@pytest.mark.parametrize("text,drug,effect", [
    ("ALK F1174L", "crizotinib", "resistant"), ("ALK F1174L", "lorlatinib", "sensitive"),
    ("ALK G1202R", "alectinib", "resistant"), ("NTRK G595R", "larotrectinib", "resistant"),
    ("NTRK1 G595R", "selitrectinib", "sensitive"), ("BRAF V600E", "dabrafenib", "sensitive"),
    ("KIAA1549-BRAF", "vemurafenib", "paradoxical activation"), ("EGFR T790M", "osimertinib", "sensitive"),
    ("EGFR C797S", "osimertinib", "resistant"), ("EGFR exon 20 insertion", "gefitinib", "not active"),
    ("MET exon 14 skipping", "capmatinib", "sensitive"), ("KRAS G12V", "sotorasib", "not active"),
])
def test_variant_effects_reach_the_query(text, drug, effect):
    effects = {e.drug: e.effect for e in resolve_target(text).variant_effects}
    assert effects.get(drug) == effect


def test_synthetic_minimal_export_with_only_the_required_columns_loads(tmp_path):
    from trialfind.knowledge.drugs import DrugResolver
    from trialfind.knowledge.targets import load_knowledge

    targets = tmp_path / "drug_targets.tsv"
    targets.write_text("drug_name\ttarget_symbol\nSYNTHETINIB\tALK\nSYNTHETINIB\tROS1\nOTHERMAB\tTLR9\n",
                       encoding="utf-8")
    synonyms = tmp_path / "drug_synonyms.tsv"
    synonyms.write_text("drug_name\tsynonym\nSYNTHETINIB\tSYN-0001\n", encoding="utf-8")
    knowledge = load_knowledge(targets, synonyms)
    assert "synthetinib" in resolve_target("ALK", knowledge).drugs
    assert DrugResolver(knowledge).resolve("SYN-0001") == "synthetinib"
    assert resolve_target("TLR9", knowledge).drugs == ("othermab",)


@pytest.mark.parametrize("text,variant", [("MGMT", None), ("MGMT methylated", "methylated"),
                                          ("MGMT promoter methylation", "methylated")])
def test_mgmt_is_a_biomarker_target_with_its_public_source(text, variant):
    query = resolve_target(text)
    assert query.key == "MGMT" and query.variant == variant
    info = builtin_knowledge().targets["MGMT"]
    assert info.source == "https://doi.org/10.1056/NEJMoa043331"
    assert "temozolomide" in info.notes and not query.drugs  # a selection biomarker, no drug acts on it


def test_mgmt_methylated_selects_and_unmethylated_does_not_end_to_end():
    from tests.factories import make_record
    from trialfind.sources.memory import MemorySource
    from trialfind.trials import find_trials

    def found(sentence):
        criteria = f"Inclusion Criteria:\n* {sentence}\n\nExclusion Criteria:\n* Pregnancy"
        source = MemorySource([make_record("NCT90000001", title="A synthetic study", min_age=None, criteria=criteria)])
        return [any(e.direct for e in m.target_evidence) for m in find_trials(target="MGMT", age=10, source=source)]

    assert found("Glioblastoma with methylated MGMT promoter") == [True]
    assert found("MGMT unmethylated glioblastoma") == []
