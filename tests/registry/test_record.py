"""Registry records: field rules, dates turned into the month sent and days since, one name per
company and drug, and the screen against identifying details."""
import datetime as dt

import pytest

from trialfind.core.errors import InvalidInput
from trialfind.core.privacy import find_personal_data
from trialfind.registry.record import AGE_BANDS, RequestRecord, Toxicity

TODAY = dt.date(2026, 11, 22)


def synthetic_values(**overrides):
    values = dict(reporter_role="physician", age_band="5-9", diagnosis="relapsed neuroblastoma", target="ALK F1174L",
                  drug="lorlatinib", company="Pfizer", contact_used="medical information line", channel="email",
                  date_sent="2025-01-10", date_acknowledged="2025-01-13", decision="granted",
                  decision_date="2025-01-24", ind_date="2025-01-27", irb_date="2025-01-28",
                  treatment_start="2025-02-03", outcome="stable", toxicities="Neutrophil count decreased:3",
                  consent_to_share="yes", notes="Letter of authorization came with the decision.")
    values.update(overrides)
    return values


def validated(**overrides):
    return RequestRecord.from_values(synthetic_values(**overrides), today=TODAY).validate(TODAY)


def test_a_complete_synthetic_record_validates_and_normalises():
    record = validated(decision="Granted", channel="E-mail".replace("-", ""), reporter_role="physician")
    assert record.decision == "granted"
    assert record.month_sent == "2025-01"
    assert (record.days_to_acknowledge, record.days_to_decide, record.days_to_ind, record.days_to_irb,
            record.days_to_treatment) == (3, 14, 17, 18, 24)
    assert not any(isinstance(value, dt.date) for value in record.as_dict().values())
    assert record.toxicities == [Toxicity("Neutrophil count decreased", 3)]
    assert record.consent_to_share is True


@pytest.mark.parametrize("given, band", [("7", "5-9"), ("0", "<1"), ("15–17", "15-17"), ("21", "18-21"),
                                         ("10-14", "10-14")])
def test_age_band_accepts_a_band_or_whole_years(given, band):
    assert validated(age_band=given).age_band == band
    assert band in AGE_BANDS


@pytest.mark.parametrize("given", ["22", "-1", "seven", "5-10"])
def test_age_band_outside_the_bands_is_refused(given):
    with pytest.raises(InvalidInput, match="^age_band"):
        validated(age_band=given)


@pytest.mark.parametrize("spelling", ["no response", "no-response", "No_Response"])
def test_decision_spellings_normalise(spelling):
    record = validated(decision=spelling, decision_date="", ind_date="", irb_date="", treatment_start="",
                       outcome="", toxicities="")
    assert record.decision == "no response"


@pytest.mark.parametrize("field, value, message", [
    ("date_sent", "10/01/2025", "YYYY-MM-DD"),
    ("date_sent", "2025-02-30", "real calendar date"),
    ("date_sent", "2026-11-23", "in the future"),
    ("date_acknowledged", "2025-01-09", "before the request was sent"),
    ("decision_date", "2025-01-09", "before the request was sent"),
    ("decision_date", "2025-01-12", "^days_to_decide: 2 is fewer days than days_to_acknowledge"),
    ("treatment_start", "2025-01-20", "^days_to_treatment: 10 is fewer days than days_to_decide"),
    ("treatment_start", "2025-01-25", "^days_to_treatment: 15 is fewer days than days_to_ind"),
    ("ind_date", "2024-12-31", "before the request was sent"),
])
def test_date_rules(field, value, message):
    pattern = message if message.startswith("^") else f"^{field}: .*{message}"
    with pytest.raises(InvalidInput, match=pattern):
        validated(**{field: value})


@pytest.mark.parametrize("field, value, message", [
    ("month_sent", "2026-12", "^month_sent: 2026-12 is in the future"),
    ("month_sent", "2025-13", "^month_sent: .*YYYY-MM"),
    ("days_to_decide", "-3", "^days_to_decide: "),
    ("days_to_decide", "9999", "more than ten years"),
    ("days_to_treatment", "700", "^days_to_treatment: 700 days after 2025-01 is in the future"),
])
def test_month_and_day_rules(field, value, message):
    values = synthetic_values(**{field: value})
    for name in ("date_sent", "date_acknowledged", "decision_date", "ind_date", "irb_date", "treatment_start"):
        values.pop(name)
    values.setdefault("month_sent", "2025-01")
    with pytest.raises(InvalidInput, match=message):
        RequestRecord.from_values(values, today=TODAY).validate(TODAY)


def test_a_later_date_without_the_date_sent_cannot_be_counted():
    values = synthetic_values(month_sent="2025-01")
    values.pop("date_sent")
    with pytest.raises(InvalidInput, match="^date_acknowledged: the registry keeps no dates.*give date_sent"):
        RequestRecord.from_values(values, today=TODAY)


def test_days_and_month_are_accepted_directly_and_dates_leave_no_trace():
    record = RequestRecord.from_values(dict(
        reporter_role="parent", age_band="7", diagnosis="low-grade glioma", drug="Lorbrena",
        company="Pfizer Inc.", month_sent="2025-03", days_to_acknowledge="4", decision="denied",
        days_to_decide="21", reason_given="no pediatric data", consent_to_share="yes"), today=TODAY).validate(TODAY)
    assert (record.month_sent, record.days_to_acknowledge, record.days_to_decide) == ("2025-03", 4, 21)
    assert (record.company, record.company_as_written) == ("Pfizer", "Pfizer Inc.")
    assert (record.drug, record.drug_as_written) == ("lorlatinib", "Lorbrena")


@pytest.mark.parametrize("written, company", [("Pfizer Inc.", "Pfizer"), ("pfizer", "Pfizer"), ("Pfizer", "Pfizer"),
                                              ("Synthetic Acme Oncology", "Synthetic Acme Oncology")])
def test_company_is_stored_under_the_sponsor_directory_name(written, company):
    record = validated(company=written)
    assert (record.company, record.company_as_written) == (company, written)


@pytest.mark.parametrize("written", ["Lorbrena", "PF-06463922", "lorlatinib", "Lorlatinib 100 mg tablets"])
def test_drug_brands_and_code_names_are_stored_as_the_inn(written):
    record = validated(drug=written)
    assert (record.drug, record.drug_as_written) == ("lorlatinib", written)
    assert validated(drug=written).validate(TODAY).drug == "lorlatinib"   # validating again changes nothing


def test_pending_request_cannot_have_a_decision_date_or_treatment():
    with pytest.raises(InvalidInput, match="^days_to_decide: set, but the decision is still pending"):
        validated(decision="pending")
    with pytest.raises(InvalidInput, match="^days_to_treatment: only possible when the decision is granted"):
        validated(decision="denied")
    with pytest.raises(InvalidInput, match="^toxicities: only possible"):
        validated(decision="denied", treatment_start="", outcome="")


@pytest.mark.parametrize("text", ["Neutropenia:6", "Neutropenia:0", "Neutropenia"])
def test_toxicity_grades_are_ctcae_1_to_5(text):
    with pytest.raises(InvalidInput, match="^toxicities"):
        validated(toxicities=text)


def test_required_fields_and_unknown_fields():
    with pytest.raises(InvalidInput, match="^company: required"):
        RequestRecord.from_values(synthetic_values(company=""))
    with pytest.raises(InvalidInput, match="unknown field"):
        RequestRecord.from_values(synthetic_values(child_name="x"))


# -- the privacy screen ---------------------------------------------------------------------

IDENTIFYING = [
    ("notes", "call me on 617-555-0134"),
    ("notes", "reach us at +44 20 7946 0958"),
    ("notes", "family email jane.doe@gmail.com"),
    ("reason_given", "patient born 2016-03-02 is too young"),
    ("notes", "DOB 03/02/2016"),
    ("notes", "first symptoms on March 2, 2016"),
    ("diagnosis", "neuroblastoma, MRN 448812"),
    ("notes", "hospital number 0012345678"),
    ("notes", "we live at 42 Elm Street, Springfield"),
    ("notes", "my son Jack is doing better"),
    ("notes", "Our daughter, Emma, had a rash"),
    ("diagnosis", "Emma's neuroblastoma"),
    ("contact_used", "Dr. Jane Smith"),
    ("contact_used", "Jane Smith"),
    ("contact_used", "jane.smith@pfizer.com"),
    ("contact_used", "Maria"),
    ("contact_used", "Dr Weber's direct line +41 61 688 22 33"),
    ("reason_given", "Dr Patel said the supply is limited"),
]


@pytest.mark.parametrize("field, text", IDENTIFYING)
def test_identifying_free_text_is_refused_with_one_line_naming_the_field(field, text):
    with pytest.raises(InvalidInput) as caught:
        validated(**{field: text})
    message = str(caught.value)
    assert message.startswith(f"{field}: ")
    assert "\n" not in message
    assert text not in message  # the refusal must not repeat the identifying text


ACCEPTABLE = [
    ("contact_used", "medical information line"),
    ("contact_used", "EAP@ikenaoncology.com"),
    ("contact_used", "expandedaccess@pfizer.com"),
    ("contact_used", "Pfizer Medical Information"),
    # An organisation's own line, as its role email above: no one's (privacy_organisation_contacts).
    ("contact_used", "medical information line 1-800-438-1985"),
    ("contact_used", "https://www.pfizer.com/science/clinical-trials/expanded-access"),
    ("contact_used", "Expanded Access Navigator portal"),
    ("notes", "my son has relapsed twice; trial NCT03107988 did not admit under 12s"),
    ("notes", "Sent in March 2025, answered within two weeks"),
    ("reason_given", "No pediatric dosing data; supply limited to 2024-2025 trials"),
    ("diagnosis", "relapsed ALK-positive neuroblastoma"),
]


@pytest.mark.parametrize("field, text", ACCEPTABLE)
def test_generic_roles_portals_and_plain_clinical_words_pass(field, text):
    record = validated(**{field: text})
    assert getattr(record, field) == text


def test_company_words_are_not_taken_for_a_person_in_the_contact():
    # "Day One" is in the screen's own company list now; an unlisted company shows the rule.
    assert find_personal_data("Black Diamond medical affairs", contact=True,
                              known_words=["Black Diamond Therapeutics"]) == []
    assert find_personal_data("Black Diamond medical affairs", contact=True) != []


def test_toxicity_terms_are_screened_too():
    with pytest.raises(InvalidInput, match="^toxicities"):
        validated(toxicities="Emma Smith:2")
