"""Synthetic variants of the blind batch 17 classes: each personal shape is refused, its near miss passes."""
from __future__ import annotations

import pytest

from trialfind.core.privacy import find_personal_data


@pytest.mark.parametrize("synthetic_text", [
    "Dr. Wilms will review the scans",
    "Mr. Hodgkin from the medical information line",
    "Prof. Ewing replied on Monday",
    "asked dr. Burkitt about the dose",
    "Ms. Kaposi called back",
])
def test_an_eponym_after_a_personal_title_is_a_person(synthetic_text):
    assert any(f.kind == "name" for f in find_personal_data(synthetic_text))


@pytest.mark.parametrize("synthetic_text", [
    "Wilms tumour, relapsed",
    "Hodgkin lymphoma in second remission",
    "Ewing sarcoma of the pelvis",
    "non-Hodgkin lymphoma, refractory",
    "Burkitt lymphoma stage III",
])
def test_an_eponym_without_a_title_is_the_disease(synthetic_text):
    assert find_personal_data(synthetic_text) == []


@pytest.mark.parametrize("synthetic_text", [
    "the Okafor twins both started on day 1",
    "the Lindgren siblings are on the same arm",
    "Mendoza family fundraiser next week",
    "Ewing family GoFundMe page is up",
])
def test_a_surname_naming_a_family_is_personal(synthetic_text):
    assert any(f.kind == "name" for f in find_personal_data(synthetic_text))


@pytest.mark.parametrize("synthetic_text", [
    "Ewing family of tumours",
    "the Ewing family of tumours responds to this",
    "the Src family kinases are inhibited",
    "the BCL-2 family proteins",
])
def test_a_disease_or_protein_family_is_not_a_household(synthetic_text):
    assert find_personal_data(synthetic_text) == []


@pytest.mark.parametrize("synthetic_text", [
    "NOWAK, ZOFIA K.",
    "okafor, chidi a",
    "tiago gomes ruis",
    "rodrigo fonseca alves",
])
def test_a_whole_value_name_with_an_initial_or_two_surnames(synthetic_text):
    assert any(f.kind == "name" for f in find_personal_data(synthetic_text))


@pytest.mark.parametrize("synthetic_text", [
    "STAGE, IV A",
    "hodgkin lymphoma relapsed",
    "neuroblastoma high risk",
    "nodular sclerosis, grade 2",
])
def test_clinical_values_of_the_same_shape_pass(synthetic_text):
    assert find_personal_data(synthetic_text) == []


@pytest.mark.parametrize("synthetic_text", [
    "spoke w/ priya from med affairs, she will call back",
    "called dorothy from reg affairs",
    "met w/ kevin from medical information",
])
def test_a_lower_case_given_name_from_a_shortened_department(synthetic_text):
    assert any(f.kind == "name" for f in find_personal_data(synthetic_text))


@pytest.mark.parametrize("synthetic_text", [
    "spoke w/ someone from reg affairs",
    "w/ aspirin from the manufacturer",
])
def test_no_given_name_before_a_department_passes(synthetic_text):
    assert find_personal_data(synthetic_text) == []


@pytest.mark.parametrize("synthetic_text", [
    "B. Braun Melsungen",
    "infusion pumps from B. Braun",
])
def test_a_company_named_by_an_initial_and_a_surname_passes(synthetic_text):
    assert find_personal_data(synthetic_text) == []


@pytest.mark.parametrize("synthetic_text", ["K. Braun called back", "Emma Braun", "Dr. Braun will call"])
def test_the_company_surname_after_another_initial_or_a_given_name_is_a_person(synthetic_text):
    assert any(f.kind == "name" for f in find_personal_data(synthetic_text))


@pytest.mark.parametrize("synthetic_text", [
    "band no. QX5512034 / KOWALCZYK, MAYA",
    "okonjo a, relapsed after cycle 4",
    "notes: vasquez-mora l",
    "szymanski signed the consent form",
    "Form sent. okafor emailed the PI today",
])
def test_a_surname_told_by_its_shape(synthetic_text):
    assert any(f.kind == "name" for f in find_personal_data(synthetic_text))


@pytest.mark.parametrize("synthetic_text", [
    "CBC, ANA normal",
    "stage iv b, relapse",
    "dinutuximab b, 2 cycles",
    "pfizer declined the request",
    "sponsor signed the agreement",
    "neuroblastoma, relapse",
])
def test_clinical_and_company_words_of_the_same_shape_pass(synthetic_text):
    assert find_personal_data(synthetic_text) == []


@pytest.mark.parametrize("synthetic_text", ["Медуллобластома, рецидив", "Λέμφωμα Hodgkin", "Лимфома Hodgkin"])
def test_a_capitalised_cyrillic_or_greek_term_opening_a_value_passes(synthetic_text):
    assert find_personal_data(synthetic_text) == []


@pytest.mark.parametrize("synthetic_text", ["Нейробластома, Kowalczyk", "Λέμφωμα Kowalczyk", "Нейробластома, Иванов",
                                            "Смирнова, рецидив"])
def test_a_name_beside_the_term_is_still_refused(synthetic_text):
    assert find_personal_data(synthetic_text)
