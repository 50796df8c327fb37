"""Blind batches 19 and 20: a lower-case full name as the whole value, a name field's value, a family named by its
surname in the plural, a name in commas after another language's family word. Each personal shape refused beside a
clean near twin (synthetic strings, written for these rules)."""
from __future__ import annotations

import pytest

from trialfind.core.privacy import find_personal_data


@pytest.mark.parametrize("text", [
    "lee ryan",                      # given name that is an English word, surname that is none
    "ana lucía pérez gómez",         # two given names, two surnames (places too: Pérez)
    "ana perez",
    "mark ryan",
])
def test_a_lower_case_full_name_as_the_whole_value_is_refused(text):
    assert find_personal_data(text)


@pytest.mark.parametrize("text", ["grace period", "rose bengal", "lisa trial", "brain mri", "ana positive",
                                  "max dose", "iris melanoma", "june scan", "nina protocol", "lee syndrome",
                                  "ivy league", "jade tablets"])
def test_a_lower_case_value_of_a_given_name_and_a_word_passes(text):
    assert not find_personal_data(text)


@pytest.mark.parametrize("text", ["patient NAME: de la cruz, mateo", "Nombre: lucía gómez", "child's name: tomás",
                                  "Nazwisko: kowalska"])
def test_the_value_of_a_name_field_is_refused(text):
    assert find_personal_data(text)


@pytest.mark.parametrize("text", ["Drug name: lorlatinib", "Name: withheld", "Patient name: not recorded",
                                  "name: n/a", "Company name: Pfizer", "Contact name: [to be filled]",
                                  "Trial name: NAVIGATE",
                                  "Study drug: larotrectinib. Generic name: larotrectinib sulfate"])
def test_a_name_field_of_a_thing_or_left_empty_passes(text):
    assert not find_personal_data(text)


@pytest.mark.parametrize("text", ["the Hendersons' little boy got the drug first", "the Joneses asked again",
                                  "the Garcias were told on Monday"])
def test_a_family_named_by_its_plural_surname_is_refused(text):
    assert find_personal_data(text)


@pytest.mark.parametrize("text", ["the Americans and Europeans enrolled", "the Asians in the cohort",
                                  "the Hodgkins lymphomas", "the Wilms tumours of the cohort", "the Andes site",
                                  "the Netherlands approved it", "spoke to the MSL for the Nordics",
                                  "Surgery with the Keos Lumbar Interbody Fusion Device"])
def test_peoples_places_and_eponyms_in_the_plural_pass(text):
    assert not find_personal_data(text)


def test_a_name_in_commas_after_another_languages_family_word_is_refused_and_a_role_is_not():
    assert find_personal_data("Anak kami, Putri Ayu Lestari, sudah dua kali kambuh")
    assert not find_personal_data("Ibu, Dokter bilang sudah stabil")
    assert not find_personal_data("anak kami, sudah dua kali kambuh")


@pytest.mark.parametrize("text", ["Takeda Haruto-kun declined further cycles", "yui-chan is doing well",
                                  "MARTÍNEZ LÓPEZ, ALEJANDRO", "mckenzie-rae (pt)",
                                  "Pathology accession number for her biopsy: S23-11872"])
def test_blind_batch_21_and_22_shapes_are_refused(text):
    # An honorific joined to a name, two surnames in capitals before the given name, a name with "(pt)", an
    # accession number after several words saying whose.
    assert find_personal_data(text)


@pytest.mark.parametrize("text", ["sun-tan lotion advised", "BRAF V600E (pt)", "neuroblastoma (patient)",
                                  "Lot number for the vial: 2023-04", "Ansökan beviljades av Läkemedelsverket",
                                  "Die Mutter bittet um Rückruf durch die Stationsärztin",
                                  "Licensansökan till Läkemedelsverket beviljad efter 6 dagar"])
def test_their_clean_twins_and_compounds_with_a_linking_letter_pass(text):
    assert not find_personal_data(text)
