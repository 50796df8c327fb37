"""Where the real data lives: ../shared beside the checkout (never copied into the repo)."""
from __future__ import annotations

import gzip
import json
import os
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("TRIALFIND_SHARED_DIR", REPO_ROOT.parent / "shared"))
CTGOV_DIR = SHARED_DIR / "data" / "ctgov"
STUDIES_FILE = CTGOV_DIR / "studies.jsonl.gz"
PARTIAL_STUDIES_FILE = CTGOV_DIR / "studies_partial.jsonl.gz"
SPONSORS_DIR = SHARED_DIR / "data" / "sponsors"
TARGETS_DIR = SHARED_DIR / "data" / "targets"


def read_jsonl_gz(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@lru_cache(maxsize=None)
def real_records() -> tuple[dict, ...]:
    """The 1,795 complete real ClinicalTrials.gov v2 records."""
    return tuple(read_jsonl_gz(STUDIES_FILE))


@lru_cache(maxsize=None)
def real_partial_records() -> tuple[dict, ...]:
    return tuple(read_jsonl_gz(PARTIAL_STUDIES_FILE))
