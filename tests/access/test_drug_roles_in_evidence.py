"""A drug given only as another drug's comparator or background therapy: its phase and a completed
phase 1 come from the trials that test it, in the candidates list and in the request letter alike.
Real records (../shared/data), loopback-free: the in-memory source over the recorded studies."""
from __future__ import annotations

import pytest

import trialfind
from trialfind.access.candidates import find_candidates
from trialfind.access.packet import build_request_packet
from trialfind.core.study import highest_phase
from trialfind.match.drug_role import OWN

from tests.shared_data import real_records


@pytest.fixture(scope="module")
def source():
    return trialfind.MemorySource(real_records())


def _candidate(found, drug):
    return next(c for c in [*found, *found.not_candidates] if c.drug == drug)


def test_a_phase_3_giving_the_drug_as_comparator_is_not_its_phase(source):
    # NCT06140836 is "Repotrectinib Versus Crizotinib": crizotinib is the active comparator of a phase 3.
    crizotinib = _candidate(find_candidates("ALK", 7, source=source), "crizotinib")
    comparator = {t.nct_id: t for t in crizotinib.other_role_trials}
    assert "NCT06140836" in comparator
    assert comparator["NCT06140836"].role.role == "comparator"
    assert "Repotrectinib" in comparator["NCT06140836"].role.reason
    own_phases = [p for t in crizotinib.own_trials for p in t.phases]
    assert crizotinib.highest_phase == highest_phase(own_phases, ignore_na=True)
    assert "reached phase 3" not in crizotinib.reasons
    row = crizotinib.to_row()
    assert "NCT06140836" in row["comparator_trials"]
    assert any("comparator or background therapy (NCT06140836" in r for r in crizotinib.reasons)


def test_a_drug_with_own_and_comparator_trials_keeps_its_own_phase(source):
    osimertinib = _candidate(find_candidates("EGFR", 7, source=source), "osimertinib")
    assert osimertinib.own_trials and osimertinib.other_role_trials
    assert {t.nct_id for t in osimertinib.other_role_trials} >= {"NCT04870190"}
    assert osimertinib.highest_phase == "PHASE3"
    assert len(osimertinib.own_trials) + len(osimertinib.other_role_trials) == len(osimertinib.trials)


def test_an_intervention_resolved_by_a_part_is_the_drugs_own_trial(source):
    # NCT05651269 writes its intervention "Milciclib Dose: 150 mg/day Mode of administration: oral": it
    # resolves to milciclib by a part, and it is milciclib's own (experimental) arm.
    milciclib = _candidate(find_candidates("NTRK fusion", 7, source=source), "milciclib")
    trial = next(t for t in milciclib.trials if t.nct_id == "NCT05651269")
    assert trial.role is not None and trial.role.role == OWN
    assert milciclib.highest_phase == "PHASE2"


def test_the_letter_and_the_candidates_list_agree_on_the_drugs_own_trials(source):
    for drug, target in [("milciclib", "NTRK fusion"), ("osimertinib", "EGFR"), ("crizotinib", "ALK")]:
        packet = build_request_packet(drug, source=source)
        candidate = _candidate(find_candidates(target, 7, source=source), drug)
        assert {s.nct_id for s in packet.trials} == {t.nct_id for t in candidate.own_trials}, drug
        assert {r.study.nct_id for r in packet.other_role_trials} == {t.nct_id for t in candidate.other_role_trials}
        assert packet.highest_phase == candidate.highest_phase, drug
