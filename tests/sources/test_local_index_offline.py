"""--offline gives the same answers as the API: the same commands run against the loopback
server of the real records and against the local index built from the same records."""
from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import cli_environment, copy_real_index

QUERIES = [
    ("trials", "--condition", "glioma", "--age", "7", "--format", "json"),
    ("trials", "--condition", "glioma", "--age", "7", "--status", "all", "--include-ineligible",
     "--include-observational", "--format", "jsonl"),
    ("trials", "--target", "CD19", "--age", "16", "--format", "json"),
    ("trials", "--target", "EGFR", "--age", "16", "--status", "all", "--include-ineligible", "--format", "json"),
    ("trials", "--condition", "leukemia", "--age", "10", "--format", "csv"),
    ("candidates", "--target", "ALK", "--age", "7", "--format", "json"),
    ("candidates", "--target", "EGFR", "--target", "BRAF V600E", "--age", "12", "--format", "json"),
    ("sponsor", "Pfizer", "--format", "json"),
]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory, real_index_built):
    return copy_real_index(real_index_built, tmp_path_factory.mktemp("offline-cache"))


def run(cmd, env, *args):
    return subprocess.run([*cmd, *args], env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("query", QUERIES, ids=[" ".join(q[:3]) for q in QUERIES])
def test_offline_output_is_identical_to_the_api(query, trialfind_cmd, real_ctgov_server, index_dir):
    env = cli_environment(real_ctgov_server, index_dir)
    online = run(trialfind_cmd, env, *query)
    assert online.returncode == 0, online.stderr
    assert real_ctgov_server.requests  # the API path really used the server
    real_ctgov_server.clear_requests()
    offline = run(trialfind_cmd, env, *query, "--offline")
    assert offline.returncode == 0, offline.stderr
    assert not real_ctgov_server.requests  # and the offline path did not
    assert offline.stdout == online.stdout
    if "json" in query:
        assert json.loads(offline.stdout)  # a non-empty answer: the comparison means something


def test_offline_environment_variable_and_table_provenance(trialfind_cmd, real_ctgov_server, index_dir):
    env = cli_environment(real_ctgov_server, index_dir)
    online = run(trialfind_cmd, env, "trials", "--condition", "glioma", "--age", "7")
    offline = run(trialfind_cmd, {**env, "TRIALFIND_OFFLINE": "1"}, "trials", "--condition", "glioma", "--age", "7")
    assert online.returncode == offline.returncode == 0
    # Same rows; only the provenance line differs, naming the local index and its build date.
    online_lines, offline_lines = online.stdout.splitlines(), offline.stdout.splitlines()
    assert len(online_lines) == len(offline_lines) > 3
    differing = [(a, b) for a, b in zip(online_lines, offline_lines) if a != b]
    assert len(differing) == 1 and "local:" in differing[0][1]


def test_offline_without_an_index_says_how_to_build_one(trialfind_cmd, real_ctgov_server, tmp_path):
    env = cli_environment(real_ctgov_server, tmp_path / "empty-cache")
    result = run(trialfind_cmd, env, "trials", "--condition", "glioma", "--age", "7", "--offline")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "trialfind index build" in lines[0]


def test_build_from_the_api_then_answer_offline(trialfind_cmd, real_ctgov_server, tmp_path):
    env = cli_environment(real_ctgov_server, tmp_path / "api-cache")
    built = run(trialfind_cmd, env, "index", "build", "--from-api", "--condition", "glioma", "--target", "CD19",
                "--format", "json")
    assert built.returncode == 0, built.stderr
    report = json.loads(built.stdout)
    assert report["studies"] == report["inserted"] > 0
    assert report["source"] == "ClinicalTrials.gov API: condition glioma; target CD19"
    for query in (("trials", "--condition", "glioma", "--age", "7", "--format", "json"),
                  ("trials", "--target", "CD19", "--age", "16", "--format", "json")):
        online = run(trialfind_cmd, env, *query)
        offline = run(trialfind_cmd, env, *query, "--offline")
        assert online.returncode == offline.returncode == 0, offline.stderr
        assert json.loads(offline.stdout) and offline.stdout == online.stdout
    # a study outside what was fetched is not in this small index
    info = run(trialfind_cmd, env, "index", "info", "--format", "json")
    assert json.loads(info.stdout)["studies"] == report["studies"] < 1795
