"""The fault suite: the API client against a faulty loopback server of the real records.

For every fault the outcome is either the full, correct result or one clear line
(SourceDataError / SourceUnavailable), never a partial list presented as complete; no
fault holds the client past its deadline; and a later healthy run over the same cache
directory gives the correct result (no bad walk was cached).
"""
from __future__ import annotations

import marshal
import threading

import pytest

from trialfind.core.errors import SourceDataError, SourceUnavailable
from trialfind.core.spec import SearchSpec
from trialfind.sources.ctgov import CACHE_FORMAT, CtgovClient, compile_query, encode_walk
from trialfind.sources.http import RETRY_AFTER_CAP_SECONDS
from trialfind.sources.response_cache import ResponseCache

FAST = 1e9
LEUKAEMIA = SearchSpec(conditions=("leukemia",))  # 110 real studies: three pages of 50
PAGE_SIZE = 50
DEADLINE = 2.0
HANG_GUARD_SECONDS = 60  # far beyond every bound below: a run still going then is a hang
# For tests that count requests and are not about time: a loaded machine can take longer than
# the tight bounds above to answer, and the retry that follows would add a request to the count.
ROOMY = {"timeout": (10.0, 10.0), "deadline": 30.0}


class SleepRecorder:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def ids(studies) -> list[str]:
    return [s["protocolSection"]["identificationModule"]["nctId"] for s in studies]


def client_for(server, cache_dir, **kwargs) -> CtgovClient:
    kwargs.setdefault("timeout", (2.0, 1.0))
    kwargs.setdefault("deadline", DEADLINE)
    return CtgovClient(base_url=server.url, cache_dir=cache_dir, rate_limit_per_minute=FAST, sleep=SleepRecorder(),
                       page_size=PAGE_SIZE, **kwargs)


def run_bounded(function):
    """(result, error) of function(), failing the test if it is still running after the guard."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["result"] = function()
        except Exception as exc:  # noqa: BLE001 - inspected by the caller
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(HANG_GUARD_SECONDS)
    assert not worker.is_alive(), "the client hung past every deadline"
    return outcome.get("result"), outcome.get("error")


def expected_ids(server) -> list[str]:
    return [s["protocolSection"]["identificationModule"]["nctId"]
            for s in server.matching(compile_query(LEUKAEMIA))]


# name -> (inject kwargs, "full" when the client must ride it out, else "line")
FAULTS = {
    "truncated JSON once": (dict(truncate=True, times=1, every=2, path_contains="/studies"), "full"),
    "truncated JSON always": (dict(truncate=True, path_contains="/studies"), "line"),
    "reset mid-body once": (dict(reset=True, times=1, every=2, path_contains="/studies"), "full"),
    "reset mid-body always": (dict(reset=True, path_contains="/studies"), "line"),
    "drip one byte every 0.5 s": (dict(drip=0.5, path_contains="/studies"), "line"),
    "silent server": (dict(hold=True, path_contains="/studies"), "line"),
    "403 HTML once": (dict(status=403, html=True, times=1, path_contains="/studies"), "full"),
    "403 HTML always": (dict(status=403, html=True, path_contains="/studies"), "line"),
    "500 twice": (dict(status=500, times=2, path_contains="/studies"), "full"),
    "503 always": (dict(status=503, path_contains="/studies"), "line"),
    "Retry-After beyond the cap": (dict(status=429, retry_after=RETRY_AFTER_CAP_SECONDS + 70,
                                        path_contains="/studies"), "line"),
    "dropped token once": (dict(drop_token=True, times=1, every=2, path_contains="/studies"), "full"),
    "dropped token always": (dict(drop_token=True, every=2, path_contains="/studies"), "line"),
    "repeated token": (dict(repeat_token=True, path_contains="/studies"), "line"),
    "endless fresh tokens": (dict(fresh_tokens=True, path_contains="/studies"), "line"),
    "JSON under a wrong Content-Type": (dict(content_type="text/html", path_contains="/studies"), "full"),
    "HTML page with status 200": (dict(body="<html><body>Please log in</body></html>", html=True, status=200,
                                       path_contains="/studies"), "line"),
    "gzip bomb": (dict(gzip_bomb=64 * 2**20, path_contains="/studies"), "line"),
    "a study that is not an object, once": (dict(malformed=True, times=1, every=2, path_contains="/studies"),
                                            "full"),
    "a study that is not an object, always": (dict(malformed=True, path_contains="/studies"), "line"),
}


@pytest.mark.parametrize("name", [
    # the drip takes two deadlines (4 s); test_a_drip_is_cut_off_at_the_deadline... runs it every time
    pytest.param(name, marks=pytest.mark.slow) if name.startswith("drip") else name for name in FAULTS])
def test_a_fault_gives_the_full_result_or_one_line_and_a_later_healthy_run_is_right(name, real_ctgov_server,
                                                                                     tmp_path):
    fault, outcome = FAULTS[name]
    expected = expected_ids(real_ctgov_server)
    real_ctgov_server.inject(**fault)
    client = client_for(real_ctgov_server, tmp_path)
    client.http.max_decoded_bytes = 16 * 2**20  # the gzip bomb inflates to 64 MB
    result, error = run_bounded(lambda: list(client.search(LEUKAEMIA)))
    if outcome == "full":
        assert error is None, f"{name}: {error}"
        assert ids(result) == expected
    else:
        assert result is None, f"{name}: a result was given"
        assert isinstance(error, (SourceDataError, SourceUnavailable)), repr(error)
        assert "\n" not in str(error) and real_ctgov_server.url.split("/api")[0] in str(error)
    real_ctgov_server.reset()
    healthy = client_for(real_ctgov_server, tmp_path)
    again, error = run_bounded(lambda: list(healthy.search(LEUKAEMIA)))
    assert error is None and ids(again) == expected
    if outcome == "line":
        assert healthy.last_search_stats.cache_hits == 0  # nothing from the faulty run was kept


def test_a_drip_is_cut_off_at_the_deadline_not_by_the_read_timeout(real_ctgov_server, tmp_path):
    real_ctgov_server.inject(drip=0.3, path_contains="/studies")
    client = client_for(real_ctgov_server, tmp_path, timeout=(2.0, 10.0))
    _, error = run_bounded(lambda: list(client.search(LEUKAEMIA)))
    assert isinstance(error, SourceUnavailable)
    assert f"no complete answer from {real_ctgov_server.url}/studies within {DEADLINE:g} s" in str(error)
    assert "gave up after 2 attempts" in str(error)  # one more chance, not five


def test_a_retry_after_beyond_the_cap_fails_at_once_stating_the_wait(real_ctgov_server, tmp_path):
    real_ctgov_server.inject(status=429, retry_after=100, path_contains="/studies")
    client = client_for(real_ctgov_server, tmp_path)
    _, error = run_bounded(lambda: list(client.search(LEUKAEMIA)))
    assert "asked us to wait 100 s" in str(error)
    assert len(real_ctgov_server.study_requests()) == 1 and client.http.slept == []


def test_endless_fresh_tokens_stop_once_the_announced_count_is_passed(real_ctgov_server, tmp_path):
    real_ctgov_server.inject(fresh_tokens=True, path_contains="/studies")
    client = client_for(real_ctgov_server, tmp_path)
    _, error = run_bounded(lambda: list(client.search(LEUKAEMIA)))
    assert isinstance(error, SourceDataError)
    # each walk stops at the first page past the 110 announced studies (at most 3 pages of 50)
    assert len(real_ctgov_server.study_requests()) <= 2 * 4


@pytest.mark.parametrize("entry", [
    pytest.param(lambda studies: {"studies": studies[:-1], "totalCount": len(studies)}, id="old-format-partial"),
    pytest.param(lambda studies: marshal.dumps({"format": CACHE_FORMAT - 1, "studies": studies,
                                                "totalCount": len(studies)}), id="older-format"),
    pytest.param(lambda studies: encode_walk(studies[:-1], len(studies)), id="count-short"),
    pytest.param(lambda studies: encode_walk(studies + studies[:1], len(studies) + 1), id="duplicate"),
    pytest.param(lambda studies: encode_walk([*studies[:-1], "x"], len(studies)), id="not-an-object"),
    pytest.param(lambda studies: encode_walk(studies, len(studies))[:-200], id="truncated-bytes"),
    pytest.param(lambda studies: ["not", "a", "walk"], id="wrong-type"),
])
def test_a_cache_entry_failing_validation_is_discarded_never_served(entry, real_ctgov_server, tmp_path):
    expected = expected_ids(real_ctgov_server)
    first = client_for(real_ctgov_server, tmp_path, **ROOMY)
    studies = list(first.search(LEUKAEMIA))
    key = ResponseCache.key(f"{real_ctgov_server.url}/studies", first.search_params(LEUKAEMIA), first.data_version())
    assert first.http.cache.has(key)
    first.http.cache.set(key, entry(studies))
    first.close()
    later = client_for(real_ctgov_server, tmp_path, **ROOMY)
    assert ids(later.search(LEUKAEMIA)) == expected
    stats = later.last_search_stats
    assert stats.discarded_cache_entries == 1 and stats.cache_hits == 0 and stats.requests == 3
    third = client_for(real_ctgov_server, tmp_path, **ROOMY)
    assert ids(third.search(LEUKAEMIA)) == expected and third.last_search_stats.cache_hits == 1


def test_a_cold_search_costs_only_its_pages_in_sequence(real_ctgov_server, tmp_path):
    """/version is asked beside the first page: the sequential round trips are the pages."""
    real_ctgov_server.latency = 0.0
    client = client_for(real_ctgov_server, tmp_path, **ROOMY)
    assert ids(client.search(LEUKAEMIA)) == expected_ids(real_ctgov_server)
    assert client.last_search_stats.requests == 3  # ceil(110 / 50)
    endpoints = [r.endpoint for r in real_ctgov_server.requests]
    assert endpoints.count("/studies") == 3 and endpoints.count("/version") == 1
    # the version request was sent before the second page was asked for
    assert endpoints.index("/version") < [i for i, e in enumerate(endpoints) if e == "/studies"][1]


def test_a_failing_version_leaves_the_walk_uncached_not_the_search_failed(real_ctgov_server, tmp_path):
    real_ctgov_server.inject(status=503, path_contains="/version")
    client = client_for(real_ctgov_server, tmp_path, **ROOMY)
    result, error = run_bounded(lambda: list(client.search(LEUKAEMIA)))
    assert error is None and ids(result) == expected_ids(real_ctgov_server)
    real_ctgov_server.reset()
    later = client_for(real_ctgov_server, tmp_path, **ROOMY)
    assert ids(later.search(LEUKAEMIA)) == expected_ids(real_ctgov_server)
    assert later.last_search_stats.cache_hits == 0 and later.last_search_stats.requests == 3
