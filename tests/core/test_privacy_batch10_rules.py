"""The classes blind batch 10 exposed, with invented examples (none is a labelled row): names typed in lower
case after a role or patient word, title abbreviations of other languages, ids on messaging apps, IP and MAC
addresses, pager and extension numbers, abbreviated insurance and identity words, a child known by a parent's
public role, and the clean text beside each (ordinary words after a role, versions, DOIs, study roles,
charities and foundations)."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import kinds_found as _kinds
from trialfind.core.privacy import KINDS


@pytest.mark.parametrize("text", [
    "pt nowakowska-lind, zofia",
    "patient: brannigan, oisin",
    "pt: tamsin greaves, 9 yrs",
    "MSL was priyanka venkatesan",
    "the nurse is siobhan",
    "contact was rutendo mavhunga from medical affairs",
    "coordinator: dariusz wolanczyk",
    "pt: adebayo-whitfield",
])
def test_lower_case_names_after_a_role_or_patient_word_are_refused(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", [
    "pt was stable overnight",
    "MSL was helpful and quick",
    "the nurse is on leave until Monday",
    "patient: tolerating oral feeds",
    "contact was made with the sponsor",
    "pt receiving second line chemo",
    "coordinator: awaiting reply",
    "pt: post-op day 3, well",
    "patient: non-verbal, settled",
])
def test_ordinary_words_after_a_role_pass(text):
    assert "name" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "Gentile dott.ssa Marchegiani, le scrivo",
    "Caro prof. Bellincioni,",
    "la sig.ra Tortorella ha chiamato",
    "Estimada Dra. Villalobos:",
    "la Sra. Echeverría firmó",
    "a Dr.ª Sampaio respondeu",
    "Chère Mme Lecomte-Rivière,",
    "Pr Vandermeersch a accepté",
    "Sehr geehrte Fr. Brandstätter",
    "Hr. Oberwinkler vom Sponsor",
    "Geachte dhr. Verbeek,",
    "mevr. Dijkhuizen belde terug",
    "mgr Zielińska z działu medycznego",
])
def test_names_after_other_languages_title_abbreviations_are_refused(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", [
    "Pan American Health Organization guidance",
    "ver. 2 of the protocol, Pr 3 of the amendment",
])
def test_title_shaped_words_before_ordinary_words_pass(text):
    assert "name" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "wechat id: lixue_2012",
    "add me on WeChat: mamaxiao88",
    "skype live:oluwaseun.adeyemi",
    "skype: b.jankowska77",
    "Line ID: yui.tanaka0414",
    "KakaoTalk: minjun_appa",
    "discord mira_h#4410",
    "Viber: nguyen.hoa.91",
    "Zalo id thuylinh_hn",
    "QQ 284715590",
])
def test_ids_on_messaging_apps_are_refused_as_handles(text):
    assert "handle" in _kinds(text)


@pytest.mark.parametrize("text", [
    "the family prefers WhatsApp group updates",
    "Skype call with the MSL next week",
    "line of therapy: second",
    "signal of efficacy in the phase 2",
    "Viberect device for erectile dysfunction",
])
def test_messaging_app_words_without_an_id_pass(text):
    assert "handle" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "request came from IP 203.44.17.102",
    "logged from 10.0.4.17",
    "client 2001:db8:85a3::8a2e:370:7334 accessed the form",
    "device MAC 3C:5A:B4:11:9F:E2",
    "router 00-1b-44-11-3a-b7",
])
def test_ip_and_mac_addresses_are_refused(text):
    assert "other" in _kinds(text)
    assert "other" in KINDS


@pytest.mark.parametrize("text", [
    "software v2.4.1 used for dosing",
    "CTCAE 5.0 grade 3",
    "doi 10.1056/NEJMoa2034577",
    "see section 4.2.1.3 of the protocol",
    "infusion at 10:30, repeat at 14:45",
    "MedDRA version 26.1.0.2",
])
def test_versions_dois_sections_and_times_are_not_addresses(text):
    assert _kinds(text) == set()


@pytest.mark.parametrize("text", [
    "pager 6-2291 for the on-call reg",
    "bleep 4417 if urgent",
    "ask for ext. 3389",
    "beeper #5520",
    "Durchwahl -217",
])
def test_pager_and_extension_numbers_are_refused_as_phones(text):
    assert "phone" in _kinds(text)


@pytest.mark.parametrize("text", [
    "open-label extension 104 weeks",
    "extension 2019-2021 approved",
    "page 12 of the protocol",
])
def test_extension_studies_years_and_pages_pass(text):
    assert "phone" not in _kinds(text)


@pytest.mark.parametrize("text", [
    "Versichertennr. B772910365",
    "Vers.-Nr. 4471 2290 115",
    "KV-Nr. X918273645",
    "SV-Nr. 1234 150711",
    "AHV-Nr. 756.1234.5678.97",
    "NSS 28 1234567890",
    "tessera sanitaria 80380001200123456789",
])
def test_abbreviated_insurance_and_identity_words_before_an_id_are_refused(text):
    assert "record_number" in _kinds(text)


def test_insurance_words_without_an_id_pass():
    assert _kinds("KV-Nr. und Versichertennr. bitte nicht angeben") == set()


@pytest.mark.parametrize("text", [
    "the boy from Carrickmacross whose mum is the head coach, 8yo",
    "toddler in Llanberis whose father is the vicar",
    "son of the village imam, relapsed AML",
    "whose dad is the owner of Murphy's Bakery",
    "daughter of the principal of the school",
])
def test_a_child_known_by_a_parents_public_role_is_refused(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", [
    "son of the principal investigator",
    "the mother of the patient called",
    "whose father is the legal guardian",
    "daughter of the study coordinator",
])
def test_study_roles_and_plain_kin_pass(text):
    assert _kinds(text) == set()


@pytest.mark.parametrize("text", [
    "Österreichische Kinderkrebshilfe",
    "Stiftung Kinderkrebsforschung Schweiz",
    "Elterninitiative Krebskranker Kinder e.V.",
    "Förderverein Kinderonkologie Nord",
    "Childhood Cancer Support Association",
    "Stichting Kinderen Kankervrij",
    "Fundación Josep Carreras",
])
def test_charities_and_foundations_read_as_organisations(text):
    assert _kinds(text) == set()
