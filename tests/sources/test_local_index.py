"""The offline local index: exact matches_spec semantics over the real records, bulk
formats, upserts, atomic builds, and the `trialfind index` commands."""
from __future__ import annotations

import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import copy_real_index
from tests.shared_data import REPO_ROOT, STUDIES_FILE, real_partial_records, real_records
from tests.spec_reference import SpecReference
from trialfind.core.errors import InvalidInput, NotFound, SourceDataError, SourceUnavailable
from trialfind.core.spec import SearchSpec, matches_spec, retrieval_texts, tokens
from trialfind.core.study import parse_study
from trialfind.sources import open_source
from trialfind.sources.local.index import (
    LocalIndex,
    RecordStream,
    _iter_json_array,
    build_index,
    index_path,
    match_expression,
    open_bulk_source,
)

PYTHON = sys.executable


def nct_of(record: dict) -> str:
    return record["protocolSection"]["identificationModule"]["nctId"]


def write_jsonl_gz(path: Path, records) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    return path


def with_new_id(record: dict, nct_id: str) -> dict:
    copy = json.loads(json.dumps(record))
    copy["protocolSection"]["identificationModule"]["nctId"] = nct_id
    return copy


@pytest.fixture(scope="module")
def real_index(tmp_path_factory, real_index_built):
    directory = copy_real_index(real_index_built, tmp_path_factory.mktemp("index"))
    with LocalIndex.open(directory) as local:
        yield local


@pytest.fixture(scope="module")
def parsed_studies():
    return [parse_study(r) for r in real_records()]


@pytest.fixture(scope="module")
def reference(parsed_studies):
    return SpecReference(parsed_studies)


# --- exact retrieval semantics ---------------------------------------------------------

def _random_specs(studies, count: int, seed: int = 20261122):
    """Specs drawn from the real records' own texts (whole texts, word runs inside them,
    runs straddling two texts of a study), plus awkward values."""
    rng = random.Random(seed)
    statuses = sorted({s.status for s in studies if s.status})
    study_types = sorted({s.study_type for s in studies if s.study_type})
    awkward = ["", "  ", "---", "ALL", "AND", "α", "β-catenin", "naïve", "Hodgkin's", "non-small cell",
               "C-Kit", "HER2+", "T-cell", "ﬁbrosis", "\"quoted\"", "NEAR", "col:on", "{curly}", "*", "^x", "n0t"]

    def phrase_from(study, group):
        texts = retrieval_texts(study)[group]
        if not texts:
            return rng.choice(awkward)
        roll = rng.random()
        words = tokens(rng.choice(texts))
        if roll < 0.25 or not words:
            return rng.choice(texts)
        if roll < 0.35 and len(texts) > 1:  # would only match across two texts: must not, unless elsewhere
            first, second = rng.sample(texts, 2)
            a, b = tokens(first), tokens(second)
            if a and b:
                return f"{a[-1]} {b[0]}"
        start = rng.randrange(len(words))
        return " ".join(words[start:start + rng.randint(1, 3)])

    for _ in range(count):
        study = rng.choice(studies)
        groups = {}
        for name, group in (("conditions", "condition"), ("terms", "term"), ("interventions", "intervention")):
            if rng.random() < 0.5:
                values = [phrase_from(rng.choice(studies) if rng.random() < 0.3 else study, group)
                          for _ in range(rng.randint(1, 3))]
                if rng.random() < 0.05:
                    values.append(rng.choice(awkward))
                groups[name] = tuple(values)
        yield SearchSpec(
            **groups,
            statuses=tuple(rng.sample(statuses, rng.randint(1, 3))) if rng.random() < 0.4 else (),
            study_types=(rng.choice(study_types),) if rng.random() < 0.2 else (),
            admits_age_days=rng.choice([None, 0, 30, 365, 7 * 365, 6574, 6575, 6600, 25000]),
            combine=rng.choice(["all", "any"]),
        )


@pytest.mark.slow
def test_search_equals_reference_matcher_for_many_specs(real_index, parsed_studies, reference):
    specs = list(_random_specs(parsed_studies, 300))
    nonempty = 0
    for spec in specs:
        expected = set(reference.ids(spec))
        got = real_index.nct_ids(spec)
        assert len(got) == len(set(got)), spec
        assert set(got) == expected, (spec, sorted(set(got) ^ expected)[:5])
        nonempty += bool(expected)
    assert nonempty > 120  # the specs really exercise matches, not just empty answers


@pytest.mark.parametrize("spec", [
    SearchSpec(conditions=("glioma",), statuses=("RECRUITING",), admits_age_days=7 * 365),
    SearchSpec(conditions=("neuroblastoma",), terms=("ALK",)),
    SearchSpec(terms=("ALK", "anaplastic lymphoma kinase"), interventions=("lorlatinib", "crizotinib"), combine="any"),
    SearchSpec(statuses=("RECRUITING",), admits_age_days=3 * 365),
    SearchSpec(),
    SearchSpec(conditions=("---",)),
    SearchSpec(conditions=("---",), terms=("cancer",), combine="any"),
])
def test_named_specs_match_reference(real_index, reference, spec):
    expected = reference.ids(spec)
    assert real_index.nct_ids(spec) == expected  # same records, same (file) order
    if expected and len(expected) < 300:
        assert [nct_of(r) for r in real_index.search(spec)] == expected


@pytest.mark.slow
def test_phrases_do_not_span_two_texts(real_index, parsed_studies, reference):
    # Last word of one condition + first word of the next: the reference never joins texts.
    checked = 0
    for study in parsed_studies:
        conditions = [tokens(c) for c in study.conditions]
        if len(conditions) >= 2 and conditions[0] and conditions[1]:
            phrase = f"{conditions[0][-1]} {conditions[1][0]}"
            spec = SearchSpec(conditions=(phrase,))
            assert set(real_index.nct_ids(spec)) == set(reference.ids(spec))
            checked += 1
        if checked >= 40:
            break
    assert checked >= 40


def test_match_expression_shapes():
    assert match_expression(SearchSpec()) is None
    assert match_expression(SearchSpec(conditions=("!!",))) == ""
    assert match_expression(SearchSpec(conditions=("Glioma", "glioma!"))) == '({condition} : "glioma")'
    both = match_expression(SearchSpec(conditions=("x",), interventions=("y z",)))
    assert both == '({condition} : "x") AND ({intervention} : "y z")'
    assert " OR " in match_expression(SearchSpec(conditions=("x",), terms=("NOT",), combine="any"))


def test_a_phrase_holding_another_of_its_group_is_not_searched():
    # "high grade glioma" adds no study to "glioma" within one OR-ed group; other groups keep theirs.
    terms = match_expression(SearchSpec(terms=("high grade glioma", "Glioma", "glioma cell", "gliomas", "HGG")))
    assert terms == '("glioma" OR "gliomas" OR "hgg")'  # terms search every column: no column filter
    both = match_expression(SearchSpec(conditions=("glioma",), terms=("high grade glioma",)))
    assert both == '({condition} : "glioma") AND ("high grade glioma")'
    assert match_expression(SearchSpec(terms=("grade glioma", "high grade"))).count(" OR ") == 1  # overlap only


@pytest.mark.parametrize("condition", ["glioma", "lymphoma", "acute lymphoblastic leukemia", "sarcoma", "brain tumor"])
def test_vocabulary_specs_match_reference(real_index, reference, condition):
    # The specs `trials` sends: every name, spelling and narrower type, many holding another;
    # searched without those, they still find exactly what the reference matcher finds.
    from trialfind.core.profile import ChildProfile
    from trialfind.trials import build_search_spec

    spec = build_search_spec(ChildProfile.build("10", conditions=(condition,)), (), status="all",
                             include_ineligible=True)
    if condition != "brain tumor":  # whose names hold no other of them
        assert match_expression(spec).count(" OR ") + 1 < len({tuple(tokens(t)) for t in spec.terms})
    expected = reference.ids(spec)
    assert expected
    assert real_index.nct_ids(spec) == expected


def test_search_gives_the_api_projection_and_get_study_the_full_record(real_index):
    from tests.ctgov_server import project as api_project
    from trialfind.sources.fields import SEARCH_FIELDS

    by_id = {nct_of(r): r for r in real_records()}
    found = list(real_index.search(SearchSpec(conditions=("leukemia",))))
    assert len(found) > 20
    for record in found:
        full = by_id[nct_of(record)]
        assert record == api_project(full, list(SEARCH_FIELDS))  # what the API answers with fields=
        assert parse_study(record) == parse_study(full)
        assert real_index.get_study(nct_of(record)) == full


def test_get_study_returns_the_stored_record(real_index):
    record = real_records()[123]
    assert real_index.get_study(nct_of(record).lower()) == record
    with pytest.raises(NotFound):
        real_index.get_study("NCT99999999")
    with pytest.raises(InvalidInput):
        real_index.get_study("12345")
    assert real_index.data_version().startswith("local:")


def test_info_reports_counts_and_freshness(real_index):
    details = real_index.info()
    records = real_records()
    assert details.studies == len(records) == real_index.count()
    newest = max(r["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] for r in records)
    assert details.newest_last_update == newest
    assert details.size_bytes == Path(details.path).stat().st_size > 0
    assert details.source == str(STUDIES_FILE) and details.up_to_date


def test_lead_sponsor_lookup(real_index, parsed_studies):
    sponsor = parsed_studies[10].lead_sponsor
    expected = [s.nct_id for s in parsed_studies if (s.lead_sponsor or "").lower() == sponsor.lower()]
    assert [nct_of(r) for r in real_index.studies_by_lead_sponsor(sponsor.upper())] == expected


# --- missing index ---------------------------------------------------------------------

def test_missing_index_is_unavailable_with_a_hint(tmp_path):
    with pytest.raises(SourceUnavailable, match="trialfind index build"):
        LocalIndex.open(tmp_path)
    with pytest.raises(SourceUnavailable, match="trialfind index build"):
        open_source(cache_dir=tmp_path, offline=True)


def test_open_source_offline_gives_the_local_index(real_index):
    source = open_source(cache_dir=real_index.path.parent, offline=True)
    assert isinstance(source, LocalIndex) and source.count() == len(real_records())


# --- bulk formats ------------------------------------------------------------------------

def test_every_bulk_format_gives_the_same_index(tmp_path):
    records = list(real_records()[:60])
    ids = sorted(nct_of(r) for r in records)
    sources = {}
    sources["jsonl.gz"] = write_jsonl_gz(tmp_path / "s.jsonl.gz", records)
    plain = tmp_path / "s.jsonl"
    plain.write_text("".join(json.dumps(r) + "\n\n" for r in records))
    sources["jsonl"] = plain
    array = tmp_path / "ctg-studies.json"
    array.write_text(json.dumps(records, indent=2))
    sources["array"] = array
    bulk = tmp_path / "ctg-studies.json.zip"
    with zipfile.ZipFile(bulk, "w") as archive:
        for i, record in enumerate(records):
            folder = "a/" if i % 2 else "b/c/"
            archive.writestr(f"{folder}{nct_of(record)}.json", json.dumps(record, indent=2))
    sources["zip"] = bulk
    folder = tmp_path / "folder"
    for i, record in enumerate(records):
        target = folder / f"part{i % 3}" / f"{nct_of(record)}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(record))
    sources["folder"] = folder
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"studies": records, "totalCount": len(records)}))
    sources["page"] = page
    for name, path in sources.items():
        cache = tmp_path / f"cache-{name}"
        report = build_index(open_bulk_source(path), cache, workers=0)
        assert (report.read, report.inserted, report.skipped_invalid) == (60, 60, 0), name
        with LocalIndex.open(cache) as local:
            assert sorted(local.nct_ids(SearchSpec())) == ids, name
            assert local.get_study(ids[5]) == next(r for r in records if nct_of(r) == ids[5]), name


def test_json_array_streams_in_small_chunks():
    import io

    records = list(real_records()[:40])
    text = json.dumps(records, indent=1)
    for chunk in (7, 1000, 1 << 20):  # elements far bigger than the window, and windows holding many
        assert list(_iter_json_array(io.StringIO(text), chunk_size=chunk)) == records
    with pytest.raises(SourceDataError):
        list(_iter_json_array(io.StringIO(text[: len(text) // 2]), chunk_size=500))
    with pytest.raises(SourceDataError):
        list(_iter_json_array(io.StringIO('{"not": "an array"}')))


@pytest.mark.slow
def test_worker_processes_give_the_same_index(tmp_path, real_index):
    build_index(open_bulk_source(STUDIES_FILE), tmp_path, workers=2)
    with LocalIndex.open(tmp_path) as local:
        spec = SearchSpec(terms=("cancer",), admits_age_days=3000)
        assert local.nct_ids(spec) == real_index.nct_ids(spec)
        assert local.count() == real_index.count()


def test_invalid_records_are_skipped_and_an_empty_source_is_an_error(tmp_path):
    source = tmp_path / "synthetic_mixed.jsonl"
    good = real_records()[0]
    source.write_text("\n".join([json.dumps(good), "{broken", json.dumps({"synthetic": True}), "[1]"]) + "\n")
    report = build_index(open_bulk_source(source), tmp_path / "c", workers=0)
    assert (report.inserted, report.skipped_invalid) == (1, 3)
    junk = tmp_path / "synthetic_junk.jsonl"
    junk.write_text('{"synthetic": 1}\n')
    with pytest.raises(SourceDataError, match="no ClinicalTrials.gov v2 studies"):
        build_index(open_bulk_source(junk), tmp_path / "d", workers=0)
    assert not index_path(tmp_path / "d").exists()


@pytest.mark.parametrize("content", [b"not json at all\n", b"\xff\xfe\x00garbage", b"[{\"a\": 1},",
                                     gzip.compress(b'{"a": 1}\n' * 1000)[:-40]])
def test_unreadable_sources_are_one_clear_error(tmp_path, content):
    source = tmp_path / "synthetic_bad_input.json"
    source.write_bytes(content)
    with pytest.raises(SourceDataError, match="synthetic_bad_input"):
        build_index(open_bulk_source(source), tmp_path / "cache", workers=0)
    assert not list((tmp_path / "cache").iterdir())  # no index, no temp file left behind


# --- upserts ----------------------------------------------------------------------------

def _synthetic_variant(record: dict, *, date: str, title: str) -> dict:
    copy = json.loads(json.dumps(record))
    copy["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = date
    copy["protocolSection"]["identificationModule"]["briefTitle"] = title
    return copy


def test_upsert_keeps_the_newer_last_update(tmp_path):
    base = real_records()[5]
    nct = nct_of(base)
    first = _synthetic_variant(base, date="2024-01-01", title="Synthetic zebrafinch title")
    newer = _synthetic_variant(base, date="2025-01-01", title="Synthetic quokka title")
    older = _synthetic_variant(base, date="2023-01-01", title="Synthetic wombat title")

    def build(records, **kw):
        return build_index(RecordStream(iter(records), "synthetic"), tmp_path, workers=0, **kw)

    build([first, real_records()[6]])
    report = build([older])
    assert (report.replaced, report.kept_existing, report.studies) == (0, 1, 2)
    report = build([newer])
    assert (report.replaced, report.studies) == (1, 2)
    with LocalIndex.open(tmp_path) as local:
        assert local.get_study(nct)["protocolSection"]["identificationModule"]["briefTitle"] == "Synthetic quokka title"
        # the replaced text is gone from the full-text index, the new text is found
        assert local.nct_ids(SearchSpec(conditions=("zebrafinch",))) == []
        assert local.nct_ids(SearchSpec(conditions=("quokka",))) == [nct]
        assert local.info().newest_last_update >= "2025-01-01"
    # within one source too: the newest copy wins whatever the order
    report = build([older, _synthetic_variant(base, date="2026-01-01", title="Synthetic okapi title"), first],
                   fresh=True)
    assert report.studies == 1
    with LocalIndex.open(tmp_path) as local:
        assert local.nct_ids(SearchSpec(conditions=("okapi",))) == [nct]
        assert local.nct_ids(SearchSpec(conditions=("wombat",))) == []


def test_a_complete_record_beats_a_field_limited_one_of_the_same_date(tmp_path):
    full = real_records()[7]
    limited = {"protocolSection": {k: full["protocolSection"][k]
                                   for k in ("identificationModule", "statusModule")}}
    build_index(RecordStream(iter([full]), "synthetic-full"), tmp_path, workers=0)
    report = build_index(RecordStream(iter([limited]), "synthetic-limited"), tmp_path, workers=0)
    assert report.kept_existing == 1
    with LocalIndex.open(tmp_path) as local:
        assert local.get_study(nct_of(full)) == full


@pytest.mark.slow
def test_changed_derivation_code_re_derives_stored_records(tmp_path, parsed_studies, real_index_built):
    copy_real_index(real_index_built, tmp_path)
    with sqlite3.connect(index_path(tmp_path)) as conn:
        conn.execute("UPDATE meta SET value = 'older-code' WHERE key = 'derivation'")
        conn.execute("UPDATE studies SET status = 'BOGUS'")
    with LocalIndex.open(tmp_path) as local:
        assert not local.info().up_to_date
    report = build_index(RecordStream(iter([]), "nothing new"), tmp_path, workers=0)
    assert report.rederived == len(parsed_studies)
    spec = SearchSpec(conditions=("leukemia",), statuses=("RECRUITING",))
    with LocalIndex.open(tmp_path) as local:
        assert local.info().up_to_date
        assert set(local.nct_ids(spec)) == {s.nct_id for s in parsed_studies if matches_spec(s, spec)} != set()


# --- atomic builds ------------------------------------------------------------------------

@pytest.mark.slow
def test_a_build_killed_half_way_leaves_the_previous_index_usable(tmp_path):
    cache = tmp_path / "cache"
    base = list(real_records()[:100])
    build_index(RecordStream(iter(base), "first 100 real records"), cache, workers=0)
    big = tmp_path / "replicated.jsonl.gz"
    records = real_records()
    lines = gzip.decompress(STUDIES_FILE.read_bytes()).splitlines()
    with gzip.open(big, "wb", compresslevel=1) as handle:
        for i in range(6_000):
            line = lines[i % len(lines)]
            old = b'"nctId":"' + nct_of(records[i % len(records)]).encode() + b'"'
            assert old in line
            handle.write(line.replace(old, b'"nctId":"NCT9%07d"' % i, 1) + b"\n")
    env = {**os.environ, "TRIALFIND_CACHE_DIR": str(cache)}
    proc = subprocess.Popen([PYTHON, "-m", "trialfind", "index", "build", str(big), "--workers", "0"],
                            env=env, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    temp = index_path(cache).with_name(f"index.sqlite.build-{proc.pid}")
    deadline = time.time() + 60
    while time.time() < deadline and not (temp.exists() and temp.stat().st_size > 8_000_000):
        assert proc.poll() is None, proc.stderr.read()
        time.sleep(0.05)
    assert temp.exists(), "the build never got going"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with LocalIndex.open(cache) as local:
        assert local.count() == 100
        spec = SearchSpec(terms=("cancer",))
        assert local.nct_ids(spec) == [nct_of(r) for r in base if matches_spec(parse_study(r), spec)]
        assert local.get_study(nct_of(base[3])) == base[3]
        assert local.info().source == "first 100 real records"
    # the next build cleans the dead build's file up and works
    report = build_index(RecordStream(iter(records[100:110]), "ten more"), cache, workers=0)
    assert report.studies == 110
    assert not temp.exists()


# --- CLI ----------------------------------------------------------------------------------

def run_cli(*args, cache, extra_env=None):
    env = {**os.environ, "TRIALFIND_CACHE_DIR": str(cache), **(extra_env or {})}
    env.pop("TRIALFIND_OFFLINE", None)
    return subprocess.run([PYTHON, "-m", "trialfind", *args], env=env, cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.slow
def test_cli_build_and_info(tmp_path):
    missing = run_cli("index", "info", cache=tmp_path)
    assert missing.returncode == 1 and "trialfind index build" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    built = run_cli("index", "build", str(STUDIES_FILE), "--format", "json", cache=tmp_path)
    assert built.returncode == 0, built.stderr
    assert json.loads(built.stdout)["studies"] == len(real_records())
    assert built.stderr == ""  # no progress when stderr is not a terminal
    partial = write_jsonl_gz(tmp_path / "partial.jsonl.gz", real_partial_records())
    again = run_cli("index", "build", str(partial), "--progress", cache=tmp_path)
    assert again.returncode == 0 and "records read" in again.stderr
    assert f"{len(real_records()) + len(real_partial_records()):,} studies" in again.stdout
    info = run_cli("index", "info", "--format", "json", cache=tmp_path)
    details = json.loads(info.stdout)
    assert details["studies"] == len(real_records()) + len(real_partial_records())
    assert details["source"] == str(partial) and len(details["sources"]) == 2
    table = run_cli("index", "info", cache=tmp_path)
    assert "Newest last update:" in table.stdout and "Size on disk:" in table.stdout


@pytest.mark.parametrize("args", [("index", "build"), ("index", "build", "--from-api", str(STUDIES_FILE)),
                                  ("index", "build", str(STUDIES_FILE), "--condition", "glioma"),
                                  ("index", "build", "--from-api")])
def test_cli_build_usage_errors_exit_2(tmp_path, args):
    result = run_cli(*args, cache=tmp_path)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
