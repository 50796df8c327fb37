"""Condition matching: exact words, synonyms, MeSH terms and categories, keywords, pinned fuzzy spelling."""
from __future__ import annotations

import pytest

from tests.shared_data import real_records
from trialfind.core.study import Study, parse_study
from trialfind.match import conditions
from trialfind.match.conditions import FUZZY_THRESHOLD, match_condition


def synthetic_study(**fields) -> Study:
    return Study(nct_id="NCT00000001", brief_title=fields.pop("brief_title", "A synthetic study"), **fields)


@pytest.mark.parametrize("query, condition", [
    ("glioma", "Pediatric Low-Grade Glioma"),
    ("low grade glioma", "Low-Grade Glioma"),
    ("GLIOMA", "glioma, childhood"),
    ("gliomas", "Glioma"),
    ("neuroblastoma", "Neuroblastomas"),
    ("Ewing sarcoma", "Ewing's Sarcoma"),
    ("leukaemia", "Acute Myeloid Leukemia"),
    ("brain tumour", "Brain Tumor"),
])
def test_exact_whole_words_ignore_case_punctuation_spelling_and_plural(query, condition):
    match = match_condition(query, synthetic_study(conditions=(condition,)))
    assert match.strength == "exact"
    assert match.direct
    assert condition in match.reason and query in match.reason


def test_reason_reads_as_plain_words():
    match = match_condition("glioma", synthetic_study(conditions=("Low-grade Glioma",)))
    assert match.reason == "condition 'glioma' is listed: Low-grade Glioma"


@pytest.mark.parametrize("query, condition", [
    ("glioma", "Gliomatosis Cerebri"),  # part of a word is not the word
    ("lymphoma", "Lymphomatoid Papulosis"),
    ("sarcoma", "Carcinosarcoma"),
])
def test_part_of_a_word_is_not_an_exact_match(query, condition):
    assert match_condition(query, synthetic_study(conditions=(condition,))).strength != "exact"


@pytest.mark.parametrize("query, condition", [
    ("ALL", "B-ALL"),
    ("ALL", "Childhood Acute Lymphoblastic Leukemia"),
    ("acute lymphoblastic leukemia", "T-ALL"),
    ("DIPG", "Diffuse Intrinsic Pontine Glioma"),
    ("diffuse intrinsic pontine glioma", "DIPG"),
    ("AML", "Acute Myeloid Leukaemia"),
    ("Wilms tumour", "Nephroblastoma"),
    ("dipg", "DIPG"),
])
def test_synonym_table(query, condition):
    match = match_condition(query, synthetic_study(conditions=(condition,)))
    assert match.strength == "exact", match


def test_abbreviation_does_not_match_the_english_word():
    study = synthetic_study(conditions=("All Solid Tumors",), keywords=("all comers",))
    assert match_condition("ALL", study).strength == "none"
    assert match_condition("all", study).strength == "none"


def test_qualifiers_are_left_to_the_study_team():
    match = match_condition("relapsed or refractory neuroblastoma", synthetic_study(conditions=("Neuroblastoma",)))
    assert match.strength == "exact"
    assert "relapsed" in match.reason and "study team" in match.reason
    staged = match_condition("stage 4 neuroblastoma", synthetic_study(conditions=("Neuroblastoma",)))
    assert staged.strength == "exact"


def test_mesh_term_then_mesh_category_then_keyword_then_title():
    mesh = synthetic_study(conditions=("Brain stem tumour",), condition_mesh_terms=("Glioma",))
    assert match_condition("glioma", mesh).strength == "mesh"
    assert match_condition("glioma", mesh).direct
    # (Ependymoma is a glioma in the vocabulary since issue 10: a narrower type counts directly.)
    broader = synthetic_study(conditions=("Oligodendroglioma",), condition_mesh_terms=("Oligodendroglioma",),
                              condition_mesh_ancestors=("Glioma", "Neoplasms, Neuroepithelial"))
    result = match_condition("glioma", broader)
    assert result.strength == "broader" and not result.direct
    assert "Oligodendroglioma" in result.reason and "check" in result.reason
    # The record's own title and keywords are direct evidence (issue 10); a MeSH category is not.
    keyword = synthetic_study(conditions=("CNS Tumor",), keywords=("glioma",))
    assert match_condition("glioma", keyword).strength == "exact"
    assert match_condition("glioma", keyword).field == "keyword"
    title = synthetic_study(brief_title="Radiotherapy for Glioma in Children", conditions=("CNS Tumor",))
    result = match_condition("glioma", title)
    assert result.strength == "exact" and result.field == "title" and result.direct


def test_exact_wins_over_weaker_evidence():
    study = synthetic_study(conditions=("Glioma",), keywords=("glioma",), condition_mesh_ancestors=("Glioma",))
    assert match_condition("glioma", study).strength == "exact"


def test_fuzzy_threshold_is_pinned():
    assert FUZZY_THRESHOLD == 90.0
    assert conditions.FUZZY_MIN_WORD == 5


@pytest.mark.parametrize("query, condition", [
    ("medulloblastma", "Medulloblastoma"),  # 96.6
    ("neuroblastomma", "Neuroblastoma"),
    ("rhabdomyosarcomma", "Rhabdomyosarcoma"),
    ("glima", "Glioma"),  # 90.9: just over the threshold
])
def test_typos_are_fuzzy_matches_never_direct(query, condition):
    match = match_condition(query, synthetic_study(conditions=(condition,)))
    assert match.strength == "fuzzy", match
    assert not match.direct
    assert match.fuzzy_score >= FUZZY_THRESHOLD
    assert "close in spelling" in match.reason


@pytest.mark.parametrize("query, condition", [
    ("neuroblastoma", "Nephroblastoma"),  # 88.9: a different childhood cancer
    ("nephroblastoma", "Neuroblastoma"),
    ("myeloma", "Melanoma"),  # 80
    ("retinoblastoma", "Neuroblastoma"),
    ("B-cell lymphoma", "T-cell Lymphoma"),  # short words must be spelled exactly
    ("low grade glioma", "High Grade Glioma"),
])
def test_near_names_of_other_diseases_do_not_match(query, condition):
    assert match_condition(query, synthetic_study(conditions=(condition,))).strength == "none"


def test_no_match_says_so():
    match = match_condition("osteosarcoma", synthetic_study(conditions=("Asthma",)))
    assert not match.found and match.strength == "none"
    assert "does not list 'osteosarcoma'" in match.reason


@pytest.mark.parametrize("word", ["neuroblastoma", "medulloblastoma", "glioma", "osteosarcoma", "leukemia"])
def test_every_real_record_listing_the_word_matches_exactly(word):
    """Independent check over the real records: a listed condition containing the word as a word."""
    import re

    pattern = re.compile(rf"\b{word}s?\b", re.IGNORECASE)
    listed = [parse_study(r) for r in real_records()
              if any(pattern.search(c) for c in r["protocolSection"].get("conditionsModule", {}).get("conditions", []))]
    assert listed, f"no real record lists {word}"
    for study in listed:
        assert match_condition(word, study).strength == "exact", study.nct_id


def test_synthetic_a_disease_inside_another_disease_or_gene_name_is_not_it():
    all_trial = synthetic_study(conditions=("Leukemia",),
                                condition_mesh_terms=("Precursor Cell Lymphoblastic Leukemia-Lymphoma",),
                                condition_mesh_ancestors=("Lymphoma, Non-Hodgkin", "Lymphoma"))
    lymphoma = match_condition("lymphoma", all_trial)
    assert lymphoma.strength == "broader" and not lymphoma.direct  # only the MeSH category
    assert match_condition("ALL", all_trial).strength == "mesh"
    alk_title = synthetic_study(brief_title="Brigatinib in Anaplastic Lymphoma Kinase Positive NSCLC")
    assert match_condition("lymphoma", alk_title).strength == "none"
    lbl = synthetic_study(conditions=("T-lymphoblastic Lymphoma",))
    assert match_condition("lymphoma", lbl).direct


@pytest.mark.parametrize("query, condition", [
    ("acute lymphoblastic leukemia", "B-cell Acute Lymphoblastic Leukemia"),  # a narrower type
    ("ALL", "Precursor B-Cell Lymphoblastic Leukemia-Lymphoma"),
    ("glioma", "Diffuse Intrinsic Pontine Glioma"),
    ("AML", "Acute Promyelocytic Leukaemia"),
    ("lymphoma", "Hodgkin Disease"),
    ("DIPG", "Diffuse Midline Glioma, H3 K27-altered"),
])
def test_synthetic_narrower_types_count_directly(query, condition):
    assert match_condition(query, synthetic_study(conditions=(condition,))).direct


def test_synthetic_inclusion_text_is_direct_unless_negated_excluded_or_unsplit():
    named = synthetic_study(conditions=("Hematologic Malignancies",),
                            inclusion_criteria="* Relapsed acute myeloid leukaemia (AML) in CR2")
    result = match_condition("AML", named)
    assert result.strength == "exact" and result.field == "inclusion criteria"
    for text in ("* No history of AML", "* Patients with AML are excluded"):
        study = synthetic_study(conditions=("Hematologic Malignancies",), inclusion_criteria=text)
        assert not match_condition("AML", study).direct, text
    unsplit = synthetic_study(conditions=("Cancer",), inclusion_criteria="* Relapsed AML", criteria_unsplit=True)
    assert match_condition("AML", unsplit).strength == "criteria"
    assert not match_condition("AML", unsplit).direct


@pytest.mark.parametrize("text", ["* Candidates who satisfy ALL of the following criteria",
                                  "* Participants with RMS, PPMS or NRSPMS"])
def test_synthetic_ambiguous_abbreviations_need_a_cancer_word(text):
    study = synthetic_study(conditions=("Other",), inclusion_criteria=text)
    assert match_condition("ALL", study).strength == "none"
    assert match_condition("RMS", study).strength == "none"
    leukaemia = synthetic_study(conditions=("Other",), inclusion_criteria="* ALL in first relapse")
    assert match_condition("ALL", leukaemia).direct


def test_every_vocabulary_row_has_a_source():
    from trialfind.knowledge.conditions import vocabulary

    vocab = vocabulary()
    assert len(vocab.concepts) >= 40
    for concept in vocab.concepts.values():
        assert concept.source and concept.names, concept.key
        assert concept.parent is None or concept.parent in vocab.concepts, concept.key
