"""Real clean text for the privacy screen to let through (used by its tests and bench/privacy.py)."""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from tests.shared_data import real_records

KNOWLEDGE = Path(__file__).resolve().parents[2] / "trialfind" / "knowledge" / "data"


def real_strings() -> dict[str, set[str]]:
    """Clean text from real sources, none of it personal: the drug table's names, the sponsor
    directory's companies, and the conditions, keywords and intervention names of the 1,795
    real ClinicalTrials.gov records."""
    groups: dict[str, set[str]] = defaultdict(set)
    with open(KNOWLEDGE / "drugs.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            for column in ("drug", "brands", "codes", "synonyms"):
                groups["drug table names"].update(v.strip() for v in (row[column] or "").split(";") if v.strip())
    with open(KNOWLEDGE / "sponsors.csv", encoding="utf-8", newline="") as handle:
        groups["directory companies"].update(row["company"] for row in csv.DictReader(handle) if row["company"])
    for record in real_records():
        protocol = record["protocolSection"]
        conditions = protocol.get("conditionsModule") or {}
        groups["record conditions"].update(conditions.get("conditions", []))
        groups["record keywords"].update(conditions.get("keywords", []))
        groups["record interventions"].update(
            i.get("name", "") for i in (protocol.get("armsInterventionsModule") or {}).get("interventions", []))
    return {name: {text for text in texts if text} for name, texts in groups.items()}
