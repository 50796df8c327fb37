"""The word-level shortcuts the mention scan takes must find what the plain loops found."""
from __future__ import annotations

import pytest

from tests.shared_data import real_records
from trialfind.core.study import parse_study
from trialfind.match.gene_words import WORD, substring_search, words_starting

STARTS = frozenset({"alk", "egfr", "braf", "pf", "crizotinib", "lorlatinib", "k", "x1"})
SYNTHETIC_TEXTS = [
    "ALK-positive; alk1; BRAFV600E; EGFR/ALK; pf-06463922 and PF06463922", "kALK Kelvin \u212a k", "",
    "ſtuff Crizotinib-resistant, x1x", "no tokens: \u00e9\u00e8 -- ??",
]


def real_texts() -> list[str]:
    studies = [parse_study(r) for r in real_records()[:400]]
    return [t for s in studies if hasattr(s, "nct_id")
            for t in (s.brief_title, s.inclusion_criteria, s.exclusion_criteria, *s.intervention_names) if t]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return real_texts() + SYNTHETIC_TEXTS


def test_words_starting_gives_the_word_tokens_a_start_allows(texts):
    find, starts = words_starting(STARTS), tuple(STARTS)
    for text in texts:
        expected = [(m.start(), m.group(0)) for m in WORD.finditer(text) if m.group(0).lower().startswith(starts)]
        assert [(m.start(), m.group(0)) for m in find(text)] == expected, text[:80]


def test_a_start_that_is_no_token_begins_none():
    assert list(words_starting(frozenset({"β-catenin", "é"}))("β-catenin é e")) == []


def test_substring_search_agrees_with_the_loop(texts):
    needles = frozenset({"alk", "crizotinib", "06463922", "c++", "(x)", "e.g."})
    search = substring_search(needles)
    for text in texts:
        lowered = text.lower()
        assert bool(search(lowered)) == any(n in lowered for n in needles), text[:80]
    assert not substring_search(frozenset())("anything")
