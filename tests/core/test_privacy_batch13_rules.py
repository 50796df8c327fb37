"""The classes blind batch 13 exposed, with invented examples (none is a labelled row): a child known by a
description and a home town, a media story, being the only one in a place or a public role's possessive; a room
beside a bed, a ward or a family; word-like or lower-case given names in a person's slot (after a role or
relative word, introducing the writer, owning a relative, with an initial, beside another language's nurse or
honorific word); initials as the person asked for; a birthday told by the age reached on it; immigration numbers;
payment apps' tags; and the clean text beside each (clinical descriptions, hospitals, a drug's NDC code, short
lower-case Greek and Cyrillic clinical phrases)."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import kinds_found as _kinds


@pytest.mark.parametrize("text", [
    "5yo boy from Dunedin, relapsed medulloblastoma",
    "the 3-year-old from Whitehorse",
    "our daughter, 9, who lives in Bozeman",
    "a toddler from Salt Lake City with DIPG",
    "the twins from the Galway news story",
    "the 6 year old boy who was on the local news in May",
    "our son's video went viral last month",
    "the little girl featured in the Truro Herald",
    "the only child in Malta on this drug",
    "the only family in Whitby with quadruplets",
    "the sheriff of Moab's son",
    "the Tiverton vicar's daughter",
])
def test_a_child_known_by_a_description_and_a_town_story_or_uniqueness_is_refused(text):
    assert "other" in _kinds(text)


@pytest.mark.parametrize("text", [
    "7yo girl with relapsed ALL, stable after 3 cycles",
    "treated at Boston Children's since 2021",
    "a 9-year-old from Boston Children's was screened",
    "a 6-year-old from the phase 1 cohort had a PR",
    "10yo from Mexico, referred for screening",
    "the only approved drug in Europe for this indication",
    "the only patient in Cohort B with a grade 3 rash",
    "the family received the news from the sponsor",
    "twins in the trial had different responses",
])
def test_clinical_descriptions_and_hospitals_pass(text):
    assert not _kinds(text)


@pytest.mark.parametrize("text", [
    "we are the family with quads, room 418",
    "bed C, room 7, Butterfly ward",
])
def test_a_room_beside_a_family_a_bed_or_a_ward_is_refused(text):
    assert "record_number" in _kinds(text)


@pytest.mark.parametrize("text", [
    "nurse jean on 4 east was lovely",
    "research nurse kim at the day unit",
    "emergency contact: auntie rosalind mbeki",
    "grandma dolores okonjo-reyes",
    "i'm tanvi, aarav's mum",
    "hi, this is kelly here",
    "zuri's dad rang the clinic",
    "ines r. from the parents group",
    "chidera t.",
    "Zeynep hanım aradı",
    "enfermera lucía nos ayudó mucho",
    "ask for K.M.O. at the front desk",
    "speak to A.J. about the consent",
])
def test_names_in_a_persons_slot_are_refused(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", [
    "nurse will call tomorrow",
    "contact: grace period applies",
    "grandpa is fine",
    "i'm fine, thanks for asking",
    "i'm sorry for the delay",
    "this is the updated report",
    "the patient's mum signed the consent",
    "vitamin d. levels normal",
    "plan b. if no response",
    "call U.S. office",
    "ask for the PI",
])
def test_ordinary_words_in_those_slots_pass(text):
    assert "name" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "she turned 7 on 14 feb 2020",
    "he turns six on new year's day",
])
def test_a_birthday_told_by_the_age_reached_is_refused(text):
    assert "date" in _kinds(text)


def test_an_age_reached_on_a_cycle_day_passes():
    assert "date" not in _kinds("ANC turned 2 on day 15 of cycle 1")


@pytest.mark.parametrize("text", [
    "green card no. A 204 118 337",
    "alien registration number A-204118337",
    "residence permit ZU-1234567",
    "work permit 88123456",
])
def test_immigration_and_permit_numbers_are_refused(text):
    assert "record_number" in _kinds(text)


@pytest.mark.parametrize("text", [
    "venmo @brave-leo-fund",
    "cashapp $TeamOkonjo",
    "zelle: kowalczyk.family",
    "send it on Revolut to okonjo-lind",
])
def test_payment_app_tags_are_refused(text):
    assert "handle" in _kinds(text)


@pytest.mark.parametrize("text", ["venmo accepted", "paypal donations welcome"])
def test_a_payment_app_named_without_a_tag_passes(text):
    assert not _kinds(text)


@pytest.mark.parametrize("text", ["NDC 50242-0140-01", "NDC: 0002-7510-01 (vial)", "NDC 12345-6789-1"])
def test_a_national_drug_code_is_no_phone(text):
    assert not _kinds(text)


def test_a_phone_shaped_like_a_drug_code_without_ndc_is_still_a_phone():
    assert "phone" in _kinds("call 0078-0412-15")


@pytest.mark.parametrize("text", ["μερική ανταπόκριση", "частичный ответ", "стабильное заболевание"])
def test_a_short_lower_case_greek_or_cyrillic_clinical_phrase_passes(text):
    assert not _kinds(text)


@pytest.mark.parametrize("text", ["анна смирнова", "мария петрова", "γιώργος παπαδόπουλος", "Σταθερή Παπαδόπουλος",
                                  "ирина"])
def test_short_greek_or_cyrillic_names_are_still_refused(text):
    assert "name" in _kinds(text)
