"""Finding a target gene or drug in a study's text, the way a careful reader would.

Evidence counts only from the title, conditions, keywords, interventions and the
INCLUSION criteria. A mention in the exclusion criteria, or a negated one ("ALK-negative",
"no known BRAF mutation", "BRAF wild-type"), is never a match: it is reported as a reason.

Gene symbols match as whole words. Short symbols that are also English words or word
stems (RET, KIT, MET, ALK...) count in free text only when written in capitals or when a
gene word sits beside them ("ret fusion", "Kit-mutant"), so "return", "test kit" and
"criteria met" are not KIT/RET/MET.

This module knows nothing about targets: callers pass plain phrase lists
(see trialfind.match.targets for where those lists come from).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

# Gene symbols that are, or begin like, everyday words; 3 letters or fewer always count.
AMBIGUOUS_SYMBOLS = frozenset({
    "RET", "KIT", "MET", "ALK", "MAX", "REST", "CAT", "SET", "CAST", "IMPACT", "CALM", "CAPS",
    "MICA", "ATM", "NF1", "NF2", "REL", "TEC", "TEK", "FES", "FER", "FGR", "LYN", "SRC", "ABL",
    "AXL", "MOS", "RAF", "ARAF", "HCK", "LCK", "ROS", "MYC", "JUN", "FOS", "TOP", "PAX",
})

# Words that, written next to a symbol, show it names a gene.
_GENE_WORDS = (
    r"fusions?|fused|fusion[\s-]positive|mutations?|mutant|mutated|alterations?|altered|aberrations?|"
    r"rearrangements?|rearranged|translocations?|translocated|genes?|amplifications?|amplified|"
    r"variants?|kinase|inhibitors?|expression|expressing|overexpression|positive|negative|"
    r"wild[\s-]?type|driven|activating|activated|pathway|receptor|protein|status|tki|tkis|"
    r"deletions?|deleted|insertions?|duplications?|point|exon|signaling|signalling"
)
_GENE_WORD_AFTER = re.compile(rf"^[\s\-/(]*(?:[A-Z]\d+[A-Z*]?[\s\-]+)?(?:{_GENE_WORDS})\b", re.IGNORECASE)
_GENE_WORD_BEFORE = re.compile(
    r"\b(?:mutant|mutated|activating|oncogenic|altered|rearranged|fused|amplified|anti)[\s\-]+$", re.IGNORECASE
)

# After the symbol: "ALK-negative", "BRAF wild-type", "EGFR mutation negative", "KRAS (wt)".
_NEGATED_AFTER = re.compile(
    r"^[\s\-:()]*(?:[\w/]+[\s\-]+){0,2}?"
    r"(?:negative|neg\b|wild[\s-]?type|wt\b|non[\s-]?mutated|unmutated|non[\s-]?amplified|"
    r"not\s+(?:mutated|amplified|rearranged|altered|detected|present|expressed)|absent|"
    r"was\s+not\s+detected|is\s+not\s+detected)",
    re.IGNORECASE,
)
# Before the symbol, within a few words: "no known", "without", "not harbouring", "absence of".
# (phrase, most words allowed between it and the symbol)
_NEGATORS_BEFORE = (
    (re.compile(r"\b(?:no|not|without|absence of|absent|lack of|lacking|lacks|negative for|free of|"
                r"excluding|except|other than|neither|nor)\b"), 4),
    (re.compile(r"\bnon\b"), 0),  # "non-ALK", but not "non-small cell lung cancer with EGFR"
)
# "no prior ALK inhibitor" is about treatment history, not the tumour's ALK status.
_TREATMENT_AFTER = re.compile(
    r"^[\s\-]*(?:inhibitors?|tkis?|targeted|directed|therapy|therapies|treatment)\b", re.IGNORECASE
)
# A protein change such as V600E / G12C / F1174L; it may be glued to the gene ("BRAFV600E").
_PROTEIN_CHANGE = re.compile(r"(?<![a-z0-9])[A-Z]\d{1,4}(?:[A-Z]|\*|fs|del|ins)(?![A-Za-z0-9])")
_CLAUSE_END = re.compile(r"[.;\n•]|\s[-*]\s")

POSITIVE_FIELDS = ("title", "condition", "keyword", "intervention", "inclusion criteria")
STRENGTH_WEIGHT = {"direct": 1.0, "indirect": 0.5, "none": 0.0}


@dataclass(frozen=True)
class Mention:
    field: str  # title | condition | keyword | intervention | inclusion criteria | exclusion criteria
    phrase: str  # the gene symbol, alias or drug name as given
    kind: str  # gene | drug
    snippet: str
    variant: str | None = None  # yes | no | unknown; None when no alteration was asked about
    negated: bool = False

    @property
    def excluded(self) -> bool:
        return self.field == "exclusion criteria"

    @property
    def counts(self) -> bool:
        return not self.negated and not self.excluded

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class MentionMatch:
    """What a study says about one target (a gene with optional alteration, and its drugs)."""

    query: str
    strength: str  # direct | indirect | none
    reason: str
    mentions: tuple[Mention, ...] = ()
    notes: tuple[str, ...] = ()
    kind: str = "target"

    @property
    def found(self) -> bool:
        return self.strength != "none"

    @property
    def direct(self) -> bool:
        return self.strength == "direct"

    @property
    def weight(self) -> float:
        return STRENGTH_WEIGHT[self.strength]

    @property
    def field(self) -> str | None:
        best = self.best_mention
        return best.field if best else None

    @property
    def matched(self) -> str | None:
        best = self.best_mention
        return best.snippet if best else None

    @property
    def best_mention(self) -> Mention | None:
        counting = [m for m in self.mentions if m.counts]
        return counting[0] if counting else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query, "kind": self.kind, "strength": self.strength, "reason": self.reason,
            "notes": list(self.notes), "mentions": [m.to_dict() for m in self.mentions],
        }


def _phrase_pattern(phrase: str) -> str:
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", phrase.strip()) if p]
    return r"[\s\-]*".join(parts)


def _is_ambiguous(symbol: str) -> bool:
    letters = re.sub(r"[^A-Za-z0-9]", "", symbol)
    return symbol.upper() in AMBIGUOUS_SYMBOLS or len(letters) <= 3


def _gene_regex(symbol: str) -> re.Pattern:
    body = _phrase_pattern(symbol)
    # Whole word; also glued to a protein change as in "BRAFV600E".
    return re.compile(rf"(?<![A-Za-z0-9]){body}(?:(?![A-Za-z0-9])|(?=[A-Z]\d{{1,4}}[A-Z]\b))", re.IGNORECASE)


def _drug_regex(name: str) -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z0-9]){_phrase_pattern(name)}(?![A-Za-z0-9])", re.IGNORECASE)


def _variant_regex(phrase: str) -> re.Pattern:
    if _PROTEIN_CHANGE.fullmatch(phrase.strip()):
        return re.compile(rf"(?<![a-z0-9]){re.escape(phrase.strip())}(?![A-Za-z0-9])")
    return _drug_regex(phrase)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bullet/sentence holding the span [start, end)."""
    left = 0
    for found in _CLAUSE_END.finditer(text, 0, start):
        left = found.end()
    right_match = _CLAUSE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    return left, right


def _snippet(text: str, start: int, end: int, width: int = 70) -> str:
    left, right = max(0, start - width), min(len(text), end + width)
    piece = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + piece + ("…" if right < len(text) else "")


def _is_negated(text: str, start: int, end: int, clause: tuple[int, int]) -> bool:
    after = text[end:clause[1]]
    if _NEGATED_AFTER.match(after):
        return True
    if _TREATMENT_AFTER.match(after):
        return False
    words = re.findall(r"[a-z0-9]+", text[clause[0]:start].lower())
    for negator, reach in _NEGATORS_BEFORE:
        for size in range(1, reach + 3):  # the negator is one or two words, then up to `reach` words
            tail = " ".join(words[-size:]) if len(words) >= size else None
            if tail is None:
                break
            head = negator.match(tail)
            if head and len(tail[head.end():].split()) <= reach:
                return True
    return False


def _has_gene_context(text: str, start: int, end: int) -> bool:
    return bool(_GENE_WORD_AFTER.match(text[end:end + 40]) or _GENE_WORD_BEFORE.search(text[max(0, start - 30):start]))


def _variant_state(text: str, clause: tuple[int, int], variant_regexes: list[re.Pattern],
                   asks_protein_change: bool) -> str | None:
    if not variant_regexes:
        return None
    window = text[clause[0]:clause[1]]
    if any(r.search(window) for r in variant_regexes):
        return "yes"
    if asks_protein_change and _PROTEIN_CHANGE.search(window):
        return "no"
    return "unknown"


def _fields(study) -> Iterable[tuple[str, str]]:
    for title in (study.brief_title, study.official_title):
        if title:
            yield "title", title
    for condition in study.conditions:
        yield "condition", condition
    for keyword in study.keywords:
        yield "keyword", keyword
    for name in study.intervention_names:
        yield "intervention", name
    if study.inclusion_criteria:
        yield "inclusion criteria", study.inclusion_criteria
    if study.exclusion_criteria:
        yield "exclusion criteria", study.exclusion_criteria


def scan(study, *, genes: Iterable[str] = (), variant_phrases: Iterable[str] = (),
         drug_names: Iterable[str] = ()) -> list[Mention]:
    """Every mention of the genes/aliases and drugs in the fields that matter, negated or not."""
    genes = [g for g in dict.fromkeys(g.strip() for g in genes) if g]
    drugs = [d for d in dict.fromkeys(d.strip() for d in drug_names) if d]
    variant_phrases = [v for v in dict.fromkeys(v.strip() for v in variant_phrases) if v]
    variant_regexes = [_variant_regex(v) for v in variant_phrases]
    asks_protein_change = any(_PROTEIN_CHANGE.fullmatch(v) for v in variant_phrases)
    gene_patterns = [(g, _gene_regex(g), _is_ambiguous(g)) for g in genes]
    drug_patterns = [(d, _drug_regex(d)) for d in drugs]
    found: list[Mention] = []
    seen: set[tuple] = set()
    for field_name, text in _fields(study):
        for symbol, regex, ambiguous in gene_patterns:
            for hit in regex.finditer(text):
                start, end = hit.span()
                if ambiguous and hit.group(0) != hit.group(0).upper() and not _has_gene_context(text, start, end):
                    continue
                clause = _clause(text, start, end)
                key = (field_name, text, clause, "gene")
                if key in seen:
                    continue
                seen.add(key)
                found.append(Mention(
                    field=field_name, phrase=symbol, kind="gene", snippet=_snippet(text, start, end),
                    variant=_variant_state(text, clause, variant_regexes, asks_protein_change),
                    negated=_is_negated(text, start, end, clause),
                ))
        for name, regex in drug_patterns:
            for hit in regex.finditer(text):
                start, end = hit.span()
                clause = _clause(text, start, end)
                key = (field_name, text, clause, "drug:" + name.lower())
                if key in seen:
                    continue
                seen.add(key)
                found.append(Mention(field=field_name, phrase=name, kind="drug",
                                     snippet=_snippet(text, start, end),
                                     negated=field_name != "intervention" and _is_negated(text, start, end, clause)))
    order = {name: i for i, name in enumerate((*POSITIVE_FIELDS, "exclusion criteria"))}
    found.sort(key=lambda m: (order[m.field], m.kind != "gene"))
    return found


def find_mentions(study, *, label: str, genes: Iterable[str] = (), variant: str | None = None,
                  variant_phrases: Iterable[str] = (), drug_names: Iterable[str] = ()) -> MentionMatch:
    """Judge how strongly `study` concerns a target, with a reason a family can read.

    direct:   the gene (with the asked alteration, when one is asked) is named positively
              in the title, conditions, keywords, interventions or inclusion criteria;
    indirect: the gene is named but the alteration is not stated, or only a drug aimed
              at the target is given/named;
    none:     nothing, or only exclusion-criteria / negated / other-alteration mentions.
    """
    variant_phrases = tuple(variant_phrases) or ((variant,) if variant else ())
    mentions = scan(study, genes=genes, variant_phrases=variant_phrases, drug_names=drug_names)
    counting = [m for m in mentions if m.counts]
    genes_ok = [m for m in counting if m.kind == "gene" and m.variant in (None, "yes")]
    genes_unsure = [m for m in counting if m.kind == "gene" and m.variant == "unknown"]
    genes_other = [m for m in counting if m.kind == "gene" and m.variant == "no"]
    drugs_given = [m for m in counting if m.kind == "drug" and m.field == "intervention"]
    drugs_named = [m for m in counting if m.kind == "drug" and m.field != "intervention"]
    rejected = [m for m in mentions if not m.counts]
    notes: list[str] = []
    if genes_ok:
        best = genes_ok[0]
        strength = "direct"
        reason = f"{best.phrase if not variant else label} is named in the study's {best.field}: \"{best.snippet}\""
    elif genes_unsure:
        best = genes_unsure[0]
        strength = "indirect"
        reason = (f"the study names {best.phrase} in its {best.field} but not {variant or 'the alteration'} "
                  f"itself: \"{best.snippet}\"; check the child's alteration qualifies")
    elif drugs_given:
        best = drugs_given[0]
        strength = "indirect"
        reason = (f"the study gives {best.phrase}, a drug aimed at {label}, but does not say it "
                  f"requires {label}; check with the study team")
    elif drugs_named:
        best = drugs_named[0]
        strength = "indirect"
        reason = f"{best.phrase}, a drug aimed at {label}, is named in the study's {best.field}: \"{best.snippet}\""
    else:
        strength = "none"
        if genes_other:
            other = genes_other[0]
            reason = (f"the study names {other.phrase} only with other alterations than {variant}: "
                      f"\"{other.snippet}\"")
        elif rejected and all(m.excluded for m in rejected):
            reason = f"{rejected[0].phrase} is mentioned only in the exclusion criteria: \"{rejected[0].snippet}\""
        elif rejected:
            negated = next(m for m in rejected if m.negated)
            reason = (f"{negated.phrase} is mentioned only as absent or negative"
                      f"{' or in the exclusion criteria' if any(m.excluded for m in rejected) else ''}: "
                      f"\"{negated.snippet}\"")
        else:
            reason = f"the study does not mention {label}"
    if strength != "none":
        excluded = [m for m in rejected if m.excluded]
        negated = [m for m in rejected if m.negated and not m.excluded]
        if excluded:
            notes.append(f"{excluded[0].phrase} also appears in the exclusion criteria: \"{excluded[0].snippet}\"")
        if negated:
            notes.append(f"{negated[0].phrase} is also mentioned as absent or negative: \"{negated[0].snippet}\"")
    return MentionMatch(query=label, strength=strength, reason=reason, mentions=tuple(mentions),
                        notes=tuple(notes))
