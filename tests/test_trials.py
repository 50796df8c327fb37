"""find_trials over the real records (in-process source honouring the shared retrieval semantics)."""
from __future__ import annotations

import re

import pytest

from tests.factories import make_record
from tests.shared_data import real_records
from tests.spec_reference import ReferenceMemorySource
from trialfind.core.errors import InvalidInput
from trialfind.core.profile import ChildProfile
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.sources.memory import MemorySource
from trialfind.trials import build_search_spec, find_trials, get_study_details


@pytest.fixture(scope="module")
def source():
    # MemorySource's records, in its order, sooner (see tests/spec_reference.py): a glioma search
    # over every status reads every record's texts for each age otherwise (~4 s a search).
    return ReferenceMemorySource(real_records())


def _years(text):
    """Independent reading of a ClinicalTrials.gov age: (value in years, one unit in years)."""
    value, unit = re.match(r"(\d+(?:\.\d+)?)\s*(\w+?)s?$", text.strip()).groups()
    per = {"Year": 1, "Month": 1 / 12, "Week": 7 / 365.25, "Day": 1 / 365.25}[unit.capitalize()]
    return float(value) * per, per


def admits(record, age_years):
    eligibility = record["protocolSection"].get("eligibilityModule", {})
    if "minimumAge" in eligibility and _years(eligibility["minimumAge"])[0] > age_years:
        return False
    if "maximumAge" in eligibility:
        value, unit = _years(eligibility["maximumAge"])
        if age_years >= value + unit:
            return False
    return True


def glioma_records():
    for record in real_records():
        protocol = record["protocolSection"]
        texts = protocol.get("conditionsModule", {}).get("conditions", []) + [
            m["term"] for m in record.get("derivedSection", {}).get("conditionBrowseModule", {}).get("meshes", [])]
        if any("glioma" in t.lower() for t in texts):
            yield record


def test_every_recruiting_glioma_trial_admitting_a_7_year_old_is_listed(source):
    expected = {r["protocolSection"]["identificationModule"]["nctId"] for r in glioma_records()
                if r["protocolSection"]["statusModule"]["overallStatus"] == "RECRUITING"
                and r["protocolSection"]["designModule"]["studyType"] == "INTERVENTIONAL" and admits(r, 7)}
    assert len(expected) >= 2
    found = find_trials(ChildProfile.build("7", conditions=["glioma"]), source=source)
    assert expected <= {m.nct_id for m in found}
    for match in found:
        assert match.eligible in ("yes", "uncertain")
        assert match.study.study_type == "INTERVENTIONAL"
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)


def test_observational_studies_on_request(source):
    expected = {r["protocolSection"]["identificationModule"]["nctId"] for r in glioma_records()
                if r["protocolSection"]["statusModule"]["overallStatus"] == "RECRUITING" and admits(r, 7)}
    found = find_trials(ChildProfile.build("7", conditions=["glioma"]), source=source, include_observational=True)
    assert expected <= {m.nct_id for m in found}
    assert {m.study.study_type for m in found} == {"INTERVENTIONAL", "OBSERVATIONAL"}


def test_nothing_excluded_by_the_record_is_yes(source):
    for age in ("7", "17y11m", "30y"):
        days = ChildProfile.build(age, conditions=["x"]).age_days
        found = find_trials(ChildProfile.build(age, conditions=["glioma"]), source=source, status="all",
                            include_ineligible=True)
        assert found
        for match in found:
            study = match.study
            closed = study.status != "RECRUITING"
            too_young = study.min_age_days is not None and days < study.min_age_days
            too_old = study.max_age_days is not None and days > study.max_age_days
            if closed or too_young or too_old:
                assert match.eligible != "yes", study.nct_id


def test_the_search_spec(source):
    profile = ChildProfile.build("7", conditions=["neuroblastoma"], targets=["ALK"])
    spec = build_search_spec(profile, [resolve_target("ALK")])
    assert spec.statuses == ("ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING", "RECRUITING")
    assert spec.study_types == ("INTERVENTIONAL",)
    assert spec.admits_age_days == profile.age_days
    # The typed name first, then its plural and abbreviation from the condition vocabulary.
    assert spec.conditions[0] == "neuroblastoma" and spec.combine == "all"
    assert {"neuroblastomas", "NB"} <= set(spec.conditions)
    # A condition alone is searched everywhere: the inclusion criteria may be all that names it.
    alone = build_search_spec(ChildProfile.build("7", conditions=["neuroblastoma"]), [])
    assert alone.conditions == () and alone.terms == spec.conditions
    find_trials(profile, source=source)
    sent = source.specs[-1]
    assert "ALK" in sent.terms and "anaplastic lymphoma kinase" in sent.terms
    assert "crizotinib" in sent.terms and "lorlatinib" in sent.terms  # drug names matched are searched
    find_trials(profile, source=source, status="all", include_ineligible=True)
    sent = source.specs[-1]
    assert sent.statuses == () and sent.admits_age_days is None


def test_status_all_lists_closed_studies_as_no(source):
    closed = find_trials(ChildProfile.build("7", conditions=["neuroblastoma"]), source=source, status="all")
    no_rows = [m for m in closed if m.eligible == "no"]
    assert no_rows, "expected closed neuroblastoma trials in the real records"
    for match in no_rows:
        assert match.excluded_by == {"status"}
        assert any(r.startswith("not open to new patients") for r in match.reasons)
    default = find_trials(ChildProfile.build("7", conditions=["neuroblastoma"]), source=source)
    assert all(m.study.status in ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION") for m in default)


def test_every_listed_trial_has_target_evidence_and_flags_are_uncertain(source):
    cd19 = find_trials(ChildProfile.build("10", targets=["CD19"]), source=source)
    assert cd19
    for match in cd19:
        assert match.target_evidence and match.target_evidence[0].found
        if match.study.status != "RECRUITING":
            assert match.eligible == "uncertain" and match.status_flag


def test_include_ineligible_and_limit(source):
    profile = ChildProfile.build("5", conditions=["ALL"])
    default = find_trials(profile, source=source)
    everyone = find_trials(profile, source=source, include_ineligible=True)
    assert len(everyone) > len(default)
    assert {m.nct_id for m in default} <= {m.nct_id for m in everyone}
    assert any(m.eligible == "no" and "age" in m.excluded_by for m in everyone)
    assert [m.nct_id for m in find_trials(profile, source=source, include_ineligible=True, limit=3)] == \
        [m.nct_id for m in everyone[:3]]


def test_needs_a_condition_or_target(source):
    with pytest.raises(InvalidInput):
        find_trials(ChildProfile.build("7"), source=source)
    with pytest.raises(InvalidInput):
        find_trials(ChildProfile.build("7", conditions=["glioma"]), source=source, status="closed")
    with pytest.raises(InvalidInput):
        find_trials(ChildProfile.build("7", targets=["NOT-A-GENE-XYZ"]), source=source)


def test_get_study_details(source):
    study = get_study_details("nct04250064", source)
    assert study.nct_id == "NCT04250064" and study.inclusion_criteria
    with pytest.raises(InvalidInput):
        get_study_details("NCT123", source)


def test_purpose_is_read_from_the_record_and_treatment_trials_come_first(source):
    records = {r["protocolSection"]["identificationModule"]["nctId"]: r for r in real_records()}
    matches = find_trials(condition="leukemia", age=7, source=source, status="all")
    purposes = [m.study.purpose for m in matches]
    assert "treatment" in purposes and any(p not in ("treatment", "treatment?", "unknown") for p in purposes)
    first_other = next(i for i, p in enumerate(purposes) if p not in ("treatment", "treatment?", "unknown"))
    assert all(p not in ("treatment",) for p in purposes[first_other:])  # treatment never after another purpose
    for match in matches:
        recorded = (records[match.nct_id]["protocolSection"].get("designModule") or {}).get(
            "designInfo", {}).get("primaryPurpose")
        row = match.to_row()
        assert row["purpose"] == match.study.purpose
        if recorded == "TREATMENT":
            assert row["purpose"] == "treatment"
        elif recorded == "SUPPORTIVE_CARE":
            assert row["purpose"] == "supportive care"


def test_purpose_filter(source):
    treatment = find_trials(condition="leukemia", age=7, source=source, status="all", purpose="treatment")
    supportive = find_trials(condition="leukemia", age=7, source=source, status="all", purpose="supportive")
    assert treatment and supportive
    assert {m.study.purpose for m in treatment} == {"treatment"}
    assert {m.study.purpose for m in supportive} <= {"supportive care", "prevention"}
    with pytest.raises(InvalidInput):
        find_trials(condition="leukemia", age=7, source=source, purpose="cure")


@pytest.mark.parametrize("criteria, listed_direct", [
    ("Inclusion Criteria:\n* Patients with RAS-mutated solid tumours", True),
    ("Inclusion Criteria:\n* KRAS mutation or other RAS mutation", True),
    ("Inclusion Criteria:\n* RAS wild-type colorectal cancer", False),
    ("Inclusion Criteria:\n* No concurrent renin-angiotensin system (RAS) inhibitors", False),
    ("Inclusion Criteria:\n* Tumours with RAS pathway activation", False),
])
def test_synthetic_a_ras_family_mention_reads_for_each_ras_gene(criteria, listed_direct):
    for gene in ("KRAS", "NRAS", "HRAS"):
        found = find_trials(target=gene, age=10, source=MemorySource([make_record("NCT09000001", min_age=None,
                                                                                 criteria=criteria)]))
        direct = bool(found) and any(e.direct for e in found[0].target_evidence)
        assert direct == listed_direct, (gene, criteria)


@pytest.mark.parametrize("target, criteria, listed_direct", [
    ("IDH1", "Inclusion Criteria:\n- IDH-mutant glioblastoma", True),
    ("IDH", "Inclusion Criteria:\n- IDH-mutant glioblastoma", True),
    ("IDH2", "Inclusion Criteria:\n- IDH mutation (IDH1 or IDH2) confirmed", True),
    ("IDH1", "Inclusion Criteria:\n- IDH wild-type glioblastoma", False),
    ("IDH1", "Inclusion Criteria:\n- Tumours with IDH pathway activity", False),
])
def test_synthetic_an_idh_family_mention_reads_for_idh1_and_idh2(target, criteria, listed_direct):
    found = find_trials(target=target, age=10, source=MemorySource([make_record("NCT09000002", min_age=None,
                                                                                criteria=criteria)]))
    assert (bool(found) and any(e.direct for e in found[0].target_evidence)) == listed_direct
