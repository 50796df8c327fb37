"""Near spellings of a condition, word by word: typos and plurals ("medulloblastma"), never a
different short word ("B-cell" is not "T-cell") nor a different disease of close spelling; and
where each spelling-folded word starts in a raw text."""
from __future__ import annotations

import re
from functools import lru_cache

from trialfind.knowledge.conditions import normal_words, vocabulary

# Pinned by tests/test_match_conditions.py: "medulloblastma" (96.6) and "neuroblastomas" pass,
# "nephroblastoma" vs "neuroblastoma" (88.9) and "myeloma" vs "melanoma" (80) do not.
FUZZY_THRESHOLD = 90.0
# Fuzzy comparison is per word; shorter words must be spelled exactly ("B-cell" is not "T-cell").
FUZZY_MIN_WORD = 5


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


def fuzzy_hit(query_words: list[str], texts) -> tuple[float, str] | None:
    """Best word-by-word near spelling of the query inside any of the texts (the first text
    of the best score)."""
    if not query_words or not any(len(w) >= FUZZY_MIN_WORD for w in query_words):
        return None
    query = tuple(query_words)
    best: tuple[float, str] | None = None
    for text in texts:
        if not text:
            continue
        score = _fuzzy_in_text(query, text)
        if score is not None and (best is None or score > best[0]):
            best = (score, text)
    return best


@lru_cache(maxsize=16384)
def _fuzzy_in_text(query_words: tuple[str, ...], text: str) -> float | None:
    """The best near-spelling score of the query in one text, None below the threshold. Per
    text: listed conditions, MeSH terms and keywords repeat across studies."""
    size = len(query_words)
    best = None
    words = normal_words(text)
    for start in range(len(words) - size + 1):
        window = words[start:start + size]
        scores = []
        for mine, theirs in zip(query_words, window):
            score = _word_score(mine, theirs)
            scores.append(score)
            if score < FUZZY_THRESHOLD:
                break
        score = min(scores)
        if score >= FUZZY_THRESHOLD and (best is None or score > best):
            best = score
    return best


_RUN = re.compile(r"[0-9a-z]+")


_WORD = re.compile(r"[0-9A-Za-z]+")
_WORD_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=4096)
def _forms_folding_to(word: str) -> tuple[str, ...]:
    """Every lower-case word that `normal_words` folds to `word`.

    A run of [0-9A-Za-z] (a word as `word_starts` reads it) is read by `normal_words` as its
    lower case x, folded by the vocabulary's spellings, stripped of a plural "s", folded again.
    If neither x nor x minus its last letter is a spelling, no folding applies and the result
    is x or x minus its "s": so every x folding to `word` is `word`, `word` + "s", a spelling or
    a spelling + "s". Those few are checked with normal_words itself."""
    spellings = vocabulary().spellings
    candidates = {word, word + "s", *spellings, *(key + "s" for key in spellings)}
    return tuple(sorted(x for x in candidates if _RUN.fullmatch(x) and normal_words(x)[:1] == (word,)))


class _TextWords:
    """One text's lower case, its distinct words by lower case (built when first needed) and
    the starts found so far, by folded word: a text is read for every phrase of a query."""

    __slots__ = ("by_lower", "lowered", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        self.by_lower: dict[str, list[str]] | None = None
        self.starts: dict[str, list[int]] = {}


@lru_cache(maxsize=64)
def _text_words(text: str) -> _TextWords:
    return _TextWords(text)


def starts_of(text: str, word: str) -> list[int]:
    """`word_starts(text).get(word, [])` without folding every word of the text (a criteria
    text holds hundreds; a phrase's first word folds from a handful of forms): the text's
    words written in one of those forms, found where they stand whole, in text order."""
    known = _text_words(text)
    found = known.starts.get(word)
    if found is None:
        found = known.starts[word] = _find_starts(known, word)
    return found


def _find_starts(known: _TextWords, word: str) -> list[int]:
    forms = _forms_folding_to(word)
    # A word whose lower case is a form leaves that form in the lowered text: most texts hold
    # none of the forms, decided here in C.
    if not any(form in known.lowered for form in forms):
        return []
    if known.by_lower is None:
        known.by_lower = {}
        for raw in set(_WORD.findall(known.text)):
            known.by_lower.setdefault(raw.lower(), []).append(raw)
    raws = [raw for form in forms for raw in known.by_lower.get(form, ())]
    text, found = known.text, []
    size = len(text)
    for raw in raws:
        at = text.find(raw)
        while at >= 0:
            end = at + len(raw)
            # `[0-9A-Za-z]+` matches maximal runs: a whole word has no word character beside it.
            if (at == 0 or text[at - 1] not in _WORD_CHARS) and (end == size or text[end] not in _WORD_CHARS):
                found.append(at)
            at = text.find(raw, end)  # no whole word starts inside this one's letters
    if len(raws) > 1:
        found.sort()
    return found


@lru_cache(maxsize=64)
def word_starts(text: str) -> dict[str, list[int]]:
    """Where each folded word starts in the raw text, in order: a text is read once for all the
    phrases looked for in it (every spelling of every condition asked), not once per phrase."""
    starts: dict[str, list[int]] = {}
    for found in re.finditer(r"[0-9A-Za-z]+", text):
        first = normal_words(found.group(0))[:1]
        if first:
            starts.setdefault(first[0], []).append(found.start())
    return starts
