"""The classes blind batch 14 exposed, with invented examples (none is a labelled row): a child known as the only one
of a kind in a place or by a media story without an age word; a child's school or class; a relative's name in lower
case after a colon (a Gaelic surname too); a parcel's tracking number; a lower-case given name from a department; a
room and a bed together; a relative's post at a named organisation; and the clean text beside each (places of care
named without an institution word, with their town, in Swahili or Russian, "the only approved drug", a plant named
like a person before a plant part or food)."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import kinds_found as _kinds


@pytest.mark.parametrize("text", [
    "only girl in Kirkwall with this tumour",
    "the only 4-y-o in Malta on the drug",
    "only kid in Tromsø on larotrectinib",
    "the boy whose story was on BBC last spring",
    "our son, the Oban Times ran a piece on him",
    "kids school: Maple Grove Primary",
    "Mr Okafor's class at the village school",
    "Hillcrest Elementary School",
    "dad is the head chef at Noma",
    "mum is the striker for Ajax Women",
])
def test_a_child_known_by_uniqueness_media_school_or_a_relatives_post_is_refused(text):
    assert "other" in _kinds(text)


@pytest.mark.parametrize("text", [
    "the only approved drug in the EU for this indication",
    "only drug in Europe licensed under 12",
    "grade 3 rash, dose held",
    "she is in 2nd grade and back at school",
    "High dose arm closed in 2024",
    "dad works for Pfizer",
    "the investigator for Novartis agreed",
])
def test_clinical_and_company_text_passes(text):
    assert not _kinds(text)


@pytest.mark.parametrize("text", [
    "mum: aoife (eve) o'brien",
    "dad: ruairi mcdonagh",
    "grandma: siobhan",
    "hamish from patient advocacy rang back",
    "spoke to ingrid from the sponsor",
])
def test_lower_case_names_after_a_relative_colon_or_before_a_department_are_refused(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", ["mum: very tired today", "dad: fine, thanks", "grace from the sponsor is noted"])
def test_lower_case_words_in_those_slots_pass(text):
    assert "name" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "parcel 1Z 999 AA1 01 2345 6784 arrived",
    "FedEx tracking 7712 3456 9981 3321",
    "DHL waybill 4829173650 to the flat",
    "rm 9, bed 3 on the teenage unit",
    "room 12 bed C",
])
def test_tracking_numbers_and_a_room_with_a_bed_are_refused(text):
    assert "record_number" in _kinds(text)


@pytest.mark.parametrize("text", [
    "Fox Chase said they would support the request",
    "Roswell Park, Buffalo",
    "City of Hope, Duarte, confirmed the slot",
    "Hospitali ya Rufaa Bugando, Mwanza",
    "Szpital im. Marii Konopnickiej, Łódź",
    "Ankara Üniversitesi Hastanesi",
    "РДКБ имени Н.А. Семашко, Москва",
])
def test_places_of_care_and_their_towns_pass(text):
    assert not _kinds(text)


@pytest.mark.parametrize("text", ["Jasmine rice and plain chicken only", "Poppy seeds on toast are fine"])
def test_a_plant_named_like_a_person_before_a_plant_part_or_food_passes(text):
    assert not _kinds(text)


@pytest.mark.parametrize("text", ["Poppy started the capsules", "mum Poppy, water only",
                                  "Jasmine Okafor, rice allergy"])
def test_the_same_name_as_a_person_is_refused(text):
    assert "name" in _kinds(text)
