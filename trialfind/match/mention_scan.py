"""Every mention of a target's genes and drugs in a study's text, each with how its sentence
qualifies it: the field it is in, negated, an exclusion, a treatment or prior therapy, a test to
be done, one of several risk factors, and (in an arm's or intervention's description) whether the
sentence selects patients by the gene. `trialfind.match.mentions` weighs them into a verdict.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Iterable

from trialfind.core.text import fold_width
from trialfind.match.gene_words import (
    BRACKETED_ABBREVIATION,
    GLUED_CHANGE,
    PROTEIN_CHANGE,
    drug_regex,
    first_word,
    gene_regex,
    has_gene_context,
    index_words,
    is_ambiguous,
    is_other_abbreviation,
    needle_words,
    reads_as_gene,
    substring_search,
    variant_regex,
    variant_state,
    words_starting,
)
from trialfind.match.negation import (
    POSITIVE_AFTER,
    clause_bounds,
    clause_negated,
    excluded_in_inclusion,
    is_negated,
    tested_only,
    treatment_context,
)

POSITIVE_FIELDS = ("title", "condition", "keyword", "intervention", "inclusion criteria", "study population")
DESCRIPTION_FIELDS = ("arm description", "intervention description")


UNSPLIT_FIELD = "criteria (no inclusion/exclusion headings)"
# Fields whose sentences are read for negation, exclusions, treatments and tests.
_READ_IN_CONTEXT = ("inclusion criteria", "exclusion criteria", UNSPLIT_FIELD, "study population",
                    *DESCRIPTION_FIELDS)
# Who a sentence is about, before the gene: "patients with", "participants who have",
# "Male patients diagnosed with advanced ALK+ NSCLC", "If participants also have a mutation (EGFR)".
_POPULATION_BEFORE = re.compile(
    r"\b(?:patients?|participants?|subjects?|children|adults?|people|persons?|individuals|men|women|males?|"
    r"females?|cases|those)\b[^.;]{0,80}?\b(?:with|whose|who|having|harbou?ring|carrying|diagnosed|ha(?:ve|s))\b"
    r"[^.;]*$", re.IGNORECASE)
# An alteration word just before the gene: "a special mutation on the tumor (EGFR)", "positive EGFR".
_ALTERATION_BEFORE = re.compile(
    r"\b(?:mutat\w*|fusions?|rearrang\w*|amplif\w*|alter\w*|positive|overexpress\w*)\b(?:\W+\w+){0,3}?\W*$",
    re.IGNORECASE)


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
    # In an arm or intervention description: whether the sentence selects patients by the gene
    # ("for patients with positive EGFR mutation"). Always True in the other fields.
    selects: bool = True

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
        if self.context == "one factor":
            return "one of several risk factors, not a requirement"
        if self.context == "excluded" or self.excluded:
            return "an exclusion"
        if self.negated:
            return "absent or negative"
        if self.tested_only:
            return "a test to be done"
        return f"in the {self.field}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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
    for intervention in study.interventions:
        if isinstance(intervention.description, str) and intervention.description.strip():
            yield "intervention description", intervention.description
    for arm in study.arm_groups:
        if arm.description:
            yield "arm description", arm.description
    if getattr(study, "study_population", None):
        yield "study population", study.study_population
    if study.inclusion_criteria:
        yield (UNSPLIT_FIELD if getattr(study, "criteria_unsplit", False) else "inclusion criteria",
               study.inclusion_criteria)
    if study.exclusion_criteria:
        yield "exclusion criteria", study.exclusion_criteria


def _span_context(field_name: str, text: str, span: tuple[int, int], clause: tuple[int, int]) -> str | None:
    if field_name not in _READ_IN_CONTEXT:
        return None
    start, end = span
    context = treatment_context(text, start, end, clause)
    if context is None and field_name != "exclusion criteria" and excluded_in_inclusion(text, start, end, clause):
        context = "excluded"
    return context


def _gene_mention(field_name: str, symbol: str, text: str, spans: list[tuple[int, int]],
                  clause: tuple[int, int], variant: str | None, written: str) -> Mention:
    """One mention per clause: it counts when any occurrence in the clause states the gene plainly;
    otherwise it carries why not (negated, an exclusion, a treatment, a test to be done). `text` is
    read, `written` (the same length) quoted."""
    start, end = spans[0]
    negated = clause_negated(text, spans, clause)
    contexts = [_span_context(field_name, text, span, clause) for span in spans]
    tests = [tested_only(text, [span], clause) for span in spans]
    plain = [c is None and not t for c, t in zip(contexts, tests)]
    context = None
    tested = False
    selects = field_name not in DESCRIPTION_FIELDS or any(
        ok and _selects_patients(text, span, clause, variant) for ok, span in zip(plain, spans))
    if not negated and not any(plain):
        found = [c for c in contexts if c]
        context = next((c for c in ("excluded", "prior therapy", "treatment", "one factor") if c in found), None)
        tested = context is None
    return Mention(field=field_name, phrase=symbol, kind="gene", snippet=_snippet(written, start, end),
                   variant=variant, negated=negated, tested_only=tested, context=context, selects=selects)


def _selects_patients(text: str, span: tuple[int, int], clause: tuple[int, int], variant: str | None) -> bool:
    """The sentence picks patients by the alteration: a population word ("patients with") before
    the gene, and the alteration stated ("ALK+", "positive EGFR/ALK mutation", the asked variant)."""
    start, end = span
    if not _POPULATION_BEFORE.search(text[clause[0]:start]):
        return False
    if variant is not None:
        return variant == "yes"
    return bool(POSITIVE_AFTER.match(text[end:clause[1]]) or _ALTERATION_BEFORE.search(text[clause[0]:start]))


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
        for word in index_words(phrase):  # "NTRK1-3" starts with the word NTRK1 but names NTRK3 too
            by_first.setdefault(word, []).append((phrase, regex))
    for phrase, regex in drug_patterns:
        by_first.setdefault(first_word(phrase), []).append((phrase, regex))
    gene_firsts = {first_word(g): len(first_word(g)) for g in genes}
    # Cheap test before the word-by-word pass: the longest word of each phrase, as a substring.
    any_needle = substring_search(frozenset(w for p in (*genes, *drugs) for w in needle_words(p)))
    glue_lengths, gene_starts = sorted(set(gene_firsts.values())), tuple(gene_firsts)
    words_to_check = words_starting(frozenset(by_first))
    for field_name, written in _fields(study):
        # read with full-width and CJK punctuation as ASCII ("NTRK、ROS1 or ALK fusion"), quoted as written
        text = fold_width(written)
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
                                           variant_state(text, clause, variant_regexes, asks_protein_change,
                                                         [end for _, end in spans]), written))
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
                                     snippet=_snippet(written, start, end),
                                     negated=in_criteria and is_negated(text, start, end, clause, gene=False),
                                     context=(_drug_context(text, start, end, clause) if in_criteria else None)))
    order = {name: i for i, name in enumerate((*POSITIVE_FIELDS, *DESCRIPTION_FIELDS, UNSPLIT_FIELD,
                                                 "exclusion criteria"))}
    found.sort(key=lambda m: (order[m.field], m.kind != "gene"))
    return found
