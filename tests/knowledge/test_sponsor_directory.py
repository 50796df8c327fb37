"""The expanded-access directory and lead-sponsor matching, against the curated facts and
every lead sponsor of the real ClinicalTrials.gov records."""
from __future__ import annotations

import csv
import re
from collections import Counter

import pytest

from tests.shared_data import SHARED_DIR, SPONSORS_DIR, real_records
from trialfind.access.sponsor_lookup import lookup_sponsor
from trialfind.core.errors import InvalidInput, SourceUnavailable
from trialfind.knowledge.sponsor_directory import (
    FUZZY_THRESHOLD,
    SponsorPolicy,
    general_resources,
    is_non_company_name,
    load_directory,
    match_sponsor,
    normalize_company,
    related_policies,
)


def _shared_rows(name):
    with open(SPONSORS_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _lead_sponsors():
    """(name, class) -> number of real records with that lead sponsor."""
    counts = Counter()
    for record in real_records():
        lead = (record.get("protocolSection", {}).get("sponsorCollaboratorsModule") or {}).get("leadSponsor") or {}
        if lead.get("name"):
            counts[(lead["name"], lead.get("class"))] += 1
    return counts


# --- the directory ---------------------------------------------------------------------------

def test_directory_has_every_company_of_the_curated_facts_with_source_and_date():
    policies = load_directory()
    shared = _shared_rows("ea_policies.csv")
    assert len(policies) == len(shared) == 49
    for policy in policies:
        assert isinstance(policy, SponsorPolicy)
        assert policy.source_urls, policy.company
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", policy.date_verified or ""), policy.company


def test_every_contact_in_the_directory_was_published_never_guessed():
    """Each email and phone number shipped appears in the curated source facts or in the
    company's policy text (the seeds)."""
    published = "\n".join(open(SPONSORS_DIR / f, encoding="utf-8").read() for f in ("ea_policies.csv", "ea_resources.csv"))
    published += "\n".join(p.read_text(encoding="utf-8") for p in (SHARED_DIR / "seeds").glob("*.txt"))
    digits_published = re.sub(r"\D", "", published)
    for policy in load_directory():
        if policy.contact_email:
            assert policy.contact_email.lower() in published.lower(), policy.company
        if policy.contact_phone:
            assert re.sub(r"\D", "", policy.contact_phone) in digits_published, policy.company
    for resource in general_resources():
        for value in (resource.contact_email, resource.contact_phone):
            if value:
                assert value in published, resource.name


def test_unknown_values_stay_empty():
    by_company = {p.company: p for p in load_directory()}
    lilly = by_company["Eli Lilly and Company"]
    assert lilly.contact_email is None and lilly.contact_phone is None and lilly.policy_url is None
    shared = {r["company"]: r for r in _shared_rows("ea_policies.csv")}
    for policy in load_directory():
        row = shared.get(policy.company)
        if row is not None and not row["contact_email"]:
            assert policy.contact_email is None, policy.company


def test_aliases_are_unique_across_rows():
    owners = {}
    for policy in load_directory():
        for name in (policy.company, *policy.aliases):
            key = normalize_company(name)
            assert owners.setdefault(key, policy.company) == policy.company, (name, owners[key], policy.company)


def test_general_resources_cover_fda_project_facilitate_and_reagan_udall():
    names = " | ".join(r.name for r in general_resources())
    assert "FDA Division of Drug Information" in names
    assert "Project Facilitate" in names
    assert "Reagan-Udall" in names
    fda = next(r for r in general_resources() if "Division of Drug Information" in r.name)
    assert fda.contact_phone and fda.contact_email and fda.source_urls and fda.date_verified


def test_ikena_row_carries_the_criteria_and_time_of_its_published_policy():
    ikena = match_sponsor("Ikena Oncology")
    assert ikena.contact_email == "EAP@ikenaoncology.com"
    assert "five (5) business days" in ikena.acknowledgement_time
    criteria = " ".join(ikena.evaluation_criteria)
    for phrase in ("no other treatment options", "not an eligible candidate", "open US IND", "phase 1",
                   "adequate supply"):
        assert phrase in criteria


def test_to_dict_is_plain_json_data():
    import json

    data = match_sponsor("Loxo Oncology at Lilly").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["contact_email"] == "clinicaltrials@loxooncology.com"


# --- matching ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, company", [
    ("Loxo Oncology at Lilly", "Loxo Oncology at Lilly"),
    ("Loxo Oncology, Inc.", "Loxo Oncology at Lilly"),
    ("Genentech, Inc.", "Roche / Genentech"),
    ("Hoffmann-La Roche", "Roche / Genentech"),
    ("F. Hoffmann-La Roche Ltd.", "Roche / Genentech"),
    ("Pfizer Inc.", "Pfizer"),
    ("PFIZER", "Pfizer"),
    ("Eli Lilly and Company", "Eli Lilly and Company"),
    ("Novartis Pharmaceuticals", "Novartis"),
    ("Novartis Pharma AG", "Novartis"),
    ("Bayer AG", "Bayer"),
    ("Bristol-Myers Squibb", "Bristol Myers Squibb"),
    ("Juno Therapeutics, a Bristol-Myers Squibb Company", "Bristol Myers Squibb"),
    ("Genzyme, a Sanofi Company", "Sanofi"),
    ("Merck Sharp & Dohme LLC", "Merck & Co. (MSD)"),
    ("Merck KGaA, Darmstadt, Germany", "EMD Serono / Merck KGaA"),
    ("Janssen Korea, Ltd., Korea", "Johnson & Johnson Innovative Medicine (Janssen)"),
    ("Johnson & Johnson Pharmaceutical Research & Development, L.L.C.",
     "Johnson & Johnson Innovative Medicine (Janssen)"),
    ("Daiichi Sankyo Co., Ltd.", "Daiichi Sankyo"),
    ("Y-mAbs Therapeutics, Inc.", "Y-mAbs Therapeutics"),
    ("Epizyme, an Ipsen company", "Epizyme"),
    ("Day One Biopharmaceuticals, Inc.", "Day One Biopharmaceuticals"),
])
def test_match_sponsor_resolves_legal_names_aliases_and_parents(name, company):
    policy = match_sponsor(name)
    assert policy is not None, name
    assert policy.company == company
    assert match_sponsor(name, "INDUSTRY") == policy


def test_a_unit_of_a_known_parent_resolves_to_the_parent():
    # Not in the directory itself, but names its parent.
    assert match_sponsor("Acme Cell Therapy, a Takeda company").company == "Takeda"
    assert match_sponsor("Small Biotech (subsidiary of AbbVie Inc.)").company == "AbbVie"


@pytest.mark.parametrize("name", [
    "Children's Oncology Group", "National Cancer Institute (NCI)", "NRG Oncology", "St. Jude Children's Research Hospital",
    "University of California, San Francisco", "Memorial Sloan Kettering Cancer Center", "Dana-Farber Cancer Institute",
    "Ministry of Health, Brazil", "Pfizer Foundation", "Novartis Institutes for BioMedical Research",
    "Roche Hospital Consortium", "Bayer University Clinic",
    "Pfizer's Upjohn has merged with Mylan to form Viatris Inc.", "Kite, A Gilead Company", "Acme Biotech", "",
])
def test_non_companies_and_unknown_companies_are_not_matched(name):
    assert match_sponsor(name) is None
    assert match_sponsor(name, "INDUSTRY") is None or not is_non_company_name(name)


def test_only_industry_sponsors_can_match():
    for sponsor_class in ("OTHER", "NIH", "FED", "OTHER_GOV", "NETWORK", "INDIV", "UNKNOWN"):
        assert match_sponsor("Pfizer", sponsor_class) is None
    assert match_sponsor("Pfizer", "INDUSTRY").company == "Pfizer"
    assert match_sponsor("Pfizer", "industry").company == "Pfizer"


def test_fuzzy_threshold_is_pinned():
    from rapidfuzz import fuzz

    assert FUZZY_THRESHOLD == 90.0
    typo = "Bristol Myers Squib"  # one letter short
    assert fuzz.ratio(normalize_company(typo), "bristol myers squibb") >= FUZZY_THRESHOLD
    assert match_sponsor(typo).company == "Bristol Myers Squibb"
    near = "Bristal Mayers Squibs"  # three edits: below the threshold
    assert fuzz.ratio(normalize_company(near), "bristol myers squibb") < FUZZY_THRESHOLD
    assert match_sponsor(near) is None


def test_fuzzy_match_is_rapidfuzz_extract_one():
    """_by_fuzzy replaced rapidfuzz's process.extractOne(fuzz.ratio, score_cutoff) with the same
    score in plain Python: the same row for every sponsor and collaborator of the real records,
    every directory name with a letter dropped or doubled, and random near names."""
    import random

    from rapidfuzz import fuzz, process

    from trialfind.knowledge import sponsor_directory as directory

    choices = [k for k in directory._alias_index() if len(k) >= directory.FUZZY_MIN_LENGTH]
    rng = random.Random(15)
    names = {name for name, _ in _lead_sponsors()}
    for record in real_records():
        module = record.get("protocolSection", {}).get("sponsorCollaboratorsModule") or {}
        names |= {c.get("name") for c in module.get("collaborators") or [] if c.get("name")}
    for key in choices:
        i = rng.randrange(len(key))
        names |= {key[:i] + key[i + 1:], key[:i] + key[i] + key[i:], key[:i] + "x" + key[i + 1:]}
    names |= {"".join(rng.choice("abcdeinorst ") for _ in range(rng.randint(6, 30))) for _ in range(2000)}
    assert len(names) > 2000
    for name in names:
        key = normalize_company(name)
        if len(key) < directory.FUZZY_MIN_LENGTH:
            continue
        found = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        assert directory._by_fuzzy(name) is (directory._alias_index()[found[0]] if found else None), name


def test_normalize_company_drops_legal_forms_and_punctuation():
    assert normalize_company("Eli Lilly and Company") == "eli lilly"
    assert normalize_company("Novo Nordisk A/S") == "novo nordisk"
    assert normalize_company("Genentech, Inc.") == "genentech"
    assert normalize_company("Hoffmann-La Roche") == "hoffmann la roche"
    assert normalize_company("Jazz Pharmaceuticals Ireland Limited") == "jazz pharmaceuticals ireland"
    assert normalize_company("Société Générale S.A.") == "societe generale"


def test_no_non_industry_lead_sponsor_in_the_real_records_is_matched():
    """Universities, hospitals, cooperative groups and government sponsors: never a company,
    whether the record's sponsor class is used or only the name."""
    sponsors = _lead_sponsors()
    assert len(sponsors) > 900
    non_industry = [(name, cls) for name, cls in sponsors if cls != "INDUSTRY"]
    assert len(non_industry) > 600
    wrongly = [(name, cls, match_sponsor(name).company) for name, cls in non_industry if match_sponsor(name)]
    assert wrongly == []
    assert all(match_sponsor(name, cls) is None for name, cls in non_industry)
    institutional = [name for name, _ in sponsors if re.search(
        r"universit|hospital|institut|foundation|group|cent(er|re)|consortium|ministr|national", name, re.I)]
    assert len(institutional) > 400
    assert [n for n in institutional if match_sponsor(n) is not None
            and normalize_company(n) not in {normalize_company(a) for p in load_directory() for a in p.aliases}] == []


def test_industry_lead_sponsors_of_the_real_records_that_match_the_directory():
    sponsors = _lead_sponsors()
    industry = {name: n for (name, cls), n in sponsors.items() if cls == "INDUSTRY"}
    matched = {name: match_sponsor(name, "INDUSTRY").company for name in industry if match_sponsor(name, "INDUSTRY")}
    # The names that must resolve, and the count measured on 2026-11-22 (23 of 315 sponsor names, 184 of 713 records).
    for name, company in {"Eli Lilly and Company": "Eli Lilly and Company", "Hoffmann-La Roche": "Roche / Genentech",
                          "Bayer": "Bayer", "Pfizer": "Pfizer", "Celgene": "Bristol Myers Squibb",
                          "Syndax Pharmaceuticals": "Syndax Pharmaceuticals"}.items():
        assert matched.get(name) == company
    assert len(industry) == 315
    assert len(matched) == 23
    studies_matched = sum(industry[name] for name in matched)
    assert studies_matched == 184, studies_matched  # of 713 industry-sponsored records


# --- lookup -----------------------------------------------------------------------------------

def test_lookup_without_a_source_gives_the_policy_and_resources():
    lookup = lookup_sponsor("Loxo Oncology at Lilly")
    assert lookup.found and lookup.policy.contact_email == "clinicaltrials@loxooncology.com"
    assert "Eli Lilly and Company" in [p.company for p in lookup.related]
    assert lookup.general_resources
    assert lookup.ea_records == [] and not lookup.ea_records_searched and lookup.ea_records_error is None


def test_lookup_of_an_unknown_company_is_not_an_error():
    lookup = lookup_sponsor("Acme Biotech")
    assert not lookup.found and lookup.policy is None
    assert len(lookup.general_resources) == 9
    assert lookup.to_dict()["found"] is False


def test_lookup_survives_an_unreachable_source():
    class DownSource:
        def search(self, spec):
            raise SourceUnavailable("could not connect to the registry (unreachable?)")

        def get_study(self, nct_id):
            raise SourceUnavailable("could not connect to the registry (unreachable?)")

        def data_version(self):
            return None

    lookup = lookup_sponsor("Genentech, Inc.", source=DownSource())
    assert lookup.policy.company == "Roche / Genentech"
    assert "unreachable" in lookup.ea_records_error
    assert "\n" not in lookup.ea_records_error


def test_lookup_refuses_an_empty_name():
    with pytest.raises(InvalidInput):
        lookup_sponsor("  ")


def test_related_policies_link_parent_and_unit():
    loxo = match_sponsor("Loxo Oncology at Lilly")
    lilly = match_sponsor("Eli Lilly and Company")
    assert lilly in related_policies(loxo)
    assert loxo in related_policies(lilly)
    assert related_policies(match_sponsor("Bayer")) == ()
