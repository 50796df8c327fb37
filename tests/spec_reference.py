"""The reference semantics (`core.spec.matches_spec`) over many studies, asked only where it can
say yes, for tests that sweep many specs over the real records.

A group's value matches only as a phrase of one of the group's texts, so every word of the
value is a word of those texts (tokens and retrieval_texts are matches_spec's own). A study
missing a word of every value of a required group (combine "all"), or of every present group
(combine "any"), cannot match and is not asked; matches_spec decides all the others, so the
answer is matches_spec's, in the studies' order. A few of the studies not asked are still put
to matches_spec on every spec, so the shortcut is checked against the reference as it runs."""
from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from trialfind.core.spec import SearchSpec, matches_spec, retrieval_texts, tokens
from trialfind.sources.memory import MemorySource

GROUPS = (("conditions", "condition"), ("terms", "term"), ("interventions", "intervention"))
CHECKED_PER_SPEC = 25


class SpecReference:
    def __init__(self, studies, *, seed: int = 20261202) -> None:
        self.studies = list(studies)
        self.postings: dict[str, dict[str, set[int]]] = {group: {} for _, group in GROUPS}
        for i, study in enumerate(self.studies):
            for group, texts in retrieval_texts(study).items():
                for word in {w for t in texts for w in tokens(t)}:
                    self.postings[group].setdefault(word, set()).add(i)
        self.rng = random.Random(seed)

    def _could_match(self, spec: SearchSpec):
        sets = []
        for field, group in GROUPS:
            values = getattr(spec, field)
            if not values:
                continue
            found: set[int] = set()
            for value in values:
                words = tokens(value)
                if words:
                    found |= set.intersection(*(self.postings[group].get(w, set()) for w in words))
            sets.append(found)
        if not sets:
            return range(len(self.studies))
        return sorted(set.intersection(*sets) if spec.combine == "all" else set.union(*sets))

    def matching(self, spec: SearchSpec) -> list:
        """[s for s in studies if matches_spec(s, spec)]"""
        could = self._could_match(spec)
        if len(could) < len(self.studies):
            skipped = sorted(set(range(len(self.studies))) - set(could))
            for i in self.rng.sample(skipped, min(CHECKED_PER_SPEC, len(skipped))):
                assert not matches_spec(self.studies[i], spec), (spec, self.studies[i].nct_id)
        return [self.studies[i] for i in could if matches_spec(self.studies[i], spec)]

    def ids(self, spec: SearchSpec) -> list[str]:
        return [s.nct_id for s in self.matching(spec)]


class ReferenceMemorySource(MemorySource):
    """A MemorySource whose searches give the same records, sooner (see SpecReference)."""

    def __init__(self, records, **kwargs) -> None:
        super().__init__(records, **kwargs)
        pairs = list(self._records.values())
        self._raw_of = {id(study): raw for raw, study in pairs}
        self._reference = SpecReference(study for _, study in pairs)

    def search(self, spec: SearchSpec) -> Iterator[dict[str, Any]]:
        self.specs.append(spec)
        found = [self._raw_of[id(study)] for study in self._reference.matching(spec)]
        return iter(found + [raw for raw, _ in self._unreadable])
