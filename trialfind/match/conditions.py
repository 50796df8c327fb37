"""Does a study concern the child's condition? The record's own words first, fuzzy spelling last.

Order of evidence, strongest first:
  exact     the condition (a name, abbreviation or narrower type of it, from the curated
            vocabulary in trialfind.knowledge.conditions) is named in the study's listed
            conditions, title, keywords, inclusion criteria or (observational studies) the
            description of the population it recruits
  mesh      a MeSH term ClinicalTrials.gov derived from the conditions IS the condition or a
            narrower one ("Glioblastoma" for glioma)
  broader   the condition appears only in a MeSH category above the study's own condition
  criteria  named in criteria text that has no inclusion/exclusion headings
  fuzzy     a listed condition, MeSH term or keyword is a near spelling (typos, plurals)
  contradicted  listed, but the inclusion criteria name only other specific diseases
  ambiguous     in the inclusion criteria beside another disease whose name holds it
                ("neuroblastoma" beside "CNS neuroblastoma")
Only exact and mesh are "direct" evidence; the rest leave eligibility "uncertain".

A name inside a longer name of another disease is not a mention: "lymphoma" in the MeSH
term "Precursor Cell Lymphoblastic Leukemia-Lymphoma" is acute lymphoblastic leukaemia.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from trialfind.core.spec import contains_phrase
from trialfind.knowledge.conditions import (
    ambiguous_abbreviations,
    concept_names,
    find_concept,
    normal_words,
    vocabulary,
)
from trialfind.match.condition_query import _Phrase, _Query, core_words, query_phrases
from trialfind.match.negation import clause_bounds, condition_negated
from trialfind.match.spelling import (  # noqa: F401 (word_starts re-exported)
    FUZZY_MIN_WORD,
    FUZZY_THRESHOLD,
    fuzzy_hit,
    starts_of,
    word_starts,
)

STRENGTH_WEIGHT = {"exact": 1.0, "mesh": 0.9, "keyword": 0.6, "broader": 0.5, "criteria": 0.5, "contradicted": 0.5,
                   "ambiguous": 0.5, "fuzzy": 0.4, "none": 0.0}
DIRECT_STRENGTHS = frozenset({"exact", "mesh"})
# Two-letter abbreviations ("NB") are too often something else in running text.
_MIN_ABBREVIATION_IN_TEXT = 3
# Beside an ambiguous abbreviation in running text, a word that shows it names a cancer.
_CANCER_WORD = re.compile(
    r"leuk|lymph|sarcoma|tumou?r|cancer|malignan|neoplas|blast|oma\b|remission|relaps|refractory|marrow|"
    r"oncolog|metasta|\bCR\d|\bMRD\b|chemotherapy|transplant", re.IGNORECASE)

_WORD = re.compile(r"[0-9A-Za-z]+")


@dataclass(frozen=True)
class ConditionMatch:
    query: str
    strength: str  # exact | mesh | broader | criteria | fuzzy | none
    field: str | None = None
    matched: str | None = None
    reason: str = ""
    fuzzy_score: float | None = None
    kind: str = "condition"

    @property
    def found(self) -> bool:
        return self.strength != "none"

    @property
    def direct(self) -> bool:
        return self.strength in DIRECT_STRENGTHS

    @property
    def weight(self) -> float:
        return STRENGTH_WEIGHT[self.strength]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _first_hit(phrases, texts, asked: frozenset[str]) -> tuple[_Phrase, str] | None:
    for text in texts:
        if not text:
            continue
        words = normal_words(text)
        for phrase in phrases:
            # found_in's own first checks, inlined: most phrases are absent from most texts
            if phrase.text not in text if phrase.abbreviation else not phrase.words or phrase.words[0] not in words:
                continue
            if phrase.found_in(text, asked):
                return phrase, text
    return None


_SEEN_LIMIT = 20_000
_UNSEEN = object()


def _first_hit_seen(resolved: _Query, core: bool, texts) -> tuple[_Phrase, str] | None:
    """`_first_hit` of the query's phrases (or core phrases), each text judged once per query."""
    seen = resolved.seen
    for text in texts:
        if not text:
            continue
        phrase = seen.get((core, text), _UNSEEN)
        if phrase is _UNSEEN:
            hit = _first_hit(resolved.core if core else resolved.phrases, (text,), resolved.asked)
            if len(seen) >= _SEEN_LIMIT:  # bounded: titles rarely repeat
                seen.clear()
            phrase = seen[(core, text)] = hit[0] if hit else None
        if phrase is not None:
            return phrase, text
    return None


def _criteria_hit(phrases, text: str | None, asked: frozenset[str]) -> tuple[_Phrase, str] | None:
    """A mention in criteria text that is not negated or excluded, with its clause."""
    if not text:
        return None
    for phrase in phrases:
        if phrase.abbreviation and len(re.sub(r"[^A-Za-z]", "", phrase.text)) < _MIN_ABBREVIATION_IN_TEXT:
            continue
        for start, end in _raw_spans(phrase, text):
            left, right = clause_bounds(text, start, end)
            clause = text[left:right]
            if not phrase.found_in(clause, asked):
                continue
            if phrase.abbreviation and phrase.text in ambiguous_abbreviations() and not _CANCER_WORD.search(clause):
                continue  # "satisfy ALL of the following", "RMS" for relapsing multiple sclerosis
            if not condition_negated(text, start, end, (left, right)):
                return phrase, " ".join(clause.split())
    return None


def _raw_spans(phrase: _Phrase, text: str) -> list[tuple[int, int]]:
    if phrase.abbreviation:
        return phrase.spans(text)
    # Word by word, any spelling or plural the vocabulary folds together.
    spans = []
    if not phrase.words:
        return spans
    for start in starts_of(text, phrase.words[0]):
        words = _WORD.finditer(text[start:start + 40 * len(phrase.words)])
        taken = []
        for word in words:
            folded = normal_words(word.group(0))
            if not folded:
                continue
            taken.append((folded[0], word.end()))
            if len(taken) == len(phrase.words):
                break
        if tuple(w for w, _ in taken) == phrase.words:
            spans.append((start, start + taken[-1][1]))
    return spans


def _other_disease(text: str, asked: frozenset[str]) -> bool:
    concept = find_concept(text)
    return concept is not None and concept.key not in asked


def _diseases_named(text: str, related: frozenset[str], *, specific: bool) -> list[str]:
    """Diseases named positively in `text` but the related ones: specific (with a parent) or top-level."""
    present = set(normal_words(text))
    concepts = vocabulary().concepts
    found = []
    for concept in concepts.values():
        if not concept.is_disease or (concept.parent is not None) != specific or concept.key in related:
            continue
        names = [n for n in concept.names if set(normal_words(n)) <= present]
        abbreviations = [a for a in concept.abbreviations if a in text]
        if not names and not abbreviations:
            continue
        phrases = [_Phrase(n, normal_words(n), False) for n in names]
        phrases += [_Phrase(a, normal_words(a), True) for a in abbreviations]
        if _criteria_hit(phrases, text, frozenset({concept.key})):
            found.append(concept.names[0])
    return found


def _inclusion_contradicts(phrases, study, asked: frozenset[str]) -> list[str]:
    """Other specific diseases the inclusion criteria name ("Chronic Myeloid Leukemia or Phi+ ALL" for a
    listed "BCR-ABL Positive AML": the sponsor's list is free text, the criteria decide), when they name
    neither this one nor a top-level category that may hold it ("brain tumors" for medulloblastoma)."""
    text = study.inclusion_criteria
    if not text or study.criteria_unsplit or any(_raw_spans(p, text) for p in phrases):
        return []
    related = set(asked)
    for key in asked:
        related.update(vocabulary().lineage(key))
    if _diseases_named(text, frozenset(related), specific=False):
        return []
    return _diseases_named(text, frozenset(related), specific=True)


def _shadowing_disease(phrase: _Phrase, text: str, asked: frozenset[str]) -> str | None:
    """Another disease whose name holds the phrase and which the same text names: "CNS neuroblastoma"."""
    concepts = vocabulary().concepts
    words = normal_words(text)
    for name, key in concept_names():
        if key in asked or not concepts[key].is_disease or len(name) <= len(phrase.words):
            continue
        if contains_phrase(list(name), list(phrase.words)) and contains_phrase(list(words), list(name)):
            return concepts[key].names[0]
    return None


def _reason(strength: str, field: str, shown: str, text: str, study) -> str:
    if strength == "exact":
        where = {"condition": "is listed", "title": "is in the study's title", "keyword": "is a keyword",
                 "inclusion criteria": "is named in the inclusion criteria",
                 "study population": "is named in the study population"}[field]
        return f"condition '{shown}' {where}: {text}"
    if strength == "mesh":
        return f"condition '{shown}' matches the study's MeSH term: {text}"
    if strength == "broader":
        return (f"the study's condition ({', '.join(study.conditions[:3]) or 'not listed'}) falls "
                f"under '{shown}' (MeSH category {text}); check it is the child's type")
    return (f"'{shown}' is named in the study's criteria, which have no inclusion/exclusion headings: "
            f"\"{text}\"; check with the study team")


def match_condition(query: str, study) -> ConditionMatch:
    """How strongly `study` concerns the condition the family typed (`query`)."""
    query = query.strip()
    resolved = query_phrases(query)
    asked = resolved.asked
    note = ""
    criteria_strength = "criteria" if study.criteria_unsplit else "exact"
    steps = (
        ("exact", "condition", lambda ps, core: _first_hit_seen(resolved, core, study.conditions)),
        ("mesh", "condition MeSH term", lambda ps, core: _first_hit_seen(resolved, core, study.condition_mesh_terms)),
        ("exact", "title", lambda ps, core: _first_hit_seen(resolved, core, (study.brief_title, study.official_title))),
        ("exact", "keyword", lambda ps, core: _first_hit_seen(resolved, core, study.keywords)),
        (criteria_strength, "inclusion criteria", lambda ps, core: _criteria_hit(ps, study.inclusion_criteria, asked)),
        ("exact", "study population", lambda ps, core: _criteria_hit(ps, study.study_population, asked)),
        ("broader", "MeSH category",
         lambda ps, core: _first_hit_seen(resolved, core, study.condition_mesh_ancestors)),
    )
    for candidates, qualifier_note in ((resolved.phrases, ""), (resolved.core, "core")):
        if not candidates:
            continue
        for strength, field, find in steps:
            hit = find(candidates, qualifier_note == "core")
            if not hit:
                continue
            phrase, text = hit
            if qualifier_note:
                kept = set(core_words(list(normal_words(query))))
                dropped = [w for w in normal_words(query) if w not in kept]
                note = (f" (the study team must confirm whether '{' '.join(dropped)}' fits)"
                        if dropped else "")
            shown = phrase.text if phrase.text.lower() == query.lower() else f"{query}' as '{phrase.text}"
            if field in ("condition", "condition MeSH term"):
                others = _inclusion_contradicts(resolved.phrases, study, asked)
                if others:
                    return ConditionMatch(query, "contradicted", field, text,
                                          f"condition '{shown}' is listed ({text}), but the inclusion criteria "
                                          f"name only {', '.join(others)}; check with the study team")
            if field == "inclusion criteria" and strength == "exact":
                other = _shadowing_disease(phrase, study.inclusion_criteria, asked)
                if other:
                    return ConditionMatch(query, "ambiguous", field, text,
                                          f"'{shown}' is named in the inclusion criteria beside {other}, a "
                                          f"different disease: \"{text}\"; check which one the study means")
            return ConditionMatch(query, strength, field, text, _reason(strength, field, shown, text, study) + note)
    query_words = list(normal_words(query))
    # A text that is the name of another known disease is not a near spelling of this one
    # ("Non-Hodgkin Lymphoma" for Hodgkin lymphoma).
    fuzzy_texts = [t for t in (*study.conditions, *study.condition_mesh_terms, *study.keywords)
                   if not asked or _other_disease(t, asked) is False]
    hit = fuzzy_hit(query_words, fuzzy_texts)
    if hit:
        score, text = hit
        return ConditionMatch(query, "fuzzy", "condition", text,
                              f"'{query}' is close in spelling to the study's condition '{text}'; "
                              f"check it is the same disease", fuzzy_score=round(score, 1))
    return ConditionMatch(query, "none", reason=f"the study does not list '{query}' as a condition")
