"""What a tumour variant does to a drug: curated from FDA labels and peer-reviewed papers
(`trialfind/data/variants.tsv`, one row per target, variant and drug, each with its source).

ALK F1174L makes crizotinib fail and leaves lorlatinib working; a BRAF fusion is switched on,
not off, by first-generation BRAF inhibitors; sotorasib binds only the cysteine of KRAS G12C.
Candidates use these rows to move a drug up (sensitive) or to the bottom with the reason in
plain words (resistant, not active, paradoxical activation): never hidden.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from trialfind.core.errors import InvalidInput
from trialfind.core.text import compact

VARIANTS_FILE = Path(__file__).resolve().parent / "data" / "variants.tsv"
EFFECTS = ("sensitive", "resistant", "not active", "paradoxical activation")
# Effects that make a drug a poor or harmful choice for the variant: listed last, with the reason.
AGAINST = frozenset({"resistant", "not active", "paradoxical activation"})
_EFFECT_WORDS = {
    "sensitive": "expected to work for {variant}",
    "resistant": "NOT expected to work for {variant} (the variant makes it resistant)",
    "not active": "NOT expected to work for {variant} (no activity on it)",
    "paradoxical activation": "may HARM with {variant}: it can switch the tumour's signalling on, not off",
}


@dataclass(frozen=True)
class VariantEffect:
    target: str          # target key (ALK, BRAF, KRAS, ...)
    variant: str         # canonical variant as resolve_target gives it (F1174L, fusion, exon 20 insertion)
    drug: str            # canonical drug name
    effect: str          # one of EFFECTS
    evidence: str        # FDA label | clinical | preclinical
    source: str
    note: str = ""

    @property
    def against(self) -> bool:
        return self.effect in AGAINST

    def reason(self) -> str:
        """One plain-words line: what the variant does to the drug, the evidence level and the source."""
        words = _EFFECT_WORDS.get(self.effect, self.effect + " with {variant}")
        return f"{words.format(variant=f'{self.target} {self.variant}')}: {self.note} ({self.evidence}; {self.source})"

    def to_dict(self) -> dict:
        return {"variant": f"{self.target} {self.variant}", "effect": self.effect, "evidence": self.evidence,
                "source": self.source, "note": self.note}


def read_variant_effects(path: Path = VARIANTS_FILE) -> tuple[VariantEffect, ...]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None
    effects = []
    for row in rows:
        row = {k: (v or "").strip() for k, v in row.items() if k}
        if not row.get("drug"):
            continue
        if row.get("effect") not in EFFECTS:
            raise InvalidInput(f"{path.name}: effect {row.get('effect')!r} of {row['drug']} is not one of "
                               f"{', '.join(EFFECTS)}")
        effects.append(VariantEffect(target=row["target"], variant=row["variant"], drug=row["drug"],
                                     effect=row["effect"], evidence=row.get("evidence", ""),
                                     source=row.get("source", ""), note=row.get("note", "")))
    return tuple(effects)


@lru_cache(maxsize=1)
def builtin_variant_effects() -> tuple[VariantEffect, ...]:
    return read_variant_effects()


def effects_for(target: str, variant: str | None,
                effects: tuple[VariantEffect, ...] | None = None) -> dict[str, VariantEffect]:
    """drug -> its effect row for this target and variant ({} for a bare target or an unknown variant)."""
    if not variant:
        return {}
    wanted_target, wanted_variant = compact(target), compact(variant)
    return {e.drug: e for e in (builtin_variant_effects() if effects is None else effects)
            if compact(e.target) == wanted_target and compact(e.variant) == wanted_variant}
