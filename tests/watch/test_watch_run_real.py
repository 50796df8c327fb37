"""`watch run` over two versions of the real records: it reports exactly the differences,
on the API path (loopback fake API) and offline (local index updated to the new version)."""
from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import TEST_RATE_LIMIT_PER_MINUTE, copy_real_index
from tests.record_versions import VersionPlan, second_version, write_jsonl_gz
from tests.shared_data import real_records
from trialfind.access.candidates import find_candidates
from trialfind.core.study import parse_study
from trialfind.match.geo import site_is_taking_patients
from trialfind.sources.ctgov import CtgovClient
from trialfind.sources.local.index import LocalIndex
from trialfind.sources.local.update import update_index
from trialfind.watch.diff import Answer
from trialfind.watch.report import digest_text
from trialfind.watch.run import add_watch, run_watches
from trialfind.watch.store import WatchStore

ADDED_ON = date(2026, 11, 2)
FIRST_RUN = date(2026, 11, 20)
SECOND_RUN = date(2026, 11, 20)  # same day: the child's age is the same, only the records differ
TRIAL_KINDS_CHECKED = ("new_trial", "opened", "closed", "ages_changed", "now_fits", "no_longer_fits", "gone")


def _client(server) -> CtgovClient:
    return CtgovClient(base_url=server.url, cache_dir=None, rate_limit_per_minute=TEST_RATE_LIMIT_PER_MINUTE)


def _unique_recruiting_site(study):
    places = [s.place() for s in study.sites]
    for index, site in enumerate(study.sites):
        if site.lat is not None and site_is_taking_patients(site, study.status) and places.count(site.place()) == 1:
            return index, site
    return None


def _plan_for(baseline: dict[str, Answer], studies: dict, alk_candidates) -> tuple[VersionPlan, dict]:
    """Changes chosen from what the first run saw, so the expected differences follow from the plan."""
    blood = baseline["blood"]
    fitting_open = [t for t in blood.trials.values() if t.fits and t.status == "RECRUITING"]
    plan = VersionPlan()
    plan.closed = [t.nct_id for t in fitting_open[:3]]
    plan.ages = {t.nct_id: ("1 Year", "5 Years") for t in fitting_open[3:5]}  # the child is 10: no longer admitted
    plan.opened = [t.nct_id for t in blood.trials.values() if not t.is_open and t.ages_fit][:2]
    not_fitting = [t.nct_id for t in blood.trials.values() if not t.fits]
    plan.add_copies([t.nct_id for t in fitting_open[5:7]] + not_fitting[:1])
    # Sites: one fitting trial gains a site beside one of its own, and that one closes.
    site_trial = next(t for t in fitting_open[7:] if _unique_recruiting_site(studies[t.nct_id]))
    index, site = _unique_recruiting_site(studies[site_trial.nct_id])
    plan.site_added[site_trial.nct_id] = index
    plan.site_closed[site_trial.nct_id] = index
    # Unrelated changes: recruiting studies no watch follows close; none may be reported.
    followed = {n for answer in baseline.values() for n in answer.trials}
    plan.closed += [n for n, s in studies.items() if s.status == "RECRUITING" and n not in followed][:5]
    # Candidates: an adult-only trial of a candidate opens to children (its drugs stop being
    # candidates); a trial of another candidate gets an expanded-access study copied from it.
    opening_trial = next(t.nct_id for c in alk_candidates for t in c.trials if t.adult_only)
    plan.opened.append(opening_trial)
    plan.ages[opening_trial] = ("1 Year", "21 Years")
    opening_drugs = {c.drug for c in alk_candidates if opening_trial in c.nct_ids}
    ea_source = next(t.nct_id for c in alk_candidates if c.drug not in opening_drugs for t in c.trials
                     if t.nct_id != opening_trial and not any(t.nct_id in o.nct_ids for o in alk_candidates
                                                              if o.drug in opening_drugs))
    ea_ids = plan.add_copies([ea_source], status="AVAILABLE", study_type="EXPANDED_ACCESS")
    ea_drugs = {c.drug for c in alk_candidates if ea_source in c.nct_ids}
    near = (site.lat, site.lon)
    return plan, {"opening_drugs": opening_drugs, "ea_drugs": ea_drugs, "ea_ids": ea_ids, "site_trial": site_trial.nct_id,
                  "site": site.place(), "near": near}


def _expected_trial_changes(plan: VersionPlan, before: Answer) -> dict[str, set[str]]:
    old = before.trials
    originals_fitting = {new for new, source in plan.added.items() if new not in plan.added_as
                         and source in old and old[source].fits and source not in plan.touched}
    return {
        "new_trial": originals_fitting,
        "opened": {n for n in plan.opened if n in old and not old[n].is_open},
        "closed": {n for n in plan.closed if n in old and old[n].fits},
        "ages_changed": {n for n in plan.ages if n in old and (old[n].fits or n in plan.opened)},
        "now_fits": set(), "no_longer_fits": set(), "gone": set(),
    }


def _setup_watches(store: WatchStore, near) -> None:
    add_watch(store, "blood", conditions=["leukemia", "lymphoma"], age="10", near=f"{near[0]},{near[1]}",
              within_km=30, today=ADDED_ON)
    add_watch(store, "alk", targets=["ALK"], age="7", today=ADDED_ON)


@pytest.mark.slow
def test_watch_run_reports_exactly_the_differences_online_and_offline(real_ctgov_server, ctgov_server_factory,
                                                                        real_index_built, tmp_path):
    studies = {s.nct_id: s for s in map(parse_study, real_records())}
    # A first pass without a location, to choose the changes from what a run sees.
    probe = WatchStore(tmp_path / "probe")
    add_watch(probe, "blood", conditions=["leukemia", "lymphoma"], age="10", today=ADDED_ON)
    add_watch(probe, "alk", targets=["ALK"], age="7", today=ADDED_ON)
    seen = {r.name: r.answer for r in run_watches(probe, source=_client(real_ctgov_server), today=FIRST_RUN)}
    alk_candidates = list(find_candidates("ALK", "7y", source=_client(real_ctgov_server)))
    plan, chosen = _plan_for(seen, studies, alk_candidates)
    new_records = second_version(real_records(), plan)

    # API path: baseline against the first version, then the second version is served.
    online = WatchStore(tmp_path / "online")
    _setup_watches(online, chosen["near"])
    first = {r.name: r for r in run_watches(online, source=_client(real_ctgov_server), today=FIRST_RUN)}
    assert all(r.changes.first_run for r in first.values())
    assert first["blood"].changes.subjects("new_trial") == {n for n, t in first["blood"].answer.trials.items()
                                                           if t.fits}
    server_v2 = ctgov_server_factory(new_records, data_timestamp="2026-11-30T09:00:00")
    second = {r.name: r for r in run_watches(online, source=_client(server_v2), today=SECOND_RUN)}

    for name in ("blood", "alk"):
        expected = _expected_trial_changes(plan, first[name].answer)
        got = {kind: second[name].changes.subjects(kind) for kind in TRIAL_KINDS_CHECKED}
        assert got == expected, name
    blood_expected = _expected_trial_changes(plan, first["blood"].answer)
    assert [len(blood_expected[k]) for k in ("new_trial", "closed", "ages_changed")] == [2, 3, 2]
    assert blood_expected["opened"]  # the plan's changes do reach the answer
    assert "no longer a compassionate-use candidate" in digest_text(list(second.values()))
    blood = second["blood"].changes
    assert blood.subjects("site_opened") == blood.subjects("site_closed") == {chosen["site_trial"]}
    assert chosen["site"] in blood.of_kind("site_closed")[0].detail
    assert "Annex" in blood.of_kind("site_opened")[0].detail
    alk = second["alk"].changes
    assert alk.subjects("now_has_trial") == chosen["opening_drugs"]
    assert "no longer a compassionate-use candidate" in alk.of_kind("now_has_trial")[0].detail
    assert alk.subjects("ea_new") == chosen["ea_drugs"]
    assert {c.nct_ids for c in alk.of_kind("ea_new")} == {tuple(chosen["ea_ids"])}
    assert not alk.of_kind("new_candidate") and not alk.of_kind("candidate_gone") and not alk.of_kind("ea_changed")

    # A third run over the same records: nothing changed.
    third = run_watches(online, source=_client(server_v2), today=SECOND_RUN)
    assert not any(r.changes for r in third)

    # Offline: the same watches over a local index of the first version, updated to the second.
    offline = WatchStore(tmp_path / "offline")
    _setup_watches(offline, chosen["near"])
    cache = tmp_path / "cache"
    copy_real_index(real_index_built, cache)
    with LocalIndex.open(cache) as local:
        run_watches(offline, source=local, today=FIRST_RUN)
    update_index(cache, bulk=write_jsonl_gz(new_records, tmp_path / "v2.jsonl.gz"))
    with LocalIndex.open(cache) as local:
        offline_second = {r.name: r for r in run_watches(offline, source=local, today=SECOND_RUN)}
    for name in ("blood", "alk"):
        assert offline_second[name].changes.items == second[name].changes.items, name


@pytest.mark.slow
def test_a_failed_run_stores_nothing(real_ctgov_server, tmp_path):
    store = WatchStore(tmp_path / "watches")
    add_watch(store, "blood", conditions=["leukemia"], age="10", today=ADDED_ON)
    add_watch(store, "alk", targets=["ALK"], age="7", today=ADDED_ON)
    run_watches(store, source=_client(real_ctgov_server), today=FIRST_RUN)
    before = {p.name: p.read_bytes() for p in (tmp_path / "watches").iterdir()}
    real_ctgov_server.inject(status=503, path_contains="/studies", every=2)  # the second search fails
    client = CtgovClient(base_url=real_ctgov_server.url, cache_dir=None, max_retries=0,
                         rate_limit_per_minute=TEST_RATE_LIMIT_PER_MINUTE)
    with pytest.raises(Exception):
        run_watches(store, source=client, today=date(2026, 12, 20))
    assert {p.name: p.read_bytes() for p in (tmp_path / "watches").iterdir()} == before
