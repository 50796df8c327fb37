"""The registry's HTML report: self-contained, charts embedded, no record-level text; and
(when Chromium is installed) a real browser draws the charts."""
import base64
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from trialfind.registry.record import RequestRecord
from trialfind.registry.report import build_report
from trialfind.registry.synthetic import synthetic_records

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"


def test_report_is_one_self_contained_page_with_four_png_charts():
    records = synthetic_records(200, seed=9)
    page = build_report(records, left_out=3, generated=dt.date(2026, 11, 22))
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not re.search(r"<(script|link|iframe)\b", page, flags=re.I)
    assert not re.search(r"""(src|href)\s*=\s*["'](https?:|//|file:)""", page, flags=re.I)
    images = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert len(images) == 4
    for encoded in images:
        assert base64.b64decode(encoded)[:8] == b"\x89PNG\r\n\x1a\n"
    assert "No identifying data" in page and "3 other request(s) were left out" in page
    assert "in plain words" in page
    for company in {r.company for r in records}:
        assert company in page  # the per-company table


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
    base = dict(reporter_role="parent", age_band="5-9", diagnosis="low-grade glioma", drug="tovorafenib",
                date_sent=dt.date(2025, 1, 2), consent_to_share=True)
    records = [RequestRecord(company="Day One", **base), RequestRecord(company="day one", **base),
               RequestRecord(company="Day One", **base)]
    page = build_report(records)
    table = page[page.index("<table>"):]
    assert table.count("<td>Day One</td><td>3</td>") == 1 and "day one" not in table


@pytest.mark.skipif(not os.path.exists(CHROMIUM),
                    reason=f"{CHROMIUM} is not installed (CI skips the browser check to stay fast; "
                           "run scripts/check_report_screenshot.sh after apt-get install -y chromium)")
def test_headless_chromium_draws_the_report_charts(tmp_path):
    result = subprocess.run(["bash", str(REPO_ROOT / "scripts" / "check_report_screenshot.sh"), str(tmp_path)],
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "CHROMIUM": CHROMIUM, "PYTHON": sys.executable})
    assert result.returncode == 0, result.stdout[-1500:] + result.stderr[-1500:]
    png = tmp_path / "report.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    match = re.search(r"(\d+) granted-green and (\d+) denied-red pixels", result.stdout)
    assert match and int(match.group(1)) > 2000 and int(match.group(2)) > 2000
