"""A condition as the user typed it, turned into the phrases that stand for it in study text:
its names, abbreviations and narrower types from the curated vocabulary, with and without
qualifiers ("relapsed", "stage 4"), and the rule that a name inside a longer name of something
else (a gene, a standard, another disease) is not a mention of it. `match.conditions` reads
studies with these phrases."""
from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import lru_cache

from trialfind.knowledge.conditions import (
    concept_names,
    find_concept,
    is_abbreviation,
    normal_words,
    vocabulary,
)

# Words that qualify a diagnosis rather than name it: "relapsed neuroblastoma" is still
# neuroblastoma for finding trials; whether relapse fits is in the criteria text.
_QUALIFIERS = frozenset({
    "relapsed", "refractory", "recurrent", "progressive", "metastatic", "newly", "diagnosed",
    "pediatric", "childhood", "child", "children", "advanced", "untreated", "previously",
    "treated", "high", "risk", "stage", "and", "or", "the", "a", "an",
})
_STAGE_NUMBERS = frozenset({"1", "2", "3", "4", "i", "ii", "iii", "iv", "4s", "ivs", "m"})


def core_words(words: list[str]) -> list[str]:
    """The diagnosis without leading/trailing qualifiers: "relapsed or refractory neuroblastoma"."""
    words = list(words)
    changed = True
    while changed and words:
        changed = False
        if words[0] in _QUALIFIERS:
            stage = words.pop(0) == "stage"
            if stage and words and words[0] in _STAGE_NUMBERS:
                words.pop(0)
            changed = True
        elif words and words[-1] in _QUALIFIERS:
            words.pop()
            changed = True
    return words


@dataclass(frozen=True)
class _Phrase:
    text: str
    words: tuple[str, ...]
    abbreviation: bool

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where an abbreviation stands in the raw text, written in capitals."""
        if self.text not in text:  # most texts: no regex at all
            return []
        return [m.span() for m in _abbreviation_pattern(self.text).finditer(text)]

    def found_in(self, text: str, asked: frozenset[str] = frozenset()) -> bool:
        if self.abbreviation:
            return bool(self.spans(text))
        words = normal_words(text)
        if not self.words or self.words[0] not in words:  # the common case, decided in C
            return False
        size = len(self.words)
        return any(words[start:start + size] == self.words and not _shadowed(words, start, start + size, asked)
                   for start in range(len(words) - size + 1))


@lru_cache(maxsize=1)
def _concept_names_by_first_word() -> tuple[dict[str, tuple[tuple[int, tuple[str, ...], str], ...]], int]:
    """concept_names() grouped by first word, each with its rank in that order; and the longest size."""
    grouped: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    names = concept_names()
    for rank, (name, key) in enumerate(names):
        grouped.setdefault(name[0], []).append((rank, name, key))
    return {word: tuple(entries) for word, entries in grouped.items()}, max((len(n) for n, _ in names), default=0)


@lru_cache(maxsize=4096)
def _abbreviation_pattern(text: str) -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(text)}(?![A-Za-z0-9])")


def _shadowed(words: tuple[str, ...], start: int, end: int, asked: frozenset[str]) -> bool:
    """True when the longest known name covering words[start:end] names something else: a gene
    or a standard ("anaplastic lymphoma kinase", "Response Evaluation Criteria in Solid Tumors"),
    or, when the query is a known disease, another disease."""
    concepts = vocabulary().concepts
    by_first, longest = _concept_names_by_first_word()
    # Only a name whose first word stands at or before `start` (and near enough) can cover the
    # span: the others are skipped, the rest taken in concept_names' order (longest first).
    possible = sorted(entry for word in set(words[max(0, end - longest):start + 1]) for entry in by_first.get(word, ()))
    for _, name, key in possible:
        size = len(name)
        if size <= end - start:
            return False
        for left in range(max(0, end - size), min(start, len(words) - size) + 1):
            if words[left:left + size] == name:
                if not concepts[key].is_disease:
                    return True
                return bool(asked) and key not in asked
    return False


@dataclass(frozen=True)
class _Query:
    phrases: tuple[_Phrase, ...]  # the name, its synonyms and narrower types
    core: tuple[_Phrase, ...]  # the same without qualifiers such as "relapsed", when that differs
    asked: frozenset[str]  # the vocabulary concepts that count as this condition
    # (core?, text) -> the first phrase named in that text, or None: listed conditions, MeSH terms
    # and categories repeat across studies ("Neoplasms by Histologic Type"), each read once.
    seen: dict = dataclass_field(default_factory=dict, compare=False, hash=False, repr=False)


@lru_cache(maxsize=1024)
def query_phrases(query: str) -> _Query:
    """The phrases that stand for a condition as typed, from the condition vocabulary."""
    query = query.strip()
    words = normal_words(query)
    seen: set[tuple] = set()
    asked: set[str] = set()

    def phrases_for(text: str, typed_abbreviation: bool) -> list[_Phrase]:
        out: list[_Phrase] = []

        def add(name: str, abbreviation: bool) -> None:
            key = (abbreviation, normal_words(name))
            if key in seen or not key[1]:
                return
            seen.add(key)
            out.append(_Phrase(name, key[1], abbreviation))

        add(text, typed_abbreviation)
        concept = find_concept(text)
        if concept is not None:
            for narrower in vocabulary().narrower(concept.key):
                asked.add(narrower.key)
                for name in narrower.names:
                    add(name, False)
                for abbreviation in narrower.abbreviations:
                    add(abbreviation, True)
        # An abbreviation ("ALL") must not match the English word "all" in study text:
        # once its capitalised form is known, drop the case-blind duplicate.
        abbreviations = {p.words for p in out if p.abbreviation}
        return [p for p in out if p.abbreviation or p.words not in abbreviations]

    # A query typed in capitals is an abbreviation when it is short or a known one
    # ("ALL", "DIPG"), not when it is a word typed with caps lock ("GLIOMA").
    known = find_concept(query)
    typed_abbreviation = is_abbreviation(query) and (
        len(re.sub(r"[^A-Za-z]", "", query)) <= 4
        or (known is not None and any(normal_words(a) == words for a in known.abbreviations)))
    phrases = phrases_for(query, typed_abbreviation)
    core: list[_Phrase] = []
    core_only = core_words(list(words))
    if core_only and tuple(core_only) != words:
        core = phrases_for(" ".join(core_only), False)
    return _Query(tuple(phrases), tuple(core), frozenset(asked))
