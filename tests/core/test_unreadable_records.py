"""parse_study on records of the wrong shape (synthetic edge cases; the fuzz test covers
mutated real records): fields of the wrong type are missing, never a crash; a wrongly typed
NCT id, status, age or sex makes an UnreadableRecord that names the record and the reason."""
from __future__ import annotations

import copy

import pytest

from tests.shared_data import real_records
from trialfind.core.study import Study, UnreadableRecord, parse_studies, parse_study, unreadable_message


def synthetic_record(**eligibility) -> dict:
    return {"protocolSection": {
        "identificationModule": {"nctId": "NCT00000001", "briefTitle": "synthetic trial"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"minimumAge": "1 Year", "maximumAge": "17 Years", "sex": "ALL", **eligibility},
    }}


@pytest.mark.parametrize("path, value", [
    (("protocolSection", "identificationModule", "briefTitle"), 5),
    (("protocolSection", "identificationModule", "officialTitle"), ["a"]),
    (("protocolSection", "conditionsModule"), [1, 2]),
    (("protocolSection", "conditionsModule"), {"conditions": "glioma", "keywords": [None, 3, {"a": 1}]}),
    (("protocolSection", "armsInterventionsModule"), {"interventions": [{"name": 7}, "x", None, {"name": "ok"}]}),
    (("protocolSection", "contactsLocationsModule"), {"locations": [{"city": 1, "geoPoint": {"lat": "x"}}]}),
    (("protocolSection", "designModule"), {"phases": "PHASE1", "enrollmentInfo": {"count": True}}),
    (("protocolSection", "eligibilityModule", "eligibilityCriteria"), {"text": "x"}),
    (("protocolSection", "eligibilityModule", "healthyVolunteers"), "yes"),
    (("protocolSection", "sponsorCollaboratorsModule"), {"leadSponsor": "Acme", "collaborators": [{"name": 1}]}),
    (("protocolSection", "statusModule", "expandedAccessInfo"), {"hasExpandedAccess": "true", "nctId": 3}),
    (("derivedSection",), [{"conditionBrowseModule": 1}]),
    (("derivedSection",), {"conditionBrowseModule": {"meshes": [{"term": None}, {"term": 4}, 5]}}),
])
def test_synthetic_wrong_types_outside_eligibility_are_read_as_missing(path, value):
    record = synthetic_record()
    node = record
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    study = parse_study(record)
    assert isinstance(study, Study)
    assert (study.nct_id, study.status, study.sex) == ("NCT00000001", "RECRUITING", "ALL")
    assert study.min_age_days is not None and study.max_age_days is not None
    for name in ("brief_title", "official_title", "eligibility_text", "lead_sponsor"):
        assert getattr(study, name) is None or isinstance(getattr(study, name), str)
    assert all(isinstance(c, str) for c in (*study.conditions, *study.keywords, *study.phases))
    assert all(isinstance(site.lat, (float, type(None))) for site in study.sites)
    assert study.healthy_volunteers in (True, False, None)
    assert study.enrollment is None or type(study.enrollment) is int


@pytest.mark.parametrize("field, value", [("sex", ["MALE"]), ("minimumAge", 18), ("maximumAge", {"v": "5 Years"}),
                                          ("sex", True)])
def test_synthetic_wrongly_typed_age_or_sex_makes_the_record_unreadable_not_open_to_all(field, value):
    result = parse_study(synthetic_record(**{field: value}))
    assert isinstance(result, UnreadableRecord)
    assert result.nct_id == "NCT00000001"
    assert f"eligibilityModule.{field}" in result.reason


def test_synthetic_wrongly_typed_status_nct_id_or_module_is_unreadable():
    status = synthetic_record()
    status["protocolSection"]["statusModule"]["overallStatus"] = 3
    assert "overallStatus" in parse_study(status).reason
    module = synthetic_record()
    module["protocolSection"]["eligibilityModule"] = ["1 Year"]
    assert parse_study(module).reason == "protocolSection.eligibilityModule is a list, not an object"
    for nct_id in (12345678, "NCT１２３４５６７８", "NCT1234", None, ""):
        record = synthetic_record()
        record["protocolSection"]["identificationModule"]["nctId"] = nct_id
        found = parse_study(record)
        assert isinstance(found, UnreadableRecord) and found.nct_id is None, nct_id
        assert found.title == "synthetic trial"
        assert "synthetic trial" in found.describe()


@pytest.mark.parametrize("value", [None, [], "text", 5, True, [{"protocolSection": {}}]])
def test_synthetic_non_objects_are_unreadable(value):
    found = parse_study(value)
    assert isinstance(found, UnreadableRecord) and "must be a JSON object" in found.reason


def test_null_is_absent_as_in_field_limited_answers():
    study = parse_study(synthetic_record(sex=None, minimumAge=None))
    assert isinstance(study, Study) and study.sex is None and study.min_age_days is None


def test_an_age_too_large_to_compute_is_kept_as_text_and_unread():
    study = parse_study(synthetic_record(maximumAge="9" * 400 + " Years"))
    assert isinstance(study, Study) and study.max_age.startswith("999") and study.max_age_days is None


def test_real_records_are_not_copied_or_changed():
    record = real_records()[0]
    before = copy.deepcopy(record)
    parse_study(record)
    assert record == before


def test_parse_studies_keeps_the_first_copy_and_collects_the_unreadable():
    first, second = real_records()[0], real_records()[1]
    broken = copy.deepcopy(second)
    broken["protocolSection"]["eligibilityModule"]["sex"] = 1
    no_id = {"protocolSection": {"identificationModule": {"briefTitle": "no id (synthetic)"}}}
    studies, unreadable = parse_studies([first, broken, first, no_id, broken, "junk"])
    assert [s.nct_id for s in studies] == [first["protocolSection"]["identificationModule"]["nctId"]]
    assert len(unreadable) == 3  # the same unreadable record twice counts once
    message = unreadable_message(unreadable)
    nct = second["protocolSection"]["identificationModule"]["nctId"]
    assert message.startswith("3 records could not be read (") and nct in message and "no id (synthetic)" in message
    assert unreadable_message([]) is None
    assert unreadable_message(unreadable[:1], total=250).endswith("; and 249 more)")


def test_search_studies_leaves_out_the_studies_a_caller_already_read_and_reads_the_rest():
    from trialfind.core.spec import SearchSpec, search_studies

    records = list(real_records()[:4]) + [{"protocolSection": {"identificationModule": {"nctId": 7}}}, "not a record"]

    class Source:
        def search(self, spec):
            return iter(records)

    read = {records[1]["protocolSection"]["identificationModule"]["nctId"]}
    found = list(search_studies(Source(), SearchSpec(terms=("x",)), skip=read))
    assert [s.nct_id for s in found if isinstance(s, Study)] == [
        r["protocolSection"]["identificationModule"]["nctId"] for r in records[:4] if r is not records[1]]
    assert sum(isinstance(s, UnreadableRecord) for s in found) == 2  # a record without a readable id is never skipped
    assert list(search_studies(Source(), SearchSpec(terms=("x",)))) == [parse_study(r) for r in records]
