"""Issue 11 on the real records through the loopback ClinicalTrials.gov server: variant evidence
changes rank and reasons, approvals say children or adults, code names and combination
products merge, agents of unknown action are listed apart; synthetic records (named so) only
where the real records lack the case."""
from __future__ import annotations

import json
import re
import subprocess

import pytest

from trialfind.access.candidates import find_candidates
from trialfind.core.ages import age_fits, max_age_days, min_age_days
from trialfind.knowledge.approvals import builtin_approvals
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.knowledge.targets import builtin_knowledge
from trialfind.sources.ctgov import CtgovClient

OPEN = {"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"}
SEVEN_YEARS = 7 * 365 + 2


def _all(found):
    return {c.drug: c for c in [*found, *found.not_candidates]}


def test_alk_f1174l_ranks_lorlatinib_above_crizotinib_with_sourced_reasons(client):
    found = find_candidates(["ALK F1174L"], "7", source=client)
    order = [c.drug for c in found]
    assert "lorlatinib" in order and "crizotinib" in order
    assert order.index("lorlatinib") < order.index("crizotinib")
    crizotinib, lorlatinib = found[order.index("crizotinib")], found[order.index("lorlatinib")]
    # crizotinib is kept, last, and the first reason says why in plain words with its source
    assert all(c.against_variant for c in found[order.index("crizotinib"):])
    assert crizotinib.reasons[0].startswith("crizotinib: NOT expected to work for ALK F1174L")
    assert "https://doi.org/10.1158/2159-8290.CD-15-1056" in crizotinib.reasons[0]
    assert any(r.startswith("lorlatinib: expected to work for ALK F1174L") and "https://" in r
               for r in lorlatinib.reasons)
    assert crizotinib.to_row()["variant_effect"]["effect"] == "resistant"


def test_braf_fusion_flags_first_generation_braf_inhibitors(client):
    found = find_candidates(["BRAF fusion"], "7", source=client)
    rows = found.rows()
    first_generation = {"vemurafenib", "dabrafenib", "encorafenib"}
    flagged = {row["drug"]: row for row in rows if row["drug"] in first_generation}
    assert flagged.keys() == first_generation  # each is shown, none hidden
    for drug, row in flagged.items():
        assert row["variant_effect"]["effect"] == "paradoxical activation", drug
        text = " ".join(row.get("reasons") or [row["line"]])
        assert "may HARM with BRAF fusion" in text and "https://doi.org/10.1073/pnas.1219232110" in text
    listed = [c.drug for c in found]
    flagged_listed = [i for i, d in enumerate(listed) if d in first_generation]
    assert all(i >= len(listed) - len(flagged_listed) for i in flagged_listed)  # last


def test_bare_kras_offers_no_g12c_only_drug_but_says_so(client):
    found = find_candidates(["KRAS"], "7", source=client)
    g12c_only = {d.name for d in builtin_knowledge().drugs.values() if d.variants == ("G12C",)}
    assert g12c_only and not g12c_only & set(_all(found))
    assert any("give the tumour's variant" in n and "sotorasib" in n for n in found.notes)
    g12c = find_candidates(["KRAS G12C"], "7", source=client)
    sotorasib = _all(g12c)["sotorasib"]
    assert any(r.startswith("sotorasib: expected to work for KRAS G12C") for r in sotorasib.reasons)


def _phesgo_trials(raw_by_id):
    return {n for n, r in raw_by_id.items()
            for iv in r["protocolSection"].get("armsInterventionsModule", {}).get("interventions", [])
            if any("phesgo" in name.lower() or "ph fdc sc" in name.lower()
                   for name in [iv.get("name", ""), *iv.get("otherNames", [])])}


def test_phesgo_counts_for_pertuzumab_and_trastuzumab(client, raw_by_id):
    phesgo = _phesgo_trials(raw_by_id)
    assert phesgo, "the real records hold Phesgo trials"
    drugs = _all(find_candidates(["ERBB2"], "7", source=client))
    for drug in ("pertuzumab", "trastuzumab"):
        assert phesgo <= set(drugs[drug].nct_ids), drug
        assert any("phesgo" in a.lower() or "ph fdc sc" in a.lower() for a in drugs[drug].aliases), drug


def _inclusion_and_title(record):
    proto = record["protocolSection"]
    criteria = proto.get("eligibilityModule", {}).get("eligibilityCriteria", "")
    inclusion = re.split(r"exclusion criteria", criteria, flags=re.I)[0]
    return " ".join([proto["identificationModule"].get("briefTitle", ""),
                     proto["identificationModule"].get("officialTitle", ""),
                     " ".join(proto.get("conditionsModule", {}).get("conditions", [])),
                     " ".join(proto.get("conditionsModule", {}).get("keywords", [])), inclusion])


def test_discovered_agents_are_listed_apart_below_the_candidates(client, raw_by_id):
    found = find_candidates(["EGFR"], "7", source=client)
    discovered = {d.name: d for d in found.discovered}
    assert {"TY-9591", "JS111"} <= set(discovered)
    assert not set(discovered) & set(_all(found))  # never merged with confirmed candidates
    for d in found.discovered:
        assert d.line(found.age_days).startswith(f"{d.name}: studied in EGFR-positive patients")
        assert "action on EGFR not confirmed" in d.line(found.age_days)
        for nct_id in d.nct_ids:  # each trial requires EGFR outside its exclusion criteria
            assert re.search(r"\bEGFR\b|epidermal growth factor", _inclusion_and_title(raw_by_id[nct_id]), re.I)
    sections = [row["section"] for row in found.rows()]
    assert sections.index("discovered") > max(i for i, s in enumerate(sections) if s == "candidate")


def test_approvals_say_children_or_adults_with_the_indication(client):
    drugs = _all(find_candidates(["ALK"], "7", source=client))
    crizotinib, lorlatinib = drugs["crizotinib"], drugs["lorlatinib"]
    assert any(r.startswith("approved for children with relapsed or refractory ALK-positive anaplastic large cell")
               and "the doctor can prescribe it" in r for r in crizotinib.reasons)
    assert crizotinib.to_row()["approved_for_children"] is True
    assert any(r.startswith("approved for adults with ALK-positive non-small cell lung cancer")
               and "off-label use possible" in r for r in lorlatinib.reasons)
    assert not any("approved somewhere" in r for c in drugs.values() for r in c.reasons)
    # approved for children, but for NTRK fusions: for ALK that is another use, said so
    entrectinib = drugs["entrectinib"]
    assert entrectinib.to_row()["approved_for_children"] is False
    assert any("another use: for ALK it would be off-label" in r for r in entrectinib.reasons)


def test_approvals_table_rows_are_sourced_and_name_known_drugs():
    drugs = builtin_knowledge().drugs
    approvals = builtin_approvals()
    for drug, rows in approvals.items():
        assert drug in drugs, drug
        assert drugs[drug].approved, drug
        for a in rows:
            assert a.source.startswith("https://") and a.indication and a.ages and a.year, (drug, a)
            for target in a.targets:  # a known target, with a variant it knows
                assert resolve_target(target).label == target, (drug, target)
    for drug in ("crizotinib", "dabrafenib", "trametinib", "larotrectinib", "selumetinib", "tovorafenib"):
        assert any(a.population == "children" for a in approvals[drug]), drug


def _synthetic_record(nct_id, name, *, status, min_age, max_age=None, other_names=()):
    return {"protocolSection": {
        "identificationModule": {"nctId": nct_id, "briefTitle": f"Synthetic NTRK fusion study {nct_id}"},
        "statusModule": {"overallStatus": status, "lastUpdatePostDateStruct": {"date": "2025-01-01"}},
        "conditionsModule": {"conditions": ["Solid tumour with NTRK fusion"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Bayer", "class": "INDUSTRY"}},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": name, "otherNames": list(other_names)}]},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n* NTRK gene fusion",
                              "minimumAge": min_age, **({"maximumAge": max_age} if max_age else {})},
    }}


def test_synthetic_open_paediatric_trial_named_only_by_bay_2757556_rules_larotrectinib_out(ctgov_server_factory):
    records = [_synthetic_record("NCT90000101", "BAY 2757556", status="RECRUITING", min_age="1 Month",
                                 max_age="21 Years"),
               _synthetic_record("NCT90000102", "Larotrectinib", status="COMPLETED", min_age="18 Years")]
    server = ctgov_server_factory(records)
    client = CtgovClient(base_url=server.url, cache_dir=None, rate_limit_per_minute=1_000_000)
    found = find_candidates(["NTRK fusion"], "7", source=client)
    assert "larotrectinib" not in {c.drug for c in found}
    larotrectinib = next(c for c in found.not_candidates if c.drug == "larotrectinib")
    assert [t.nct_id for t in larotrectinib.open_trials_admitting_child] == ["NCT90000101"]
    assert "BAY 2757556" in larotrectinib.aliases


# --- every drug acting on the target that the records give is listed; none with an open trial for the child

def _raw_open_for_child(record):
    proto = record["protocolSection"]
    elig = proto.get("eligibilityModule", {})
    return (proto["statusModule"].get("overallStatus") in OPEN
            and proto.get("designModule", {}).get("studyType") == "INTERVENTIONAL"
            and age_fits(SEVEN_YEARS, min_age_days(elig.get("minimumAge")), max_age_days(elig.get("maximumAge"))))


@pytest.mark.slow
@pytest.mark.parametrize("target", ["ALK", "EGFR", "ERBB2", "KRAS G12C", "BRAF V600E", "NTRK", "MET", "PARP",
                                    "CDK4/6", "FLT3", "MEK", "ALK F1174L", "BRAF fusion"])
def test_every_drug_given_in_the_records_is_listed_and_no_candidate_has_an_open_trial_for_the_child(
        target, client, raw_by_id):
    found = find_candidates([target], "7", source=client)
    listed = _all(found)
    for candidate in found:
        for nct_id in candidate.nct_ids:
            assert not _raw_open_for_child(raw_by_id[nct_id]), (candidate.drug, nct_id)
    for row in found.rows():
        if row["section"] == "no_study":
            assert row["drug"] not in listed
    # each drug the query covers is either listed (with its studies) or said to have none
    no_study = {row["drug"] for row in found.rows() if row["section"] == "no_study"}
    assert set(found.queries[0].drugs) == set(listed) | no_study


@pytest.mark.slow
def test_cli_json_rows_for_alk_f1174l(cli_env, trialfind_cmd):
    result = subprocess.run([*trialfind_cmd, "candidates", "--target", "ALK F1174L", "--age", "7", "--format",
                             "json"], env=cli_env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    drugs = [row["drug"] for row in rows if row["section"] == "candidate"]
    assert drugs.index("lorlatinib") < drugs.index("crizotinib")
    assert {row["section"] for row in rows} >= {"candidate", "no_study"}
