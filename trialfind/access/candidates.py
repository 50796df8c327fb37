"""Compassionate-use candidates: drugs acting on the child's target that the child cannot get in a trial.

A drug is a candidate for a child of age A when it acts on the target (per the target
knowledge) and none of its open trials in the data (RECRUITING, NOT_YET_RECRUITING,
ENROLLING_BY_INVITATION) admits age A. A drug with such an open trial is not a
candidate: the child may be able to join that trial, which `trialfind trials` shows.

Retrieval costs one page walk per target: one OR-ed search over the target's genes and
aliases and every name of every drug acting on it (SearchSpec(combine="any")).
Studies are then grouped by canonical drug (trialfind.knowledge.drugs), and each drug's
evidence is gathered: trials (all, adult-only, open to children), highest phase, a
completed phase 1 (the usual bar companies set for expanded access), latest update,
approval, expanded-access records, and the published EA policy of the drug's company.

Company and programs are attributed to the drug, not to whoever ran a trial of it: a
combination trial's sponsor (Bristol Myers Squibb testing repotrectinib against
crizotinib) is not crizotinib's company, and the expanded-access program such a trial
links to may be for its other drug. The company comes from the drug table
(`company` column); a trial sponsor stands in only when the table has no company and
the trial gives this drug alone.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

from trialfind.access.ea_records import ea_records_from_studies
from trialfind.core.ages import ADULT_DAYS, age_fits, describe_days, is_adult_only, optional_child_age, parse_child_age
from trialfind.core.errors import InvalidInput, NotFound
from trialfind.core.spec import SearchSpec, StudySource
from trialfind.core.study import (
    FLAGGED_OPEN_STATUSES,
    OPEN_STATUSES,
    PHASE_ORDER,
    Study,
    UnreadableRecord,
    parse_studies,
)
from trialfind.knowledge.drugs import _SPLIT, DrugResolver, compact, resolver_for, strip_dose
from trialfind.knowledge.sponsor_directory import match_sponsor, normalize_company, related_policies
from trialfind.knowledge.targets import (
    DRUGS_FILE,
    DrugInfo,
    Knowledge,
    TargetQuery,
    builtin_knowledge,
    resolve_target,
    split_list,
)
from trialfind.match.conditions import match_condition
from trialfind.match.mentions import find_mentions
from trialfind.sources import open_source

OPEN_TO_JOIN = OPEN_STATUSES | FLAGGED_OPEN_STATUSES
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


@dataclass(frozen=True)
class DrugTrial:
    """One study of the drug, as the candidate evidence sees it."""

    nct_id: str
    title: str
    status: str | None
    study_type: str | None
    phases: tuple[str, ...]
    min_age: str | None
    max_age: str | None
    adult_only: bool
    admits_children: bool
    admits_child: bool | None  # the child's age fits (None: no age given)
    open_to_join: bool
    last_update: str | None
    lead_sponsor: str | None
    lead_sponsor_class: str | None
    named_as: tuple[str, ...]  # the intervention names that resolved to the drug
    target_evidence: str | None = None  # direct | indirect | none (None: not judged)
    condition_match: bool | None = None
    url: str = ""
    countries: tuple[str, ...] = ()  # of its sites (read by trialfind.access.criteria); empty: none listed
    with_drugs: tuple[str, ...] = ()  # other drugs given in the study (canonical when known, else as written)

    @property
    def is_trial(self) -> bool:
        return self.study_type not in ("EXPANDED_ACCESS", "OBSERVATIONAL")

    @property
    def gives_drug_alone(self) -> bool:
        """No other drug or biological is given in the study (placebo aside)."""
        return not self.with_drugs

    def to_dict(self) -> dict[str, Any]:
        return {"nct_id": self.nct_id, "title": self.title, "status": self.status, "phases": list(self.phases),
                "min_age": self.min_age, "max_age": self.max_age, "adult_only": self.adult_only,
                "admits_child": self.admits_child, "open": self.open_to_join, "last_update": self.last_update,
                "sponsor": self.lead_sponsor, "named_as": list(self.named_as), "with_drugs": list(self.with_drugs),
                "countries": list(self.countries), "target_evidence": self.target_evidence, "url": self.url}


@dataclass(frozen=True)
class RelatedEARecord:
    """An expanded-access record met in the drug's studies but not shown to be for this drug."""

    record: Any  # trialfind.access.ea_records.EARecord
    reason: str

    @property
    def nct_id(self) -> str | None:
        return self.record.nct_id

    def to_dict(self) -> dict[str, Any]:
        return {**self.record.to_dict(), "reason": self.reason}


@dataclass
class Candidate:
    drug: str
    info: DrugInfo
    targets: list[str]
    studies: list[DrugTrial]
    ea_records: list  # trialfind.access.ea_records.EARecord
    seen_as: list[str]
    age_days: int | None
    conditions: tuple[str, ...] = ()
    ea_policy: dict | None = None
    ea_policy_basis: str | None = None  # "the drug's company" or "sponsor of its trial NCT…"
    ea_policy_reason: str = ""
    company: tuple[str, ...] = ()       # from the drug table; empty: not recorded
    related_ea_records: list[RelatedEARecord] = field(default_factory=list)
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    reference_date: str | None = None
    unreadable: list[UnreadableRecord] = field(default_factory=list)  # records of the search that could not be read

    # --- evidence -------------------------------------------------------------------------
    @property
    def trials(self) -> list[DrugTrial]:
        return [t for t in self.studies if t.is_trial]

    @property
    def aliases(self) -> list[str]:
        names = [*self.seen_as, *self.info.aliases]
        seen, out = {self.drug.lower()}, []

        seen = {compact(self.drug)}
        for name in names:
            key = compact(name)
            if key and key not in seen:
                seen.add(key)
                out.append(name)
        return out

    @property
    def adult_only_trials(self) -> list[DrugTrial]:
        return [t for t in self.trials if t.adult_only]

    @property
    def pediatric_trials(self) -> list[DrugTrial]:
        return [t for t in self.trials if t.admits_children]

    @property
    def open_trials_admitting_child(self) -> list[DrugTrial]:
        """Open trials whose ages admit the child (and, with conditions given, about the child's condition)."""
        return [t for t in self.trials if t.open_to_join and t.admits_child
                and (not self.conditions or t.condition_match is not False)]

    @property
    def open_trials_admitting_age_other_condition(self) -> list[DrugTrial]:
        return [t for t in self.trials if t.open_to_join and t.admits_child and self.conditions
                and t.condition_match is False]

    @property
    def is_candidate(self) -> bool | None:
        if self.age_days is None:
            return None
        return not self.open_trials_admitting_child

    @property
    def highest_phase(self) -> str | None:
        phases = [p for t in self.trials for p in t.phases if p in PHASE_ORDER and p != "NA"]
        return max(phases, key=PHASE_ORDER.__getitem__) if phases else None

    @property
    def phase1_completed(self) -> bool:
        return any(t.status == "COMPLETED" and {"PHASE1", "EARLY_PHASE1"} & set(t.phases) for t in self.trials)

    @property
    def latest_update(self) -> str | None:
        dates = [t.last_update for t in self.studies if t.last_update]
        dates += [r.last_update for r in self.ea_records if getattr(r, "last_update", None)]
        return max(dates) if dates else None

    @property
    def sponsors(self) -> list[str]:
        counts = Counter(t.lead_sponsor for t in self.studies if t.lead_sponsor)
        return [name for name, _ in counts.most_common()]

    @property
    def ea_available(self) -> bool:
        return any(r.available for r in self.ea_records)

    @property
    def nct_ids(self) -> list[str]:
        return [t.nct_id for t in self.studies]

    def to_row(self) -> dict[str, Any]:
        open_ids = [t.nct_id for t in self.open_trials_admitting_child]
        return {
            "drug": self.drug,
            "aliases": self.aliases,
            "targets": self.targets,
            "mechanism": self.info.mechanism,
            "candidate": self.is_candidate,
            "trials": len(self.trials),
            "other_studies": len(self.studies) - len(self.trials),
            "adult_only_trials": len(self.adult_only_trials),
            "pediatric_trials": len(self.pediatric_trials),
            "open_trials_for_child": open_ids,
            "highest_phase": self.highest_phase,
            "phase1_completed": self.phase1_completed,
            "approved": self.info.approved,
            "first_approval": self.info.first_approval,
            "latest_update": self.latest_update,
            "company": "; ".join(self.company) or None,
            "sponsors": self.sponsors,
            "ea_records": [r.to_dict() for r in self.ea_records],
            "ea_available": self.ea_available,
            "related_ea_records": [r.to_dict() for r in self.related_ea_records],
            "ea_policy": self.ea_policy,
            "ea_policy_basis": self.ea_policy_basis,
            "score": round(self.score, 1),
            "reasons": self.reasons,
            "nct_ids": self.nct_ids,
            "urls": [t.url for t in self.studies],
            "knowledge_source": self.info.source,
        }


CANDIDATE_COLUMNS = (
    "drug", "aliases", "targets", "mechanism", "candidate", "trials", "adult_only_trials", "pediatric_trials",
    "other_studies", "open_trials_for_child", "highest_phase", "phase1_completed", "approved", "first_approval",
    "latest_update", "company", "sponsors", "ea_records", "ea_available", "related_ea_records", "ea_policy",
    "ea_policy_basis", "score", "reasons", "nct_ids", "urls", "knowledge_source",
)


class CandidateList(list):
    """The candidates, best first, plus what was not a candidate and why, and what it cost."""

    columns = CANDIDATE_COLUMNS

    def __init__(self, candidates: Iterable[Candidate] = (), *, not_candidates: Sequence[Candidate] = (),
                 queries: Sequence[TargetQuery] = (), age_days: int | None = None, notes: Sequence[str] = (),
                 requests: int | None = None, data_version: str | None = None,
                 knowledge_origin: str | None = None, unreadable: Sequence[UnreadableRecord] = ()) -> None:
        super().__init__(candidates)
        self.knowledge_origin = knowledge_origin
        self.unreadable = list(unreadable)  # records the searches returned that could not be read
        self.not_candidates = list(not_candidates)
        self.queries = list(queries)
        self.age_days = age_days
        self.notes = list(notes)
        self.requests = requests
        self.data_version = data_version

    def rows(self) -> list[dict[str, Any]]:
        return [c.to_row() for c in self]

    def not_candidate_lines(self) -> list[str]:
        age = describe_days(self.age_days) if self.age_days is not None else "this age"
        lines = []
        for c in self.not_candidates:
            ids = ", ".join(t.nct_id for t in c.open_trials_admitting_child)
            lines.append(f"{c.drug} has an open trial for age {age} ({ids}): see `trialfind trials`")
        return lines


# --- building the evidence ------------------------------------------------------------------

def target_search_spec(query: TargetQuery) -> SearchSpec:
    """The one search that covers a target: its genes and aliases OR any name of its drugs."""
    return SearchSpec(terms=query.search_terms, interventions=query.drug_names, combine="any")


def _drug_names_in(study: Study, resolver: DrugResolver) -> dict[str, list[str]]:
    """canonical drug -> the names this study uses for it (interventions only: a drug named
    in the eligibility text is not given in the study)."""
    found: dict[str, list[str]] = {}
    for intervention in study.interventions:
        for drug, names in resolver.resolve_names(intervention.all_names).items():
            bucket = found.setdefault(drug, [])
            bucket += [n for n in names if n not in bucket]
    return found


def _condition_fits(study: Study, conditions: Sequence[str]) -> bool | None:
    if not conditions:
        return None

    return any(match_condition(c, study).found for c in conditions)


def _target_evidence(study: Study, queries: Sequence[TargetQuery]) -> str | None:
    if not queries:
        return None

    best = "none"
    for q in queries:
        match = find_mentions(study, label=q.label, genes=(*q.genes, *(a for a in q.aliases if a.isupper())),
                              variant=q.variant, variant_phrases=q.variant_phrases)
        if match.strength == "direct":
            return "direct"
        if match.strength == "indirect":
            best = "indirect"
    return best


# Intervention types that give a product someone makes; placebo and sham are not another drug.
_PRODUCT_TYPES = frozenset({"DRUG", "BIOLOGICAL", "GENETIC", "COMBINATION_PRODUCT"})
_NOT_A_PRODUCT = re.compile(r"\b(placebos?|sham|vehicle|dummy)\b", re.I)


def _other_drugs(study: Study, drug: str, resolver: DrugResolver, own_names: Sequence[str] = ()) -> tuple[str, ...]:
    """Drugs and biologicals the study gives besides `drug`: canonical names when the drug table
    knows them, else as written. An unknown name counts: "tipifarnib" is not in the table, yet
    a program on its trial may well be for it."""

    own = {compact(strip_dose(n) or n) for n in own_names}
    others: list[str] = []
    for intervention in study.interventions:
        if intervention.type and intervention.type.upper() not in _PRODUCT_TYPES:
            continue
        if _NOT_A_PRODUCT.search(intervention.name):
            continue
        if own & {compact(strip_dose(n) or n) for n in intervention.all_names}:
            continue  # written as the drug is written in this study (a user table's names may differ from ours)
        whole = next((hit for name in intervention.all_names if (hit := resolver.resolve(name))), None)
        if whole:
            found = [whole]
        else:  # a regimen in one intervention ("Oral S-1 + Oral Osimertinib"): every part counts
            found = []
            for part in _SPLIT.split(intervention.name):
                cleaned = strip_dose(part or "").strip()
                if cleaned and not _NOT_A_PRODUCT.search(cleaned):
                    found.append(resolver.resolve(cleaned) or cleaned)
        others += [name for name in found if name != drug and name not in others]
    return tuple(others)


def _countries(study: Study) -> tuple[str, ...]:
    return tuple(dict.fromkeys(site.country.strip() for site in study.sites if site.country and site.country.strip()))


def _drug_trial(study: Study, names: Sequence[str], age_days: int | None, conditions: Sequence[str],
                queries: Sequence[TargetQuery], drug: str | None = None,
                resolver: DrugResolver | None = None) -> DrugTrial:
    return DrugTrial(
        nct_id=study.nct_id, title=study.title, status=study.status, study_type=study.study_type,
        phases=study.phases, min_age=study.min_age, max_age=study.max_age,
        adult_only=is_adult_only(study.min_age_days),
        admits_children=study.min_age_days is None or study.min_age_days < ADULT_DAYS,
        admits_child=None if age_days is None else age_fits(age_days, study.min_age_days, study.max_age_days),
        open_to_join=study.status in OPEN_TO_JOIN, last_update=study.last_update,
        lead_sponsor=study.lead_sponsor, lead_sponsor_class=study.lead_sponsor_class, named_as=tuple(names),
        target_evidence=_target_evidence(study, queries) if study.study_type != "EXPANDED_ACCESS" else None,
        condition_match=_condition_fits(study, conditions), url=study.url, countries=_countries(study),
        with_drugs=_other_drugs(study, drug, resolver, names) if drug and resolver else ())


# --- the drug's company and its policy -------------------------------------------------------

@lru_cache(maxsize=1)
def _company_table() -> dict[str, tuple[str, ...]]:
    try:
        with open(DRUGS_FILE, encoding="utf-8", newline="") as handle:
            return {row["drug"].strip(): split_list(row.get("company"))
                    for row in csv.DictReader(handle, delimiter="\t") if (row.get("drug") or "").strip()}
    except OSError:
        return {}


def drug_company(info: DrugInfo) -> tuple[str, ...]:
    """The company (or companies: US labeler first, then regional partners) that holds the drug,
    from trialfind's drug table; () when not recorded. A drug from a user's table is looked up by
    any of its names (exactly, never fuzzily)."""
    table = _company_table()
    if info.name in table:
        return table[info.name]
    resolver = resolver_for(builtin_knowledge())
    for name in info.all_names:
        canonical = resolver.resolve(name, allow_fuzzy=False)
        if canonical:
            return table.get(canonical, ())
    return ()


def is_drug_company(sponsor: str | None, sponsor_class: str | None, companies: Sequence[str]) -> bool:
    """True when a lead sponsor is (a unit of) one of the drug's companies."""

    if not sponsor or not companies or (sponsor_class and sponsor_class.upper() != "INDUSTRY"):
        return False
    sponsor_policy = match_sponsor(sponsor, sponsor_class)
    sponsor_key = normalize_company(sponsor)
    for company in companies:
        policy = match_sponsor(company, "INDUSTRY")
        if sponsor_policy is not None and policy is not None:
            family = {policy.company, *(p.company for p in related_policies(policy))}
            if sponsor_policy.company in family:
                return True
        key = normalize_company(company)
        if key and (sponsor_key == key or sponsor_key.startswith(key + " ")):
            return True
    return False


def _study_word(trial: DrugTrial) -> str:
    return "expanded-access record" if trial.study_type == "EXPANDED_ACCESS" else "trial"


def _ea_policy(companies: Sequence[str], studies: Sequence[DrugTrial]) -> tuple[dict | None, str | None, str]:
    """(policy, basis, reason): the directory row of the drug's company; only when the company is
    not recorded, that of an industry sponsor of a study giving this drug alone."""
    named = "; ".join(companies)
    if companies:
        for company in companies:
            policy = match_sponsor(company, "INDUSTRY")
            if policy is not None:
                also = f" ({named})" if len(companies) > 1 else ""
                return (policy.to_dict(), "the drug's company",
                        f"policy of {policy.company}, the drug's company{also}: see `trialfind sponsor`")
        return (None, None, f"the drug's company ({named}) is not in trialfind's expanded-access directory: "
                            "ask its medical information line (`trialfind sponsor` lists general resources)")
    alone = [t for t in studies if t.lead_sponsor and (t.lead_sponsor_class or "").upper() == "INDUSTRY"
             and t.study_type != "OBSERVATIONAL" and t.gives_drug_alone]
    alone.sort(key=lambda t: t.last_update or "", reverse=True)
    counts = Counter(t.lead_sponsor for t in alone)
    for name, _ in counts.most_common():
        policy = match_sponsor(name, "INDUSTRY")
        if policy is not None:
            trial = next(t for t in alone if t.lead_sponsor == name)
            word = _study_word(trial)
            return (policy.to_dict(), f"sponsor of its {word} {trial.nct_id}",
                    f"policy of {policy.company}, sponsor of its {word} {trial.nct_id} (the drug's company is not "
                    f"recorded in trialfind's drug table: check that {policy.company} holds it)")
    return (None, None, "the drug's company is not recorded in trialfind's drug table and no company study of it "
                        "alone was found: no expanded-access policy shown")


# --- which expanded-access records are this drug's ------------------------------------------

def _attribute_ea(drug: str, studies: Sequence[Study], trials: Sequence[DrugTrial], companies: Sequence[str],
                  resolver: DrugResolver, known_studies: Mapping[str, Study]) -> tuple[list, list[RelatedEARecord]]:
    """(this drug's EA records, related records that may be another drug's).

    An EA study naming the drug is its record. A link from one of its trials counts when the EA
    study it points to (if fetched) names the drug or, unresolved, when the linking trial gives
    this drug alone or is run by the drug's company; otherwise the program may be for the
    trial's other drug.
    """

    own_ea = {s.nct_id for s in studies if s.is_expanded_access}
    linked = {s.expanded_access.nct_id for s in studies
              if not s.is_expanded_access and s.expanded_access is not None and s.expanded_access.nct_id}
    resolved = [known_studies[n] for n in sorted(linked - own_ea)
                if n in known_studies and known_studies[n].is_expanded_access]
    by_id = {t.nct_id: t for t in trials}
    mine, related = [], []
    for record in ea_records_from_studies([*studies, *resolved]):
        linking = [by_id[n] for n in record.linked_from if n in by_id]
        on = ", ".join(record.linked_from) or "a trial"
        if record.kind == "expanded_access_study":
            if record.nct_id in own_ea or drug in resolver.resolve_names(record.interventions):
                mine.append(record)
            else:
                named = ", ".join(record.interventions) or "no drug"
                related.append(RelatedEARecord(record, f"program {record.nct_id}, linked from trial {on}, names "
                                                       f"{named}, not {drug}"))
        elif any(t.gives_drug_alone for t in linking) or any(
                is_drug_company(t.lead_sponsor, t.lead_sponsor_class, companies) for t in linking):
            mine.append(record)
        else:
            others = list(dict.fromkeys(d for t in linking for d in t.with_drugs))
            also = f" ({', '.join(others[:4])})" if others else ""
            related.append(RelatedEARecord(record, f"program on trial {on} may be for another drug of that "
                                                   f"trial{also}"))
    return mine, related


def _days_between(earlier: str, later: str) -> int | None:
    from datetime import date

    def parse(text: str) -> date | None:
        parts = text.split("-")
        try:
            return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
        except (ValueError, IndexError):
            return None

    a, b = parse(earlier), parse(later)
    return (b - a).days if a and b else None


def _score_and_reasons(c: Candidate) -> None:
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
        gap = _days_between(latest, c.reference_date)
        if gap is not None and gap <= RECENT_DAYS:
            score += SCORE_RECENT
            reasons.append(f"recently updated ({latest})")
        else:
            reasons.append(f"last updated {latest}")
    if c.info.approved:
        year = f" ({c.info.first_approval})" if c.info.first_approval else ""
        reasons.append(f"approved somewhere{year}: the doctor may be able to prescribe it off-label instead; "
                       "check approvals for children")
    elif c.info.approved is False:
        reasons.append("not approved anywhere (investigational)")
    if c.ea_policy_reason:
        reasons.append(c.ea_policy_reason)
    c.score = score
    c.reasons = reasons


def build_candidate(drug: DrugInfo, studies: Sequence[Study], names_by_study: dict[str, list[str]], *,
                    age_days: int | None, targets: Sequence[str], conditions: Sequence[str] = (),
                    queries: Sequence[TargetQuery] = (), reference_date: str | None = None,
                    resolver: DrugResolver | None = None, known_studies: Mapping[str, Study] | None = None,
                    company: Sequence[str] | None = None) -> Candidate:
    """Evidence for one drug from the studies that give it.

    `resolver` names the other drugs of each study (default: the built-in tables);
    `known_studies` are all studies fetched with them (an EA study a trial links to is looked
    up there); `company` overrides the drug table's company.
    """
    resolver = resolver or resolver_for()
    companies = tuple(company) if company is not None else drug_company(drug)
    drug_trials = [_drug_trial(s, names_by_study.get(s.nct_id, ()), age_days, conditions, queries, drug.name,
                               resolver) for s in studies]
    drug_trials.sort(key=lambda t: (not t.open_to_join, t.last_update or ""), reverse=False)
    seen_as: list[str] = []
    for t in drug_trials:
        seen_as += [n for n in t.named_as if n not in seen_as]
    ea_records, related = _attribute_ea(drug.name, studies, drug_trials, companies, resolver,
                                        known_studies or {s.nct_id: s for s in studies})
    candidate = Candidate(drug=drug.name, info=drug, targets=list(targets), studies=drug_trials,
                          ea_records=ea_records, related_ea_records=related, seen_as=seen_as, age_days=age_days,
                          conditions=tuple(conditions), reference_date=reference_date, company=companies)
    candidate.ea_policy, candidate.ea_policy_basis, candidate.ea_policy_reason = _ea_policy(companies, drug_trials)
    _score_and_reasons(candidate)
    return candidate


def _rank_key(c: Candidate):
    # A drug never tried in an interventional trial ranks below every drug that was, whatever its score.
    return (not c.trials, -c.score, -(PHASE_ORDER.get(c.highest_phase or "", 0)), -len(c.trials), c.drug)



def _search(source, spec: SearchSpec) -> tuple[list[Study], int | None, list[UnreadableRecord]]:
    studies, unreadable = parse_studies(source.search(spec))
    stats = getattr(source, "last_search_stats", None)
    return studies, getattr(stats, "requests", None), unreadable


def find_candidates(target: str | Sequence[str], age: str | int, *, condition: str | Sequence[str] = (),
                    source: StudySource | None = None, knowledge: Knowledge | None = None) -> CandidateList:
    """Compassionate-use candidates for a child: one page walk per target.

    `age` is as `--age` takes it: a number is years (7), or "7y6m", "18m", "3w". `source`
    None is the default source (the API, or the local index when offline). Returns the
    candidates best first; `.not_candidates` holds drugs with an open trial admitting the child.
    """
    targets = [target] if isinstance(target, str) else list(target)
    conditions = [condition] if isinstance(condition, str) else list(condition)
    source = source if source is not None else open_source()
    if not targets:
        raise InvalidInput("give at least one target, such as ALK, BRAF V600E or NTRK fusion")
    knowledge = knowledge or builtin_knowledge()
    age_days = parse_child_age(age)
    conditions = tuple(c.strip() for c in conditions if c and c.strip())
    queries = [resolve_target(t, knowledge) for t in targets]  # all resolved before any request
    resolver = resolver_for(knowledge)
    studies: dict[str, Study] = {}
    drugs_for_target: dict[str, list[str]] = {}
    requests = 0
    notes: list[str] = []
    unreadable: dict[UnreadableRecord, None] = {}
    for query in queries:
        if not query.drug_names:
            notes.append(f"no drug acting on {query.label} is known in {knowledge.origin}")
            continue
        found, used, unread = _search(source, target_search_spec(query))
        unreadable.update(dict.fromkeys(unread))
        requests = None if used is None or requests is None else requests + used
        for study in found:
            studies.setdefault(study.nct_id, study)
        for drug in query.drugs:
            labels = drugs_for_target.setdefault(drug, [])
            if query.label not in labels:
                labels.append(query.label)
    by_drug: dict[str, list[Study]] = {}
    names: dict[str, dict[str, list[str]]] = {}
    for study in studies.values():
        for drug, seen in _drug_names_in(study, resolver).items():
            if drug not in drugs_for_target:
                continue  # a companion drug (chemotherapy, other target): not evidence for this target
            by_drug.setdefault(drug, []).append(study)
            names.setdefault(drug, {})[study.nct_id] = seen
    reference = max((s.last_update for s in studies.values() if s.last_update), default=None)
    built = [build_candidate(knowledge.drugs[d], by_drug[d], names[d], age_days=age_days,
                             targets=drugs_for_target[d], conditions=conditions, queries=queries,
                             reference_date=reference, resolver=resolver, known_studies=studies) for d in by_drug]
    absent = [d for d in drugs_for_target if d not in by_drug]
    if absent:
        notes.append(f"{len(absent)} other drug{'s' * (len(absent) != 1)} acting on "
                     f"{', '.join(q.label for q in queries)} have no study in the data: {', '.join(sorted(absent))}")
    candidates = sorted((c for c in built if c.is_candidate), key=_rank_key)
    not_candidates = sorted((c for c in built if not c.is_candidate), key=lambda c: c.drug)
    version = None
    try:
        version = source.data_version()
    except Exception:  # noqa: BLE001 - the version only labels the output
        version = None
    return CandidateList(candidates, not_candidates=not_candidates, queries=queries, age_days=age_days,
                         notes=notes, requests=requests, data_version=version, knowledge_origin=knowledge.origin,
                         unreadable=list(unreadable))


def drug_evidence(drug: str, source: StudySource | None = None, age: str | int | None = None, *,
                  knowledge: Knowledge | None = None, conditions: Sequence[str] = ()) -> Candidate:
    """Evidence for one drug by any of its names (one page walk), e.g. for a request packet.

    `age` as `--age` takes it (a number is years). Raises NotFound when the name is not a
    drug in the knowledge table.
    """
    return evidence_for_drug(drug, source if source is not None else open_source(), optional_child_age(age),
                             knowledge=knowledge, conditions=conditions)


def evidence_for_drug(drug: str, source: StudySource, age_days: int | None, *, knowledge: Knowledge | None = None,
                      conditions: Sequence[str] = ()) -> Candidate:
    """drug_evidence with the age already in days."""
    knowledge = knowledge or builtin_knowledge()
    resolver = resolver_for(knowledge)
    canonical = resolver.resolve(drug)
    if canonical is None:
        raise NotFound(f"{drug!r} is not a drug trialfind knows; try its INN or code name")
    info = knowledge.drugs[canonical]
    found, _, unreadable = _search(source, SearchSpec(interventions=info.all_names))
    studies, names = [], {}
    for study in found:
        seen = _drug_names_in(study, resolver).get(canonical)
        if seen:
            studies.append(study)
            names[study.nct_id] = seen
    targets = sorted({t.key for g in info.genes if (t := knowledge.target_for_gene(g))}) or list(info.genes)
    reference = max((s.last_update for s in found if s.last_update), default=None)
    candidate = build_candidate(info, studies, names, age_days=age_days, targets=targets, conditions=conditions,
                                reference_date=reference, resolver=resolver,
                                known_studies={s.nct_id: s for s in found})
    candidate.unreadable = unreadable
    return candidate
