"""CtgovClient and the HTTP plumbing, against `responses` (no network, no server)."""
from __future__ import annotations

import email.utils
import json
import socket
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

from tests.ctgov_server import parse_essie
from trialfind.core.errors import InvalidInput, NotFound, SourceDataError, SourceUnavailable
from trialfind.core.spec import SearchSpec, StudySource
from trialfind.sources.ctgov import CtgovClient, age_filter, compile_query
from trialfind.sources.fields import SEARCH_FIELDS
from trialfind.sources.http import RETRY_AFTER_CAP_SECONDS, RateLimiter

BASE = "https://ctgov.example.test/api/v2"
STUDIES = f"{BASE}/studies"
VERSION = f"{BASE}/version"


def synthetic_study(number: int) -> dict:
    return {"protocolSection": {"identificationModule": {"nctId": f"NCT{number:08d}",
                                                         "briefTitle": f"Synthetic study {number}"}}}


def nct_ids(studies) -> list[str]:
    return [s["protocolSection"]["identificationModule"]["nctId"] for s in studies]


class SleepRecorder:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def make_client(**kwargs) -> CtgovClient:
    kwargs.setdefault("rate_limit_per_minute", 1e9)
    kwargs.setdefault("sleep", SleepRecorder())
    return CtgovClient(base_url=BASE, **kwargs)


def query_of(call) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(call.request.url).query, keep_blank_values=True).items()}


def add_version(rsps, timestamp="2026-11-21T09:00:00"):
    rsps.add(responses.GET, VERSION, json={"apiVersion": "2.0.5", "dataTimestamp": timestamp})


def add_paged_studies(rsps, pages: list[list[dict]], total: int | None = None):
    """A /studies endpoint that pages through `pages` with tokens page-1, page-2, ..."""

    def callback(request):
        params = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
        index = int(params["pageToken"].split("-")[1]) if "pageToken" in params else 0
        body = {"studies": pages[index]}
        if index + 1 < len(pages):
            body["nextPageToken"] = f"page-{index + 1}"
        if "pageToken" not in params and params.get("countTotal") == "true":
            body["totalCount"] = total if total is not None else sum(len(p) for p in pages)
        return 200, {"Content-Type": "application/json"}, json.dumps(body)

    rsps.add_callback(responses.GET, STUDIES, callback=callback)


GLIOMA = SearchSpec(conditions=("glioma",))


# --- compile_query -------------------------------------------------------------------------

def test_operator_words_are_quoted_so_ALL_means_leukaemia_not_everything():
    params = compile_query(SearchSpec(conditions=("ALL",), terms=("NOT",), interventions=("AND", "OR")))
    assert params["query.cond"] == '"ALL"'
    assert params["query.term"] == '"NOT"'
    assert params["query.intr"] == '"AND" OR "OR"'
    # Each compiles to phrases, never to an operator node.
    for expression in params.values():
        node = parse_essie(expression)
        leaves = node.children if node.kind == "or" else [node]
        assert all(leaf.kind == "phrase" for leaf in leaves)


def test_essie_special_characters_cannot_break_out_of_the_phrase():
    params = compile_query(SearchSpec(conditions=('glioma" OR AREA[StudyType]ALL (x', "braf*")))
    assert params["query.cond"] == '"glioma OR AREA StudyType ALL x" OR "braf"'
    node = parse_essie(params["query.cond"])
    assert node.kind == "or" and [c.kind for c in node.children] == ["phrase", "phrase"]


def test_text_without_letters_or_digits_is_invalid_input():
    with pytest.raises(InvalidInput):
        compile_query(SearchSpec(conditions=('"()"',)))


def test_groups_go_to_their_own_parameters_when_all_must_match():
    spec = SearchSpec(conditions=("neuroblastoma",), terms=("ALK", "ALK F1174L"), interventions=("lorlatinib",),
                      statuses=("recruiting", "NOT_YET_RECRUITING"), study_types=("interventional",))
    params = compile_query(spec)
    assert params == {
        "query.cond": '"neuroblastoma"',
        "query.term": '"ALK" OR "ALK F1174L"',
        "query.intr": '"lorlatinib"',
        "filter.overallStatus": "RECRUITING,NOT_YET_RECRUITING",
        "filter.advanced": "AREA[StudyType]INTERVENTIONAL",
    }


def test_combine_any_is_one_or_expression_in_query_term():
    spec = SearchSpec(conditions=("neuroblastoma",), terms=("ALK",), interventions=("lorlatinib", "PF-06463922"),
                      combine="any")
    params = compile_query(spec)
    assert set(params) == {"query.term"}
    assert params["query.term"] == ('(AREA[ConditionSearch]"neuroblastoma") OR ("ALK") OR '
                                    '(AREA[InterventionSearch]"lorlatinib" OR AREA[InterventionSearch]"PF-06463922")')
    assert parse_essie(params["query.term"]).kind == "or"


def test_unknown_status_or_study_type_is_invalid_input():
    with pytest.raises(InvalidInput):
        compile_query(SearchSpec(conditions=("x",), statuses=("open",)))
    with pytest.raises(InvalidInput):
        compile_query(SearchSpec(conditions=("x",), study_types=("trial",)))


def test_age_filter_retrieves_generously_around_the_childs_age():
    seven = 2556
    expression = age_filter(seven)
    assert "AREA[MinimumAge]RANGE[MIN, 2587 days]" in expression and "AREA[MinimumAge]MISSING" in expression
    # A maximum of "17 Years" admits a 17y11m child: the max side keeps over a year of slack.
    assert "AREA[MaximumAge]RANGE[2156 days, MAX]" in expression and "AREA[MaximumAge]MISSING" in expression
    assert "MaximumAge" not in age_filter(200)  # a baby: every maximum may admit them
    params = compile_query(SearchSpec(conditions=("x",), study_types=("EXPANDED_ACCESS", "INTERVENTIONAL"),
                                      admits_age_days=seven))
    assert params["filter.advanced"].startswith("(AREA[StudyType]EXPANDED_ACCESS OR AREA[StudyType]INTERVENTIONAL) AND (")


# --- search: paging, fields, countTotal ----------------------------------------------------

@responses.activate
def test_search_walks_every_page_with_fields_and_counts_total_only_on_the_first():
    add_version(responses)
    pages = [[synthetic_study(i) for i in range(start, start + 3)] for start in (1, 4, 7)] + [[]]
    add_paged_studies(responses, pages)
    client = make_client()
    assert isinstance(client, StudySource)
    found = list(client.search(GLIOMA))
    assert nct_ids(found) == [f"NCT{i:08d}" for i in range(1, 10)]
    page_calls = [c for c in responses.calls if c.request.url.startswith(STUDIES)]
    assert len(page_calls) == 4
    queries = [query_of(c) for c in page_calls]
    assert queries[0]["countTotal"] == "true" and "pageToken" not in queries[0]
    assert all("countTotal" not in q for q in queries[1:])
    assert [q.get("pageToken") for q in queries[1:]] == ["page-1", "page-2", "page-3"]
    for q in queries:
        assert q["fields"] == ",".join(SEARCH_FIELDS)
        assert q["pageSize"] == "1000" and q["format"] == "json" and q["query.cond"] == '"glioma"'
        # apart from the token and countTotal, every page repeats the first page's parameters
        assert {k: v for k, v in q.items() if k not in ("pageToken", "countTotal")} == \
            {k: v for k, v in queries[0].items() if k != "countTotal"}
    stats = client.last_search_stats
    assert (stats.requests, stats.pages, stats.total_count, stats.studies) == (4, 4, 9, 9)
    assert stats.bytes > 0 and stats.complete
    assert page_calls[0].request.headers["User-Agent"].startswith("trialfind/")


@responses.activate
def test_a_repeated_page_token_stops_with_an_error_after_one_more_walk():
    add_version(responses)
    responses.add(responses.GET, STUDIES, json={"studies": [synthetic_study(1)], "nextPageToken": "same"})
    client = make_client()
    with pytest.raises(SourceDataError, match="same page token"):
        list(client.search(GLIOMA))
    assert len([c for c in responses.calls if c.request.url.startswith(STUDIES)]) == 4  # 2 pages, twice


@responses.activate
def test_a_body_that_is_not_json_is_a_data_error_after_one_more_walk():
    add_version(responses)
    responses.add(responses.GET, STUDIES, body="<<not json>>", status=200, content_type="application/json")
    client = make_client()
    with pytest.raises(SourceDataError, match="not JSON"):
        list(client.search(GLIOMA))
    assert client.http.request_count == 2  # the page twice (no cache: no /version asked)


@responses.activate
def test_a_page_without_a_studies_list_is_a_data_error():
    add_version(responses)
    responses.add(responses.GET, STUDIES, json={"studies": "oops"})
    with pytest.raises(SourceDataError):
        list(make_client().search(GLIOMA))


# --- retries --------------------------------------------------------------------------------

@pytest.mark.parametrize("failure", [
    dict(status=429, body='{"error":"slow down"}', content_type="application/json"),
    dict(status=503, body="Service Unavailable", content_type="text/plain"),
    dict(status=502, body="Bad gateway", content_type="text/plain"),
    dict(status=403, body="<!DOCTYPE html><html><body>Access Denied</body></html>", content_type="text/html"),
])
@responses.activate
def test_transient_failures_are_retried_with_backoff(failure):
    add_version(responses)
    responses.add(responses.GET, STUDIES, **failure)
    responses.add(responses.GET, STUDIES, **failure)
    responses.add(responses.GET, STUDIES, json={"studies": [synthetic_study(1)], "totalCount": 1})
    sleep = SleepRecorder()
    client = make_client(sleep=sleep)
    client.http.jitter = lambda: 1.0  # full jitter at its top: 1 s, then 2 s
    assert nct_ids(client.search(GLIOMA)) == ["NCT00000001"]
    assert sleep.calls == [1.0, 2.0]
    assert client.last_search_stats.requests == 3


@responses.activate
def test_backoff_is_full_jitter_and_capped():
    add_version(responses)
    for _ in range(9):
        responses.add(responses.GET, STUDIES, status=500, body="boom")
    sleep = SleepRecorder()
    client = make_client(sleep=sleep, max_retries=8)
    client.http.jitter = lambda: 0.5
    with pytest.raises(SourceUnavailable):
        list(client.search(GLIOMA))
    assert sleep.calls == [0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 15.0, 15.0]


@responses.activate
def test_retry_after_seconds_is_honoured():
    add_version(responses)
    responses.add(responses.GET, STUDIES, status=429, headers={"Retry-After": "7"}, body="")
    responses.add(responses.GET, STUDIES, json={"studies": [synthetic_study(2)]})
    sleep = SleepRecorder()
    client = make_client(sleep=sleep)
    assert nct_ids(client.search(GLIOMA)) == ["NCT00000002"]
    assert sleep.calls == [7.0]


@responses.activate
def test_retry_after_http_date_is_honoured():
    add_version(responses)
    when = email.utils.formatdate(time.time() + 20, usegmt=True)
    responses.add(responses.GET, STUDIES, status=503, headers={"Retry-After": when}, body="")
    responses.add(responses.GET, STUDIES, json={"studies": []})
    sleep = SleepRecorder()
    assert list(make_client(sleep=sleep).search(GLIOMA)) == []
    assert len(sleep.calls) == 1 and 17 <= sleep.calls[0] <= 20


@responses.activate
def test_a_retry_after_beyond_the_cap_gives_up_at_once():
    add_version(responses)
    responses.add(responses.GET, STUDIES, status=429, headers={"Retry-After": str(int(RETRY_AFTER_CAP_SECONDS * 10))})
    sleep = SleepRecorder()
    with pytest.raises(SourceUnavailable, match="asked us to wait"):
        list(make_client(sleep=sleep).search(GLIOMA))
    assert sleep.calls == []


@responses.activate
def test_after_the_last_retry_one_line_names_the_url_and_status():
    add_version(responses)
    for _ in range(3):
        responses.add(responses.GET, STUDIES, status=503, body="down")
    client = make_client(max_retries=2)
    with pytest.raises(SourceUnavailable) as caught:
        list(client.search(GLIOMA))
    message = str(caught.value)
    assert "\n" not in message
    assert STUDIES in message and "HTTP 503" in message and "3 attempts" in message
    assert client.http.request_count == 3  # no cache: /version is not asked


@responses.activate
def test_a_403_that_is_not_an_html_block_page_is_not_retried():
    add_version(responses)
    responses.add(responses.GET, STUDIES, status=403, json={"message": "forbidden"})
    client = make_client()
    with pytest.raises(SourceUnavailable, match="HTTP 403"):
        list(client.search(GLIOMA))
    assert client.http.request_count == 1


@responses.activate
def test_a_400_is_a_data_error_naming_the_reason():
    add_version(responses)
    responses.add(responses.GET, STUDIES, status=400, body="unknown field(s) in fields: foo", content_type="text/plain")
    with pytest.raises(SourceDataError, match="HTTP 400: unknown field"):
        list(make_client().search(GLIOMA))


def test_connection_refused_is_one_line_saying_ctgov_is_unreachable():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/api/v2"
    sleep = SleepRecorder()
    client = CtgovClient(base_url=url, sleep=sleep, rate_limit_per_minute=1e9)  # default max_retries=5
    with pytest.raises(SourceUnavailable) as caught:
        list(client.search(GLIOMA))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"could not connect to {url}/studies (ClinicalTrials.gov unreachable?)")
    assert "--offline" in message and "trialfind index build" in message
    # refused connections are retried only briefly: the family hears "unreachable" in seconds
    assert client.http.request_count == 3 and len(sleep.calls) == 2 and sum(sleep.calls) <= 3


# --- get_study and data_version -------------------------------------------------------------

@responses.activate
def test_get_study_validates_the_id_and_maps_404_to_not_found():
    add_version(responses)
    responses.add(responses.GET, f"{STUDIES}/NCT00000007", json=synthetic_study(7))
    responses.add(responses.GET, f"{STUDIES}/NCT00000008", status=404, body="not found")
    client = make_client()
    assert nct_ids([client.get_study("nct00000007")]) == ["NCT00000007"]
    with pytest.raises(NotFound, match="NCT00000008"):
        client.get_study("NCT00000008")
    for bad in ("NCT123", "12345678", "NCT000000071", ""):
        with pytest.raises(InvalidInput):
            client.get_study(bad)


@responses.activate
def test_get_study_rejects_a_record_for_another_study():
    add_version(responses)
    responses.add(responses.GET, f"{STUDIES}/NCT00000007", json=synthetic_study(9))
    with pytest.raises(SourceDataError):
        make_client().get_study("NCT00000007")


@responses.activate
def test_data_version_reads_the_timestamp():
    add_version(responses, "2026-01-02T03:04:05")
    client = make_client()
    assert client.data_version() == "2026-01-02T03:04:05"
    assert client.data_version() == "2026-01-02T03:04:05"
    assert len(responses.calls) == 1


# --- cache ------------------------------------------------------------------------------------

@responses.activate
def test_a_second_identical_search_makes_no_request(tmp_path):
    add_version(responses)
    add_paged_studies(responses, [[synthetic_study(1)], [synthetic_study(2)]])
    first = list(make_client(cache_dir=tmp_path).search(GLIOMA))
    calls = len(responses.calls)
    assert calls == 3
    again = make_client(cache_dir=tmp_path)  # a new process: version and pages both cached
    assert list(again.search(GLIOMA)) == first
    assert len(responses.calls) == calls
    assert again.http.request_count == 0 and again.last_search_stats.cache_hits == 1


@responses.activate
def test_refresh_fetches_again_and_recaches(tmp_path):
    add_version(responses)
    responses.add(responses.GET, STUDIES, json={"studies": [synthetic_study(1)], "totalCount": 1})
    responses.add(responses.GET, STUDIES, json={"studies": [synthetic_study(2)], "totalCount": 1})
    assert nct_ids(make_client(cache_dir=tmp_path).search(GLIOMA)) == ["NCT00000001"]
    refreshed = make_client(cache_dir=tmp_path, refresh=True)
    assert nct_ids(refreshed.search(GLIOMA)) == ["NCT00000002"]
    assert refreshed.http.request_count == 2  # version and the page, both fetched again
    later = make_client(cache_dir=tmp_path)
    assert nct_ids(later.search(GLIOMA)) == ["NCT00000002"]
    assert later.http.request_count == 0


@responses.activate
def test_a_walk_that_fails_part_way_is_not_cached(tmp_path):
    add_version(responses)
    responses.add(responses.GET, STUDIES, json={"studies": [synthetic_study(1)], "nextPageToken": "t1"})
    responses.add(responses.GET, STUDIES, body="{truncated", status=200)
    with pytest.raises(SourceDataError):
        list(make_client(cache_dir=tmp_path).search(GLIOMA))
    responses.add(responses.GET, STUDIES, json={"studies": [synthetic_study(1)], "nextPageToken": "t1"})
    responses.add(responses.GET, STUDIES, json={"studies": [synthetic_study(2)]})
    retry = make_client(cache_dir=tmp_path)
    assert nct_ids(retry.search(GLIOMA)) == ["NCT00000001", "NCT00000002"]
    assert retry.last_search_stats.requests == 2 and retry.last_search_stats.cache_hits == 0


@responses.activate
def test_a_walk_is_verified_complete_before_the_first_study_is_given(tmp_path):
    add_version(responses)
    add_paged_studies(responses, [[synthetic_study(1)], [synthetic_study(2)]])
    walk = make_client(cache_dir=tmp_path).search(GLIOMA)
    next(walk)
    assert len([c for c in responses.calls if c.request.url.startswith(STUDIES)]) == 2  # both pages read
    walk.close()
    fresh = make_client(cache_dir=tmp_path)
    assert len(list(fresh.search(GLIOMA))) == 2
    assert fresh.last_search_stats.cache_hits == 1 and fresh.http.request_count == 0


@responses.activate
def test_cache_key_includes_the_data_version(tmp_path):
    responses.add(responses.GET, VERSION, json={"dataTimestamp": "v1"})
    responses.add(responses.GET, STUDIES, json={"studies": [synthetic_study(1)]})
    list(make_client(cache_dir=tmp_path).search(GLIOMA))
    responses.replace(responses.GET, VERSION, json={"dataTimestamp": "v2"})
    responses.replace(responses.GET, STUDIES, json={"studies": [synthetic_study(3)]})
    newer = make_client(cache_dir=tmp_path)
    newer.forget_version()  # the remembered version's hour is up
    assert nct_ids(newer.search(GLIOMA)) == ["NCT00000003"]


@responses.activate
def test_no_cache_dir_means_no_cache():
    add_version(responses)
    responses.add(responses.GET, STUDIES, json={"studies": [synthetic_study(1)]})
    client = make_client(cache_dir=None)
    list(client.search(GLIOMA))
    list(client.search(GLIOMA))
    assert client.http.request_count == 2  # the page twice; without a cache /version is not needed


# --- rate limit -------------------------------------------------------------------------------

def test_rate_limiter_spaces_requests_after_a_small_burst():
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(60, burst=2, clock=lambda: now[0], sleep=sleep)
    for _ in range(5):
        limiter.acquire()
    assert waits == pytest.approx([1.0, 1.0, 1.0])
    now[0] += 10  # idle time refills the bucket up to its burst size only
    limiter.acquire()
    limiter.acquire()
    limiter.acquire()
    assert waits == pytest.approx([1.0, 1.0, 1.0, 1.0])


@responses.activate
def test_default_rate_limit_is_fifty_a_minute():
    client = CtgovClient(base_url=BASE)
    assert client.http.rate_limiter.interval == pytest.approx(60 / 50)
