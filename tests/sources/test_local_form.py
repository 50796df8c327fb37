"""The local index's stored form: every real record reads back as the Study that parsing its
search record gives, searches read it instead of parsing, and an index of the previous
schema (or of older derivation code) is read by parsing until a build or update re-derives it."""
from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import asdict
from functools import cache

import pytest

from tests.conftest import copy_real_index
from tests.shared_data import real_partial_records, real_records
from tests.spec_reference import ReferenceMemorySource
from trialfind.core.spec import SearchSpec, search_studies
from trialfind.core.study import Site, Study, parse_study
from trialfind.sources.fields import SEARCH_FIELDS
from trialfind.sources.local.form import study_form, study_from_form
from trialfind.sources.local.index import (
    LocalIndex,
    PreparedStudy,
    RecordStream,
    build_index,
    index_path,
    prepare_record,
    project,
)
from trialfind.sources.local.update import upsert_in_place

SPECS = [
    SearchSpec(conditions=("leukemia",), statuses=("RECRUITING",)),
    SearchSpec(terms=("ALK",), interventions=("crizotinib", "lorlatinib"), combine="any"),
    SearchSpec(terms=("glioma",), study_types=("INTERVENTIONAL",), admits_age_days=7 * 365),
    SearchSpec(statuses=("COMPLETED",)),
]


@cache
def _prepared(records) -> tuple[tuple[dict, PreparedStudy], ...]:
    """Each record with what prepare_record gives for it (about 5 s for the complete records):
    prepared once per list, so the sweeps below check the same output instead of redoing it."""
    return tuple((record, prepare_record(record)) for record in records())


def _same(read: Study, parsed: Study) -> bool:
    # asdict also compares raw_fields_complete, which Study equality leaves out
    return read == parsed and asdict(read) == asdict(parsed)


@pytest.mark.parametrize("records", [real_records, real_partial_records], ids=["complete", "partial"])
def test_every_real_record_reads_back_as_parsing_its_search_record_gives(records):
    checked = 0
    for record, prepared in _prepared(records):
        assert isinstance(prepared, PreparedStudy)
        searched = json.loads(zlib.decompress(prepared.search_record))
        assert searched == project(record, SEARCH_FIELDS)
        read = study_from_form(prepared.form)
        assert _same(read, parse_study(searched))
        assert all(type(site) is Site for site in read.sites)
        checked += 1
    assert checked == len(records()) > 0


def test_a_study_with_every_nested_part_round_trips():
    study = next(s for s in map(parse_study, real_records())
                 if s.expanded_access and s.central_contacts and s.arm_groups and any(x.contacts for x in s.sites))
    assert _same(study_from_form(study_form(study)), study)


@pytest.fixture(scope="module")
def real_index(tmp_path_factory, real_index_built):
    return copy_real_index(real_index_built, tmp_path_factory.mktemp("forms"))


@pytest.mark.parametrize("spec", SPECS, ids=range(len(SPECS)))
def test_search_studies_reads_forms_equal_to_parsing_search(real_index, spec):
    with LocalIndex.open(real_index) as local:
        assert local.reads_forms
        read = list(search_studies(local, spec))
        parsed = [parse_study(r) for r in local.search(spec)]
    assert len(read) == len(parsed) > 0
    assert all(_same(a, b) for a, b in zip(read, parsed))


def _make_schema_3(directory) -> None:
    """What an index written before the stored forms looks like."""
    with sqlite3.connect(index_path(directory)) as conn:
        conn.execute("DROP TABLE study_forms")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        conn.execute("UPDATE meta SET value = 'older-code' WHERE key = 'derivation'")


@pytest.mark.slow
@pytest.mark.parametrize("upgrade", ["build", "update"])
def test_a_schema_3_index_is_searched_by_parsing_then_re_derived(tmp_path, upgrade):
    records = real_records()[:300]
    build_index(RecordStream(iter(records), "first 300 real records"), tmp_path, workers=0)
    with LocalIndex.open(tmp_path) as local:
        expected = {i: list(search_studies(local, spec)) for i, spec in enumerate(SPECS)}
    _make_schema_3(tmp_path)
    with LocalIndex.open(tmp_path) as local:
        assert not local.reads_forms and not local.info().up_to_date
        assert {i: list(search_studies(local, spec)) for i, spec in enumerate(SPECS)} == expected
    nothing = RecordStream(iter([]), "nothing new")
    report = build_index(nothing, tmp_path, workers=0) if upgrade == "build" else upsert_in_place(nothing, tmp_path)
    assert report.rederived == len(records)
    with LocalIndex.open(tmp_path) as local:
        assert local.reads_forms and local.info().up_to_date and local.info().schema_version == "4"
        assert local.count() == len(records)
        for i, spec in enumerate(SPECS):
            assert all(_same(a, b) for a, b in zip(search_studies(local, spec), expected[i], strict=True))


def test_forms_of_older_derivation_code_are_not_read(tmp_path):
    records = real_records()[:50]
    build_index(RecordStream(iter(records), "first 50 real records"), tmp_path, workers=0)
    with sqlite3.connect(index_path(tmp_path)) as conn:
        conn.execute("UPDATE meta SET value = 'older-code' WHERE key = 'derivation'")
        # a form the current parser would not write: must never reach a caller
        conn.execute("UPDATE study_forms SET form = ?", (study_form(Study(nct_id="NCT00000000", brief_title="stale")),))
    with LocalIndex.open(tmp_path) as local:
        assert not local.reads_forms
        read = list(search_studies(local, SearchSpec(statuses=("COMPLETED", "RECRUITING"))))
    assert read and all(s.nct_id != "NCT00000000" for s in read)


@pytest.mark.parametrize("records", [real_records, real_partial_records], ids=["complete", "partial"])
def test_a_sketch_is_the_study_without_its_sites_and_completes_to_it(records):
    from dataclasses import replace

    from trialfind.sources.local.store import _head

    deferred = 0
    for _, prepared in _prepared(records):
        stored = prepared.form
        full = study_from_form(stored)
        _, finish = _head(stored)
        sketch, complete = finish()
        if complete is None:  # few sites: complete at once
            assert _same(sketch, full) and len(full.sites) <= 8
            continue
        assert _same(sketch, replace(full, sites=()))
        assert _same(complete(), full)
        assert all(type(site) is Site for site in complete().sites)
        deferred += 1
    assert deferred > 100


HEAD_QUERIES = ["sarcoma", "neuroblastoma", "glioma", "ALL", "relapsed medulloblastoma", "medulloblastma",
                "Hodgkin lymphoma", "leukemia", "CNS tumor", "DIPG"]


@pytest.mark.parametrize("records", [real_records, real_partial_records], ids=["complete", "partial"])
def test_a_head_holds_what_the_condition_judgement_reads(records):
    from trialfind.sources.local.form import HEAD_FIELDS, read_head
    from trialfind.trials import condition_evidence

    found = 0
    for _, prepared in _prepared(records):
        stored = prepared.form
        study = study_from_form(stored)
        head, _ = read_head(stored)
        assert head == tuple(getattr(study, name) for name in HEAD_FIELDS)
        for query in HEAD_QUERIES:
            # A head has no other field: a judgement reading one would raise, not read a default.
            judged = condition_evidence(head, [query])
            assert judged == condition_evidence(study, [query])
            found += judged.found
    assert found > (100 if records is real_records else 0)


@pytest.fixture(scope="module")
def every_record(real_index):
    """The in-memory source over every record the index holds, which the sketches are compared
    with, and each record parsed: the same for every case, so read and parsed once."""
    from trialfind.core.study import parse_studies

    with LocalIndex.open(real_index) as local:
        records = list(local.search(SearchSpec(statuses=())))
    return ReferenceMemorySource(records), {s.nct_id: s for s in parse_studies(records)[0]}


@pytest.mark.parametrize("kwargs", [{"condition": "leukemia", "age": 5},
                                    {"condition": "lymphoma", "age": 16, "status": "all", "include_ineligible": True},
                                    {"target": "ALK", "age": 7, "status": "all", "include_ineligible": True, "limit": 3},
                                    {"condition": "sarcoma", "age": 15, "status": "all", "include_ineligible": True},
                                    {"condition": "leukemia", "age": 10, "near": "42.36,-71.06", "status": "all",
                                         "include_ineligible": True},
                                    {"condition": "leukemia", "age": 9, "purpose": "treatment", "status": "all"},
                                    {"condition": ("leukemia", "lymphoma"), "target": "CD19", "age": 6, "status": "all",
                                         "include_ineligible": True}])
def test_find_trials_returns_complete_studies_from_sketches(real_index, every_record, kwargs):
    from trialfind.trials import find_trials

    oracle, by_id = every_record
    with LocalIndex.open(real_index) as local:
        found = find_trials(source=local, **kwargs)
    from_records = find_trials(source=oracle, **kwargs)
    assert [m.nct_id for m in found] == [m.nct_id for m in from_records]
    assert [(m.eligible, m.score, m.reasons, m.evidence, m.distance_km) for m in found] == \
        [(m.eligible, m.score, m.reasons, m.evidence, m.distance_km) for m in from_records]
    assert any(m.study.sites for m in found)
    assert all(_same(m.study, by_id[m.nct_id]) for m in found)
