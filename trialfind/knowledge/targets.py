"""Molecular targets that matter in childhood cancer, and the drugs acting on them.

The knowledge ships with the package (`trialfind/knowledge/data/targets.tsv`, `drugs.tsv`,
notes in `TARGETS.md`). A user can bring a fresh ChEMBL / Open Targets export in the
layout of pharmOncoX's `drug_targets.tsv` (+ `drug_synonyms.tsv`) instead of our
drug table; the target groups (gene symbols, aliases, variants) stay ours.

`resolve_target("BRAF V600E")` turns what a person types into a `TargetQuery`:
the canonical target, its genes, the names records use for it and its variant, and
every name of every drug acting on it: everything retrieval and matching need.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from trialfind.core.errors import InvalidInput
from trialfind.core.text import compact  # noqa: F401 (the one name key; re-exported for callers)
from trialfind.knowledge.variants import VariantEffect

DATA_DIR = Path(__file__).resolve().parent / "data"
TARGETS_FILE = DATA_DIR / "targets.tsv"
DRUGS_FILE = DATA_DIR / "drugs.tsv"
COMBINATIONS_FILE = DATA_DIR / "combinations.tsv"

def split_list(cell: str | None) -> tuple[str, ...]:
    if not cell:
        return ()
    return tuple(part.strip() for part in re.split(r"[;|]", cell) if part.strip())


@dataclass(frozen=True)
class TargetInfo:
    key: str
    genes: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    drug_genes: tuple[str, ...] = ()  # what the drugs act on (NF1 -> MEK); empty = genes
    variants: tuple[tuple[str, str], ...] = ()  # (phrase as written, canonical variant)
    source: str = ""
    notes: str = ""

    @property
    def acted_on_via(self) -> tuple[str, ...]:
        return self.drug_genes or self.genes

    @property
    def variant_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(canonical for _, canonical in self.variants))


@dataclass(frozen=True)
class DrugInfo:
    name: str
    brands: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    mechanism: str = ""
    genes: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()  # only for these variants of its target (sotorasib: G12C); empty = any
    approved: bool | None = None
    first_approval: int | None = None
    max_phase: float | None = None
    chembl_id: str = ""
    source: str = ""
    notes: str = ""

    @property
    def aliases(self) -> tuple[str, ...]:
        seen = {compact(self.name)}
        out = []
        for alias in (*self.brands, *self.codes, *self.synonyms):
            key = compact(alias)
            if key and key not in seen:
                seen.add(key)
                out.append(alias)
        return tuple(out)

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def acts_on(self, genes: Iterable[str], variant: str | None = None) -> bool:
        """Acts on one of the genes; a drug for some variants only (sotorasib: KRAS G12C) acts on a
        bare target ("KRAS") not at all: offering it there would mislead."""
        wanted = {g.upper() for g in genes}
        if not wanted.intersection(g.upper() for g in self.genes):
            return False
        if not self.variants:
            return True
        if variant is None:
            return False
        v = compact(variant)
        return any(v == compact(allowed) or v.startswith(compact(allowed)) for allowed in self.variants)


@dataclass
class Knowledge:
    """Target groups + drugs, with the indexes built from them."""

    targets: dict[str, TargetInfo]
    drugs: dict[str, DrugInfo]
    origin: str = "trialfind built-in tables"
    # combination products written as one name (Phesgo) -> the drugs they contain
    combinations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _names: dict[str, tuple[str, tuple[str, ...] | None, str | None]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._names = _name_table(self.targets)

    def target_names(self) -> dict[str, tuple[str, tuple[str, ...] | None, str | None]]:
        """compact name -> (target key, narrowed genes or None, implied variant or None)."""
        return self._names

    def drugs_acting_on(self, genes: Iterable[str], variant: str | None = None) -> list[DrugInfo]:
        genes = tuple(genes)
        return [d for d in self.drugs.values() if d.acts_on(genes, variant)]

    def drug(self, name: str) -> DrugInfo | None:
        return self.drugs.get(name)

    def target_for_gene(self, gene: str) -> TargetInfo | None:
        entry = self._names.get(compact(gene))
        return self.targets.get(entry[0]) if entry else None


def _name_table(targets: dict[str, TargetInfo]) -> dict[str, tuple[str, tuple[str, ...] | None, str | None]]:
    table: dict[str, tuple[str, tuple[str, ...] | None, str | None]] = {}
    # Weakest first: later entries win, so a gene symbol beats another target's alias.
    for info in targets.values():
        for alias in info.aliases:
            table.setdefault(compact(alias), (info.key, None, None))
    for info in targets.values():
        for phrase, canonical in info.variants:
            if phrase != canonical and not phrase.islower():
                table[compact(phrase)] = (info.key, None, canonical)
    for info in targets.values():
        for gene in info.genes:
            table[compact(gene)] = (info.key, (gene,) if len(info.genes) > 1 else None, None)
        implied = next((c for p, c in info.variants if compact(p) == compact(info.key)), None)
        table[compact(info.key)] = (info.key, None, implied)
    return table


@dataclass(frozen=True)
class TargetQuery:
    text: str
    key: str
    genes: tuple[str, ...]
    aliases: tuple[str, ...]
    variant: str | None
    variant_phrases: tuple[str, ...]
    drug_names: tuple[str, ...]
    search_terms: tuple[str, ...]
    drug_genes: tuple[str, ...] = ()
    drugs: tuple[str, ...] = ()  # canonical names of the drugs acting on it
    source: str = ""
    # what the variant does to some of these drugs (variants.tsv); drugs it makes fail or harmful are kept,
    # flagged, never hidden
    variant_effects: tuple[VariantEffect, ...] = ()
    variant_only_drugs: tuple[str, ...] = ()  # acting on the target for some variants only: not offered bare
    family_names: tuple[str, ...] = ()  # a family a study may name instead of the gene ("RAS-mutated" for KRAS)

    @property
    def label(self) -> str:
        return f"{self.key} {self.variant}" if self.variant and self.variant not in self.key else self.key


# --- Loading -----------------------------------------------------------------------------

def _read_tsv(path: Path) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return [{k: (v or "").strip() for k, v in row.items() if k}
                    for row in csv.DictReader(handle, delimiter="\t")]
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not a UTF-8 text table (tab-separated, one drug per row)") from None
    except csv.Error as exc:
        raise InvalidInput(f"{path} is not a readable tab-separated table ({exc})") from None


def _parse_variants(cell: str) -> tuple[tuple[str, str], ...]:
    out = []
    for item in split_list(cell):
        phrase, _, canonical = item.partition("=")
        out.append((phrase.strip(), (canonical or phrase).strip()))
    return tuple(out)


def read_targets(path: Path = TARGETS_FILE) -> dict[str, TargetInfo]:
    targets = {}
    for row in _read_tsv(path):
        if not row.get("key"):
            continue
        info = TargetInfo(key=row["key"], genes=split_list(row.get("genes")) or (row["key"],),
                          aliases=split_list(row.get("aliases")), drug_genes=split_list(row.get("drug_genes")),
                          variants=_parse_variants(row.get("variants", "")), source=row.get("source", ""),
                          notes=row.get("notes", ""))
        targets[info.key] = info
    return targets


def _year(value: str | None) -> int | None:
    try:
        return int(float(value)) if value else None
    except ValueError:
        return None


def _yes(value: str | None) -> bool | None:
    value = (value or "").strip().lower()
    if value in ("yes", "true", "1", "y"):
        return True
    if value in ("no", "false", "0", "n"):
        return False
    return None


def read_drugs(path: Path = DRUGS_FILE) -> dict[str, DrugInfo]:
    drugs = {}
    for row in _read_tsv(path):
        if not row.get("drug"):
            continue
        info = DrugInfo(name=row["drug"], brands=split_list(row.get("brands")), codes=split_list(row.get("codes")),
                        synonyms=split_list(row.get("synonyms")), mechanism=row.get("mechanism", ""),
                        genes=split_list(row.get("targets")), variants=split_list(row.get("variants")),
                        approved=_yes(row.get("approved")), first_approval=_year(row.get("first_approval")),
                        chembl_id=row.get("chembl_id", ""), source=row.get("source", ""), notes=row.get("notes", ""))
        drugs[info.name] = info
    return drugs


_USER_TARGET_COLUMNS = ("drug_name", "target_symbol")


def read_user_drug_targets(targets_file: str | Path, synonyms_file: str | Path | None = None) -> dict[str, DrugInfo]:
    """Drugs from a table in the layout of pharmOncoX's drug_targets.tsv (+ drug_synonyms.tsv)."""
    rows = _read_tsv(Path(targets_file))
    if rows and not all(c in rows[0] for c in _USER_TARGET_COLUMNS):
        raise InvalidInput(f"{targets_file} lacks the columns {', '.join(_USER_TARGET_COLUMNS)} "
                           "(expected the layout of drug_targets.tsv)")
    grouped: dict[str, dict] = {}
    for row in rows:
        name = row.get("drug_name", "")
        if not name:
            continue
        entry = grouped.setdefault(name, {"genes": [], "synonyms": [], "row": row})
        symbol = row.get("target_symbol", "")
        if symbol and symbol not in entry["genes"]:
            entry["genes"].append(symbol)
        display = row.get("nci_concept_display_name", "")
        if display and display not in entry["synonyms"]:
            entry["synonyms"].append(display)
    if synonyms_file:
        syn_rows = _read_tsv(Path(synonyms_file))
        if syn_rows and not all(c in syn_rows[0] for c in ("drug_name", "synonym")):
            raise InvalidInput(f"{synonyms_file} lacks the columns drug_name, synonym "
                               "(expected the layout of drug_synonyms.tsv)")
        for row in syn_rows:
            entry = grouped.get(row.get("drug_name", ""))
            if entry is not None and row.get("synonym") and row["synonym"] not in entry["synonyms"]:
                entry["synonyms"].append(row["synonym"])
    drugs = {}
    for name, entry in grouped.items():
        row = entry["row"]
        canonical = name.lower()
        phase = row.get("drug_max_ct_phase")
        drugs[canonical] = DrugInfo(
            name=canonical,
            synonyms=tuple(s for s in entry["synonyms"] if compact(s) != compact(canonical)),
            mechanism=" ".join(p for p in (row.get("drug_action_type", "").lower(),
                                            row.get("drug_categories", "").replace("|", ", ")) if p),
            genes=tuple(entry["genes"]),
            approved=_yes(row.get("drug_approved_any_indication")),
            first_approval=_year(row.get("drug_year_first_approval")),
            max_phase=float(phase) if phase and re.fullmatch(r"\d+(\.\d+)?", phase) else None,
            chembl_id=row.get("molecule_chembl_id", ""),
            source=f"{Path(targets_file).name}" + (f" ChEMBL {row['molecule_chembl_id']}"
                                                   if row.get("molecule_chembl_id") else ""),
        )
    return drugs


def _extend_targets_with_genes(targets: dict[str, TargetInfo], drugs: dict[str, DrugInfo]) -> dict[str, TargetInfo]:
    """Genes a user table knows but our groups don't become targets of their own."""
    known = {g.upper() for t in targets.values() for g in (*t.genes, *t.acted_on_via)} | {k.upper() for k in targets}
    extended = dict(targets)
    for drug in drugs.values():
        for gene in drug.genes:
            if gene.upper() not in known:
                known.add(gene.upper())
                extended[gene] = TargetInfo(key=gene, genes=(gene,), source="user table")
    return extended


def read_combinations(path: Path = COMBINATIONS_FILE) -> dict[str, tuple[str, ...]]:
    """Every name of a combination product (Phesgo, 'PH FDC SC') -> the drugs it contains."""
    out: dict[str, tuple[str, ...]] = {}
    for row in _read_tsv(path):
        drugs = split_list(row.get("drugs"))
        for name in (row.get("product", ""), *split_list(row.get("names"))):
            if name and drugs:
                out[name] = drugs
    return out


@lru_cache(maxsize=1)
def builtin_knowledge() -> Knowledge:
    return Knowledge(targets=read_targets(), drugs=read_drugs(), combinations=read_combinations())


def load_knowledge(targets_file: str | Path | None = None, synonyms_file: str | Path | None = None) -> Knowledge:
    """The built-in knowledge, or our target groups with drugs from a user's drug_targets.tsv export."""
    if targets_file is None:
        if synonyms_file is not None:
            raise InvalidInput("--synonyms-file needs --targets-file")
        return builtin_knowledge()
    targets = read_targets()
    drugs = read_user_drug_targets(targets_file, synonyms_file)
    if not drugs:
        raise InvalidInput(f"{targets_file} has no drug rows")
    combinations = {name: kept for name, parts in read_combinations().items()
                    if (kept := tuple(p for p in parts if p in drugs))}
    return Knowledge(targets=_extend_targets_with_genes(targets, drugs), drugs=drugs,
                     origin=f"user table {Path(targets_file).name}", combinations=combinations)
