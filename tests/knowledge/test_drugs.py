"""Drug name resolution: exact tables first, fuzzy only as a pinned fallback, never for code names."""
from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from trialfind.knowledge import drugs as drugs_module
from trialfind.knowledge.drugs import DrugResolver, compact, resolver_for, strip_dose
from trialfind.knowledge.targets import DrugInfo, Knowledge, builtin_knowledge


@pytest.mark.parametrize("name", ["lorlatinib", "LORLATINIB", "PF-06463922", "PF06463922", "pf 06463922",
                                  "Lorbrena", "Lorviqua", "Lorlatinib 100 mg tablets", "Lorlatinib (PF-06463922)",
                                  "Oral lorlatinib 25 mg film-coated tablet"])
def test_lorlatinib_by_any_name(name):
    assert resolver_for().resolve(name) == "lorlatinib"


@pytest.mark.parametrize("name,drug", [("LOXO-101", "larotrectinib"), ("DAY101", "tovorafenib"),
                                       ("TAK-580", "tovorafenib"), ("MLN2480", "tovorafenib"), ("ONC201", "dordaviprone"),
                                       ("AZD9291, Tagrisso", "osimertinib"), ("KRAZATI®", "adagrasib"),
                                       ("Imatinib Mesylate", "imatinib"), ("Trametinib dimethyl sulfoxide", "trametinib")])
def test_code_names_brands_and_salts(name, drug):
    assert resolver_for().resolve_all(name) == [drug]


def test_combinations_resolve_to_each_drug_and_keep_only_the_drug_part_as_alias():
    resolver = resolver_for()
    assert resolver.resolve_all("Dabrafenib + Trametinib") == ["dabrafenib", "trametinib"]
    names = resolver.resolve_names(["Oral S-1 + Oral Osimertinib", "Lorlatinib 100 mg"])
    assert names == {"osimertinib": ["Osimertinib"], "lorlatinib": ["Lorlatinib"]}


def test_strip_dose():
    assert strip_dose("Crizotinib 250 mg BID") == "Crizotinib"
    assert strip_dose("Selumetinib 25 mg/m2 oral capsules") == "Selumetinib"


def test_fuzzy_threshold_is_pinned():
    assert drugs_module.FUZZY_THRESHOLD == 90.0 and drugs_module.FUZZY_MARGIN == 4.0
    resolver = resolver_for()
    # misspelt INNs just above the threshold resolve ...
    for typo, drug in [("lorlatinb", "lorlatinib"), ("dabrafinib", "dabrafenib"), ("selumetanib", "selumetinib")]:
        assert fuzz.ratio(compact(typo), compact(drug)) >= drugs_module.FUZZY_THRESHOLD
        assert resolver.resolve(typo) == drug
        assert resolver.resolve(typo, allow_fuzzy=False) is None
    # ... while distinct drugs sharing a stem stay apart: apatinib (VEGFR2) scores 94 against lapatinib
    assert fuzz.ratio("apatinib", "lapatinib") > drugs_module.FUZZY_THRESHOLD
    assert resolver.resolve("Apatinib") == "rivoceranib"  # its own synonym, never lapatinib
    without = Knowledge(targets=builtin_knowledge().targets,
                        drugs={k: v for k, v in builtin_knowledge().drugs.items() if k != "rivoceranib"})
    assert DrugResolver(without).resolve("Apatinib") is None
    assert resolver.resolve("ceritinib") == "ceritinib" and resolver.resolve("crizotinib") == "crizotinib"


def test_fuzzy_score_is_rapidfuzz_ratio_to_the_last_bit():
    """LcsPattern.ratio stands in for rapidfuzz's fuzz.ratio: the same float for every pair the
    resolver can score (each table name against the others of its prefix bucket, and typos of
    them) and for random short strings, so no threshold or margin decision can move."""
    import random

    resolver = resolver_for()
    names = sorted({known for known, _ in resolver._fuzzy_names})
    rng = random.Random(15)
    typos = [name[:i] + name[i + 1:] for name in names for i in rng.sample(range(len(name)), min(2, len(name)))]
    typos += ["".join(rng.choice("abcdeéü") for _ in range(rng.randint(0, 14))) for _ in range(5000)]
    pairs = [(a, b) for a in names + typos for b in resolver._fuzzy_by_prefix.get(a[:3], ())]
    pairs += [(typos[i], typos[-i - 1]) for i in range(len(typos))]
    assert len(pairs) > 7_000
    for text, other in pairs:
        assert drugs_module.LcsPattern(text).ratio(other) == fuzz.ratio(text, other), (text, other)


def test_code_names_are_never_fuzzy_matched():
    resolver = resolver_for()
    assert resolver.resolve("AZD1775") == "adavosertib"
    assert resolver.resolve("AZD1755") is None  # one digit away is another compound
    assert resolver.resolve("PF-06463923") is None


def test_unknown_and_empty_names():
    resolver = resolver_for()
    for name in ["placebo", "chemotherapy", "", "   ", "Radiation: proton beam"]:
        assert resolver.resolve_all(name) == []


def test_synthetic_code_name_and_inn_merge_into_one_drug():
    synthetic = Knowledge(targets=dict(builtin_knowledge().targets), drugs={
        "synthetinib": DrugInfo(name="synthetinib", codes=("SYN-0001",), brands=("Synthex",), genes=("ALK",),
                                approved=False, mechanism="synthetic ALK inhibitor")})
    resolver = DrugResolver(synthetic)
    assert resolver.resolve_names(["SYN-0001", "Synthetinib 50 mg", "syn0001"]) == {
        "synthetinib": ["SYN-0001", "Synthetinib", "syn0001"]}


def test_no_alias_is_claimed_by_two_drugs_in_the_builtin_table():
    assert DrugResolver(builtin_knowledge()).ambiguous == {}
