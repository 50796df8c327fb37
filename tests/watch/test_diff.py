"""The pure comparison of two answers, on synthetic answers (edge cases, one rule each)."""
from __future__ import annotations

from dataclasses import replace

from trialfind.watch.diff import Answer, DrugState, EAState, TrialState, compare


def synthetic_trial(nct="NCT90000001", **changes) -> TrialState:
    base = TrialState(nct_id=nct, title=f"Trial {nct}", status="RECRUITING", min_age="1 Year", max_age="21 Years",
                      fits=True, ages_fit=True, sites=(("Hospital A, Boston", 4.0),))
    return replace(base, **changes)


def synthetic_answer(*trials: TrialState, drugs=()) -> Answer:
    return Answer(taken_on="2026-11-20", age_days=2557, data_version="v", trials={t.nct_id: t for t in trials},
                  drugs={d.drug: d for d in drugs})


def kinds(changes) -> list[tuple[str, str]]:
    return [(c.kind, c.subject) for c in changes.items]


def test_synthetic_identical_answers_have_no_changes():
    answer = synthetic_answer(synthetic_trial(), drugs=[DrugState("drug-a", True)])
    changes = compare(answer, answer)
    assert not changes and not changes.first_run


def test_synthetic_first_run_lists_what_may_fit_and_candidates():
    answer = synthetic_answer(synthetic_trial("NCT90000001"),
                              synthetic_trial("NCT90000002", status="COMPLETED", fits=False),
                              drugs=[DrugState("drug-a", True), DrugState("drug-b", False, ("NCT90000001",))])
    changes = compare(None, answer)
    assert changes.first_run
    assert kinds(changes) == [("new_trial", "NCT90000001"), ("new_candidate", "drug-a")]


def test_synthetic_open_close_and_ages():
    old = synthetic_answer(synthetic_trial("NCT90000001"), synthetic_trial("NCT90000002", status="COMPLETED",
                                                                           fits=False),
                           synthetic_trial("NCT90000003"))
    new = synthetic_answer(synthetic_trial("NCT90000001", status="COMPLETED", fits=False),
                           synthetic_trial("NCT90000002"),
                           synthetic_trial("NCT90000003", max_age="5 Years", fits=False, ages_fit=False))
    changes = compare(old, new)
    assert kinds(changes) == [("opened", "NCT90000002"), ("closed", "NCT90000001"), ("ages_changed", "NCT90000003")]
    assert "no longer admits" in changes.of_kind("ages_changed")[0].detail


def test_synthetic_changes_to_trials_the_child_never_fits_are_not_news():
    adult_old = synthetic_trial(min_age="18 Years", fits=False, ages_fit=False, status="COMPLETED")
    adult_new = replace(adult_old, status="RECRUITING", max_age="65 Years")
    assert not compare(synthetic_answer(adult_old), synthetic_answer(adult_new))
    assert not compare(synthetic_answer(), synthetic_answer(adult_new))      # new, does not fit
    assert not compare(synthetic_answer(adult_old), synthetic_answer())      # gone, did not fit


def test_synthetic_child_outgrows_a_trial_and_a_trial_disappears():
    old = synthetic_answer(synthetic_trial("NCT90000001", max_age="7 Years"), synthetic_trial("NCT90000002"))
    new = synthetic_answer(synthetic_trial("NCT90000001", max_age="7 Years", fits=False, ages_fit=False))
    changes = compare(old, new)
    assert kinds(changes) == [("no_longer_fits", "NCT90000001"), ("gone", "NCT90000002")]
    assert "outgrown" in changes.items[0].detail


def test_synthetic_sites_within_the_radius():
    old = synthetic_answer(synthetic_trial(sites=(("Hospital A, Boston", 4.0), ("Clinic B, Quincy", 12.0))))
    new = synthetic_answer(synthetic_trial(sites=(("Hospital A, Boston", 4.0), ("Clinic C, Salem", 25.0))))
    changes = compare(old, new)
    assert kinds(changes) == [("site_opened", "NCT90000001"), ("site_closed", "NCT90000001")]
    assert "Salem" in changes.items[0].detail and "Quincy" in changes.items[1].detail
    # A trial that closes: its sites are not listed one by one.
    closed = synthetic_answer(synthetic_trial(status="COMPLETED", fits=False, sites=()))
    assert kinds(compare(old, closed)) == [("closed", "NCT90000001")]


def test_synthetic_candidates_and_expanded_access():
    ea = EAState("NCT90000100", "NCT90000100", "AVAILABLE", "Program")
    old = synthetic_answer(drugs=[DrugState("drug-a", True), DrugState("drug-b", False, ("NCT90000001",)),
                                  DrugState("drug-c", True, (), (ea,)), DrugState("drug-d", True)])
    new = synthetic_answer(drugs=[DrugState("drug-a", False, ("NCT90000009",)), DrugState("drug-b", True),
                                  DrugState("drug-c", True, (), (replace(ea, status="NO_LONGER_AVAILABLE"),
                                                                 EAState("flag:NCT90000005", None, "AVAILABLE"))),
                                  DrugState("drug-e", True)])
    changes = compare(old, new)
    assert kinds(changes) == [("new_candidate", "drug-e"), ("now_has_trial", "drug-a"), ("candidate_again", "drug-b"),
                              ("candidate_gone", "drug-d"), ("ea_new", "drug-c"), ("ea_changed", "drug-c")]
    assert changes.of_kind("now_has_trial")[0].nct_ids == ("NCT90000009",)
    assert "no longer a compassionate-use candidate" in changes.of_kind("now_has_trial")[0].detail


def test_synthetic_answers_survive_a_round_trip_through_json():
    import json

    answer = synthetic_answer(synthetic_trial(), drugs=[DrugState("drug-c", True, ("NCT1",),
                                                                  (EAState("k", None, "AVAILABLE"),))])
    again = Answer.from_dict(json.loads(json.dumps(answer.to_dict())))
    assert again == answer and not compare(answer, again)
