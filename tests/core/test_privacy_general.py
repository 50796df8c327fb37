"""The privacy screen's general rules, one sentence of each form per rule (written for these tests,
not taken from the labelled set): the personal form is refused, the clean form passes."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.core.privacy_kinds import kinds_found as _kinds
from tests.core.uncased_cues import find_reading_cues_alone
from trialfind.core.privacy import find_personal_data, screen_fields
from trialfind.core.privacy_scripts import UNCASED_EXPLANATION, UNCASED_RUN
from trialfind.core.privacy_text import normalise
from trialfind.core.privacy_uncased import EXPLANATION as CUE_EXPLANATION
from trialfind.core.privacy_unknown_names import INSTEAD
from trialfind.core.privacy_vocabulary import is_known_word, is_place_phrase

# -- normalisation ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["synthetic: write to ｋｏｆｉ．ｍｅｎｓａｈ＠ｇｍａｉｌ．ｃｏｍ",
                                  "synthetic: kofi\u200b.mensah@\u200bgmail.com",
                                  "synthetic: kofi.mensah﹫gmail。com",
                                  "synthetic: kofi at gmаil dot com",          # a Cyrillic "а"
                                  "synthetic: ring ０７７００ ９００１２３"])
def test_full_width_invisible_and_look_alike_characters_do_not_hide_contacts(text):
    assert _kinds(text) & {"email", "phone"}


def test_normalised_spans_point_back_into_the_text_as_typed():
    text = "note: z\u200bo\u200be@mail.com then"
    normal, origin = normalise(text)
    assert "\u200b" not in normal and len(origin) == len(normal)
    finding = find_personal_data(text)[0]
    assert text[finding.start:finding.end].replace("\u200b", "") == "zoe@mail.com"


# -- identity and record numbers ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "DNI 71234598Z on the form", "NIE Y7654321G", "CPF 987.654.321-00", "CNPJ 98.765.432/0001-10",
    "OHIP 9876-543-210-XY", "carte vitale 2 09 11 13 055 123 45", "PESEL 09281304567", "BSN 987654321",
    "personnummer 20121130-1234", "codice fiscale VRDLGU09S12F205Z", "NIR 2 11 03 69 123 456 78",
    "Aadhaar 9876 5432 1098", "passport no. X9876543", "pasaporte PAA123456", "patient ID 77-3312-90",
    "Patient No. 0048812", "patient # 4471290", "ihi 8003 6012 3456 7890", "患者番号 00482913",
    "Medicare 4123 56789 1", "tessera sanitaria 80380000123456789012", "numéro de sécu 2091113055123"])
def test_id_cue_words_of_many_countries_before_an_id_shaped_value_are_record_numbers(text):
    assert "record_number" in _kinds(f"synthetic: {text}")


@pytest.mark.parametrize("text", [
    "EudraCT 2019-004561-33 is the trial's European number", "patient 2 of 12 in the cohort",
    "doses of 100 200 300 mg were tested", "Medicare coverage starts in 2027", "passport photos for travel",
    "a 1,500,000 unit dose", "version 3.2.1 of the form", "the 2024 2025 2026 budgets"])
def test_counts_years_versions_and_trial_numbers_are_not_record_numbers(text):
    assert "record_number" not in _kinds(f"synthetic: {text}")


# -- addresses ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ul. Długa 44/12, 80-827 Gdańsk", "Rua das Flores 120, 4050-262 Porto", "Avenida Paulista 900, 01310-100",
    "Vasagatan 7, 111 20 Stockholm", "Herengracht 12, 1015 BN Amsterdam", "Calle Mayor 14, 28013 Madrid",
    "Via Roma 8, 10121 Torino", "Bahnhofstraße 3a, 80335 München", "12 rue des Lilas, 69003 Lyon",
    "Plot 22, Sector 7, Noida", "〒060-0001 北海道札幌市中央区北1条西2丁目", "大阪市北区梅田3-1-1",
    "Jernbanegade 4, 8000 Aarhus", "P.O. Box 4412, Nairobi", "CEP 20040-002", "2-5-1 Ebisu, Shibuya-ku",
    "Yeoksam-dong, Gangnam-gu, Seoul"])
def test_street_and_postcode_shapes_of_many_countries_are_addresses(text):
    assert "address" in _kinds(f"synthetic: {text}")


@pytest.mark.parametrize("text", ["Spring 2025 enrolment", "2024 CT scan of the chest", "Room 4, bed 2 on the ward",
                                  "12 cycles over 2 years", "Hamburg 2019 cohort results", "Street 9 of the map",
                                  "Grade 3-4-5 Toxicity", "cycles 1-2-3 Day 8"])
def test_counts_rooms_and_years_are_not_addresses(text):
    assert "address" not in _kinds(f"synthetic: {text}")


# -- dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "urodzona 3 kwietnia 2016", "nata il 4 marzo 2015", "nacido el 9 de julio de 2014", "geboren am 2. Juni 2013",
    "née le 30 novembre 2012", "nascido em 5 de maio de 2011", "2016年3月4日生まれ", "2014년 7월 9일",
    "född 12 augusti 2015", "relapse on 7.4.2025", "scan 2025.04.07", "born 4/7/16", "18 okt 2019 biopsy",
    "Fecha de nacimiento: 04/07/2016"])
def test_full_dates_in_many_languages_and_forms_are_dates(text):
    assert "date" in _kinds(f"synthetic: {text}")


@pytest.mark.parametrize("text", ["diagnosed in marzo 2024", "relapse in June 2025", "seit Mai 2023 in Therapie",
                                  "treated 2019-2021", "cycle 3 day 8"])
def test_a_month_and_year_or_a_range_of_years_is_not_a_date(text):
    assert "date" not in _kinds(f"synthetic: {text}")


# -- names with no cue ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Nomvula Khumalo started the second cycle", "Chukwuemeka Obi-Nwosu is waiting for the decision",
    "Forwarded to Siobhán Ní Bhriain at the company", "Marie-Ève Tremblay-Gagnon, 9 ans, en rechute",
    "Min-jun Lee is the third child at our site", "the sibling donor ngozi okonkwo was a match",
    "Kwabena tolerated the loading dose", "the team discussed Tariku at length",
    "Esperanza, the patient's aunt, signed the consent", "Journey relapsed in March",
    "Wren has been on larotrectinib since June"])
def test_names_no_list_holds_are_refused_by_their_shape_or_slot(text):
    assert "name" in _kinds(f"synthetic: {text}")


@pytest.mark.parametrize("text", [
    "Systemic Lupus Erythematosus", "Polymyalgia Rheumatica", "Hospital Universitario La Paz Carlos Haya",
    "Fundación Josep Carreras contra la Leucemia", "Les Laboratoires Servier", "Gedeon Richter",
    "Instituto Nacional de Pediatría", "Hypogonadotropic Hypogonadism", "Tovorafenib Monotherapy",
    "Shockwave Lithotripsy", "Buenos Aires site opened", "Leucovorin had to be added",
    "Disease relapsed in the marrow", "the Phase 2 Expansion Cohort"])
def test_terms_drugs_places_and_institutions_named_after_people_pass(text):
    assert "name" not in _kinds(text)


def test_a_name_refusal_says_what_to_write_instead_and_never_echoes_the_name():
    with pytest.raises(Exception) as refused:
        screen_fields({"notes": "Nomvula Khumalo started the second cycle"})
    message = str(refused.value)
    assert INSTEAD in message and "Nomvula" not in message and "Khumalo" not in message


def test_the_vocabulary_knows_words_stems_terms_and_whole_place_names_but_not_surnames_that_are_towns():
    assert all(is_known_word(w) for w in ("relapse", "Dinutuximab", "Palbociclib", "Erythematosus", "marzo",
                                          "Overexpression", "Malignancies"))
    assert not any(is_known_word(w) for w in ("Dlamini", "Adeyemi-Bakare", "Khumalo"))
    assert is_place_phrase("São Paulo") and not is_known_word("Martinez")   # a town of 37,000, and a surname


# -- scripts other than Latin: Cyrillic and Greek names refused; scripts without capitals refused, a name
# read from its cues with a message naming it --

@pytest.mark.parametrize("text", ["synthetic: отец — Иван Петров", "synthetic: Κώστας Παπαδόπουλος called"])
def test_cyrillic_and_greek_names_are_refused_with_a_plea_for_latin_letters(text):
    findings = find_personal_data(text)
    assert findings and "Latin letters" in findings[0].explanation


@pytest.mark.parametrize("text", ["synthetic: 母亲王芳同意", "synthetic: 박지민 어머니", "synthetic: אבא של הילד: דוד כהן"])
def test_a_cued_name_in_a_script_without_capitals_is_refused_and_the_message_says_why(text):
    assert CUE_EXPLANATION in {f.explanation for f in find_personal_data(text)}


@pytest.mark.parametrize("text", ["synthetic: 患者对克唑替尼有部分缓解", "synthetic: 환자는 부분 반응을 보였다",
                                  "synthetic: بیمار به درمان پاسخ داد"])
def test_clinical_text_in_a_script_without_capitals_is_no_name_to_the_cue_reader_yet_is_refused(text):
    # Product decision (privacy_scripts.READ_UNCASED_BY_CUES_ALONE): the cue reader missed a quarter of
    # the personal strings of a fresh blind batch in these scripts, so the rest of the text is refused too;
    # Arabic, Hebrew and Hindi words proven ordinary one by one are the exception (Persian is not read so).
    assert not find_reading_cues_alone(text)
    assert {f.explanation for f in find_personal_data(text)} == {UNCASED_EXPLANATION}


@pytest.mark.parametrize("text", ["synthetic: المريض استجاب للعلاج", "synthetic: استجابة جزئية بعد دورتين"])
def test_arabic_clinical_text_proven_ordinary_word_by_word_passes(text):
    assert not find_reading_cues_alone(text)
    assert find_personal_data(text) == []


@pytest.mark.parametrize("text", [
    "synthetic: আমার ছেলে রাহুল দাস, বয়স ৬",    # Bengali: my son Rahul Das, age 6 (blind batch 20 let it through)
    "synthetic: என் மகள் பிரியா",                # Tamil
    "synthetic: ჩემი ქალიშვილი ნინო",            # Georgian
    "synthetic: ልጄ አበበ",                         # Ethiopic (Amharic)
    "synthetic: درخواست پس از ۳ هفته رد شد",     # Persian, Arabic script
    "synthetic: Իմ որդին Արամ",                   # Armenian: cased, but no rule reads it
    "synthetic: ਮੇਰਾ ਪੁੱਤਰ ਹਰਪ੍ਰੀਤ",                # Gurmukhi
    "synthetic: ကျွန်ုပ်၏သား",                      # Myanmar
])
def test_every_script_the_screen_does_not_read_is_refused_not_only_the_listed_ones(text):
    findings = find_personal_data(text)
    assert findings and {f.explanation for f in findings} <= {UNCASED_EXPLANATION, CUE_EXPLANATION}
    script = text.removeprefix("synthetic: ")
    assert UNCASED_RUN.search(script)  # the bench and the labelled-set test count it with these scripts


@pytest.mark.parametrize("text", ["synthetic: Nguyễn Thị Lan Anh's oncologist",     # Vietnamese letters: read
                                  "synthetic: Zoë and José"])
def test_latin_letters_of_every_extension_are_read_not_refused_as_another_script(text):
    assert UNCASED_EXPLANATION not in {f.explanation for f in find_personal_data(text)}
    assert find_personal_data(text)  # names, found by the Latin rules


@pytest.mark.parametrize("text", ["synthetic: Grade Ⅲ neutropenia, 50 µg/kg, 38 ℃", "synthetic: Ørsted ﬁlter size 5"])
def test_letter_like_symbols_and_latin_forms_are_not_another_script(text):
    assert UNCASED_EXPLANATION not in {f.explanation for f in find_personal_data(text)}


@pytest.mark.parametrize("text", ["synthetic: TNF-α blockade before γδ T cell infusion",
                                  "synthetic: dose 50 µg/kg, β-thalassemia trait",
                                  "synthetic: partial response after 3 cycles"])
def test_greek_notation_and_latin_text_pass(text):
    assert not find_personal_data(text)


# -- record numbers: a cue touching its value, New Zealand's NHI ------------------------------

@pytest.mark.parametrize("text", ["synthetic: chart #K-20931-4 attached", "synthetic: NHI QRT8841",
                                  "synthetic: NHI no. PLM4410 on the form"])
def test_a_record_cue_before_an_id_shaped_value_is_a_record_number(text):
    assert "record_number" in _kinds(text)


@pytest.mark.parametrize("text", ["synthetic: the NHI lists her condition", "synthetic: see chart notes from cycle 2"])
def test_the_cue_word_alone_is_not_a_record_number(text):
    assert "record_number" not in _kinds(text)


# -- phone numbers spelt out in words ---------------------------------------------------------

@pytest.mark.parametrize("text", ["synthetic: call four one five, two two oh, nine eight seven six",
                                  "synthetic: ring oh two, triple-seven, one four six eight",
                                  "synthetic: llamar al seis uno dos, tres cuatro cinco, seis siete"])
def test_a_phone_number_spelt_in_digit_words_is_a_phone(text):
    assert "phone" in _kinds(text)


@pytest.mark.parametrize("text", ["synthetic: two or three cycles, then one more if stable",
                                  "synthetic: four of six children had grade two nausea"])
def test_a_few_number_words_in_a_sentence_are_not_a_phone(text):
    assert "phone" not in _kinds(text)


# -- other languages: common words are not names; names among them still are ------------------

@pytest.mark.parametrize("text", [
    "synthetic: Stabilizacja choroby po 4 cyklach, bez istotnych powikłań.",
    "synthetic: Tam yanıt alındı, yan etkiler hafif seyretti.",
    "synthetic: Stabil sykdom etter fire kurer, lite kvalme.",
    "synthetic: Stabil sjukdom efter fyra kurer, lätt illamående.",
    "synthetic: Ổn định bệnh sau 4 chu kỳ, không có tác dụng phụ nặng.",
    "synthetic: Стабилизация заболевания после четырёх циклов, тошнота 1 степени.",
    "synthetic: Σταθερή νόσος μετά από 4 κύκλους, ήπια ναυτία.",
    "synthetic: Leichte Übelkeit nach dem zweiten Zyklus, sonst gut vertragen."])
def test_clinical_sentences_in_other_languages_pass(text):
    assert not find_personal_data(text)


@pytest.mark.parametrize("text", [
    "synthetic: Stabilizacja choroby po 4 cyklach, pacjentka Agnieszka Wiśniewska czuje się dobrze.",
    "synthetic: Tam yanıt alındı, Mehmet Yılmaz ilacı iyi tolere etti.",
    "synthetic: Стабилизация заболевания после четырёх циклов, Смирнова переносит лечение хорошо.",
    "synthetic: Стабилизация заболевания после четырёх циклов, мама анна согласна.",
    "synthetic: Σταθερή νόσος μετά από 4 κύκλους, ο Γιώργος είναι καλά.",
    "synthetic: Leichte Übelkeit nach dem zweiten Zyklus, laut Dr. med. Schneider gut vertragen.",
    "synthetic: г. Казань, ул. Тихая",
    "synthetic: Müller hat den dritten Zyklus gut vertragen, leichte Übelkeit."])
def test_names_inside_sentences_of_other_languages_are_still_refused(text):
    assert "name" in _kinds(text) or "address" in _kinds(text)


@pytest.mark.parametrize("text", ["synthetic: 两个周期后病情稳定", "synthetic: 2주기 후 안정"])
def test_clinical_sentences_in_scripts_without_capitals_are_no_names_to_the_cue_reader(text):
    assert not find_reading_cues_alone(text)
    assert find_personal_data(text)


# -- cues the screen reads in lower case, brackets and particles -------------------------------

@pytest.mark.parametrize("text", [
    "synthetic: Rosa and Iris (twins) started the same arm", "synthetic: Hazel and Ruby, the twins, are stable",
    "synthetic: thanks to amara on the access desk", "synthetic: medico: dott. giulia ferri",
    "synthetic: enfermera: dra. lucia paredes", "synthetic: contact was k. van den Heuvel",
    "synthetic: Ana de la Fuente signed for the family", "synthetic: Ahmad bin Yusof consented",
    "synthetic: Chidera Okonjo (mum) called the sponsor", "synthetic: Tomasz Wrona (the patient's father) agreed",
    "synthetic: folder Q7734521 at the clinic", "synthetic: born on New Year's Day 2017",
    "synthetic: Sky Tamihana-Whareaitu"])
def test_lower_case_bracketed_and_particle_cues_mark_a_name_or_number(text):
    assert _kinds(text) & {"name", "record_number", "date"}


@pytest.mark.parametrize("text", [
    "synthetic: Drottning Silvias barnsjukhus, Göteborg", "synthetic: referred to Rio de Janeiro for surgery",
    "synthetic: thanks to the access team", "synthetic: Informed Consent (Parent) form signed",
    "synthetic: file 2024 protocol amendment", "synthetic: born at term, 3.2 kg"])
def test_the_same_cues_around_ordinary_words_pass(text):
    assert not find_personal_data(text)


def test_importing_the_screen_and_screening_english_text_load_no_word_frequency_list():
    """The lists are read for text in another language only: every command imports the screen."""
    code = ("import sys; from trialfind.core.privacy import find_personal_data; "
            "find_personal_data('Partial response after 3 cycles of dinutuximab, grade 2 pain'); "
            "print('wordfreq' in sys.modules); "
            "find_personal_data('Delvis respons etter fire kurer, ingen alvorlige bivirkninger.'); "
            "print('wordfreq' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]
