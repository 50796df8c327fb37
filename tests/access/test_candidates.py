"""Compassionate-use candidates on the real records, through the loopback ClinicalTrials.gov server,
plus unit tests on synthetic studies (exclusion-criteria mentions, age edges, merging)."""
from __future__ import annotations

import json
import math
import re
import subprocess

import pytest

from tests.shared_data import real_records
from trialfind.access.candidates import build_candidate, drug_evidence, find_candidates, target_search_spec
from trialfind.core.errors import InvalidInput
from trialfind.core.study import parse_study
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.knowledge.targets import builtin_knowledge
from trialfind.sources.ctgov import CtgovClient

OPEN = {"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"}
SEVEN_YEARS = 7 * 365 + 2  # 7 years in days, as parse_child_age("7") gives it


def _client(server, tmp_path):
    return CtgovClient(base_url=server.url, cache_dir=None, rate_limit_per_minute=1_000_000)


# --- an independent reading of the raw records --------------------------------------------

def _raw_age_days(text, upper):
    """Own reading of "N Years/Months/Weeks/Days": an upper bound covers the whole last unit."""
    if not text:
        return None
    number, unit = text.split()[:2]
    per = {"year": 365.25, "month": 365.25 / 12, "week": 7, "day": 1}[unit.lower().rstrip("s")]
    value = float(number) + (1 if upper else 0)
    return math.floor(value * per) - (1 if upper else 0)


def _raw_admits(record, age_days):
    elig = record["protocolSection"].get("eligibilityModule", {})
    low, high = _raw_age_days(elig.get("minimumAge"), False), _raw_age_days(elig.get("maximumAge"), True)
    return (low is None or age_days >= low) and (high is None or age_days <= high)


def _raw_names(record):
    for iv in record["protocolSection"].get("armsInterventionsModule", {}).get("interventions", []):
        for name in [iv.get("name", ""), *iv.get("otherNames", [])]:
            yield name


def _key(text):
    return re.sub(r"[^0-9a-z]", "", text.lower())


# Combination products written as one name (own list, not the package's table).
_RAW_COMBINATIONS = {"phesgo": {"pertuzumab", "trastuzumab"}, "phfdcsc": {"pertuzumab", "trastuzumab"}}


def _raw_name_keys(name):
    """Keys of every part of one intervention name the oracle accepts as naming a drug."""
    parts = [name, *re.split(r"\s*(?:\+|,|;|:|/|\band\b|\bplus\b|\bcombined with\b)\s*", name)]
    parts += [p.strip() for p in re.split(r"[()]", name) if p.strip()]
    parts += [re.sub(r"\s+(?:dose$|(?:once|twice) daily dosing\b.*$)", "", p, flags=re.I) for p in parts]
    parts += [re.sub(r"\s*\d+(\.\d+)?\s*mg.*$", "", p, flags=re.I) for p in parts]
    parts += [re.sub(r"\b(oral|tablets?|capsules?|injection|hydrochloride|mesylate)\b", "", p, flags=re.I)
              for p in parts]
    return {_key(p) for p in parts if p.strip()}


# Per record, independent of the drug: the keys its intervention names give and the combination
# products it names. Computed once per record (keyed by identity; the record is kept alive beside
# its entry so the id cannot be reused), because the sweeps below ask about every record per drug.
_RAW_RECORD_KEYS: dict[int, tuple[dict, frozenset, frozenset]] = {}


def _raw_record_keys(record):
    entry = _RAW_RECORD_KEYS.get(id(record))
    if entry is None or entry[0] is not record:
        keys, combos = set(), set()
        for name in _raw_names(record):
            paren_keys = {_key(p) for p in re.split(r"[()]", name)}
            combos.update(combo for combo in _RAW_COMBINATIONS if _key(combo) in paren_keys)
            keys |= _raw_name_keys(name)
        entry = _RAW_RECORD_KEYS[id(record)] = (record, frozenset(keys), frozenset(combos))
    return entry[1], entry[2]


def _raw_gives(record, drug):
    # Same answer as asking name by name: a name gives the drug if it names a combination product
    # holding the drug or if one of its parts' keys is one of the drug's names.
    keys, combos = _raw_record_keys(record)
    if any(drug.name in _RAW_COMBINATIONS[combo] for combo in combos):
        return True
    return not keys.isdisjoint(_key(n) for n in drug.all_names)


def _raw_open_for(record, age_days):
    proto = record["protocolSection"]
    return (proto["statusModule"].get("overallStatus") in OPEN
            and proto.get("designModule", {}).get("studyType") == "INTERVENTIONAL"
            and _raw_admits(record, age_days))


@pytest.mark.slow
@pytest.mark.parametrize("target", ["EGFR", "ERBB2", "KRAS", "CDK4/6", "ALK", "KRAS G12C", "BRAF V600E", "BRAF fusion", "NTRK",
                                    "MET", "PARP", "FLT3", "MEK", "ALK F1174L"])
def test_candidates_for_a_seven_year_old_have_no_open_trial_admitting_her(target, real_ctgov_server, tmp_path):
    found = find_candidates([target], "7", source=_client(real_ctgov_server, tmp_path))
    knowledge = builtin_knowledge()
    records = real_records()
    assert found or found.not_candidates, f"nothing for {target}: the real records hold trials of drugs acting on it"
    listed = {c.drug for c in found}
    by_id = {r["protocolSection"]["identificationModule"]["nctId"]: r for r in records}
    for candidate in found:
        # every trial listed for a candidate: if it is open, its ages exclude a 7-year-old
        for nct_id in candidate.nct_ids:
            record = by_id[nct_id]
            assert _raw_gives(record, knowledge.drugs[candidate.drug]), (candidate.drug, nct_id)
            assert not _raw_open_for(record, SEVEN_YEARS), (candidate.drug, nct_id)
    # independently: no drug acting on the target with an open trial admitting 7 years is listed
    query = resolve_target(target)
    for drug_name in query.drugs:
        drug = knowledge.drugs[drug_name]
        open_for_child = [r for r in records if _raw_open_for(r, SEVEN_YEARS) and _raw_gives(r, drug)]
        if open_for_child:
            assert drug_name not in listed, (drug_name, [r["protocolSection"]["identificationModule"]["nctId"]
                                                         for r in open_for_child])
            assert drug_name in {c.drug for c in found.not_candidates}
        else:
            has_trial = any(_raw_gives(r, drug) for r in records)
            assert (drug_name in listed) == has_trial, drug_name


def test_a_drug_with_an_open_trial_for_the_child_is_not_a_candidate_and_the_output_says_so(real_ctgov_server,
                                                                                           tmp_path):
    found = find_candidates(["CD19"], "7", source=_client(real_ctgov_server, tmp_path))
    blinatumomab = next(c for c in found.not_candidates if c.drug == "blinatumomab")
    assert blinatumomab.is_candidate is False and blinatumomab.open_trials_admitting_child
    for trial in blinatumomab.open_trials_admitting_child:
        assert trial.status in OPEN and trial.admits_child
    assert "blinatumomab" not in {c.drug for c in found}
    line = next(line for line in found.not_candidate_lines() if line.startswith("blinatumomab"))
    assert "open trial for age 7 years" in line and "trialfind trials" in line
    assert blinatumomab.open_trials_admitting_child[0].nct_id in line


@pytest.mark.parametrize("target", ["ALK", "EGFR", "KRAS", "CDK4/6", "ERBB2", "BRAF"])
def test_one_target_query_costs_one_page_walk(target, real_ctgov_server, tmp_path):
    client = _client(real_ctgov_server, tmp_path)
    real_ctgov_server.clear_requests()
    find_candidates([target], "7", source=client)
    searches = [r for r in real_ctgov_server.study_requests()]
    total = client.last_search_stats.total_count
    assert total is not None and total > 0
    assert len(searches) == max(1, math.ceil(total / 1000))
    assert client.last_search_stats.requests == len(searches)


def test_the_one_query_covers_gene_aliases_and_every_drug_name(real_ctgov_server, tmp_path):
    from trialfind.sources.ctgov import compile_query

    spec = target_search_spec(resolve_target("ALK"))
    params = compile_query(spec)
    assert set(params) == {"query.term"}
    for name in ("ALK", "lorlatinib", "PF-06463922", "Lorbrena", "crizotinib"):
        assert f'"{name}"' in params["query.term"]


def test_code_name_and_inn_in_real_records_merge_into_one_drug(real_ctgov_server, tmp_path):
    # NCT06119581 lists olomorasib as "LY3537982" (INN as other name); NCT06890598 the other way round
    found = find_candidates(["KRAS G12C"], "7", source=_client(real_ctgov_server, tmp_path))
    olomorasib = [c for c in [*found, *found.not_candidates] if c.drug == "olomorasib"]
    assert len(olomorasib) == 1
    row = olomorasib[0].to_row()
    assert {"NCT06119581", "NCT06890598"} <= set(row["nct_ids"])
    assert "LY3537982" in row["aliases"]
    assert not [c for c in found if c.drug.upper() == "LY3537982"]


def test_candidate_row_carries_the_promised_columns(real_ctgov_server, tmp_path):
    found = find_candidates(["ALK"], "7", source=_client(real_ctgov_server, tmp_path))
    row = found[0].to_row()
    for key in ("drug", "aliases", "targets", "trials", "adult_only_trials", "pediatric_trials", "highest_phase",
                "phase1_completed", "approved", "company", "sponsors", "ea_records", "related_ea_records",
                "ea_policy", "ea_policy_basis", "score", "reasons", "latest_update", "nct_ids", "urls"):
        assert key in row
    assert row["reasons"] and all(isinstance(r, str) for r in row["reasons"])
    assert all(u.startswith("https://clinicaltrials.gov/study/NCT") for u in row["urls"])
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_approved_drugs_are_marked_not_hidden(real_ctgov_server, tmp_path):
    found = find_candidates(["CDK4/6"], "7", source=_client(real_ctgov_server, tmp_path))
    palbociclib = next(c for c in found if c.drug == "palbociclib")
    assert palbociclib.to_row()["approved"] is True
    assert any("approved" in r for r in palbociclib.reasons)


def test_drug_evidence_for_one_drug_by_code_name(real_ctgov_server, tmp_path):
    evidence = drug_evidence("AZD9291", _client(real_ctgov_server, tmp_path), age=7)
    assert evidence.drug == "osimertinib" and evidence.trials
    assert "EGFR" in evidence.targets
    assert {"AZD9291", "Tagrisso"} <= set(evidence.aliases)


def test_unknown_target_fails_before_any_request(real_ctgov_server, tmp_path):
    real_ctgov_server.clear_requests()
    with pytest.raises(InvalidInput, match="did you mean"):
        find_candidates(["ALK", "ALKK"], "7", source=_client(real_ctgov_server, tmp_path))
    assert real_ctgov_server.study_requests() == []


# --- synthetic units ------------------------------------------------------------------------

def _synthetic_study(nct_id, *, interventions, status="RECRUITING", min_age=None, max_age=None, phases=("PHASE2",),
                     criteria=None, study_type="INTERVENTIONAL", ea=None):
    record = {"protocolSection": {
        "identificationModule": {"nctId": nct_id, "briefTitle": f"Synthetic study {nct_id}"},
        "statusModule": {"overallStatus": status, "lastUpdatePostDateStruct": {"date": "2025-01-01"},
                         **({"expandedAccessInfo": ea} if ea else {})},
        "designModule": {"studyType": study_type, "phases": list(phases)},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Synthetic Pharma", "class": "INDUSTRY"}},
        "armsInterventionsModule": {"interventions": [
            {"type": "DRUG", "name": name, "otherNames": list(other)} for name, other in interventions]},
        "eligibilityModule": {"eligibilityCriteria": criteria or "Inclusion Criteria:\n* solid tumour",
                              **({"minimumAge": min_age} if min_age else {}),
                              **({"maximumAge": max_age} if max_age else {})},
    }}
    return parse_study(record)


def _build(studies, age_days, drug="lorlatinib"):
    from trialfind.knowledge.drugs import resolver_for

    resolver = resolver_for()
    names = {s.nct_id: resolver.resolve_names(s.intervention_names).get(drug, []) for s in studies}
    return build_candidate(builtin_knowledge().drugs[drug], studies, names, age_days=age_days, targets=["ALK"],
                           queries=[resolve_target("ALK")], reference_date="2025-06-01")


@pytest.mark.parametrize("max_age,age,candidate", [
    ("17 Years", "17y11m", False),  # 17 Years admits a child of 17y11m
    ("17 Years", "18y", True),
    ("6 Years", "6y11m", False),
    ("6 Years", "7y", True),
    (None, "7y", False),            # no maximum: no bound
])
def test_age_edges_of_an_open_trial(max_age, age, candidate):
    from trialfind.core.ages import parse_child_age

    study = _synthetic_study("NCT90000001", interventions=[("Lorlatinib", ())], min_age="1 Year", max_age=max_age)
    assert _build([study], parse_child_age(age)).is_candidate is candidate


def test_minimum_age_edge_adult_only_trial_and_closed_pediatric_trial():
    adult = _synthetic_study("NCT90000002", interventions=[("PF-06463922", ())], min_age="18 Years")
    closed_child = _synthetic_study("NCT90000003", interventions=[("Lorlatinib", ())], min_age="12 Months",
                                    status="COMPLETED", phases=("PHASE1",))
    c = _build([adult, closed_child], SEVEN_YEARS)
    assert c.is_candidate is True
    assert [t.nct_id for t in c.adult_only_trials] == ["NCT90000002"]
    assert [t.nct_id for t in c.pediatric_trials] == ["NCT90000003"]
    assert c.phase1_completed and c.highest_phase == "PHASE2"  # the adult trial is phase 2
    assert any("admitted children" in r for r in c.reasons)
    assert _build([adult], 18 * 366).is_candidate is False  # an adult fits the adult trial


def test_not_yet_recruiting_and_by_invitation_count_as_open_but_withdrawn_does_not():
    for status, candidate in [("NOT_YET_RECRUITING", False), ("ENROLLING_BY_INVITATION", False),
                              ("WITHDRAWN", True), ("ACTIVE_NOT_RECRUITING", True)]:
        study = _synthetic_study("NCT90000004", interventions=[("Lorlatinib", ())], status=status)
        assert _build([study], SEVEN_YEARS).is_candidate is candidate, status


def test_synthetic_code_name_and_inn_records_merge_with_both_aliases():
    by_code = _synthetic_study("NCT90000005", interventions=[("PF-06463922", ())], min_age="18 Years")
    by_inn = _synthetic_study("NCT90000006", interventions=[("Lorlatinib 100 mg tablets", ())], min_age="18 Years")
    c = _build([by_code, by_inn], SEVEN_YEARS)
    assert c.nct_ids == ["NCT90000005", "NCT90000006"] or set(c.nct_ids) == {"NCT90000005", "NCT90000006"}
    assert "PF-06463922" in c.aliases and c.drug == "lorlatinib"


def test_target_named_only_in_exclusion_criteria_or_negated_is_not_target_evidence():
    excluded = _synthetic_study("NCT90000007", interventions=[("Lorlatinib", ())], min_age="18 Years",
                                criteria="Inclusion Criteria:\n* advanced solid tumour\n"
                                         "Exclusion Criteria:\n* ALK rearrangement")
    negated = _synthetic_study("NCT90000008", interventions=[("Lorlatinib", ())], min_age="18 Years",
                               criteria="Inclusion Criteria:\n* ALK-negative solid tumour")
    named = _synthetic_study("NCT90000009", interventions=[("Lorlatinib", ())], min_age="18 Years",
                             criteria="Inclusion Criteria:\n* tumour with an ALK rearrangement")
    c = _build([excluded, negated, named], SEVEN_YEARS)
    evidence = {t.nct_id: t.target_evidence for t in c.trials}
    assert evidence["NCT90000009"] == "direct"
    assert evidence["NCT90000007"] != "direct" and evidence["NCT90000008"] != "direct"
    assert any("1 trial name the target" in r for r in c.reasons)


def test_expanded_access_records_and_links_are_evidence():
    ea = _synthetic_study("NCT90000010", interventions=[("Lorlatinib", ())], status="AVAILABLE",
                          study_type="EXPANDED_ACCESS", phases=())
    linked = _synthetic_study("NCT90000011", interventions=[("Lorlatinib", ())], min_age="18 Years",
                              ea={"hasExpandedAccess": True, "nctId": "NCT90000012",
                                  "statusForNctId": "NO_LONGER_AVAILABLE"})
    c = _build([ea, linked], SEVEN_YEARS)
    assert c.ea_available and {r.nct_id for r in c.ea_records} == {"NCT90000010", "NCT90000012"}
    assert len(c.trials) == 1  # the EA record is not a trial
    assert any("expanded-access program is available" in r for r in c.reasons)


def test_ranking_prefers_more_evidence():
    thin = _build([_synthetic_study("NCT90000013", interventions=[("Lorlatinib", ())], min_age="18 Years",
                                    phases=("PHASE1",), status="RECRUITING")], SEVEN_YEARS)
    rich = _build([_synthetic_study("NCT90000014", interventions=[("Lorlatinib", ())], min_age="18 Years",
                                    phases=("PHASE3",), status="COMPLETED"),
                   _synthetic_study("NCT90000015", interventions=[("Lorlatinib", ())], min_age="18 Years",
                                    phases=("PHASE1",), status="COMPLETED")], SEVEN_YEARS)
    assert rich.score > thin.score


# --- CLI ------------------------------------------------------------------------------------

def test_cli_json_for_alk_age_7(cli_env, trialfind_cmd):
    result = subprocess.run([*trialfind_cmd, "candidates", "--target", "ALK", "--age", "7", "--format", "json"],
                            env=cli_env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    candidates = [row for row in rows if row["section"] == "candidate"]
    assert candidates and all(row["candidate"] is True for row in candidates)
    assert {"drug", "aliases", "ea_policy", "reasons", "score", "approvals", "variant_effect"} <= set(rows[0])
    # the lines the table shows beside the candidates are rows too, each with its plain-words line
    sections = [row["section"] for row in rows]
    assert sections == sorted(sections, key=["candidate", "not_candidate", "discovered", "no_study"].index)
    for row in rows:
        if row["section"] != "candidate":
            assert row["line"] and row["candidate"] is not True
    no_study = {row["drug"] for row in rows if row["section"] == "no_study"}
    assert no_study and no_study.isdisjoint(row["drug"] for row in candidates)


def test_cli_table_mentions_not_candidates(cli_env, trialfind_cmd):
    result = subprocess.run([*trialfind_cmd, "candidates", "--target", "ABL1", "--age", "7"],
                            env=cli_env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "dasatinib has an open trial for age 7 years" in result.stdout
    assert "not medical advice" in result.stdout.lower()


@pytest.mark.parametrize("args", [["--target", "ALKK", "--age", "7"], ["--target", "ALK", "--age", "seven"]])
def test_cli_usage_errors_exit_2_with_one_line(args, cli_env, trialfind_cmd):
    result = subprocess.run([*trialfind_cmd, "candidates", *args], env=cli_env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_cli_targets_file_uses_a_user_export(cli_env, trialfind_cmd):
    from tests.shared_data import TARGETS_DIR

    result = subprocess.run([*trialfind_cmd, "candidates", "--target", "KRAS", "--age", "7", "--format", "json",
                             "--targets-file", str(TARGETS_DIR / "drug_targets.tsv"),
                             "--synonyms-file", str(TARGETS_DIR / "drug_synonyms.tsv")],
                            env=cli_env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    # the 2022 export knows adagrasib only as MRTX-849; the records call it adagrasib / Krazati
    assert "mrtx-849" in {row["drug"] for row in rows}


def test_trials_takes_the_same_user_export_as_candidates(real_ctgov_server, tmp_path):
    """`trials --target` resolves targets through --targets-file too (BRD4 is in the 2022
    export but not in trialfind's own table)."""
    from click.testing import CliRunner

    from tests.conftest import cli_environment
    from tests.shared_data import TARGETS_DIR
    from trialfind.cli import cli

    env = cli_environment(real_ctgov_server, tmp_path)
    builtin = CliRunner().invoke(cli, ["trials", "--target", "BRD4", "--age", "7"], env=env)
    assert builtin.exit_code == 2 and "BRD4" in builtin.output
    user = CliRunner().invoke(cli, ["trials", "--target", "BRD4", "--age", "30", "--format", "json",
                                    "--targets-file", str(TARGETS_DIR / "drug_targets.tsv")], env=env)
    assert user.exit_code == 0, user.output
    assert isinstance(json.loads(user.output), list)
