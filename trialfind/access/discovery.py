"""Drugs the drug table does not know, found in the registry itself: given in trials whose title,
conditions, keywords or inclusion criteria REQUIRE the target (the mention matcher's direct
evidence; never exclusion criteria or a negated mention). Their action on the target is not
confirmed by any source, so they are listed apart from the candidates and below them:
"studied in ALK-positive patients; action on ALK not confirmed"."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from trialfind.access.evidence import OPEN_TO_JOIN, mention_strength, target_evidence
from trialfind.core.ages import age_fits, describe_days
from trialfind.core.study import Intervention, Study
from trialfind.knowledge.drugs import DrugResolver, compact
from trialfind.knowledge.name_coverage import PRODUCT_TYPES, targeted_tokens
from trialfind.knowledge.targets import TargetQuery

_NOT_A_PRODUCT = re.compile(r"\b(placebos?|sham|vehicle|dummy)\b", re.I)


@dataclass(frozen=True)
class DiscoveredDrug:
    """A targeted-looking agent of unknown action, given in trials that require the target."""

    name: str                          # the research code or INN as written (TY-9591)
    target: str                        # the query label (EGFR, ALK F1174L)
    written: tuple[str, ...]           # intervention names it appeared in
    nct_ids: tuple[str, ...]
    open_for_child: tuple[str, ...]    # open trials whose ages admit the child

    def line(self, age_days: int | None) -> str:
        key = self.target.split(" ")[0]
        text = (f"{self.name}: studied in {self.target}-positive patients ({', '.join(self.nct_ids[:4])}); "
                f"action on {key} not confirmed by any source trialfind has")
        if self.open_for_child:
            age = describe_days(age_days) if age_days is not None else "this age"
            text += f"; open trial for age {age} ({', '.join(self.open_for_child)}): see `trialfind trials`"
        return text

    def to_row(self, age_days: int | None) -> dict[str, Any]:
        return {"section": "discovered", "drug": self.name, "aliases": list(self.written), "targets": [self.target],
                "candidate": None, "nct_ids": list(self.nct_ids), "open_trials_for_child": list(self.open_for_child),
                "urls": [f"https://clinicaltrials.gov/study/{n}" for n in self.nct_ids],
                "line": self.line(age_days)}


def _admits(study: Study, age_days: int | None) -> bool:
    return (age_days is not None and study.status in OPEN_TO_JOIN and study.study_type == "INTERVENTIONAL"
            and age_fits(age_days, study.min_age_days, study.max_age_days))


class Discovery:
    """`discover` one study at a time, for callers that stream their studies: `add` each study
    in order, then `drugs()` gives what `discover` would give for the same studies."""

    def __init__(self, queries: Sequence[TargetQuery], resolver: DrugResolver, age_days: int | None = None,
                 strength: Callable[[Study, TargetQuery], str] = mention_strength) -> None:
        self.queries, self.resolver, self.age_days = queries, resolver, age_days
        self.strength = strength  # how a study names a target (find_candidates shares one StudyMentions)
        self._found: dict[tuple[str, str], dict[str, list[str]]] = {}
        self._names: dict[tuple[str, str], str] = {}

    def _unknown_agents(self, study: Study) -> list[tuple[Intervention, list[str]]]:
        """The study's targeted-looking interventions the drug table does not know, with their tokens."""
        resolver = self.resolver
        found = []
        for intervention in study.interventions:
            if intervention.type and intervention.type.upper() not in PRODUCT_TYPES:
                continue
            if _NOT_A_PRODUCT.search(intervention.name) or any(
                    resolver.resolve_all(n) for n in intervention.all_names):
                continue  # a known drug: its action is in the table (or it is not a targeted agent)
            if not targeted_tokens(intervention.name) and not re.search(r"\d", intervention.name):
                continue  # an ordinary drug name (Etoposide): the codes among its other names are its own
            tokens = [t for n in intervention.all_names for t in targeted_tokens(n) if not resolver.resolve(t)]
            if tokens:
                found.append((intervention, tokens))
        return found

    def add(self, study: Study) -> None:
        if study.study_type == "EXPANDED_ACCESS":
            return
        # The agents first: most studies give only known drugs, and then no target need be looked for.
        agents = self._unknown_agents(study)
        if not agents:
            return
        for query in self.queries:
            if target_evidence(study, [query], self.strength) != "direct":
                continue
            for intervention, tokens in agents:
                key = (query.label, compact(tokens[0]))
                self._names.setdefault(key, tokens[0])
                entry = self._found.setdefault(key, {"written": [], "ids": [], "open": []})
                if intervention.name not in entry["written"]:
                    entry["written"].append(intervention.name)
                if study.nct_id not in entry["ids"]:
                    entry["ids"].append(study.nct_id)
                if _admits(study, self.age_days) and study.nct_id not in entry["open"]:
                    entry["open"].append(study.nct_id)

    def drugs(self) -> list[DiscoveredDrug]:
        return [DiscoveredDrug(name=self._names[key], target=key[0], written=tuple(entry["written"]),
                               nct_ids=tuple(sorted(entry["ids"])), open_for_child=tuple(sorted(entry["open"])))
                for key, entry in sorted(self._found.items(), key=lambda kv: (kv[0][0], -len(kv[1]["ids"]), kv[0][1]))]


def discover(studies: Iterable[Study], queries: Sequence[TargetQuery], resolver: DrugResolver,
             age_days: int | None = None) -> list[DiscoveredDrug]:
    """Unknown targeted-looking agents of the studies that require one of the queried targets."""
    discovery = Discovery(queries, resolver, age_days)
    for study in studies:
        discovery.add(study)
    return discovery.drugs()
