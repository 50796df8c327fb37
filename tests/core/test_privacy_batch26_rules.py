"""Synthetic variants of the classes blind batches 23 to 26 showed: each personal shape is refused, its near miss
passes. None of these strings is a row of those batches."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import refused as _refused
from trialfind.core.privacy_capitals import in_ordinary_case, is_typed_in_capitals


@pytest.mark.parametrize("synthetic_text", [
    "MATEO FERNÁNDEZ RUIZ - APROBADO",
    "SOFIA-GRACE O'NEILL APPROVED 03/2024",
    "CHIAMAKA OKONKWO-BELL",
    "TOMASZ WÓJCIK, ODMOWA",
    "DOLORES FROM DAY ONE NEVER CALLED BACK",
])
def test_names_typed_in_capitals_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "ANSWERED IN 3 DAYS, GRANTED",
    "DIPG PROGRESSION AFTER RADIOTHERAPY",
    "NEUROBLASTOMA HIGH RISK, MYCN AMPLIFIED",
    "ANTRAG ABGELEHNT",
    "SOLICITUD DENEGADA POR LA EMPRESA",
    "TAK-580 / DAY101",
    "GD2-CART01, CRS GRADE 1",
    "NOVARTIS DENIED THE REQUEST",
    "EMA, BfArM, ANSM",
])
def test_clinical_and_company_text_in_capitals_passes(synthetic_text):
    assert not _refused(synthetic_text)


def test_text_in_capitals_is_recased_without_moving_any_letter():
    text = "KELLY FROM SPRINGWORKS, DAY101 ANTRAG, EMA"
    assert is_typed_in_capitals(text)
    recased = in_ordinary_case(text)
    assert len(recased) == len(text)
    assert recased.startswith("Kelly from ")
    assert recased.endswith("EMA")                       # an acronym, though "Ema" is a given name
    assert "DAY101" in recased
    assert not is_typed_in_capitals("Kai from SpringWorks")
    assert not is_typed_in_capitals("BRAF V600E")         # one word of three letters or more


@pytest.mark.parametrize("synthetic_text", [
    "Kelly from SpringWorks never answered",
    "spoke to Dolores at Bayer twice",
    "Grace from Novartis phoned back",
])
def test_a_given_name_from_a_company_is_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Response from Novartis came in 3 weeks",
    "Approval from Lilly arrived on day 10",
    "Lilly from Eli Lilly",
])
def test_a_word_from_a_company_that_is_no_person_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Lilly (her little sister) brings the diary",
    "Jazz, our son, had grade 1 rash",
    "Merck (my eldest son) keeps the records",
    "Amani, my daughter, is 9",
])
def test_a_name_then_whose_relative_it_is_is_refused_even_if_a_company_or_word(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Yesterday, my son, had a fever",
    "Eli Lilly (my employer) agreed",
    "Lilly (the company) agreed",
])
def test_a_relation_after_an_ordinary_word_or_a_company_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Grandma Ruth drives her to clinic",
    "Grandmother Dolores Finch came along",
    "Aunt Rose signed the consent",
    "Kai, 4",
    "Noor, 11 yo",
    "letter to mr. van der Berg (medical director)",
    "Dr. de la Cruz replied",
])
def test_relatives_ages_and_particle_surnames_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Patient Education materials",
    "Twin Block appliance",
    "Cycle, 4",
    "Grade, 3",
])
def test_titles_and_counts_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "jose luis sent the docs",
    "emailed priya ramanathan about access",
    "contacted marie-claire de la fontaine at medical affairs",
])
def test_full_names_typed_in_lower_case_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "İlaç firması 2 haftada onay verdi",
    "la respuesta de la empresa tardó 3 semanas",
    "dana farber approved the request",
])
def test_other_languages_and_listed_places_in_lower_case_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Mãe enviou os exames para a empresa",
    "Oberärztin der Kinderonkologie hat geschrieben",
    "Doc says keep the dose",
    "Novartis rep said they'd call",
    "Rambam Health Care Campus, Haifa",
    "Hospital Sant Joan de Déu, Barcelona — approved",
])
def test_family_words_titles_contractions_and_hospital_towns_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Mãe Lúcia enviou os exames",
    "Oberärztin Krause rief an",
    "Great Ormond Street Hospital, Emma — my daughter",
    "nurse said okonkwo-bell would call",
])
def test_the_person_beside_those_words_is_still_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Ο ΕΟΦ απέρριψε το αίτημα",
    "Лекарство одобрено ВОЗ",
    "Документы отправлены в ФМБА-у",
    "Ответ от ФМБА получен",
    "Το αίτημα εγκρίθηκε τον Φεβρουάριο 2024",
])
def test_greek_and_cyrillic_acronyms_and_greek_months_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Ο ΝΙΚΟΣ ενέκρινε το αίτημα",
    "Мама АННА звонила",
    "γεννήθηκε στις 12 Μαρτίου 2018",
])
def test_a_given_name_in_capitals_and_a_greek_full_date_are_still_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "FDA granted accelerated approval to dabrafenib on 16 March 2023",
    "EMA approval of larotrectinib: September 19, 2019",
    "The company announced the expanded access program on 2 June 2022",
])
def test_the_public_date_of_a_drug_approval_or_a_programme_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "FDA approval of the request on 3 May 2024",
    "FDA granted approval to our IND on 2024-05-03",
    "Single-patient IND cleared by FDA on 2024-05-03",
    "EMA approval of dabrafenib: 16 March 2023; Emma started on 2 May 2024",
])
def test_a_childs_own_request_dates_are_still_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Ji-hoon Kim called us back",
    "Seo-yeon had grade 1 fatigue",
    "Xiao-ming started on day 3",
    "mum of aarav here, he is 6",
    "dad of lucas m. writing",
])
def test_romanised_hyphenated_given_names_and_a_parent_of_a_named_child_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Non-small cell lung cancer",
    "Follow-up in 3 months",
    "Ki-67 index 40%",
    "mother of two, request approved",
])
def test_hyphenated_words_and_a_parent_of_a_number_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Hope was denied the drug in May",
    "Sunny was granted access after the appeal",
    "Oskarina has been granted compassionate use",
])
def test_a_name_granted_or_denied_access_is_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Koselugo was granted orphan designation",
    "Koselugo was approved for NF1 plexiform neurofibromas.",
    "Access was granted on day 12",
    "Request was denied",
])
def test_a_drug_granted_approval_or_a_request_denied_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", ["Заявка одобрена ФМБА-ом в марте", "Ответ пришёл в мае"])
def test_a_russian_month_in_lower_case_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", ["Мама Марта звонила", "родился 12 марта 2017"])
def test_a_name_spelt_like_a_month_and_a_russian_birth_date_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Ms. Roche, the school nurse, saw the rash",
    "Mr Bayer from the ward called",
    "olga petrenko from the foundation called twice",
    "Obiageli Nwosu emailed us",
])
def test_an_honorific_before_a_company_word_and_names_in_other_shapes_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Roche called back in 3 days",
    "asked about Dr. Larotrectinib, autocorrect meant the drug",
    "someone else from the foundation called",
    "Нейтропения 3 степени по CTCAE",
    "Тромбоцитопения 4 степени",
    "FDA expanded access line 301-796-3400",
    "Tel. Novartis Managed Access Programs: +41 61 324 11 11",
    "Novartis Pharmaceuticals, 1 Health Plaza, East Hanover, NJ 07936",
])
def test_company_words_drugs_after_a_title_russian_terms_and_organisation_lines_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "my expanded access line 301-796-3400",
    "Novartis Pharmaceuticals, 1 Health Plaza, Sofia Grant, NJ 07936",
])
def test_a_persons_line_or_name_beside_an_organisations_details_is_still_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Dr. Takeda replied on Monday",
    "Dr. Pfizer signed the form",
    "Dr. Merck (no relation) was our oncologist",
    "Lilly Nakamura replied within a week",
    "ask for marisol in the access office",
    "spoke to dr. omid farahani on friday",
    "patient id at St. Jude: SJ-2021-00317",
])
def test_a_company_word_as_a_persons_name_the_person_asked_for_and_a_hospitals_patient_id_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Dr. Reddy's Laboratories supplied it",
    "Lilly Oncology replied within a week",
    "Lilly Research Laboratories",
    "de Novo Myelodysplastic Syndromes",
    "Hospital de Pediatría Prof. Dr. Juan P. Garrahan requested the drug.",
    "ask for the medical information line",
    "asked for more data",
])
def test_companies_clinical_phrases_and_named_hospitals_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "the only patient at UCLH with both NF2 and a BRAF fusion",
    "the only paediatric oncologist on the island of Skye saw her",
    "the only 6-year-old with ALK+ neuroblastoma treated at the hospital in Tromsø in 2023",
    "daughter of the former finance minister of Estonia",
    "son of the head of cardiology at Leeds General",
    "the child of the Roche liaison herself",
    "the 12-year-old striker of the Benfica youth team",
    "twin brother of the girl who died in the Ashford bus crash",
    "the 3-year-old in room 14 at the Royal Marsden",
    "our son is the boy from the RTE story about the drug",
])
def test_a_child_singled_out_by_a_description_is_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "the only patient in the cohort with grade 4 toxicity",
    "the only site in the trial that enrolled children",
    "son of a Pfizer chemist",
    "daughter of the head of the department",
    "a 14-year-old goalkeeper with DIPG",
    "the board meets in room 204",
])
def test_clinical_descriptions_and_jobs_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", ["daughter of the village's only vet", "son of the island ferry captain"])
def test_a_relative_holding_the_one_post_in_a_place_is_refused(synthetic_text):
    assert _refused(synthetic_text)


def test_a_places_only_shop_passes():
    assert not _refused("the town's only pharmacy stocks it")


@pytest.mark.parametrize("synthetic_text", [
    "DR NOWAKOWSKA SIGNED THE FORM",
    "Amara (5) tolerated it well",
    "Thandeka from Cipla emailed twice",
    "zara mahlangu age 7 relapsed",
    "Patient ID: GH-PT-1182-ZN",
    "FDA reviewer Anna Koch, 12 Elm Street, Rockville MD 20850",
])
def test_titles_in_capitals_ages_in_brackets_unknown_names_from_a_company_and_lettered_ids_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "DR APPROVED THE DOSE CHANGE",
    "Cycle (6) started",
    "Referred from St. Jude Children's Research Hospital.",
    "Response from Cipla came in 2 weeks",
    "patients age 4 to 12",
    "compny said no bc of liver tox in adluts",
    "We asked Bayer for larotrectinib in Jan 2022",
    "Antrag im Mai 2023 gestellt",
    "FDA, 10903 New Hampshire Ave, Silver Spring MD 20993",
    "protocol ID: AZ-PT-0931",
])
def test_clinical_text_typos_months_before_a_year_and_a_regulators_address_pass(synthetic_text):
    assert not _refused(synthetic_text)


def test_a_given_name_before_a_year_that_is_no_month_is_still_refused():
    assert _refused("Jan started in May 2022")


@pytest.mark.parametrize("synthetic_text", [
    "Jazz got her second dose on Tuesday",
    "Merck is my son's name, funny I know",
    "asked fatima from the access team, no answer",
    "Mevrouw de Vries van Roche belde terug",
    "the 5 yo in Tromsø whose mum is on the town council",
    "Oluwadamilare's Hickman line was replaced",
    "SARAH O'CONNELL, MOTHER",
])
def test_company_words_as_a_child_names_from_a_team_titles_and_owned_devices_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Lilly got approval in May",
    "asked someone from the company",
    "Hodgkin's lymphoma stage II",
    "Hickman line removed",
    "Врач отправил запрос в Новартис",
    "Abteilung Medical Affairs, Tel. 0800 2345678 (Hotline)",
])
def test_company_events_eponyms_companies_in_cyrillic_and_a_named_hotline_pass(synthetic_text):
    assert not _refused(synthetic_text)


def test_a_freephone_number_without_a_line_word_is_still_refused():
    assert _refused("on 0800 123 4567 any time")


@pytest.mark.parametrize("synthetic_text", ["Parkinson's Disease", "Peyronie's disease", "Wilms' tumour"])
def test_possessive_eponyms_of_diseases_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Insurance ID: AETNA QWX551298003",
    "we live on Great Ormond Street, flat 2C",
    "Lilly Cohen said yes",
    "Novartis Sabine 061 324 1111",
])
def test_lettered_insurance_ids_a_home_on_a_named_street_and_a_persons_number_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "asked Dr. Google first, then our oncologist",
    "dr google says it is promising lol",
    "Royal Children's Hospital Melbourne +61 3 9345 5522",
    "SickKids Toronto, 555 University Ave",
    "Pfizer: +1 212 733 2323",
    "Landspítali",
])
def test_dr_google_and_hospitals_switchboards_and_addresses_pass(synthetic_text):
    assert not _refused(synthetic_text)
