"""What changed between two answers to one saved search. Pure: no I/O, no clock.

An `Answer` is the part of a search's result worth comparing next time: per trial its
status, ages, whether the child may fit it and the sites taking patients within the
radius; per drug acting on the child's target whether it is a compassionate-use
candidate, its open trials for the child and its expanded-access records. Scores and
ranking are left out: they move with every new record and are not news for a family.

A trial change is reported only when the child may fit the trial before or after (a
trial that opens for adults only is not news here); `compare(None, answer)` is a first
run, where everything that may fit is new.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from trialfind.core.study import FLAGGED_OPEN_STATUSES, OPEN_STATUSES

OPEN_TO_JOIN = OPEN_STATUSES | FLAGGED_OPEN_STATUSES

# Change kinds, in the order a digest shows them, with their headings.
TRIAL_KINDS = {
    "new_trial": "New trials that may fit",
    "opened": "Trials that opened to new patients",
    "closed": "Trials that closed to new patients",
    "ages_changed": "Trials whose ages changed",
    "now_fits": "Trials the child may now fit",
    "no_longer_fits": "Trials the child no longer fits",
    "gone": "Trials this search no longer finds",
    "site_opened": "New sites taking patients within the radius",
    "site_closed": "Sites within the radius no longer taking patients",
}
DRUG_KINDS = {
    "new_candidate": "New compassionate-use candidates",
    "now_has_trial": "Candidates that now have an open trial for the child (no longer candidates)",
    "candidate_again": "Drugs whose open trial for the child closed (candidates again)",
    "candidate_gone": "Candidates no longer found",
    "ea_new": "New expanded-access records",
    "ea_changed": "Expanded-access records whose status changed",
}
KINDS = {**TRIAL_KINDS, **DRUG_KINDS}


@dataclass(frozen=True)
class TrialState:
    nct_id: str
    title: str
    status: str | None
    min_age: str | None
    max_age: str | None
    fits: bool            # open to new patients and the record does not rule the child out
    ages_fit: bool        # the ages admit the child
    sites: tuple[tuple[str, float], ...] = ()  # (place, km) of sites taking patients within the radius

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_TO_JOIN

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TrialState":
        return cls(**{**data, "sites": tuple((place, km) for place, km in data.get("sites") or ())})


@dataclass(frozen=True)
class EAState:
    key: str                # the EA record's NCT id, or flag:<linking study> when none is given
    nct_id: str | None
    status: str | None
    title: str | None = None


@dataclass(frozen=True)
class DrugState:
    drug: str
    candidate: bool
    open_trials: tuple[str, ...] = ()   # open trials admitting the child
    ea_records: tuple[EAState, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DrugState":
        return cls(drug=data["drug"], candidate=data["candidate"], open_trials=tuple(data.get("open_trials") or ()),
                   ea_records=tuple(EAState(**r) for r in data.get("ea_records") or ()))


@dataclass
class Answer:
    taken_on: str                       # ISO date of the run
    age_days: int                       # the child's age on that day
    data_version: str | None
    trials: dict[str, TrialState] = field(default_factory=dict)
    drugs: dict[str, DrugState] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"taken_on": self.taken_on, "age_days": self.age_days, "data_version": self.data_version,
                "trials": [asdict(t) for t in self.trials.values()],
                "drugs": [asdict(d) for d in self.drugs.values()]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Answer":
        trials = [TrialState.from_dict(t) for t in data.get("trials") or ()]
        drugs = [DrugState.from_dict(d) for d in data.get("drugs") or ()]
        return cls(taken_on=data["taken_on"], age_days=int(data["age_days"]), data_version=data.get("data_version"),
                   trials={t.nct_id: t for t in trials}, drugs={d.drug: d for d in drugs})


@dataclass(frozen=True)
class Change:
    kind: str                 # a key of KINDS
    subject: str              # the NCT id, or the drug
    title: str                # the trial's title, or the drug
    detail: str               # plain words: what changed
    nct_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "subject": self.subject, "title": self.title, "detail": self.detail,
                "nct_ids": list(self.nct_ids)}


@dataclass
class Changes:
    first_run: bool
    items: list[Change] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.items)

    def of_kind(self, kind: str) -> list[Change]:
        return [c for c in self.items if c.kind == kind]

    def subjects(self, kind: str) -> set[str]:
        return {c.subject for c in self.of_kind(kind)}

    def to_dict(self) -> dict[str, Any]:
        return {"first_run": self.first_run, "changes": [c.to_dict() for c in self.items]}


# --- plain words ------------------------------------------------------------------------------

def status_words(status: str | None) -> str:
    return (status or "status not given").replace("_", " ").lower()


def ages_words(min_age: str | None, max_age: str | None) -> str:
    low, high = (min_age or "").lower(), (max_age or "").lower()
    if low and high:
        return f"{low} to {high}"
    if low:
        return f"{low} and older"
    if high:
        return f"up to {high}"
    return "any age"


def _sites_words(sites) -> str:
    return "; ".join(f"{place} ({km:.0f} km)" for place, km in sites)


# --- comparison -------------------------------------------------------------------------------

def _trial_changes(old: TrialState | None, new: TrialState | None) -> list[Change]:
    if new is None:
        if old is not None and old.fits:
            return [Change("gone", old.nct_id, old.title,
                           "no longer found by this search (its record changed or was withdrawn)", (old.nct_id,))]
        return []
    ids = (new.nct_id,)
    if old is None:
        if not new.fits:
            return []
        where = f"; nearest sites: {_sites_words(new.sites[:3])}" if new.sites else ""
        return [Change("new_trial", new.nct_id, new.title,
                       f"{status_words(new.status)}, ages {ages_words(new.min_age, new.max_age)}{where}", ids)]
    if not (old.fits or new.fits):
        return []
    out: list[Change] = []
    if not old.is_open and new.is_open:
        out.append(Change("opened", new.nct_id, new.title,
                          f"was {status_words(old.status)}, now {status_words(new.status)}", ids))
    if old.is_open and not new.is_open:
        out.append(Change("closed", new.nct_id, new.title,
                          f"was {status_words(old.status)}, now {status_words(new.status)}", ids))
    if (old.min_age, old.max_age) != (new.min_age, new.max_age):
        verdict = "admits the child" if new.ages_fit else "no longer admits the child's age"
        if new.ages_fit and not old.ages_fit:
            verdict = "now admits the child's age"
        out.append(Change("ages_changed", new.nct_id, new.title,
                          f"ages were {ages_words(old.min_age, old.max_age)}, now "
                          f"{ages_words(new.min_age, new.max_age)}: {verdict}", ids))
    if old.fits != new.fits and not out:
        if new.fits:
            out.append(Change("now_fits", new.nct_id, new.title,
                              f"the child may now fit it (ages {ages_words(new.min_age, new.max_age)})", ids))
        else:
            reason = "the child has outgrown its ages" if not new.ages_fit else "its record now rules the child out"
            out.append(Change("no_longer_fits", new.nct_id, new.title,
                              f"{reason} (ages {ages_words(new.min_age, new.max_age)})", ids))
    if old.fits and new.fits:
        before, after = dict(old.sites), dict(new.sites)
        added = [(p, after[p]) for p in after if p not in before]
        gone = [(p, before[p]) for p in before if p not in after]
        if added:
            out.append(Change("site_opened", new.nct_id, new.title, _sites_words(added), ids))
        if gone:
            out.append(Change("site_closed", new.nct_id, new.title, _sites_words(gone), ids))
    return out


def _drug_changes(old: DrugState | None, new: DrugState | None) -> list[Change]:
    if new is None:
        if old is not None and old.candidate:
            return [Change("candidate_gone", old.drug, old.drug, "no longer found among the drugs on the target")]
        return []
    if old is None:
        if not new.candidate:
            return []
        available = [r for r in new.ea_records if r.status == "AVAILABLE"]
        extra = f"; expanded access available: {', '.join(r.key for r in available)}" if available else ""
        return [Change("new_candidate", new.drug, new.drug,
                       f"no open trial in the data admits the child{extra}",
                       tuple(r.nct_id for r in available if r.nct_id))]
    out: list[Change] = []
    if old.candidate and not new.candidate:
        out.append(Change("now_has_trial", new.drug, new.drug,
                          f"now has an open trial for the child ({', '.join(new.open_trials)}): it is no longer a "
                          "compassionate-use candidate; ask the study team about the trial", new.open_trials))
    elif new.candidate and not old.candidate:
        out.append(Change("candidate_again", new.drug, new.drug,
                          f"its open trial for the child ({', '.join(old.open_trials)}) no longer admits the child: "
                          "it is a compassionate-use candidate again", old.open_trials))
    before = {r.key: r for r in old.ea_records}
    for record in new.ea_records:
        ids = (record.nct_id,) if record.nct_id else ()
        what = record.nct_id or f"a program flagged by {record.key.split(':', 1)[-1]}"
        previous = before.get(record.key)
        if previous is None:
            out.append(Change("ea_new", new.drug, new.drug,
                              f"new expanded-access record {what}: {status_words(record.status)}", ids))
        elif previous.status != record.status:
            out.append(Change("ea_changed", new.drug, new.drug,
                              f"expanded-access record {what} was {status_words(previous.status)}, now "
                              f"{status_words(record.status)}", ids))
    return out


def compare(old: Answer | None, new: Answer) -> Changes:
    """The changes from `old` (None: the first run) to `new`, in digest order."""
    items: list[Change] = []
    old_trials = old.trials if old else {}
    old_drugs = old.drugs if old else {}
    for nct in [*new.trials, *(n for n in old_trials if n not in new.trials)]:
        items += _trial_changes(old_trials.get(nct), new.trials.get(nct))
    for drug in [*new.drugs, *(d for d in old_drugs if d not in new.drugs)]:
        items += _drug_changes(old_drugs.get(drug), new.drugs.get(drug))
    order = list(KINDS)
    items.sort(key=lambda c: order.index(c.kind))  # stable: within a kind, the answer's own order
    return Changes(first_run=old is None, items=items)
