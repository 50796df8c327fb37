"""Fuzz: mutated real records never crash the parser or the index preparer, and never make
a study admit a child that the original record's ages, sex or status exclude.

The property, precisely. For a mutated record M of a real record O:
1. parse_study(M) and prepare_record(M) (as an object and as JSON text) return, never raise.
2. When no mutation touched the NCT id, status, minimum/maximum age or sex (nor an object
   holding them), a readable M has exactly O's NCT id, status, ages and sex, and for every
   child in a grid of ages x sexes, assess() excludes on age, sex or status whenever it does
   for O.
3. When a mutation did touch one of them and left a value of the wrong JSON type there (not
   text, not null), M is an UnreadableRecord: a mistyped sex or age is never read as "any".
   (A deleted or null field is read as absent, as in field-limited API answers.)
"""
from __future__ import annotations

import json
import random
import time

import pytest

from tests.record_mutations import mutate, touches
from tests.shared_data import real_records
from trialfind.core.profile import ChildProfile
from trialfind.core.record_shape import ELIGIBILITY_PATHS
from trialfind.core.study import Study, UnreadableRecord, parse_study
from trialfind.match.eligibility import assess
from trialfind.sources.local.schema import PreparedStudy, prepare_record

ELIGIBILITY_FIELDS = {
    "protocolSection.identificationModule.nctId": "nct_id",
    "protocolSection.statusModule.overallStatus": "status",
    "protocolSection.eligibilityModule.minimumAge": "min_age",
    "protocolSection.eligibilityModule.maximumAge": "max_age",
    "protocolSection.eligibilityModule.sex": "sex",
}
JUDGED = ("age", "sex", "status")
CHILDREN = [ChildProfile.build(age, sex=sex) for age in ("10d", "3m", "1", "2", "5", "9", "12", "15", "17y11m", "18",
                                                         "30", "70") for sex in (None, "female", "male")]


def _value_at(record, path: str):
    node = record
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def _excluded(study: Study) -> list[set[str]]:
    return [set(assess(study, child).excluded_by) & set(JUDGED) for child in CHILDREN]


def run_fuzz(count: int, seed: int) -> dict:
    records = real_records()
    rng = random.Random(seed)
    figures = {"records": count, "crashes": 0, "looser": 0, "unreadable": 0, "untouched_checked": 0}
    failures: list[str] = []
    original_cache: dict[int, tuple[Study, list[set[str]]]] = {}
    started = time.perf_counter()
    for i in range(count):
        index = rng.randrange(len(records))
        original = records[index]
        mutated, mutations = mutate(rng, original)
        try:
            parsed = parse_study(mutated)
            prepared = prepare_record(mutated)
            # the build reads JSON text from bulk files: every tenth record that way too
            prepared_text = prepare_record(json.dumps(mutated)) if i % 10 == 0 else prepared
        except Exception as exc:  # noqa: BLE001 - counting crashes is the point
            figures["crashes"] += 1
            failures.append(f"crash {type(exc).__name__}: {exc} after {[m.field_path for m in mutations]}")
            continue
        assert isinstance(parsed, (Study, UnreadableRecord))
        assert isinstance(prepared, (PreparedStudy, UnreadableRecord))
        assert type(prepared_text) is type(prepared)
        assert isinstance(prepared, UnreadableRecord) == isinstance(parsed, UnreadableRecord)
        if isinstance(parsed, UnreadableRecord):
            figures["unreadable"] += 1
            continue
        touched = [path for path in ELIGIBILITY_FIELDS if touches(mutations, path)]
        for path in touched:
            value = _value_at(mutated, path)
            if value is not None and not isinstance(value, str):
                figures["looser"] += 1
                failures.append(f"{path} = {value!r} was read, not refused")
        if touched:
            continue
        if index not in original_cache:
            study = parse_study(original)
            original_cache[index] = (study, _excluded(study))
        study, excluded = original_cache[index]
        figures["untouched_checked"] += 1
        same = all(getattr(parsed, attr) == getattr(study, attr)
                   for attr in ("nct_id", "status", "min_age", "max_age", "min_age_days", "max_age_days", "sex"))
        still_excluded = all(before <= after for before, after in zip(excluded, _excluded(parsed)))
        if not (same and still_excluded):
            figures["looser"] += 1
            failures.append(f"{study.nct_id}: eligibility changed after {[m.field_path for m in mutations]}")
    figures["seconds"] = round(time.perf_counter() - started, 1)
    figures["failures"] = failures[:10]
    return figures


def _check(figures: dict) -> None:
    assert figures["crashes"] == 0, figures["failures"]
    assert figures["looser"] == 0, figures["failures"]
    # the mutations must reach both outcomes, or the test proves nothing
    assert figures["unreadable"] > figures["records"] // 50
    assert figures["untouched_checked"] > figures["records"] // 2


def test_fuzz_mutated_real_records_quick():
    _check(run_fuzz(400, seed=20261201))


@pytest.mark.slow
def test_fuzz_ten_thousand_mutated_real_records():
    figures = run_fuzz(10_000, seed=12)
    print("fuzz figures:", {k: v for k, v in figures.items() if k != "failures"})
    _check(figures)


def test_eligibility_paths_are_the_fields_the_property_names():
    assert set(ELIGIBILITY_FIELDS) <= ELIGIBILITY_PATHS
