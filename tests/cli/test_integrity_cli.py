"""Integrity at the command line, in-process: records that cannot be read are named (stderr
and JSON), never silently dropped; files are not overwritten or created by surprise; bad
input is one line and exit 2. A few subprocess runs check the real exit codes."""
from __future__ import annotations

import copy
import json
import subprocess
import sys
from functools import cache

import pytest
from click.testing import CliRunner

from tests.shared_data import STUDIES_FILE, real_records
from tests.spec_reference import ReferenceMemorySource
from trialfind.cli import main

TOP_ALK_TRIAL = "NCT06140836"  # repotrectinib's only trial in the data: the top ALK candidate at age 7


@cache
def damaged(nct_id: str, change) -> tuple[dict, ...]:
    """The real records with one of them changed by `change(record)` (on a copy). The same
    damage gives the same tuple, so the runs over it share one source (see _source_over)."""
    out = []
    for record in real_records():
        if record["protocolSection"]["identificationModule"]["nctId"] == nct_id:
            record = copy.deepcopy(record)
            change(record)
        out.append(record)
    return tuple(out)


def without_nct_id(record):
    del record["protocolSection"]["identificationModule"]["nctId"]


def sex_as_list(record):
    record["protocolSection"]["eligibilityModule"]["sex"] = ["FEMALE"]


# One in-memory source per list of records, kept with the list (so its id is not reused): the
# runs over the same records read the same source instead of parsing every record again.
_SOURCES: dict[int, tuple[object, ReferenceMemorySource]] = {}


def _source_over(records) -> ReferenceMemorySource:
    kept = _SOURCES.get(id(records))
    if kept is None or kept[0] is not records:
        kept = _SOURCES[id(records)] = (records, ReferenceMemorySource(records, version="synthetic-version"))
    return kept[1]


def run_cli(args, monkeypatch=None, records=None):
    """(exit code, stdout, stderr) of `trialfind ARGS` run in this process, with `records` as the source."""
    if records is not None:
        source = _source_over(records)
        monkeypatch.setattr("trialfind.cli.options.open_source", lambda **_: source)
    runner = CliRunner()
    with runner.isolation() as streams:
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = exc.code
        sys.stdout.flush()  # the interpreter would at exit
        sys.stderr.flush()
        out, err = streams[0].getvalue().decode(), streams[1].getvalue().decode()
    return code, out, err


def one_line_error(code, err, expected_code):
    assert code == expected_code, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "internal error" not in err, err
    return lines[0]


# --- records that cannot be read --------------------------------------------------------------

def test_candidates_names_the_record_it_could_not_read_instead_of_dropping_the_top_candidate(monkeypatch):
    code, out, err = run_cli(["candidates", "--target", "ALK", "--age", "7", "--format", "json"], monkeypatch,
                             real_records())
    assert code == 0 and not err
    assert json.loads(out)[0]["drug"] == "repotrectinib"  # intact data: the top candidate

    code, out, err = run_cli(["candidates", "--target", "ALK", "--age", "7", "--format", "json"], monkeypatch,
                             damaged(TOP_ALK_TRIAL, without_nct_id))
    assert code == 0
    title = next(r for r in real_records()
                 if r["protocolSection"]["identificationModule"]["nctId"] == TOP_ALK_TRIAL
                 )["protocolSection"]["identificationModule"]["briefTitle"]
    assert err.startswith("Warning: 1 record could not be read (a record without an NCT id, titled ")
    assert title[:40] in err
    data = json.loads(out)
    assert set(data) == {"results", "metadata"}
    assert data["metadata"]["unreadable_records"][0]["title"] == title
    candidates = [row["drug"] for row in data["results"] if row.get("section") == "candidate"]
    assert "repotrectinib" not in candidates and candidates


def test_trials_names_a_mistyped_record_on_stderr_and_in_json(monkeypatch):
    args = ["trials", "--condition", "glioma", "--age", "7", "--status", "all", "--include-ineligible"]
    code, out, err = run_cli([*args, "--format", "json"], monkeypatch, real_records())
    listed = [row["nct_id"] for row in json.loads(out)]
    assert code == 0 and not err and listed
    victim = listed[0]
    broken = damaged(victim, sex_as_list)
    code, out, err = run_cli([*args, "--format", "json"], monkeypatch, broken)
    assert code == 0
    assert f"1 record could not be read ({victim}: protocolSection.eligibilityModule.sex is a list" in err
    data = json.loads(out)
    assert data["metadata"]["unreadable_records"] == [
        {"nct_id": victim, "title": None, "where": None,
         "reason": "protocolSection.eligibilityModule.sex is a list, not text"}]
    assert victim not in [row["nct_id"] for row in data["results"]]
    # table and CSV keep their shape; stderr still names the record
    for fmt in ("table", "csv", "jsonl"):
        code, out, err = run_cli([*args, "--format", fmt], monkeypatch, broken)
        assert code == 0 and victim in err and out


def test_study_that_cannot_be_read_is_one_line_naming_it(monkeypatch):
    code, _, err = run_cli(["study", TOP_ALK_TRIAL], monkeypatch, damaged(TOP_ALK_TRIAL, sex_as_list))
    line = one_line_error(code, err, 1)
    assert TOP_ALK_TRIAL in line and "could not be read" in line


def test_request_names_unreadable_records(monkeypatch, tmp_path):
    records = damaged(TOP_ALK_TRIAL, sex_as_list)
    code, _, err = run_cli(["request", "--drug", "repotrectinib", "--output", str(tmp_path / "p")], monkeypatch,
                             records)
    assert code == 0, err
    assert TOP_ALK_TRIAL in err and "could not be read" in err
    assert (tmp_path / "p" / "request.md").is_file()


def test_index_build_names_records_it_could_not_read(tmp_path):
    good = real_records()[:3]
    bad = copy.deepcopy(real_records()[3])
    bad["protocolSection"]["statusModule"]["overallStatus"] = {"status": "RECRUITING"}
    nct = bad["protocolSection"]["identificationModule"]["nctId"]
    source = tmp_path / "synthetic_mixed.jsonl"
    source.write_text("\n".join([*map(json.dumps, good), json.dumps(bad), "not json", "[1, 2]"]) + "\n")
    code, out, err = run_cli(["index", "build", str(source), "--workers", "0", "--cache-dir", str(tmp_path / "c"),
                              "--format", "json"])
    assert code == 0, err
    report = json.loads(out)
    assert (report["inserted"], report["skipped_invalid"]) == (3, 3)
    assert [u["nct_id"] for u in report["unreadable"]] == [nct, None, None]
    assert report["unreadable"][1]["where"] == f"record 5 of {source}"
    assert "3 records could not be read" in err and nct in err and "record 6 of" in err


@pytest.mark.parametrize("content", ['{"studies": []}\n[1, 2]\n', "42\n\"text\"\n", '{"x": 1}\nnot json\n'])
def test_index_build_of_files_without_studies_is_one_line(tmp_path, content):
    source = tmp_path / "synthetic_not_studies.jsonl"
    source.write_text(content)
    code, _, err = run_cli(["index", "build", str(source), "--workers", "0", "--cache-dir", str(tmp_path / "c")])
    line = one_line_error(code, err, 1)
    assert "no ClinicalTrials.gov v2 studies found" in line and "could not be read" in line


# --- files ----------------------------------------------------------------------------------

def test_request_does_not_overwrite_a_packet_without_force(monkeypatch, tmp_path):
    out = tmp_path / "packet"
    args = ["request", "--drug", "synthdrugib", "--no-search", "--output", str(out)]
    assert run_cli(args)[0] == 0
    (out / "request.md").write_text("edited by the physician", encoding="utf-8")
    code, _, err = run_cli(args)
    assert "--force" in one_line_error(code, err, 2)
    assert (out / "request.md").read_text(encoding="utf-8") == "edited by the physician"
    assert run_cli([*args, "--force"])[0] == 0
    assert (out / "request.md").read_text(encoding="utf-8") != "edited by the physician"


def test_request_into_a_missing_folder_is_exit_2(tmp_path):
    code, _, err = run_cli(["request", "--drug", "synthdrugib", "--no-search", "--output",
                            str(tmp_path / "missing" / "packet")])
    assert str(tmp_path / "missing") in one_line_error(code, err, 2)
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("command", [
    ["trials", "--condition", "glioma", "--age", "7"],
    ["candidates", "--target", "ALK", "--age", "7"],
    ["sponsor", "Pfizer", "--no-records"],
    ["study", TOP_ALK_TRIAL],
])
def test_output_into_a_missing_folder_or_under_a_file_is_exit_2_naming_the_path(monkeypatch, tmp_path, command):
    missing = tmp_path / "no-such-folder" / "out.csv"
    code, _, err = run_cli([*command, "--output", str(missing)], monkeypatch, real_records())
    assert str(missing) in one_line_error(code, err, 2)
    assert not missing.parent.exists()
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    code, _, err = run_cli([*command, "--output", str(a_file / "out.csv")], monkeypatch, real_records())
    assert str(a_file / "out.csv") in one_line_error(code, err, 2)
    assert a_file.read_text() == "x"


def test_registry_output_into_a_missing_folder_is_exit_2(tmp_path):
    db = str(tmp_path / "registry.sqlite")
    for args in (["registry", "list", "--db", db], ["registry", "stats", "--db", db],
                 ["registry", "export", "--db", db]):
        code, _, err = run_cli([*args, "--output", str(tmp_path / "nope" / "x.csv")])
        assert "does not exist" in one_line_error(code, err, 2)


def test_a_cache_folder_that_cannot_be_made_is_exit_2_naming_it(tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    for args in (["trials", "--condition", "glioma", "--age", "7"],
                 ["index", "build", str(STUDIES_FILE)]):
        code, _, err = run_cli([*args, "--cache-dir", str(a_file / "cache")])
        line = one_line_error(code, err, 2)
        assert str(a_file / "cache") in line and "temp" not in line


def test_a_read_only_cache_folder_is_exit_2_naming_it(tmp_path, monkeypatch):
    # root may write anywhere, so the operating system's answer is simulated
    monkeypatch.setattr("trialfind.core.config._may_write", lambda path: False)
    code, _, err = run_cli(["trials", "--condition", "glioma", "--age", "7", "--cache-dir", str(tmp_path)])
    line = one_line_error(code, err, 2)
    assert str(tmp_path) in line and "--no-cache" in line


def test_output_to_a_device_is_written_in_place_not_replaced(monkeypatch, tmp_path):
    import os

    fifo = tmp_path / "synthetic.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    code, _, err = run_cli(["sponsor", "Pfizer", "--no-records", "--format", "json", "--output", str(fifo)])
    got, _ = reader.communicate(timeout=30)
    assert code == 0, err
    assert json.loads(got)["query"] == "Pfizer"
    assert fifo.is_fifo()


# --- bad input ------------------------------------------------------------------------------

@pytest.mark.parametrize("nct_id", ["NCT１２３４５６７８", "NCT٠١٢٣٤٥٦٧", "NCT1234567", "12345678"])
def test_nct_ids_take_ascii_digits_only(nct_id):
    code, _, err = run_cli(["study", nct_id])
    assert "is not an NCT id" in one_line_error(code, err, 2)


def test_a_twenty_digit_registry_id_is_exit_2(tmp_path):
    db = str(tmp_path / "registry.sqlite")
    for args in (["registry", "show", "99999999999999999999"], ["registry", "update", "99999999999999999999",
                                                                "--notes", "x"]):
        code, _, err = run_cli([*args, "--db", db])
        assert "is not a registry id" in one_line_error(code, err, 2)


@pytest.mark.parametrize("content", [bytes(range(256)) * 8, b"drug\ttarget\n\x00\x00\xff\n"])
def test_a_binary_targets_file_is_exit_2(tmp_path, content):
    table = tmp_path / "synthetic_binary.tsv"
    table.write_bytes(content)
    code, _, err = run_cli(["candidates", "--target", "ALK", "--age", "7", "--targets-file", str(table)])
    assert str(table) in one_line_error(code, err, 2)


def test_excel_applies_to_csv_only(monkeypatch):
    code, _, err = run_cli(["trials", "--condition", "glioma", "--age", "7", "--excel"], monkeypatch,
                           real_records())
    assert "--excel" in one_line_error(code, err, 2)
    code, out, _ = run_cli(["trials", "--condition", "glioma", "--age", "7", "--format", "csv", "--excel"],
                           monkeypatch, real_records())
    assert code == 0 and out.startswith("\ufeffnct_id,")


# --- the real exit codes, in a subprocess ---------------------------------------------------

@pytest.mark.slow
def test_exit_codes_in_a_subprocess(trialfind_cmd, tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_bytes(bytes(range(256)))
    env = {"PATH": "/usr/bin:/bin", "TRIALFIND_CACHE_DIR": str(tmp_path / "cache")}
    cases = [
        (["study", "NCT１２３４５６７８"], 2),
        (["registry", "show", "99999999999999999999", "--db", str(tmp_path / "r.sqlite")], 2),
        (["candidates", "--target", "ALK", "--age", "7", "--targets-file", str(a_file), "--offline"], 2),
        (["trials", "--condition", "glioma", "--age", "7", "--cache-dir", str(a_file / "c")], 2),
        (["request", "--drug", "x", "--no-search", "--output", str(tmp_path / "missing" / "p")], 2),
        (["index", "build", str(a_file), "--cache-dir", str(tmp_path / "c2")], 1),
    ]
    for args, expected in cases:
        result = subprocess.run([*trialfind_cmd, *args], check=False, capture_output=True, text=True, env=env, timeout=120)
        assert result.returncode == expected, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "internal error" not in result.stderr, result.stderr
