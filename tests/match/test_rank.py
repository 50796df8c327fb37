"""Scores and best-first order; the row every output format is built from."""
from __future__ import annotations

from trialfind.core.ages import max_age_days, min_age_days
from trialfind.core.profile import ChildProfile
from trialfind.core.study import Site, Study
from trialfind.match.conditions import ConditionMatch
from trialfind.match.rank import ROW_COLUMNS, TrialMatch, best_first, score_match
from trialfind.trials import match_study

BOSTON = (42.36, -71.06)
REQUIRED_ROW_KEYS = {"nct_id", "title", "status", "phases", "conditions", "interventions", "min_age", "max_age",
                     "eligible", "score", "reasons", "url", "last_update", "sponsor", "nearest_site"}


def synthetic_study(nct_id, *, min_age="1 Year", max_age="21 Years", status="RECRUITING", conditions=("Glioma",),
                    phases=("PHASE2",), last_update="2026-01-01", sites=(), keywords=(),
                    condition_mesh_ancestors=()) -> Study:
    return Study(nct_id=nct_id, brief_title=f"synthetic {nct_id}", status=status, conditions=conditions,
                 keywords=keywords, condition_mesh_ancestors=condition_mesh_ancestors, phases=phases, min_age=min_age, max_age=max_age,
                 min_age_days=min_age_days(min_age), max_age_days=max_age_days(max_age), sex="ALL",
                 eligibility_text="synthetic", last_update=last_update, sites=sites, lead_sponsor="Synthetic Sponsor")


def ranked(studies, **profile):
    child = ChildProfile.build(profile.pop("age", "7"), conditions=["glioma"], **profile)
    matches = [m for m in (match_study(s, child) for s in studies) if m]
    return best_first(matches)


def near_site(point=BOSTON) -> Site:
    return Site("Near Hospital", "Boston", "MA", "United States", "RECRUITING", *point)


def test_age_fit_and_direct_evidence_beat_distance_status_and_recency():
    fits = synthetic_study("NCT00000020", last_update="2019-01-01", phases=("PHASE1",))
    # Only a MeSH category names glioma: indirect evidence (a keyword is direct since issue 10).
    keyword_only = synthetic_study("NCT00000010", conditions=("CNS Tumor",), condition_mesh_ancestors=("Glioma",),
                                   sites=(near_site(),))
    too_young = synthetic_study("NCT00000030", min_age="18 Years", max_age=None, sites=(near_site(),))
    order = ranked([too_young, keyword_only, fits], near="42.36,-71.06")
    assert [m.nct_id for m in order] == ["NCT00000020", "NCT00000010", "NCT00000030"]
    assert [m.eligible for m in order] == ["yes", "uncertain", "no"]


def test_open_beats_flagged_and_ties_sort_by_nct_id():
    flagged = synthetic_study("NCT00000001", status="NOT_YET_RECRUITING")
    open_b = synthetic_study("NCT00000003")
    open_a = synthetic_study("NCT00000002")
    order = ranked([flagged, open_b, open_a])
    assert [m.nct_id for m in order] == ["NCT00000002", "NCT00000003", "NCT00000001"]
    assert order[0].score == order[1].score > order[2].score
    assert order[2].status_flag == "not recruiting yet"


def test_nearer_and_more_recent_score_higher_when_all_else_is_equal():
    near = synthetic_study("NCT00000009", sites=(near_site(),))
    far = synthetic_study("NCT00000001", sites=(near_site((51.5, -0.13)),))
    assert [m.nct_id for m in ranked([far, near], near="42.36,-71.06")] == ["NCT00000009", "NCT00000001"]
    recent = synthetic_study("NCT00000008", last_update="2026-06-01")
    stale = synthetic_study("NCT00000002", last_update="2015-06-01")
    assert score_match(recent, age_fit=True, evidence=[], distance_km=None, as_of=None) == \
        score_match(stale, age_fit=True, evidence=[], distance_km=None, as_of=None)
    from datetime import date

    as_of = date(2026, 6, 1)
    assert score_match(recent, age_fit=True, evidence=[], distance_km=None, as_of=as_of) > \
        score_match(stale, age_fit=True, evidence=[], distance_km=None, as_of=as_of)


def test_score_stays_within_0_and_100():
    from datetime import date

    best = synthetic_study("NCT00000001", sites=(near_site(),))
    exact = ConditionMatch("glioma", "exact", reason="r")
    top = score_match(best, age_fit=True, evidence=[exact], distance_km=1.0, as_of=date(2026, 1, 2))
    assert top == 100
    worst = synthetic_study("NCT00000002", status="WITHDRAWN", phases=(), last_update=None)
    assert score_match(worst, age_fit=False, evidence=[ConditionMatch("x", "none")], distance_km=None,
                       as_of=None) == 3


def test_row_has_the_promised_columns():
    study = synthetic_study("NCT00000001", sites=(near_site(),), max_age=None)
    [without_near] = ranked([study])
    row = without_near.to_row()
    assert REQUIRED_ROW_KEYS <= set(row) and set(row) == set(ROW_COLUMNS)
    assert row["nearest_site"] is None
    assert row["min_age"] == "1 Year" and row["max_age"] is None
    assert row["url"] == "https://clinicaltrials.gov/study/NCT00000001"
    assert row["eligible"] == "yes" and isinstance(row["reasons"], list)
    [with_near] = ranked([study], near="42.36,-71.06")
    site = with_near.to_row()["nearest_site"]
    assert set(site) >= {"facility", "city", "state", "country", "distance_km"}
    assert site["distance_km"] == 0.0
    assert isinstance(with_near, TrialMatch) and with_near.distance_km == 0.0
