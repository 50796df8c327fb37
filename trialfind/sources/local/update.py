"""Incremental refresh of the local index: fetch only what changed since its newest record.

The index remembers the newest last-update date among its studies. An update asks the
API for every study whose last update was posted on or after that date
(`AREA[LastUpdatePostDate]RANGE[date, MAX]`, one page walk of full records) or reads a
newer bulk file keeping only records from that date on, and upserts them through
`build_index`: the newer last update wins, and the new index replaces the old one only
once complete, so a failed update leaves the previous index as it was.

The day itself is fetched again (on or after, not after): the registry posts a day's
updates in more than one batch, so a study posted later on the index's newest day would
otherwise be missed for good. It costs the few studies of that one day.

The update is not limited to what the index was built from: an index built with
`index build --from-api --condition glioma` gains every study updated since, whatever its
condition. Answers stay right (sources retrieve generously, the matchers decide); the
index only grows.
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from trialfind.core.errors import InvalidInput
from trialfind.sources.ctgov import CtgovClient
from trialfind.sources.local.index import LocalIndex, RecordStream, build_index, index_path, open_bulk_source

# The last-update date as it appears in a v2 record's JSON text (read without parsing it).
_LAST_UPDATE_TEXT = re.compile(rb'"lastUpdatePostDateStruct"\s*:\s*\{[^{}]*?"date"\s*:\s*"([0-9-]+)"')


@dataclass
class UpdateReport:
    path: str
    source: str
    since: str                     # the index's newest last update before the update
    fetched: int = 0               # records taken from the source (on or after `since`)
    skipped_older: int = 0         # bulk file: records before `since`, not read further
    inserted: int = 0
    replaced: int = 0
    kept_existing: int = 0         # not newer than the stored copy
    studies: int = 0
    newest_last_update: str | None = None
    requests: int | None = None    # API: HTTP requests of the page walk
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def index_newest_update(cache_dir: str | os.PathLike) -> str:
    """The newest last-update date in the index (YYYY-MM-DD); the index must exist."""
    with LocalIndex.open(cache_dir) as local:
        newest = local.info().newest_last_update
    if not newest:
        raise InvalidInput(f"the index at {index_path(cache_dir)} records no last-update dates, so it cannot be "
                           "updated incrementally: rebuild it with `trialfind index build --fresh SOURCE`")
    return newest if len(newest) == 10 else f"{newest[:7]}-01"  # a month-only date: from its first day


def _record_date(item: dict | str | bytes) -> str | None:
    if isinstance(item, dict):
        struct = ((item.get("protocolSection") or {}).get("statusModule") or {}).get("lastUpdatePostDateStruct")
        return struct.get("date") if isinstance(struct, dict) else None
    raw = item if isinstance(item, bytes) else item.encode("utf-8")
    found = _LAST_UPDATE_TEXT.search(raw)
    return found.group(1).decode() if found else None


def _counted(items: Iterator, report: UpdateReport, since: str | None) -> Iterator:
    for item in items:
        if since is not None:
            day = _record_date(item)
            if day is not None and day < since:
                report.skipped_older += 1
                continue  # undated records go through: the build decides on them
        report.fetched += 1
        yield item


def update_index(cache_dir: str | os.PathLike, *, client: CtgovClient | None = None,
                 bulk: str | os.PathLike | None = None, workers: int | None = None,
                 progress: Callable | None = None) -> UpdateReport:
    """Bring the index in `cache_dir` up to date from the API (`client`) or a newer bulk file.

    Exactly one of `client` and `bulk`. The client should fetch full records
    (`CtgovClient(fields=None)`), so the updated index holds what a full build holds.
    """
    if (client is None) == (bulk is None):
        raise InvalidInput("update the index either from the API or from a bulk file, not both or neither")
    since = index_newest_update(cache_dir)
    started = time.perf_counter()
    if client is not None:
        label = f"ClinicalTrials.gov API {client.base_url}: studies updated on or after {since}"
        report = UpdateReport(path=str(index_path(cache_dir)), source=label, since=since)
        records = RecordStream(_counted(client.updated_since(since), report, None), label)
        workers = 0 if workers is None else workers  # a day's or a week's changes: not worth a process pool
    else:
        stream = open_bulk_source(Path(bulk))
        label = f"{stream.label} (studies updated on or after {since})"
        report = UpdateReport(path=str(index_path(cache_dir)), source=label, since=since)
        records = RecordStream(_counted(stream.items, report, since), label, stream.fraction_done)
    # No FTS5 optimize: it rewrites the whole text index, the cost of a full build; automerge keeps it tidy.
    built = build_index(records, cache_dir, workers=workers, progress=progress, optimize=False)
    if client is not None:
        report.requests = client.last_search_stats.requests
    report.inserted, report.replaced, report.kept_existing = built.inserted, built.replaced, built.kept_existing
    report.studies = built.studies
    with LocalIndex.open(cache_dir) as local:
        report.newest_last_update = local.info().newest_last_update
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def describe_update(report: UpdateReport) -> str:
    """One plain line about an update."""
    cost = f" in {report.requests} request{'s' * (report.requests != 1)}" if report.requests is not None else ""
    return (f"Index {report.path}: {report.fetched:,} studies updated since {report.since} read{cost} "
            f"({report.inserted:,} new, {report.replaced:,} replaced, {report.kept_existing:,} not newer than the "
            f"stored copy); {report.studies:,} studies, newest update {report.newest_last_update or 'unknown'}, "
            f"{report.seconds:.1f} s.")

