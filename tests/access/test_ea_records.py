"""Expanded-access records and the company-criteria check: synthetic units, then the
real records through the loopback ClinicalTrials.gov server."""
from __future__ import annotations

import json

import pytest

from tests.factories import make_record
from tests.shared_data import real_records
from trialfind.access.criteria import ANSWERS, MET, NOT_MET, UNKNOWN, check_company_criteria
from trialfind.access.ea_records import EARecord, company_ea_records, ea_records_from_studies, expanded_access_records
from trialfind.access.sponsor_lookup import lookup_sponsor
from trialfind.core.errors import InvalidInput, SourceDataError
from trialfind.core.study import parse_study
from trialfind.knowledge.sponsor_directory import match_sponsor
from trialfind.output.render import render
from trialfind.sources.ctgov import CtgovClient
from trialfind.sources.memory import MemorySource


def synthetic_record(nct_id, *, sponsor="Pfizer", min_age="18 Years", **fields):
    return make_record(nct_id, sponsor=sponsor, min_age=min_age, **fields)


def synthetic_studies(*records):
    return [parse_study(r) for r in records]


SyntheticSource = MemorySource


# --- records from studies -----------------------------------------------------------------------

def test_ea_study_and_links_merge_into_one_record_per_nct_id():
    studies = synthetic_studies(
        synthetic_record("NCT90000001", ea={"hasExpandedAccess": True, "nctId": "NCT90000009", "statusForNctId": "AVAILABLE"}),
        synthetic_record("NCT90000002", ea={"hasExpandedAccess": True, "nctId": "NCT90000009", "statusForNctId": "AVAILABLE"}),
        synthetic_record("NCT90000009", study_type="EXPANDED_ACCESS", status="AVAILABLE", last_update="2025-03-01"),
    )
    records = ea_records_from_studies(studies)
    assert len(records) == 1
    record = records[0]
    assert record.nct_id == "NCT90000009" and record.status == "AVAILABLE" and record.available
    assert record.kind == "expanded_access_study"
    assert set(record.linked_from) == {"NCT90000001", "NCT90000002"}
    assert record.last_update == "2025-03-01"
    assert record.url == "https://clinicaltrials.gov/study/NCT90000009"
    assert record.to_dict()["available"] is True


def test_flag_without_nct_id_and_studies_without_ea_info():
    studies = synthetic_studies(
        synthetic_record("NCT90000011", ea={"hasExpandedAccess": True}),
        synthetic_record("NCT90000012", ea={"hasExpandedAccess": False}),
        synthetic_record("NCT90000013"),
    )
    records = ea_records_from_studies(studies)
    assert [(r.kind, r.nct_id, r.linked_from) for r in records] == [("flag", None, ("NCT90000011",))]
    assert records[0].url.endswith("NCT90000011")
    assert records[0].status_words == "status not given"


def test_available_programs_come_first_then_newest():
    studies = synthetic_studies(
        synthetic_record("NCT90000021", study_type="EXPANDED_ACCESS", status="NO_LONGER_AVAILABLE", last_update="2026-01-01"),
        synthetic_record("NCT90000022", study_type="EXPANDED_ACCESS", status="AVAILABLE", last_update="2024-01-01"),
        synthetic_record("NCT90000023", study_type="EXPANDED_ACCESS", status="AVAILABLE", last_update="2025-01-01"),
        synthetic_record("NCT90000024", study_type="EXPANDED_ACCESS", status="APPROVED_FOR_MARKETING", last_update=None),
    )
    assert [r.nct_id for r in ea_records_from_studies(studies)] == ["NCT90000023", "NCT90000022", "NCT90000021",
                                                                    "NCT90000024"]


def test_drug_lookup_fetches_linked_records_it_did_not_find():
    source = SyntheticSource([
        synthetic_record("NCT90000031", drug="synthdrugib",
                         ea={"hasExpandedAccess": True, "nctId": "NCT90000039", "statusForNctId": "AVAILABLE"}),
        synthetic_record("NCT90000039", study_type="EXPANDED_ACCESS", status="AVAILABLE", drug="other name only"),
    ])
    records = expanded_access_records(source, ["synthdrugib"])
    assert len(source.specs) == 1 and source.specs[0].study_types == ()
    assert source.fetched == ["NCT90000039"]
    assert [(r.nct_id, r.title, r.linked_from) for r in records] == [
        ("NCT90000039", "Synthetic study NCT90000039 of other name only", ("NCT90000031",))]


def test_with_studies_given_only_expanded_access_studies_are_searched():
    source = SyntheticSource([synthetic_record("NCT90000041", study_type="EXPANDED_ACCESS", status="AVAILABLE")])
    given = synthetic_studies(synthetic_record("NCT90000042"))
    records = expanded_access_records(source, ["synthdrugib"], studies=given)
    assert source.specs[0].study_types == ("EXPANDED_ACCESS",)
    assert [r.nct_id for r in records] == ["NCT90000041"]


def test_a_link_to_a_missing_record_still_counts():
    source = SyntheticSource([synthetic_record(
        "NCT90000051", ea={"hasExpandedAccess": True, "nctId": "NCT90000059", "statusForNctId": "TEMPORARILY_NOT_AVAILABLE"})])
    records = expanded_access_records(source, nct_id="NCT90000051")
    assert [(r.nct_id, r.status, r.kind) for r in records] == [("NCT90000059", "TEMPORARILY_NOT_AVAILABLE", "link")]
    assert records[0].status_words == "temporarily not available"


def test_nothing_to_look_up_is_a_usage_error():
    with pytest.raises(InvalidInput):
        expanded_access_records(SyntheticSource([]), drug_names=("  ",))


def test_company_records_keep_only_the_company_as_lead_sponsor():
    source = SyntheticSource([
        synthetic_record("NCT90000061", study_type="EXPANDED_ACCESS", status="AVAILABLE", sponsor="Pfizer Inc.",
                         drug="Pfizer compound"),
        synthetic_record("NCT90000062", study_type="EXPANDED_ACCESS", status="AVAILABLE",
                         sponsor="University Hospital of Synthetic City", sponsor_class="OTHER", drug="Pfizer compound"),
    ])
    records = company_ea_records(source, match_sponsor("Pfizer"), "Pfizer")
    assert [r.nct_id for r in records] == ["NCT90000061"]
    lookup = lookup_sponsor("Pfizer", source=source)
    assert lookup.ea_records_searched and [r.nct_id for r in lookup.ea_records] == ["NCT90000061"]


# --- criteria check -----------------------------------------------------------------------------

def _by_key(checks):
    return {c.key: c for c in checks}


def test_criteria_answered_from_synthetic_adult_only_trials():
    trials = synthetic_studies(
        synthetic_record("NCT90000071", min_age="18 Years", status="RECRUITING"),
        synthetic_record("NCT90000072", min_age="18 Years", status="COMPLETED", phases=("PHASE1",), countries=("France",)),
    )
    checks = check_company_criteria({"drug": "synthdrugib", "trials": trials, "approved": False, "ea_records": []},
                                    age_days=7 * 365)
    assert all(c.answer in ANSWERS and c.reason for c in checks)
    by = _by_key(checks)
    assert by["not_eligible_for_trials"].answer == MET
    assert "NCT90000071" in by["not_eligible_for_trials"].evidence
    assert by["us_trials_under_way"].answer == MET and by["us_trials_under_way"].evidence == ("NCT90000071",)
    assert by["phase1_completed"].answer == MET and by["phase1_completed"].evidence == ("NCT90000072",)
    assert by["investigational"].answer == MET
    for key in ("serious_condition", "no_alternative", "adequate_supply", "no_harm_to_development",
                "physician_responsibilities"):
        assert by[key].answer == UNKNOWN


def test_an_open_trial_admitting_the_child_means_not_met():
    trials = synthetic_studies(synthetic_record("NCT90000081", min_age="2 Years", max_age="21 Years"))
    by = _by_key(check_company_criteria({"drug": "synthdrugib", "trials": trials}, age_days=7 * 365))
    assert by["not_eligible_for_trials"].answer == NOT_MET
    assert "NCT90000081" in by["not_eligible_for_trials"].reason
    # Without an age, a trial open to children cannot be judged.
    by = _by_key(check_company_criteria({"drug": "synthdrugib", "trials": trials}))
    assert by["not_eligible_for_trials"].answer == UNKNOWN


def test_missing_evidence_is_never_met():
    by = _by_key(check_company_criteria(object()))
    assert by["us_trials_under_way"].answer == UNKNOWN
    assert by["phase1_completed"].answer == UNKNOWN
    assert by["investigational"].answer == UNKNOWN
    assert by["ea_program_listed"].answer == UNKNOWN
    non_us = synthetic_studies(synthetic_record("NCT90000091", countries=("Japan",)))
    by = _by_key(check_company_criteria({"drug": "x", "trials": non_us}))
    assert by["us_trials_under_way"].answer == UNKNOWN


def test_approved_drugs_and_available_programs_are_reported():
    records = [EARecord(nct_id="NCT90000101", status="APPROVED_FOR_MARKETING"),
               EARecord(nct_id="NCT90000102", status="AVAILABLE")]
    by = _by_key(check_company_criteria({"drug": "x", "trials": []}, ea_records=records))
    assert by["investigational"].answer == UNKNOWN and "NCT90000101" in by["investigational"].reason
    assert by["ea_program_listed"].answer == MET and by["ea_program_listed"].evidence == ("NCT90000102",)


def test_candidate_objects_of_the_candidates_module_are_read():
    candidates = pytest.importorskip("trialfind.access.candidates")
    from trialfind.knowledge.targets import builtin_knowledge

    knowledge = builtin_knowledge()
    info = knowledge.drugs["lorlatinib"]
    studies = synthetic_studies(
        synthetic_record("NCT90000111", drug="lorlatinib", min_age="18 Years"),
        synthetic_record("NCT90000112", drug="PF-06463922", min_age="18 Years", status="COMPLETED"))
    candidate = candidates.build_candidate(info, studies, {s.nct_id: [s.interventions[0].name] for s in studies},
                                           age_days=7 * 365, targets=["ALK"])
    by = _by_key(check_company_criteria(candidate, studies=studies))
    assert by["not_eligible_for_trials"].answer == MET
    assert by["us_trials_under_way"].answer == MET
    assert by["phase1_completed"].answer == MET
    assert by["investigational"].answer == UNKNOWN  # lorlatinib is approved


# --- the real records on the loopback server -----------------------------------------------------

@pytest.fixture
def client(real_ctgov_server):
    return CtgovClient(base_url=real_ctgov_server.url, rate_limit_per_minute=1e9)


def _real(nct_id):
    return next(r for r in real_records() if r["protocolSection"]["identificationModule"]["nctId"] == nct_id)


def test_real_links_for_a_drug_by_code_name(client):
    # NCT05326516 (Syndax, SNDX-5613 = revumenib) links to expanded-access record NCT05918913.
    link = _real("NCT05326516")["protocolSection"]["statusModule"]["expandedAccessInfo"]
    records = expanded_access_records(client, ["SNDX-5613"])
    by_id = {r.nct_id: r for r in records}
    assert link["nctId"] in by_id
    assert by_id[link["nctId"]].status == link["statusForNctId"] == "AVAILABLE"
    assert "NCT05326516" in by_id[link["nctId"]].linked_from


def test_real_link_by_nct_id_and_approved_for_marketing(client):
    records = expanded_access_records(client, nct_id="NCT04613596")
    assert [(r.nct_id, r.status) for r in records] == [("NCT05162443", "APPROVED_FOR_MARKETING")]
    assert not records[0].available


def test_every_real_link_is_found_from_its_study(client):
    linked = [r for r in real_records()
              if ((r["protocolSection"].get("statusModule") or {}).get("expandedAccessInfo") or {}).get("nctId")]
    assert len(linked) >= 8
    for record in linked:
        nct = record["protocolSection"]["identificationModule"]["nctId"]
        info = record["protocolSection"]["statusModule"]["expandedAccessInfo"]
        found = expanded_access_records(client, nct_id=nct, resolve_links=False)
        assert [(r.nct_id, r.status) for r in found] == [(info["nctId"], info.get("statusForNctId"))]


class _SyntheticSource:
    """A source whose searches return one readable EA record and one that cannot be read."""

    def __init__(self):
        self.readable = {"protocolSection": {
            "identificationModule": {"nctId": "NCT90000001", "briefTitle": "synthetic EA program"},
            "statusModule": {"overallStatus": "AVAILABLE"},
            "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Pfizer", "class": "INDUSTRY"}},
            "designModule": {"studyType": "EXPANDED_ACCESS"},
            "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "lorlatinib"}]}}}
        self.unreadable = {"protocolSection": {
            "identificationModule": {"nctId": "NCT90000002", "briefTitle": "synthetic broken"},
            "statusModule": {"overallStatus": ["AVAILABLE"]}}}

    def search(self, spec):
        return iter([self.readable, self.unreadable])

    def get_study(self, nct_id):
        return self.unreadable

    def data_version(self):
        return "synthetic"


def test_synthetic_unreadable_ea_records_are_counted_not_dropped():
    source = _SyntheticSource()
    records = expanded_access_records(source, drug_names=["lorlatinib"])
    assert [r.nct_id for r in records] == ["NCT90000001"]
    assert [u.nct_id for u in records.unreadable] == ["NCT90000002"]
    with pytest.raises(SourceDataError, match="NCT90000002 could not be read"):
        expanded_access_records(source, nct_id="NCT90000002")
    company = company_ea_records(source, None, "Pfizer")
    assert [u.nct_id for u in company.unreadable] == ["NCT90000002"]
    lookup = lookup_sponsor("Pfizer", source=source)
    assert [u.nct_id for u in lookup.unreadable] == ["NCT90000002"]
    data = json.loads(render(lookup, "json"))
    assert data["unreadable_records"][0]["nct_id"] == "NCT90000002"
