"""Re-running saved searches and telling what changed since their last answers.

`run_watches` answers every watch asked for first and stores the new answers only when
all of them are complete: a run that fails half-way (the API down, the index missing)
changes nothing, so the next run compares against the same answers again.

Trials are searched with every status and without the age filter, as
`trialfind trials --status all --include-ineligible` would: a trial that closes or whose
ages change then stays in the answer and can be reported as such, instead of silently
dropping out of it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

from trialfind.access.candidates import find_candidates
from trialfind.core.ages import describe_days
from trialfind.core.errors import InvalidInput, TrialfindError
from trialfind.core.profile import ChildProfile
from trialfind.core.spec import StudySource
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.match.geo import haversine_km, site_is_taking_patients
from trialfind.trials import find_trials
from trialfind.watch.diff import Answer, Changes, DrugState, EAState, TrialState, compare
from trialfind.watch.store import SavedSearch, StoredWatch, WatchStore, new_search


@dataclass
class WatchResult:
    search: SavedSearch
    age_days: int
    previous_run: str | None       # the day of the answer compared against (None: first run)
    changes: Changes
    answer: Answer

    @property
    def name(self) -> str:
        return self.search.name

    def to_dict(self) -> dict[str, Any]:
        return {"watch": self.search.name, "conditions": list(self.search.conditions),
                "targets": list(self.search.targets), "age": describe_days(self.age_days),
                "near": list(self.search.near) if self.search.near else None, "within_km": self.search.within_km,
                "previous_run": self.previous_run, "this_run": self.answer.taken_on,
                "data_version": self.answer.data_version, "trials_followed": len(self.answer.trials),
                "candidates": sorted(d.drug for d in self.answer.drugs.values() if d.candidate),
                **self.changes.to_dict()}


def add_watch(store: WatchStore, name: str, *, conditions: Sequence[str] = (), targets: Sequence[str] = (),
              age: str | int, near: str | None = None, within_km: float | None = None,
              today: date | None = None) -> SavedSearch:
    """Save a search (nothing is fetched: the first `watch run` records the baseline)."""
    search = new_search(name, conditions=conditions, targets=targets, age=age, near=near, within_km=within_km,
                        today=today)
    for target in search.targets:
        resolve_target(target)  # an unknown target is a usage error now, not at 3 a.m. in cron
    store.add(search)
    return search


def _sites_within(study, near, within_km) -> tuple[tuple[str, float], ...]:
    if near is None:
        return ()
    found: dict[str, float] = {}
    for site in study.sites:
        if site.lat is None or site.lon is None or not site_is_taking_patients(site, study.status):
            continue
        km = haversine_km(near[0], near[1], site.lat, site.lon)
        if km <= within_km:
            place = site.place() or "a listed site"
            found[place] = min(found.get(place, float("inf")), round(km, 1))
    return tuple(sorted(found.items(), key=lambda item: (item[1], item[0])))


def _version(source: StudySource) -> str | None:
    try:
        return source.data_version()
    except TrialfindError:
        return None


def take_answer(search: SavedSearch, source: StudySource, today: date) -> Answer:
    """Run the saved search for the child's age today."""
    age_days = search.age_days_on(today)
    profile = ChildProfile(age_days=age_days, conditions=search.conditions, targets=search.targets,
                           near=search.near)
    trials = {}
    for match in find_trials(profile, source=source, status="all", include_ineligible=True):
        study = match.study
        trials[study.nct_id] = TrialState(
            nct_id=study.nct_id, title=study.title, status=study.status, min_age=study.min_age,
            max_age=study.max_age, fits=match.eligible != "no", ages_fit="age" not in match.excluded_by,
            sites=_sites_within(study, search.near, search.within_km))
    drugs = {}
    if search.targets:
        found = find_candidates(list(search.targets), f"{age_days}d", condition=search.conditions, source=source)
        for candidate in [*found, *found.not_candidates]:
            drugs[candidate.drug] = DrugState(
                drug=candidate.drug, candidate=bool(candidate.is_candidate),
                open_trials=tuple(t.nct_id for t in candidate.open_trials_admitting_child),
                ea_records=tuple(EAState(key=r.nct_id or f"flag:{r.linked_from[0] if r.linked_from else ''}",
                                         nct_id=r.nct_id, status=r.status, title=r.title)
                                 for r in candidate.ea_records))
    return Answer(taken_on=today.isoformat(), age_days=age_days, data_version=_version(source), trials=trials,
                  drugs=drugs)


def run_watches(store: WatchStore, names: Sequence[str] = (), *, source: StudySource,
                today: date | None = None, save: bool = True) -> list[WatchResult]:
    """Re-run the named watches (all when none named) and compare with their last answers.

    The new answers are stored only once every watch has been answered (`save=False`
    stores nothing: a dry run).
    """
    today = today or date.today()
    watches: list[StoredWatch] = [store.get(n) for n in dict.fromkeys(names)] if names else store.all()
    if not watches:
        raise InvalidInput("no watches yet: add one with `trialfind watch add NAME --condition ... --age ...`")
    results, answered = [], []
    for watch in watches:
        previous = Answer.from_dict(watch.answer) if watch.answer else None
        answer = take_answer(watch.search, source, today)
        results.append(WatchResult(watch.search, answer.age_days, previous.taken_on if previous else None,
                                   compare(previous, answer), answer))
        answered.append(StoredWatch(watch.search, answer.to_dict(), watch.path))
    if save:
        store.save_answers(answered)
    return results
