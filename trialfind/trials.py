"""Open trials a child can join, best first: the library function behind `trialfind trials`.

Retrieval is generous and the matchers decide. The groups combine as the API combines
query.cond and query.term: the conditions given are alternatives (a family may type
"DIPG" and "diffuse midline glioma" for one disease), the targets given are alternatives,
and a study must concern at least one condition AND at least one target when both kinds
are given. A study that concerns none of them is dropped, even with include_ineligible:
that flag is about the child (ages, sex, status), not about relevance.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Literal, Sequence

from trialfind.core.errors import InvalidInput, SourceDataError, TrialfindError
from trialfind.core.profile import ChildProfile
from trialfind.core.spec import SearchSpec, StudySource, search_studies
from trialfind.core.study import (
    FLAGGED_OPEN_STATUSES,
    OPEN_STATUSES,
    Study,
    UnreadableRecord,
    gather_studies,
    parse_study,
)
from trialfind.core.text import normalise_nct_id
from trialfind.knowledge.conditions import search_phrases as condition_search_phrases
from trialfind.knowledge.places import Place, resolve_place
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.knowledge.targets import Knowledge
from trialfind.match.conditions import ConditionMatch, match_condition
from trialfind.match.eligibility import CHECK_WITH_TEAM, assess
from trialfind.match.geo import UNITS, NearestSite, default_units, format_distance, nearest_sites, parse_radius
from trialfind.match.mentions import MentionMatch, find_mentions
from trialfind.match.rank import ROW_COLUMNS, TrialMatch, best_first, nearest_first, newest_update, score_match
from trialfind.sources import open_source

TRIAL_STUDY_TYPES = ("INTERVENTIONAL",)
OBSERVATIONAL = "OBSERVATIONAL"
# --purpose: which Study.purpose words each choice keeps (None keeps every study).
PURPOSE_FILTERS: dict[str, frozenset[str] | None] = {
    "treatment": frozenset({"treatment"}),
    "supportive": frozenset({"supportive care", "prevention"}),
    "any": None,
}


class TrialResults(list):
    """The matches, best first (a list of TrialMatch), with what was asked, the data version and
    the records the source gave that could not be read (`unreadable`: a list missing some
    studies must say so)."""

    columns = ROW_COLUMNS

    def __init__(self, matches: Iterable[TrialMatch] = (), *, profile: ChildProfile, status: str = "open",
                 data_version: str | None = None, total: int | None = None,
                 unreadable: Sequence[UnreadableRecord] = (), place: Place | None = None,
                 units: str = "km", within_km: float | None = None, sort: str = "fit",
                 beyond_radius: int = 0) -> None:
        super().__init__(matches)
        self.unreadable = list(unreadable)
        self.profile = profile
        self.status = status
        self.data_version = data_version
        self.total = len(self) if total is None else total  # before any limit
        self.place = place  # where distances are measured from, as resolved
        self.units = units  # "mi" | "km": how distances are shown
        self.within_km = within_km
        self.sort = sort
        self.beyond_radius = beyond_radius  # matches left out because no site is within the radius

    def rows(self) -> list[dict]:
        return [m.to_row() for m in self]


def _data_version(source: StudySource) -> str | None:
    try:
        return source.data_version()
    except TrialfindError:  # the version only labels the output
        return None


def build_search_spec(profile: ChildProfile, targets: Sequence = (), *, status: str = "open",
                      include_ineligible: bool = False,
                      study_types: Sequence[str] = TRIAL_STUDY_TYPES) -> SearchSpec:
    """What to ask the source for; `targets` are resolved TargetQuery objects.

    Every name the matchers accept is searched, so the API and the offline index fetch the
    same studies: each condition with its names, abbreviations, spellings, plurals and
    narrower types from the condition vocabulary; each target with its genes, aliases and
    the names of the drugs acting on it (drug mentions are judged, so they are searched).
    """
    terms = tuple(dict.fromkeys(term for t in targets for term in (*t.search_terms, *t.drug_names)))
    conditions = tuple(dict.fromkeys(phrase for c in profile.conditions for phrase in condition_search_phrases(c)))
    statuses = tuple(sorted(OPEN_STATUSES | FLAGGED_OPEN_STATUSES)) if status == "open" else ()
    if not terms:
        # Conditions alone are searched everywhere (the API's query.term), since the matcher takes
        # a disease named in the inclusion criteria as direct evidence too; with targets, the
        # condition group keeps to the condition fields so that both groups must hold.
        conditions, terms = (), conditions
    return SearchSpec(
        conditions=conditions,
        terms=terms,
        statuses=statuses,
        study_types=tuple(study_types),
        admits_age_days=None if include_ineligible else profile.age_days,
        combine="all",
    )


def fetch_everything_spec(conditions: Sequence[str], targets: Sequence[str]) -> SearchSpec:
    """One OR-ed search holding everything `find_trials` may search for these conditions and
    targets, at any status and age: what `trialfind index build --from-api` fetches, so the
    index then answers those queries exactly as the API does."""
    resolved = [resolve_target(t) for t in targets]
    phrases = [p for c in conditions for p in condition_search_phrases(c)]
    phrases += [term for t in resolved for term in (*t.search_terms, *t.drug_names)]
    return SearchSpec(terms=tuple(dict.fromkeys(phrases)), combine="any")


def _best(matches: Iterable):
    """The strongest evidence among alternatives; the first asked wins a tie."""
    matches = list(matches)
    return max(matches, key=lambda m: m.weight) if matches else None


def condition_evidence(study: Study, conditions: Sequence[str]) -> ConditionMatch | None:
    return _best(match_condition(c, study) for c in conditions)


def target_evidence(study: Study, targets: Sequence) -> MentionMatch | None:
    return _best(
        find_mentions(study, label=t.text, genes=(*t.genes, *t.aliases, *t.family_names), variant=t.variant,
                      variant_phrases=t.variant_phrases, drug_names=t.drug_names)
        for t in targets
    )


def match_study(study: Study, profile: ChildProfile, targets: Sequence = (), *, as_of=None,
                units: str = "km", condition: ConditionMatch | None = None) -> TrialMatch | None:
    """Judge one study for the child; None when it concerns none of the conditions or targets.
    `condition`: the study's condition_evidence when the caller has judged it already."""
    evidence = []
    if profile.conditions:
        found = condition if condition is not None else condition_evidence(study, profile.conditions)
        if not found.found:
            return None
        evidence.append(found)
    if targets:
        found = target_evidence(study, targets)
        if not found.found:
            return None
        evidence.append(found)
    verdict = assess(study, profile, evidence)
    reasons = list(verdict.reasons)
    sites = nearest_sites(study, profile.near)
    site = sites[0] if sites else None
    if profile.near is not None:
        where = (f"nearest site taking patients: {site.site.place()} ({format_distance(site.distance_km, units)})"
                 if site
                 else "no site taking patients with a known location is listed")
        # Keep "check with the study team" as the last word.
        reasons.insert(len(reasons) - 1 if reasons and reasons[-1] == CHECK_WITH_TEAM else len(reasons), where)
    distance = site.distance_km if site else None
    score = score_match(study, age_fit=verdict.age_fit, evidence=evidence, distance_km=distance, as_of=as_of)
    return TrialMatch(study=study, eligible=verdict.eligible, score=score, reasons=reasons, nearest_site=site,
                      distance_km=round(distance, 1) if distance is not None else None, evidence=tuple(evidence),
                      status_flag=verdict.status_flag, excluded_by=verdict.excluded_by, nearest_sites=tuple(sites))


def _as_tuple(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def find_trials(profile: ChildProfile | None = None, *, condition: str | Sequence[str] = (),
                target: str | Sequence[str] = (), age: str | int | None = None, sex: str | None = None,
                near: str | tuple[float, float] | None = None, source: StudySource | None = None,
                status: Literal["open", "all"] = "open", include_ineligible: bool = False,
                limit: int | None = None, include_observational: bool = False,
                knowledge: Knowledge | None = None,
                purpose: Literal["treatment", "supportive", "any"] = "any", place: Place | None = None,
                within: str | float | None = None, units: str | None = None,
                sort: Literal["fit", "distance"] = "fit") -> TrialResults:
    """Trials for the child, best first: `find_trials(condition="glioma", age=7)`.

    The keywords mirror `trialfind trials`: `age` as `--age` takes it (a number is years),
    `condition` and `target` one or several; or pass a ready ChildProfile. `source` None is
    the default source (the API, or the local index when offline).

    By default only studies the child may join ("yes"/"uncertain"). With status="all",
    studies closed to new patients are listed too (marked "no" for that reason alone);
    include_ineligible also lists those whose ages or sex exclude the child. `knowledge` is
    the target/drug table (default: trialfind's own; see `load_knowledge` for a user export).
    Records the source gave that could not be read are in the result's `unreadable`.
    `purpose` "treatment" keeps studies whose recorded purpose is treatment, "supportive"
    those for supportive care or prevention; "any" keeps all (treatment trials still first).
    `near` is LAT,LON or a place ("02115", "Boston, MA", "Paris, France"; or pass a resolved
    `place`); `within` a radius ("300mi", "500km"); `units` mi or km; `sort` fit or distance.
    """
    if profile is None:
        if age is None:
            raise InvalidInput("give the child's age, e.g. age=7 or age=\"7y6m\"")
        if isinstance(near, str) and near.strip():
            place = resolve_place(near)
        profile = ChildProfile.build(age, sex=sex, conditions=_as_tuple(condition), targets=_as_tuple(target),
                                     near=place.point if place is not None else near)
    elif condition or target or age is not None or sex is not None or near is not None:
        raise InvalidInput("give either a ChildProfile or condition/target/age/sex/near, not both")
    if place is None and profile.near is not None:
        place = Place(f"{profile.near[0]:g},{profile.near[1]:g}", *profile.near, None, "coordinates given")
    units = (units or default_units(place.country_code if place else None)).lower()
    if units not in UNITS:
        raise InvalidInput(f"units {units!r} are not understood: use mi or km")
    if sort not in ("fit", "distance"):
        raise InvalidInput(f"sort {sort!r} is not understood: use fit or distance")
    within_km = parse_radius(within, units)
    if (within_km is not None or sort == "distance") and profile.near is None:
        raise InvalidInput("--within and --sort distance need a place: give --near (a ZIP code, \"City, State\" ...)")
    source = source if source is not None else open_source()
    if not profile.conditions and not profile.targets:
        raise InvalidInput("give at least one condition or target (for example --condition neuroblastoma)")
    if status not in ("open", "all"):
        raise InvalidInput(f"status {status!r} is not understood: use open or all")
    if limit is not None and limit < 1:
        raise InvalidInput("limit must be 1 or more")
    if purpose not in PURPOSE_FILTERS:
        raise InvalidInput(f"purpose {purpose!r} is not understood: use {', '.join(PURPOSE_FILTERS)}")

    targets = [resolve_target(t, knowledge) for t in profile.targets]
    study_types = TRIAL_STUDY_TYPES + ((OBSERVATIONAL,) if include_observational else ())
    spec = build_search_spec(profile, targets, status=status, include_ineligible=include_ineligible,
                             study_types=study_types)
    heads = getattr(source, "search_study_heads", None)
    if heads is not None:
        items, unreadable = _gather_heads(heads(spec))
    else:
        studies, unreadable = gather_studies(search_studies(source, spec))
        items = [(study, None) for study in studies]
    as_of = newest_update(head for head, _ in items)
    completions: dict[str, Any] = {}
    matches = []
    for at in range(len(items)):
        # Released as judged: a result that is no answer (its head, its form) is not kept to the end.
        (head, finish), items[at] = items[at], None
        # Sources may return more than asked; the spec's filters are enforced here too.
        if head.study_type not in study_types:
            continue
        if spec.statuses and head.status not in spec.statuses:
            continue
        # A head (the local index) holds what this judgement reads: most results of a broad
        # search end here, their sites, arms and descriptions never read.
        found = condition_evidence(head, profile.conditions) if profile.conditions else None
        if found is not None and not found.found:
            continue
        study = head if finish is None else _finished(finish, completions, profile)
        if PURPOSE_FILTERS[purpose] is not None and study.purpose not in PURPOSE_FILTERS[purpose]:
            continue
        match = match_study(study, profile, targets, as_of=as_of, units=units, condition=found)
        if match is None:
            continue
        if match.eligible == "no" and not include_ineligible:
            closed_only = match.excluded_by == frozenset({"status"})
            if not (status == "all" and closed_only):
                continue
        matches.append(match)
    beyond = 0
    if within_km is not None:
        kept = [m for m in matches if m.distance_km is not None and m.distance_km <= within_km]
        beyond, matches = len(matches) - len(kept), kept
    ordered = nearest_first(matches) if sort == "distance" else best_first(matches)
    shown = ordered[:limit] if limit else ordered
    if completions:
        shown = [replace(m, study=completions[m.nct_id]()) if completions.get(m.nct_id) else m for m in shown]
    return TrialResults(shown, profile=profile, status=status,
                        data_version=_data_version(source), total=len(ordered), unreadable=unreadable,
                        place=place, units=units, within_km=within_km, sort=sort, beyond_radius=beyond)


def _gather_heads(items) -> tuple[list, list[UnreadableRecord]]:
    """gather_studies for a source's `search_study_heads`: the first of an NCT id wins."""
    kept: dict[str, tuple] = {}
    unreadable: dict[UnreadableRecord, None] = {}
    for head, finish in items:
        if isinstance(head, UnreadableRecord):
            unreadable.setdefault(head)
        else:
            kept.setdefault(head.nct_id, (head, finish))
    return list(kept.values()), list(unreadable)


def _finished(finish, completions: dict, profile: ChildProfile) -> Study:
    """The Study of a head. Without a place no judgement reads a study's sites: a study with
    many comes without them, and only the matches returned are completed."""
    study, complete = finish()
    if complete is None:
        return study
    if profile.near is not None:
        return complete()
    completions[study.nct_id] = complete
    return study


def get_study_details(nct_id: str, source: StudySource | None = None) -> Study:
    """One study by NCT id, parsed."""
    value = normalise_nct_id(nct_id)
    source = source if source is not None else open_source()
    study = parse_study(source.get_study(value))
    if isinstance(study, UnreadableRecord):
        raise SourceDataError(f"study {value} could not be read: {study.reason}")
    return study


@dataclass
class StudyPage:
    """One study seen from a place: its nearest sites taking patients (with contacts) first."""

    study: Study
    place: Place | None = None
    units: str = "km"
    nearest: list[NearestSite] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = self.study.to_dict()
        data["place"] = self.place.to_dict() if self.place else None
        data["units"] = self.units
        data["nearest_sites"] = [n.to_dict(with_contacts=True) for n in self.nearest]
        return data


def study_page(nct_id: str, source: StudySource | None = None, *, near: str | Place | None = None,
               units: str | None = None, count: int = 5) -> StudyPage:
    """A study with its `count` nearest sites taking patients to `near` (a place as `--near` takes it)."""
    study = get_study_details(nct_id, source)
    place = resolve_place(near, study.sites) if isinstance(near, str) and near.strip() else near or None
    units = (units or default_units(place.country_code if place else None)).lower()
    if units not in UNITS:
        raise InvalidInput(f"units {units!r} are not understood: use mi or km")
    nearest = nearest_sites(study, place.point, count=count) if place else []
    return StudyPage(study=study, place=place, units=units, nearest=nearest)
