"""One canonical name per drug, whatever a record calls it.

Records name the same drug by INN ("lorlatinib"), code name ("PF-06463922",
"PF06463922", "pf 06463922"), brand ("Lorbrena") or with dose and form words
("Lorlatinib 100 mg tablets"). Resolution is exact first (names compared without
case, spaces, hyphens or dots, after dropping dose and formulation words); a fuzzy score
(rapidfuzz's ratio) is only a fallback for misspelt INNs and brands, with a pinned
threshold, and never for code names: "AZD1775" and "AZD1755" are different drugs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from trialfind.core.text import LcsPattern, compact  # noqa: F401 (compact: the one name key; re-exported)
from trialfind.knowledge.targets import builtin_knowledge

if TYPE_CHECKING:  # pragma: no cover
    from trialfind.knowledge.targets import Knowledge

# A fuzzy hit must score at least this (rapidfuzz fuzz.ratio on compacted names) and beat the
# best hit on any other drug by FUZZY_MARGIN: INNs share stems (-tinib, -rafenib, -ciclib), and the
# closest distinct pair in our table scores 91 (brexucabtagene / obecabtagene autoleucel).
FUZZY_THRESHOLD = 90.0
FUZZY_MARGIN = 4.0
FUZZY_MIN_LENGTH = 6
# INN stems are suffixes; the distinctive part is the start ("apatinib" is not "lapatinib"),
# so a fuzzy hit must share its first letters and be about as long.
FUZZY_SAME_PREFIX = 3
FUZZY_MAX_LENGTH_GAP = 2

_DOSE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|ml|mL|iu|units?|mg/m2|mg/m²|mg/kg|mcg/kg|µg/kg|%|x)(?:/(?:m2|m²|kg|day|d|dose))?\b",
    re.I)
_FORM_WORDS = {
    "tablet", "tablets", "capsule", "capsules", "oral", "orally", "po", "iv", "intravenous", "intravenously",
    "injection", "infusion", "solution", "suspension", "powder", "granules", "sprinkle", "film", "coated",
    "film-coated", "liquid", "formulation", "dose", "doses", "dosing", "daily", "once", "twice", "bid", "tid",
    "qd", "qod", "weekly", "drug", "therapy", "treatment", "monotherapy", "regimen", "arm", "cohort",
    "mg", "administration", "administered", "given", "pediatric", "paediatric", "for", "oral-suspension",
    "hydrochloride", "hcl", "mesylate", "tosylate", "maleate", "malate", "sulfate", "besylate", "phosphate",
    "citrate", "dimethyl", "sulfoxide", "free", "base", "s-malate", "sodium", "potassium", "tartrate",
}
_SPLIT = re.compile(r"\s*(?:\+|,|;|:|&|\band\b|\bplus\b|\bwith\b|\bcombined with\b|\bcombination\b|\bfollowed by\b|/)\s*",
                    re.I)
_PAREN = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_COMPACT_DROP = re.compile(r"[\s\-_.:,()'\"]+")
_MARKS = re.compile(r"[®™©]")
_SPACES = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
# Resolutions remembered per resolver: a search names the same interventions in many records.
MEMO_LIMIT = 200_000


def is_code_name(text: str) -> bool:
    """Research codes carry digits (PF-06463922, DAY101, ONC201); they are never fuzzy-matched."""
    return bool(_DIGIT.search(text))


def strip_dose(text: str) -> str:
    """Drop dose amounts and formulation words: "Lorlatinib 100 mg tablets" -> "Lorlatinib"."""
    text = _DOSE.sub(" ", _MARKS.sub("", text))
    words = [w for w in _SPACES.split(text.strip()) if w and w.lower().strip(".,;:") not in _FORM_WORDS]
    return " ".join(words).strip(" -,;:")


def name_variants(text: str) -> list[str]:
    """The whole name, its dose-free form, the name without brackets and each bracketed part."""
    text = " ".join(str(text or "").split())
    out = [text, strip_dose(text)]
    outside = _PAREN.sub(" ", text)
    out += [outside, strip_dose(outside)]
    for inner in _PAREN.findall(text):
        part = inner[0] or inner[1]
        out += [part, strip_dose(part)]
    return [v for v in dict.fromkeys(o.strip() for o in out) if v]


@dataclass
class DrugResolver:
    """Maps any name of a known drug to its canonical name."""

    knowledge: "Knowledge"
    _exact: dict[str, str] = field(default_factory=dict, repr=False)
    _fuzzy_names: list[tuple[str, str]] = field(default_factory=list, repr=False)
    _combinations: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    # fuzzy choices by their first FUZZY_SAME_PREFIX letters: a lookup scores only its bucket
    _fuzzy_by_prefix: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)
    _memo: dict[tuple[str, bool], str | None] = field(default_factory=dict, repr=False)
    # name -> its name_variants with their compact keys: exact, combination and fuzzy each read them
    _variant_memo: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict, repr=False)
    _combination_memo: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    ambiguous: dict[str, set[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # Canonical names first so an INN never loses to another drug's synonym.
        for drug in self.knowledge.drugs.values():
            self._exact.setdefault(compact(drug.name), drug.name)
        for drug in self.knowledge.drugs.values():
            for alias in drug.aliases:
                key = compact(alias)
                if not key:
                    continue
                owner = self._exact.setdefault(key, drug.name)
                if owner != drug.name:
                    self.ambiguous.setdefault(key, {owner}).add(drug.name)
        self._combinations = {compact(name): tuple(parts)
                              for name, parts in getattr(self.knowledge, "combinations", {}).items()}
        self._fuzzy_names = [(compact(n), d.name) for d in self.knowledge.drugs.values() for n in d.all_names
                             if not is_code_name(n) and len(compact(n)) >= FUZZY_MIN_LENGTH]
        for known, drug in self._fuzzy_names:
            self._fuzzy_by_prefix.setdefault(known[:FUZZY_SAME_PREFIX], []).append((known, drug))

    def _variants(self, name: str) -> tuple[tuple[str, str], ...]:
        """name_variants(name), each with its compact key; remembered, as a search names the same
        interventions in many records and every lookup reads them."""
        found = self._variant_memo.get(name)
        if found is None:
            if len(self._variant_memo) >= MEMO_LIMIT:
                self._variant_memo.clear()
            found = self._variant_memo[name] = tuple((v, compact(v)) for v in name_variants(name))
        return found

    def exact(self, name: str) -> str | None:
        for _, key in self._variants(name):
            hit = self._exact.get(key)
            if hit:
                return hit
        return None

    def combination(self, name: str) -> tuple[str, ...]:
        """The drugs of a combination product written as one name ("Phesgo" -> pertuzumab, trastuzumab)."""
        found = self._combination_memo.get(name)
        if found is None:
            found = next((parts for _, key in self._variants(name) if (parts := self._combinations.get(key))), ())
            if len(self._combination_memo) >= MEMO_LIMIT:
                self._combination_memo.clear()
            self._combination_memo[name] = found
        return found

    def fuzzy(self, name: str) -> str | None:
        variants = self._variants(name)
        candidates = [variants[1]] if len(variants) > 1 else [(name, compact(name))] if name else []
        for variant, key in candidates:
            if is_code_name(variant) or len(key) < FUZZY_MIN_LENGTH:
                continue
            best: dict[str, float] = {}
            pattern = None
            for known, drug in self._fuzzy_by_prefix.get(key[:FUZZY_SAME_PREFIX], ()):
                if abs(len(known) - len(key)) > FUZZY_MAX_LENGTH_GAP:
                    continue
                pattern = pattern or LcsPattern(key)
                score = pattern.ratio(known)
                if score > best.get(drug, 0):
                    best[drug] = score
            ranked = sorted(best.items(), key=lambda kv: -kv[1])
            if ranked and ranked[0][1] >= FUZZY_THRESHOLD and (
                    len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= FUZZY_MARGIN):
                return ranked[0][0]
        return None

    def resolve(self, name: str, *, allow_fuzzy: bool = True) -> str | None:
        """The canonical drug for one name, or None when it is not a drug we know."""
        if not name or not str(name).strip():
            return None
        memo_key = (str(name), allow_fuzzy)
        if memo_key in self._memo:
            return self._memo[memo_key]
        found = self.exact(name) or (self.fuzzy(name) if allow_fuzzy else None)
        if len(self._memo) >= MEMO_LIMIT:
            self._memo.clear()
        self._memo[memo_key] = found
        return found

    def resolve_all(self, name: str, *, allow_fuzzy: bool = True) -> list[str]:
        """Every known drug a name covers: "Dabrafenib + Trametinib" -> [dabrafenib, trametinib]."""
        whole = self.resolve(name, allow_fuzzy=allow_fuzzy)
        if whole:
            return [whole]
        combination = self.combination(name)
        if combination:
            return list(combination)
        found = []
        for part in _SPLIT.split(str(name)):
            hits = [self.resolve(part, allow_fuzzy=allow_fuzzy)] if part and part.strip() else []
            if part and part.strip() and not hits[0]:
                hits = list(self.combination(part))
            found += [hit for hit in hits if hit and hit not in found]
        return found

    def resolve_names(self, names: Iterable[str]) -> dict[str, list[str]]:
        """canonical drug -> the names (as written, without dose words) that resolved to it.

        A combination such as "Oral S-1 + Oral Osimertinib" contributes only its part
        "Osimertinib", so aliases stay names of the drug, not of regimens.
        """
        out: dict[str, list[str]] = {}

        def add(drug: str, written: str) -> None:
            seen = out.setdefault(drug, [])
            if written and written not in seen:
                seen.append(written)

        for name in names:
            whole = self.resolve(name)
            if whole:
                add(whole, strip_dose(name) or name)
                continue
            combination = self.combination(name)
            for drug in combination:
                add(drug, strip_dose(name) or name)
            if combination:
                continue
            for part in _SPLIT.split(str(name)):
                if not part or not part.strip():
                    continue
                hit = self.resolve(part)
                if hit:
                    add(hit, strip_dose(part) or part.strip())
                for drug in () if hit else self.combination(part):
                    add(drug, strip_dose(part) or part.strip())
        return out


_RESOLVERS: dict[int, DrugResolver] = {}


def resolver_for(knowledge: "Knowledge | None" = None) -> DrugResolver:
    """A cached resolver for a knowledge object (the built-in one by default)."""

    knowledge = knowledge or builtin_knowledge()
    resolver = _RESOLVERS.get(id(knowledge))
    if resolver is None or resolver.knowledge is not knowledge:
        resolver = DrugResolver(knowledge)
        _RESOLVERS[id(knowledge)] = resolver
    return resolver


def canonical_drug(name: str, knowledge: "Knowledge | None" = None) -> str | None:
    """Convenience: the canonical name of one drug name, or None."""
    return resolver_for(knowledge).resolve(name)
