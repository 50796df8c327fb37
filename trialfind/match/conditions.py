"""Does a study concern the child's condition? Exact words first, fuzzy spelling last.

Order of evidence, strongest first:
  exact    the phrase (or a known synonym) appears as whole words in a listed condition
  mesh     ... in one of the MeSH terms ClinicalTrials.gov derived from the conditions
  broader  ... in a MeSH ancestor: the study's condition falls under the child's (broader) category
  keyword  ... in the study's keywords or title only
  fuzzy    a listed condition, MeSH term or keyword is a near spelling (typos, plurals)
Only exact and mesh are "direct" evidence; the rest leave eligibility "uncertain".
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from trialfind.core.spec import contains_phrase, tokens

# Pinned by tests/test_match_conditions.py: "medulloblastma" (96.6) and "neuroblastomas" pass,
# "nephroblastoma" vs "neuroblastoma" (88.9) and "myeloma" vs "melanoma" (80) do not.
FUZZY_THRESHOLD = 90.0
# Fuzzy comparison is per word; shorter words must be spelled exactly ("B-cell" is not "T-cell").
FUZZY_MIN_WORD = 5

STRENGTH_WEIGHT = {"exact": 1.0, "mesh": 0.9, "keyword": 0.6, "broader": 0.5, "fuzzy": 0.4, "none": 0.0}
DIRECT_STRENGTHS = frozenset({"exact", "mesh"})

# British/American spellings and MeSH's "Neoplasms" for tumours, folded to one form per word.
_SPELLING = {
    "leukaemia": "leukemia", "leukaemias": "leukemia", "tumour": "tumor", "tumours": "tumor",
    "neoplasm": "tumor", "neoplasms": "tumor", "tumors": "tumor", "haematologic": "hematologic",
    "haematological": "hematologic", "hematological": "hematologic", "paediatric": "pediatric",
    "oesophageal": "esophageal", "anaemia": "anemia", "haemophagocytic": "hemophagocytic",
    "ewings": "ewing",
}
_NO_PLURAL_S = ("ss", "us", "is")

# Common childhood-cancer names and abbreviations. Sources: NCI Dictionary of Cancer Terms
# (https://www.cancer.gov/publications/dictionaries/cancer-terms), NCI Thesaurus preferred names,
# and the condition names sponsors use on ClinicalTrials.gov. Upper-case entries are
# abbreviations: in study text they only count written in capitals ("ALL", "B-ALL"), never
# the English word "all".
_SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("ALL", "acute lymphoblastic leukemia", "acute lymphocytic leukemia",
     "precursor cell lymphoblastic leukemia lymphoma"),
    ("AML", "acute myeloid leukemia", "acute myelogenous leukemia", "acute myeloblastic leukemia"),
    ("CML", "chronic myeloid leukemia", "chronic myelogenous leukemia"),
    ("JMML", "juvenile myelomonocytic leukemia"),
    ("APL", "acute promyelocytic leukemia"),
    ("MDS", "myelodysplastic syndrome"),
    ("DIPG", "diffuse intrinsic pontine glioma"),
    ("DMG", "diffuse midline glioma"),
    ("HGG", "high grade glioma"),
    ("LGG", "low grade glioma"),
    ("GBM", "glioblastoma multiforme", "glioblastoma"),
    ("ATRT", "AT/RT", "atypical teratoid rhabdoid tumor"),
    ("RMS", "rhabdomyosarcoma"),
    ("NHL", "non hodgkin lymphoma"),
    ("hodgkin lymphoma", "hodgkin disease"),
    ("LCH", "langerhans cell histiocytosis"),
    ("HLH", "hemophagocytic lymphohistiocytosis"),
    ("MPNST", "malignant peripheral nerve sheath tumor"),
    ("wilms tumor", "nephroblastoma"),
    ("osteosarcoma", "osteogenic sarcoma"),
    ("ewing sarcoma", "ewing family of tumors"),
    ("brain tumor", "brain cancer"),
    ("CNS tumor", "central nervous system tumor"),
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


def normal_words(text: str | None) -> list[str]:
    """Lower-case words with spelling variants, plurals and possessive "s" folded."""
    return list(_normal_words(text or ""))


@lru_cache(maxsize=65536)
def _normal_words(text: str) -> tuple[str, ...]:
    out = []
    for word in tokens(text):
        if word == "s":  # "Ewing's" -> "ewing", "s"
            continue
        word = _SPELLING.get(word, word)
        if len(word) > 4 and word.endswith("s") and not word.endswith(_NO_PLURAL_S):
            word = word[:-1]
        out.append(_SPELLING.get(word, word))
    return tuple(out)


@dataclass(frozen=True)
class _Phrase:
    text: str
    words: tuple[str, ...]
    abbreviation: bool

    def found_in(self, text: str) -> bool:
        if self.abbreviation:
            return re.search(rf"(?<![A-Za-z0-9]){re.escape(self.text)}(?![A-Za-z0-9])", text) is not None
        return contains_phrase(_normal_words(text), self.words)


def _is_abbreviation(text: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", text)
    return bool(letters) and letters.isupper() and len(letters) <= 6


@lru_cache(maxsize=1024)
def query_phrases(query: str) -> tuple[tuple[_Phrase, ...], tuple[_Phrase, ...]]:
    """The phrases that stand for a condition: (the name and its synonyms, its core words).

    The second list holds the name without qualifiers such as "relapsed", when that differs.
    """
    words = tuple(normal_words(query))
    phrases: list[_Phrase] = []
    seen: set[tuple] = set()

    def add(target: list[_Phrase], text: str, abbreviation: bool) -> None:
        key = (abbreviation, tuple(normal_words(text)))
        if key in seen or not key[1]:
            return
        seen.add(key)
        target.append(_Phrase(text, key[1], abbreviation))

    def add_with_synonyms(target: list[_Phrase], text: str, abbreviation: bool) -> None:
        add(target, text, abbreviation)
        mine = tuple(normal_words(text))
        for group in _SYNONYM_GROUPS:
            if any(tuple(normal_words(name)) == mine for name in group):
                for name in group:
                    add(target, name, _is_abbreviation(name))
        # An abbreviation ("ALL") must not match the English word "all" in study text:
        # once its capitalised form is known, drop the case-blind duplicate.
        abbreviations = {p.words for p in target if p.abbreviation}
        target[:] = [p for p in target if p.abbreviation or p.words not in abbreviations]

    query = query.strip()
    # A query typed in capitals is an abbreviation when it is short or a known one
    # ("ALL", "DIPG"), not when it is a word typed with caps lock ("GLIOMA").
    known = {tuple(normal_words(n)) for group in _SYNONYM_GROUPS for n in group if _is_abbreviation(n)}
    typed_abbreviation = _is_abbreviation(query) and (len(re.sub(r"[^A-Za-z]", "", query)) <= 4 or words in known)
    add_with_synonyms(phrases, query, typed_abbreviation)
    core: list[_Phrase] = []
    core_only = core_words(list(words))
    if core_only and tuple(core_only) != words:
        add_with_synonyms(core, " ".join(core_only), False)
    return tuple(phrases), tuple(core)


@dataclass(frozen=True)
class ConditionMatch:
    query: str
    strength: str  # exact | mesh | broader | keyword | fuzzy | none
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


def _first_hit(phrases: list[_Phrase], texts) -> tuple[_Phrase, str] | None:
    for text in texts:
        if not text:
            continue
        for phrase in phrases:
            if phrase.found_in(text):
                return phrase, text
    return None


@lru_cache(maxsize=65536)
def _word_score(mine: str, theirs: str) -> float:
    """Similarity of two words, 0-100; short words count only when equal."""
    from rapidfuzz import fuzz

    if mine == theirs:
        return 100.0
    if len(mine) < FUZZY_MIN_WORD or len(theirs) < FUZZY_MIN_WORD:
        return 0.0
    # Cheap bound first: a ratio of at least 90 needs nearly equal lengths.
    if 200.0 * min(len(mine), len(theirs)) / (len(mine) + len(theirs)) < FUZZY_THRESHOLD:
        return 0.0
    return fuzz.ratio(mine, theirs)


def _fuzzy_hit(query_words: list[str], texts) -> tuple[float, str] | None:
    """Best word-by-word near spelling of the query inside any of the texts."""
    if not query_words or not any(len(w) >= FUZZY_MIN_WORD for w in query_words):
        return None
    size = len(query_words)
    best: tuple[float, str] | None = None
    for text in texts:
        if not text:
            continue
        words = normal_words(text)
        for start in range(0, len(words) - size + 1):
            window = words[start:start + size]
            scores = []
            for mine, theirs in zip(query_words, window):
                score = _word_score(mine, theirs)
                scores.append(score)
                if score < FUZZY_THRESHOLD:
                    break
            score = min(scores)
            if score >= FUZZY_THRESHOLD and (best is None or score > best[0]):
                best = (score, text)
    return best


def match_condition(query: str, study) -> ConditionMatch:
    """How strongly `study` concerns the condition the family typed (`query`)."""
    query = query.strip()
    phrases, core = query_phrases(query)
    note = ""
    steps = (
        ("exact", "condition", study.conditions),
        ("mesh", "condition MeSH term", study.condition_mesh_terms),
        ("broader", "MeSH category", study.condition_mesh_ancestors),
        ("keyword", "keyword", study.keywords),
        ("keyword", "title", (study.brief_title, study.official_title)),
    )
    for candidates, qualifier_note in ((phrases, ""), (core, "core")):
        if not candidates:
            continue
        for strength, field, texts in steps:
            hit = _first_hit(candidates, texts)
            if not hit:
                continue
            phrase, text = hit
            if qualifier_note:
                kept = set(core_words(normal_words(query)))
                dropped = [w for w in normal_words(query) if w not in kept]
                note = (f" (the study team must confirm whether '{' '.join(dropped)}' fits)"
                        if dropped else "")
            shown = phrase.text if phrase.text.lower() == query.lower() else f"{query}' as '{phrase.text}"
            reason = {
                "exact": f"condition '{shown}' is listed: {text}",
                "mesh": f"condition '{shown}' matches the study's MeSH term: {text}",
                "broader": (f"the study's condition ({', '.join(study.conditions[:3]) or 'not listed'}) falls "
                            f"under '{shown}' (MeSH category {text}); check it is the child's type"),
                "keyword": f"'{shown}' appears only in the study's {field}: {text}",
            }[strength] + note
            return ConditionMatch(query, strength, field, text, reason)
    query_words = normal_words(query)
    fuzzy_texts = [*study.conditions, *study.condition_mesh_terms, *study.keywords]
    hit = _fuzzy_hit(query_words, fuzzy_texts)
    if hit:
        score, text = hit
        return ConditionMatch(query, "fuzzy", "condition", text,
                              f"'{query}' is close in spelling to the study's condition '{text}'; "
                              f"check it is the same disease", fuzzy_score=round(score, 1))
    return ConditionMatch(query, "none", reason=f"the study does not list '{query}' as a condition")
