"""Fixtures shared by the compassionate-use tests: the API client over the loopback server of
the real records (no response cache), and the raw real records by NCT id."""
from __future__ import annotations

import pytest

from tests.shared_data import real_records
from trialfind.sources.ctgov import CtgovClient


@pytest.fixture
def client(real_ctgov_server):
    return CtgovClient(base_url=real_ctgov_server.url, cache_dir=None, rate_limit_per_minute=1_000_000)


@pytest.fixture(scope="module")
def raw_by_id():
    return {r["protocolSection"]["identificationModule"]["nctId"]: r for r in real_records()}
