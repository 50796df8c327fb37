"""The family report as a library object and a page, over the real records (loopback fake API)."""
from __future__ import annotations

import re

import pytest

from tests.conftest import TEST_RATE_LIMIT_PER_MINUTE
from trialfind.output.family_report import family_report, render_family_report
from trialfind.sources import open_source


@pytest.fixture
def source(real_ctgov_server, tmp_path):
    return open_source(api_url=real_ctgov_server.url, cache_dir=tmp_path, rate_limit=TEST_RATE_LIMIT_PER_MINUTE)


def test_report_with_trials_and_candidates(source):
    report = family_report(target="ABL1", age=7, near="Boston, MA", source=source)
    assert report.trials and report.candidates and report.units == "mi"
    assert re.fullmatch(rf"{len(report.trials)} open trials? may fit; {len(report.candidates)} drugs? on the same "
                        r"target \(ABL1\) (is|are) studied only in adults\.", report.summary)
    trial = report.trials[0]
    assert trial.nearest and trial.nearest[0].distance.endswith(" mi") and trial.uncertain
    page = render_family_report(report)
    # Self-contained: no scripts, no external stylesheets, images or fonts.
    assert "<script" not in page and "<link" not in page and not re.search(r"src=\"https?:", page)
    for words in ("Not medical advice", "Questions to ask the study team", "Compassionate use, step by step",
                  "Words used here", report.data_version):
        assert words in page
    for candidate in report.candidates:
        assert f'id="drug-{candidate.drug}"' in page


def test_nothing_open_says_what_to_try_next(source):
    report = family_report(condition="glioma", age=7, near="02115", within="100mi", source=source)
    assert not report.trials and report.next_steps
    page = render_family_report(report)
    assert "What to try next" in page and "Kids v Cancer" in page and "navigator.reaganudall.org" in page
    assert "status all" in page


def test_text_from_records_is_escaped(source):
    report = family_report(condition="leukemia", age=7, source=source, limit=5)
    report.trials[0] = type(report.trials[0])(**{**report.trials[0].__dict__, "title": "<b>x</b>"})
    assert "&lt;b&gt;x&lt;/b&gt;" in render_family_report(report)
