"""Which drug names in trial records trialfind's drug table does not know, and which of them
look like a targeted agent: a research code (BBO-11818, PF-07220060, BAY 2757556) or an INN
stem of targeted drugs (-nib, -ciclib, -parib, -rasib, -lisib, -sertib, -degib, -mab, -cel, -tug,
-mig, -stat). The report keeps gaps in the table visible; TARGETS.md explains each name left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from trialfind.knowledge.drugs import DrugResolver, compact

PRODUCT_TYPES = frozenset({"DRUG", "BIOLOGICAL", "COMBINATION_PRODUCT", "GENETIC"})
# A research code: letters then at least two digits ("AZD9291", "PF-07220060", "HM781-36B", "KL-A167"); with a
# space only after 2-5 capitals ("BAY 2757556", "AMG 510"), so "Avanafil 100" is a dose, not a code.
CODE_NAME = re.compile(r"\b(?:[A-Za-z]{1,8}(?:-[A-Za-z]{1,8})?-?\d{2,}|[A-Z]{2,5} \d{2,})(?:[-,]\d+)*[A-Za-z]?\b")
# INN stems of targeted agents (kinase, PARP, CDK, RAS, PI3K, hedgehog inhibitors; antibodies;
# cell therapies; TIGIT-type antibodies; enzyme inhibitors).
TARGETED_STEM = re.compile(r"\b[A-Za-z]+(?:nib|ciclib|parib|rasib|lisib|sertib|degib|mab|cel|tug|mig|stat)\b", re.I)
_DOSE_CODE = re.compile(r"^\d|^(?:mg|mcg|ml|iu|qd|bid)\b", re.I)


@dataclass(frozen=True)
class UnresolvedName:
    """A targeted-looking word of an intervention name that resolves to no drug in the table."""

    token: str
    written: tuple[str, ...]          # the intervention names it was found in
    nct_ids: tuple[str, ...]


@dataclass
class CoverageReport:
    names_seen: int = 0
    resolved: int = 0
    unresolved: list[UnresolvedName] = field(default_factory=list)

    def unexplained(self, explained_text: str) -> list[UnresolvedName]:
        """The unresolved tokens not named in `explained_text` (compared without case, spaces or hyphens)."""
        explained = compact(explained_text)
        return [u for u in self.unresolved if compact(u.token) not in explained]


def targeted_tokens(name: str) -> list[str]:
    """The code names and targeted INN-stem words in one intervention name."""
    found = [m.group(0) for m in CODE_NAME.finditer(name)]
    found += [m.group(0) for m in TARGETED_STEM.finditer(name)]
    return list(dict.fromkeys(t.strip() for t in found if t.strip() and not _DOSE_CODE.match(t)))


def _interventions(record: Mapping) -> Iterable[tuple[str, list[str]]]:
    module = record.get("protocolSection", {}).get("armsInterventionsModule", {}) or {}
    for intervention in module.get("interventions", []) or []:
        kind = (intervention.get("type") or "").upper()
        if kind and kind not in PRODUCT_TYPES:
            continue
        yield intervention.get("name") or "", list(intervention.get("otherNames") or [])


def name_coverage(records: Iterable[Mapping], resolver: DrugResolver) -> CoverageReport:
    """Walk every drug/biological intervention name (and its other names) of raw ClinicalTrials.gov
    v2 records; report each targeted-looking token that neither its intervention nor itself
    resolves to a known drug."""
    report = CoverageReport()
    found: dict[str, tuple[list[str], list[str]]] = {}
    for record in records:
        nct_id = record.get("protocolSection", {}).get("identificationModule", {}).get("nctId", "")
        for name, others in _interventions(record):
            names = [n for n in (name, *others) if n and n.strip()]
            report.names_seen += len(names)
            known = {d for n in names for d in resolver.resolve_all(n)}
            if known:
                report.resolved += len(names)
                continue
            for written in names:
                for token in targeted_tokens(written):
                    if resolver.resolve(token):
                        continue
                    key = compact(token)
                    spellings, ids = found.setdefault(key, ([], []))
                    if written not in spellings:
                        spellings.append(written)
                    if nct_id and nct_id not in ids:
                        ids.append(nct_id)
    report.unresolved = [UnresolvedName(token=spellings[0] and _token_as_written(key, spellings), written=tuple(spellings),
                                        nct_ids=tuple(ids)) for key, (spellings, ids) in sorted(found.items())]
    return report


def _token_as_written(key: str, spellings: list[str]) -> str:
    for written in spellings:
        for token in targeted_tokens(written):
            if compact(token) == key:
                return token
    return key
