"""Whose drug, whose program: company policy, expanded-access attribution, site countries and
drugs without a trial. Real records through the loopback ClinicalTrials.gov server where the
records show the case; synthetic studies (named so) for the cases they do not."""
from __future__ import annotations

import csv
import json
import subprocess

import pytest

from tests.factories import make_record
from trialfind.access.candidates import build_candidate, drug_company, find_candidates, is_drug_company
from trialfind.access.criteria import MET, check_company_criteria
from trialfind.core.study import parse_study
from trialfind.knowledge.drugs import resolver_for
from trialfind.knowledge.sponsor_directory import match_sponsor
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.knowledge.targets import DRUGS_FILE, DrugInfo, builtin_knowledge
from trialfind.sources.memory import MemorySource

SEVEN_YEARS = 7 * 365 + 2
UNDER_WAY = {"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING"}
PRODUCT_TYPES = {"DRUG", "BIOLOGICAL", "GENETIC", "COMBINATION_PRODUCT"}


def _by_drug(found):
    return {c.drug: c for c in [*found, *found.not_candidates]}


def _raw_sponsor(record):
    lead = record["protocolSection"].get("sponsorCollaboratorsModule", {}).get("leadSponsor", {})
    return lead.get("name"), lead.get("class")


def _raw_products(record):
    """Names of the record's drug/biological interventions, placebo left out (own reading)."""
    ivs = record["protocolSection"].get("armsInterventionsModule", {}).get("interventions", [])
    return [iv["name"] for iv in ivs if iv.get("type") in PRODUCT_TYPES and "placebo" not in iv["name"].lower()]


def _raw_ea_link(record):
    return (record["protocolSection"].get("statusModule", {}).get("expandedAccessInfo") or {}).get("nctId")


def _directory_company(companies):
    for name in companies:
        policy = match_sponsor(name, "INDUSTRY")
        if policy is not None:
            return policy.company
    return None


# --- 1. the policy is the drug's company's ------------------------------------------------------

@pytest.mark.parametrize("target,drug,company", [("ALK", "crizotinib", "Pfizer"),
                                                 ("EGFR", "cetuximab", "Eli Lilly and Company")])
def test_policy_is_the_drug_company_not_the_sponsor_of_a_combination_trial(target, drug, company, client,
                                                                           raw_by_id):
    c = _by_drug(find_candidates([target], "7", source=client))[drug]
    sponsors = {_raw_sponsor(raw_by_id[n])[0] for n in c.nct_ids}
    expected = match_sponsor(company, "INDUSTRY").company
    # the records alone would point elsewhere: no trial of the drug in them is run by its company
    assert not any(match_sponsor(s, "INDUSTRY") and match_sponsor(s, "INDUSTRY").company == expected
                   for s in sponsors if s)
    assert c.ea_policy["company"] == expected
    assert c.ea_policy_basis == "the drug's company"
    assert any(r.startswith(f"policy of {expected}, the drug's company") for r in c.reasons)
    row = c.to_row()
    assert company in row["company"].split("; ")


@pytest.mark.parametrize("target", ["ALK", "EGFR", "KRAS", "ERBB2", "CDK4/6", "BRAF V600E"])
def test_every_policy_shown_is_the_first_directory_row_of_the_drug_company(target, client):
    found = find_candidates([target], "7", source=client)
    assert found
    for c in [*found, *found.not_candidates]:
        table = drug_company(builtin_knowledge().drugs[c.drug])
        assert c.company == table
        if table:
            assert (c.ea_policy or {}).get("company") == _directory_company(table), c.drug
            assert c.ea_policy_basis in (None, "the drug's company")
            if c.ea_policy is None:
                assert any("is not in trialfind's expanded-access directory" in r for r in c.reasons)


def test_company_column_reaches_the_json_output(cli_env, trialfind_cmd):
    result = subprocess.run([*trialfind_cmd, "candidates", "--target", "EGFR", "--age", "7", "--format", "json"],
                            env=cli_env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    rows = {row["drug"]: row for row in json.loads(result.stdout)}
    assert rows["cetuximab"]["ea_policy"]["company"] == match_sponsor("Eli Lilly and Company").company
    assert rows["osimertinib"]["company"] == "AstraZeneca"
    for row in rows.values():
        assert {"company", "related_ea_records", "ea_policy_basis"} <= set(row)


# --- 2. an expanded-access program belongs to the drug it names -----------------------------------

def test_program_linked_from_another_company_combination_trial_is_not_the_drug_program(client, raw_by_id):
    c = _by_drug(find_candidates(["EGFR"], "7", source=client))["osimertinib"]
    linking = [n for n in c.nct_ids if _raw_ea_link(raw_by_id[n])]
    assert linking, "the records hold an osimertinib trial that links an expanded-access record"
    for nct in linking:
        record = raw_by_id[nct]
        sponsor, _ = _raw_sponsor(record)
        assert not is_drug_company(sponsor, "INDUSTRY", c.company) and len(_raw_products(record)) > 1
        program = _raw_ea_link(record)
        assert program not in {r.nct_id for r in c.ea_records}
        related = {r.nct_id: r for r in c.related_ea_records}
        assert program in related and nct in related[program].reason
        assert "may be for another drug of that trial" in related[program].reason
    assert not c.ea_available
    assert not any("expanded-access program is available" in r for r in c.reasons)
    row = c.to_row()
    assert row["ea_records"] == [] and row["related_ea_records"][0]["reason"]


def test_same_link_counts_for_the_drug_whose_company_runs_the_trial(client, raw_by_id):
    by = _by_drug(find_candidates(["EGFR"], "7", source=client))
    amivantamab, cetuximab = by["amivantamab"], by["cetuximab"]
    shared = {r.nct_id for r in amivantamab.ea_records} & {r.nct_id for r in cetuximab.related_ea_records}
    assert shared, "a program linked from amivantamab-vs-cetuximab trials"
    for program in shared:
        trial = next(n for n in cetuximab.nct_ids if _raw_ea_link(raw_by_id[n]) == program)
        sponsor, sponsor_class = _raw_sponsor(raw_by_id[trial])
        assert is_drug_company(sponsor, sponsor_class, amivantamab.company)
        assert not is_drug_company(sponsor, sponsor_class, cetuximab.company)
    alk = _by_drug(find_candidates(["ALK"], "7", source=client))
    repotrectinib, crizotinib = alk["repotrectinib"], alk["crizotinib"]
    assert repotrectinib.ea_available and not crizotinib.ea_available
    assert {r.nct_id for r in repotrectinib.ea_records} <= {r.nct_id for r in crizotinib.related_ea_records}
    # the program adds to repotrectinib's score only: same trial, same phase, yet the gap is the EA weight
    assert any("expanded-access program is available" in r for r in repotrectinib.reasons)
    assert not any("expanded-access program is available" in r for r in crizotinib.reasons)


@pytest.mark.parametrize("target", ["ALK", "EGFR", "KRAS", "KMT2A", "ERBB2", "ABL1"])
def test_every_attributed_link_has_a_reason_in_the_raw_record(target, client, raw_by_id):
    """Own reading of each linking record: the drug given alone, or the trial run by the drug's company."""
    found = find_candidates([target], "7", source=client)
    for c in [*found, *found.not_candidates]:
        for record in c.ea_records:
            if record.kind == "expanded_access_study":
                continue
            reasons = []
            for nct in record.linked_from:
                raw = raw_by_id[nct]
                sponsor, sponsor_class = _raw_sponsor(raw)
                reasons.append(len(_raw_products(raw)) == 1 or is_drug_company(sponsor, sponsor_class, c.company))
            assert any(reasons), (c.drug, record.nct_id)


# --- 3. site countries on the evidence ---------------------------------------------------------

@pytest.mark.parametrize("target", ["ALK", "EGFR", "CDK4/6"])
def test_drug_trials_carry_their_site_countries_and_the_us_check_reads_them(target, client, raw_by_id):
    found = find_candidates([target], "7", source=client)
    met = 0
    for c in found:
        for trial in c.studies:
            locations = raw_by_id[trial.nct_id]["protocolSection"].get("contactsLocationsModule", {})
            raw = {loc.get("country") for loc in locations.get("locations", []) if loc.get("country")}
            assert set(trial.countries) == raw, trial.nct_id
        us_under_way = [t.nct_id for t in c.trials if t.status in UNDER_WAY and "United States" in t.countries
                        and is_drug_company(t.lead_sponsor, t.lead_sponsor_class, c.company)]
        check = next(x for x in check_company_criteria(c) if x.key == "us_trials_under_way")  # no Study objects
        # Only the drug's own company's US trials show its US IND.
        assert (check.answer == MET) == bool(us_under_way), c.drug
        if us_under_way:
            met += 1
            assert set(check.evidence) == set(us_under_way)
    assert met, f"some {target} candidate has a trial under way in the United States"


def test_request_packet_for_lorlatinib_still_works(cli_env, trialfind_cmd, tmp_path):
    result = subprocess.run([*trialfind_cmd, "request", "--drug", "lorlatinib", "--target", "ALK F1174L", "--age",
                             "7", "--output", str(tmp_path / "packet")], env=cli_env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "packet" / "request.md").read_text()
    # the records hold no trial of lorlatinib, so the US criterion stays open, never "met"
    us_row = next(line for line in text.splitlines() if line.startswith("| An open US IND"))
    assert "| unknown" in us_row and "No trials of lorlatinib itself were found" in us_row


# --- 4. a drug with no interventional trial --------------------------------------------------------

def test_drug_without_an_interventional_trial_says_so_and_ranks_last(client, raw_by_id):
    found = find_candidates(["ALK"], "7", source=client)
    by = _by_drug(found)
    lorlatinib = by["lorlatinib"]
    interventional = [n for n in lorlatinib.nct_ids
                      if raw_by_id[n]["protocolSection"]["designModule"].get("studyType") == "INTERVENTIONAL"]
    assert interventional == [] and lorlatinib.nct_ids
    assert lorlatinib in found  # acting on the target, with no refusal: still listed
    others = len(lorlatinib.nct_ids)
    assert any(r.startswith(f"no interventional trial of it in the data; only {others} other stud")
               for r in lorlatinib.reasons)
    with_trials = [i for i, c in enumerate(found) if c.trials]
    without = [i for i, c in enumerate(found) if not c.trials]
    assert with_trials and without and max(with_trials) < min(without)
    assert lorlatinib.score < max(c.score for c in found)


# --- synthetic units -----------------------------------------------------------------------------

def _synthetic(nct_id, *, drugs, sponsor="Synthetic Pharma", sponsor_class="INDUSTRY", ea=None,
               study_type="INTERVENTIONAL", status="COMPLETED", countries=("United States",)):
    return parse_study({"protocolSection": {
        "identificationModule": {"nctId": nct_id, "briefTitle": f"Synthetic study {nct_id}"},
        "statusModule": {"overallStatus": status, "lastUpdatePostDateStruct": {"date": "2025-01-01"},
                         **({"expandedAccessInfo": ea} if ea else {})},
        "designModule": {"studyType": study_type, "phases": [] if study_type == "EXPANDED_ACCESS" else ["PHASE2"]},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": sponsor, "class": sponsor_class}},
        "armsInterventionsModule": {"interventions": [{"type": t, "name": n} for t, n in drugs]},
        "eligibilityModule": {"minimumAge": "18 Years", "eligibilityCriteria": "Inclusion Criteria:\n* tumour"},
        "contactsLocationsModule": {"locations": [{"facility": "Synthetic site", "country": c} for c in countries]},
    }})


def _candidate(studies, drug="lorlatinib", company=None, known=None):
    resolver = resolver_for()
    names = {s.nct_id: resolver.resolve_names(s.intervention_names).get(drug, []) for s in studies}
    return build_candidate(builtin_knowledge().drugs[drug], studies, names, age_days=SEVEN_YEARS, targets=["ALK"],
                           queries=[resolve_target("ALK")], company=company, known_studies=known)


LINK = {"hasExpandedAccess": True, "nctId": "NCT99000099", "statusForNctId": "AVAILABLE"}


def test_synthetic_unknown_company_falls_back_to_the_sponsor_of_a_single_drug_trial():
    combo = _synthetic("NCT99000001", drugs=[("DRUG", "Lorlatinib"), ("DRUG", "Repotrectinib")],
                       sponsor="Bristol-Myers Squibb")
    alone = _synthetic("NCT99000002", drugs=[("DRUG", "Lorlatinib"), ("DRUG", "Placebo")], sponsor="Pfizer Inc.")
    c = _candidate([combo, alone], company=())
    assert c.ea_policy["company"] == "Pfizer" and c.ea_policy_basis == "sponsor of its trial NCT99000002"
    assert any(r.startswith("policy of Pfizer, sponsor of its trial NCT99000002") for r in c.reasons)
    only_combo = _candidate([combo], company=())
    assert only_combo.ea_policy is None
    assert any("company is not recorded" in r for r in only_combo.reasons)
    academic = _candidate([_synthetic("NCT99000003", drugs=[("DRUG", "Lorlatinib")], sponsor="Pfizer",
                                      sponsor_class="OTHER")], company=())
    assert academic.ea_policy is None


def test_synthetic_known_company_outside_the_directory_gets_no_trial_sponsor_policy():
    alone = _synthetic("NCT99000004", drugs=[("DRUG", "Lorlatinib")], sponsor="Pfizer")
    c = _candidate([alone], company=("Synthetic Holdings Unlisted",))
    assert c.ea_policy is None and c.to_row()["company"] == "Synthetic Holdings Unlisted"
    assert any("(Synthetic Holdings Unlisted) is not in trialfind's expanded-access directory" in r
               for r in c.reasons)


@pytest.mark.parametrize("drugs,sponsor,attributed", [
    ([("DRUG", "Lorlatinib")], "Synthetic Pharma", True),                          # the drug alone
    ([("DRUG", "Lorlatinib"), ("DRUG", "Placebo")], "Synthetic Pharma", True),     # placebo is not a drug
    ([("DRUG", "Lorlatinib"), ("PROCEDURE", "Surgery")], "Synthetic Pharma", True),
    ([("DRUG", "Lorlatinib"), ("DRUG", "Tipifarnib")], "Synthetic Pharma", False),  # unknown other drug counts
    ([("DRUG", "Tipifarnib + Lorlatinib 100 mg")], "Synthetic Pharma", False),     # a regimen in one intervention
    ([("DRUG", "Lorlatinib"), ("DRUG", "Crizotinib")], "Synthetic Pharma", False),
    ([("DRUG", "Lorlatinib"), ("DRUG", "Crizotinib")], "Pfizer", True),            # run by the drug's company
    ([("DRUG", "Lorlatinib"), ("BIOLOGICAL", "Amivantamab")], "Pfizer Inc.", True),
])
def test_synthetic_unresolved_link_attribution(drugs, sponsor, attributed):
    trial = _synthetic("NCT99000010", drugs=drugs, sponsor=sponsor, ea=LINK)
    c = _candidate([trial])
    assert ("NCT99000099" in {r.nct_id for r in c.ea_records}) is attributed
    assert ("NCT99000099" in {r.nct_id for r in c.related_ea_records}) is not attributed
    assert c.ea_available is attributed


def test_synthetic_resolved_program_counts_only_when_it_names_the_drug():
    trial = _synthetic("NCT99000011", drugs=[("DRUG", "Lorlatinib")], sponsor="Pfizer", ea=LINK)
    for program_drug, attributed in [("Tipifarnib", False), ("PF-06463922", True)]:
        program = _synthetic("NCT99000099", drugs=[("DRUG", program_drug)], study_type="EXPANDED_ACCESS",
                             status="AVAILABLE", sponsor="Synthetic Other Pharma")
        c = _candidate([trial], known={s.nct_id: s for s in (trial, program)})
        assert ("NCT99000099" in {r.nct_id for r in c.ea_records}) is attributed, program_drug
        if not attributed:
            assert "names Tipifarnib, not lorlatinib" in c.related_ea_records[0].reason


def test_synthetic_trial_countries_and_other_drugs_on_the_evidence():
    trial = _synthetic("NCT99000012", drugs=[("DRUG", "Lorlatinib"), ("DRUG", "Oral S-1 + Carboplatin")],
                       countries=("Japan", "United States", "Japan"))
    c = _candidate([trial])
    [t] = c.trials
    assert t.countries == ("Japan", "United States")
    assert t.with_drugs == ("S-1", "Carboplatin") and not t.gives_drug_alone
    assert t.to_dict()["countries"] == ["Japan", "United States"]


def test_company_of_a_drug_from_a_user_table_is_found_by_its_names_never_fuzzily():
    assert drug_company(DrugInfo(name="mrtx-849", synonyms=("MRTX849",)))[0] == "Bristol-Myers Squibb"
    assert drug_company(DrugInfo(name="lorlatinibb")) == ()  # a misspelling is not looked up fuzzily
    assert drug_company(DrugInfo(name="synthetic-unknown-001")) == ()


def test_is_drug_company_reads_units_and_families_and_refuses_academics():
    assert is_drug_company("Janssen Research & Development, LLC", "INDUSTRY", ("Janssen",))
    assert is_drug_company("Loxo Oncology at Lilly", "INDUSTRY", ("Eli Lilly and Company",))
    assert is_drug_company("AstraZeneca AB", None, ("AstraZeneca",))
    assert not is_drug_company("Kura Oncology, Inc.", "INDUSTRY", ("AstraZeneca",))
    assert not is_drug_company("Pfizer", "OTHER", ("Pfizer",))
    assert not is_drug_company("Merck Sharp & Dohme LLC", "INDUSTRY", ("Merck KGaA",))


def test_company_column_is_well_formed():
    with open(DRUGS_FILE, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert "company" in rows[0]
    filled = 0
    for row in rows:
        cell = row["company"]
        if not cell:
            continue
        filled += 1
        parts = cell.split(";")
        assert all(p and p == p.strip() for p in parts), row["drug"]
        assert len(set(parts)) == len(parts), row["drug"]
    assert filled >= len(rows) * 0.9


_SyntheticSource = MemorySource


def _raw(study_id, drug, *, study_type, status, phases=("PHASE1",)):
    return make_record(study_id, title=f"Synthetic {drug} study", drug=drug, study_type=study_type, status=status,
                       phases=phases if study_type == "INTERVENTIONAL" else (), last_update="2025-01-01",
                       criteria="Inclusion Criteria:\n* tumour", countries=(), conditions=())


def test_synthetic_drug_without_a_trial_ranks_below_a_drug_with_one_even_with_a_higher_score():
    source = _SyntheticSource([
        _raw("NCT99000020", "Lorlatinib", study_type="EXPANDED_ACCESS", status="AVAILABLE"),
        _raw("NCT99000021", "Crizotinib", study_type="INTERVENTIONAL", status="RECRUITING"),
    ])
    found = find_candidates(["ALK"], "7", source=source)
    by = _by_drug(found)
    assert by["lorlatinib"].score > by["crizotinib"].score  # an available program weighs more than one trial
    assert [c.drug for c in found] == ["crizotinib", "lorlatinib"]
    assert any(r.startswith("no interventional trial of it in the data; only 1 other study (expanded access: "
                            "NCT99000020)") for r in by["lorlatinib"].reasons)
