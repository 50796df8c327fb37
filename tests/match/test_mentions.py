"""Target mentions: where they count, negation, exclusion criteria, short symbols, variants, drugs."""
from __future__ import annotations

import re

import pytest

from tests.shared_data import real_records
from trialfind.core.study import Intervention, Study, parse_study
from trialfind.match.mentions import find_mentions, scan


def synthetic_study(**fields) -> Study:
    return Study(nct_id="NCT00000002", brief_title=fields.pop("brief_title", "A synthetic study"), **fields)


def judge(study, gene, variant=None, **kw):
    label = f"{gene} {variant}" if variant else gene
    return find_mentions(study, label=label, genes=[gene], variant=variant, **kw)


@pytest.mark.parametrize("fields", [
    {"brief_title": "Lorlatinib for ALK-positive Neuroblastoma"},
    {"conditions": ("ALK Gene Mutation",)},
    {"keywords": ("ALK",)},
    {"inclusion_criteria": "* Tumour must have an ALK mutation or amplification"},
])
def test_positive_mention_in_each_evidence_field(fields):
    result = judge(synthetic_study(**fields), "ALK")
    assert result.strength == "direct"
    best = result.best_mention
    assert best.field in ("title", "condition", "keyword", "inclusion criteria")
    assert "ALK" in best.snippet and "ALK" in result.reason


def test_exclusion_criteria_only_is_not_a_match_and_says_so():
    study = synthetic_study(inclusion_criteria="* Age 1 to 21 years", exclusion_criteria="* Known ALK rearrangement")
    result = judge(study, "ALK")
    assert result.strength == "none" and not result.found
    assert result.reason.startswith("ALK is mentioned only in the exclusion criteria")
    assert [m.field for m in result.mentions] == ["exclusion criteria"]


def test_exclusion_mention_is_a_note_when_inclusion_names_the_gene():
    study = synthetic_study(inclusion_criteria="* ALK-positive tumour",
                            exclusion_criteria="* Prior ALK inhibitor therapy")
    result = judge(study, "ALK")
    assert result.strength == "direct"
    assert any("exclusion criteria" in note for note in result.notes)


@pytest.mark.parametrize("gene, text", [
    ("ALK", "ALK-negative tumours only"),
    ("ALK", "Tumour is ALK negative by IHC"),
    ("BRAF", "No known BRAF mutation"),
    ("BRAF", "Patients without BRAF mutation"),
    ("BRAF", "BRAF wild-type melanoma"),
    ("EGFR", "Tumor not harbouring an EGFR mutation"),
    ("EGFR", "EGFR-negative disease"),
    ("NTRK1", "absence of NTRK1 fusion"),
    ("HER2", "ER-positive/HER2- breast cancer"),
    ("HER2", "HER2(-) disease"),
    ("ALK", "negative ALK fusion gene"),
    ("ALK", "EGFR, ALK and ROS1 gene test results are all negative"),
    ("ALK", "Patients must not have EGFR sensitizing mutations, EGFR T790M mutation, ALK gene fusion"),
    ("ALK", "Patient with wild type EGFR and ALK"),
])
def test_negated_mentions_are_not_matches(gene, text):
    result = judge(synthetic_study(inclusion_criteria=text), gene)
    assert result.strength == "none", result.reason
    assert "absent or negative" in result.reason
    assert all(m.negated for m in result.mentions)


@pytest.mark.parametrize("gene, text", [
    ("ALK", "ALK-positive or ALK-mutated neuroblastoma"),
    ("EGFR", "Non-small cell lung cancer with EGFR mutation"),
    ("BRAF", "BRAF V600E mutation, or BRAF wild-type with NF1 loss"),
])
def test_positive_statements_near_negation_words_still_count(gene, text):
    assert judge(synthetic_study(inclusion_criteria=text), gene).strength == "direct"


@pytest.mark.parametrize("gene, text", [
    ("ALK", "Alkaline phosphatase < 2.5 x ULN"),
    ("ALK", "Patients must be able to talk"),
    ("RET", "Retinoblastoma"),
    ("RET", "Participants must return for follow-up"),
    ("KIT", "Test kit supplied by the sponsor"),
    ("MET", "All criteria met at screening"),
    ("MET", "Patients treated with metformin (MET) or SU/MET"),
    ("EGFR", "eGFR \\<45 mL/min/1.73 m2"),
    ("EGFR", "EGFR >= 60 ml/min"),
    ("TRKA", "NGF, TrKA, p75NTR in men"),
])
def test_short_symbols_need_capitals_or_a_gene_word_and_whole_words(gene, text):
    study = synthetic_study(inclusion_criteria=text, brief_title=text)
    assert scan(study, genes=[gene]) == [], text


@pytest.mark.parametrize("gene, text", [
    ("RET", "RET fusion-positive solid tumours"),
    ("RET", "ret fusion positive"),
    ("RET", "Selpercatinib in RET-altered cancers"),
    ("KIT", "Kit-mutant gastrointestinal stromal tumour"),
    ("MET", "MET exon 14 skipping"),
    ("ALK", "ALK"),
])
def test_short_symbols_with_capitals_or_gene_words_count(gene, text):
    assert judge(synthetic_study(brief_title=text), gene).strength == "direct", text


def test_prior_targeted_therapy_is_history_not_a_requirement():
    # Was "direct" before issue 10: the gene named only as a past treatment is not a requirement.
    result = judge(synthetic_study(inclusion_criteria="Progression after no more than one prior ALK inhibitor"), "ALK")
    assert result.strength == "none"
    assert "prior therapy" in result.reason


def test_variant_yes_no_unknown():
    yes = judge(synthetic_study(inclusion_criteria="BRAF V600E mutation confirmed"), "BRAF", "V600E")
    assert yes.strength == "direct" and yes.best_mention.variant == "yes"
    glued = judge(synthetic_study(inclusion_criteria="BRAFV600E tumours"), "BRAF", "V600E")
    assert glued.strength == "direct"
    other = judge(synthetic_study(inclusion_criteria="BRAF V600K mutation confirmed"), "BRAF", "V600E")
    assert other.strength == "none" and "other alterations" in other.reason
    assert other.mentions[0].variant == "no"
    unknown = judge(synthetic_study(inclusion_criteria="BRAF-altered low grade glioma"), "BRAF", "V600E")
    assert unknown.strength == "indirect" and unknown.mentions[0].variant == "unknown"
    assert "check the child's alteration" in unknown.reason
    not_ours = judge(synthetic_study(inclusion_criteria="any KRAS mutation other than G12C"), "KRAS", "G12C")
    assert not_ours.strength == "none"
    no_variant_asked = judge(synthetic_study(inclusion_criteria="BRAF V600K"), "BRAF")
    assert no_variant_asked.strength == "direct" and no_variant_asked.best_mention.variant is None


def test_variant_phrase_lists_are_used():
    study = synthetic_study(inclusion_criteria="Tumour with an ETV6-NTRK3 gene rearrangement")
    result = find_mentions(study, label="NTRK fusion", genes=["NTRK1", "NTRK2", "NTRK3"], variant="fusion",
                           variant_phrases=["fusion", "rearrangement", "ETV6-NTRK3"])
    assert result.strength == "direct"


def test_drug_given_is_indirect_evidence_and_drug_history_is_not():
    given = synthetic_study(interventions=(Intervention("DRUG", "Crizotinib", ("PF-02341066", "Xalkori")),))
    result = find_mentions(given, label="ALK", genes=["ALK"], drug_names=["crizotinib", "Xalkori"])
    assert result.strength == "indirect"
    assert "gives Crizotinib" in result.reason or "gives crizotinib" in result.reason
    history = synthetic_study(inclusion_criteria="Prior treatment with crizotinib is allowed")
    assert find_mentions(history, label="ALK", genes=["ALK"], drug_names=["crizotinib"]).strength == "none"


def test_tests_to_be_done_are_not_requirements():
    result = judge(synthetic_study(keywords=("EGFR, ALK and ROS1 testing",)), "ALK")
    assert result.strength == "none"
    assert "test to be done" in result.reason


def test_no_mention_at_all():
    result = judge(synthetic_study(inclusion_criteria="Age 1-21"), "ALK")
    assert result.strength == "none" and result.reason == "the study does not mention ALK"


def _records_with(pattern: str):
    regex = re.compile(pattern)
    for record in real_records():
        study = parse_study(record)
        text = " ".join(filter(None, [study.brief_title, study.official_title, *study.conditions, *study.keywords,
                                      study.inclusion_criteria or ""]))
        yield study, text, regex


def test_real_records_retinoblastoma_and_alkaline_are_not_ret_or_alk():
    """Over every real record: when RET/ALK never appears in capitals as a word, no mention is found."""
    checked = 0
    for gene, word in (("RET", "retinoblastoma"), ("ALK", "alkaline")):
        for study, text, _ in _records_with(word):
            if word not in text.lower():
                continue
            if re.search(rf"(?<![A-Za-z0-9]){gene}(?![A-Za-z0-9])", text):
                continue
            if re.search(rf"(?<![A-Za-z0-9]){gene}[\s-]*(?:fusion|mutat|alter|rearrang|gene)", text, re.I):
                continue
            checked += 1
            found = [m for m in scan(study, genes=[gene]) if m.field != "exclusion criteria"]
            assert found == [], (study.nct_id, found)
    assert checked >= 5
