"""Synthetic variants of the classes blind batches 63 to 94 showed: each personal shape is refused, its near miss
passes. None of these strings is a row of those batches."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import refused as _refused
from trialfind.core.privacy_contacts import _is_free_mail
from trialfind.core.privacy_vocabulary import is_country_name


@pytest.mark.parametrize("synthetic_text", [
    "dr.okafor said the shipment is late",
    "dr.samir haddad from amman sent the records",
    "dr mark said no to the second cycle",
    "dr. faith at the consulate wrote the letter",
    "mr. roche from medical affairs emailed back",
    "mrs lilly at the pharmacy was lovely",
])
def test_names_after_a_lower_case_title_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "dr.appointment moved to friday",
    "dr visit was short",
    "dr office called about the refill",
    "dr note from the clinic attached",
    "dr prescribed the lower dose",
    "dr. reddy's labs supplied the generic",
    "roche from the start said no",
])
def test_a_lower_case_title_before_a_word_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "ty so much priya!! you were the only one who answered",
    "thank u dario, the forms arrived",
    "thanks so much ingrid.",
])
def test_a_name_thanked_face_to_face_is_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "thanks again!",
    "thanks all, the shipment arrived",
    "thank you so much team!",
    "ty for the quick reply",
    "thanks doc!",
])
def test_thanks_without_a_name_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "ioana maria vasilescu - mother",
    "brayan gutierres, 7 años, neuroblastoma",
    "kevin moreau, 9 ans, gliome",
    "the lady at novartis (sue pemberton) was helpful",
])
def test_lower_case_full_names_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "respuesta rapida, 8 años despues",
    "the rep (medical affairs) was helpful",
    "(grade harrington) is no one",
    "approved for kids 6 ans and over",
])
def test_lower_case_words_shaped_like_full_names_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "licence plate of our van KT 55 XLR for the parking pass",
    "ref. patient # SJCRH-PT-009112",
    "pt # GOSH-PT-004471",
    "the 4 y/o at Rikshospitalet whose dad is the chaplain there",
])
def test_numbers_and_details_that_single_out_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "license plate of our car is on the form",
    "the chaplain at Rikshospitalet visited the ward",
])
def test_their_near_misses_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "eap.requests@acme-bio.com",
    "expandedaccess@acme.com",
    "Bayer general line +49 214 30 1",
    "Takeda regulatory affairs line +81 3 3278 2111",
    "Grenzacherstrasse 124, 4070 Basel, Switzerland (Roche HQ)",
    "Posted to the sponsor's office at Lichtstrasse 35, Basel",
    "FDA Center for Drug Evaluation and Research, 10903 New Hampshire Ave, Silver Spring MD",
    "Rikshospitalet, Sognsvannsveien 20, Oslo",
    "Hanmi Pharm replied within a week",
    "Dr. Scholl's cream for the hand-foot rash",
    "non è disponibile in Italia",
    "nicht zugelassen in Deutschland",
    "sent via the access navigator, June 2024",
])
def test_organisations_places_and_dates_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "ana.kovac@me.com",
    "12 Birch Road, Leeds (Emma's office)",
    "Dr. Scholl called us back",
    "sent to Italia Moretti",
    "Lena Holm, 9, Sofia",
    "my daughter, April, 2015",
])
def test_their_personal_twins_are_refused(synthetic_text):
    assert _refused(synthetic_text)


def test_free_mail_providers_are_whole_domains_not_endings():
    assert _is_free_mail("me.com") and _is_free_mail("mail.gmail.com") and _is_free_mail("gmail.co.uk")
    assert not _is_free_mail("acme.com") and not _is_free_mail("companyname.com") and not _is_free_mail("x163.com")


def test_country_names_are_read_in_other_languages():
    assert all(is_country_name(name) for name in ("Italia", "Deutschland", "Włochy", "Brasil", "Италия"))
    assert not is_country_name("Emma")


# Blind batches 71 to 76.

@pytest.mark.parametrize("synthetic_text", [
    "we live in the yellow house at 14 Rua do Sol, Braga",
    "our home: 21 Le Loi, Quận 3",
    "Ленина 7, кв. 12, Казань",
    "ID 27.114.902 (DNI)",
    "the governor's granddaughter in Tromsø, relapsed ALL",
    "Milo (our son's name) started the capsules",
    "Temodar Alvarez is the patient's uncle",
    "note: joão pedro almeida is her full name",
    "ZOE WAS ON IT FOR 2 MONTHS",
    "we flew Savannah to the clinic every month",
    "Requested by Dr. K. Nagoya, Tokyo",
    "Nomvula's oncologist sent the letter",
    "spoke with ana at roche yesterday",
    "Sarah Abbott-Kimani, nurse, answered",
])
def test_round_two_personal_shapes_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Boy was 6 at diagnosis, relapsed once",
    "Kid was 4 at relapse",
    "Eli Lilly is doing great with the turnaround",
    "Hospital pharmacy: +34 93 600 00 00",
    "ship to: Research Pharmacy Dept, 1 Main Campus Rd, Memphis TN 38105",
    "Dr. Martens boots fit with the swelling",
    "Mr. Clean wipes for the dressing area",
    "Talked to Abbott customer service",
    "brought the drug to the clinic",
    "the data from roche came late",
    "Janus Kinase-Inhibitor",
    "Pfizer-BioNTech vaccine given",
])
def test_round_two_near_misses_pass(synthetic_text):
    assert not _refused(synthetic_text)


def test_a_brand_spelt_with_a_title_still_leaves_the_surname_a_person():
    assert _refused("Dr. Martens called about the scan")
    assert _refused("Dr. Abbott said the dose is fine")


# Blind batches 77 to 82.

@pytest.mark.parametrize("synthetic_text", [
    "the rep from roche (jane something... jane whitcombe) never wrote back",
    "the Okafors from Enugu",
    "licence plate in the parking photo was clear: MH-12-AB",
    "trial subject ID for my son is 0082-0114",
    "Ayo Ogunleye-Smith",
    "Family: Herrera-Quispe, 3 kids",
    "lucias mum called the clinic",
    "after lucía's second MRI the mass shrank",
    "matteos dad here - giulia",
    "Ayomide Balogun",
    "Hope Novartis, 9, medulloblastoma",
    "Rose (pt) 5yo DIPG",
])
def test_round_three_personal_shapes_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "call the FDA Office of Orphan Products Development at 301-796-8660",
    "Great Ormond Street Hospital (GOSH) – Great Ormond St, London WC1N 3JH",
    "Boston Children's main number 617-355-6000",
    "Disetujui, obat dikirim bulan Juni",
    "Hospital Sírio-Libanês",
    "the Diagnosis of Fibrosis in the Liver",
    "platelet count was low: 45",
    "(see the trial brochure)",
    "after the drug's second dose",
    "dose reduced - stable",
    "Peptide vaccine given",
])
def test_round_three_near_misses_pass(synthetic_text):
    assert not _refused(synthetic_text)


# Blind batches 83 to 88.

@pytest.mark.parametrize("synthetic_text", [
    "Pr. Ousmane Ndiaye, CHU Fann",
    "olga petrova called the company twice",
    "only kid in our village with DIPG, our street is Willow Lane",
    "Aisha Bello from the access team replied in a week",
])
def test_round_four_personal_shapes_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "adult trial only, min age 18",
    "median age 7 in the cohort",
    "Pharmacy address: 1 Main Campus Rd, Memphis TN",
    "L'azienda non ha mai risposto",
    "Lääkeyhtiö vastasi kahdessa viikossa",
    "Patient Access from the support team called",
])
def test_round_four_near_misses_pass(synthetic_text):
    assert not _refused(synthetic_text)


# Blind batches 89 to 94 (fixed against after their measurement on the screen as it then stood).

@pytest.mark.parametrize("synthetic_text", [
    "signora Rossi ha chiamato l'azienda",
    "our little man kofi turned 5 yesterday",
    "study ID given to my daughter: EAP-BR-0411-KT",
    "Roche Adeyemi (mum) signed the form",
    "Merck (the pharmacist, not the company) phoned back",
    "they live on Oakridge Drive in Tulsa",
])
def test_round_five_personal_shapes_are_refused(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Telefon der Firma: +49 69 1234 0 (Zentrale)",
    "Mi hija tiene 5 años y meduloblastoma",
    "Merck (the company) replied in a week",
])
def test_round_five_near_misses_pass(synthetic_text):
    assert not _refused(synthetic_text)
