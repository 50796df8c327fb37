"""One shared instance for an advocacy group: two app processes' worth of Flask apps (as two
WSGI workers would be) on one REAL PostgreSQL registry see each other's outcomes."""
from __future__ import annotations

import re

import pytest

from tests.registry.test_postgres import fresh_database, postgres_server_url  # noqa: F401 - fixtures

pytest.importorskip("flask")

RECORD = {"reporter_role": "advocate", "age_band": "10-14", "diagnosis": "glioma", "drug": "tovorafenib",
          "company": "Day One Biopharmaceuticals", "date_sent": "2026-08-03", "decision": "granted",
          "decision_date": "2026-08-20", "consent_to_share": "yes"}


def test_two_workers_share_one_postgresql_registry(fresh_database):  # noqa: F811 - the imported fixture
    from trialfind.web import create_app

    url = fresh_database()
    first, second = (create_app(db=url, secret_key="shared-test-key").test_client() for _ in range(2))
    page = first.get("/registry/new").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert first.post("/registry/new", data={**RECORD, "csrf_token": token}).status_code == 200
    report = second.get("/registry/report").get_data(as_text=True)
    assert "from 1 request(s)" in report and "Day One Biopharmaceuticals" in report
