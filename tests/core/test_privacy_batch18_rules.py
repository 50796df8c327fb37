"""Synthetic variants of the blind batch 18 classes: each personal shape is refused, its near miss passes."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import refused as _refused
from trialfind.core.privacy import find_personal_data


@pytest.mark.parametrize("synthetic_text", [
    "liams mum sarah here, pls ring back",
    "mias dad tomasz called",
    "ethans mom said thanks",
    "grandma ingrid here, any news?",
    "mom rebecca here, can u call",
])
def test_a_lower_case_name_owning_a_relative_or_after_one(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "kids mom called, pls call back",
    "the twins dad asked about the dose",
    "his mom is here, pls call back",
    "parents mum rang about the trial",
])
def test_a_plural_before_a_relative_word_is_no_name(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "jonh smtih (dad)",
    "maria gonzlez (mamá)",
    "Emergency contacts: jonh smtih (dad), marry jnoes (mum)",
    "kevin smith (father)",
    "Okonkwo (oncologist)",
])
def test_unexplained_words_with_a_role_in_brackets_are_a_name(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "breast cancer (mother)",
    "neuroblastoma (sister)",
    "consent form (father)",
    "grace period (mother)",
    "aml (uncle)",
])
def test_a_family_history_with_a_role_in_brackets_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "driver licence D555-0147-8821",
    "driving licence no. 5KJ72 841 0039",
    "Führerschein Nr. B072RRE2I55",
    "permis de conduire 12AB34567",
    "licencia de conducir 48291736",
])
def test_a_driving_licence_number_is_refused(synthetic_text):
    assert any(f.kind == "record_number" for f in find_personal_data(synthetic_text))


@pytest.mark.parametrize("synthetic_text", [
    "driving licence category B",
    "driver licence not required for the trial",
])
def test_a_driving_licence_without_a_number_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Ayşe Yılmaz'ın annesiyim",
    "Zehra Koçak'a ulaşın",
    "Yılmaz'ın annesiyim",
    "Demir'in babası aradı",
])
def test_a_turkish_name_with_a_case_ending_or_owning_a_relative(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Hacettepe Üniversitesi'nde tedavi gördü",
    "Sağlık Bakanlığı'nın onayı geldi",
    "Acıbadem Hastanesi'nde yatıyor",
    "Ankara'nın hastaneleri",
])
def test_a_turkish_institution_or_place_with_a_case_ending_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Pasien: Putri Ayu Lestari, 7 thn",
    "Paciente: Ana Lúcia Souza",
    "Hasta: Elif Kaya",
    "Pacjent: Zofia Wrzesińska",
])
def test_a_name_after_a_patient_label_of_another_language(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Pasien: Laki-laki, 7 thn",
    "Patient: Female Child, 7y",
    "Paciente: Respuesta parcial",
    "Patient: Stable Disease",
])
def test_a_sex_or_a_finding_after_a_patient_label_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Jordan Food and Drug Administration (JFDA) import permit",
    "Victoria, Australia: TGA SAS Category A notification",
    "Georgia Department of Public Health letter",
    "Chad Ministry of Health approval",
])
def test_a_country_or_state_that_is_a_given_name_names_the_place_in_context(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Jordan Smith called about the permit",
    "my daughter Georgia, Australia",
    "Jordan Okafor Agency",
    "Victoria, Grace and Jordan",
])
def test_the_same_given_names_as_persons_stay_refused(synthetic_text):
    assert _refused(synthetic_text)
