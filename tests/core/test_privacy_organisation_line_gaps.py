"""An organisation's line passes, but not a person named between its words and its number, nor a number a company
named after it owns (synthetic near-twins)."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import kinds_found
from trialfind.core.privacy import find_personal_data


@pytest.mark.parametrize("text, kind", [
    ("Roche hotline, John Smith: 0800 123 4567", "name"),          # a person between the line's words and the number
    ("pls text me 555 203 8841 if u have a contact at Jazz", "phone"),   # the company is named after the number
    ("toll free for us: my cell 1800 102 1234", "phone"),
])
def test_a_person_beside_an_organisations_line_is_refused(text, kind):
    assert kind in kinds_found(text)


@pytest.mark.parametrize("text", [
    "Roche Servicio de Información Médica: +34 91 324 81 00",
    "Novartis Medical Information: 0800 123 4567",
    "company toll-free helpline: 1800 102 1234",                  # India's toll-free numbers, in three groups
    "toll free 1800-102-2020",
])
def test_an_organisations_own_line_passes(text):
    assert find_personal_data(text) == []
