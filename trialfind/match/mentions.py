"""Finding a target gene or drug in a study's text, the way a careful reader would.

Evidence counts only from the title, conditions, keywords, interventions and the
INCLUSION criteria. A mention in the exclusion criteria, or a negated one ("ALK-negative",
"no known BRAF mutation", "BRAF wild-type"), is never a match: it is reported as a reason.

How a symbol is recognised is in trialfind.match.gene_words; how the sentence around it
qualifies it (negated, excluded, prior therapy, a test) in trialfind.match.negation.

This module knows nothing about targets: callers pass plain phrase lists
(see trialfind.knowledge.targets for where those lists come from).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Iterable

from trialfind.match.gene_words import (
    BRACKETED_ABBREVIATION,
    GLUED_CHANGE,
    PROTEIN_CHANGE,
    WORD,
    drug_regex,
    first_word,
    gene_regex,
    has_gene_context,
    is_ambiguous,
    is_other_abbreviation,
    reads_as_gene,
    substring_search,
    variant_regex,
    variant_state,
    words_starting,
)
from trialfind.match.negation import (
    clause_bounds,
    clause_negated,
    excluded_in_inclusion,
    is_negated,
    tested_only,
    treatment_context,
)

POSITIVE_FIELDS = ("title", "condition", "keyword", "intervention", "inclusion criteria")
STRENGTH_WEIGHT = {"direct": 1.0, "indirect": 0.5, "none": 0.0}


UNSPLIT_FIELD = "criteria (no inclusion/exclusion headings)"


@dataclass(frozen=True)
class Mention:
    field: str  # title | condition | keyword | intervention | inclusion criteria | exclusion criteria | UNSPLIT_FIELD
    phrase: str  # the gene symbol, alias or drug name as given
    kind: str  # gene | drug
    snippet: str
    variant: str | None = None  # yes | no | unknown; None when no alteration was asked about
    negated: bool = False
    tested_only: bool = False  # "EGFR, ALK and ROS1 testing": a test to be done, not a finding
    context: str | None = None  # "prior therapy" | "treatment" | "excluded" (an exclusion inside the inclusion text)

    @property
    def excluded(self) -> bool:
        return self.field == "exclusion criteria"

    @property
    def counts(self) -> bool:
        return not self.negated and not self.excluded and not self.tested_only and self.context is None

    @property
    def unsure(self) -> bool:
        """Counts, but only as indirect evidence: criteria text with no headings."""
        return self.field == UNSPLIT_FIELD

    def describe(self) -> str:
        """What the mention is, in plain words: "mentioned only as excluded prior therapy"."""
        if self.context == "prior therapy":
            return "excluded prior therapy" if self.excluded or self.negated else "prior therapy"
        if self.context == "treatment":
            return "a treatment, not the tumour's status"
        if self.context == "excluded" or self.excluded:
            return "an exclusion"
        if self.negated:
            return "absent or negative"
        if self.tested_only:
            return "a test to be done"
        return f"in the {self.field}"

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


def _snippet(text: str, start: int, end: int, width: int = 70) -> str:
    left, right = max(0, start - width), min(len(text), end + width)
    piece = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + piece + ("…" if right < len(text) else "")


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
        yield (UNSPLIT_FIELD if getattr(study, "criteria_unsplit", False) else "inclusion criteria",
               study.inclusion_criteria)
    if study.exclusion_criteria:
        yield "exclusion criteria", study.exclusion_criteria


def _span_context(field_name: str, text: str, span: tuple[int, int], clause: tuple[int, int]) -> str | None:
    if "criteria" not in field_name:
        return None
    start, end = span
    context = treatment_context(text, start, end, clause)
    if context is None and field_name != "exclusion criteria" and excluded_in_inclusion(text, start, end, clause):
        context = "excluded"
    return context


def _gene_mention(field_name: str, symbol: str, text: str, spans: list[tuple[int, int]],
                  clause: tuple[int, int], variant: str | None) -> Mention:
    """One mention per clause: it counts when any occurrence in the clause states the gene plainly;
    otherwise it carries why not (negated, an exclusion, a treatment, a test to be done)."""
    start, end = spans[0]
    negated = clause_negated(text, spans, clause)
    contexts = [_span_context(field_name, text, span, clause) for span in spans]
    tests = [tested_only(text, [span], clause) for span in spans]
    plain = [c is None and not t for c, t in zip(contexts, tests)]
    context = None
    tested = False
    if not negated and not any(plain):
        found = [c for c in contexts if c]
        context = next((c for c in ("excluded", "prior therapy", "treatment") if c in found), None)
        tested = context is None
    return Mention(field=field_name, phrase=symbol, kind="gene", snippet=_snippet(text, start, end),
                   variant=variant, negated=negated, tested_only=tested, context=context)


def _drug_context(text: str, start: int, end: int, clause: tuple[int, int]) -> str | None:
    before = text[max(clause[0], start - 60):start]
    if re.search(r"\b(?:prior|previous|previously|progress\w*|resistan\w*|refractory|failure|failed|"
                 r"intoleran\w*|pre-?treated|treated\s+with|received|exposure|naive|naïve|after|following)\b",
                 before, re.IGNORECASE):
        return "prior therapy"
    if excluded_in_inclusion(text, start, end, clause):
        return "excluded"
    return None


def scan(study, *, genes: Iterable[str] = (), variant_phrases: Iterable[str] = (),
         drug_names: Iterable[str] = ()) -> list[Mention]:
    """Every mention of the genes/aliases and drugs in the fields that matter, negated or not."""
    genes = [g for g in dict.fromkeys(g.strip() for g in genes) if g]
    drugs = [d for d in dict.fromkeys(d.strip() for d in drug_names) if d]
    variant_phrases = [v for v in dict.fromkeys(v.strip() for v in variant_phrases) if v]
    variant_regexes = [variant_regex(v) for v in variant_phrases]
    asks_protein_change = any(PROTEIN_CHANGE.fullmatch(v) for v in variant_phrases)
    gene_patterns = [(g, gene_regex(g), is_ambiguous(g)) for g in genes]
    drug_patterns = [(d, drug_regex(d)) for d in drugs]
    found: list[Mention] = []
    if not genes and not drugs:
        return found
    by_first: dict[str, list[tuple[str, re.Pattern]]] = {}
    for phrase, regex, _ in gene_patterns:
        by_first.setdefault(first_word(phrase), []).append((phrase, regex))
    for phrase, regex in drug_patterns:
        by_first.setdefault(first_word(phrase), []).append((phrase, regex))
    gene_firsts = {first_word(g): len(first_word(g)) for g in genes}
    # Cheap test before the word-by-word pass: the longest word of each phrase, as a substring.
    any_needle = substring_search(frozenset(max(WORD.findall(p) or [p], key=len).lower() for p in (*genes, *drugs)))
    glue_lengths, gene_starts = sorted(set(gene_firsts.values())), tuple(gene_firsts)
    words_to_check = words_starting(frozenset(by_first))
    for field_name, text in _fields(study):
        lowered = text.lower()
        if not any_needle(lowered):
            continue
        # One pass over the words finds every candidate; each is then checked with its own pattern.
        hits_of: dict[str, list[re.Match]] = {}
        for word in words_to_check(text):  # the WORD tokens that can be a candidate, not every one
            lower = word.group(0).lower()
            candidates = by_first.get(lower)
            if candidates is None and len(lower) > 4 and lower.startswith(gene_starts):
                # a gene glued to a protein change: "BRAFV600E" (GLUED_CHANGE holds a digit)
                candidates = next((by_first[lower[:n]] for n in glue_lengths
                                   if lower[:n] in gene_firsts and GLUED_CHANGE.fullmatch(lower[n:])), None)
            for phrase, regex in candidates or ():
                hit = regex.match(text, word.start())
                if hit:
                    hits_of.setdefault(phrase, []).append(hit)
        if not hits_of:
            continue
        for symbol, regex, ambiguous in gene_patterns:
            hits = hits_of.get(symbol, [])
            if ambiguous and any(is_other_abbreviation(text, *h.span()) for h in hits):
                # "metformin (MET) ... SU/MET": the text uses the symbol as another abbreviation.
                hits = [h for h in hits if has_gene_context(text, *h.span())]
            by_clause: dict[tuple[int, int], list[tuple[int, int]]] = {}
            for hit in hits:
                start, end = hit.span()
                if reads_as_gene(symbol, hit.group(0), text, start, end, ambiguous):
                    # "Epidermal growth factor receptor (EGFR) gene mutation negative": the name and its
                    # abbreviation in brackets are one mention for what follows.
                    bracket = BRACKETED_ABBREVIATION.match(text, end)
                    end = bracket.end() if bracket else end
                    by_clause.setdefault(clause_bounds(text, start, end), []).append((start, end))
            for clause, spans in by_clause.items():
                start, end = spans[0]
                # One mention per clause; any negated occurrence makes the clause negative
                # ("testing of ALK with no ALK rearrangement").
                found.append(_gene_mention(field_name, symbol, text, spans, clause,
                                           variant_state(text, clause, variant_regexes, asks_protein_change)))
        for name, regex in drug_patterns:
            clauses: set[tuple[int, int]] = set()
            for hit in hits_of.get(name, ()):
                start, end = hit.span()
                clause = clause_bounds(text, start, end)
                if clause in clauses:
                    continue
                clauses.add(clause)
                # "With or Without Osimertinib" in a title is a study arm, not a negation.
                in_criteria = "criteria" in field_name
                found.append(Mention(field=field_name, phrase=name, kind="drug",
                                     snippet=_snippet(text, start, end),
                                     negated=in_criteria and is_negated(text, start, end, clause, gene=False),
                                     context=(_drug_context(text, start, end, clause) if in_criteria else None)))
    order = {name: i for i, name in enumerate((*POSITIVE_FIELDS, UNSPLIT_FIELD, "exclusion criteria"))}
    found.sort(key=lambda m: (order[m.field], m.kind != "gene"))
    return found


_ALTERATION_WORDS = re.compile(r"mutat|fusion|positiv|amplif|rearrang|alter|variant|exon|deletion|insertion|"
                               r"overexpress|skipping|transloc|driven|\+", re.IGNORECASE)


def _bare_name(mention: Mention, gene_phrases: tuple[str, ...]) -> bool:
    """A keyword/condition that is only the gene's name: "Epidermal growth factor receptor (EGFR)"."""
    if mention.field not in ("keyword", "condition"):
        return False
    rest = mention.snippet
    for phrase in sorted(gene_phrases, key=len, reverse=True):
        rest = re.sub(re.escape(phrase), " ", rest, flags=re.IGNORECASE)
    if _ALTERATION_WORDS.search(rest) or PROTEIN_CHANGE.search(mention.snippet):
        return False  # "EGFR-mutant NSCLC", "EGFR exon 20": the record asks for an alteration
    # Whatever is left names the gene itself ("Epidermal growth factor receptor (EGFR)") or a
    # class ("EGFR inhibitor"), never which alteration a patient must have.
    return True


def _reason_for_none(label: str, variant: str | None, genes_other: list[Mention], rejected: list[Mention]) -> str:
    """Why nothing counts, naming what was found: "osimertinib is mentioned only as excluded prior therapy"."""
    if genes_other:
        other = genes_other[0]
        return f"the study names {other.phrase} only with other alterations than {variant}: \"{other.snippet}\""
    if not rejected:
        return f"the study does not mention {label}"
    first = rejected[0]
    if all(m.tested_only and not m.negated and not m.excluded and m.context is None for m in rejected):
        return f"{first.phrase} is mentioned only as a test to be done, not as a requirement: \"{first.snippet}\""
    if all(m.excluded and m.context is None and not m.negated for m in rejected):
        return f"{first.phrase} is mentioned only in the exclusion criteria: \"{first.snippet}\""
    prior = [m for m in rejected if m.context in ("prior therapy", "treatment")]
    if prior and all(m.context in ("prior therapy", "treatment") or m.excluded for m in rejected):
        shown = next((m for m in prior if m.context == "prior therapy"), prior[0])
        if shown.context == "treatment":
            return (f"{shown.phrase} is mentioned only as a treatment, not as the tumour's alteration: "
                    f"\"{shown.snippet}\"")
        excluded = all(m.excluded or m.negated for m in prior)
        return (f"{shown.phrase} is mentioned only as {'excluded ' if excluded else ''}prior therapy, "
                f"not as a requirement: \"{shown.snippet}\"")
    inside = [m for m in rejected if m.context == "excluded"]
    if inside and all(m.context == "excluded" or m.excluded for m in rejected):
        return f"{inside[0].phrase} is mentioned only as an exclusion: \"{inside[0].snippet}\""
    negated = next((m for m in rejected if m.negated), first)
    return (f"{negated.phrase} is mentioned only as absent or negative"
            f"{' or in the exclusion criteria' if any(m.excluded for m in rejected) else ''}: "
            f"\"{negated.snippet}\"")


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
    genes = tuple(genes)
    mentions = scan(study, genes=genes, variant_phrases=variant_phrases, drug_names=drug_names)
    counting = [m for m in mentions if m.counts]
    genes_ok = [m for m in counting if m.kind == "gene" and m.variant in (None, "yes") and not m.unsure]
    gene_phrases = tuple(genes)
    if any(m.excluded for m in mentions) and all(_bare_name(m, gene_phrases) for m in genes_ok):
        # Only a keyword or condition that is the gene's bare name, while the exclusion criteria
        # name the gene: the study is about the gene but may shut the child's alteration out.
        genes_ok, bare = [], genes_ok
    else:
        bare = []
    genes_headless = [m for m in counting if m.kind == "gene" and m.variant in (None, "yes") and m.unsure]
    genes_unsure = [m for m in counting if m.kind == "gene" and m.variant == "unknown"]
    genes_other = [m for m in counting if m.kind == "gene" and m.variant == "no"]
    drugs_given = [m for m in counting if m.kind == "drug" and m.field == "intervention"]
    # Drugs named in the criteria are mostly treatment history ("prior crizotinib"), not evidence.
    drugs_named = [m for m in counting if m.kind == "drug" and m.field in ("title", "condition", "keyword")]
    rejected = [m for m in mentions if not m.counts]
    notes: list[str] = []
    if genes_ok:
        best = genes_ok[0]
        strength = "direct"
        reason = f"{best.phrase if not variant else label} is named in the study's {best.field}: \"{best.snippet}\""
    elif bare:
        best = bare[0]
        strength = "indirect"
        reason = (f"{best.phrase} is only a {best.field} of the study, and its exclusion criteria also name it: "
                  f"\"{best.snippet}\"; check with the study team whether the child's alteration is excluded")
    elif genes_headless:
        best = genes_headless[0]
        strength = "indirect"
        reason = (f"{best.phrase} is named in the study's criteria, which have no inclusion/exclusion headings, "
                  f"so whether it is required is unclear: \"{best.snippet}\"; check with the study team")
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
        reason = _reason_for_none(label, variant, genes_other, rejected)
    if strength != "none":
        excluded = [m for m in rejected if m.excluded]
        negated = [m for m in rejected if m.negated and not m.excluded]
        if excluded:
            notes.append(f"{excluded[0].phrase} also appears in the exclusion criteria: \"{excluded[0].snippet}\"")
        if negated:
            notes.append(f"{negated[0].phrase} is also mentioned as {negated[0].describe()}: \"{negated[0].snippet}\"")
    return MentionMatch(query=label, strength=strength, reason=reason, mentions=tuple(mentions),
                        notes=tuple(notes))
