"""The negation and context grammar over our own sentence table (issue 18 item 2)."""
from __future__ import annotations

from collections import Counter

import pytest

from tests.factories import make_record
from tests.match.negation_cases import NEGATION_CASES
from trialfind.core.study import Intervention, Study, parse_study
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.match.mentions import find_mentions
from trialfind.match.negation import clause_bounds
from trialfind.sources.memory import MemorySource
from trialfind.trials import find_trials, target_evidence


def synthetic_study(inclusion: str, **fields) -> Study:
    return Study(nct_id="NCT00000009", brief_title="A synthetic study", inclusion_criteria=inclusion, **fields)


@pytest.mark.parametrize("rule, gene, sentence, expected", NEGATION_CASES,
                         ids=[f"{r}:{g}:{s[:30]}" for r, g, s, _ in NEGATION_CASES])
def test_synthetic_sentence_table(rule, gene, sentence, expected):
    result = find_mentions(synthetic_study(f"* Age 1-21 years\n* {sentence}"), label=gene, genes=[gene])
    assert result.strength == expected, result.reason


def test_every_rule_has_negated_and_positive_forms():
    forms = Counter((rule, expected) for rule, _, _, expected in NEGATION_CASES)
    rules = {rule for rule, *_ in NEGATION_CASES}
    for rule in rules:
        assert forms[(rule, "none")] >= 1 and forms[(rule, "direct")] >= 1, rule
        assert forms[(rule, "none")] + forms[(rule, "direct")] >= 3, rule


def test_synthetic_the_same_sentences_end_to_end_through_the_record_parser():
    """A v2 record carrying the sentence under a heading, parsed and judged like any study."""
    agree = 0
    for _rule, gene, sentence, expected in NEGATION_CASES:
        record = {"protocolSection": {"identificationModule": {"nctId": "NCT00000009", "briefTitle": "A study"},
                                      "eligibilityModule": {"eligibilityCriteria":
                                                            f"Inclusion Criteria: {sentence}\n\nExclusion Criteria:\n* Pregnancy"}}}
        result = find_mentions(parse_study(record), label=gene, genes=[gene])
        agree += result.strength == expected
    assert agree / len(NEGATION_CASES) >= 0.95


@pytest.mark.parametrize("text, inside", [
    ("HER2 FISH ratio 1.3, not amplified. Next sentence", "not amplified"),
    ("ALK (e.g. by IHC) negative. Next", "negative"),
    ("ALK approx. 5 percent vs. none; other", "vs. none"),
])
def test_synthetic_decimals_and_abbreviations_do_not_end_a_clause(text, inside):
    left, right = clause_bounds(text, 0, 3)
    assert inside in text[left:right] and "Next" not in text[left:right] and "other" not in text[left:right]


def test_synthetic_drug_reasons_name_what_was_found():
    history = synthetic_study("* No prior osimertinib therapy allowed")
    result = find_mentions(history, label="EGFR", genes=["EGFR"], drug_names=["osimertinib"])
    assert result.strength == "none"
    assert result.reason.startswith("osimertinib is mentioned only as excluded prior therapy")
    given = Study(nct_id="NCT00000009", brief_title="A study",
                  interventions=(Intervention("DRUG", "Osimertinib"),))
    only_drug = find_mentions(given, label="EGFR", genes=["EGFR"], drug_names=["osimertinib"])
    assert only_drug.strength == "indirect"  # a drug alone never gives "yes"


def test_synthetic_unsplit_criteria_are_never_direct():
    record = {"protocolSection": {"identificationModule": {"nctId": "NCT00000009", "briefTitle": "A study"},
                                  "eligibilityModule": {"eligibilityCriteria": "* ALK-positive neuroblastoma"}}}
    result = find_mentions(parse_study(record), label="ALK", genes=["ALK"])
    assert result.strength == "indirect" and "no inclusion/exclusion headings" in result.reason


# Regression cases from the dev half of the other projects' table (issue 18; bench/eligibility_agreement.py).

@pytest.mark.parametrize("gene, sentence, expected", [
    ("NTRK2", "Documented genetic ROS1 point mutation, fusion, or amplification or NTRK1-3 fusion", "direct"),
    ("NTRK3", "Documented NTRK1-3 fusion", "direct"),
    ("NTRK2", "NTRK1/2/3 gene fusion detected by NGS", "direct"),
    ("NTRK2", "NTRK1 fusion-positive solid tumour", "none"),
    ("FGFR4", "FGFR1-3 alteration", "none"),
    ("NTRK2", "No NTRK1-3 fusion", "none"),
])
def test_synthetic_a_family_range_names_each_member(gene, sentence, expected):
    assert find_mentions(synthetic_study(f"* {sentence}"), label=gene, genes=[gene]).strength == expected


@pytest.mark.parametrize("sentence, expected", [
    ("that harbors an ALK, ROS1, NTRK1, NTRK2, or NTRK3 gene rearrangement by protocol specified tests", "direct"),
    ("NTRK3 fusion per local testing", "direct"),
    ("NTRK3 testing", "none"),
    ("ALK, ROS1 and NTRK3 test results must be available", "none"),
])
def test_synthetic_a_finding_with_its_method_is_not_a_test_to_be_done(sentence, expected):
    assert find_mentions(synthetic_study(f"* {sentence}"), label="NTRK3", genes=["NTRK3"]).strength == expected


@pytest.mark.parametrize("sentence, expected", [
    ("patients who have MET the criteria", "none"),
    ("Participants who MET all eligibility criteria at screening", "none"),
    ("MET exon 14 skipping alterations", "direct"),
    ("MET amplification confirmed by FISH", "direct"),
])
def test_synthetic_met_the_verb_is_not_the_gene(sentence, expected):
    assert find_mentions(synthetic_study(f"* {sentence}"), label="MET", genes=["MET"]).strength == expected


@pytest.mark.parametrize("gene, sentence, expected", [
    ("CD274", "EGFR mutation positive NSCLC with PD-L1 ≥1%.", "direct"),
    ("CD274", "PD-L1 TPS ≥ 50%", "direct"),
    ("EGFR", "eGFR < 45 mL/min", "none"),
    ("EGFR", "eGFR ≥ 60 mL/min/1.73 m2", "none"),
])
def test_synthetic_an_expression_share_is_not_a_lab_value(gene, sentence, expected):
    genes = [gene, "PD-L1"] if gene == "CD274" else [gene]
    assert find_mentions(synthetic_study(f"* {sentence}"), label=gene, genes=genes).strength == expected


# Through the target table, as `find_trials --target` reads (issue 18, batch 5's rules in general).

@pytest.mark.parametrize("target, sentence, expected", [
    ("MSI-H", "MSI-H required", "direct"),
    ("MSI-H", "Solid tumour, MSI-H", "direct"),
    ("MSI-H", "MSI-H or TMB-high solid tumour", "direct"),
    ("MSI-H", "MSI-H-negative disease", "none"),
    ("MSI-H", "Documented non-MSI-H colorectal cancer", "none"),
    ("MSI-H", "Tumour must not be MSI-H", "none"),
    ("MSI-H", "MSS (not MSI-H) colorectal cancer", "none"),
    ("MSI-H", "Documented not to have MSI-H or dMMR colorectal cancer", "none"),
    ("MSI-H", "Shown not to have microsatellite instability-high (MSI-high) or mismatch repair deficient (dMMR)",
     "none"),
    ("MSI-H", "Shown to have microsatellite instability-high (MSI-high) or mismatch repair deficient (dMMR) tumours",
     "direct"),
    ("MSI-H", "Tumour must have been assessed for MSI-H status", "none"),
    ("KRAS G12C", "Documented KRASG12C mutation", "direct"),
    ("KRAS G12C", "Subject has KrasG12C mutation", "direct"),
    ("KRAS G12C", "Tumour with a KRasG12D mutation", "none"),
    ("KRAS G12C", "No KRasG12C mutation", "none"),
    ("BRAF V600E", "BRafV600E-mutant glioma", "direct"),
    ("BRAF V600E", "BRafV600K-mutant glioma", "none"),
])
def test_synthetic_target_table_reads_bare_statuses_and_glued_changes(target, sentence, expected):
    found = target_evidence(synthetic_study(f"* Age 1-21 years\n* {sentence}"), [resolve_target(target)])
    assert found.strength == expected, found.reason


@pytest.mark.parametrize("target, sentence", [
    ("KRAS", "Documented KRasG12D mutation"),
    ("KRAS G12C", "Subject has KRasG12C-mutant tumour"),
    ("BRAF", "Glioma with BRafV600E"),
])
def test_synthetic_a_gene_glued_to_its_change_is_retrieved_and_listed(target, sentence):
    """One word to a full-text search ("krasg12d"), so the glued spelling must be searched for."""
    criteria = f"Inclusion Criteria:\n\n* {sentence}\n\nExclusion Criteria:\n\n* Pregnancy"
    source = MemorySource([make_record("NCT90000001", title="A synthetic study", min_age=None, criteria=criteria)])
    found = find_trials(target=target, age=10, source=source)
    assert [m.nct_id for m in found] == ["NCT90000001"]
    assert any(e.direct for e in found[0].target_evidence)


def _listed(target: str, sentence: str) -> str:
    """direct | listed | not listed: find_trials over one synthetic record, searched as any source would."""
    criteria = f"Inclusion Criteria:\n\n* {sentence}\n\nExclusion Criteria:\n\n* Pregnancy"
    source = MemorySource([make_record("NCT90000001", title="A synthetic study", min_age=None, criteria=criteria)])
    found = find_trials(target=target, age=10, source=source)
    if not found:
        return "not listed"
    return "direct" if any(e.direct for e in found[0].target_evidence) else "listed"


@pytest.mark.parametrize("target, sentence, expected", [
    ("FGFR", "Solid tumour with FGFR 1-3 alterations, including but not limited to amplification", "direct"),
    ("FGFR2", "Cholangiocarcinoma with an FGFR 1/2/3 fusion", "direct"),
    ("IDH2", "Glioma with an IDH 1/2 mutation", "direct"),
    ("NTRK3", "Sarcoma with an NTRK 1-3 gene fusion", "direct"),
    # MAP2K is no search term of MEK: "MAP2K 1/2" is found only through the spaced range's start, "MAP2K 1"
    ("MEK", "Low-grade glioma with a MAP2K 1/2 mutation", "direct"),
    ("FGFR4", "Tumour with FGFR 1-3 amplification", "not listed"),
    ("FGFR", "No FGFR 1-3 alterations", "not listed"),
])
def test_synthetic_a_spaced_family_range_is_retrieved_and_names_its_members(target, sentence, expected):
    """"FGFR 1-3" is the words FGFR, 1, 3 to a full-text search: the record must be fetched (the family's
    stem, or the stem and its first number, is searched) and the range read as naming FGFR1 to FGFR3."""
    assert _listed(target, sentence) == expected


def test_a_numbered_gene_whose_stem_is_not_searched_is_searched_where_a_spaced_range_starts():
    assert {"MAP2K 1", "MAP2K 2"} <= set(resolve_target("MAP2K2").search_terms)
    assert "ERBB 2" in resolve_target("ERBB2").search_terms
    # the stem is already a search term: it finds every spaced range
    assert not any(t.startswith("FGFR ") for t in resolve_target("FGFR2").search_terms)
    assert not any(t.startswith("IDH ") for t in resolve_target("IDH2").search_terms)


@pytest.mark.parametrize("target, sentence, expected", [
    ("EGFR", "Tumour with EGFR C797 but not EGFR C797S mutation", "direct"),
    ("EGFR C797S", "Tumour with EGFR C797 but not EGFR C797S mutation", "not listed"),
    ("EGFR T790M", "EGFR exon 19 deletion but not EGFR T790M mutation", "not listed"),
    ("EGFR C797S", "Tumour with an EGFR C797 mutation", "direct"),
    ("BRAF V600E", "BRAF V600 but not BRAF V600K", "direct"),
])
def test_synthetic_but_not_denies_only_the_later_mention(target, sentence, expected):
    """A codon stated ("C797") does not cover the change denied at it ("but not C797S")."""
    assert _listed(target, sentence) == expected


@pytest.mark.parametrize("target, sentence, expected", [
    ("NTRK", "Solid tumour harbouring an NTRK、ROS1 or ALK fusion", "direct"),
    ("ALK", "Tumour with a ROS1、ALK or RET fusion", "direct"),
    ("EGFR", "Documented EGFR–mutant NSCLC", "direct"),  # an en dash
    ("ROS1", "ALK，ROS1 or NTRK rearrangement", "direct"),
    ("NTRK", "Tumour without ALK、ROS1 or NTRK fusion", "not listed"),
    ("ALK", "ROS1、NTRK or RET fusion；ALK fusion excluded", "not listed"),
])
def test_synthetic_genes_separated_by_cjk_or_full_width_punctuation_are_retrieved(target, sentence, expected):
    """A full-text search drops "、" (it has no ASCII form), which glued "NTRK、ROS1" into one word: the
    record was never fetched. Punctuation without an ASCII form now separates words."""
    assert _listed(target, sentence) == expected


@pytest.mark.parametrize("target, sentence, expected", [
    ("FGFR", "Hormone receptor-positive (IHC > 0%) breast cancer with FGFR amplification.", "direct"),
    ("FGFR1", "Squamous lung cancer with FGFR amplification", "direct"),
    ("FGFR2", "Cholangiocarcinoma harbouring an FGFR fusion or rearrangement", "direct"),
    ("FGFR3", "FGFR-altered urothelial carcinoma", "direct"),
    ("FGFR", "Tumour without FGFR fusion", "not listed"),
    ("FGFR2", "No FGFR alterations by local testing", "not listed"),
    ("FGFR", "A kinase inhibitor that blocks VEGFR, FGFR and PDGFR", "not listed"),
])
def test_synthetic_a_family_named_by_its_stem_is_listed_for_the_family_and_its_members(target, sentence, expected):
    assert _listed(target, sentence) == expected


def test_a_numbered_family_target_names_its_stem_as_a_family():
    assert resolve_target("FGFR").family_names == ("FGFR",)
    assert resolve_target("FGFR3").family_names == ("FGFR",)
    assert "FGFR" in resolve_target("FGFR4").search_terms
    assert resolve_target("IDH1").family_names == ("IDH",)
    # NTRK is already one of its target's names; MEK's genes are MAP2K1/2, no numbered MEK
    assert resolve_target("NTRK").family_names == () and resolve_target("MEK").family_names == ()
