"""The content of the physician's compassionate-use request packet: the drug's facts, its
own trials (apart from trials where it is only a comparator or background therapy), its
expanded-access records, the company to write to, and the company's criteria checked.
`trialfind.output.letter` turns it into the letter and the checklist.

The packet carries NO patient-identifying data. Companies ask for none (Ikena,
Loxo, Chimerix policies say so), and trialfind never receives any: the physician
fills in bracketed placeholders, and the child's age appears only as an age band.
Every value the user gives (drug, target, sponsor) goes through the one privacy screen
(trialfind.core.privacy, called from `_screen_inputs` only) and is refused with one line
if it holds personal data.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from trialfind.access.candidates import evidence_for_drug, is_drug_company
from trialfind.access.criteria import CriterionCheck, check_company_criteria
from trialfind.access.drug_facts import DrugFacts, drug_facts
from trialfind.access.ea_records import ea_records_from_studies
from trialfind.core.ages import ADULT_DAYS, age_band_words, optional_child_age
from trialfind.core.ages import age_band as core_age_band
from trialfind.core.errors import InvalidInput, NotFound
from trialfind.core.privacy import screen_fields
from trialfind.core.spec import SearchSpec
from trialfind.core.study import (
    FLAGGED_OPEN_STATUSES,
    OPEN_STATUSES,
    PHASE_ORDER,
    Study,
    UnreadableRecord,
    highest_phase,
    parse_studies,
)
from trialfind.knowledge.drugs import canonical_drug
from trialfind.knowledge.sponsor_directory import GeneralResource, SponsorPolicy, general_resources, match_sponsor
from trialfind.knowledge.targets import builtin_knowledge
from trialfind.match.drug_role import NOT_GIVEN, DrugRole, drug_role

COMPLETED = "COMPLETED"


def screen_packet_inputs(drug: str, target: str | None, sponsor: str | None) -> None:
    """Refuse (InvalidInput, one line naming the option) a value that holds personal data.

    A drug the drug table knows vouches for its own words, and a sponsor the expanded-access
    directory knows is a company, not a person; anything else is screened in full."""
    known = [drug] if canonical_drug(drug) else []
    screen_fields({"--drug": drug, "--target": target}, known_words=known)
    if sponsor and match_sponsor(sponsor) is None:
        screen_fields({"--sponsor": sponsor}, known_words=known)


def _screen_inputs(drug: str | None, sponsor: str | None, target: str | None) -> tuple[str, str | None, str | None]:
    """Every free-text input passes the one privacy screen here, and only here."""
    drug = (drug or "").strip()
    if not drug:
        raise InvalidInput("give the drug to request with --drug")
    target = (target or "").strip() or None
    sponsor = (sponsor or "").strip() or None
    screen_packet_inputs(drug, target, sponsor)
    return drug, sponsor, target


def age_band(age_days: int | None) -> str | None:
    """The age band in words ("5-9 years"), wide enough not to identify anyone."""
    return age_band_words(core_age_band(age_days))


@dataclass(frozen=True)
class RoleTrial:
    """A trial that gives the drug but does not test it (comparator or background therapy)."""

    study: Study
    role: DrugRole


@dataclass
class RequestPacket:
    drug: str                                  # as the user wrote it
    target: str | None
    age_band: str | None
    facts: DrugFacts
    policy: SponsorPolicy | None
    sponsor_query: str | None
    companies: tuple[str, ...]                 # the drug's company (drug table), else trial sponsors
    trials: list[Study]                        # the drug's OWN trials, open first
    other_role_trials: list[RoleTrial]         # comparator / background: listed apart, never used for criteria
    ea_records: list                           # list[EARecord]
    checks: list[CriterionCheck]
    resources: tuple[GeneralResource, ...]
    searched: bool = True
    roles_unstated: tuple[str, ...] = ()       # own trials whose records link no arm to the drug
    generated_on: str = field(default_factory=lambda: _dt.date.today().isoformat())
    data_version: str | None = None
    notes: list[str] = field(default_factory=list)
    inn: str | None = None                     # the drug table's name for it, when known
    unreadable: list[UnreadableRecord] = field(default_factory=list)  # records searched that could not be read

    @property
    def name(self) -> str:
        """The drug as the letter names it: "lorlatinib", or "lorlatinib (PF-06463922)" when typed so."""
        if not self.inn or self.inn.lower() == self.drug.lower():
            return self.inn or self.drug
        return f"{self.inn} ({self.drug})"

    @property
    def company(self) -> str:
        if self.policy is not None:
            return self.policy.company
        return self.sponsor_query or (self.companies[0] if self.companies else "[COMPANY]")

    @property
    def completed_phase1(self) -> list[Study]:
        return [s for s in self.trials if s.status == COMPLETED and {"PHASE1", "EARLY_PHASE1"} & set(s.phases)]

    @property
    def pediatric_trials(self) -> list[Study]:
        """Own trials whose stated ages admit children (under 18)."""
        return [s for s in self.trials if s.min_age_days is None or s.min_age_days < ADULT_DAYS]

    @property
    def open_trials(self) -> list[Study]:
        return [s for s in self.trials if s.status in OPEN_STATUSES | FLAGGED_OPEN_STATUSES]

    @property
    def highest_phase(self) -> str | None:
        return highest_phase([p for s in self.trials for p in s.phases], ignore_na=True)

    def to_dict(self) -> dict[str, Any]:
        return {"drug": self.drug, "target": self.target, "age_band": self.age_band, "company": self.company,
                "facts": self.facts.to_dict(), "policy": self.policy.to_dict() if self.policy else None,
                "trials": [s.nct_id for s in self.trials],
                "other_role_trials": [{"nct_id": r.study.nct_id, "role": r.role.role, "reason": r.role.reason}
                                      for r in self.other_role_trials],
                "ea_records": [r.to_dict() for r in self.ea_records],
                "checks": [c.to_dict() for c in self.checks], "data_version": self.data_version,
                "generated_on": self.generated_on, "notes": list(self.notes)}


# --- gathering the evidence ---------------------------------------------------------------

def _drug_names(drug: str, canonical: str | None) -> tuple[str, ...]:
    info = builtin_knowledge().drugs.get(canonical) if canonical else None
    names = [drug, *(info.all_names if info else ())]
    return tuple(dict.fromkeys(n for n in names if n))


def _gather(drug: str, canonical: str | None, source, age_days: int | None, notes: list[str]):
    """(studies giving the drug by name, their EA records, names searched, unreadable records, the
    drug's role in each study by NCT id as the candidates evidence judged it): the candidates
    module's evidence when it knows the drug, else every study naming it."""
    names = _drug_names(drug, canonical)
    found, unreadable = parse_studies(source.search(SearchSpec(interventions=names)))
    studies = {study.nct_id: study for study in found}
    evidence = None
    if canonical is not None:
        try:
            evidence = evidence_for_drug(canonical, source, age_days)
        except NotFound:
            evidence = None
    if evidence is None:
        notes.append(f"{drug} is not in trialfind's drug table: trials were searched by the name given only "
                     "(add code names and brand names yourself).")
        giving = [s for s in studies.values() if not s.is_expanded_access]
        return giving, ea_records_from_studies(studies.values()), names, unreadable, {}
    unreadable = list(dict.fromkeys([*(getattr(evidence, "unreadable", None) or ()), *unreadable]))
    seen_as = {n for t in evidence.studies for n in t.named_as}
    giving = [studies[t.nct_id] for t in evidence.trials if t.nct_id in studies]
    roles = {t.nct_id: t.role for t in evidence.trials if t.role is not None}
    return giving, list(evidence.ea_records), (*names, *seen_as), unreadable, roles


def _sort_trials(trials: Iterable[Study]) -> list[Study]:
    """Open trials first, then the most advanced phase, then the most recent update."""
    ordered = sorted(trials, key=lambda s: s.last_update or "", reverse=True)
    ordered.sort(key=lambda s: PHASE_ORDER.get(s.highest_phase or "", -1), reverse=True)
    ordered.sort(key=lambda s: s.status not in OPEN_STATUSES | FLAGGED_OPEN_STATUSES)
    return ordered


def _split_by_role(studies: Sequence[Study], names: Sequence[str], judged: Mapping[str, DrugRole] | None = None,
                   ) -> tuple[list[Study], list[RoleTrial], list[str]]:
    """Own trials, comparator/background trials and own trials whose arms are not stated. `judged`
    holds the candidates evidence's roles, read from the interventions that resolved to the drug:
    the same answer in the list of candidates and in the letter."""
    own, other, unstated = [], [], []
    judged = judged or {}
    for study in studies:
        if study.study_type in ("EXPANDED_ACCESS", "OBSERVATIONAL"):
            continue
        role = judged.get(study.nct_id) or drug_role(study, names)
        if role.role == NOT_GIVEN:
            continue
        if role.is_own:
            own.append(study)
            if not role.arms_stated:
                unstated.append(study.nct_id)
        else:
            other.append(RoleTrial(study, role))
    return _sort_trials(own), other, unstated


def _industry_sponsors(trials: Sequence[Study]) -> list[tuple[str, str | None]]:
    seen: dict[tuple[str, str | None], int] = {}
    for study in trials:
        if study.lead_sponsor and study.lead_sponsor_class in (None, "INDUSTRY"):
            key = (study.lead_sponsor, study.lead_sponsor_class)
            seen[key] = seen.get(key, 0) + 1
    return sorted(seen, key=lambda k: -seen[k])


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _refuse_other_company(drug: str, sponsor: str, companies: Sequence[str], force: bool, notes: list[str]) -> None:
    """`--sponsor` that is not the drug's company: refused unless forced, saying whose drug it is."""
    if not companies or is_drug_company(sponsor, "INDUSTRY", companies):
        return
    owner = " / ".join(companies)
    if not force:
        raise InvalidInput(f"{drug} is {_possessive(owner)} drug, not {_possessive(sponsor)}: leave out --sponsor "
                           f"to write to {owner}, or add --force to write to {sponsor} anyway")
    notes.append(f"Written to {sponsor} on request, although trialfind's drug table records {drug} as "
                 f"{owner}'s drug.")


def _choose_policy(sponsor: str | None, companies: Sequence[str], own: Sequence[Study],
                   notes: list[str]) -> tuple[SponsorPolicy | None, tuple[str, ...]]:
    if sponsor:
        policy = match_sponsor(sponsor)
        if policy is None:
            notes.append(f"'{sponsor}' is not in trialfind's expanded-access directory: find the company's "
                         "contact through the general resources below.")
        return policy, tuple(companies) or (sponsor,)
    # The drug's own company (drug table) decides; the sponsor of one of its OWN trials stands
    # in only when the company is not recorded (a comparator's sponsor never does).
    for name in companies:
        policy = match_sponsor(name, "INDUSTRY")
        if policy is not None:
            return policy, tuple(companies)
    if companies:
        notes.append(f"The drug's company ({companies[0]}) is not in trialfind's expanded-access directory: "
                     "find its contact through the general resources below.")
        return None, tuple(companies)
    sponsors = _industry_sponsors(own)
    for name, sponsor_class in sponsors:
        policy = match_sponsor(name, sponsor_class)
        if policy is not None:
            notes.append(f"The drug's company is not recorded in trialfind's drug table: {policy.company} "
                         "sponsors its trials; check that it holds the drug.")
            return policy, tuple(n for n, _ in sponsors)
    if sponsors:
        notes.append(f"The drug's sponsor ({sponsors[0][0]}) is not in trialfind's expanded-access directory: "
                     "find its contact through the general resources below.")
    else:
        notes.append("No company was found for this drug: give it with --sponsor.")
    return None, tuple(n for n, _ in sponsors)


def build_request_packet(drug: str, source=None, sponsor: str | None = None, target: str | None = None,
                         age: str | int | None = None, force: bool = False) -> RequestPacket:
    """Everything the letter and checklist need; no patient data goes in or comes out.

    `age` as `--age` takes it (a number is years); it appears only as an age band. With
    no `source` the letter is written without searching for evidence. A `sponsor` that is
    not the drug's company is refused (InvalidInput) unless `force`."""
    age_days = optional_child_age(age)
    drug, sponsor, target = _screen_inputs(drug, sponsor, target)
    canonical = canonical_drug(drug)
    facts = drug_facts(canonical, target) if canonical else DrugFacts(drug=drug, known=False)
    name = canonical or drug
    notes: list[str] = []
    if sponsor:
        _refuse_other_company(name, sponsor, facts.companies, force, notes)
    studies: list[Study] = []
    unreadable: list[UnreadableRecord] = []
    records: list = []
    names: tuple[str, ...] = _drug_names(drug, canonical)
    roles: dict[str, DrugRole] = {}
    data_version = None
    if source is not None:
        studies, records, names, unreadable, roles = _gather(drug, canonical, source, age_days, notes)
        try:
            data_version = source.data_version()
        except Exception:  # noqa: BLE001 - the version only labels freshness; its absence is not an error
            data_version = None
    else:
        notes.append("No trial data was searched: the evidence section is empty.")
    own, other, unstated = _split_by_role(studies, names, roles)
    policy, companies = _choose_policy(sponsor, facts.companies, own, notes)
    band = age_band(age_days)
    checks = check_company_criteria(
        {"drug": name, "trials": own, "approved": facts.approved, "approvals": facts.approvals},
        age_days=age_days, ea_records=records, studies=own, companies=facts.companies,
        age_phrase=f"in the patient's age band ({band})" if band else None, searched=source is not None)
    return RequestPacket(drug=drug, inn=canonical, target=target, age_band=band, facts=facts, policy=policy,
                         sponsor_query=sponsor, companies=companies, trials=own, other_role_trials=other, ea_records=records,
                         checks=checks, resources=general_resources(), searched=source is not None,
                         roles_unstated=tuple(unstated), data_version=data_version, notes=notes,
                         unreadable=unreadable)
