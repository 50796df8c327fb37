"""`trialfind trials` / `trialfind study` end to end against the loopback server of the real records:
in-process, and a subprocess wherever the exit code of a failing run is checked."""
from __future__ import annotations

import csv
import io
import json
import re
import socket
import subprocess

import pytest

from tests.cli_in_process import run_in_process
from tests.shared_data import real_records
from tests.test_trials import admits, glioma_records


def run(cmd, env, *args, timeout=120):
    return subprocess.run([*cmd, *args], check=False, env=env, capture_output=True, text=True, timeout=timeout)


def one_line_error(result, code):
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.stderr
    return lines[0]


def test_glioma_age_7_lists_every_recruiting_trial_that_admits_the_child(cli_env):
    expected = {r["protocolSection"]["identificationModule"]["nctId"] for r in glioma_records()
                if r["protocolSection"]["statusModule"]["overallStatus"] == "RECRUITING"
                and r["protocolSection"]["designModule"]["studyType"] == "INTERVENTIONAL" and admits(r, 7)}
    assert expected
    result = run_in_process(cli_env, "trials", "--condition", "glioma", "--age", "7", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    listed = {row["nct_id"] for row in rows}
    assert expected <= listed
    for row in rows:
        assert row["eligible"] in ("yes", "uncertain")
        assert row["url"] == f"https://clinicaltrials.gov/study/{row['nct_id']}"
        assert row["nearest_site"] is None
        assert row["reasons"] and row["last_update"]
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_no_trial_whose_record_excludes_a_7_year_old_is_yes(cli_env):
    result = run_in_process(cli_env, "trials", "--condition", "glioma", "--age", "7", "--status", "all",
                 "--include-ineligible", "--include-observational", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    by_id = {r["protocolSection"]["identificationModule"]["nctId"]: r for r in real_records()}
    excluded = 0
    for row in rows:
        record = by_id[row["nct_id"]]
        closed = record["protocolSection"]["statusModule"]["overallStatus"] != "RECRUITING"
        if closed or not admits(record, 7):
            excluded += 1
            assert row["eligible"] == "no", row["nct_id"]
        # min_age / max_age are the record's own strings
        eligibility = record["protocolSection"]["eligibilityModule"]
        assert row["min_age"] == eligibility.get("minimumAge")
        assert row["max_age"] == eligibility.get("maximumAge")
    assert excluded >= 1


def test_table_view_and_footer(cli_env):
    result = run_in_process(cli_env, "trials", "--condition", "glioma", "--age", "7")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["NCT", "id"] and "eligible" in lines[0]
    assert re.search(r"NCT\d{8}", result.stdout)
    assert lines[-1].startswith("Data: ClinicalTrials.gov, data version ")
    assert "not medical advice" in lines[-1] and "unknown" not in lines[-1]


def test_near_fills_the_nearest_site(cli_env):
    result = run_in_process(cli_env, "trials", "--condition", "ALL", "--age", "5", "--near", "42.36,-71.06",
                 "--include-ineligible", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    with_site = [r for r in rows if r["nearest_site"]]
    assert with_site
    for row in with_site:
        site = row["nearest_site"]
        assert {"facility", "city", "state", "country", "distance_km"} <= set(site)
        assert site["distance_km"] >= 0
    assert min(r["nearest_site"]["distance_km"] for r in with_site) < 50  # a Boston site exists


def test_csv_is_excel_safe_with_the_same_columns(cli_env, tmp_path):
    out = tmp_path / "trials.csv"
    result = run_in_process(cli_env, "trials", "--condition", "ALL", "--age", "5", "--include-ineligible",
                 "--format", "csv", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    assert {"nct_id", "title", "status", "phases", "conditions", "interventions", "min_age", "max_age", "eligible",
            "score", "reasons", "url", "last_update", "sponsor", "nearest_site_name", "nearest_site_distance_km"} <= set(rows[0])
    for row in rows:
        for value in row.values():
            assert not (value and value[0] in "=+-@\t\r"), value


def test_invalid_ages_unknown_option_and_missing_condition_exit_2_with_one_line(trialfind_cmd, cli_env):
    for age in ("-1", "seven", "200y"):
        line = one_line_error(run(trialfind_cmd, cli_env, "trials", "--condition", "glioma", "--age", age), 2)
        assert "age" in line
    one_line_error(run(trialfind_cmd, cli_env, "trials", "--condition", "glioma", "--age", "7", "--bogus"), 2)
    line = one_line_error(run(trialfind_cmd, cli_env, "trials", "--age", "7"), 2)
    assert "--condition or --target" in line
    one_line_error(run(trialfind_cmd, cli_env, "trials", "--condition", "glioma", "--age", "7", "--near", "north"), 2)
    one_line_error(run(trialfind_cmd, cli_env, "trials", "--condition", "glioma", "--age", "7", "--near", "91,0"), 2)
    one_line_error(run(trialfind_cmd, cli_env, "study", "NCT123"), 2)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_api_exits_1_with_one_line(trialfind_cmd, cli_env):
    env = dict(cli_env, TRIALFIND_API_URL=f"http://127.0.0.1:{_closed_port()}/api/v2")
    line = one_line_error(run(trialfind_cmd, env, "trials", "--condition", "glioma", "--age", "7", "--no-cache"), 1)
    assert "127.0.0.1" in line


def test_study_page_and_json(trialfind_cmd, cli_env):
    result = run_in_process(cli_env, "study", "NCT04250064")
    assert result.returncode == 0, result.stderr
    for part in ("NCT04250064", "Ages: 3 Years to 18 Years", "Inclusion criteria:", "Exclusion criteria:",
                 "Sites", "Last update:", "URL: https://clinicaltrials.gov/study/NCT04250064"):
        assert part in result.stdout
    assert "\\>" not in result.stdout  # Markdown escapes removed for reading
    as_json = run_in_process(cli_env, "study", "NCT04250064", "--format", "json")
    data = json.loads(as_json.stdout)
    assert data["nct_id"] == "NCT04250064" and data["min_age"] == "3 Years" and data["url"].endswith("NCT04250064")
    missing = run(trialfind_cmd, cli_env, "study", "NCT00000000")
    one_line_error(missing, 1)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_every_format_runs(cli_env, fmt):
    result = run_in_process(cli_env, "trials", "--target", "CD19", "--age", "10", "--format", fmt, "--limit", "2")
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        assert 1 <= len(json.loads(result.stdout)) <= 2


def test_purpose_flag_and_column(trialfind_cmd, cli_env):
    base = ("trials", "--condition", "leukemia", "--age", "7", "--status", "all", "--format", "json")
    every = json.loads(run_in_process(cli_env, *base).stdout)
    treatment = json.loads(run_in_process(cli_env, *base, "--purpose", "treatment").stdout)
    assert treatment and {row["purpose"] for row in treatment} == {"treatment"}
    assert {row["nct_id"] for row in treatment} < {row["nct_id"] for row in every}
    purposes = [row["purpose"] for row in every]
    assert purposes.index(next(p for p in purposes if p not in ("treatment", "treatment?", "unknown"))) > \
        max(i for i, p in enumerate(purposes) if p == "treatment")
    line = one_line_error(run(trialfind_cmd, cli_env, "trials", "--condition", "glioma", "--age", "7",
                              "--purpose", "cure"), 2)
    assert "purpose" in line
