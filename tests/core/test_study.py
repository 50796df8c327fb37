"""The parser over every real record, and the criteria splitter's edge cases."""
from tests.shared_data import real_partial_records, real_records
from trialfind.core.ages import parse_child_age
from trialfind.core.spec import SearchSpec, matches_spec
from trialfind.core.study import parse_study, split_criteria


def test_every_real_record_parses():
    records = real_records()
    assert len(records) >= 1700
    studies = [parse_study(r) for r in records]
    assert len({s.nct_id for s in studies}) == len(records)
    for study, record in zip(studies, records):
        elig = record["protocolSection"].get("eligibilityModule", {})
        if elig.get("minimumAge"):
            assert study.min_age_days is not None, (study.nct_id, elig["minimumAge"])
        if elig.get("maximumAge"):
            assert study.max_age_days is not None, (study.nct_id, elig["maximumAge"])
        assert study.url.endswith(study.nct_id)
    assert sum(1 for s in studies if s.status == "RECRUITING") > 500
    assert sum(1 for s in studies if s.exclusion_criteria) > 1600
    assert sum(1 for s in studies if any(site.lat is not None for site in s.sites)) > 1000


def test_every_partial_record_parses():
    records = real_partial_records()
    assert len(records) > 500
    for record in records:
        study = parse_study(record)
        assert study.nct_id.startswith("NCT")


def test_seventeen_years_max_admits_seventeen_years_eleven_months():
    study = parse_study({"protocolSection": {
        "identificationModule": {"nctId": "NCT00000001", "briefTitle": "synthetic"},
        "eligibilityModule": {"minimumAge": "1 Year", "maximumAge": "17 Years"}}})
    assert study.min_age_days <= parse_child_age("1y") <= study.max_age_days
    assert parse_child_age("17y11m") <= study.max_age_days < parse_child_age("18y")
    assert parse_child_age("11m") < study.min_age_days


def test_missing_age_bound_is_no_bound():
    study = parse_study({"protocolSection": {"identificationModule": {"nctId": "NCT00000002"}}})
    assert study.min_age_days is None and study.max_age_days is None
    assert matches_spec(study, SearchSpec(admits_age_days=parse_child_age("3w")))


def test_split_criteria_headings_and_cohorts():
    text = ("Inclusion Criteria:\n\n* ALK-positive neuroblastoma\n\nExclusion Criteria:\n\n* Prior crizotinib\n"
            "Inclusion Criteria for Cohort B:\n* Age 1 to 21")
    inc, exc = split_criteria(text)
    # The cohort label stays with its criteria (issue 18: every line is kept).
    assert "ALK-positive" in inc and "for Cohort B\n* Age 1 to 21" in inc and "Inclusion Criteria" not in inc
    assert "crizotinib" in exc and "ALK" not in exc
    assert split_criteria("* Only one list") == ("* Only one list", None)
    assert split_criteria(None) == (None, None)
