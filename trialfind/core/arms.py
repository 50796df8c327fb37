"""A study's interventions and arms (ClinicalTrials.gov `armsInterventionsModule`): what is
given, and in which arm: each arm's label, its type (EXPERIMENTAL, ACTIVE_COMPARATOR,
PLACEBO_COMPARATOR, ...; None for observational cohorts) and the interventions it gives.
The arms tell the drug a trial tests from its comparator (`match.drug_role`).
`core.study` re-exports Intervention."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Intervention:
    type: str | None
    name: str
    other_names: tuple[str, ...] = ()
    description: str | None = None

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.other_names)


@dataclass(frozen=True)
class ArmGroup:
    label: str
    type: str | None = None
    # As the arm writes them ("Drug: Crizotinib"), plus the names of interventions that list
    # this arm in their armGroupLabels: records fill one side or the other, or both.
    intervention_names: tuple[str, ...] = ()
    description: str | None = None  # who the arm is for and what it gives, in the sponsor's words


def parse_interventions(arms_module: Any) -> tuple[Intervention, ...]:
    """The interventions of a v2 `armsInterventionsModule` (those without a name are skipped)."""
    return tuple(
        Intervention(type=iv.get("type"), name=str(iv.get("name") or "").strip(),
                     other_names=tuple(_texts(iv.get("otherNames"))), description=iv.get("description"))
        for iv in _texts_or_dicts(arms_module.get("interventions") if isinstance(arms_module, dict) else None)
        if iv.get("name")
    )


def _texts(value: Any) -> list[str]:
    return [v.strip() for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []


def parse_arm_groups(arms_module: Any) -> tuple[ArmGroup, ...]:
    """The arms of a v2 `armsInterventionsModule`; parts of the wrong type are skipped, never an error."""
    if not isinstance(arms_module, dict):
        return ()
    groups = [g for g in _texts_or_dicts(arms_module.get("armGroups")) if isinstance(g.get("label"), str)
              and g["label"].strip()]
    given: dict[str, list[str]] = {}
    for intervention in _texts_or_dicts(arms_module.get("interventions")):
        name = intervention.get("name")
        if isinstance(name, str) and name.strip():
            for label in _texts(intervention.get("armGroupLabels")):
                given.setdefault(label, []).append(name.strip())
    return tuple(ArmGroup(label=g["label"].strip(), type=g["type"] if isinstance(g.get("type"), str) else None,
                          intervention_names=tuple(dict.fromkeys([*_texts(g.get("interventionNames")),
                                                                  *given.get(g["label"].strip(), [])])),
                          description=g["description"] if isinstance(g.get("description"), str) else None)
                 for g in groups)


def _texts_or_dicts(value: Any) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
