"""find_candidates judges studies as they stream: its answer equals building every candidate from
all the studies held at once (build_candidate + discover over the whole answer, as it was built
before), and the studies it has judged are no longer alive while the next ones arrive."""
from __future__ import annotations

import gc
import weakref

import pytest

from tests.shared_data import real_records
from tests.spec_reference import ReferenceMemorySource
from trialfind.access.candidates import build_candidate, find_candidates, target_search_spec
from trialfind.access.discovery import discover
from trialfind.access.evidence import drug_names_in
from trialfind.core.ages import parse_child_age
from trialfind.core.spec import search_studies
from trialfind.core.study import Study, gather_studies
from trialfind.knowledge.drugs import resolver_for
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.knowledge.targets import builtin_knowledge

CASES = [(["ALK"], "7", ()), (["EGFR"], "7", ()), (["KRAS", "BRAF"], "12", ()), (["CD19"], "7", ("leukemia",)),
         (["NTRK fusion"], "3", ()), (["EGFR", "BRAF V600E"], "12", ())]


@pytest.fixture(scope="module")
def source():
    # MemorySource's records, in its order, sooner (see tests/spec_reference.py)
    return ReferenceMemorySource(real_records())


def held_at_once(targets, age, conditions, source):
    """The candidates built from every study of the answer held in memory at once."""
    knowledge = builtin_knowledge()
    age_days = parse_child_age(age)
    queries = [resolve_target(t, knowledge) for t in targets]
    resolver = resolver_for(knowledge)
    studies: dict[str, Study] = {}
    drugs_for_target: dict[str, list[str]] = {}
    for query in queries:
        found, _ = gather_studies(search_studies(source, target_search_spec(query)))
        for study in found:
            studies.setdefault(study.nct_id, study)
        for drug in query.drugs:
            drugs_for_target.setdefault(drug, [])
            if query.label not in drugs_for_target[drug]:
                drugs_for_target[drug].append(query.label)
    by_drug, names = {}, {}
    for study in studies.values():
        for drug, seen in drug_names_in(study, resolver).items():
            if drug in drugs_for_target:
                by_drug.setdefault(drug, []).append(study)
                names.setdefault(drug, {})[study.nct_id] = seen
    reference = max((s.last_update for s in studies.values() if s.last_update), default=None)
    effects = {e.drug: e for q in queries for e in q.variant_effects}
    built = [build_candidate(knowledge.drugs[d], by_drug[d], names[d], age_days=age_days, targets=drugs_for_target[d],
                             conditions=conditions, queries=queries, reference_date=reference, resolver=resolver,
                             known_studies=studies, variant_effect=effects.get(d)) for d in by_drug]
    return built, discover(studies.values(), queries, resolver, age_days)


@pytest.mark.parametrize(("targets", "age", "conditions"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_streamed_candidates_equal_those_built_from_every_study_at_once(targets, age, conditions, source):
    found = find_candidates(targets, age, condition=conditions, source=source)
    built, discovered = held_at_once(targets, age, conditions, source)
    by_drug = {c.drug: c for c in built}
    assert len(found) + len(found.not_candidates) == len(built) > 0
    for candidate in [*found, *found.not_candidates]:
        reference = by_drug[candidate.drug]
        assert candidate.to_row() == reference.to_row()
        assert candidate.studies == reference.studies
        assert candidate.ea_policy_reason == reference.ea_policy_reason
    assert found.discovered == discovered


class _Tracking:
    """A source that parses its studies itself (as the local index does), keeps a weak
    reference to every Study it hands out and counts, every few studies, how many of those
    already handed out are still alive."""

    def __init__(self, inner):
        self.inner = inner
        self.handed: list[weakref.ref] = []
        self.most_alive = 0

    def search_studies(self, spec):
        for study in search_studies(self.inner, spec):
            if isinstance(study, Study):
                if len(self.handed) % 20 == 0:
                    gc.collect()
                    self.most_alive = max(self.most_alive, sum(ref() is not None for ref in self.handed))
                self.handed.append(weakref.ref(study))
            yield study

    def search(self, spec):
        return self.inner.search(spec)

    def get_study(self, nct_id):
        return self.inner.get_study(nct_id)

    def data_version(self):
        return self.inner.data_version()


def test_no_study_is_held_once_judged(source):
    tracking = _Tracking(source)
    # Every object alive before the search is set aside from the collections _Tracking runs, which
    # otherwise walk the whole session's heap each time (seconds late in a full run). The studies
    # are all made during the search, so they are still collected; a frozen object can only keep
    # one alive, never free it, so this cannot hide a study that is held.
    gc.collect()
    gc.freeze()
    try:
        found = find_candidates(["EGFR"], "7", source=tracking)
    finally:
        gc.unfreeze()
    assert len(tracking.handed) > 100 and len(found) > 0
    assert tracking.most_alive <= 1  # the caller's loop variable: the study judged just before
