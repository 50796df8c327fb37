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
