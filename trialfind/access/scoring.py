"""How a candidate is scored and explained: the evidence a company weighs before saying yes to a
compassionate-use request (phase, completed phase 1, expanded-access programs, paediatric
experience), what the child's variant does to the drug (variants.tsv) and whom it is approved
for (approvals.tsv). Every point comes with a reason in plain words."""
from __future__ import annotations

from typing import TYPE_CHECKING

from trialfind.core.ages import describe_days
from trialfind.core.study import PHASE_ORDER
from trialfind.knowledge.approvals import approval_reasons

if TYPE_CHECKING:  # pragma: no cover
    from trialfind.access.evidence import Candidate

PHASE_LABEL = {"EARLY_PHASE1": "early phase 1", "PHASE1": "phase 1", "PHASE2": "phase 2", "PHASE3": "phase 3",
               "PHASE4": "phase 4", "NA": "not applicable"}

# Score weights: evidence a company weighs before saying yes to a compassionate-use request.
SCORE_PER_PHASE = 10.0           # highest phase reached (phase 3 -> 30)
SCORE_PHASE1_COMPLETED = 15.0    # a completed phase 1: safety and dose are known
SCORE_EA_AVAILABLE = 20.0        # an expanded-access program is AVAILABLE on ClinicalTrials.gov
SCORE_EA_ANY = 5.0               # some expanded-access record exists (other status, or a link)
SCORE_CHILDREN_DOSED = 10.0      # a closed trial admitted children: paediatric experience exists
SCORE_PER_TRIAL = 2.0            # up to SCORE_TRIALS_CAP
SCORE_TRIALS_CAP = 10.0
SCORE_PER_TARGET_TRIAL = 3.0     # trials that name the target itself; up to SCORE_TARGET_CAP
SCORE_TARGET_CAP = 9.0
SCORE_RECENT = 5.0               # updated within RECENT_DAYS of the newest record in the data
RECENT_DAYS = 730
SCORE_VARIANT_SENSITIVE = 15.0   # a sourced row says the child's variant responds to the drug


def days_between(earlier: str, later: str) -> int | None:
    from datetime import date

    def parse(text: str) -> date | None:
        parts = text.split("-")
        try:
            return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
        except (ValueError, IndexError):
            return None

    a, b = parse(earlier), parse(later)
    return (b - a).days if a and b else None


def score_and_reasons(c: Candidate) -> None:
    score = 0.0
    reasons: list[str] = []
    age_words = describe_days(c.age_days) if c.age_days is not None else None
    trials = c.trials
    if c.is_candidate is False:
        ids = ", ".join(t.nct_id for t in c.open_trials_admitting_child)
        reasons.append(f"{c.drug} has an open trial for age {age_words} ({ids}): see `trialfind trials` instead")
    elif c.is_candidate:
        if len(trials) == 1:
            reasons.append(f"its only trial in the data is not open to a child of {age_words}")
        elif trials:
            reasons.append(f"none of its {len(trials)} trials in the data is open to a child of {age_words}")
    if not trials:
        others = [s for s in c.studies if not s.is_trial]
        kinds = ", ".join(f"{(s.study_type or 'unknown type').lower().replace('_', ' ')}: {s.nct_id}"
                          for s in others[:3])
        reasons.append(f"no interventional trial of it in the data; only {len(others)} other "
                       f"stud{'y' if len(others) == 1 else 'ies'} ({kinds}); listed because it acts on the target, "
                       "below every drug with a trial")
    other = c.open_trials_admitting_age_other_condition
    if other:
        reasons.append(f"open trial{'s' * (len(other) != 1)} admitting age {age_words} but for other conditions "
                       f"({', '.join(t.nct_id for t in other)}): check with the study team")
    effect = c.variant_effect
    if effect is not None and effect.against:
        # first, in plain words: the child's variant makes this drug fail or harm
        reasons.insert(0, f"{c.drug}: {effect.reason()}; listed last for that reason")
    elif effect is not None:
        score += SCORE_VARIANT_SENSITIVE
        reasons.append(f"{c.drug}: {effect.reason()}")
    if c.info.mechanism:
        reasons.append(f"{c.info.mechanism}, acting on {', '.join(c.targets)}")
    phase = c.highest_phase
    if phase:
        score += SCORE_PER_PHASE * PHASE_ORDER[phase]
        reasons.append(f"reached {PHASE_LABEL.get(phase, phase)}")
    if c.phase1_completed:
        score += SCORE_PHASE1_COMPLETED
        reasons.append("a phase 1 trial is completed (safety and dose known: the usual bar for compassionate use)")
    if c.ea_available:
        score += SCORE_EA_AVAILABLE
        ids = ", ".join(r.nct_id or "linked" for r in c.ea_records if r.available)
        reasons.append(f"an expanded-access program is available on ClinicalTrials.gov ({ids})")
    elif c.ea_records:
        score += SCORE_EA_ANY
        statuses = ", ".join(sorted({r.status_words for r in c.ea_records}))
        reasons.append(f"expanded-access records exist ({statuses})")
    for related in c.related_ea_records:
        reasons.append(f"not counted: expanded-access {related.reason}; ask the company whether it covers {c.drug}")
    children_dosed = [t for t in trials if t.admits_children and not t.open_to_join]
    if children_dosed:
        score += SCORE_CHILDREN_DOSED
        reasons.append(f"{len(children_dosed)} closed or completed trial{'s' * (len(children_dosed) != 1)} admitted "
                       f"children ({', '.join(t.nct_id for t in children_dosed[:3])})")
    adult_only = c.adult_only_trials
    if trials:
        score += min(SCORE_TRIALS_CAP, SCORE_PER_TRIAL * len(trials))
        reasons.append(f"{len(trials)} trial{'s' * (len(trials) != 1)} in the data, {len(adult_only)} adult-only")
    not_tested = c.other_role_trials
    if not_tested:
        reasons.append(f"{len(not_tested)} of them give{'s' * (len(not_tested) == 1)} it only as another drug's "
                       f"comparator or background therapy ({', '.join(t.nct_id for t in not_tested[:3])}): "
                       "not counted toward its phase")
    on_target = [t for t in trials if t.target_evidence == "direct"]
    if on_target:
        score += min(SCORE_TARGET_CAP, SCORE_PER_TARGET_TRIAL * len(on_target))
        reasons.append(f"{len(on_target)} trial{'s' * (len(on_target) != 1)} name the target itself "
                       f"({', '.join(t.nct_id for t in on_target[:3])})")
    if c.conditions:
        in_condition = [t for t in trials if t.condition_match]
        if in_condition:
            reasons.append(f"{len(in_condition)} trial{'s' * (len(in_condition) != 1)} in "
                           f"{' / '.join(c.conditions)}")
    latest = c.latest_update
    if latest and c.reference_date:
        gap = days_between(latest, c.reference_date)
        if gap is not None and gap <= RECENT_DAYS:
            score += SCORE_RECENT
            reasons.append(f"recently updated ({latest})")
        else:
            reasons.append(f"last updated {latest}")
    reasons += approval_reasons(c.drug, c.info.approved, c.info.first_approval, c.targets)
    if c.ea_policy_reason:
        reasons.append(c.ea_policy_reason)
    c.score = score
    c.reasons = reasons


def rank_key(c: Candidate):
    # A drug the child's variant makes fail or harmful ranks last; a drug never tried in an interventional
    # trial ranks below every drug that was, whatever its score.
    return (c.against_variant, not c.trials, -c.score, -(PHASE_ORDER.get(c.highest_phase or "", 0)), -len(c.trials), c.drug)
