"""The evidence trialfind gathers for one drug: its studies as `DrugTrial`s (ages, status, phase,
whether they name the target, which other drugs they give) and the `Candidate` bundle built from
them (trials, phase, expanded-access records, company policy, variant effect, approvals)."""
from __future__ import annotations

import re
import weakref
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from trialfind.core.ages import ADULT_DAYS, age_fits, is_adult_only
from trialfind.core.study import (
    FLAGGED_OPEN_STATUSES,
    OPEN_STATUSES,
    Study,
    UnreadableRecord,
    highest_phase,
)
from trialfind.knowledge.approvals import Approval, approvals_of
from trialfind.knowledge.drugs import _SPLIT, DrugResolver, compact, strip_dose
from trialfind.knowledge.targets import DrugInfo, TargetQuery
from trialfind.knowledge.variants import VariantEffect
from trialfind.match.drug_role import DrugRole, drug_role
from trialfind.match.mentions import find_mentions

OPEN_TO_JOIN = OPEN_STATUSES | FLAGGED_OPEN_STATUSES


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
    role: DrugRole | None = None  # tested, or only comparator / background therapy (None: not judged)

    @property
    def is_trial(self) -> bool:
        return self.study_type not in ("EXPANDED_ACCESS", "OBSERVATIONAL")

    @property
    def tests_drug(self) -> bool:
        """The trial tests the drug, rather than giving it as another drug's comparator or background;
        a trial not judged counts as testing it."""
        return self.role is None or self.role.is_own

    @property
    def gives_drug_alone(self) -> bool:
        """No other drug or biological is given in the study (placebo aside)."""
        return not self.with_drugs

    def to_dict(self) -> dict[str, Any]:
        return {"nct_id": self.nct_id, "title": self.title, "status": self.status, "phases": list(self.phases),
                "min_age": self.min_age, "max_age": self.max_age, "adult_only": self.adult_only,
                "admits_child": self.admits_child, "open": self.open_to_join, "last_update": self.last_update,
                "sponsor": self.lead_sponsor, "named_as": list(self.named_as), "with_drugs": list(self.with_drugs),
                "countries": list(self.countries), "target_evidence": self.target_evidence, "url": self.url,
                "role": self.role.role if self.role else None, "role_reason": self.role.reason if self.role else None}


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
    variant_effect: VariantEffect | None = None  # what the child's variant does to this drug (variants.tsv)

    # --- evidence -------------------------------------------------------------------------
    @property
    def trials(self) -> list[DrugTrial]:
        return [t for t in self.studies if t.is_trial]

    @property
    def aliases(self) -> list[str]:
        names = [*self.seen_as, *self.info.aliases]
        out: list[str] = []
        seen = {compact(self.drug)}
        for name in names:
            key = compact(name)
            if key and key not in seen:
                seen.add(key)
                out.append(name)
        return out

    @property
    def own_trials(self) -> list[DrugTrial]:
        """Trials that test the drug; its phase and a completed phase 1 are read from these only."""
        return [t for t in self.trials if t.tests_drug]

    @property
    def other_role_trials(self) -> list[DrugTrial]:
        """Trials giving the drug only as another drug's comparator or background therapy."""
        return [t for t in self.trials if not t.tests_drug]

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
        # A phase 3 that gives the drug as the comparator says nothing of how far the drug itself got.
        return highest_phase([p for t in self.own_trials for p in t.phases], ignore_na=True)

    @property
    def phase1_completed(self) -> bool:
        return any(t.status == "COMPLETED" and {"PHASE1", "EARLY_PHASE1"} & set(t.phases) for t in self.own_trials)

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
    def against_variant(self) -> bool:
        """The child's variant makes this drug fail or harmful: listed last, with the reason."""
        return self.variant_effect is not None and self.variant_effect.against

    @property
    def approvals(self) -> tuple[Approval, ...]:
        return approvals_of(self.drug)

    @property
    def approved_for_children(self) -> bool:
        """Approved for children with the child's target (not merely for another use)."""
        return any(a.population == "children" and a.is_for(self.targets) for a in self.approvals)

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
            "comparator_trials": [t.nct_id for t in self.other_role_trials],
            "other_studies": len(self.studies) - len(self.trials),
            "adult_only_trials": len(self.adult_only_trials),
            "pediatric_trials": len(self.pediatric_trials),
            "open_trials_for_child": open_ids,
            "highest_phase": self.highest_phase,
            "phase1_completed": self.phase1_completed,
            "approved": self.info.approved,
            "first_approval": self.info.first_approval,
            "approved_for_children": self.approved_for_children,
            "approvals": [a.to_dict() for a in self.approvals],
            "variant_effect": self.variant_effect.to_dict() if self.variant_effect else None,
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


def drug_names_in(study: Study, resolver: DrugResolver) -> dict[str, list[str]]:
    """canonical drug -> the names this study uses for it (interventions only: a drug named
    in the eligibility text is not given in the study)."""
    found: dict[str, list[str]] = {}
    for intervention in study.interventions:
        for drug, names in resolver.resolve_names(intervention.all_names).items():
            bucket = found.setdefault(drug, [])
            bucket += [n for n in names if n not in bucket]
    return found


def condition_fits(study: Study, conditions: Sequence[str]) -> bool | None:
    if not conditions:
        return None
    from trialfind.match.conditions import match_condition  # lazy: only --condition needs the condition matcher

    return any(match_condition(c, study).found for c in conditions)


def mention_strength(study: Study, query: TargetQuery) -> str:
    """How the study names one queried target: direct, indirect or none (the mention matcher)."""
    return find_mentions(study, label=query.label, genes=(*query.genes, *(a for a in query.aliases if a.isupper())),
                         variant=query.variant, variant_phrases=query.variant_phrases).strength


class StudyMentions:
    """mention_strength remembered for the study being judged. `find_candidates` asks about one
    study several times (its unknown agents, per target; each drug it gives, for all targets):
    the texts are scanned once per study and target. Remembers one study at a time, without keeping
    it alive: a streamed search drops each study once judged."""

    def __init__(self) -> None:
        self._study: weakref.ref | None = None
        self._strengths: dict[int, str] = {}

    def __call__(self, study: Study, query: TargetQuery) -> str:
        if self._study is None or self._study() is not study:
            self._study, self._strengths = weakref.ref(study), {}
        found = self._strengths.get(id(query))
        if found is None:
            found = self._strengths[id(query)] = mention_strength(study, query)
        return found


def target_evidence(study: Study, queries: Sequence[TargetQuery],
                    strength: Callable[[Study, TargetQuery], str] = mention_strength) -> str | None:
    """The strongest mention of any queried target: direct, indirect or none (None: no query)."""
    if not queries:
        return None

    best = "none"
    for q in queries:
        found = strength(study, q)
        if found == "direct":
            return "direct"
        if found == "indirect":
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


def drug_trial_role(study: Study, drug: str | None, resolver: DrugResolver | None,
                    names: Sequence[str]) -> DrugRole | None:
    """The drug's role in the study, judged on the interventions the resolver gave it: written as
    "Milciclib Dose: 150 mg/day ...", the intervention resolves to milciclib by a part, which the
    cleaned name alone would not find among the interventions."""
    if study.study_type in ("EXPANDED_ACCESS", "OBSERVATIONAL"):
        return None
    written = list(names)
    if drug and resolver:
        written += [n for iv in study.interventions if drug in resolver.resolve_names(iv.all_names)
                    for n in iv.all_names]
    return drug_role(study, written)


def _countries(study: Study) -> tuple[str, ...]:
    return tuple(dict.fromkeys(site.country.strip() for site in study.sites if site.country and site.country.strip()))


def drug_trial(study: Study, names: Sequence[str], age_days: int | None, conditions: Sequence[str],
                queries: Sequence[TargetQuery], drug: str | None = None,
                resolver: DrugResolver | None = None,
                strength: Callable[[Study, TargetQuery], str] = mention_strength) -> DrugTrial:
    return DrugTrial(
        nct_id=study.nct_id, title=study.title, status=study.status, study_type=study.study_type,
        phases=study.phases, min_age=study.min_age, max_age=study.max_age,
        adult_only=is_adult_only(study.min_age_days),
        admits_children=study.min_age_days is None or study.min_age_days < ADULT_DAYS,
        admits_child=None if age_days is None else age_fits(age_days, study.min_age_days, study.max_age_days),
        open_to_join=study.status in OPEN_TO_JOIN, last_update=study.last_update,
        lead_sponsor=study.lead_sponsor, lead_sponsor_class=study.lead_sponsor_class, named_as=tuple(names),
        target_evidence=target_evidence(study, queries, strength) if study.study_type != "EXPANDED_ACCESS" else None,
        condition_match=condition_fits(study, conditions), url=study.url, countries=_countries(study),
        with_drugs=_other_drugs(study, drug, resolver, names) if drug and resolver else (),
        role=drug_trial_role(study, drug, resolver, names))
