"""The issue-10 matching rules that close the benchmark's last gaps, each on synthetic text and
on the real record that showed the gap (../shared/data)."""
from __future__ import annotations

from functools import lru_cache

import pytest

from tests.shared_data import real_records
from tests.spec_reference import ReferenceMemorySource
from trialfind.core.arms import ArmGroup
from trialfind.core.spec import SearchSpec, matches_spec
from trialfind.core.study import Intervention, Study, parse_study
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.match.conditions import match_condition
from trialfind.match.mentions import find_mentions
from trialfind.trials import find_trials, target_evidence


def synthetic_study(**fields) -> Study:
    return Study(nct_id="NCT00000003", brief_title=fields.pop("brief_title", "A synthetic study"), **fields)


@lru_cache(maxsize=None)
def real(nct_id: str) -> Study:
    record = next(r for r in real_records() if r["protocolSection"]["identificationModule"]["nctId"] == nct_id)
    return parse_study(record)


def target(study: Study, typed: str):
    return target_evidence(study, [resolve_target(typed)])


# --- A gene in an arm's or intervention's description -------------------------------------

@pytest.mark.parametrize("gene, description", [
    ("ALK", "Male patients diagnosed with advanced ALK+ NSCLC, who are receiving treatment"),
    ("ALK", "For patients with positive EGFR/ALK mutation, targeted therapy was administered."),
    ("EGFR", "If participants also have a special mutation on the tumor (EGFR), they receive osimertinib"),
])
def test_a_description_that_selects_patients_by_the_gene_is_direct(gene, description):
    study = synthetic_study(arm_groups=(ArmGroup(label="Cohort A", description=description),))
    result = find_mentions(study, label=gene, genes=[gene])
    assert result.strength == "direct"
    assert result.best_mention.field == "arm description"


@pytest.mark.parametrize("description", [
    "Lorlatinib, an ALK inhibitor, 100 mg daily",
    "ALK and ROS1 status will be recorded for every participant",
    "Participants receive alectinib, which blocks ALK signalling",
])
def test_a_description_that_names_the_gene_otherwise_is_indirect(description):
    study = synthetic_study(interventions=(Intervention(type="DRUG", name="Study drug", description=description),))
    result = find_mentions(study, label="ALK", genes=["ALK"])
    assert result.strength in ("indirect", "none")
    assert result.strength != "direct"


def test_a_negative_group_in_the_same_sentence_does_not_hide_the_positive_one():
    text = ("For patients with negative EGFR/ALK mutation, adjuvant chemotherapy was administered, for patients "
            "with positive EGFR/ALK mutation, targeted therapy was administered.")
    study = synthetic_study(interventions=(Intervention(type="DRUG", name="Standard", description=text),))
    for gene in ("EGFR", "ALK"):
        assert find_mentions(study, label=gene, genes=[gene]).strength == "direct", gene


@pytest.mark.parametrize("nct_id, typed", [
    ("NCT06924710", "ALK"), ("NCT06924710", "EGFR"),  # intervention description
    ("NCT06532149", "ALK"), ("NCT05665504", "EGFR"),  # arm description
])
def test_real_studies_that_select_by_the_gene_only_in_a_description(nct_id, typed):
    result = target(real(nct_id), typed)
    assert result.strength == "direct", result.reason
    assert result.best_mention.field in ("arm description", "intervention description")


@pytest.mark.parametrize("nct_id, phrase", [("NCT05665504", "EGFR"), ("NCT06532149", "ALK")])
def test_arm_descriptions_are_retrieved(nct_id, phrase):
    # NCT05665504 names EGFR only in an arm description; the search must reach it (API and offline alike).
    assert matches_spec(real(nct_id), SearchSpec(terms=(phrase,)))


# --- The listed conditions name the gene only as negative --------------------------------

def test_a_gene_listed_only_as_negative_is_not_direct_even_when_named_elsewhere():
    study = synthetic_study(brief_title="Prevalence of HER2-low in metastatic breast cancer",
                            conditions=("HER2-negative",), keywords=("HER2 Low",))
    result = find_mentions(study, label="ERBB2", genes=["HER2"])
    assert result.strength == "indirect"
    assert "only as negative" in result.reason


def test_real_her2_negative_study_is_not_yes_for_erbb2():
    assert target(real("NCT06131424"), "ERBB2").strength == "indirect"


def test_a_receptor_status_list_reads_the_positive_gene_as_positive():
    study = synthetic_study(conditions=("HR Negative HER2 Positive Early Breast Cancer",))
    assert find_mentions(study, label="ERBB2", genes=["HER2"]).strength == "direct"
    assert target(real("NCT06038539"), "ERBB2").strength == "direct"


# --- H3 K27-altered diffuse midline glioma ------------------------------------------------

@pytest.mark.parametrize("typed", ["H3 K27M", "H3K27M"])
def test_histone_altered_midline_glioma_states_the_k27_alteration(typed):
    result = target(real("NCT06720727"), typed)
    assert result.strength == "direct", result.reason


def test_histone_altered_alone_still_leaves_the_variant_open():
    study = synthetic_study(inclusion_criteria="* Histone altered high-grade glioma of the cerebral hemispheres")
    assert target(study, "H3 K27M").strength == "indirect"


# --- Conditions: study population, contradicted lists, names inside other names ----------

def test_the_study_population_names_the_disease():
    study = synthetic_study(conditions=("Acute Leukemia",), study_population="Older AML patients with mutations")
    result = match_condition("acute myeloid leukemia", study)
    assert (result.strength, result.field) == ("exact", "study population")
    assert match_condition("AML", real("NCT04157569")).strength == "exact"
    assert match_condition("ALL", real("NCT03466944")).strength == "exact"


def test_a_listed_condition_the_inclusion_criteria_replace_with_other_diseases_is_uncertain():
    study = synthetic_study(conditions=("B Cell Lymphomas",), inclusion_criteria="* Relapsed or refractory B-cell ALL")
    result = match_condition("lymphoma", study)
    assert result.strength == "contradicted" and not result.direct
    assert match_condition("lymphoma", real("NCT02650414")).strength == "contradicted"
    assert match_condition("AML", real("NCT04965649")).strength == "contradicted"


def test_a_broad_category_in_the_inclusion_criteria_keeps_a_listed_condition_direct():
    # NCT01987596 lists medulloblastoma and includes "brain tumors", Hodgkin lymphoma, osteosarcoma, ...
    assert match_condition("medulloblastoma", real("NCT01987596")).strength == "exact"
    study = synthetic_study(conditions=("Medulloblastoma",), inclusion_criteria="* Brain tumors or osteosarcoma")
    assert match_condition("medulloblastoma", study).strength == "exact"


def test_a_bare_name_beside_another_disease_that_holds_it_is_ambiguous():
    study = synthetic_study(
        inclusion_criteria="* FOXR2-activated CNS neuroblastoma\n* neuroblastoma without molecular tests")
    assert match_condition("neuroblastoma", study).strength == "ambiguous"
    assert match_condition("neuroblastoma", real("NCT05711992")).strength == "ambiguous"
    plain = synthetic_study(inclusion_criteria="* High-risk neuroblastoma")
    assert match_condition("neuroblastoma", plain).strength == "exact"


# --- One of several risk factors ----------------------------------------------------------

def test_one_of_several_risk_factors_is_not_a_requirement():
    study = synthetic_study(inclusion_criteria="* Any of the following two high risk factors such as high grade, "
                                               "ER/PR negative, HER2 positivity, age < 35 years")
    result = find_mentions(study, label="ERBB2", genes=["HER2"])
    assert result.strength == "none"
    assert "one of several risk factors" in result.reason
    assert target(real("NCT02992574"), "ERBB2").strength == "none"


# --- End to end: trials finds the studies these rules are about ---------------------------

@pytest.fixture(scope="module")
def every_real_record():
    # MemorySource's records, in its order, sooner (see tests/spec_reference.py); read-only, so shared
    return ReferenceMemorySource(real_records())


@pytest.mark.slow
@pytest.mark.parametrize("kind, typed, nct_id", [
    ("target", "EGFR", "NCT05665504"),  # EGFR only in an arm description
    ("target", "ALK", "NCT06924710"),  # ALK only in an intervention description
    ("target", "H3 K27M", "NCT06720727"),
    ("condition", "AML", "NCT04157569"),  # AML only in the study population
    ("condition", "acute lymphoblastic leukaemia", "NCT03466944"),
])
def test_trials_returns_the_study_as_yes_evidence(kind, typed, nct_id, every_real_record):
    source = every_real_record
    found = find_trials(source=source, age=7, status="all", include_ineligible=True, include_observational=True,
                        **{kind: typed})
    rows = {m.study.nct_id: m for m in found}
    assert nct_id in rows
    evidence = next(e for e in rows[nct_id].evidence if e.kind == kind)
    assert evidence.direct, evidence.reason
