"""A real headless Chromium for the browser tests (Debian `chromium` + `chromium-driver`, selenium).

Outside CI, a machine without them skips the tests and says how to install them; with
CI=true a missing browser fails the run instead (CI installs it)."""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = Path(os.environ.get("TRIALFIND_TEST_ARTIFACTS", REPO_ROOT / "test-artifacts"))
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage")
INSTALL_HINT = "apt-get install -y chromium chromium-driver (and pip install selenium)"


def _find(*names: str) -> str | None:
    return next((path for path in map(shutil.which, names) if path), None)


def browser_or_skip() -> tuple[str, str]:
    """(chromium, chromedriver) paths; skip outside CI, fail in CI, when they are missing."""
    missing = []
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium")
    chromium = _find("chromium", "chromium-browser", "google-chrome")
    driver = _find("chromedriver")
    if chromium is None:
        missing.append("chromium")
    if driver is None:
        missing.append("chromedriver")
    if missing:
        message = f"browser tests need {', '.join(missing)}: {INSTALL_HINT}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return chromium, driver


@contextmanager
def chromium_driver(download_dir: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver_path = browser_or_skip()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="trialfind-chromium-")
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument("--window-size=1280,900")
    options.add_experimental_option("prefs", {"download.default_directory": str(download_dir),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_dir)})
        driver.set_page_load_timeout(120)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(driver, name: str, width: int) -> Path:
    """The whole page at `width` CSS pixels (390 is a phone), saved under test-artifacts/."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    height = min(int(driver.execute_script("return document.documentElement.scrollHeight")), 6000)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    path = ARTIFACTS_DIR / f"{name}-{width}.png"
    driver.save_screenshot(str(path))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return path


def page_overflows(driver, width: int) -> bool:
    """True when the page scrolls sideways at `width` (text cut off on a phone)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    try:
        return bool(driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1"))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


class AppServer:
    """The Flask app on a loopback port in a thread (werkzeug's server), for the browser."""

    def __init__(self, app):
        from werkzeug.serving import make_server

        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(timeout=10)


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = map(channel, rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg: tuple[float, float, float], bg: tuple[float, float, float]) -> float:
    high, low = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


A11Y_SCRIPT = """
const problems = [];
for (const el of document.querySelectorAll('input, select, textarea')) {
  if (el.type === 'hidden') continue;
  if (!(el.labels && el.labels.length) && !el.getAttribute('aria-label')) problems.push('no label: ' + (el.name || el.id));
}
const h1s = document.querySelectorAll('h1').length;
if (h1s !== 1) problems.push('h1 count ' + h1s);
let last = 0;
for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
  const level = Number(h.tagName[1]);
  if (last && level > last + 1) problems.push('heading jumps from h' + last + ' to h' + level + ': ' + h.textContent.trim().slice(0, 40));
  last = level;
}
const style = getComputedStyle(document.body);
return {problems: problems, color: style.color, background: style.backgroundColor};
"""


def parse_rgb(text: str) -> tuple[float, float, float]:
    values = text[text.index("(") + 1:text.index(")")].split(",")
    return tuple(float(v) for v in values[:3])


def accessibility_problems(driver) -> list[str]:
    """Labels on every input, one h1, headings in order, body text contrast of at least 4.5:1 (WCAG AA)."""
    found = driver.execute_script(A11Y_SCRIPT)
    problems = list(found["problems"])
    background = found["background"]
    if background in ("rgba(0, 0, 0, 0)", "transparent"):
        background = "rgb(255, 255, 255)"
    ratio = contrast_ratio(parse_rgb(found["color"]), parse_rgb(background))
    if ratio < 4.5:
        problems.append(f"body text contrast {ratio:.1f}:1 is below 4.5:1")
    return problems


def submit_and_wait(driver, button, timeout: float = 60.0) -> None:
    """Click a submit button and wait until the browser has left the page (a loaded machine
    can take seconds; reading the old page would test nothing)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    old_page = driver.find_element(By.TAG_NAME, "html")
    button.click()
    stale = expected_conditions.staleness_of(old_page)
    WebDriverWait(driver, timeout).until(lambda _: _has_left(stale))


def _has_left(stale) -> bool:
    """staleness_of, also when chromedriver, asked mid-navigation, says the old node "does not
    belong to the document" (a WebDriverException, not the StaleElementReferenceException that
    staleness_of expects): that too means the old page is gone."""
    from selenium.common.exceptions import WebDriverException

    try:
        return stale(None)
    except WebDriverException as exc:
        if "does not belong to the document" in str(exc.msg or ""):
            return True
        raise
