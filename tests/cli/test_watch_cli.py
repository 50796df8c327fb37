"""`trialfind watch`: add / list / run / remove against the real-records fake API; exit
codes for cron (0 changes, 3 none, 2 bad input); text, JSON and HTML digests."""
from __future__ import annotations

import json
import subprocess

import pytest

from trialfind.cli import main
from trialfind.output.family_report import page_stylesheet
from trialfind.watch.store import SEARCH_KEYS


def run_cli(argv, capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(argv)
    out = capsys.readouterr()
    return done.value.code, out.out, out.err


@pytest.fixture
def watch_env(monkeypatch, tmp_path, real_ctgov_server):
    for key in ("TRIALFIND_OFFLINE", "TRIALFIND_CACHE_DIR", "TRIALFIND_DATA_DIR"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("TRIALFIND_API_URL", real_ctgov_server.url)
    monkeypatch.setenv("TRIALFIND_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("TRIALFIND_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TRIALFIND_RATE_LIMIT", "1000000")
    return tmp_path


def test_add_run_run_again_list_remove(watch_env, capsys):
    code, out, _ = run_cli(["watch", "add", "glioma-7", "--condition", "glioma", "--age", "7",
                            "--near", "42.36,-71.06", "--within", "300"], capsys)
    assert code == 0 and "Watching 'glioma-7'" in out

    html = watch_env / "digest.html"
    code, out, err = run_cli(["watch", "run", "--html", str(html)], capsys)
    assert code == 0, err
    assert "first run" in out and "New trials that may fit" in out and "NCT" in out
    page = html.read_text()
    assert '<meta name="viewport"' in page and "<script" not in page and "https://clinicaltrials.gov/study/NCT" in page
    assert page_stylesheet() in page and 'class="card"' in page  # the family report's look, inlined
    assert "Not medical advice." in page and "url(" not in page  # no outside resources

    stored = json.loads((watch_env / "data" / "watches" / "glioma-7.json").read_text())
    assert set(stored["search"]) == SEARCH_KEYS and stored["answer"]["trials"]
    assert "@" not in json.dumps(stored)  # the records' contacts are never copied into a watch

    code, out, _ = run_cli(["watch", "run", "glioma-7", "--format", "json"], capsys)
    assert code == 3  # nothing changed: cron stays quiet
    result = json.loads(out)[0]
    assert result["watch"] == "glioma-7" and result["changes"] == [] and result["first_run"] is False

    code, out, _ = run_cli(["watch", "list"], capsys)
    assert code == 0 and out.startswith("glioma-7: glioma; age 7 years on ") and "last run 20" in out
    code, out, _ = run_cli(["watch", "remove", "glioma-7"], capsys)
    assert code == 0
    code, out, _ = run_cli(["watch", "list", "--format", "json"], capsys)
    assert json.loads(out) == []


@pytest.mark.parametrize("argv", [
    ["watch", "add", "jane@example.org", "--condition", "glioma", "--age", "7"],
    ["watch", "add", "x", "--condition", "glioma", "--age", "seven"],
    ["watch", "add", "x", "--age", "7"],
    ["watch", "run"],  # no watches yet
])
def test_bad_input_is_one_line_and_exit_2(watch_env, capsys, argv):
    code, out, err = run_cli(argv, capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith("Error: ")


def test_unknown_watch_and_source_failure_exit_1(watch_env, capsys, real_ctgov_server):
    run_cli(["watch", "add", "alk", "--target", "ALK", "--age", "7"], capsys)
    code, _, err = run_cli(["watch", "run", "nope"], capsys)
    assert code == 1 and "no watch named 'nope' (watches: alk)" in err
    real_ctgov_server.inject(body="not json", path_contains="/studies")  # a broken answer: not retried
    code, _, err = run_cli(["watch", "run", "--no-cache", "--api-url", real_ctgov_server.url], capsys)
    assert code == 1 and err.count("\n") == 1
    data = json.loads((watch_env / "data" / "watches" / "alk.json").read_text())
    assert data["answer"] is None  # the failed run stored nothing


@pytest.mark.slow
def test_watch_as_a_subprocess_for_cron(cli_env, trialfind_cmd, tmp_path):
    env = {**cli_env, "TRIALFIND_DATA_DIR": str(tmp_path / "data")}
    added = subprocess.run([*trialfind_cmd, "watch", "add", "blood", "--condition", "leukemia", "--age", "10"],
                           env=env, capture_output=True, text=True)
    assert added.returncode == 0, added.stderr
    first = subprocess.run([*trialfind_cmd, "watch", "run"], env=env, capture_output=True, text=True)
    second = subprocess.run([*trialfind_cmd, "watch", "run"], env=env, capture_output=True, text=True)
    assert (first.returncode, second.returncode) == (0, 3)
    assert "No changes." in second.stdout
