"""A study matched to a child (TrialMatch), its score, and the best-first order.

Score, 0-100 (the parts add up):
  age fit                    30   (unknown 12, excluded 0)
  condition/target strength  35   (mean over the groups asked: exact 1.0 ... fuzzy 0.4)
  status                     15   (recruiting 15, not yet / by invitation 7, unknown 5, closed 0)
  phase                       8   (phase 2-3 8, phase 1/2 7, phase 1 6, early phase 1 5, other 3)
  distance (with --near)      7   (<=50 km 7, <=250 km 5, <=1000 km 3, farther 1)
  recency of last update      5   (within a year of the newest record 5, two years 3, older 1)
Age fit and condition/target evidence dominate on purpose: a distant, old-fashioned trial
the child can join beats a nearby one that does not fit. Ties sort by NCT id.
Before the score, treatment trials come first (`best_first`): a supportive-care or
diagnostic study never outranks one that treats the disease.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Sequence

from trialfind.core.study import FLAGGED_OPEN_STATUSES, OPEN_STATUSES, Study
from trialfind.core.text import parse_partial_date
from trialfind.match.geo import NearestSite, km_to_mi

WEIGHT_AGE = 30
WEIGHT_EVIDENCE = 35
WEIGHT_STATUS = 15

ROW_COLUMNS = (
    "nct_id", "title", "status", "status_flag", "eligible", "score", "phases", "study_type",
    "conditions", "interventions", "min_age", "max_age", "sex", "reasons", "url", "last_update",
    "sponsor", "nearest_site", "evidence", "purpose", "distance_km", "distance_mi", "nearest_sites",
)
# Treatment trials first (a family looks for a treatment); then records whose purpose is
# unknown or inferred; then supportive care, prevention, diagnostic and research studies.
PURPOSE_ORDER = {"treatment": 0, "treatment?": 1, "unknown": 1}


@dataclass(frozen=True)
class TrialMatch:
    study: Study
    eligible: str  # yes | no | uncertain
    score: int
    reasons: list[str]
    nearest_site: NearestSite | None = None
    distance_km: float | None = None
    evidence: tuple = ()  # ConditionMatch / MentionMatch, one per condition or target asked
    status_flag: str | None = None
    excluded_by: frozenset[str] = field(default_factory=frozenset)
    nearest_sites: tuple[NearestSite, ...] = ()  # closest first, with their contacts

    @property
    def nct_id(self) -> str:
        return self.study.nct_id

    @property
    def condition_evidence(self) -> tuple:
        return tuple(e for e in self.evidence if e.kind == "condition")

    @property
    def target_evidence(self) -> tuple:
        return tuple(e for e in self.evidence if e.kind == "target")

    def to_row(self) -> dict[str, Any]:
        s = self.study
        return {
            "nct_id": s.nct_id,
            "title": s.title,
            "status": s.status,
            "status_flag": self.status_flag,
            "eligible": self.eligible,
            "score": self.score,
            "phases": list(s.phases),
            "study_type": s.study_type,
            "conditions": list(s.conditions),
            "interventions": [iv.name for iv in s.interventions],
            "min_age": s.min_age,
            "max_age": s.max_age,
            "sex": s.sex,
            "reasons": list(self.reasons),
            "url": s.url,
            "last_update": s.last_update,
            "sponsor": s.lead_sponsor,
            "nearest_site": self.nearest_site.to_dict() if self.nearest_site else None,
            "evidence": [e.to_dict() for e in self.evidence],
            "purpose": s.purpose,
            "distance_km": self.distance_km,
            "distance_mi": round(km_to_mi(self.distance_km), 1) if self.distance_km is not None else None,
            "nearest_sites": [n.to_dict(with_contacts=True) for n in self.nearest_sites],
        }


def _phase_points(study: Study) -> float:
    highest = study.highest_phase
    if highest is None or highest == "NA":
        return 3
    if highest in ("PHASE2", "PHASE3"):
        return 8 if len(study.phases) == 1 or "PHASE1" not in study.phases else 7
    if highest == "PHASE4":
        return 7
    return {"PHASE1": 6, "EARLY_PHASE1": 5}.get(highest, 3)


def _distance_points(distance_km: float | None) -> float:
    if distance_km is None:
        return 0
    if distance_km <= 50:
        return 7
    if distance_km <= 250:
        return 5
    if distance_km <= 1000:
        return 3
    return 1


def _recency_points(last_update: str | None, as_of: date | None) -> float:
    updated = parse_partial_date(last_update)
    if updated is None or as_of is None:
        return 0
    age_days = (as_of - updated).days
    if age_days <= 366:
        return 5
    if age_days <= 731:
        return 3
    return 1


def score_match(study: Study, *, age_fit: bool | None, evidence: Sequence, distance_km: float | None,
                as_of: date | None) -> int:
    """The 0-100 score described at the top of this module."""
    age = WEIGHT_AGE if age_fit else (12 if age_fit is None else 0)
    strengths = [e.weight for e in evidence]
    strength = WEIGHT_EVIDENCE * (sum(strengths) / len(strengths)) if strengths else 0
    if study.status in OPEN_STATUSES:
        status = WEIGHT_STATUS
    elif study.status in FLAGGED_OPEN_STATUSES:
        status = 7
    elif not study.status:
        status = 5
    else:
        status = 0
    total = (age + strength + status + _phase_points(study) + _distance_points(distance_km)
             + _recency_points(study.last_update, as_of))
    return max(0, min(100, round(total)))


def newest_update(studies: Iterable[Study]) -> date | None:
    """The reference date for recency: the newest last-update among the studies (deterministic)."""
    dates = [d for d in (parse_partial_date(s.last_update) for s in studies) if d]
    return max(dates) if dates else None


def purpose_rank(study: Study) -> int:
    return PURPOSE_ORDER.get(study.purpose, 2)


def best_first(matches: Iterable[TrialMatch]) -> list[TrialMatch]:
    """Treatment trials first, then by score; ties by NCT id."""
    return sorted(matches, key=lambda m: (purpose_rank(m.study), -m.score, m.nct_id))


def nearest_first(matches: Iterable[TrialMatch]) -> list[TrialMatch]:
    """Closest site first; trials with no located site last, by score."""
    return sorted(matches, key=lambda m: (m.distance_km is None, m.distance_km or 0.0, -m.score, m.nct_id))
