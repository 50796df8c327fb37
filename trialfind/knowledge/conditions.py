"""The condition vocabulary: names, abbreviations, spellings and narrower types of childhood cancers.

One table, `knowledge/data/conditions.tsv`, every row with its source (MeSH descriptor,
NCI Thesaurus code, WHO classification). Two kinds of rows:

  spelling  words written two ways ("leukemia" / "leukaemia", "tumor" / "tumour")
  gene      a gene or protein named after a disease ("anaplastic lymphoma kinase",
            "retinoblastoma protein"): the disease word inside it is not the disease
  term      a standard or scale named after a disease ("Response Evaluation Criteria in
            Solid Tumors"): likewise
  concept   a disease: its names (the first is the preferred one; MeSH heading forms such
            as "Leukemia, Myeloid, Acute" included), its abbreviations, and its parent
            (B-cell ALL under ALL, DIPG under diffuse midline glioma). An abbreviation
            marked "*" is also an everyday word or another disease's abbreviation ("ALL of
            the following", "RMS" for relapsing multiple sclerosis): in running text it
            counts only beside a word about cancer.

Matching folds words (`normal_words`: spellings, plurals, the possessive "s"), so one
name per concept suffices there; retrieval compares raw words, so `search_phrases`
spells every variant out.
"""
from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from trialfind.core.spec import tokens

CONDITIONS_FILE = Path(__file__).resolve().parent / "data" / "conditions.tsv"
_NO_PLURAL_S = ("ss", "us", "is")


@dataclass(frozen=True)
class ConditionConcept:
    key: str
    parent: str | None
    names: tuple[str, ...]
    abbreviations: tuple[str, ...]
    source: str
    ambiguous: frozenset[str] = frozenset()  # abbreviations that need a cancer word beside them in text
    is_disease: bool = True  # False: a gene or protein whose name holds a disease word ("anaplastic lymphoma kinase")


@dataclass(frozen=True)
class Vocabulary:
    concepts: dict[str, ConditionConcept]
    spellings: dict[str, tuple[str, ...]]  # each written form -> every form of that word

    def lineage(self, key: str) -> list[str]:
        """The concept and its parents, nearest first."""
        out: list[str] = []
        while key and key in self.concepts and key not in out:
            out.append(key)
            key = self.concepts[key].parent or ""
        return out

    def narrower(self, key: str) -> tuple[ConditionConcept, ...]:
        """The concept and every concept under it."""
        return tuple(c for c in self.concepts.values() if c.is_disease and key in self.lineage(c.key))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split(";") if p.strip())


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    concepts: dict[str, ConditionConcept] = {}
    spellings: dict[str, tuple[str, ...]] = {}
    with open(CONDITIONS_FILE, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            names = _split(row.get("names"))
            if not row.get("source"):
                raise ValueError(f"conditions.tsv row {row.get('key')!r} has no source")
            if row["kind"] == "spelling":
                for name in names:
                    spellings[name.lower()] = tuple(dict.fromkeys((*spellings.get(name.lower(), ()), *names)))
            elif row["kind"] in ("concept", "gene", "term"):
                written = _split(row.get("abbreviations"))
                concepts[row["key"]] = ConditionConcept(
                    row["key"], row.get("parent") or None, names, tuple(a.rstrip("*") for a in written),
                    row["source"], ambiguous=frozenset(a.rstrip("*") for a in written if a.endswith("*")),
                    is_disease=row["kind"] == "concept")
    return Vocabulary(concepts, spellings)


def _fold(word: str) -> str:
    forms = vocabulary().spellings.get(word)
    return forms[0] if forms else word


def normal_words(text: str | None) -> tuple[str, ...]:
    """Lower-case words with spellings, plurals and the possessive "s" folded to one form."""
    return _normal_words(text or "")


@lru_cache(maxsize=65536)
def _normal_words(text: str) -> tuple[str, ...]:
    out = []
    for word in tokens(text):
        if word == "s":  # "Ewing's" -> "ewing", "s"
            continue
        word = _fold(word)
        if len(word) > 4 and word.endswith("s") and not word.endswith(_NO_PLURAL_S):
            word = word[:-1]
        out.append(_fold(word))
    return tuple(out)


def ambiguous_abbreviations() -> frozenset[str]:
    return frozenset(a for c in vocabulary().concepts.values() for a in c.ambiguous)


def is_abbreviation(text: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", text)
    return bool(letters) and letters.isupper() and len(letters) <= 6


@lru_cache(maxsize=1)
def _by_words() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for concept in vocabulary().concepts.values():
        for name in (*concept.names, *concept.abbreviations):
            table.setdefault(normal_words(name), concept.key)
    return table


def find_concept(text: str) -> ConditionConcept | None:
    """The concept a name or abbreviation stands for ("AML", "acute myeloid leukaemia"), else None."""
    key = _by_words().get(normal_words(text))
    concept = vocabulary().concepts.get(key) if key else None
    return concept if concept is not None and concept.is_disease else None


@lru_cache(maxsize=1)
def concept_names() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(normal words of a full name, its concept key), longest first: for telling names apart."""
    pairs = {(normal_words(name), c.key) for c in vocabulary().concepts.values() for name in c.names}
    return tuple(sorted((p for p in pairs if p[0]), key=lambda p: (-len(p[0]), p)))


def written_forms(name: str) -> list[str]:
    """Every spelling of a name as words: "Wilms tumor" -> wilms tumor, wilms tumour, wilms tumors, ...

    Abbreviations are searched as written; MeSH heading forms ("Leukemia, Myeloid, Acute")
    take no plural."""
    words = tokens(name)
    if not words or is_abbreviation(name):
        return []
    options = [list(dict.fromkeys((w, *vocabulary().spellings.get(w, ())))) for w in words]
    if "," not in name:
        options[-1] = list(dict.fromkeys(f for form in options[-1]
                                         for f in (form, *(() if form.endswith("s") else (form + "s",)))))
    return [" ".join(combo) for combo in itertools.product(*options)]


@lru_cache(maxsize=1024)
def search_phrases(text: str) -> tuple[str, ...]:
    """What retrieval must search for a condition as typed: the text itself, and when it names a
    known concept, every name, abbreviation and spelling of it and of its narrower types."""
    text = " ".join(text.split())
    concept = find_concept(text)
    phrases = [text, *written_forms(text)]
    if concept is not None:
        for narrower in vocabulary().narrower(concept.key):
            phrases += narrower.abbreviations
            for name in narrower.names:
                phrases += written_forms(name)
    seen: set[tuple[str, ...]] = set()
    out = []
    for phrase in phrases:
        key = tuple(tokens(phrase))
        if key and key not in seen:
            seen.add(key)
            out.append(phrase)
    return tuple(out)
