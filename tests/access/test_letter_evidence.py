"""The letter's evidence on the real records (loopback server): the drug's own trials only,
comparator trials apart and never used for the checks, no "met" on partial evidence, a
lorlatinib letter that states mechanism and approval without contradicting itself, and
plain text that keeps URLs whole."""
from __future__ import annotations

import re

import pytest

from tests.shared_data import real_records
from trialfind.access.criteria import MET, NOT_MET, UNKNOWN
from trialfind.access.packet import build_request_packet
from trialfind.core.errors import InvalidInput
from trialfind.core.study import parse_study
from trialfind.match.drug_role import BACKGROUND, COMPARATOR, NOT_GIVEN, OWN, drug_role
from trialfind.output.document import Link, escape_markdown, md_escape
from trialfind.output.letter import PLACEHOLDERS, render_packet
from trialfind.sources.ctgov import CtgovClient

URL = re.compile(r"https?://[^\s<>|)]+")


@pytest.fixture
def client(real_ctgov_server):
    return CtgovClient(base_url=real_ctgov_server.url, rate_limit_per_minute=1e9)


def _real(nct_id):
    return parse_study(next(r for r in real_records()
                            if r["protocolSection"]["identificationModule"]["nctId"] == nct_id))


def _by_key(packet):
    return {c.key: c for c in packet.checks}


def _section(markdown: str, heading: str) -> str:
    start = markdown.index(heading)
    end = markdown.find("\n#", start + len(heading))
    return markdown[start:end if end != -1 else None]


def test_real_records_tell_a_comparator_from_the_drug_tested():
    # Roche's entrectinib trial and BMS's repotrectinib trial give crizotinib in the comparator arm only.
    for nct_id, tested in (("NCT04603807", "Entrectinib"), ("NCT06140836", "Repotrectinib")):
        study = _real(nct_id)
        role = drug_role(study, ["crizotinib", "Xalkori", "PF-02341066"])
        assert role.role == COMPARATOR, (nct_id, role)
        assert tested in role.partners and "comparator" in role.reason
        assert drug_role(study, [tested]).role == OWN
    # A trial naming the drug only outside its interventions does not give it.
    assert drug_role(_real("NCT06062823"), ["crizotinib"]).role == NOT_GIVEN


def test_synthetic_background_therapy_given_in_every_arm():
    record = {"protocolSection": {
        "identificationModule": {"nctId": "NCT90000201", "briefTitle": "Synthetic add-on trial"},
        "armsInterventionsModule": {
            "armGroups": [{"label": "A", "type": "EXPERIMENTAL", "interventionNames": ["Drug: Newdrug", "Drug: Olddrug"]},
                          {"label": "B", "type": "PLACEBO_COMPARATOR", "interventionNames": ["Drug: Placebo",
                                                                                             "Drug: Olddrug"]}],
            "interventions": [{"type": "DRUG", "name": "Newdrug", "armGroupLabels": ["A"]},
                              {"type": "DRUG", "name": "Olddrug", "armGroupLabels": ["A", "B"]},
                              {"type": "DRUG", "name": "Placebo", "armGroupLabels": ["B"]}]}}}
    study = parse_study(record)
    role = drug_role(study, ["olddrug"])
    assert role.role == BACKGROUND and role.partners == ("Newdrug",)
    assert drug_role(study, ["newdrug"]).role == OWN
    no_arms = parse_study({"protocolSection": {"identificationModule": {"nctId": "NCT90000202", "briefTitle": "x"},
                                               "armsInterventionsModule": {"interventions": [{"name": "Olddrug"}]}}})
    role = drug_role(no_arms, ["olddrug"])
    assert role.role == OWN and not role.arms_stated


def test_crizotinib_letter_cites_only_crizotinibs_own_trials(client):
    packet = build_request_packet("crizotinib", source=client, target="ALK F1174L", age="7")
    assert packet.company == "Pfizer"
    assert packet.trials == []  # both real trials naming it use it as the comparator
    assert {r.study.nct_id for r in packet.other_role_trials} == {"NCT04603807", "NCT06140836"}
    checks = _by_key(packet)
    for check in packet.checks:
        assert not {"NCT04603807", "NCT06140836"} & set(check.evidence), check.key
        assert "NCT04603807" not in check.reason and "NCT06140836" not in check.reason
    assert checks["us_trials_under_way"].answer == UNKNOWN
    assert checks["not_eligible_for_trials"].answer == UNKNOWN
    letter = render_packet(packet)["request.md"]
    own = _section(letter, "### Trials testing crizotinib")
    assert "NCT04603807" not in own and "NCT06140836" not in own
    apart = _section(letter, "### Trials where crizotinib is only a comparator")
    assert "NCT04603807" in apart and "NCT06140836" in apart and "Entrectinib" in apart
    letter_body = _section(letter, "## Letter")
    assert "NCT04603807" not in letter_body and "NCT06140836" not in letter_body


def test_lorlatinib_letter_states_mechanism_and_approval_without_contradiction(client):
    packet = build_request_packet("lorlatinib", source=client, target="ALK F1174L", age="7")
    files = render_packet(packet)
    body = _section(files["request.md"], "## Letter")
    assert "ALK/ROS1 tyrosine kinase inhibitor" in body
    assert "approved" in body and "2018" in body
    assert "No trial testing lorlatinib itself was found" in body
    assert "explains why it may help" not in files["request.md"]
    assert "5-9 years" in body and "ALK F1174L" in body
    for key in ("variant", "test", "report"):
        assert PLACEHOLDERS[key] in files["request.md"] or key == "variant"
    assert PLACEHOLDERS["test"] in files["request.txt"]
    checks = _by_key(packet)
    assert checks["not_eligible_for_trials"].answer == UNKNOWN
    assert "other eligibility criteria" in checks["not_eligible_for_trials"].reason
    assert all(c.answer != MET for c in packet.checks if c.answered_by != "data")


def test_an_open_trial_admitting_the_age_is_not_met_and_an_age_only_check_is_unknown(client):
    check = _by_key(build_request_packet("revumenib", source=client, age="7"))["not_eligible_for_trials"]
    assert check.answer == NOT_MET and "NCT05326516" in check.evidence and "may be eligible" in check.reason
    # repotrectinib's one open trial admits adults only: by age the child fits none, which is not "met".
    check = _by_key(build_request_packet("repotrectinib", source=client, age="14"))["not_eligible_for_trials"]
    assert check.answer == UNKNOWN and check.evidence == ("NCT06140836",)
    assert "admits a child in the patient's age band (10-14 years) by its stated ages" in check.reason
    assert "other eligibility criteria" in check.reason


def test_sponsor_that_is_not_the_drugs_company_is_refused_unless_forced():
    with pytest.raises(InvalidInput, match="crizotinib is Pfizer's drug"):
        build_request_packet("crizotinib", sponsor="Loxo Oncology at Lilly")
    packet = build_request_packet("crizotinib", sponsor="Loxo Oncology at Lilly", force=True)
    assert packet.company.startswith("Loxo") and any("Pfizer" in n for n in packet.notes)
    assert build_request_packet("selpercatinib", sponsor="Loxo Oncology at Lilly").policy is not None


def test_plain_text_keeps_every_url_whole(client):
    packet = build_request_packet("repotrectinib", source=client, target="ROS1 fusion", age="7")
    files = render_packet(packet)
    urls = {u.rstrip(".,;") for u in URL.findall(files["request.md"])}
    assert urls
    text_tokens = set(files["request.txt"].split())
    for url in urls:
        assert any(url in token for token in text_tokens), url
    assert max(len(line) for line in files["request.txt"].splitlines() if not URL.search(line)) <= 78


def test_markdown_escapes_inserted_values_and_links_only_trialfinds_own_urls():
    assert md_escape("*bold* [x](y) <b> a|b") == escape_markdown("*bold* [x](y) <b> a|b")
    assert "https://" not in md_escape("see https://evil.example/a_b")  # a value's URL is not a link
    assert md_escape(Link("https://clinicaltrials.gov/study/NCT04250064")) == \
        "<https://clinicaltrials.gov/study/NCT04250064>"
    assert md_escape(" (data version 2026-11-21)").startswith(" ")  # the space before a value stays


def test_synthetic_approvals_and_variant_evidence_reach_the_letter():
    """What the approvals and variant-effect tables give (synthetic rows here) is stated with its source."""
    import dataclasses

    from trialfind.access.drug_facts import ApprovalFact, VariantFact

    packet = build_request_packet("lorlatinib", target="ALK F1174L", age="7")
    adults = ApprovalFact("adults", "synthetic ALK-positive lung cancer", "adults", 2018, "US", "https://example.org/l")
    works = VariantFact("ALK F1174L", "sensitive", "preclinical", "synthetic xenografts regressed", "https://example.org/v")
    packet.facts = dataclasses.replace(packet.facts, approvals=(adults,), variant_facts=(works,))
    files = render_packet(packet)
    letter, body = files["request.md"], " ".join(_section(files["request.txt"], "Letter\n").split())
    assert "approved for adults with synthetic ALK-positive lung cancer (US, 2018)" in body
    assert "no approval for children is recorded" in body
    assert "Published preclinical evidence shows activity on ALK F1174L: synthetic xenografts regressed." in body
    assert "<https://example.org/v>" in letter and PLACEHOLDERS["activity"] not in letter
    fails = VariantFact("ALK F1174L", "resistant", "preclinical", "synthetic resistance", "https://example.org/r")
    children = ApprovalFact("children", "synthetic lymphoma", "1 year and older", 2021, "US", "https://example.org/c")
    packet.facts = dataclasses.replace(packet.facts, approvals=(children,), variant_facts=(fails,))
    body = " ".join(_section(render_packet(packet)["request.txt"], "Letter\n").split())
    assert "Caution: published preclinical evidence reports resistance with ALK F1174L" in body
    assert "approved for children with synthetic lymphoma (US, 2021; 1 year and older)" in body


def test_synthetic_us_approval_makes_investigational_not_met_and_phase1_met():
    from trialfind.access.criteria import check_company_criteria
    from trialfind.access.drug_facts import ApprovalFact

    us = ApprovalFact("adults", "synthetic tumour", "adults", 2018, "US", "https://example.org/a")
    by = {c.key: c for c in check_company_criteria({"drug": "x", "trials": [], "approved": True, "approvals": (us,)})}
    assert by["investigational"].answer == NOT_MET and "off-label" in by["investigational"].reason
    assert by["phase1_completed"].answer == MET
    elsewhere = ApprovalFact(None, None, None, 2014, None, "https://example.org/b")
    by = {c.key: c for c in check_company_criteria({"drug": "x", "trials": [], "approved": True,
                                                    "approvals": (elsewhere,)})}
    assert by["investigational"].answer == UNKNOWN
