"""`spelling.starts_of` (where a folded word stands in a text, found from the few written forms
that fold to it) equals reading the text word by word (`word_starts`), on every real criteria
text and on texts built to trip it."""
from __future__ import annotations

import pytest

from tests.shared_data import real_partial_records, real_records
from trialfind.core.study import Study, parse_study
from trialfind.knowledge.conditions import normal_words, vocabulary
from trialfind.match.spelling import starts_of, word_starts


def _vocabulary_words() -> set[str]:
    return {w for c in vocabulary().concepts.values() for n in (*c.names, *c.abbreviations) for w in normal_words(n)}


def _texts():
    for record in (*real_records(), *real_partial_records()):
        study = parse_study(record)
        if isinstance(study, Study):
            yield from (t for t in (study.inclusion_criteria, study.study_population, study.exclusion_criteria) if t)


def test_every_real_text_agrees_with_reading_it_word_by_word():
    extra = _vocabulary_words()
    checked = 0
    for text in _texts():
        expected = word_starts.__wrapped__(text)
        for word in set(expected) | extra:
            assert starts_of(text, word) == expected.get(word, []), (word, text[:80])
            checked += 1
    assert checked > 100_000


@pytest.mark.parametrize("text", [
    "Relapsed TUMOURS, tumors and Tumour-like neoplasms; tumorous growths; leukaemias/LEUKEMIA",
    "No \u212aelvin-sign \u212aRAS; long \u017fs; \u0130stanbul glioma\u0130 gliomas\u00e9 gliomas",
    "gliomagliomas glioma glioma1 1glioma _glioma_ glioma's GLIOMAs paediatric PAEDIATRICS pediatrics",
    "sss s ss is us neuroblastomas neuroblastomass  Neuroblastoma's",
    "",
])
def test_written_forms_case_plurals_and_neighbours_agree(text):
    expected = word_starts.__wrapped__(text)
    for word in set(expected) | _vocabulary_words() | {"s", "tumor", "leukemia", "pediatric", "kelvin", "kras"}:
        assert starts_of(text, word) == expected.get(word, []), word
