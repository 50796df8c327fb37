"""Synthetic variants of the blind batch 20 classes: each personal shape is refused, its near miss passes."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import refused as _refused


@pytest.mark.parametrize("synthetic_text", [
    "Phoned 555-0142 about the dose",
    "texted 555 0178 twice, no answer",
    "rang 555-0199 (site coordinator's mobile)",
])
def test_a_local_phone_after_a_phoning_verb(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Enrolled 120 patients at 14 sites",
    "Version 2.1 amended 3 times",
])
def test_counts_without_a_phoning_verb_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Protocol version 3.1 dated 4 Feb 2022",
    "Amendment 2 dated March 9, 2021",
    "Label revised 2020-06-30",
    "Investigator's Brochure edition 7, effective 1 Jul 2021",
])
def test_a_documents_own_date_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Request sent 2023-03-14",
    "Reply received 21 March 2023",
    "Protocol sent to the family on 4 Feb 2022",
    "Single-patient IND cleared by FDA on 2023-03-14",
])
def test_dates_of_a_childs_request_events_stay_refused(synthetic_text):
    assert _refused(synthetic_text)


def test_an_omb_control_number_is_a_forms():
    assert not _refused("Form FDA 1572, OMB No. 0910-0014")
    assert not _refused("OMB Control Number 0910-0120")


def test_the_same_digits_as_a_cued_record_number_stay_refused():
    assert _refused("MRN 0910-0814")


@pytest.mark.parametrize("synthetic_text", [
    "Subject code MARTINEZ_L_2014",
    "file id J-OKAFOR-2016",
    "sample garcia_m_2012 shipped",
])
def test_a_code_made_from_a_surname_an_initial_and_a_birth_year(synthetic_text):
    assert _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Subject code SITE03_017",
    "Cohort B_2015 closed",
    "Dataset AML_2015 released",
])
def test_codes_without_a_name_and_initial_pass(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "Mi hijo tiene leucemia linfoblástica",
    "mi hija está en remisión",
    "Mon fils est en rechute",
])
def test_a_relation_word_followed_by_its_languages_verb_passes(synthetic_text):
    assert not _refused(synthetic_text)


@pytest.mark.parametrize("synthetic_text", [
    "mi hijo mateo tiene leucemia",
    "Mi hija Sofía tiene neuroblastoma",
    "mon fils lucas est en rechute",
])
def test_a_relation_word_followed_by_a_name_stays_refused(synthetic_text):
    assert _refused(synthetic_text)
