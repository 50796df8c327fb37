"""The loopback fake ClinicalTrials.gov over the real records, and the client against it."""
from __future__ import annotations

import functools
import json
import random
import subprocess

import pytest
import requests

import trialfind.core.spec as spec_module
from tests.shared_data import real_records
from tests.spec_reference import SpecReference
from trialfind.core.ages import parse_child_age
from trialfind.core.errors import NotFound, SourceDataError
from trialfind.core.spec import SearchSpec, matches_spec
from trialfind.core.study import PARSER_FIELDS, parse_study
from trialfind.sources.ctgov import CtgovClient, compile_query

FAST = 1e9  # requests a minute: the rate limit must not slow tests


class SleepRecorder(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def ids(records) -> set[str]:
    return {r["protocolSection"]["identificationModule"]["nctId"] for r in records}


@pytest.fixture(scope="module")
def parsed_records():
    return [(record, parse_study(record)) for record in real_records()]


def oracle(parsed_records, spec: SearchSpec) -> set[str]:
    return {study.nct_id for _, study in parsed_records if matches_spec(study, spec)}


@pytest.fixture(scope="module")
def reference(parsed_records):
    """oracle() for many specs, asking matches_spec only where it can say yes."""
    return SpecReference(study for _, study in parsed_records)


# --- the fake answers SearchSpecs the way matches_spec does --------------------------------

DOMAIN_SPECS = [
    SearchSpec(conditions=("glioma",), statuses=("RECRUITING",), admits_age_days=parse_child_age("7")),
    SearchSpec(conditions=("neuroblastoma",)),
    SearchSpec(conditions=("leukemia", "lymphoma"), admits_age_days=parse_child_age("17y11m")),
    SearchSpec(conditions=("ALL",)),
    SearchSpec(terms=("ALK",), statuses=("RECRUITING", "NOT_YET_RECRUITING")),
    SearchSpec(terms=("KRAS G12C",)),
    SearchSpec(terms=("BRAF V600E",), interventions=("dabrafenib",), combine="any"),
    SearchSpec(conditions=("lung cancer",), terms=("ALK",), interventions=("lorlatinib", "PF-06463922"),
               combine="any", admits_age_days=parse_child_age("10")),
    SearchSpec(interventions=("pembrolizumab",), study_types=("INTERVENTIONAL",)),
    SearchSpec(conditions=("cancer",), study_types=("OBSERVATIONAL", "EXPANDED_ACCESS"),
               admits_age_days=parse_child_age("18m")),
    SearchSpec(statuses=("RECRUITING",), admits_age_days=parse_child_age("3w")),
]


def random_specs(parsed_records, count: int, seed: int = 20261122) -> list[SearchSpec]:
    """Specs built from words that really occur in the records, so most find something."""
    rng = random.Random(seed)
    statuses = ["RECRUITING", "COMPLETED", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "UNKNOWN"]
    specs = []
    for _ in range(count):
        _, study = rng.choice(parsed_records)
        conditions = [c for c in (*study.conditions, *study.keywords) if c] or ["cancer"]
        words = study.brief_title.split()
        start = rng.randrange(max(1, len(words) - 1))
        kwargs = {}
        if rng.random() < 0.7:
            kwargs["conditions"] = tuple(rng.sample(conditions, min(len(conditions), rng.randint(1, 2))))
        if rng.random() < 0.4:
            kwargs["terms"] = (" ".join(words[start:start + rng.randint(1, 2)]) or "study",)
        if rng.random() < 0.3 and study.intervention_names:
            kwargs["interventions"] = (rng.choice(study.intervention_names),)
        if rng.random() < 0.5:
            kwargs["statuses"] = tuple(rng.sample(statuses, rng.randint(1, 2)))
        if rng.random() < 0.2:
            kwargs["study_types"] = (rng.choice(["INTERVENTIONAL", "OBSERVATIONAL"]),)
        if rng.random() < 0.6:
            kwargs["admits_age_days"] = rng.randint(0, 30 * 365)
        kwargs["combine"] = rng.choice(["all", "any"])
        try:
            spec = SearchSpec(**kwargs)
            compile_query(spec)
        except Exception:  # a title word with no letters or digits: not a search anyone makes
            continue
        specs.append(spec)
    return specs


@pytest.mark.slow
def test_fake_returns_a_superset_of_matches_spec_for_many_specs(real_ctgov_server, parsed_records, reference,
                                                                monkeypatch):
    # matches_spec re-tokenises every text on every call; memoising tokens keeps its logic
    # and makes 260 specs over 1,795 records take seconds instead of a minute.
    monkeypatch.setattr(spec_module, "tokens", functools.lru_cache(maxsize=None)(spec_module.tokens))
    specs = DOMAIN_SPECS + random_specs(parsed_records, 200)
    assert len(specs) > 150
    non_empty = 0
    for spec in specs:
        served = ids(real_ctgov_server.matching(compile_query(spec)))
        expected = set(reference.ids(spec))
        missing = expected - served
        assert not missing, f"{spec}: fake server misses {sorted(missing)[:5]}"
        non_empty += bool(expected)
        # Text, status and study-type semantics are identical; only the age bound is generous.
        if spec.admits_age_days is None:
            assert served == expected
        else:
            without_age = set(reference.ids(SearchSpec(**{**spec.__dict__, "admits_age_days": None})))
            assert served <= without_age, f"{spec}: fake server returns studies the text does not match"
    assert non_empty > len(specs) // 2


def test_age_slack_admits_the_17y11m_child_and_stays_tight(real_ctgov_server, parsed_records):
    age = parse_child_age("17y11m")
    spec = SearchSpec(statuses=("RECRUITING",), admits_age_days=age)
    served = ids(real_ctgov_server.matching(compile_query(spec)))
    expected = oracle(parsed_records, spec)
    seventeen = {s.nct_id for _, s in parsed_records if s.max_age == "17 Years" and s.status == "RECRUITING"
                 and (s.min_age_days or 0) <= age}
    assert seventeen and seventeen <= expected <= served
    recruiting = oracle(parsed_records, SearchSpec(statuses=("RECRUITING",)))
    assert len(served) < len(recruiting)  # the filter still excludes, say, adult-only studies


def test_an_unquoted_ALL_would_match_everything_the_compiled_query_does_not(real_ctgov_server):
    everything = real_ctgov_server.matching({"query.cond": "ALL"})
    assert len(everything) == len(real_records())
    quoted = real_ctgov_server.matching(compile_query(SearchSpec(conditions=("ALL",))))
    assert 0 < len(quoted) < len(everything) // 5


def test_client_search_over_http_equals_the_fake_selection(real_ctgov_server, parsed_records, tmp_path):
    client = CtgovClient(base_url=real_ctgov_server.url, cache_dir=tmp_path, rate_limit_per_minute=FAST,
                         page_size=100)
    for spec in DOMAIN_SPECS[:4] + [SearchSpec(terms=("cancer",))]:
        found = list(client.search(spec))
        assert ids(found) == ids(real_ctgov_server.matching(compile_query(spec)))
        assert ids(found) >= oracle(parsed_records, spec)
        stats = client.last_search_stats
        assert stats.total_count == len(found)
        assert stats.requests == max(1, -(-len(found) // 100))  # exactly the pages needed
        # field-limited records still parse into the same study
        for record in found[:20]:
            assert parse_study(record).nct_id in ids([record])


# --- the fake behaves like the API ---------------------------------------------------------

def test_fields_are_projected_and_unknown_fields_rejected(real_ctgov_server):
    url = f"{real_ctgov_server.url}/studies"
    reply = requests.get(url, params={"query.cond": '"glioma"', "fields": "protocolSection.identificationModule.nctId",
                                      "pageSize": "5"}, timeout=10)
    assert reply.status_code == 200
    for study in reply.json()["studies"]:
        assert study == {"protocolSection": {"identificationModule": {"nctId": study["protocolSection"][
            "identificationModule"]["nctId"]}}}
    bad = requests.get(url, params={"fields": "protocolSection.noSuchModule"}, timeout=10)
    assert bad.status_code == 400 and "noSuchModule" in bad.text
    with pytest.raises(SourceDataError, match="HTTP 400"):
        list(CtgovClient(base_url=real_ctgov_server.url, fields=("protocolSection.noSuchModule",),
                         rate_limit_per_minute=FAST).search(SearchSpec(conditions=("glioma",))))


def payload_bytes(server, spec, **kwargs) -> int:
    client = CtgovClient(base_url=server.url, rate_limit_per_minute=FAST, **kwargs)
    list(client.search(spec))
    return client.last_search_stats.bytes


@pytest.mark.slow
def test_fields_cut_the_payload(real_ctgov_server, ctgov_server_factory):
    everything = SearchSpec()
    limited = payload_bytes(real_ctgov_server, everything)
    full = payload_bytes(real_ctgov_server, everything, fields=None)
    # This corpus is mostly older records without results (20 KB on average), and the
    # parser needs locations and criteria: about half of each record.
    assert full >= 2 * limited
    # Records with posted results are what today's registry serves (~66 KB here, ~70 KB live).
    with_results = ctgov_server_factory([r for r in real_records() if "resultsSection" in r])
    assert payload_bytes(with_results, everything, fields=None) >= 5 * payload_bytes(with_results, everything)


def test_page_size_tokens_and_count_total_follow_the_api(real_ctgov_server):
    url = f"{real_ctgov_server.url}/studies"
    first = requests.get(url, params={"pageSize": "5000", "countTotal": "true"}, timeout=30).json()
    assert len(first["studies"]) == 1000 and first["totalCount"] == len(real_records())
    default = requests.get(url, params={"query.term": '"cancer"'}, timeout=10).json()
    assert len(default["studies"]) == 10 and "totalCount" not in default
    second = requests.get(url, params={"query.term": '"cancer"', "pageToken": default["nextPageToken"],
                                       "countTotal": "true"}, timeout=10).json()
    assert "totalCount" not in second and ids(second["studies"]).isdisjoint(ids(default["studies"]))
    changed = requests.get(url, params={"query.term": '"tumor"', "pageToken": default["nextPageToken"]}, timeout=10)
    assert changed.status_code == 400
    unknown = requests.get(url, params={"query.nonsense": "x"}, timeout=10)
    assert unknown.status_code == 400


def test_single_study_and_version(real_ctgov_server):
    client = CtgovClient(base_url=real_ctgov_server.url, rate_limit_per_minute=FAST)
    record = client.get_study("NCT04280705")
    assert record == next(r for r in real_records() if ids([r]) == {"NCT04280705"})
    with pytest.raises(NotFound):
        client.get_study("NCT00000001")
    assert client.data_version() == real_ctgov_server.data_timestamp
    paths = [r.endpoint for r in real_ctgov_server.requests]
    # /version is asked beside the first request, so it may arrive first or second
    assert sorted(paths) == ["/studies/NCT00000001", "/studies/NCT04280705", "/version"]
    assert paths.index("/studies/NCT04280705") < paths.index("/studies/NCT00000001")
    assert all(r.headers["User-Agent"].startswith("trialfind/") for r in real_ctgov_server.requests)


# --- faults --------------------------------------------------------------------------------

BROAD = SearchSpec(terms=("cancer",))


def walk(server, **kwargs):
    sleep = kwargs.pop("sleep", SleepRecorder())
    client = CtgovClient(base_url=server.url, rate_limit_per_minute=FAST, sleep=sleep, **kwargs)
    return client, [r for r in client.search(BROAD)], sleep


def test_429_with_retry_after_on_every_third_request_still_yields_the_full_result(real_ctgov_server):
    expected = ids(real_ctgov_server.matching(compile_query(BROAD)))
    fault = real_ctgov_server.inject(status=429, retry_after=1, every=3)
    client, found, sleep = walk(real_ctgov_server, page_size=50)
    assert ids(found) == expected and len(found) == len(expected)
    pages = -(-len(expected) // 50)
    assert fault.fired >= pages // 3 >= 3
    assert sleep == [1.0] * fault.fired  # Retry-After honoured, nothing else slept
    assert client.last_search_stats.pages == pages


@pytest.mark.parametrize("fault", [dict(status=503, times=2), dict(status=502, times=1),
                                   dict(status=403, html=True, times=2)])
def test_transient_server_faults_are_ridden_out(real_ctgov_server, fault):
    expected = ids(real_ctgov_server.matching(compile_query(BROAD)))
    injected = real_ctgov_server.inject(**fault)
    client, found, sleep = walk(real_ctgov_server)
    assert ids(found) == expected
    assert injected.fired == fault["times"] and len(sleep) == fault["times"]


def test_a_slow_reply_times_out_and_is_retried(real_ctgov_server):
    """Independent of CPU speed: the first reply never comes (it is held until the test
    ends), so the timeout always fires however slow the machine; the retry is answered
    from the server's warmed query cache, a few milliseconds of work."""
    glioma = SearchSpec(conditions=("glioma",))
    expected = ids(real_ctgov_server.matching(compile_query(glioma)))
    real_ctgov_server.inject(hold=True, times=1, path_contains="/studies")
    sleep = SleepRecorder()
    client = CtgovClient(base_url=real_ctgov_server.url, rate_limit_per_minute=FAST, sleep=sleep, timeout=(5.0, 2.0))
    found = list(client.search(glioma))
    assert ids(found) == expected != set()
    assert len(sleep) == 1 and client.last_search_stats.requests == 2
    assert len(real_ctgov_server.study_requests()) == 2


def test_non_json_body_and_repeated_token_are_data_errors(real_ctgov_server):
    real_ctgov_server.inject(body="<<this is not json>>", times=2, path_contains="/studies")
    with pytest.raises(SourceDataError, match="not JSON"):
        walk(real_ctgov_server)
    real_ctgov_server.reset()
    real_ctgov_server.inject(repeat_token=True)
    with pytest.raises(SourceDataError, match="same page token"):
        walk(real_ctgov_server, page_size=100)
    assert len(real_ctgov_server.study_requests()) == 4  # two pages, walked twice


def test_constant_latency_is_applied(real_ctgov_server):
    real_ctgov_server.latency = 0.2
    client = CtgovClient(base_url=real_ctgov_server.url, rate_limit_per_minute=FAST)
    import time

    started = time.perf_counter()
    client.data_version()
    assert time.perf_counter() - started >= 0.2


# --- fixtures other tests use ---------------------------------------------------------------

def test_factory_serves_custom_records(ctgov_server_factory):
    records = list(real_records()[:3])
    server = ctgov_server_factory(records)
    client = CtgovClient(base_url=server.url, rate_limit_per_minute=FAST)
    assert ids(client.search(SearchSpec())) == ids(records)


def test_cli_env_points_the_cli_at_the_fake(cli_env, real_ctgov_server, trialfind_cmd):
    assert cli_env["TRIALFIND_API_URL"] == real_ctgov_server.url
    assert float(cli_env["TRIALFIND_RATE_LIMIT"]) >= 1e5
    script = ("from trialfind.sources import open_source; s = open_source(); "
              "print(type(s).__name__, s.base_url, s.http.rate_limiter.interval < 0.001, s.data_version())")
    out = subprocess.run([trialfind_cmd[0], "-c", script], env=cli_env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["CtgovClient", real_ctgov_server.url, "True", real_ctgov_server.data_timestamp]
    help_run = subprocess.run([*trialfind_cmd, "--help"], env=cli_env, capture_output=True, text=True, timeout=60)
    assert help_run.returncode == 0 and "trials" in help_run.stdout


def test_parser_fields_are_all_known_to_the_fake(real_ctgov_server):
    assert set(PARSER_FIELDS) <= real_ctgov_server.field_paths


def test_cli_rides_out_429_with_retry_after_and_gives_the_same_answer(cli_env, real_ctgov_server, trialfind_cmd,
                                                                       tmp_path):
    command = [*trialfind_cmd, "trials", "--condition", "glioma", "--age", "7", "--format", "json"]
    clean = subprocess.run(command, env=cli_env, capture_output=True, text=True, timeout=120)
    assert clean.returncode == 0, clean.stderr
    fault = real_ctgov_server.inject(status=429, retry_after=1, every=2)
    faulty_env = dict(cli_env, TRIALFIND_CACHE_DIR=str(tmp_path / "other-cache"))
    faulty = subprocess.run(command, env=faulty_env, capture_output=True, text=True, timeout=120)
    assert faulty.returncode == 0, faulty.stderr
    assert fault.fired >= 1
    assert json.loads(faulty.stdout) == json.loads(clean.stdout) != []
