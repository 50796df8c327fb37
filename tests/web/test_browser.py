"""The web app in a real headless Chromium, against the loopback fake API serving the real records:
search -> results -> study -> candidates -> letter -> registry outcome, with screenshots at
1280 and 390 px (test-artifacts/) and accessibility basics on every page."""
from __future__ import annotations

import re
import subprocess
import time

import pytest

from tests.conftest import TEST_RATE_LIMIT_PER_MINUTE
from tests.web.browser import (
    AppServer,
    accessibility_problems,
    browser_or_skip,
    chromium_driver,
    page_overflows,
    screenshot,
    submit_and_wait,
)
from trialfind.access.candidates import find_candidates
from trialfind.registry.identity import company_name as registry_company_name
from trialfind.sources import open_source
from trialfind.trials import find_trials

pytestmark = pytest.mark.slow

SEARCH = {"age": "7", "condition": "leukemia", "near": "Boston, MA", "within": "500mi"}


@pytest.fixture
def browser(tmp_path):
    browser_or_skip()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with chromium_driver(downloads) as driver:
        driver.downloads = downloads
        yield driver


@pytest.fixture
def web_app(tmp_path, real_ctgov_server):
    from trialfind.web import create_app

    def source():
        return open_source(api_url=real_ctgov_server.url, cache_dir=tmp_path / "cache",
                           rate_limit=TEST_RATE_LIMIT_PER_MINUTE)

    app = create_app(source_factory=source, db=str(tmp_path / "registry.sqlite"), secret_key="test-only")
    with AppServer(app) as server:
        server.source = source
        yield server


def check_page(driver, name: str) -> None:
    problems = accessibility_problems(driver)
    assert not problems, f"{name}: {problems}"
    for width in (1280, 390):
        assert screenshot(driver, name, width).stat().st_size > 1000
    assert not page_overflows(driver, 390), f"{name} scrolls sideways on a 390 px phone"


def shown_nct_ids(driver) -> list[str]:
    from selenium.webdriver.common.by import By

    return [el.text for el in driver.find_elements(By.CSS_SELECTOR, "article .nct")]


def wait_for_file(folder, pattern: str, timeout: float = 30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if re.fullmatch(pattern, p.name)]
        if done:
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no download matching {pattern} in {sorted(p.name for p in folder.iterdir())}")


def test_search_study_candidates_letter_registry(browser, web_app):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = browser
    expected = [m.nct_id for m in find_trials(**SEARCH, source=web_app.source(), limit=50)]
    assert expected, "the real records have open leukemia trials near Boston"

    # Search: fill the form and submit with Enter from the keyboard.
    driver.get(web_app.url + "/")
    check_page(driver, "search")
    for name, value in SEARCH.items():
        field = driver.find_element(By.ID, name)
        field.clear()
        field.send_keys(value)
    driver.find_element(By.ID, "within").send_keys(Keys.ENTER)
    assert "/trials?" in driver.current_url
    assert shown_nct_ids(driver) == expected  # same library call, same answer, same order
    assert " mi" in driver.find_element(By.TAG_NAME, "main").text  # a US place: miles
    check_page(driver, "results")

    # Study: the first result's page, with its nearest sites and every site contact.
    driver.find_element(By.CSS_SELECTOR, "article h2 a").click()
    assert f"/study/{expected[0]}" in driver.current_url
    body = driver.find_element(By.TAG_NAME, "main").text
    assert "Nearest sites taking patients to Boston, MA" in body
    check_page(driver, "study")

    # Candidates for a target, then the letter download.
    drugs = [c.drug for c in find_candidates("ALK", "7", source=web_app.source())]
    assert drugs
    driver.get(web_app.url + "/candidates?age=7&target=ALK")
    headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "article h2")]
    assert headings == drugs
    check_page(driver, "candidates")
    driver.find_element(By.PARTIAL_LINK_TEXT, f"Download the request letter for {drugs[0]}").click()
    letter = wait_for_file(driver.downloads, rf"request-{re.escape(drugs[0])}\.md")
    assert drugs[0] in letter.read_text(encoding="utf-8").lower()

    # Registry: report an outcome from the candidate's link, then see it counted.
    driver.find_element(By.PARTIAL_LINK_TEXT, "Report how a request went").click()
    assert driver.find_element(By.ID, "drug").get_attribute("value") == drugs[0]
    check_page(driver, "registry-form")
    for name, value in {"reporter_role": "parent", "age_band": "5-9", "decision": "granted"}.items():
        driver.find_element(By.CSS_SELECTOR, f"#{name} option[value='{value}']").click()
    driver.find_element(By.ID, "diagnosis").send_keys("neuroblastoma")
    company = driver.find_element(By.ID, "company")
    if not company.get_attribute("value"):
        company.send_keys("Pfizer")
    company_name = registry_company_name(company.get_attribute("value"))  # one name per company
    driver.execute_script("document.getElementById('date_sent').value = '2026-10-01';"
                          "document.getElementById('decision_date').value = '2026-10-09';")
    driver.find_element(By.ID, "consent-yes").click()
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    assert "Thank you" in driver.find_element(By.TAG_NAME, "h1").text, driver.page_source[:2000]
    driver.find_element(By.LINK_TEXT, "See the registry figures").click()
    page = driver.find_element(By.TAG_NAME, "body").text
    assert "from 1 request(s)" in page and company_name in page
    screenshot(driver, "registry-report", 1280)


def test_registry_refuses_identifying_text_in_one_line(browser, web_app):
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(web_app.url + "/registry/new?drug=lorlatinib&company=Pfizer")
    for name, value in {"reporter_role": "parent", "age_band": "5-9"}.items():
        driver.find_element(By.CSS_SELECTOR, f"#{name} option[value='{value}']").click()
    driver.find_element(By.ID, "diagnosis").send_keys("neuroblastoma, ask jane.doe@example.org")
    driver.execute_script("document.getElementById('date_sent').value = '2026-10-01';")
    driver.find_element(By.ID, "consent-yes").click()
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    error = driver.find_element(By.ID, "form-error").text
    assert error.startswith("Not saved: diagnosis") and "\n" not in error
    driver.get(web_app.url + "/registry/report")
    assert "No requests to show yet" in driver.find_element(By.TAG_NAME, "body").text


def test_family_report_page_is_readable_at_desktop_and_phone_width(browser, tmp_path, trialfind_cmd, cli_env):
    from selenium.webdriver.common.by import By

    output = tmp_path / "child.html"
    result = subprocess.run([*trialfind_cmd, "report", "--target", "ABL1", "--age", "7",
                             "--near", "Boston, MA", "--output", str(output)], env=cli_env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    browser.get(output.as_uri())
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "Not medical advice" in text and "Words used here" in text
    # ABL1 in the real records: an open trial for a 7-year-old and drugs studied only in adults.
    assert re.search(r"\d+ open trials? may fit; \d+ drugs? on the same target", text)
    assert "Compassionate use, step by step" in text and "Nearest sites taking patients" in text
    problems = accessibility_problems(browser)
    assert not problems, problems
    for width in (1280, 390):
        screenshot(browser, "family-report", width)
    assert not page_overflows(browser, 390)
