"""split_criteria keeps every line of the eligibility text (issue 18 item 1)."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.shared_data import PARTIAL_STUDIES_FILE, STUDIES_FILE, real_partial_records, real_records
from trialfind.core.spec import tokens
from trialfind.core.study import parse_study, split_criteria, split_criteria_parts

# Words a heading may consist of; nothing else may be dropped by the split.
HEADING_WORDS = frozenset("""
inclusion exclusion exclusions criteria criterion criterias eligibility ineligibility non key main general
major other additional specific further patient patients participant participants subject subjects partner
partners study trial part cohort arm phase stage disease and for of the
""".split())


def unassigned_words(text: str) -> Counter:
    parts = split_criteria_parts(text)
    kept = Counter(tokens(parts.inclusion) + tokens(parts.exclusion))
    lost = Counter(tokens(text)) - kept
    return Counter({w: n for w, n in lost.items() if w not in HEADING_WORDS and not w.isdigit() and len(w) > 1})


@pytest.mark.parametrize("text,inclusion,exclusion", [
    ("Inclusion Criteria: Solid tumors with KRAS G12D\nExclusion Criteria: prior sotorasib",
     "Solid tumors with KRAS G12D", "prior sotorasib"),
    ("Key Inclusion Criteria:\n* ALK fusion\nKey Exclusion Criteria:\n* pregnancy", "* ALK fusion", "* pregnancy"),
    ("Main Inclusion Criteria\n- age 2-21\nMain Exclusion Criteria\n- HIV", "- age 2-21", "- HIV"),
    ("1. Inclusion Criteria\n* NTRK fusion\n2. Exclusion Criteria\n* CNS disease", "* NTRK fusion", "* CNS disease"),
    ("**Inclusion Criteria:**\n* MYCN amplified\n**Exclusion Criteria:**\n* prior ALK inhibitor",
     "* MYCN amplified", "* prior ALK inhibitor"),
    ("Inclusion Criteria:\n* inclusion requires BRAF V600E mutation\n* age 1-17\nExclusion Criteria:\n* none",
     "* inclusion requires BRAF V600E mutation\n* age 1-17", "* none"),
    ("Inclusion criteria (Part A): relapsed neuroblastoma\nExclusion criteria specific to Part A:\n* HIV",
     "(Part A) relapsed neuroblastoma", "specific to Part A\n* HIV"),
    ("Non-inclusion criteria:\n* pregnancy", None, "* pregnancy"),
    ("Inclusion:\n* AML\nExclusion:\n* APL", "* AML", "* APL"),
    ("* Stable relationship Exclusion Criteria:\n* HIV", "* Stable relationship", "* HIV"),
    ("Exclusion Criteria:\n* Other exclusion criteria apply according to the label", None,
     "* Other exclusion criteria apply according to the label"),
])
def test_synthetic_headings(text, inclusion, exclusion):
    parts = split_criteria_parts(text)
    assert (parts.inclusion, parts.exclusion) == (inclusion, exclusion)
    assert not parts.unsplit
    assert split_criteria(text) == (inclusion, exclusion)


def test_synthetic_one_section_record():
    parts = split_criteria_parts("Exclusion Criteria:\n* prior crizotinib")
    assert parts.inclusion is None and parts.exclusion == "* prior crizotinib" and not parts.unsplit


def test_synthetic_no_heading_is_unsplit():
    parts = split_criteria_parts("* ALK-positive neuroblastoma\n* no prior lorlatinib")
    assert parts.unsplit and parts.inclusion == "* ALK-positive neuroblastoma\n* no prior lorlatinib"
    assert parse_study({"protocolSection": {"identificationModule": {"nctId": "NCT00000001"},
                                            "eligibilityModule": {"eligibilityCriteria": "age 3-17"}}}
                       ).criteria_unsplit


def test_real_record_with_text_on_the_heading_line():
    record = next(r for r in real_records() if r["protocolSection"]["identificationModule"]["nctId"] == "NCT05735223")
    study = parse_study(record)
    assert "robot assisted laparoscopic radical prostatectomy" in study.inclusion_criteria
    assert "androgen deprivation" in study.exclusion_criteria


@pytest.mark.skipif(not STUDIES_FILE.exists() or not PARTIAL_STUDIES_FILE.exists(), reason="shared data missing")
def test_every_real_record_keeps_all_its_criteria_text():
    lost = {}
    for record in (*real_records(), *real_partial_records()):
        text = (record.get("protocolSection", {}).get("eligibilityModule") or {}).get("eligibilityCriteria")
        if text:
            missing = unassigned_words(text)
            if missing:
                lost[record["protocolSection"]["identificationModule"]["nctId"]] = sorted(missing)[:8]
    assert not lost, f"{len(lost)} records lose criteria words: {dict(list(lost.items())[:10])}"


@pytest.mark.skipif(not STUDIES_FILE.exists(), reason="shared data missing")
def test_real_records_with_both_headings_split_into_both_sections():
    both = 0
    for record in real_records():
        text = (record["protocolSection"].get("eligibilityModule") or {}).get("eligibilityCriteria") or ""
        if re.search(r"^\s*inclusion criteria:?\s*$", text, re.I | re.M) and re.search(
                r"^\s*exclusion criteria:?\s*$", text, re.I | re.M):
            parts = split_criteria_parts(text)
            assert parts.inclusion and not parts.unsplit, record["protocolSection"]["identificationModule"]["nctId"]
            both += 1
    assert both > 1500


@pytest.mark.parametrize("text,inclusion,exclusion", [
    ("Inclusion Criteria:\n* HER2 expression - Exclusion Criteria:1. Have a history of other malignancies",
     "* HER2 expression", "1. Have a history of other malignancies"),
    ("Inclusion Criteria:- Stable relationship Exclusion Criteria:- Primary hypoactive desire",
     "- Stable relationship", "- Primary hypoactive desire"),
    ("Inclusion Criteria:\n* Males 18 and older. EXCLUSION CRITERIA: prior ALK inhibitor",
     "* Males 18 and older.", "prior ALK inhibitor"),
    ("Inclusion Criteria:\n* No other spine pathology (see exclusion criteria).\nExclusion Criteria:\n* HIV",
     "* No other spine pathology (see exclusion criteria).", "* HIV"),
    ("Inclusion Criteria:\n* Patients meeting none of the following Exclusion Criteria: are eligible\n"
     "Exclusion Criteria:\n* HIV",
     "* Patients meeting none of the following Exclusion Criteria: are eligible", "* HIV"),
    ("Exclusion Criteria:\n* cardiovascular exclusion criteria: history of angina", None,
     "* cardiovascular exclusion criteria: history of angina"),
])
def test_synthetic_an_exclusion_heading_in_the_middle_of_a_line(text, inclusion, exclusion):
    assert split_criteria(text) == (inclusion, exclusion)


# Real records whose "Exclusion Criteria:" heading sits in the middle of a line, with text of both
# sections on it: (NCT id, words of an inclusion criterion, words of the exclusion criterion after it).
MIDLINE_EXCLUSION_RECORDS = (
    ("NCT06131424", "rescoring of HER2 expression", "history of other malignancies"),
    ("NCT00663728", "Stable heterosexual relationship", "Primary hypoactive sexual desire"),
    ("NCT00665340", "Males 18 and older", "Primary hypoactive sexual desire"),
    ("NCT00668109", "hyperlipidemia", "Primary hypoactive sexual desire"),
    ("NCT01892319", "following conception", "Women who have been pregnant"),
    ("NCT05508360", "Medical Advisory Board", "less than 6 mm of disc height"),
)


@pytest.mark.skipif(not STUDIES_FILE.exists(), reason="shared data missing")
@pytest.mark.parametrize("nct_id,inclusion_words,exclusion_words", MIDLINE_EXCLUSION_RECORDS)
def test_real_records_with_a_midline_exclusion_heading(nct_id, inclusion_words, exclusion_words):
    record = next(r for r in real_records() if r["protocolSection"]["identificationModule"]["nctId"] == nct_id)
    study = parse_study(record)
    assert inclusion_words in study.inclusion_criteria
    assert exclusion_words in study.exclusion_criteria and exclusion_words not in study.inclusion_criteria
