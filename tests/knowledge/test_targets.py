"""resolve_target: what people type -> TargetQuery; unknown targets fail with suggestions."""
from __future__ import annotations

import pytest

from trialfind.core.errors import InvalidInput
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.knowledge.targets import builtin_knowledge

REQUIRED = ["ALK", "ROS1", "NTRK1", "NTRK2", "NTRK3", "BRAF", "MAP2K1", "MAP2K2", "MEK", "NF1", "KRAS", "NRAS",
            "FGFR1", "FGFR2", "FGFR3", "FGFR4", "RET", "MET", "EGFR", "ERBB2", "PIK3CA", "MTOR", "CDK4/6", "EZH2",
            "IDH1", "IDH2", "FLT3", "KMT2A", "menin", "ABL1", "BCR-ABL1", "KIT", "PDGFRA", "H3 K27M", "PARP", "SMO",
            "WEE1", "AURKA", "GD2", "CD19", "CD22", "B7-H3"]


@pytest.mark.parametrize("text", REQUIRED)
def test_every_required_target_resolves_to_drugs_acting_on_it(text):
    query = resolve_target(text)
    assert query.drugs, text
    knowledge = builtin_knowledge()
    for drug in query.drugs:
        assert set(knowledge.drugs[drug].genes) & set(query.drug_genes)
    assert query.search_terms and all(query.search_terms)


def test_every_drug_row_names_a_public_source_and_acts_on_known_genes():
    knowledge = builtin_knowledge()
    for drug in knowledge.drugs.values():
        assert drug.source.startswith("https://"), drug.name
        assert drug.genes and drug.mechanism and drug.approved is not None, drug.name
        if drug.approved:
            assert drug.first_approval is None or 1990 <= drug.first_approval <= 2026, drug.name
    for target in knowledge.targets.values():
        assert target.source.startswith("https://"), target.key


def test_the_examples_from_the_brief():
    ntrk = resolve_target("NTRK fusion")
    assert ntrk.key == "NTRK" and ntrk.genes == ("NTRK1", "NTRK2", "NTRK3") and ntrk.variant == "fusion"
    assert {"fusion", "rearrangement", "translocation", "fusion-positive"} <= set(ntrk.variant_phrases)
    assert "larotrectinib" in ntrk.drugs and "LOXO-101" in ntrk.drug_names
    braf = resolve_target("BRAF V600E")
    assert (braf.key, braf.variant) == ("BRAF", "V600E") and "V600" in braf.variant_phrases
    assert {"DAY101", "TAK-580", "MLN2480"} <= set(braf.drug_names)
    assert resolve_target("CDK4/6").genes == ("CDK4", "CDK6")
    assert resolve_target("h3k27m").key == "H3 K27M" and "dordaviprone" in resolve_target("H3 K27M").drugs
    assert "ONC201" in resolve_target("H3 K27M").drug_names
    mek = resolve_target("MEK")
    assert mek.genes == ("MAP2K1", "MAP2K2") and "selumetinib" in mek.drugs
    assert resolve_target("NF1").drugs == mek.drugs  # NF1 loss is treated with MEK inhibitors


def test_a_single_gene_of_a_family_narrows_the_genes_but_keeps_the_family_in_search():
    q = resolve_target("NTRK1 fusion")
    assert q.key == "NTRK" and q.genes == ("NTRK1",) and "NTRK" in q.search_terms
    idh1 = resolve_target("IDH1")
    assert "ivosidenib" in idh1.drugs and "enasidenib" not in idh1.drugs
    assert "enasidenib" in resolve_target("IDH2").drugs


def test_variant_restricted_drugs_follow_the_variant():
    assert "sotorasib" in resolve_target("KRAS G12C").drugs
    g12d = resolve_target("KRAS G12D")
    assert {e.drug: e.effect for e in g12d.variant_effects}.get("sotorasib") == "not active"  # listed, flagged
    assert "divarasib" not in g12d.drugs
    # first-generation BRAF inhibitors are for V600 mutations; for a fusion they are kept, flagged (paradoxical
    # activation), never offered as if they worked
    assert "vemurafenib" in resolve_target("BRAF V600E").drugs
    fusion = resolve_target("BRAF fusion")
    assert {e.drug: e.effect for e in fusion.variant_effects}["vemurafenib"] == "paradoxical activation"
    # a bare KRAS offers no G12C-only drug, and says which were left out
    assert "sotorasib" not in resolve_target("KRAS").drugs and "sotorasib" in resolve_target("KRAS").variant_only_drugs
    assert "tovorafenib" in resolve_target("KIAA1549-BRAF").drugs


@pytest.mark.parametrize("text,key,variant", [
    ("alk", "ALK", None), ("ALK F1174L", "ALK", "F1174L"), ("EML4-ALK", "ALK", "fusion"),
    ("ALK-positive", "ALK", "positive"), ("BCR-ABL1", "ABL1", "fusion"), ("Philadelphia chromosome", "ABL1", "fusion"),
    ("HER2", "ERBB2", None), ("KMT2A-rearranged", "KMT2A", "fusion"), ("menin", "KMT2A", None),
    ("FLT3-ITD", "FLT3", "ITD"), ("EGFR exon 20 insertion", "EGFR", "exon 20 insertion"), ("B7H3", "B7-H3", None),
    ("  braf   v600e ", "BRAF", "V600E"), ("KRAS p.G12C", "KRAS", "G12C"),
])
def test_what_people_type(text, key, variant):
    q = resolve_target(text)
    assert (q.key, q.variant) == (key, variant)


def test_point_mutation_phrases_include_codon_and_three_letter_forms():
    q = resolve_target("KRAS G12C")
    assert {"G12C", "p.G12C", "G12", "Gly12Cys"} <= set(q.variant_phrases)


@pytest.mark.parametrize("text,suggested", [("ALKK", "ALK"), ("BRAFF", "BRAF"), ("EGRF", "EGFR"), ("NTRK4", "NTRK")])
def test_unknown_target_is_one_line_with_the_nearest_known_targets(text, suggested):
    with pytest.raises(InvalidInput) as err:
        resolve_target(text)
    message = str(err.value)
    assert "\n" not in message and "unknown target" in message and suggested in message.split("did you mean")[1]


@pytest.mark.parametrize("text", ["", "   ", "ALK negative", "BRAF wild-type", "BRAF banana"])
def test_unusable_targets_are_invalid_input(text):
    with pytest.raises(InvalidInput):
        resolve_target(text)


def test_target_query_is_frozen():
    q = resolve_target("ALK")
    with pytest.raises(Exception):
        q.key = "ROS1"  # type: ignore[misc]


def test_hras_resolves_with_its_source_and_the_ras_family():
    q = resolve_target("HRAS")
    assert q.genes == ("HRAS",) and "ncbi.nlm.nih.gov/gene/3265" in q.source
    assert q.family_names == ("RAS",) and "RAS" in q.search_terms


def test_a_numbered_gene_is_also_searched_where_its_family_range_starts():
    assert "NTRK1" in resolve_target("NTRK3").search_terms and "NTRK2" in resolve_target("NTRK3").search_terms
    assert "FGFR1" in resolve_target("FGFR4").search_terms
    assert resolve_target("ALK").family_names == ()


def test_a_gene_glued_to_its_listed_protein_changes_is_searched_as_one_word():
    """"KRASG12D" is one token to a full-text search; the matcher reads the gene and the change apart."""
    kras = resolve_target("KRAS").search_terms
    assert {"KRASG12C", "KRASG12D", "KRASG13D"} <= set(kras)
    assert "KRASG12C" in resolve_target("KRAS G12C").search_terms
    assert "BRAFV600E" in resolve_target("BRAF").search_terms
    assert "H3-3AK27M" not in resolve_target("H3 K27M").search_terms  # a symbol with a hyphen is not glued
    assert resolve_target("ROS1").search_terms == resolve_target("ROS1 fusion").search_terms
    assert not any(t.startswith("ROS1") and t[4:5].isalpha() for t in resolve_target("ROS1").search_terms)


def test_msi_h_is_read_under_its_own_name():
    assert "MSI-H" in resolve_target("MSI-H").aliases
