"""Synthetic variants of the classes blind batches 37 to 40 showed: each personal shape is refused, its near miss
passes. None of these strings is a row of those batches."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import found as _found
from tests.core.privacy_kinds import refused as _refused
from trialfind.core.given_names import is_english_word, is_romanised_given_name
from trialfind.core.privacy import find_personal_data


@pytest.mark.parametrize("synthetic_text", [
    "so dr patel (peds onc) called back",
    "dr. sloan said the company agreed",
    "doc nguyen thinks we should wait",
    "dr okonkwo-bassey signed the form",
    "dr mehta (anika) sent the letter",
])
def test_surnames_after_a_lower_case_doctor_title_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "dr said wait two weeks",
    "dr visit on friday went fine",
    "dr ortho review next month",
    "dr heme cleared the dose",
    "dr google is not a doctor",
    "dr explained the side effects",
    "the nurse coordinated the shipment with the pharmacy",
    "doctor recommended the lower dose",
    "so the doc emailed the company on friday",
    "doc texting us the update",
])
def test_verbs_clinic_words_and_terms_after_dr_pass(synthetic_text):
    assert not _refused(synthetic_text)


def test_webster_spells_co_before_a_vowel_with_a_diaeresis():
    assert is_english_word("coordinated") and is_english_word("cooperative") and is_english_word("coinvestigator")
    assert not is_english_word("costanza") and not is_english_word("coetzee")


@pytest.mark.parametrize("synthetic_text", [
    "study coordinator marie-claire from the sponsor called",
    "company rep anneliese never wrote back",
    "spoke w/ fatima @ novartis, very helpful",
    "talked w/ giulia at the company",
    "hi again, it's park seo-yeon's mom",
])
def test_lower_case_names_after_a_post_a_short_with_or_owning_a_relative_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "study coordinator called twice",
    "company rep said no",
    "spoke w/ medical info, they need the form",
    "ha-ha, finally an answer",
])
def test_the_same_slots_without_a_name_pass(synthetic_text):
    assert not _refused(synthetic_text)


def test_romanised_names_need_two_different_syllables():
    assert is_romanised_given_name("ji-woo") and is_romanised_given_name("Mei-Ling")
    assert not is_romanised_given_name("so-so") and not is_romanised_given_name("follow-up")


@pytest.mark.parametrize("synthetic_text", [
    "me llamo lucía y mi hijo tiene DIPG",
    "je m'appelle Amandine, la maman",
    "ich heiße tobias, der vater",
    "valentina, mi hija, tiene 4 años",
    "mon fils noah a eu une réponse partielle",
    "minha filha beatriz recebeu o remédio",
    "mijn dochter sanne kreeg de eerste dosis",
])
def test_names_introduced_in_other_languages_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "mi hija tiene 4 años y recibió el fármaco",
    "mon fils va mieux depuis mars",
    "min dotter mår bättre",
    "meine Tochter hat keine Nebenwirkungen",
    "mi hijo con DIPG, rechazado por la empresa",
])
def test_the_same_kin_words_without_a_name_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Lilly is 7 and her ALK is rearranged",
    "Lilly turned 9",
    "Forwarded to Tom Roche, who handles the program",
    "Emailed to Sara Merck last week",
    "Anja Bayer said no",
    "Sloan Ashby (mum) will sign",
])
def test_company_words_as_a_childs_age_a_surname_or_with_a_family_role_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Lilly is 10 days late with the paperwork",
    "Roche is 2 weeks behind",
    "Forwarded to Roche, who handles the program",
    "Sent to Eli Lilly last week",
    "Will Roche answer this month?",
    "Memorial Sloan Kettering (parent) site",
])
def test_companies_doing_company_things_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Sponsor's EAP hotline 1-800-555-0178",
    "Bayer EAP line +49 214 30 1",
    "Pfizer EAP line +1 212 733 2323",
    "the company's hotline +41 61 324 11 11",
])
def test_organisations_lines_by_their_eap_words_or_an_ordinary_owner_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Dr Okafor's EAP line +41 61 324 11 11",
    "Maria's hotline +41 61 324 11 11",
    "my EAP line +41 61 324 11 11",
])
def test_lines_a_person_owns_are_refused(synthetic_text):
    assert _refused(synthetic_text)


def test_a_record_number_said_where_it_is_held_is_refused():
    found = _found("Our chart number at the clinic is 77-31022-B, for reference")
    assert len(found) == 1 and found[0].endswith("number at the clinic is 77-31022-B")
    assert _refused("file number 77-31022-B")
    assert not _refused("lot number at the pharmacy is 77-31022-B")


@pytest.mark.parametrize("synthetic_text", [
    "the surgeon who is married to the hospital CEO",
    "our nurse, the husband of the clinic director",
])
def test_a_spouse_of_the_one_person_in_a_post_is_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "married to a nurse, works nights",
    "we are married to the idea of trying",
])
def test_marriage_without_a_post_passes(synthetic_text):
    assert not _refused(synthetic_text)


# -- classes blind batches 41 and 42 showed ------------------------------------------------------------------------

@pytest.mark.parametrize("synthetic_text", [
    "Bayer patient access line 1-888-555-0144",
    "patient services line 1-866-555-0123",
    "parent company hotline 1-800-555-0161",
    "@DayOneBio shared the program page",
    "@NovartisUS replied to the thread",
])
def test_company_services_and_accounts_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "the patient's own line 1-888-555-0144",
    "@EmmaDayOne posted the update",
    "Gilead Abebe from medical affairs said no",
    "Jazz Okonjo (nurse) sent the forms",
])
def test_the_same_shapes_owned_by_a_person_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Gilead Sciences said yes",
    "Bayer Leverkusen said nothing about it",
    "Jazz (sponsor) said the drug ships Monday",
])
def test_company_names_with_their_own_words_pass(synthetic_text):
    assert not _refused(synthetic_text)


# -- classes blind batches 43 and 44 showed ------------------------------------------------------------------------

@pytest.mark.parametrize("synthetic_text", [
    "Oberarzt Kinderhämatologie hat angerufen",
    "Oncólogo tratante envió la carta",
    "our doctor emailed the sponsor twice",
    "Bệnh viện Nhi Đồng 1, Hà Nội",
    "RS Kanker Dharmais, Jakarta",
    "Лікарня ОХМАТДИТ, Київ",
    "Νοσοκομείο Παίδων «Αγία Σοφία»",
    "National Cancer Center Hospital, 5-1-1 Tsukiji, Chuo-ku, Tokyo",
    "Hôpital Necker-Enfants malades, 149 rue de Sèvres, 75015 Paris",
    "Горячая линия компании: 8-800-200-02-00",
    "tổng đài bệnh viện 028 3841 2637",
    "fax to the sponsor: +41 61 324 11 11",
    "MHRA EAMS number 23456/0002",
    "Roche did well this quarter",
    "Novartis, our sponsor, agreed",
])
def test_posts_hospitals_and_organisation_lines_of_other_languages_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Oberärztin Baumgartner hat angerufen",
    "Our flat: 2-8-4 Koenji Minami, Suginami, Tokyo",
    "мой номер 8-912-555-35-35",
    "fax to my home: +41 61 555 11 11",
    "Daughter Wakanda-Lee had her scan",
    "Lilly is doing great on the capsules",
    "Lilly, our 6yo, started the drug",
    "anak saya dewi sudah dapat obatnya",
    "oğlum emre ilacı aldı",
    "the boy whose mum owns the village shop",
])
def test_the_same_shapes_naming_a_person_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "dosed 1-2-3 Monday",
    "12-11-23 Approved",
    "dad works in a shop near the clinic",
])
def test_near_misses_of_those_shapes_name_no_address_or_description(synthetic_text):
    assert not any(f.kind in ("address", "other") for f in find_personal_data(synthetic_text))


def test_a_title_case_kin_word_before_a_known_word_passes():
    assert not _refused("Mother Superior signed nothing")


# -- classes blind batches 45 and 46 showed ------------------------------------------------------------------------

@pytest.mark.parametrize("synthetic_text", [
    "Pt. # 00417265, Texas Children's",
    "participant ID on the study: 0117-204",
    "tiktok: lucia.fuerte.2019",
    "Wren Okonkwo, father, signed the consent",
    "Hope (the study nurse) emailed us",
    "Врач Пушкин сказал, что ответа нет",
])
def test_ids_handles_and_names_with_a_role_beside_them_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "fb: example.org",
    "account: v2.0 portal",
    "trial ID: 0117-204",
    "we were seen at La Paz in Madrid",
    "flew to Santa Cruz for the scan",
    "Children's Oncology Group, 222 E Huntington Dr, Monrovia CA",
    "le numéro vert du laboratoire : 0 800 00 12 34",
    "Hacettepe Üniversitesi",
    "Лечились в Москве, ответа от компании нет",
    "Лікарня ОХМАТДИТ, Київ",
    "Anaplastic Astrocytoma (the patient) progressed",
    "Oncology (the nurse coordinator) called back",
])
def test_sites_trial_ids_places_and_terms_in_those_shapes_pass(synthetic_text):
    assert not _refused(synthetic_text)


# -- classes blind batches 47 and 48 showed ------------------------------------------------------------------------

@pytest.mark.parametrize("synthetic_text", [
    "Grace Hoffmann started the first cycle on day 3",
    "Nurse Lilly faxed the consent",
    "gitlab.com/akowalska/treatment-log",
    "our daughter is the girl who was on the Leeds evening news in June",
    "our son is the boy in the Tulsa World article on larotrectinib",
    "we're the family behind the bake sale fundraiser at Hollis Park",
])
def test_company_word_names_code_host_pages_and_news_stories_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Merck started the first cycle of the phase 2 study",
    "github.com/orgs/nci-ccdi/repositories",
    "we read the New England Journal article on larotrectinib",
    "the family with the bake sale in December",
    "Il dott. del reparto ha inviato tutto",
    "dr. selumetinib worked wonders lol",
    "Charité – Universitätsmedizin Berlin, Augustenburger Platz 1, 13353 Berlin",
    "Hacettepe Üniversitesi Tıp Fakültesi Çocuk Onkoloji",
])
def test_studies_organisations_articles_and_terms_in_those_shapes_pass(synthetic_text):
    assert not _refused(synthetic_text)


# -- classes blind batches 49 and 50 showed ------------------------------------------------------------------------

@pytest.mark.parametrize("synthetic_text", [
    "Ms. Roche-Whitaker (neighbour) drove us",
    "Фамилия пациента: Сидоров, 2015 г.р.",
    "La Dra. Lucía Paredes del Hospital Infantil nos ayudó",
    "the twin sons of the mayor of Bergamo",
    "the daughter of the Kenyan ambassador in Oslo",
    "Tran Thi Mai",
    "my blog: www.ourfightwithlena.nl",
    "the brave girl, Amara, rang the bell",
    "CONTACT: DR. YUSUF AL-RASHEED",
    "LEE SEO-YEON",
])
def test_names_in_these_shapes_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Mr. Nobody answered, lol",
    "reqest went thru on 2nd try",
    "hospital main desk 0800 123 456",
    "company HQ: 235 East 42nd Street, New York",
    "Ларотректиниб 100 мг/м² два раза в день",
    "dans le van blanc, rien",
    "STATUS: DENIED BY SPONSOR",
    "FOLLOW-UP AFTER 2 CYCLES",
    "Имя: не указано",
])
def test_ordinary_text_in_these_shapes_passes(synthetic_text):
    assert not _refused(synthetic_text)


# -- classes blind batches 51 and 52 showed ------------------------------------------------------------------------

@pytest.mark.parametrize("synthetic_text", [
    "Greta Boehringer from the parish dropped off meals",
    "boy, 6, lives in Tromsø, family name Olsen",
    "hola, soy la mamá de valentina",
    "la mère de Chloé a rappelé",
    "Adaeze (medical science liaison at Pfizer) called",
])
def test_names_in_these_shapes_are_refused_too(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "rep said no single-patient INDs for under 12s",
    "Αίτημα μέσω ΕΟΦ (Εθνικός Οργανισμός Φαρμάκων)",
    "European Medicines Agency (EMA) opinion pending",
    "Chiesi Farmaceutici agreed to ship",
    "el padre de familia firmó el formulario",
    "surname withheld",
])
def test_acronym_plurals_spelt_out_bodies_and_companies_pass(synthetic_text):
    assert not _refused(synthetic_text)


def test_initials_in_brackets_do_not_make_a_name_a_body():
    assert _refused("Anna Smith (ASM) signed the form")


# -- classes blind batches 53 and 54 showed ------------------------------------------------------------------------

@pytest.mark.parametrize("synthetic_text", [
    "Project Facilitate, FDA Oncology Center of Excellence, 240-402-0004",
    "Bayer AG, Kaiser-Wilhelm-Allee 1, 51373 Leverkusen",
    "Roche Pharma AG, Emil-Barell-Str. 1, 79639 Grenzach-Wyhlen",
    "FAX: +1 (617) 555-0160 (sponsor EAP office)",
    "1 Kendall Square, Cambridge MA (company HQ)",
    "mi hijo DIPG recibió el fármaco",
])
def test_organisations_lines_and_addresses_named_beside_them_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "our flat, 1 Kendall Square, Cambridge MA (company HQ)",
    "FAX: +1 (617) 555-0160 (my office)",
    "my home: Hauptstr. 5, 10115 Berlin",
    "Anak saya Dewi Lestari sudah dapat obatnya",
    "the 9-year-old boy in Tromsø with ALK-positive ALCL",
])
def test_the_same_shapes_of_a_person_are_refused(synthetic_text):
    assert _refused(synthetic_text)


# -- classes blind batches 55 and 56 showed ------------------------------------------------------------------------

@pytest.mark.parametrize("synthetic_text", [
    "Oluwaseun finished cycle 2 yesterday",
    "Family Okonkwo-Reyes, Lagos",
    "ref: famille Arnaud-Lefranc, Lyon",
    "blog: www.teamaroha.wordpress.com",
    "pt id: PT-7731-RZ (clinic chart)",
    "Emma at Kendall Square, Cambridge MA (company HQ)",
])
def test_patients_families_blogs_and_ids_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Genentech started the program in May",
    "family Caregivers, nurses and doctors",
    "www.wordpress.com",
    "pt no 4 cycles so far",
    "Kendall Square, Cambridge MA (company HQ)",
    "Rue de la Loi 200, Brussels (EU office)",
    "Jan–Apr 2024",
])
def test_companies_plain_words_and_organisations_pass(synthetic_text):
    assert not _refused(synthetic_text)


# -- classes blind batches 57 and 58 showed ------------------------------------------------------------------------

@pytest.mark.parametrize("synthetic_text", [
    "9-year-old with ALK+ neuroblastoma, daughter of the local news anchor in Tulsa",
    "Jazz Romero from the company rang back",
    "Pierre Fabre (the girl's grandfather, not the company) drove us",
])
def test_relatives_of_presenters_and_company_names_of_relatives_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Sponsor address: 1 Amgen Center Dr, Thousand Oaks, CA",
    "Pierre Fabre (the sponsor) agreed",
    "Bayer Leverkusen said nothing about it",
])
def test_sponsors_addresses_and_names_pass(synthetic_text):
    assert not _refused(synthetic_text)


# -- classes blind batches 59 and 60 showed ------------------------------------------------------------------------

@pytest.mark.parametrize("synthetic_text", [
    "the 12-year-old daughter of Ajax Amsterdam striker",
    "Lilly, age 7, tolerated it well",
    "my girl leilani kahale is 9 and on larotrectinib",
    "pt mk nowak 7yo f",
])
def test_a_famous_relative_an_age_beside_a_name_and_shorthand_initials_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Roche, age 3 of the program",
    "pt has cancer 6yo",
    "the dose is 8 and the cycle 21 days",
])
def test_the_same_shapes_without_a_person_pass(synthetic_text):
    assert not _refused(synthetic_text)
