"""bench/quality/labels.tsv is well-formed and every label is backed by the record itself:
its evidence quote occurs verbatim (whitespace collapsed) in one text field of that real
ClinicalTrials.gov record. This is the guard against invented labels."""
from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from tests.shared_data import real_records

QUALITY_DIR = Path(__file__).resolve().parent.parent / "bench" / "quality"
LABELS_FILE = QUALITY_DIR / "labels.tsv"
QUERIES_FILE = QUALITY_DIR / "queries.tsv"
COLUMNS = ["kind", "query", "nct_id", "label", "evidence", "field"]
KNOWN_LABELS = {
    "target": {"requires", "drug_only", "excluded_or_negated", "other"},
    "condition": {"named", "broader", "excluded", "other"},
}
MAX_EVIDENCE = 200
NCT_ID = re.compile(r"^NCT\d{8}$")


def _read_tsv(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return list(reader.fieldnames or []), list(reader)


@lru_cache(maxsize=1)
def _labels() -> tuple[list[str], list[dict]]:
    return _read_tsv(LABELS_FILE)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@lru_cache(maxsize=1)
def _record_texts() -> dict[str, tuple[str, ...]]:
    """nct_id -> every text field of the record, whitespace collapsed."""
    return {
        r["protocolSection"]["identificationModule"]["nctId"]: tuple(_collapse(s) for s in _strings(r))
        for r in real_records()
    }


def test_labels_file_has_the_documented_columns_and_rows():
    columns, rows = _labels()
    assert columns == COLUMNS
    assert rows, "labels.tsv has no labels"
    for row in rows:
        assert None not in row, f"a row has more fields than the header: {row}"
        assert all(row[c] for c in COLUMNS), f"empty cell in {row}"


def test_kinds_and_labels_are_known():
    _, rows = _labels()
    unknown = [(r["kind"], r["label"], r["nct_id"]) for r in rows
               if r["label"] not in KNOWN_LABELS.get(r["kind"], ())]
    assert unknown == []


def test_nct_ids_are_well_formed_and_in_the_real_records():
    _, rows = _labels()
    malformed = [r["nct_id"] for r in rows if not NCT_ID.match(r["nct_id"])]
    assert malformed == []
    missing = sorted({r["nct_id"] for r in rows} - set(_record_texts()))
    assert missing == []


def test_no_duplicate_label_for_one_query_and_study():
    _, rows = _labels()
    counts = Counter((r["kind"], r["query"], r["nct_id"]) for r in rows)
    assert [key for key, n in counts.items() if n > 1] == []


def test_every_labelled_query_is_listed_in_queries_tsv():
    _, queries = _read_tsv(QUERIES_FILE)
    listed = {(q["kind"], q["query"]) for q in queries}
    _, rows = _labels()
    assert sorted({(r["kind"], r["query"]) for r in rows} - listed) == []
    for query in queries:
        assert query["flag"] == f"--{query['kind']}"
        assert query["values"].split("|")[0], f"no flag value for {query}"


def test_evidence_is_short_and_on_one_line():
    _, rows = _labels()
    too_long = [(r["nct_id"], len(r["evidence"])) for r in rows if len(r["evidence"]) > MAX_EVIDENCE]
    assert too_long == []
    assert [r["nct_id"] for r in rows if "\n" in r["evidence"] or "\r" in r["evidence"]] == []


def test_every_evidence_quote_occurs_in_its_record():
    _, rows = _labels()
    texts = _record_texts()
    not_found = [(r["query"], r["nct_id"], r["evidence"][:60]) for r in rows
                 if not any(_collapse(r["evidence"]) in text for text in texts.get(r["nct_id"], ()))]
    assert not_found == []
