"""Source errors at the command line: one line and the right exit code, never a traceback."""
from __future__ import annotations

import socket
import subprocess
import threading

import pytest

from tests.conftest import cli_environment
from tests.shared_data import STUDIES_FILE
from trialfind.core.errors import SourceDataError
from trialfind.sources.local.build import build_index
from trialfind.sources.local.bulk import open_bulk_source


def run(cmd, env, *args, cwd=None):
    return subprocess.run([*cmd, *args], env=env, capture_output=True, text=True, timeout=120, cwd=cwd)


@pytest.mark.parametrize("flags, says", [
    (("--api-url", "ftp://x"), "not an http(s) URL"),
    (("--rate-limit", "inf"), "positive, finite number"),
    (("--rate-limit", "nan"), "positive, finite number"),
])
def test_bad_source_flags_are_one_line_and_exit_2(flags, says, trialfind_cmd, cli_env):
    result = run(trialfind_cmd, cli_env, "trials", "--condition", "glioma", "--age", "7", *flags)
    assert result.returncode == 2, result.stderr
    assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1 and not result.stdout


def test_an_unreachable_api_names_offline_and_index_build(trialfind_cmd, cli_env):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(cli_env, TRIALFIND_API_URL=f"http://127.0.0.1:{port}/api/v2")
    result = run(trialfind_cmd, env, "trials", "--condition", "glioma", "--age", "7")
    assert result.returncode == 1
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and "unreachable" in line
    assert "--offline" in line and "trialfind index build" in line


def test_a_relative_cache_dir_works_offline(trialfind_cmd, real_ctgov_server, tmp_path):
    env = cli_environment(real_ctgov_server, tmp_path / "unused")
    env.pop("TRIALFIND_CACHE_DIR")
    built = run(trialfind_cmd, env, "index", "build", str(STUDIES_FILE), "--cache-dir", "relative-cache",
                cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    offline = run(trialfind_cmd, env, "trials", "--condition", "glioma", "--age", "7", "--format", "json",
                  "--offline", "--cache-dir", "relative-cache", cwd=tmp_path)
    online = run(trialfind_cmd, env, "trials", "--condition", "glioma", "--age", "7", "--format", "json",
                 "--cache-dir", str(tmp_path / "online-cache"))
    assert offline.returncode == 0, offline.stderr
    assert offline.stdout == online.stdout != ""


def test_index_build_from_a_truncated_gz_fails_with_one_line_and_does_not_hang(tmp_path):
    """Workers still hold queued batches when the source breaks off: the build must stop them."""
    data = STUDIES_FILE.read_bytes()
    truncated = tmp_path / "truncated.jsonl.gz"
    truncated.write_bytes(data[: len(data) * 2 // 3])
    outcomes = []
    for _ in range(3):
        outcome: dict = {}

        def build() -> None:
            try:
                build_index(open_bulk_source(truncated), tmp_path / "cache", workers=2)
            except Exception as exc:  # noqa: BLE001 - inspected below
                outcome["error"] = exc

        worker = threading.Thread(target=build, daemon=True)
        worker.start()
        worker.join(60)
        assert not worker.is_alive(), "index build hung on a truncated .gz"
        outcomes.append(outcome.get("error"))
    assert all(isinstance(e, SourceDataError) and "truncated.jsonl.gz" in str(e) for e in outcomes), outcomes
    assert not (tmp_path / "cache" / "index.sqlite").exists()
