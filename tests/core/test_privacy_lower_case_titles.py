"""A title typed in lower case before a capitalised name ("asked dr. Kowalczyk") was let through: the title rule
wanted "Dr" and the lower-case rule wanted a lower-case name. Invented examples, both sides."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import kinds_found as _kinds


@pytest.mark.parametrize("text", [
    "we asked dr. Nowicki at the day unit",
    "dr Abernathy said to wait a week",
    "prof Oyelaran reviewed the scans",
    "spoke to mrs. Haddad on the ward",
    "mr. Lindqvist from the trust called back",
    "ms. Achterberg sent the forms",
    "dra Villaseñor lo aprobó",
])
def test_a_lower_case_title_before_a_capitalised_name_is_refused(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", [
    "ms Relapse on the MRI",           # bare "ms": multiple sclerosis, not a title
    "mr Imaging of the spine",         # bare "mr": magnetic resonance
    "dr. Reddy's Laboratories",        # a company
    "the dr. Without a name here",
])
def test_a_lower_case_title_before_a_word_or_a_company_passes(text):
    assert _kinds(text) == set()
