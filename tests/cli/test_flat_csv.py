"""CSV for advocates, against the real-records loopback server: one column per value, no JSON
in any cell, and a sidecar FILE.json with the query, the age band (never the exact age), the
data version, the trialfind version and the date."""
from __future__ import annotations

import csv
import io
import json
import subprocess

from trialfind.core.config import VERSION
from trialfind.output.flat import flat_row

BOSTON = "42.36,-71.06"


def run(cmd, env, *args, timeout=120):
    return subprocess.run([*cmd, *args], env=env, capture_output=True, text=True, timeout=timeout)


def _csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _no_json_cells(rows):
    for row in rows:
        for key, value in row.items():
            assert not (value.startswith("{") or value.startswith("[{")), (key, value)


def test_trials_csv_sorts_by_distance_and_has_a_sidecar(trialfind_cmd, cli_env, tmp_path):
    out = tmp_path / "trials.csv"
    result = run(trialfind_cmd, cli_env, "trials", "--condition", "ALL", "--age", "5y4m", "--near", BOSTON,
                 "--format", "csv", "--output", str(out))
    assert result.returncode == 0, result.stderr
    rows = _csv(out)
    assert rows and "nearest_site" not in rows[0]
    _no_json_cells(rows)
    with_site = [r for r in rows if r["nearest_site_distance_km"]]
    assert with_site
    for row in with_site:
        km, mi = float(row["nearest_site_distance_km"]), float(row["nearest_site_distance_mi"])
        assert abs(mi * 1.609344 - km) < 0.2
        assert row["nearest_site_city"] and row["nearest_site_country"]
    assert min(float(r["nearest_site_distance_km"]) for r in with_site) < 50  # a Boston site exists
    side = json.loads((tmp_path / "trials.json").read_text(encoding="utf-8"))
    assert side["query"]["conditions"] == ["ALL"] and side["query"]["location_given"] is True
    assert side["age_band"] == "5-9 years" and side["trialfind_version"] == VERSION
    assert side["data_version"] and side["generated_on"] and side["rows"] == len(rows)
    text = json.dumps(side)
    assert "5y4m" not in text and "42.36" not in text  # neither the exact age nor the place
    assert side["columns"] == list(rows[0])


def test_candidates_csv_shows_the_company_contact_in_its_own_columns(trialfind_cmd, cli_env, tmp_path):
    out = tmp_path / "candidates.csv"
    result = run(trialfind_cmd, cli_env, "candidates", "--target", "ALK", "--age", "7", "--format", "csv",
                 "--output", str(out))
    assert result.returncode == 0, result.stderr
    rows = _csv(out)
    assert rows
    _no_json_cells(rows)
    for column in ("ea_policy_company", "ea_policy_email", "ea_policy_url", "ea_policy_phone", "ea_program_status",
                   "ea_record_ids"):
        assert column in rows[0], column
    assert "ea_policy" not in rows[0] and "ea_records" not in rows[0]
    json_rows = json.loads(run(trialfind_cmd, cli_env, "candidates", "--target", "ALK", "--age", "7", "--format",
                               "json").stdout)
    assert len(rows) == len(json_rows)
    for row, nested in zip(rows, json_rows):
        if nested.get("ea_records") is None:  # a not-candidate / discovery line: no policy columns to fill
            assert row["ea_program_status"] == "" and row["drug"] == nested["drug"]
            continue
        policy = nested["ea_policy"] or {}
        assert row["ea_policy_url"] == (policy.get("policy_url") or "")
        assert row["ea_policy_email"] == (policy.get("contact_email") or "")
        assert row["ea_program_status"] == ("available" if nested["ea_available"] else
                                            row["ea_program_status"] if nested["ea_records"] else "none found")
    assert isinstance(json_rows[0]["ea_records"], list)  # JSON keeps the nested structure
    side = json.loads((tmp_path / "candidates.json").read_text(encoding="utf-8"))
    assert side["query"] == {"command": "candidates", "targets": ["ALK"]} and side["age_band"] == "5-9 years"


def test_synthetic_nested_values_become_columns_not_json():
    row = flat_row({"drug": "x", "tags": ["a", "b"], "ok": True, "nested": {"a": 1, "b": {"c": 2}},
                    "items": [{"id": "N1", "n": 1}, {"id": "N2", "n": 2}], "nearest_site": None})
    assert row["tags"] == "a; b" and row["ok"] == "yes"
    assert row["nested_a"] == 1 and row["nested_b_c"] == 2
    assert row["items_id"] == "N1; N2" and row["items_n"] == "1; 2"
    assert row["nearest_site_distance_mi"] == "" and "nearest_site" not in row
