"""The condition vocabulary: resolution, narrower types and the phrases retrieval searches."""
from __future__ import annotations

import pytest

from trialfind.core.spec import tokens
from trialfind.knowledge.conditions import find_concept, normal_words, search_phrases, vocabulary


@pytest.mark.parametrize("typed, key", [
    ("AML", "acute myeloid leukemia"), ("acute myeloid leukaemia", "acute myeloid leukemia"),
    ("Acute Myeloid Leukemias", "acute myeloid leukemia"), ("ALL", "acute lymphoblastic leukemia"),
    ("JMML", "juvenile myelomonocytic leukemia"), ("DIPG", "diffuse midline glioma"),
    ("ATRT", "atypical teratoid rhabdoid tumor"), ("MPNST", "malignant peripheral nerve sheath tumor"),
    ("NB", "neuroblastoma"), ("RMS", "rhabdomyosarcoma"), ("Wilms' tumour", "Wilms tumor"),
    ("Ewing's sarcoma", "Ewing sarcoma"), ("CML", "chronic myeloid leukemia"), ("DMG", "diffuse midline glioma"),
])
def test_names_abbreviations_spellings_and_plurals_resolve(typed, key):
    assert find_concept(typed).key == key


def test_gene_names_are_not_diseases():
    assert find_concept("anaplastic lymphoma kinase") is None
    assert "anaplastic lymphoma kinase" in vocabulary().concepts


def test_search_phrases_spell_every_variant_for_retrieval():
    phrases = {" ".join(tokens(p)) for p in search_phrases("AML")}
    assert {"aml", "acute myeloid leukemia", "acute myeloid leukaemia", "acute myeloid leukemias",
            "acute promyelocytic leukemia", "leukemia myeloid acute"} <= phrases
    assert search_phrases("AML")[0] == "AML"
    assert {" ".join(tokens(p)) for p in search_phrases("acute myeloid leukaemia")} == phrases
    wilms = {" ".join(tokens(p)) for p in search_phrases("Wilms tumour")}
    assert {"wilms tumor", "wilms tumour", "nephroblastoma"} <= wilms
    assert search_phrases("an unlisted disease") == ("an unlisted disease", "an unlisted diseases")


def test_narrower_types_sit_under_their_parent():
    narrower = {c.key for c in vocabulary().narrower("acute lymphoblastic leukemia")}
    assert {"acute lymphoblastic leukemia", "B-cell acute lymphoblastic leukemia",
            "T-cell acute lymphoblastic leukemia"} == narrower
    assert "glioblastoma" in {c.key for c in vocabulary().narrower("glioma")}
    assert normal_words("Leukaemias, Tumours") == ("leukemia", "tumor")
