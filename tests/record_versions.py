"""A second version of the real records, as the registry would serve it a week later.

`second_version(records, plan)` applies a `VersionPlan` to copies of the real v2 records:
studies closed (status to COMPLETED), opened (to RECRUITING), with new ages, given an
expanded-access link, and new studies added as copies under new NCT ids. Every touched
study gets a newer `lastUpdatePostDate`, as the registry does. The plan names what was
done, so a test can derive the differences it expects without hard-coding them.
"""
from __future__ import annotations

import copy
import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

UPDATE_DAY = "2026-11-30"  # after the newest real record (2026-06-02)
FIRST_NEW_NCT = 99_000_000


@dataclass
class VersionPlan:
    closed: list[str] = field(default_factory=list)                         # -> COMPLETED
    opened: list[str] = field(default_factory=list)                         # -> RECRUITING
    ages: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # -> (minimumAge, maximumAge)
    added: dict[str, str] = field(default_factory=dict)                     # new NCT id -> copied from
    added_as: dict[str, dict] = field(default_factory=dict)                 # new NCT id -> statusModule/design edits
    expanded_access: dict[str, tuple[str, str]] = field(default_factory=dict)  # NCT -> (EA NCT id, EA status)
    site_closed: dict[str, int] = field(default_factory=dict)  # NCT -> index of a location set to COMPLETED
    site_added: dict[str, int] = field(default_factory=dict)   # NCT -> index of a location copied as a new site
    day: str = UPDATE_DAY

    @property
    def touched(self) -> set[str]:
        return {*self.closed, *self.opened, *self.ages, *self.added, *self.expanded_access, *self.site_closed,
                *self.site_added}

    def add_copies(self, sources: Sequence[str], **edits) -> list[str]:
        """Copies of `sources` under fresh NCT ids (optionally with edits, see second_version)."""
        new_ids = []
        for source in sources:
            new_id = f"NCT{FIRST_NEW_NCT + len(self.added):08d}"
            self.added[new_id] = source
            if edits:
                self.added_as[new_id] = edits
            new_ids.append(new_id)
        return new_ids


def _id(record: dict) -> str:
    return record["protocolSection"]["identificationModule"]["nctId"]


def _bump(record: dict, day: str) -> None:
    status = record["protocolSection"].setdefault("statusModule", {})
    status["lastUpdatePostDateStruct"] = {"date": day, "type": "ACTUAL"}
    status["lastUpdateSubmitDate"] = day


def _set_ages(record: dict, ages: tuple[str | None, str | None]) -> None:
    eligibility = record["protocolSection"].setdefault("eligibilityModule", {})
    for key, value in zip(("minimumAge", "maximumAge"), ages):
        if value is None:
            eligibility.pop(key, None)
        else:
            eligibility[key] = value


def second_version(records: Iterable[dict], plan: VersionPlan) -> list[dict]:
    """The records with the plan applied (the originals are not modified); added copies last."""
    by_id = {}
    out = []
    for record in records:
        nct = _id(record)
        by_id[nct] = record
        if nct not in plan.touched:
            out.append(record)
            continue
        record = copy.deepcopy(record)
        status = record["protocolSection"].setdefault("statusModule", {})
        if nct in plan.closed:
            status["overallStatus"] = "COMPLETED"
        if nct in plan.opened:
            status["overallStatus"] = "RECRUITING"
        if nct in plan.ages:
            _set_ages(record, plan.ages[nct])
        if nct in plan.expanded_access:
            ea_id, ea_status = plan.expanded_access[nct]
            status["expandedAccessInfo"] = {"hasExpandedAccess": True, "nctId": ea_id, "statusForNctId": ea_status}
        locations = record["protocolSection"].get("contactsLocationsModule", {}).get("locations", [])
        if nct in plan.site_added:
            site = copy.deepcopy(locations[plan.site_added[nct]])
            site["facility"] = f"{site.get('facility') or 'Hospital'} Annex"
            site["status"] = "RECRUITING"
            locations.append(site)
        if nct in plan.site_closed:
            locations[plan.site_closed[nct]]["status"] = "COMPLETED"
        _bump(record, plan.day)
        out.append(record)
    for new_id, source in plan.added.items():
        record = copy.deepcopy(by_id[source])
        record["protocolSection"]["identificationModule"]["nctId"] = new_id
        edits = plan.added_as.get(new_id, {})
        if "status" in edits:
            record["protocolSection"]["statusModule"]["overallStatus"] = edits["status"]
        if "study_type" in edits:
            record["protocolSection"].setdefault("designModule", {})["studyType"] = edits["study_type"]
        _bump(record, plan.day)
        out.append(record)
    return out


def write_jsonl_gz(records: Iterable[dict], path: Path) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
