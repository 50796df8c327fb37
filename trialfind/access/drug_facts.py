"""What trialfind's tables know about one drug, for the physician's letter: mechanism and
targets, its company, approvals (children / adults, indication, year), and what the tumour's
variant does to it. Every fact carries the table's source; an unknown fact stays None.

Approvals and variant effects come from `knowledge.approvals` and `knowledge.variants`
when those tables are installed (they arrive with the drug-knowledge work); until then the
drug table's `approved` / `first_approval` columns stand in, with the population and
indication said to be unknown, and no variant evidence is claimed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trialfind.access.candidates import drug_company
from trialfind.core.errors import InvalidInput
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.knowledge.targets import DrugInfo, builtin_knowledge

try:  # the approvals table (children / adults, indication) lands with the drug-knowledge work
    from trialfind.knowledge.approvals import approvals_of as _approvals_of
except ImportError:  # pragma: no cover - depends on which tables are installed
    _approvals_of = None
try:  # the variant-effect table (ALK F1174L: crizotinib resistant, lorlatinib sensitive)
    from trialfind.knowledge.variants import effects_for as _effects_for
except ImportError:  # pragma: no cover - depends on which tables are installed
    _effects_for = None


@dataclass(frozen=True)
class ApprovalFact:
    population: str | None    # "children", "adults", or None when the table does not say
    indication: str | None
    ages: str | None
    year: int | None
    region: str | None
    source: str

    def words(self) -> str:
        return describe_approval(self)


def describe_approval(approval: Any) -> str:
    """Plain words for an approval row (an ApprovalFact or a knowledge.approvals.Approval):
    "approved for adults with ALK-positive non-small cell lung cancer (US, 2018)"."""
    population, indication = getattr(approval, "population", None), getattr(approval, "indication", None)
    region, year, ages = getattr(approval, "region", None), getattr(approval, "year", None), getattr(approval, "ages", None)
    who = {"children": "for children", "adults": "for adults"}.get(population or "", "")
    what = f" with {indication}" if indication else ""
    when = ", ".join(str(x) for x in (region, year) if x)
    ages = f"; {ages}" if ages and population == "children" else ""
    if not who and not what:
        return f"approved (first approval {when or 'year not recorded'}; for whom and for what is not " \
               "recorded in trialfind's tables)"
    return f"approved {who}{what} ({when or 'year not recorded'}{ages})".replace("approved  ", "approved ")


@dataclass(frozen=True)
class VariantFact:
    variant: str       # "ALK F1174L"
    effect: str        # sensitive | resistant | not active | paradoxical activation
    evidence: str      # FDA label | clinical | preclinical
    note: str
    source: str

    @property
    def against(self) -> bool:
        return self.effect != "sensitive"


@dataclass(frozen=True)
class DrugFacts:
    drug: str
    known: bool                              # the drug is in trialfind's drug table
    mechanism: str | None = None
    targets: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    approved: bool | None = None
    approvals: tuple[ApprovalFact, ...] = ()
    variant: str | None = None               # the finding the facts were looked up for
    variant_facts: tuple[VariantFact, ...] = ()
    variant_table: bool = True               # False: no variant-effect table is installed
    chembl_id: str | None = None
    source: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def children_approvals(self) -> tuple[ApprovalFact, ...]:
        return tuple(a for a in self.approvals if a.population == "children")

    def to_dict(self) -> dict[str, Any]:
        return {"drug": self.drug, "mechanism": self.mechanism, "targets": list(self.targets),
                "companies": list(self.companies), "approved": self.approved,
                "approvals": [a.__dict__ for a in self.approvals],
                "variant_evidence": [v.__dict__ for v in self.variant_facts], "chembl_id": self.chembl_id,
                "source": self.source}


def _approvals(info: DrugInfo) -> tuple[ApprovalFact, ...]:
    if _approvals_of is not None:
        rows = _approvals_of(info.name)
        if rows:
            return tuple(ApprovalFact(population=a.population, indication=a.indication or None, ages=a.ages or None,
                                      year=a.year, region=a.region or None, source=a.source) for a in rows)
    if info.approved:
        return (ApprovalFact(population=None, indication=None, ages=None, year=info.first_approval, region=None,
                             source=info.source),)
    return ()


def _variant_facts(info: DrugInfo, finding: str | None) -> tuple[str | None, tuple[VariantFact, ...]]:
    if not finding:
        return None, ()
    try:
        query = resolve_target(finding)
    except InvalidInput:
        return None, ()
    if not query.variant or _effects_for is None:
        return query.label, ()
    effect = _effects_for(query.key, query.variant).get(info.name)
    if effect is None:
        return query.label, ()
    return query.label, (VariantFact(variant=f"{effect.target} {effect.variant}", effect=effect.effect,
                                     evidence=effect.evidence, note=effect.note, source=effect.source),)


def drug_facts(drug: str, finding: str | None = None) -> DrugFacts:
    """The table facts for `drug` (canonical name or None when unknown) and the tumour finding."""
    knowledge = builtin_knowledge()
    info = knowledge.drugs.get(drug) if drug else None
    if info is None:
        return DrugFacts(drug=drug, known=False, variant_table=_effects_for is not None)
    variant, facts = _variant_facts(info, finding)
    return DrugFacts(drug=info.name, known=True, mechanism=info.mechanism or None, targets=info.genes,
                     companies=drug_company(info), approved=info.approved, approvals=_approvals(info),
                     variant=variant, variant_facts=facts, variant_table=_effects_for is not None,
                     chembl_id=info.chembl_id or None, source=info.source or None)
