"""The web app through Flask's test client over the real records: same answers as the library,
CSRF and privacy refusals, downloads, headers; and `trialfind serve` on loopback."""
from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.conftest import TEST_RATE_LIMIT_PER_MINUTE
from trialfind.sources import open_source
from trialfind.trials import find_trials, study_page

pytest.importorskip("flask")


@pytest.fixture
def client(real_ctgov_server, tmp_path):
    from trialfind.web import create_app

    def source():
        return open_source(api_url=real_ctgov_server.url, cache_dir=tmp_path / "cache",
                           rate_limit=TEST_RATE_LIMIT_PER_MINUTE)

    app = create_app(source_factory=source, db=str(tmp_path / "registry.sqlite"), secret_key="test-only")
    test_client = app.test_client()
    test_client.source = source
    return test_client


def token(client) -> str:
    page = client.get("/registry/new").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


RECORD = {"reporter_role": "physician", "age_band": "5-9", "diagnosis": "neuroblastoma", "drug": "lorlatinib",
          "company": "Pfizer", "date_sent": "2026-09-01", "decision": "denied", "decision_date": "2026-09-20",
          "consent_to_share": "yes"}


def test_results_are_the_library_answer(client):
    page = client.get("/trials?age=7&condition=leukemia&near=02115&within=500mi").get_data(as_text=True)
    expected = [m.nct_id for m in find_trials(condition="leukemia", age=7, near="02115", within="500mi",
                                              source=client.source(), limit=50)]
    assert re.findall(r'<span class="nct">(NCT\d{8})</span>', page) == expected


def test_study_page_shows_every_site_contact(client):
    nct = find_trials(condition="leukemia", age=7, near="02115", source=client.source())[0].nct_id
    page = client.get(f"/study/{nct}?near=02115").get_data(as_text=True)
    study = study_page(nct, client.source(), near="02115").study
    from markupsafe import escape

    for contact in [*study.central_contacts, *(c for s in study.sites for c in s.contacts)]:
        for fact in (contact.name, contact.phone, contact.email):
            if fact:
                assert str(escape(fact)) in page


def test_post_without_the_session_token_is_refused(client):
    assert client.post("/registry/new", data=RECORD).status_code == 400
    assert client.post("/registry/new", data={**RECORD, "csrf_token": "forged"}).status_code == 400
    assert "No requests to show yet" in client.get("/registry/report").get_data(as_text=True)


def test_outcome_is_saved_and_counted_with_consent(client):
    response = client.post("/registry/new", data={**RECORD, "csrf_token": token(client)})
    assert response.status_code == 200 and "saved" in response.get_data(as_text=True)
    assert "from 1 request(s)" in client.get("/registry/report").get_data(as_text=True)
    client.post("/registry/new", data={**RECORD, "consent_to_share": "no", "csrf_token": token(client)})
    report = client.get("/registry/report").get_data(as_text=True)
    assert "from 1 request(s)" in report and "1 other request(s) were left out" in report


@pytest.mark.parametrize("changes, field", [({"diagnosis": "neuroblastoma, mother Jane 617-555-0100"}, "diagnosis"),
                                            ({"consent_to_share": ""}, "consent_to_share"),
                                            ({"age_band": "forty"}, "age_band")])
def test_refusals_are_one_line_and_store_nothing(client, changes, field):
    response = client.post("/registry/new", data={**RECORD, **changes, "csrf_token": token(client)})
    assert response.status_code == 400
    error = re.search(r'id="form-error">([^<]*)<', response.get_data(as_text=True)).group(1)
    assert error.startswith(f"Not saved: {field}") and "\n" not in error
    assert "No requests to show yet" in client.get("/registry/report").get_data(as_text=True)


def test_letter_downloads_as_a_file(client):
    response = client.get("/letter?drug=lorlatinib&target=ALK&age=7")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="request-lorlatinib.md"'
    assert "lorlatinib" in response.get_data(as_text=True).lower()


def test_bad_input_is_one_line_and_pages_carry_security_headers(client):
    response = client.get("/trials?age=seven&condition=glioma")
    assert response.status_code == 400
    assert re.search(r'class="error" role="alert">age [^<]+<', response.get_data(as_text=True))
    assert "script-src" not in response.headers["Content-Security-Policy"]  # no scripts at all
    assert response.headers["X-Frame-Options"] == "DENY"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_listens_on_loopback_by_default(trialfind_cmd, cli_env, tmp_path):
    port = _free_port()
    process = subprocess.Popen([*trialfind_cmd, "serve", "--port", str(port), "--db", str(tmp_path / "r.sqlite")],
                               env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, process.stderr.read()
                time.sleep(0.3)
        assert "<h1>" in page and 'name="age"' in page
        listening = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout
        assert f"127.0.0.1:{port}" in listening and f"0.0.0.0:{port}" not in listening
    finally:
        process.terminate()
        process.wait(timeout=10)
