"""What a drug is doing in one study: is it the drug being tested, or only the comparator
or the background therapy of another drug's trial?

A company asked for crizotinib wants to hear about crizotinib's own trials; a Roche trial
of entrectinib with crizotinib as its active comparator says nothing about crizotinib's
development. ClinicalTrials.gov tells them apart in the arms: each arm has a type
(EXPERIMENTAL, ACTIVE_COMPARATOR, PLACEBO_COMPARATOR, ...) and names the interventions
it gives ("Drug: Crizotinib"), and each intervention names its arms.

- comparator: every arm giving the drug is a comparator arm;
- background: the drug is given in a comparator arm AND in the experimental arms, so
  what the trial tests is what the experimental arms add;
- not an intervention: the record mentions the drug elsewhere (criteria, summary);
- own: otherwise (the drug is in an experimental or "other" arm only, alone or with
  partners), and also when the record links no arm to the drug: a record without arms
  cannot show the drug is only a comparator, so its role is "own (arms not stated)".
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from trialfind.core.arms import ArmGroup
from trialfind.core.study import Intervention, Study
from trialfind.core.text import compact
from trialfind.knowledge.drugs import strip_dose

OWN = "own"
COMPARATOR = "comparator"
BACKGROUND = "background"
NOT_GIVEN = "not an intervention"
ROLES = (OWN, COMPARATOR, BACKGROUND, NOT_GIVEN)
COMPARATOR_ARM_TYPES = frozenset({"ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION"})
_PRODUCT_TYPES = frozenset({"DRUG", "BIOLOGICAL", "GENETIC", "COMBINATION_PRODUCT"})
_ARM_PREFIXES = frozenset({"DRUG", "BIOLOGICAL", "GENETIC", "COMBINATION PRODUCT", "OTHER", "PROCEDURE", "RADIATION",
                           "DEVICE", "BEHAVIORAL", "DIETARY SUPPLEMENT", "DIAGNOSTIC TEST"})


@dataclass(frozen=True)
class DrugRole:
    role: str                        # one of ROLES
    reason: str                      # plain words, naming the arms
    partners: tuple[str, ...] = ()   # other products given with it (own) or tested against/on top of it
    arms_stated: bool = True         # False: the record links no arm to the drug

    @property
    def is_own(self) -> bool:
        return self.role == OWN


def _key(name: str) -> str:
    return compact(strip_dose(name) or name)


def _arm_intervention_name(written: str) -> str:
    """'Drug: Crizotinib' -> 'Crizotinib' (arms prefix the intervention type)."""
    kind, sep, rest = written.partition(":")
    return rest.strip() if sep and kind.strip().upper() in _ARM_PREFIXES else written.strip()


def _gives(arm: ArmGroup, intervention: Intervention) -> bool:
    return _key(intervention.name) in {_key(_arm_intervention_name(n)) for n in arm.intervention_names}


def _arm_words(arms: Iterable[ArmGroup]) -> str:
    return ", ".join(f"'{a.label}' ({(a.type or 'type not given').replace('_', ' ').lower()})" for a in arms)


def drug_role(study: Study, names: Iterable[str]) -> DrugRole:
    """The role of the drug (any of `names`: INN, brands, code names, as written) in `study`."""
    keys = {_key(n) for n in names if n and n.strip()}
    mine = [iv for iv in study.interventions if keys & {_key(n) for n in iv.all_names}]
    others = [iv for iv in study.interventions if iv not in mine
              and (not iv.type or iv.type.upper() in _PRODUCT_TYPES)]
    arms = [a for a in study.arm_groups if any(_gives(a, iv) for iv in mine)]
    if not mine:
        return DrugRole(NOT_GIVEN, "the record mentions it but does not list it among the interventions",
                        arms_stated=False)
    if not arms:
        return DrugRole(OWN, "the record does not say which arm gives it", arms_stated=False)
    comparator_arms = [a for a in arms if (a.type or "").upper() in COMPARATOR_ARM_TYPES]
    tested_arms = [a for a in arms if a not in comparator_arms]
    if not tested_arms:
        tested = _products_in([a for a in study.arm_groups if a not in arms], others)
        what = f"; the trial tests {', '.join(tested)}" if tested else ""
        return DrugRole(COMPARATOR, f"given only in the comparator arm {_arm_words(comparator_arms)}{what}",
                        partners=tested)
    if comparator_arms:
        added = _products_in(tested_arms, others)
        what = f"; the experimental arms add {', '.join(added)}" if added else ""
        return DrugRole(BACKGROUND, f"given in the comparator arm {_arm_words(comparator_arms)} as well as in the "
                                    f"experimental arm {_arm_words(tested_arms)}: background therapy{what}",
                        partners=added)
    partners = _products_in(tested_arms, others)
    alone = f" with {', '.join(partners)}" if partners else ""
    return DrugRole(OWN, f"given in the arm {_arm_words(tested_arms)}{alone}", partners=partners)


def _products_in(arms: Iterable[ArmGroup], candidates: Iterable[Intervention]) -> tuple[str, ...]:
    arms = list(arms)
    return tuple(dict.fromkeys(iv.name for iv in candidates if any(_gives(a, iv) for a in arms)))
