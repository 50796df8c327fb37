"""Who a drug is approved for: children (with the indication, ages and year) or adults only
(`trialfind/data/approvals.tsv`, each row with its FDA label or EMA page).

A drug approved for children with the child's kind of tumour can simply be prescribed; one
approved only for adults can be prescribed off-label. The reasons say which, in plain words.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from trialfind.core.errors import InvalidInput

APPROVALS_FILE = Path(__file__).resolve().parent / "data" / "approvals.tsv"
POPULATIONS = ("children", "adults")


@dataclass(frozen=True)
class Approval:
    drug: str
    population: str   # children | adults
    indication: str
    ages: str
    year: int | None
    region: str
    source: str
    # targets the indication is for, a key with an optional variant ("ALK", "BRAF V600E", "NTRK fusion"); empty: none
    targets: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"population": self.population, "indication": self.indication, "ages": self.ages,
                "year": self.year, "region": self.region, "targets": list(self.targets), "source": self.source}

    def is_for(self, targets: Iterable[str]) -> bool:
        """For one of these targets, given as keys or labels ("ALK", "ALK F1174L", "H3 K27M")."""
        # "ALK" covers "ALK F1174L"; "BRAF V600" covers "BRAF V600E"; a bare "NTRK" is covered by "NTRK fusion"
        # (the line names the indication); "BRAF V600E" does not cover "BRAF fusion"
        return any(label == key or label.startswith(key + " ") or (" " in key and label.startswith(key))
                   or key.startswith(label + " ") for label in targets for key in self.targets)


def read_approvals(path: Path = APPROVALS_FILE) -> dict[str, tuple[Approval, ...]]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None
    out: dict[str, list[Approval]] = {}
    for row in rows:
        row = {k: (v or "").strip() for k, v in row.items() if k}
        if not row.get("drug"):
            continue
        if row.get("population") not in POPULATIONS:
            raise InvalidInput(f"{path.name}: population {row.get('population')!r} of {row['drug']} is not "
                               f"children or adults")
        year = int(row["year"]) if row.get("year", "").isdigit() else None
        out.setdefault(row["drug"], []).append(Approval(
            drug=row["drug"], population=row["population"], indication=row.get("indication", ""),
            ages=row.get("ages", ""), year=year, region=row.get("region", ""), source=row.get("source", ""),
            targets=tuple(t.strip() for t in (row.get("targets") or "").split(";") if t.strip())))
    return {drug: tuple(sorted(rows, key=lambda a: (a.population != "children", a.year or 0)))
            for drug, rows in out.items()}


@lru_cache(maxsize=1)
def builtin_approvals() -> dict[str, tuple[Approval, ...]]:
    return read_approvals()


def approvals_of(drug: str) -> tuple[Approval, ...]:
    return builtin_approvals().get(drug, ())


def approved_for_children(drug: str, targets: Iterable[str] | None = None) -> bool:
    """Approved for children at all, or (with `targets`) for children with one of these targets."""
    targets = tuple(targets) if targets is not None else None
    return any(a.population == "children" and (targets is None or a.is_for(targets)) for a in approvals_of(drug))


def approval_reasons(drug: str, approved: bool | None, first_approval: int | None,
                     targets: Iterable[str] = ()) -> list[str]:
    """Plain-words lines: approved for children with the child's target (prescribable for that use),
    for children with another use, for adults only (off-label possible), or investigational."""
    targets = tuple(targets)
    rows = approvals_of(drug)
    children = [a for a in rows if a.population == "children"]
    here = [a for a in children if a.is_for(targets)]
    lines = []
    for a in here:
        lines.append(f"approved for children with {a.indication} ({a.ages}; {a.region} {a.year}): the doctor can "
                     f"prescribe it for that use without a trial or compassionate-use request ({a.source})")
    for a in children:
        if a not in here:
            lines.append(f"approved for children with {a.indication} ({a.ages}; {a.region} {a.year}), another use: "
                         f"for {', '.join(targets) or 'this target'} it would be off-label ({a.source})")
    if not here:
        adults = sorted((a for a in rows if a.population == "adults"), key=lambda a: not a.is_for(targets))
        for a in adults:
            lines.append(f"approved for adults with {a.indication} ({a.region} {a.year}), not for children: "
                         f"off-label use possible ({a.source})")
    if approved and not rows:
        year = f" (first {first_approval})" if first_approval else ""
        lines.append(f"approved for adults{year}; its indications are not in trialfind's approvals table: "
                     "off-label use may be possible, check the label")
    elif approved is False and not rows:
        lines.append("not approved anywhere (investigational)")
    return lines
