"""The registry's report: self-contained HTML that fits a phone, per company and per drug
(answers, waiting times, outcomes, toxicities, denial reasons), no record-level text; and
(when Chromium is installed) a real browser draws it at 390 and 1280 px."""
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from trialfind.registry.record import RequestRecord
from trialfind.registry.report import build_report, report_rows
from trialfind.registry.synthetic import synthetic_records

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"


def test_report_is_one_self_contained_page_that_fits_a_phone():
    records = synthetic_records(200, seed=9)
    page = build_report(records, left_out=3, generated=dt.date(2026, 11, 22))
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not re.search(r"<(script|link|iframe|img)\b", page, flags=re.I)
    assert not re.search(r"""(src|href)\s*=\s*["'](https?:|//|file:)""", page, flags=re.I)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media (max-width:640px)" in page and 'data-label="Median days to decide"' in page
    assert "No identifying data" in page and "3 other request(s) were left out" in page
    assert "In plain words" in page
    for company in {r.company for r in records}:
        assert company in page  # the per-company table


def synthetic_record(company, drug, decision, **extra):
    values = dict(reporter_role="physician", age_band="5-9", diagnosis="relapsed neuroblastoma", drug=drug,
                  company=company, month_sent="2025-01", decision=decision, consent_to_share=True)
    return RequestRecord.from_values(values | extra).validate(dt.date(2026, 11, 22))


def test_synthetic_report_shows_outcomes_toxicities_denial_reasons_and_small_numbers():
    records = [
        synthetic_record("Pfizer Inc.", "Lorbrena", "granted", days_to_decide=10, outcome="response",
                         toxicities="Weight gain:2; Neutrophil count decreased:3"),
        synthetic_record("pfizer", "lorlatinib", "denied", days_to_decide=20, reason_given="No pediatric dosing data"),
        synthetic_record("Pfizer", "PF-06463922", "withdrawn"),
        synthetic_record("Pfizer", "lorlatinib", "denied", reason_given="Patient may join an open trial"),
    ]
    page = build_report(records)
    rows = report_rows(records)
    pfizer = next(r for r in rows if r["grouping"] == "company" and r["group"] == "Pfizer")
    lorlatinib = next(r for r in rows if r["grouping"] == "drug" and r["group"] == "lorlatinib")
    for row in (pfizer, lorlatinib):   # one company, one drug, however they were written
        assert (row["requests"], row["granted"], row["denied"], row["withdrawn"], row["no_response"]) == (4, 1, 2, 1, 0)
        assert (row["outcome_response"], row["toxicity_grade_2"], row["toxicity_grade_3"]) == (1, 1, 1)
        assert row["denied_no_data_or_dose_for_children"] == 1 and row["denied_a_trial_is_open_to_the_child"] == 1
        assert row["note"] == "too few to compare"
    assert len([r for r in rows if r["grouping"] == "company"]) == 2   # Pfizer and the total
    for words in ("How the children did", "Response", "Side effects grade 3", "Neutrophil count decreased",
                  "Why companies said no", "No data or dose for children", "A trial is open to the child",
                  "too few to compare", "withdrawn by the family", "Median days to acknowledge",
                  "Median days to decide"):
        assert words in page, words
    assert '<td data-label="Drug">lorlatinib</td>' in page and '<td data-label="Drug">Lorbrena' not in page
    assert "Pfizer Inc." not in page and ">pfizer<" not in page
    assert "No pediatric dosing data" not in page   # reasons are shown only as their group


def test_report_shows_no_record_level_free_text():
    records = synthetic_records(60, seed=2)
    records[0].notes = "Synthetic note that must stay inside the registry"
    records[1].reason_given = "Synthetic reason kept private"
    page = build_report(records)
    assert "Synthetic note that must stay" not in page and "Synthetic reason kept private" not in page
    assert "medical information line" not in page  # contact routes are not published either


def test_report_with_no_requests_says_so():
    page = build_report([])
    assert "No requests to show yet" in page and "data:image" not in page


def test_report_counts_one_company_spelled_two_ways_once():
    records = [synthetic_record(name, "tovorafenib", "pending") for name in ("Day One", "day one", "Day One")]
    page = build_report(records)
    table = page[page.index("<table"):]
    assert table.count('<td data-label="Company">Day One</td><td data-label="Requests">3</td>') == 1
    assert "day one" not in table


@pytest.mark.skipif(not os.path.exists(CHROMIUM),
                    reason=f"{CHROMIUM} is not installed (CI skips the browser check to stay fast; "
                           "run scripts/check_report_screenshot.sh after apt-get install -y chromium)")
def test_headless_chromium_draws_the_report_at_390_and_1280_px(tmp_path):
    result = subprocess.run(["bash", str(REPO_ROOT / "scripts" / "check_report_screenshot.sh"), str(tmp_path)],
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "CHROMIUM": CHROMIUM, "PYTHON": sys.executable})
    assert result.returncode == 0, result.stdout[-1500:] + result.stderr[-1500:]
    shots = re.findall(r"screenshot (\d+)x(\d+): (\d+) granted-green and (\d+) denied-red pixels", result.stdout)
    assert [(int(w), int(h)) for w, h, _, _ in shots] == [(390, 2400), (1280, 1600)]
    for name in ("report-390.png", "report-1280.png"):
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for _, _, green, red in shots:
        assert int(green) > 1000 and int(red) > 1000
    # Nothing runs off the right edge of a phone: the page is not wider than the window.
    import matplotlib.image as mpimg
    phone = mpimg.imread(tmp_path / "report-390.png")[..., :3]
    assert (phone[:, -4:] > 0.97).all(), "something is drawn in the last pixels of the 390 px screenshot"
