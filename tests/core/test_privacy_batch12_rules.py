"""The classes blind batch 12 exposed, with invented examples (none is a labelled row): initials after a form's
"Pt:" label, a surname run into its title's dot, a surname listed with its initials, a phone number after
"number" in another language, a lower-case street after words saying someone lives there, a mail user name with
its provider in brackets, a payment card's details and a relative known by fame; and the clean text beside each
(a title greeting nobody, laws named after their minister, citations, counts, drug lots and ordinary jobs)."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import kinds_found as _kinds


@pytest.mark.parametrize("text", [
    "Pt: K.M. Villanueva",
    "Patient:A.O.",
    "pt: T.B. seen today",
    "Patient: R.J.K., 9y",
])
def test_initials_after_a_patient_label_are_refused(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", [
    "dr.okonjo-hale was kind",
    "spoke to mrs.adeyemi-lund",
    "Dr.Wierzbicka called back",
    "Prof.Oyelaran-Nkemelu agreed",
])
def test_a_surname_run_into_its_titles_dot_is_refused(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", [
    "dr.brain tumour clinic",
    "Dr. Reddy's Laboratories",
    "ms.word template attached",
])
def test_a_title_dot_before_an_ordinary_word_or_company_passes(text):
    assert "name" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "Okoroafor, T. (study coordinator)",
    "contact Wierzbicka, A.M. (PI)",
    "Nakashima-Reyes, D.",
])
def test_a_surname_listed_with_its_initials_is_refused(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", [
    "Cohort B, A. (expansion)",
    "see Figure 2, B. (right panel)",
    "Hodgkin, T. (1832)",
])
def test_labels_and_citations_with_an_initial_pass(text):
    assert "name" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "numer: 602 114 839",
    "mój numer 733 405 218",
    "número 612 48 37 90",
    "nummer 0612 48 3790",
])
def test_a_phone_number_after_number_in_another_language_is_refused(text):
    assert "phone" in _kinds(text)


@pytest.mark.parametrize("text", [
    "numer protokołu 2",
    "número de pacientes: 24",
    "nummer 3 op de lijst",
])
def test_short_counts_after_number_words_pass(text):
    assert "phone" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "we live at 14 heron close",
    "they moved to 203 old mill lane",
    "home is 8b sparrow hill road",
    "address: 41 juniper street",
])
def test_a_lower_case_street_where_someone_lives_is_refused(text):
    assert "address" in _kinds(text)


@pytest.mark.parametrize("text", [
    "moved to 2 cycles a week",
    "we live at 3 hours from the centre",
    "staying at 4 weeks of therapy",
    "moving to 5 doses per day",
])
def test_counts_after_living_words_pass(text):
    assert "address" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "email: sipho.ndlovu.dad (gmail)",
    "reach me at kofi_b88 [hotmail]",
    "my address is marisol.v.84 on yahoo",
    "e-mail: tangerinemum (outlook)",
])
def test_a_mail_user_name_with_its_provider_is_refused(text):
    assert "email" in _kinds(text)


@pytest.mark.parametrize("text", [
    "results were shared by email (gmail blocked the attachment)",
    "the portal (outlook add-in) crashed",
    "email: see the sponsor's portal",
])
def test_a_mail_provider_named_without_a_user_passes(text):
    assert "email" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "paid with visa ending in 0392",
    "debit card last four 7781",
    "CVC: 0917",
    "security code 774 on the back",
    "card exp 11/28",
])
def test_a_payment_cards_details_are_refused(text):
    assert _kinds(text) & {"other", "record_number"}


@pytest.mark.parametrize("text", [
    "lot 4471 exp 09/27",
    "visa ending 2026 for the travel",
    "card # 2 of 3",
    "credit to the site team",
])
def test_drug_lots_visas_and_counts_pass(text):
    assert _kinds(text) == set()


@pytest.mark.parametrize("text", [
    "the boy whose mum is the Leinster fly-half",
    "daughter of the Arctic Monkeys drummer",
    "the girl whose dad is the famous TV chef",
    "our son, whose father plays for Celtic",
])
def test_a_child_known_by_a_relatives_fame_is_refused(text):
    assert _kinds(text) & {"other", "name"}


@pytest.mark.parametrize("text", [
    "the boy whose father is a goalkeeper",
    "son of a Pfizer chemist",
    "patient whose mother is a nurse",
    "daughter of the patient's donor",
])
def test_an_ordinary_job_of_a_relative_passes(text):
    assert _kinds(text) == set()


@pytest.mark.parametrize("text", [
    "reply: 'Dear Dr., thanks for the update'",
    "Hello Prof, the sponsor has replied",
    "Dear Mrs, please find attached",
])
def test_a_title_with_no_name_after_it_passes(text):
    assert _kinds(text) == set()


@pytest.mark.parametrize("text", [
    "Loi Huriet-Sérusclat consent forms",
    "under the Loi Kouchner",
    "Ley Rider / AEMPS",
    "Legge Gelli-Bianco applies",
])
def test_a_law_named_after_its_minister_passes(text):
    assert _kinds(text) == set()


@pytest.mark.parametrize("text", [
    "Dr. Loi Tran replied in two days",
    "contact Loi Nguyen at the clinic",
    "ask for Loi Pham",
    "Loi Huynh, EAP coordinator",
])
def test_loi_before_a_vietnamese_family_name_is_a_person_not_a_law(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", [
    "Dear Dr. Okonjo, thank you",
    "Hello Prof Wierzbicka",
])
def test_a_title_with_a_name_after_it_is_still_refused(text):
    assert "name" in _kinds(text)
