"""Open trials a child can join, best first: the library function behind `trialfind trials`.

Retrieval is generous and the matchers decide. The groups combine as the API combines
query.cond and query.term: the conditions given are alternatives (a family may type
"DIPG" and "diffuse midline glioma" for one disease), the targets given are alternatives,
and a study must concern at least one condition AND at least one target when both kinds
are given. A study that concerns none of them is dropped, even with include_ineligible:
that flag is about the child (ages, sex, status), not about relevance.
"""
from __future__ import annotations

from typing import Iterable, Literal, Sequence

from trialfind.core.errors import InvalidInput, SourceDataError, TrialfindError
from trialfind.core.profile import ChildProfile
from trialfind.core.spec import SearchSpec, StudySource
from trialfind.core.study import (
    FLAGGED_OPEN_STATUSES,
    OPEN_STATUSES,
    Study,
    UnreadableRecord,
    parse_studies,
    parse_study,
)
from trialfind.core.text import normalise_nct_id
from trialfind.knowledge.targets import Knowledge, resolve_target
from trialfind.match.conditions import ConditionMatch, match_condition
from trialfind.match.eligibility import CHECK_WITH_TEAM, assess
from trialfind.match.geo import nearest_site
from trialfind.match.mentions import MentionMatch, find_mentions
from trialfind.match.rank import ROW_COLUMNS, TrialMatch, best_first, newest_update, score_match
from trialfind.sources import open_source

TRIAL_STUDY_TYPES = ("INTERVENTIONAL",)
OBSERVATIONAL = "OBSERVATIONAL"


class TrialResults(list):
    """The matches, best first (a list of TrialMatch), with what was asked, the data version and
    the records the source gave that could not be read (`unreadable`: a list missing some
    studies must say so)."""

    columns = ROW_COLUMNS

    def __init__(self, matches: Iterable[TrialMatch] = (), *, profile: ChildProfile, status: str = "open",
                 data_version: str | None = None, total: int | None = None,
                 unreadable: Sequence[UnreadableRecord] = ()) -> None:
        super().__init__(matches)
        self.unreadable = list(unreadable)
        self.profile = profile
        self.status = status
        self.data_version = data_version
        self.total = len(self) if total is None else total  # before any limit

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
    """What to ask the source for; `targets` are resolved TargetQuery objects."""
    terms = tuple(dict.fromkeys(term for t in targets for term in t.search_terms))
    statuses = tuple(sorted(OPEN_STATUSES | FLAGGED_OPEN_STATUSES)) if status == "open" else ()
    return SearchSpec(
        conditions=tuple(profile.conditions),
        terms=terms,
        statuses=statuses,
        study_types=tuple(study_types),
        admits_age_days=None if include_ineligible else profile.age_days,
        combine="all",
    )


def _best(matches: Iterable):
    """The strongest evidence among alternatives; the first asked wins a tie."""
    matches = list(matches)
    return max(matches, key=lambda m: m.weight) if matches else None


def condition_evidence(study: Study, conditions: Sequence[str]) -> ConditionMatch | None:
    return _best(match_condition(c, study) for c in conditions)


def target_evidence(study: Study, targets: Sequence) -> MentionMatch | None:
    return _best(
        find_mentions(study, label=t.text, genes=(*t.genes, *t.aliases), variant=t.variant,
                      variant_phrases=t.variant_phrases, drug_names=t.drug_names)
        for t in targets
    )


def match_study(study: Study, profile: ChildProfile, targets: Sequence = (), *, as_of=None) -> TrialMatch | None:
    """Judge one study for the child; None when it concerns none of the conditions or targets."""
    evidence = []
    if profile.conditions:
        found = condition_evidence(study, profile.conditions)
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
    site = nearest_site(study, profile.near)
    if profile.near is not None:
        where = (f"nearest site taking patients: {site.site.place()} ({site.distance_km:.0f} km)" if site
                 else "no site taking patients with a known location is listed")
        # Keep "check with the study team" as the last word.
        reasons.insert(len(reasons) - 1 if reasons and reasons[-1] == CHECK_WITH_TEAM else len(reasons), where)
    distance = site.distance_km if site else None
    score = score_match(study, age_fit=verdict.age_fit, evidence=evidence, distance_km=distance, as_of=as_of)
    return TrialMatch(study=study, eligible=verdict.eligible, score=score, reasons=reasons, nearest_site=site,
                      distance_km=round(distance, 1) if distance is not None else None, evidence=tuple(evidence),
                      status_flag=verdict.status_flag, excluded_by=verdict.excluded_by)


def _as_tuple(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def find_trials(profile: ChildProfile | None = None, *, condition: str | Sequence[str] = (),
                target: str | Sequence[str] = (), age: str | int | None = None, sex: str | None = None,
                near: str | tuple[float, float] | None = None, source: StudySource | None = None,
                status: Literal["open", "all"] = "open", include_ineligible: bool = False,
                limit: int | None = None, include_observational: bool = False,
                knowledge: Knowledge | None = None) -> TrialResults:
    """Trials for the child, best first: `find_trials(condition="glioma", age=7)`.

    The keywords mirror `trialfind trials`: `age` as `--age` takes it (a number is years),
    `condition` and `target` one or several; or pass a ready ChildProfile. `source` None is
    the default source (the API, or the local index when offline).

    By default only studies the child may join ("yes"/"uncertain"). With status="all",
    studies closed to new patients are listed too (marked "no" for that reason alone);
    include_ineligible also lists those whose ages or sex exclude the child. `knowledge` is
    the target/drug table (default: trialfind's own; see `load_knowledge` for a user export).
    Records the source gave that could not be read are in the result's `unreadable`.
    """
    if profile is None:
        if age is None:
            raise InvalidInput("give the child's age, e.g. age=7 or age=\"7y6m\"")
        profile = ChildProfile.build(age, sex=sex, conditions=_as_tuple(condition), targets=_as_tuple(target),
                                     near=near)
    elif condition or target or age is not None or sex is not None or near is not None:
        raise InvalidInput("give either a ChildProfile or condition/target/age/sex/near, not both")
    source = source if source is not None else open_source()
    if not profile.conditions and not profile.targets:
        raise InvalidInput("give at least one condition or target (for example --condition neuroblastoma)")
    if status not in ("open", "all"):
        raise InvalidInput(f"status {status!r} is not understood: use open or all")
    if limit is not None and limit < 1:
        raise InvalidInput("limit must be 1 or more")

    targets = [resolve_target(t, knowledge) for t in profile.targets]
    study_types = TRIAL_STUDY_TYPES + ((OBSERVATIONAL,) if include_observational else ())
    spec = build_search_spec(profile, targets, status=status, include_ineligible=include_ineligible,
                             study_types=study_types)
    studies, unreadable = parse_studies(source.search(spec))
    as_of = newest_update(studies)
    matches = []
    for study in studies:
        # Sources may return more than asked; the spec's filters are enforced here too.
        if study.study_type not in study_types:
            continue
        if spec.statuses and study.status not in spec.statuses:
            continue
        match = match_study(study, profile, targets, as_of=as_of)
        if match is None:
            continue
        if match.eligible == "no" and not include_ineligible:
            closed_only = match.excluded_by == frozenset({"status"})
            if not (status == "all" and closed_only):
                continue
        matches.append(match)
    ordered = best_first(matches)
    return TrialResults(ordered[:limit] if limit else ordered, profile=profile, status=status,
                        data_version=_data_version(source), total=len(ordered), unreadable=unreadable)


def get_study_details(nct_id: str, source: StudySource | None = None) -> Study:
    """One study by NCT id, parsed."""
    value = normalise_nct_id(nct_id)
    source = source if source is not None else open_source()
    study = parse_study(source.get_study(value))
    if isinstance(study, UnreadableRecord):
        raise SourceDataError(f"study {value} could not be read: {study.reason}")
    return study
