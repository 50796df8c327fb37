"""Near spellings of a condition, word by word: typos and plurals ("medulloblastma"), never a
different short word ("B-cell" is not "T-cell") nor a different disease of close spelling; and
where each spelling-folded word starts in a raw text."""
from __future__ import annotations

import re
from functools import lru_cache

from trialfind.knowledge.conditions import normal_words

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
