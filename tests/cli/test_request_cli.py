"""`trialfind request` end to end against the real-records loopback server: a letter and a
checklist with no patient-identifying data."""
from __future__ import annotations

import re
import subprocess

from tests.access.test_packet import DATE, EMAIL, PHONE
from tests.shared_data import real_records
from trialfind.knowledge.sponsor_directory import general_resources, match_sponsor
from trialfind.output.letter import PLACEHOLDERS


def run(cmd, args, env, timeout=60):
    return subprocess.run([*cmd, *args], capture_output=True, text=True, env=env, timeout=timeout)


def _allowed(policy):
    """Emails, phones and dates that may appear: those of the published sources only."""
    texts = [str(v) for item in ([policy] if policy else []) + list(general_resources())
             for v in item.to_dict().values() if v]
    return ({e.lower() for t in texts for e in EMAIL.findall(t)},
            {re.sub(r"\D", "", p)[-10:] for t in texts for p in PHONE.findall(t)},
            {d for t in texts for d in DATE.findall(t)})


def _record_dates(text):
    """Last-update dates of the real records the text cites."""
    cited = set(re.findall(r"NCT\d{8}", text))
    dates = set()
    for record in real_records():
        status = record["protocolSection"].get("statusModule") or {}
        if record["protocolSection"]["identificationModule"]["nctId"] in cited:
            dates.add((status.get("lastUpdatePostDateStruct") or {}).get("date"))
    return dates


def test_request_writes_letter_and_checklist_without_patient_data(trialfind_cmd, cli_env, tmp_path):
    out = tmp_path / "packet"
    result = run(trialfind_cmd, ["request", "--drug", "repotrectinib", "--target", "ROS1 fusion", "--age", "7y4m",
                                 "--output", str(out)], cli_env)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["checklist.md", "request.md", "request.txt"]
    emails, phones, source_dates = _allowed(match_sponsor("Bristol-Myers Squibb"))
    today = __import__("datetime").date.today().isoformat()
    files = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    for name, text in files.items():
        assert {e.lower() for e in EMAIL.findall(text)} <= emails, name
        assert {re.sub(r"\D", "", p)[-10:] for p in PHONE.findall(text)} <= phones, name
        # Dates only from the sources and the cited records (and today, the preparation date).
        allowed_dates = source_dates | _record_dates(text) | {today, "2026-11-21"}  # + the fake API's data version
        for date in DATE.findall(text):
            assert date in allowed_dates, (name, date)
        assert "7 years 4 months" not in text and "7y4m" not in text
    letter = files["request.md"]
    assert PLACEHOLDERS["patient"] in letter and PLACEHOLDERS["diagnosis"] in letter
    assert "5-9 years" in letter
    assert "NCT06140836" in letter and "Bristol Myers Squibb" in letter
    assert PLACEHOLDERS["patient"] in files["request.txt"]
    assert "Form 3926" in files["checklist.md"]
    assert "Wrote" in result.stdout


def test_request_refuses_identifying_free_text_and_writes_nothing(trialfind_cmd, cli_env, tmp_path):
    out = tmp_path / "packet"
    result = run(trialfind_cmd, ["request", "--drug", "revumenib", "--target", "KMT2A, born 2018-02-03",
                                 "--output", str(out)], cli_env)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not out.exists()


def test_request_for_unknown_company_and_bad_age(trialfind_cmd, cli_env, tmp_path):
    refused = run(trialfind_cmd, ["request", "--drug", "revumenib", "--sponsor", "Acme Biotech", "--output",
                                  str(tmp_path / "p")], cli_env)
    assert refused.returncode == 2 and "Syndax" in refused.stderr and "--force" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and not (tmp_path / "p").exists()
    result = run(trialfind_cmd, ["request", "--drug", "revumenib", "--sponsor", "Acme Biotech", "--force", "--output",
                                 str(tmp_path / "p")], cli_env)
    assert result.returncode == 0, result.stderr
    assert "not in the directory" in result.stdout
    assert "Reagan-Udall" in (tmp_path / "p" / "request.md").read_text(encoding="utf-8")
    bad = run(trialfind_cmd, ["request", "--drug", "revumenib", "--age", "seven", "--output", str(tmp_path / "q")],
              cli_env)
    assert bad.returncode == 2 and not (tmp_path / "q").exists()


def test_request_addresses_the_drugs_company_not_a_combination_trial_sponsor(trialfind_cmd, cli_env, tmp_path):
    """Crizotinib is Pfizer's; in the real records a Bristol Myers Squibb trial also names it."""
    out = tmp_path / "crizotinib"
    result = run(trialfind_cmd, ["request", "--drug", "crizotinib", "--age", "7", "--output", str(out)], cli_env)
    assert result.returncode == 0, result.stderr
    letter = (out / "request.md").read_text(encoding="utf-8")
    assert "To: Pfizer expanded-access" in letter
    assert "To: Bristol" not in letter


def test_request_to_another_company_names_whose_drug_it_is(trialfind_cmd, cli_env, tmp_path):
    out = tmp_path / "crizotinib"
    result = run(trialfind_cmd, ["request", "--drug", "crizotinib", "--sponsor", "Loxo Oncology at Lilly", "--output",
                                 str(out)], cli_env)
    assert result.returncode == 2, result.stderr
    assert "crizotinib is Pfizer's drug" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_request_with_personal_data_exits_2_with_one_line_before_any_search(trialfind_cmd, cli_env, tmp_path):
    env = dict(cli_env, TRIALFIND_OFFLINE="1")       # no local index: a search would fail with exit 1
    out = tmp_path / "packet"
    result = run(trialfind_cmd, ["request", "--drug", "larotrectinib", "--target", "NTRK fusion, my daughter Zoë",
                                 "--output", str(out)], env)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: --target: ")
    assert "Zoë" not in result.stderr and not out.exists()
