"""The classes blind batch 9 exposed, with invented examples (none is a labelled row): handles and personal
links, licence plates, a patient's room or bed, a relative known by a public role, names where only a person
stands, house numbers, Indonesian dates and birth words, at/dot words of other languages, and the clean text
beside each (a measurement's "@", agency sites, the date of a decree, clinical sentences of other languages)."""
from __future__ import annotations

import pytest

from trialfind.core.privacy import KINDS, find_personal_data


def _kinds(text: str) -> set[str]:
    return {f.kind for f in find_personal_data(text)}


@pytest.mark.parametrize("text", [
    "find us on ig @little_warrior_tomas",
    "Snapchat: @kaylee.h2016",
    "@RuairiStrong2 posts updates",
    "our page: instagram.com/teamamelie_fights",
    "tiktok.com/@noah.vs.nbl",
    "https://www.gofundme.com/f/bring-lucas-home",
    "justgiving.com/fundraising/ellas-big-walk",
    "caringbridge.org/visit/sebastianmorrow",
    "profile at linkedin.com/in/hanna-oksanen-rn",
    "x.com/MamaOfMilo",
])
def test_handles_and_personal_links_are_refused_as_handles(text):
    assert "handle" in _kinds(text)


@pytest.mark.parametrize("text", [
    "platelets 45 @ day 8",
    "dose @ 1.5 mg/m2 weekly",
    "infused @ 50 mL/h",
    "@home nursing visits twice a week",
    "see https://clinicaltrials.gov/study/NCT04567890 for sites",
    "www.roche.com/solutions/expanded-access",
    "FDA guidance at fda.gov/media/85675/download",
])
def test_measurements_and_company_or_agency_links_pass(text):
    assert find_personal_data(text) == []


def test_handle_is_a_kind():
    assert "handle" in KINDS


@pytest.mark.parametrize("text", [
    "licence plate KL 77 ZPT on the blue car",
    "Kennzeichen M-AB 2047",
    "matrícula 4821 KMD",
    "kenteken 12-XJG-7",
    "targa FB 482 TR",
])
def test_licence_plates_after_a_plate_word_are_refused(text):
    assert find_personal_data(text)


@pytest.mark.parametrize("text", ["platelet transfusion 2 units", "96-well plate 3 washes", "Platelets 120 x10^9/L",
                                  "the tumour board meets in room 204", "store at room temperature 15-25 C"])
def test_plate_and_room_like_clinical_text_passes(text):
    assert find_personal_data(text) == []


@pytest.mark.parametrize("text", [
    "bed 12 on the oncology ward",
    "the girl in room 305 has a fever",
    "Patientin im Zimmer 14",
    "niña en habitación 9",
])
def test_a_patients_room_or_bed_is_refused(text):
    assert find_personal_data(text)


@pytest.mark.parametrize("text", [
    "son of the deputy mayor of the town",
    "a boy whose mother is the village headteacher",
    "Tochter der Bürgermeisterin",
    "the daughter of the only dentist in Ballymore",
])
def test_a_relative_known_by_a_public_role_is_refused(text):
    assert find_personal_data(text)


@pytest.mark.parametrize("text", [
    "daughter of the patient signed the form",
    "the mother of the patient consented",
    "the father is the legal guardian",
])
def test_relatives_of_the_patient_pass(text):
    assert find_personal_data(text) == []


@pytest.mark.parametrize("text", [
    "ask for Bartosz, he handles shipments",
    "the MSL, Okafor-Blessing, replied fast",
    "per Tavita L., the pharmacy is ready",
    "KT Vandermolen-Asher (PI)",
    "ayah dari ananda Raka Pratama",
])
def test_names_where_only_a_person_can_stand_are_refused(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", ["ask for IRB approval first", "per Protocol B.", "the sponsor, Novartis, agreed"])
def test_the_same_cues_before_a_thing_pass(text):
    assert find_personal_data(text) == []


@pytest.mark.parametrize("text", [
    "Moi Avenue, plot no. 14, Mombasa",
    "Str. Florilor nr. 22, bl. C2, ap. 7, Iași",
])
def test_house_numbers_and_romanian_flats_are_addresses(text):
    assert "address" in _kinds(text)


@pytest.mark.parametrize("text", [
    "lahir 3 Maret 2016",
    "tarikh lahir: 12 Ogos 2014",
    "ngày sinh 04/05/2015",
    "doğum tarihi 9 Mayıs 2017",
])
def test_other_languages_birth_words_and_months_give_dates(text):
    assert "date" in _kinds(text)


@pytest.mark.parametrize("text", [
    "thu.trang.le a còng gmail chấm com",
    "ivan.petrov собака mail точка ru",
])
def test_at_and_dot_words_of_other_languages_give_emails(text):
    assert "email" in _kinds(text)


@pytest.mark.parametrize("text", [
    "D.Lgs. 24 giugno 2003, n. 211 sulla sperimentazione clinica",
    "Gesetz vom 24. August 1976 über den Verkehr mit Arzneimitteln",
    "Loi du 4 mars 2002 relative aux droits des malades",
    "ilaç firması ek belge istedi ve onay verdi",
    "pumayag ang doktor pero kailangan ng pahintulot",
])
def test_dated_laws_and_clinical_sentences_of_other_languages_pass(text):
    assert find_personal_data(text) == []
