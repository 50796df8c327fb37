"""An organisation's own published contact details pass the privacy screen (privacy_organisation_contacts): its
phone lines (named by an organisation line's words, or North American toll-free), its street address after its
name, and a lot's number; a person's phone or home address beside them is still refused."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import kinds_found as _kinds
from trialfind.core.privacy_organisation_contacts import is_toll_free


@pytest.mark.parametrize("text", [
    # the examples the screen refused
    "Medical information line: +1 800 438 1985 (Pfizer)",
    "Roche Basel switchboard +41 61 688 11 11",
    "Bayer medical information line 1-888-842-2937",
    "Genentech Medical Information: 1-800-821-8590",
    "medinfo line for EU: +41 61 324 11 11",
    "FDA Project Facilitate call center: 1-844-825-8500",
    "Company medical info line: 1-800-545-5979",
    # near-twins: other line words, other languages, a company's possessive, toll-free without a cue
    "Pfizer's medical information line: +1 212 733 2323",
    "AstraZeneca switchboard: +44 20 3749 5000",
    "Novartis Kundenservice +41 61 324 11 11",
    "Sanofi information médicale : +33 1 53 77 40 00",
    "Roche información médica: +34 913 24 81 00",
    "Medizinischer Informationsdienst: +49 621 759 4348",
    "the company hotline is +44 1628 515500",
    "toll-free 1-877-555-0100 (Janssen)",
])
def test_an_organisations_phone_line_passes(text):
    assert "phone" not in _kinds(text)
    assert _kinds(text) == set()


@pytest.mark.parametrize("text", [
    "call me on +41 79 555 12 34",
    "my cell 617-555-0123",
    "Dr Weber's direct line +41 61 688 22 33",
    "mum's mobile 07700 900123",
    # near-twins: an organisation's words beside a person's number
    "Roche switchboard, or my mobile +41 79 555 12 34",
    "Dr Weber's hotline +41 61 688 22 33",
    "Roche switchboard +41 61 688 11 11. My mobile is +41 79 555 12 34",
    "hotline: call Anna on her mobile +41 79 555 12 34",
    "my cell 1-844-555-0123",
    "My direct line is 1-800-555-0199 x 302.",
    "switchboard +41 61 688 11 11 ext 2234",
    "a lot of calls: 617-555-0123",
])
def test_a_persons_phone_is_still_refused(text):
    assert "phone" in _kinds(text)


@pytest.mark.parametrize("text", [
    "Lot number 555-0192 of the study drug",
    "Lot no. 555-0192",
    "batch # 617-555-0123 expired",
    "Lot 617-555-0123",
])
def test_a_lots_number_is_no_phone(text):
    assert _kinds(text) == set()


@pytest.mark.parametrize("text", [
    "Gustave Roussy, 114 rue Édouard Vaillant, 94805 Villejuif",
    "Great Ormond Street Hospital, London WC1N 3JH",
    "Dana-Farber, 450 Brookline Ave, Boston MA 02215",
    "Genentech HQ, 1 DNA Way, South San Francisco, CA 94080",
    "Pfizer, 66 Hudson Boulevard East, New York, NY 10001",
    "Novartis Pharma AG, Lichtstrasse 35, 4056 Basel",
    # near-twins
    "Boston Children's Hospital, 300 Longwood Ave, Boston MA 02115",
    "Roche, Grenzacherstrasse 124, 4070 Basel",
    "Great Ormond Street Hospital, 3 Lamb's Conduit St, London WC1N 3LZ",
    "Bayer AG, Kaiser-Wilhelm-Allee 1, 51373 Leverkusen",
    "Amgen headquarters, One Amgen Center Drive, Thousand Oaks, CA 91320",
    "Institut Curie, 26 rue d'Ulm, 75005 Paris",
    "St. Jude Children's Research Hospital, 262 Danny Thomas Place, Memphis, TN 38105",
])
def test_an_organisations_address_passes(text):
    assert _kinds(text) == set()


@pytest.mark.parametrize("text", [
    "we live at 12 Oak Street, Springfield IL 62704",
    "Emma Weber, 14 rue de Rivoli, 75001 Paris",
    "our home near Great Ormond Street Hospital: 3 Lamb's Conduit St, London WC1N 3LZ",
    "Pfizer rep Anna Koch, home address Lindenweg 4, 4056 Basel",
    # near-twins: an organisation's name beside a person's or a home's address
    "Pfizer, Anna Koch, 14 rue de Rivoli, 75001 Paris",
    "we live near Dana-Farber, 450 Brookline Ave, Boston MA 02215",
    "Dana-Farber, my flat at 12 Oak Street, Boston MA 02215",
    "Dana-Farber. We live at 12 Oak Street, Boston MA 02215",
    "Novartis Pharma AG rep, Lindenweg 4, 4056 Basel",
    "Great Ormond Street Hospital, then home to 3 Lamb's Conduit St, London WC1N 3LZ",
])
def test_a_persons_or_homes_address_is_still_refused(text):
    assert "address" in _kinds(text)


@pytest.mark.parametrize("number, toll_free", [
    ("1-800-438-1985", True), ("+1 833 555 0100", True), ("(888) 842-2937", True), ("844.825.8500", True),
    ("617-555-0123", False), ("1-822-555-0100", False), ("800 1234", False), ("+41 61 688 11 11", False),
])
def test_toll_free_area_codes(number, toll_free):
    assert is_toll_free(number) is toll_free
