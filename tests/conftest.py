"""Shared fixtures: a loopback fake ClinicalTrials.gov serving the real records, and an
environment for running `python -m trialfind` against it as a subprocess."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.ctgov_server import CtgovServer
from tests.shared_data import STUDIES_FILE, real_records

# High enough that the client-side rate limit never slows a test down.
TEST_RATE_LIMIT_PER_MINUTE = 1_000_000


@pytest.fixture(scope="session")
def _real_ctgov_server_session():
    with CtgovServer(real_records()) as server:
        yield server


@pytest.fixture(scope="session")
def real_index_built(tmp_path_factory) -> Path:
    """The local index of every real record, built once per session (about 8 s a build). Never
    opened in place: tests take their own copy with copy_real_index."""
    from trialfind.sources.local.index import build_index, open_bulk_source

    directory = tmp_path_factory.mktemp("real-index") / "cache"
    build_index(open_bulk_source(STUDIES_FILE), directory, fresh=True, workers=0)
    return directory


def copy_real_index(built: Path, cache_dir) -> Path:
    """A copy of the session's real index in `cache_dir` (created if need be): what building the
    index of STUDIES_FILE there would give."""
    shutil.copytree(built, cache_dir, dirs_exist_ok=True)
    return Path(cache_dir)


@pytest.fixture
def real_ctgov_server(_real_ctgov_server_session):
    """The fake API serving every real record in studies.jsonl.gz; faults, latency and
    the request log are cleared before and after each test."""
    server = _real_ctgov_server_session
    server.reset()
    yield server
    server.reset()


@pytest.fixture
def ctgov_server_factory():
    """Start a fake API over your own records: `server = ctgov_server_factory(records)`."""
    started: list[CtgovServer] = []

    def start(records, **kwargs) -> CtgovServer:
        server = CtgovServer(records, **kwargs).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def cli_environment(server: CtgovServer, cache_dir) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIALFIND_")}
    env.update({
        "TRIALFIND_API_URL": server.url,
        "TRIALFIND_CACHE_DIR": str(cache_dir),
        "TRIALFIND_DATA_DIR": str(Path(cache_dir).parent / "data"),
        "TRIALFIND_RATE_LIMIT": str(TEST_RATE_LIMIT_PER_MINUTE),
        "PYTHONUNBUFFERED": "1",
    })
    # tests.* must stay importable only for the test process; the CLI runs the installed package.
    env.pop("PYTHONPATH", None)
    return env


@pytest.fixture
def cli_env(tmp_path, real_ctgov_server) -> dict[str, str]:
    """Environment for `subprocess.run([sys.executable, "-m", "trialfind", ...], env=cli_env)`
    against the real-records fake API, with a fresh cache directory."""
    return cli_environment(real_ctgov_server, tmp_path / "cache")


@pytest.fixture
def trialfind_cmd() -> list[str]:
    """The command prefix that runs the CLI with this interpreter."""
    return [sys.executable, "-m", "trialfind"]
