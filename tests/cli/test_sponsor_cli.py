"""`trialfind sponsor` end to end against the real-records loopback server: in-process, and
`python -m trialfind` where the test is about the exit code."""
from __future__ import annotations

import json
import subprocess

from tests.cli_in_process import run_in_process
from tests.conftest import cli_environment


def run(cmd, args, env, timeout=60):
    return subprocess.run([*cmd, *args], check=False, capture_output=True, text=True, env=env, timeout=timeout)


def test_loxo_shows_request_email_and_stated_times(cli_env):
    result = run_in_process(cli_env, "sponsor", "Loxo Oncology at Lilly")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "clinicaltrials@loxooncology.com" in out
    assert "acknowledge within 5 business days" in out
    assert "within 10 business days" in out
    assert "https://www.loxooncology.com/pipeline/access-to-investigational-therapies" in out
    assert "2026-11-22" in out
    assert "Traceback" not in result.stderr


def test_genentech_resolves_to_roche_genentech(cli_env):
    result = run_in_process(cli_env, "sponsor", "Genentech, Inc.", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["found"] is True
    assert data["policy"]["company"] == "Roche / Genentech"
    assert data["policy"]["contact_phone"] == "888-662-6728"
    assert data["policy"]["source_urls"] and data["policy"]["date_verified"]
    assert data["ea_records_searched"] is True and data["ea_records_error"] is None


def test_unknown_company_exits_0_with_general_resources(trialfind_cmd, cli_env):
    result = run(trialfind_cmd, ["sponsor", "Acme Biotech"], cli_env)
    assert result.returncode == 0, result.stderr
    assert "not in trialfind's expanded-access directory" in result.stdout
    for resource in ("FDA Division of Drug Information", "Project Facilitate", "Reagan-Udall"):
        assert resource in result.stdout
    assert "druginfo@fda.hhs.gov" in result.stdout


def test_cooperative_group_is_not_a_company(cli_env):
    result = run_in_process(cli_env, "sponsor", "Children's Oncology Group", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["found"] is False


def test_company_expanded_access_records_from_the_real_records(cli_env, real_ctgov_server):
    result = run_in_process(cli_env, "sponsor", "Syndax Pharmaceuticals", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["policy"]["company"] == "Syndax Pharmaceuticals"
    # The real records hold no EXPANDED_ACCESS study of Syndax: searched, none found, said so.
    assert data["ea_records_searched"] is True and data["ea_records"] == []
    searches = [r for r in real_ctgov_server.requests if r.endpoint == "/studies"]
    assert searches and "EXPANDED_ACCESS" in searches[0].params.get("filter.advanced", "")


def test_unreachable_api_still_answers_with_the_policy(trialfind_cmd, tmp_path, real_ctgov_server):
    env = cli_environment(real_ctgov_server, tmp_path / "cache")
    env["TRIALFIND_API_URL"] = "http://127.0.0.1:9/api/v2"  # nothing listens on the discard port
    result = run(trialfind_cmd, ["sponsor", "Loxo Oncology at Lilly"], env)
    assert result.returncode == 0
    assert "clinicaltrials@loxooncology.com" in result.stdout
    failures = [line for line in result.stdout.splitlines() if "could not be fetched" in line]
    assert len(failures) == 1
    assert "Traceback" not in result.stderr


def test_csv_output_is_one_policy_row(cli_env, tmp_path):
    out = tmp_path / "policy.csv"
    result = run_in_process(cli_env, "sponsor", "Pfizer Inc.", "--format", "csv", "--no-records", "-o", str(out))
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("company,aliases,parent_company")
    assert lines[1].startswith("Pfizer,") and len(lines) == 2
