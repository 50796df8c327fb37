"""The terminal views over the real records: 80 columns, nothing that identifies a row cut, counts
when --limit cuts, and what to try next when nothing is found."""
from __future__ import annotations

import re

import pytest

from tests.conftest import TEST_RATE_LIMIT_PER_MINUTE
from trialfind.access.candidates import find_candidates
from trialfind.output.views import candidates_view, trials_view
from trialfind.sources import open_source
from trialfind.trials import find_trials


@pytest.fixture
def source(real_ctgov_server, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    return open_source(api_url=real_ctgov_server.url, cache_dir=tmp_path, rate_limit=TEST_RATE_LIMIT_PER_MINUTE)


def table_lines(text: str) -> list[str]:
    """The table part: up to the first line that is prose (the summary)."""
    lines = text.splitlines()
    end = next(i for i, line in enumerate(lines) if re.match(r"^\d+ (of \d+ shown|stud|compassionate)", line))
    return lines[:end]


def test_trials_table_fits_80_columns_with_whole_nct_ids(source):
    results = find_trials(condition="leukemia", age=7, near="Boston, MA", source=source)
    text = trials_view(results)
    lines = table_lines(text)
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    shown = re.findall(r"NCT\d{8}", "\n".join(lines))
    assert shown == [m.nct_id for m in results]  # every id whole, in order, once
    assert re.search(r"\d mi\b", text) and " km" not in "\n".join(lines)


def test_limit_says_how_many_were_cut(source):
    results = find_trials(condition="leukemia", age=7, source=source, limit=3)
    assert results.total > 3
    assert f"3 of {results.total} shown" in trials_view(results)


def test_empty_result_says_what_to_try_next(source):
    results = find_trials(condition="glioma", age=7, near="02115", within="50mi", source=source)
    assert not results
    text = trials_view(results)
    assert "What to try next" in text and "candidates" in text and "--status all" in text
    assert "larger --within" in text


def test_candidates_table_keeps_drug_and_company_whole(source):
    found = find_candidates("ALK", 7, source=source)
    text = candidates_view(found)
    lines = table_lines(text)
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    table = "\n".join(lines)
    for candidate in found:
        assert re.search(rf"^{re.escape(candidate.drug)}\s", table, re.MULTILINE), candidate.drug
        for company in candidate.company:
            assert company in table, company


def test_synthetic_markup_in_a_cell_is_shown_as_written():
    from trialfind.output.tables import wrapped_table

    text = wrapped_table([{"NCT id": "NCT00000001", "title": "[bold]x[/bold] [link=http://a.example]y[/link]"}],
                         ["NCT id", "title"], keep=("NCT id",), grow=("title",), width=80)
    assert "[bold]x[/bold] [link=http://a.example]y[/link]" in text
