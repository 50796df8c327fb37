"""The fault suite as figures: each fault of tests/sources/test_fault_suite.py against the
loopback fake API of the real records, with what the client did about it (full result or
one line), how many requests it made, how long it took, and whether a later healthy run
over the same cache directory was right.

Run from the checkout:  .venv/bin/python bench/faults.py
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from tests.ctgov_server import CtgovServer  # noqa: E402
from tests.shared_data import real_records  # noqa: E402
from tests.sources.test_fault_suite import FAULTS, LEUKAEMIA, client_for, expected_ids, ids, run_bounded  # noqa: E402


def main() -> int:
    print("| fault | outcome | requests | seconds | later healthy run |")
    print("| --- | --- | ---: | ---: | --- |")
    with CtgovServer(real_records()) as server:
        expected = expected_ids(server)
        for name, (fault, _) in FAULTS.items():
            server.reset()
            server.inject(**fault)
            with tempfile.TemporaryDirectory() as cache:
                client = client_for(server, cache)
                client.http.max_decoded_bytes = 16 * 2**20
                started = time.perf_counter()
                result, error = run_bounded(lambda: list(client.search(LEUKAEMIA)))
                seconds = time.perf_counter() - started
                requests = len(server.study_requests())
                if error is None:
                    outcome = "full result" if ids(result) == expected else "WRONG RESULT"
                else:
                    message = str(error).replace(server.url.split("/api")[0], "http://…").replace("|", "/")
                    outcome = f"one line: {message}"
                server.reset()
                healthy = client_for(server, cache)
                again, later_error = run_bounded(lambda: list(healthy.search(LEUKAEMIA)))
                later = "correct" if later_error is None and ids(again) == expected else "WRONG"
            print(f"| {name} | {outcome} | {requests} | {seconds:.1f} | {later} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
