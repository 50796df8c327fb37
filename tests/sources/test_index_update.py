"""`index update`: only studies updated since the index's newest one, replaced in place,
giving the same answers as a full build of the new version (real records, loopback API)."""
from __future__ import annotations

import json
import math
import shutil
import subprocess

import pytest

from tests.conftest import TEST_RATE_LIMIT_PER_MINUTE, cli_environment
from tests.record_versions import VersionPlan, second_version, write_jsonl_gz
from tests.shared_data import STUDIES_FILE, real_records
from trialfind.access.candidates import target_search_spec
from trialfind.core.errors import InvalidInput
from trialfind.core.profile import ChildProfile
from trialfind.core.spec import SearchSpec
from trialfind.core.study import parse_study
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.sources.ctgov import CtgovClient
from trialfind.sources.local.index import LocalIndex, build_index, open_bulk_source
from trialfind.sources.local.update import index_newest_update, update_index
from trialfind.trials import build_search_spec

# The benchmark queries of bench/scale.py: trials-style and candidates-style specs.
TRIALS_QUERIES = [(("glioma",), (), "7"), (("neuroblastoma",), (), "3"), (("acute lymphoblastic leukemia",), (), "10"),
                  (("medulloblastoma",), (), "8"), (("sarcoma",), (), "15"), (("neuroblastoma",), ("ALK",), "4"),
                  ((), ("BRAF V600E",), "12"), (("lymphoma",), (), "16")]
CANDIDATE_TARGETS = ["ALK", "BRAF V600E", "NTRK fusion", "KRAS G12C", "EGFR", "CD19"]


def benchmark_specs() -> list[SearchSpec]:
    specs = []
    for conditions, targets, age in TRIALS_QUERIES:
        profile = ChildProfile.build(age, conditions=conditions, targets=targets)
        specs.append(build_search_spec(profile, [resolve_target(t) for t in targets]))
    specs += [target_search_spec(resolve_target(t)) for t in CANDIDATE_TARGETS]
    specs.append(SearchSpec(statuses=("RECRUITING",)))  # no text: the status filter alone
    return specs


def one_percent_plan() -> VersionPlan:
    """~1% of the 1,795 real records: recruiting ones closed, others with new ages, a few added."""
    plan = VersionPlan()
    studies = [parse_study(r) for r in real_records()]
    for study in studies[::100]:
        if study.status == "RECRUITING":
            plan.closed.append(study.nct_id)
        else:
            plan.ages[study.nct_id] = ("1 Year", "21 Years")
    plan.add_copies([s.nct_id for s in studies[50::400]])
    return plan


def answers(index: LocalIndex) -> list:
    out = []
    for spec in benchmark_specs():
        records = sorted(index.search(spec), key=lambda r: r["protocolSection"]["identificationModule"]["nctId"])
        out.append((sorted(index.nct_ids(spec)), json.dumps(records, sort_keys=True)))
    return out


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    plan = one_percent_plan()
    new_records = second_version(real_records(), plan)
    folder = tmp_path_factory.mktemp("versions")
    new_file = write_jsonl_gz(new_records, folder / "studies-v2.jsonl.gz")
    full = folder / "full"
    build_index(open_bulk_source(new_file), full, fresh=True, workers=0)
    return plan, new_records, new_file, full


@pytest.fixture(scope="module")
def first_version(real_index_built):
    """The first version's index (the session's index of the real records); each test updates
    its own copy of it."""
    return real_index_built


def _copy_index(built, cache_dir):
    shutil.copytree(built, cache_dir)


@pytest.fixture(scope="module")
def twelve_hundred_changed():
    """A second version where the first 1,200 real records have new ages (two pages of changes)."""
    records = real_records()
    plan = VersionPlan(ages={parse_study(r).nct_id: ("1 Year", None) for r in records[:1200]})
    return second_version(records, plan)


@pytest.mark.slow
def test_update_from_api_costs_one_page_walk_and_equals_a_full_build(versions, first_version, tmp_path,
                                                                     ctgov_server_factory):
    plan, new_records, _, full = versions
    cache = tmp_path / "cache"
    _copy_index(first_version, cache)
    since = index_newest_update(cache)
    server = ctgov_server_factory(new_records)
    client = CtgovClient(base_url=server.url, cache_dir=None, fields=None,
                         rate_limit_per_minute=TEST_RATE_LIMIT_PER_MINUTE)

    report = update_index(cache, client=client)

    # Fetched: exactly the studies posted on or after the index's newest day (the changed
    # ones and the one real study of that day), in ceil(n / 1000) page requests.
    expected = {parse_study(r).nct_id for r in new_records if parse_study(r).last_update >= since}
    assert plan.touched <= expected and len(expected - plan.touched) == 1
    assert report.fetched == len(expected)
    pages = server.study_requests()
    assert len(pages) == report.requests == math.ceil(len(expected) / 1000)
    assert pages[0].params["filter.advanced"] == f"AREA[LastUpdatePostDate]RANGE[{since}, MAX]"
    assert report.inserted == len(plan.added)
    assert report.newest_last_update == plan.day

    with LocalIndex.open(cache) as updated, LocalIndex.open(full) as rebuilt:
        assert updated.count() == rebuilt.count() == len(new_records)
        assert answers(updated) == answers(rebuilt)
        for nct in sorted(plan.touched):
            assert updated.get_study(nct) == rebuilt.get_study(nct)


@pytest.mark.slow
def test_update_costs_ceil_changed_over_1000_pages_when_more_than_a_page_changed(first_version, twelve_hundred_changed,
                                                                                 tmp_path, ctgov_server_factory):
    """1,200 changed studies: two pages of 1,000 (the 1% test above fits one page)."""
    cache = tmp_path / "cache"
    _copy_index(first_version, cache)
    server = ctgov_server_factory(twelve_hundred_changed)
    client = CtgovClient(base_url=server.url, cache_dir=None, fields=None,
                         rate_limit_per_minute=TEST_RATE_LIMIT_PER_MINUTE)
    report = update_index(cache, client=client)
    assert report.fetched == 1200 + 1  # + the real study of the index's newest day
    assert len(server.study_requests()) == report.requests == math.ceil(report.fetched / 1000) == 2


@pytest.mark.slow
def test_update_from_a_newer_bulk_file_reads_only_newer_records(versions, first_version, tmp_path):
    plan, new_records, new_file, full = versions
    cache = tmp_path / "cache"
    _copy_index(first_version, cache)
    report = update_index(cache, bulk=new_file)
    assert report.fetched == len(plan.touched) + 1
    assert report.skipped_older == len(new_records) - report.fetched
    with LocalIndex.open(cache) as updated, LocalIndex.open(full) as rebuilt:
        assert answers(updated) == answers(rebuilt)


@pytest.mark.slow
def test_an_older_bulk_file_changes_nothing(versions, tmp_path):
    _, _, _, full = versions  # the index built from the newer file
    cache = tmp_path / "cache"
    _copy_index(full, cache)
    with LocalIndex.open(cache) as before:
        expected = answers(before)
    report = update_index(cache, bulk=STUDIES_FILE)
    assert report.fetched == report.inserted == report.replaced == 0
    with LocalIndex.open(cache) as after:
        assert answers(after) == expected


def test_a_failed_update_leaves_the_index_as_it_was(tmp_path, ctgov_server_factory):
    records = real_records()[:60]
    cache = tmp_path / "cache"
    build_index(open_bulk_source(write_jsonl_gz(records, tmp_path / "v1.jsonl.gz")), cache, fresh=True, workers=0)
    before = (cache / "index.sqlite").read_bytes()
    plan = VersionPlan(closed=[parse_study(r).nct_id for r in records[:5]])
    server = ctgov_server_factory(second_version(records, plan))
    server.inject(status=503, times=10)
    client = CtgovClient(base_url=server.url, cache_dir=None, fields=None, max_retries=1, sleep=lambda s: None,
                         rate_limit_per_minute=TEST_RATE_LIMIT_PER_MINUTE)
    with pytest.raises(Exception):
        update_index(cache, client=client)
    assert (cache / "index.sqlite").read_bytes() == before


def test_update_needs_one_source_and_an_index(tmp_path, ctgov_server_factory):
    with pytest.raises(InvalidInput):
        update_index(tmp_path, client=None, bulk=None)
    client = CtgovClient(base_url="http://127.0.0.1:9/api/v2", cache_dir=None, fields=None)
    with pytest.raises(Exception, match="no local index"):
        update_index(tmp_path / "nothing", client=client)


def test_synthetic_fake_server_evaluates_last_update_ranges(ctgov_server_factory):
    records = real_records()[:40]
    server = ctgov_server_factory(records)
    day = sorted(parse_study(r).last_update for r in records)[30]
    selected = server.matching({"filter.advanced": f"AREA[LastUpdatePostDate]RANGE[{day}, MAX]"})
    assert {parse_study(r).nct_id for r in selected} == {
        parse_study(r).nct_id for r in records if parse_study(r).last_update >= day}
    until = server.matching({"filter.advanced": f"AREA[LastUpdatePostDate]RANGE[MIN, {day}]"})
    assert len(selected) + len(until) == len(records) + sum(parse_study(r).last_update == day for r in records)


def test_synthetic_bad_date_is_refused_before_any_request():
    client = CtgovClient(base_url="http://127.0.0.1:9/api/v2", cache_dir=None)
    with pytest.raises(InvalidInput):
        client.updated_since("last week")


@pytest.mark.slow
def test_cli_index_update_and_info(versions, first_version, tmp_path, ctgov_server_factory, trialfind_cmd):
    _, new_records, _, _ = versions
    server = ctgov_server_factory(new_records)
    env = cli_environment(server, tmp_path / "cache")
    _copy_index(first_version, tmp_path / "cache")
    done = subprocess.run([*trialfind_cmd, "index", "update"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "updated since 2026-06-02" in done.stdout and "1 request" in done.stdout
    info = subprocess.run([*trialfind_cmd, "index", "info", "--format", "json"], env=env, capture_output=True,
                          text=True)
    assert json.loads(info.stdout)["newest_last_update"] == "2026-11-30"
    missing = subprocess.run([*trialfind_cmd, "index", "update", "--cache-dir", str(tmp_path / "none")], env=env,
                             capture_output=True, text=True)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1


@pytest.mark.slow
def test_an_update_killed_half_way_is_rolled_back(first_version, twelve_hundred_changed, tmp_path, ctgov_server_factory,
                                                  trialfind_cmd):
    """Killed while waiting for its second page: nothing of the update is kept (the client
    hands over a walk only once it is verified complete, and rows are written in one
    transaction, rolled back if a journal was left), and the next update starts again from
    the same date."""
    import signal
    import time

    cache = tmp_path / "cache"
    _copy_index(first_version, cache)
    with LocalIndex.open(cache) as before:
        expected = answers(before)
    server = ctgov_server_factory(twelve_hundred_changed)
    server.inject(delay=60, every=2, path_contains="/studies")  # the second page hangs
    process = subprocess.Popen([*trialfind_cmd, "index", "update"], env=cli_environment(server, cache),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(server.study_requests()) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)  # the first page's studies are being written
    process.send_signal(signal.SIGKILL)
    process.wait()

    assert index_newest_update(cache) == "2026-06-02"  # rolled back: still the first version
    with LocalIndex.open(cache) as after:
        assert answers(after) == expected
    server.reset()
    report = update_index(cache, client=CtgovClient(base_url=server.url, cache_dir=None, fields=None,
                                                    rate_limit_per_minute=TEST_RATE_LIMIT_PER_MINUTE))
    assert report.fetched == 1201 and report.newest_last_update == "2026-11-30"
