"""`--near` as a family types it, `--within`, `--units`, `--sort`: the whole command over the real
records, online (the loopback fake API) and offline (the local index), which must agree. Runs
happen in-process; the exit-code tests run the real process."""
from __future__ import annotations

import json
import re
import subprocess

import pytest

from tests.cli_in_process import run_in_process
from tests.conftest import cli_environment, copy_real_index
from tests.shared_data import real_records
from trialfind.core.study import parse_study
from trialfind.knowledge.places import resolve_place
from trialfind.match.geo import KM_PER_MILE, haversine_km, site_is_taking_patients


def run(cmd, env, *args):
    return subprocess.run([*cmd, *args], check=False, env=env, capture_output=True, text=True, timeout=300)


def rows_for(env, *args):
    result = run_in_process(env, "trials", *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_zip_and_city_agree_and_distances_are_in_miles(cli_env):
    by_zip = rows_for(cli_env, "--condition", "leukemia", "--age", "7", "--near", "02115",
                      "--within", "500mi")
    by_city = rows_for(cli_env, "--condition", "leukemia", "--age", "7", "--near", "Boston, MA",
                       "--within", "500mi")
    assert by_zip, "the real records have open leukemia trials within 500 miles of Boston"
    assert [r["nct_id"] for r in by_zip] == [r["nct_id"] for r in by_city]
    for a, b in zip(by_zip, by_city):
        assert a["distance_mi"] <= 500 and abs(a["distance_mi"] - b["distance_mi"]) < 5
        assert a["distance_mi"] == pytest.approx(a["distance_km"] / KM_PER_MILE, abs=0.1)
        assert a["nearest_sites"][0]["distance_mi"] == a["nearest_site"]["distance_mi"]
        assert any("mi)" in reason for reason in a["reasons"])


@pytest.mark.slow
def test_within_keeps_exactly_the_trials_with_a_site_that_close(cli_env):
    boston = resolve_place("Boston, MA").point
    everything = rows_for(cli_env, "--condition", "leukemia", "--age", "7", "--near", "Boston, MA")
    near = rows_for(cli_env, "--condition", "leukemia", "--age", "7", "--near", "Boston, MA",
                    "--within", "500mi")
    records = {r["protocolSection"]["identificationModule"]["nctId"]: r for r in real_records()}
    expected = []
    for row in everything:
        study = parse_study(records[row["nct_id"]])
        distances = [haversine_km(*boston, s.lat, s.lon) for s in study.sites
                     if s.lat is not None and site_is_taking_patients(s, study.status)]
        if distances and min(distances) <= 500 * KM_PER_MILE:
            expected.append(row["nct_id"])
    assert [r["nct_id"] for r in near] == expected
    assert 0 < len(near) < len(everything)


@pytest.mark.slow
def test_sort_by_distance_puts_the_nearest_first(cli_env):
    rows = rows_for(cli_env, "--condition", "leukemia", "--age", "7", "--near", "02115",
                    "--sort", "distance")
    located = [r["distance_km"] for r in rows if r["distance_km"] is not None]
    assert located == sorted(located) and len(located) > 2


@pytest.mark.slow
def test_units_km_and_a_foreign_city_default_to_km(cli_env):
    result = run_in_process(cli_env, "trials", "--condition", "leukemia", "--age", "7", "--near", "Lyon, France")
    assert result.returncode == 0, result.stderr
    assert re.search(r"\d km", result.stdout) and not re.search(r"\d mi\b", result.stdout)
    result = run_in_process(cli_env, "trials", "--condition", "leukemia", "--age", "7", "--near", "02115",
                 "--units", "km")
    assert re.search(r"\d km", result.stdout)


@pytest.mark.parametrize("args, words", [
    (("--near", "Bostn, MA"), "did you mean 'Boston, MA'"),
    (("--near", "02115", "--within", "far"), "radius"),
    (("--within", "300mi"), "need a place"),
])
def test_bad_places_and_radii_exit_2_in_one_line(trialfind_cmd, cli_env, args, words):
    result = run(trialfind_cmd, cli_env, "trials", "--condition", "glioma", "--age", "7", *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr


@pytest.mark.slow
def test_done_when_glioma_near_boston_works_offline_and_agrees(real_ctgov_server, real_index_built, tmp_path):
    copy_real_index(real_index_built, tmp_path)
    env = cli_environment(real_ctgov_server, tmp_path)
    outputs = {}
    for near in ("02115", "Boston, MA"):
        for fmt in ("json", "table"):
            result = run_in_process(env, "trials", "--condition", "glioma", "--age", "7", "--near", near,
                         "--within", "500mi", "--offline", "--format", fmt)
            assert result.returncode == 0, result.stderr
            outputs[near, fmt] = result.stdout
    assert not real_ctgov_server.requests  # offline really was offline
    ids = [[r["nct_id"] for r in json.loads(outputs[near, "json"])] for near in ("02115", "Boston, MA")]
    assert ids[0] == ids[1]
    assert "within 500 mi of" in outputs["Boston, MA", "table"]
    # The same query without a radius lists trials, all farther than 500 miles in these records.
    wide = json.loads(run_in_process(env, "trials", "--condition", "glioma", "--age", "7", "--near", "02115",
                          "--offline", "--format", "json").stdout)
    assert all(r["distance_mi"] is None or r["distance_mi"] > 500 for r in wide if r["nct_id"] not in ids[0])


def test_study_near_lists_the_nearest_sites_with_their_contacts(cli_env):
    nct = rows_for(cli_env, "--condition", "leukemia", "--age", "7", "--near", "02115",
                   "--sort", "distance")[0]["nct_id"]
    result = run_in_process(cli_env, "study", nct, "--near", "02115", "--format", "json")
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout)
    distances = [s["distance_mi"] for s in page["nearest_sites"]]
    assert distances == sorted(distances) and page["units"] == "mi" and all("contacts" in s
                                                                             for s in page["nearest_sites"])
    text = run_in_process(cli_env, "study", nct, "--near", "02115").stdout
    assert text.startswith("Nearest sites taking patients to 02115 (Boston, MA):")


def test_report_needs_a_condition_or_target(trialfind_cmd, cli_env, tmp_path):
    result = run(trialfind_cmd, cli_env, "report", "--age", "7", "--output", str(tmp_path / "x.html"))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.html").exists()
