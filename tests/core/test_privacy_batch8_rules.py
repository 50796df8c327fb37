"""General rules added when blind batch 8 was fixed against, sentences of each form per rule (written for
these tests, not taken from the labelled set): the personal form is refused, the clean form passes."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import kinds_found as _kinds
from trialfind.core.privacy import find_personal_data
from trialfind.core.privacy_compound_words import is_compound_word

# -- emails with "at" and "dot" in other languages, or bracketed symbols -----------------------------

@pytest.mark.parametrize("text", [
    "petr.dvorak zavináč posta tečka cz", "napiš na eva_k zavinac seznam tecka cz",
    "írj: kovacs.anna kukac freemail pont hu", "kontakt: jonas punkt meyer ät web punkt de",
    "min mejl: sara snabel-a telia punkt se", "adres: ola.nowak małpa onet kropka pl",
    "kirjoita: aino piste virtanen miukumauku posti piste fi", "mail tom_r [@] proton [.] me",
    "rosa.lim {at} example {dot} ph", "email: dede at sign example dot id"])
def test_emails_with_at_and_dot_words_of_other_languages_are_emails(text):
    assert "email" in _kinds(text)


@pytest.mark.parametrize("text", [
    "Punkt 3 der Aufklärung ist erledigt", "odpověď na dotaz: tečka za větou chybí",
    "see [at] least two scans [.] then decide", "met at the clinic point of care desk"])
def test_at_and_dot_words_in_ordinary_sentences_are_not_emails(text):
    assert "email" not in _kinds(text)


# -- phones spelt out with hundreds, and in more languages ---------------------------------------------

@pytest.mark.parametrize("text", [
    "ring me on oh one six one, four hundred, double two seven", "zero seven nine triple three, eight hundred",
    "chiamami: tre quattro sette, due due nove, otto otto", "bel: nul zes twee vier vijf zeven acht"])
def test_phone_numbers_spelt_out_in_words_are_phones(text):
    assert "phone" in _kinds(text)


@pytest.mark.parametrize("text", [
    "three hundred patients in two arms, one hundred per site", "dose one, then two, then three weeks off",
    "sette pazienti su otto hanno risposto"])
def test_counts_in_words_are_not_phones(text):
    assert "phone" not in _kinds(text)


# -- dates with the day and the year both spelt out ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "she was born on the third of March, two thousand and twelve", "birthday: the ninth of May twenty nineteen",
    "born October the thirtieth, two thousand eight", "he came on the twelfth of July nineteen ninety-nine"])
def test_full_dates_spelt_out_in_words_are_dates(text):
    assert "date" in _kinds(text)


@pytest.mark.parametrize("text", [
    "the first of three cycles in March", "enrolment opened in May two thousand twenty-four",
    "second of June visit was cancelled, not rescheduled"])
def test_ordinals_and_months_without_a_spelt_year_are_not_dates(text):
    assert "date" not in _kinds(text)


# -- initials standing for a person ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Patient R.D.S. tolerated cycle 4 well", "our daughter L.M. started maintenance",
    "paciente A.G.P. con recaída", "T.K. relapsed after the second transplant", "pt. B.N. had grade 2 rash"])
def test_dotted_initials_of_a_patient_are_names(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", [
    "U.S. patients received the drug first", "the E.U. has approved it for children",
    "patient numbers rose in Q.3 reports", "i.e. patients on arm B"])
def test_dotted_abbreviations_are_not_names(text):
    assert "name" not in _kinds(text)


# -- a given name with a case ending after an apostrophe --------------------------------------------------

@pytest.mark.parametrize("text", [
    "Emre'nin kan değerleri düştü", "Zeynep'e ikinci kür verildi", "Ahmet'in annesi bugün aradı",
    "Yusuf'tan haber bekliyoruz"])
def test_given_names_with_a_case_ending_are_names(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", [
    "Ankara'da tedavi sürüyor", "Türkiye'de çalışma başladı", "Novartis'in programı devam ediyor",
    "Hodgkin'in lenfoması tanısı kondu", "FDA'nın onayı bekleniyor"])
def test_places_companies_eponyms_and_acronyms_with_a_case_ending_pass(text):
    assert "name" not in _kinds(text)


# -- national identity numbers by their own words --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "rodné číslo dítěte: 085617/4421", "T.C. kimlik no 31245678902", "CNP 6090817123459",
    "NIK anak 3578014407120003", "KTP ayah: 3201 0923 4567 0001", "CCCD 001209004512"])
def test_national_id_words_before_an_id_shaped_value_are_record_numbers(text):
    assert "record_number" in _kinds(text)


@pytest.mark.parametrize("text", ["NIK staining was negative", "the CNP panel in 2019 showed nothing"])
def test_national_id_words_without_an_id_value_pass(text):
    assert "record_number" not in _kinds(text)


# -- Indonesian, Malay and Filipino addresses ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "alamat: Jl. Kenanga Raya No. 14, Sleman", "tinggal di Jalan Merbau 9, Medan",
    "Gg. Mawar 3, RT 04/RW 11, Depok", "kami di Kec. Tambaksari, Surabaya", "Brgy. Malinta, Valenzuela"])
def test_nusantara_street_and_district_forms_are_addresses(text):
    assert "address" in _kinds(text)


@pytest.mark.parametrize("text", [
    "RT 20 fractions then maintenance", "RT/RW not applicable in this protocol", "Jalan-jalan pagi dianjurkan"])
def test_radiotherapy_and_ordinary_words_are_not_addresses(text):
    assert "address" not in _kinds(text)


# -- family words of Indonesian, Malay, Tagalog and Swahili before a name -----------------------------------

@pytest.mark.parametrize("text", [
    "Sri Wahyuni, ibu dari Bima", "anak saya Gilang demam lagi", "si Joy, anak ni Marites",
    "tatay ni Paolo ang tumawag", "mtoto wangu Baraka amepona"])
def test_names_after_other_languages_family_words_are_names(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("text", [
    "ibu pasien setuju dengan pengobatan", "ayah dari pasien datang pagi ini",
    "anak-anak dengan leukemia dapat ikut"])
def test_family_words_before_ordinary_words_pass(text):
    assert "name" not in _kinds(text)


# -- laws and regulations -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "supplied under Article 126a of Directive 2001/83/EC", "Art. 83 Abs. 1 der Verordnung (EG) Nr. 726/2004",
    "according to Regulation (EU) No 536/2014, Article 2(2)(a)", "Compassionate use per § 21 Abs. 2 Nr. 6 AMG",
    "expanded access under 21 CFR 312.305(b)", "Section 561A of the FD&C Act applies", "art. 37 del Reglamento (UE) 2017/745"])
def test_legal_references_pass(text):
    assert find_personal_data(text) == []


def test_a_legal_reference_does_not_hide_a_personal_number_beside_it():
    assert "record_number" in _kinds("under Article 83, patient MRN 40917733 was enrolled")


# -- ordinary words of Romanian, Vietnamese and German clinical text -----------------------------------------

@pytest.mark.parametrize("text", [
    "După 2 cicluri, neutrofile 800/µL, doza a fost redusă.", "Trong 3 tuần đầu, bé bị sốt nhẹ và mệt.",
    "Sau khi truyền, tiểu cầu 45.000/µL.", "Therapieunterbrechung wegen Mukositis Grad 3",
    "Krankenhausaufenthalt von 5 Tagen nach Zyklus 2"])
def test_clinical_sentences_of_other_languages_pass(text):
    assert "name" not in _kinds(text)


@pytest.mark.parametrize("text", ["Thanh Lan (mẹ của bé) gọi điện hôm qua", "Hüttenbrenner nahm an der Studie teil"])
def test_names_beside_those_words_are_still_names(text):
    assert "name" in _kinds(text)


@pytest.mark.parametrize("word, compound", [
    ("Therapieunterbrechung", True), ("Krankenhausaufenthalt", True), ("Wolfensberger", False),
    ("Zimmermann", False), ("Lichtenstein", False)])
def test_compound_nouns_are_told_from_compound_surnames(word, compound):
    assert is_compound_word(word) is compound
