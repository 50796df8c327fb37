"""Exports that record text cannot break: a CSV cell stays one cell of one row and never
runs as a formula; a table shows no terminal escape sequence. Record text is hostile here
on purpose (synthetic titles put into real records)."""
from __future__ import annotations

import csv
import functools
import io
import random

import pandas as pd
import pytest

from tests.cli.test_integrity_cli import damaged, run_cli
from trialfind.output.formats import excel_safe, terminal_safe, to_csv, to_table, undo_excel_safe

GLIOMA_TRIAL = "NCT06720727"  # a recruiting glioma trial for a 7-year-old in the real data
INJECTED = "Craniospinal irradiation\r=cmd|' /C calc'!A0\n+1+1\r\n@SUM(A1)\u2028-2"
ESCAPES = "Glioma \x1b[2J\x1b[H\x1b]8;;https://evil.example\x07click here\x1b]8;;\x07 trial\x07\x9b31m\u202eflipped"


@functools.cache
def retitled(title: str):
    # One list per title, so run_cli reads one source per title (parsing every record is ~2.5 s)
    # instead of one per call; nothing here changes the records.
    def change(record):
        record["protocolSection"]["identificationModule"]["briefTitle"] = title
    return damaged(GLIOMA_TRIAL, change)


@pytest.mark.parametrize("excel", [False, True])
def test_a_title_with_line_breaks_and_formulas_opens_as_one_row_with_its_text(monkeypatch, excel):
    args = ["trials", "--condition", "glioma", "--age", "7", "--format", "csv"] + (["--excel"] if excel else [])
    code, plain, _ = run_cli(args, monkeypatch, retitled("plain title"))
    code, out, err = run_cli(args, monkeypatch, retitled(INJECTED))
    assert code == 0, err
    assert out.startswith("\ufeff") == excel
    text = out.lstrip("\ufeff")
    assert text.endswith("\r\n") and text.count("\r\n") >= plain.count("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    frame = pd.read_csv(io.BytesIO(out.encode("utf-8")), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(rows) - 1 == len(frame) == len(list(csv.reader(io.StringIO(plain.lstrip("\ufeff"), newline="")))) - 1
    for titles in ([dict(zip(rows[0], r))["title"] for r in rows[1:]], list(frame["title"])):
        cell = next(t for t in titles if t.startswith("Craniospinal"))
        assert cell == excel_safe(INJECTED)
        assert undo_excel_safe(cell) == INJECTED
        for line in cell.splitlines():
            assert not line.startswith(("=", "+", "-", "@")), line
    assert list(frame.columns)[0] == "nct_id" and frame["nct_id"].str.fullmatch(r"NCT[0-9]{8}").all()


def test_excel_safe_neutralises_every_line_start_and_undo_gives_the_text_back():
    rng = random.Random(7)
    alphabet = "ab =+-@\t\r\n\x0b\x0c\x1c\x85\u2028'"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12)))
        safe = excel_safe(text)
        assert undo_excel_safe(safe) == text, repr(text)
        for line in [safe, *(safe[i + 1:] for i, c in enumerate(safe) if c in "\r\n\x0b\x0c\x1c\x85\u2028")]:
            assert not line.startswith(("=", "+", "-", "@", "\t")), (repr(text), repr(safe))


def test_csv_quotes_a_bare_carriage_return():
    text = to_csv([{"a": "x\ry", "b": 1}])
    assert text == 'a,b\r\n"x\ry",1\r\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["a", "b"], ["x\ry", "1"]]


def test_tables_strip_escape_sequences_and_control_characters(monkeypatch):
    code, out, err = run_cli(["trials", "--condition", "glioma", "--age", "7"], monkeypatch, retitled(ESCAPES))
    assert code == 0, err
    assert not any(c in out for c in "\x1b\x07\x9b\u202e\r")
    assert "click here" in out and "evil.example" not in out
    code, out, err = run_cli(["study", GLIOMA_TRIAL], monkeypatch, retitled(ESCAPES))
    assert code == 0, err
    assert not any(c in out for c in "\x1b\x07\x9b\u202e\r") and "click here" in out


def test_terminal_safe_on_its_own():
    assert terminal_safe(ESCAPES) == "Glioma click here trialflipped"
    assert terminal_safe("a\tb\nc\x00d\x7fe") == "a b\ncde"
    assert "\x1b" not in to_table([{"t": "\x1b[31mred"}]) or True  # to_table keeps text; render cleans it
    assert terminal_safe(to_table([{"t": "\x1b[31mred"}])).splitlines()[-1] == "red"
