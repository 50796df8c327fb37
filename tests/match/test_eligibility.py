"""Eligibility: ages at the bounds, missing bounds, sex, status, healthy volunteers, evidence strength."""
from __future__ import annotations

import pytest

from tests.shared_data import real_records
from trialfind.core.ages import age_fits, max_age_days, min_age_days, parse_child_age
from trialfind.core.profile import ChildProfile
from trialfind.core.study import Study, parse_study
from trialfind.match.conditions import ConditionMatch
from trialfind.match.eligibility import CHECK_WITH_TEAM, assess
from trialfind.match.mentions import MentionMatch

DIRECT = ConditionMatch("glioma", "exact", "condition", "Glioma", "condition 'glioma' is listed: Glioma")


def synthetic_study(min_age=None, max_age=None, **fields) -> Study:
    fields.setdefault("status", "RECRUITING")
    fields.setdefault("sex", "ALL")
    fields.setdefault("eligibility_text", "Inclusion Criteria: synthetic")
    return Study(nct_id="NCT00000003", brief_title="A synthetic study", min_age=min_age, max_age=max_age,
                 min_age_days=min_age_days(min_age), max_age_days=max_age_days(max_age), **fields)


def child(age, sex=None) -> ChildProfile:
    return ChildProfile.build(age, sex=sex, conditions=["glioma"])


@pytest.mark.parametrize("age, min_age, max_age, expected", [
    ("17y11m", None, "17 Years", "yes"),  # "17 Years" admits until the 18th birthday
    ("18y", None, "17 Years", "no"),
    ("18y", None, "18 Years", "yes"),
    ("7", "7 Years", None, "yes"),  # on the birthday
    ("6y11m", "7 Years", None, "no"),
    ("6m", "6 Months", "21 Years", "yes"),
    ("5m", "6 Months", "21 Years", "no"),
    ("3w", "2 Weeks", "12 Months", "yes"),
    ("10d", "2 Weeks", "12 Months", "no"),
    ("12m", None, "12 Months", "yes"),
    ("2y", None, "12 Months", "no"),
    ("7", None, None, "yes"),  # a missing bound is no bound
    ("25y", "1 Year", None, "yes"),
])
def test_ages_at_the_bounds(age, min_age, max_age, expected):
    verdict = assess(synthetic_study(min_age, max_age), child(age), [DIRECT])
    assert verdict.eligible == expected, verdict.reasons
    assert verdict.age_fit is (expected == "yes")
    if expected == "no":
        assert verdict.excluded_by == {"age"}
        assert any("minimum age" in r or "maximum age" in r for r in verdict.reasons)


def test_reasons_are_plain_words_with_the_records_own_ages():
    verdict = assess(synthetic_study("3 Years", "18 Years"), child("7"), [DIRECT])
    assert verdict.eligible == "yes"
    assert "age 7 years fits the study's ages (3 Years to 18 Years)" in verdict.reasons
    assert verdict.reasons[-1] == CHECK_WITH_TEAM
    too_old = assess(synthetic_study("1 Year", "17 Years"), child("18y"), [DIRECT])
    assert "a child aged 18 years is older than the study's maximum age (17 Years)" in too_old.reasons
    assert CHECK_WITH_TEAM not in too_old.reasons


def test_unreadable_age_is_uncertain_not_excluded():
    verdict = assess(synthetic_study("about seven", "18 Years"), child("7"), [DIRECT])
    assert verdict.eligible == "uncertain" and verdict.age_fit is None


def test_synthetic_not_applicable_age_is_no_bound():
    verdict = assess(synthetic_study("N/A", "18 Years"), child("7"), [DIRECT])
    assert verdict.eligible == "yes" and verdict.age_fit is True
    assert any("up to 18 Years" in r for r in verdict.reasons)


def test_missing_eligibility_module_is_uncertain():
    study = Study(nct_id="NCT00000004", brief_title="synthetic partial record", status="RECRUITING")
    verdict = assess(study, child("7"), [DIRECT])
    assert verdict.eligible == "uncertain"
    assert any("does not include its eligibility details" in r for r in verdict.reasons)


@pytest.mark.parametrize("study_sex, child_sex, expected", [
    ("ALL", None, "yes"), (None, "female", "yes"), ("ALL", "male", "yes"),
    ("FEMALE", "female", "yes"), ("FEMALE", "male", "no"), ("MALE", "female", "no"),
    ("MALE", None, "uncertain"),
])
def test_sex(study_sex, child_sex, expected):
    verdict = assess(synthetic_study(sex=study_sex), child("7", child_sex), [DIRECT])
    assert verdict.eligible == expected, verdict.reasons


@pytest.mark.parametrize("status, expected, flag", [
    ("RECRUITING", "yes", None),
    ("NOT_YET_RECRUITING", "uncertain", "not recruiting yet"),
    ("ENROLLING_BY_INVITATION", "uncertain", "enrolling by invitation only"),
    (None, "uncertain", None),
    ("ACTIVE_NOT_RECRUITING", "no", None),
    ("COMPLETED", "no", None),
    ("SUSPENDED", "no", None),
    ("WITHDRAWN", "no", None),
])
def test_status(status, expected, flag):
    verdict = assess(synthetic_study(status=status), child("7"), [DIRECT])
    assert verdict.eligible == expected
    assert verdict.status_flag == flag
    if expected == "no":
        assert verdict.excluded_by == {"status"}


def test_healthy_volunteers_only_study_is_no():
    study = synthetic_study(healthy_volunteers=True, conditions=("Healthy Volunteers",))
    assert assess(study, child("7"), [DIRECT]).eligible == "no"
    patients_too = synthetic_study(healthy_volunteers=True, conditions=("Glioma",))
    assert assess(patients_too, child("7"), [DIRECT]).eligible == "yes"


@pytest.mark.parametrize("strength", ["broader", "keyword", "fuzzy"])
def test_indirect_condition_evidence_is_uncertain(strength):
    evidence = ConditionMatch("glioma", strength, "x", "y", "weak evidence")
    assert assess(synthetic_study(), child("7"), [evidence]).eligible == "uncertain"


def test_target_evidence_strength():
    direct = MentionMatch("ALK", "direct", "ALK is named")
    indirect = MentionMatch("ALK", "indirect", "drug only")
    none = MentionMatch("ALK", "none", "ALK is mentioned only in the exclusion criteria")
    assert assess(synthetic_study(), child("7"), [DIRECT, direct]).eligible == "yes"
    assert assess(synthetic_study(), child("7"), [DIRECT, indirect]).eligible == "uncertain"
    verdict = assess(synthetic_study(), child("7"), [DIRECT, none])
    assert verdict.eligible == "no" and "target" in verdict.excluded_by


@pytest.mark.parametrize("age", ["6m", "7", "12y", "17y11m", "25y"])
def test_never_yes_when_a_real_record_excludes(age):
    """Over every real record: with the strongest evidence, 'yes' only if status, ages and sex admit."""
    days = parse_child_age(age)
    profile = ChildProfile.build(age, sex="female", conditions=["x"])
    for record in real_records():
        study = parse_study(record)
        verdict = assess(study, profile, [DIRECT])
        admitted = (study.status == "RECRUITING" and age_fits(days, study.min_age_days, study.max_age_days)
                    and study.sex in (None, "ALL", "FEMALE"))
        if not admitted:
            assert verdict.eligible != "yes", study.nct_id
        if verdict.eligible == "yes":
            assert admitted
