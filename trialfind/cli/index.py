"""`trialfind index`: build and inspect the offline local index."""
from __future__ import annotations

import sys

import click

from trialfind.core.config import api_url as resolve_api_url
from trialfind.core.config import cache_dir as resolve_cache_dir
from trialfind.core.config import ensure_writable_dir
from trialfind.core.config import rate_limit as resolve_rate_limit
from trialfind.core.errors import InvalidInput
from trialfind.core.study import UnreadableRecord, unreadable_message
from trialfind.sources import open_source
from trialfind.sources.ctgov import CtgovClient
from trialfind.sources.fields import FULL_SITE_FIELDS
from trialfind.sources.local.build import build_index
from trialfind.sources.local.bulk import RecordStream, open_bulk_source
from trialfind.sources.local.store import LocalIndex
from trialfind.sources.local.update import describe_update, update_index
from trialfind.trials import fetch_everything_spec


def _human_bytes(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def _progress_printer(enabled: bool):
    if not enabled:
        return None

    def show(report, fraction):
        share = f" ({fraction:.0%})" if fraction is not None else ""
        sys.stderr.write(f"\r  {report.read:,} records read{share}, {report.inserted + report.replaced:,} written   ")
        sys.stderr.flush()

    return show


def index_source_options(func):
    """--cache-dir, --api-url, --rate-limit and --format, as `index build` and `index update` take them."""
    for decorator in reversed([
        click.option("--cache-dir", envvar="TRIALFIND_CACHE_DIR", default=None, type=click.Path(file_okay=False),
                     help="Where the index is kept."),
        click.option("--api-url", envvar="TRIALFIND_API_URL", default=None, help="ClinicalTrials.gov API v2 base URL."),
        click.option("--rate-limit", type=click.FloatRange(min=0.1), default=None,
                     help="Most API requests per minute."),
        click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True),
    ]):
        func = decorator(func)
    return func


@click.group()
def index() -> None:
    """Offline local index of ClinicalTrials.gov studies (SQLite, in the cache directory).

    Build it once from the ClinicalTrials.gov bulk download, then add --offline
    (or set TRIALFIND_OFFLINE=1) to trials, candidates and sponsor.
    """


@index.command("build")
@click.argument("source", required=False, type=click.Path(exists=True, dir_okay=True, readable=True))
@click.option("--from-api", is_flag=True, help="Page studies from the ClinicalTrials.gov API into the index.")
@click.option("--condition", "conditions", multiple=True, help="With --from-api: a condition to fetch (repeatable).")
@click.option("--target", "targets", multiple=True, help="With --from-api: a gene target such as ALK (repeatable).")
@click.option("--fresh", is_flag=True, help="Start from an empty index instead of updating the existing one.")
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Parser processes beside the writer (default: CPUs - 1, 0 = none).")
@click.option("--progress/--no-progress", default=None, help="Show progress on stderr (default: when a terminal).")
@index_source_options
def build(source, from_api, conditions, targets, fresh, workers, progress, cache_dir, api_url, rate_limit, fmt):
    """Build or update the index from SOURCE (bulk zip, folder of NCT*.json, ctg-studies.json,
    JSONL or JSONL.gz of v2 records), or from the API with --from-api.

    Studies are upserted by NCT id, keeping the record with the newer last-update date.
    The index is replaced only when the build completes.
    """

    if bool(source) == bool(from_api):
        raise InvalidInput("give either a SOURCE file or --from-api (with --condition / --target)")
    if (conditions or targets) and not from_api:
        raise InvalidInput("--condition and --target only apply with --from-api")
    directory = ensure_writable_dir(resolve_cache_dir(cache_dir), "index folder")
    if from_api:
        records = _api_records(conditions, targets, api_url, cache_dir, rate_limit)
    else:
        records = open_bulk_source(source)
    show = _progress_printer(sys.stderr.isatty() if progress is None else progress)
    report = build_index(records, directory, fresh=fresh, workers=workers, progress=show)
    if show:
        sys.stderr.write("\n")
    if fmt == "json":
        import json

        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(f"Index {report.path}: {report.studies:,} studies "
                   f"({report.inserted:,} new, {report.replaced:,} updated, {report.kept_existing:,} older or "
                   f"smaller copies ignored, {report.skipped_invalid:,} records could not be read) "
                   f"in {report.seconds:.1f} s.")
    message = unreadable_message([UnreadableRecord(**u) for u in report.unreadable], total=report.skipped_invalid)
    if message:
        click.echo(f"Warning: {message}; they are not in the index.", err=True)


def _api_records(conditions, targets, api_url, cache_dir, rate_limit):
    if not (conditions or targets):
        raise InvalidInput("--from-api needs at least one --condition or --target")
    # One page walk for everything asked (any status): the index answers finer questions later.
    spec = fetch_everything_spec(conditions, targets)
    # Full site lists (contacts included): the index's get_study serves the study view offline.
    client = open_source(api_url=api_url, cache_dir=cache_dir, offline=False, rate_limit=rate_limit,
                         fields=FULL_SITE_FIELDS)
    label = "ClinicalTrials.gov API: " + "; ".join(
        [*(f"condition {c}" for c in conditions), *(f"target {t}" for t in targets)])
    return RecordStream(iter(client.search(spec)), label)


@index.command("update")
@click.argument("source", required=False, type=click.Path(exists=True, dir_okay=True, readable=True))
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Parser processes beside the writer (default: none from the API, CPUs - 1 from a file).")
@click.option("--progress/--no-progress", default=None, help="Show progress on stderr (default: when a terminal).")
@index_source_options
def update(source, workers, progress, cache_dir, api_url, rate_limit, fmt):
    """Fetch only the studies updated since the index's newest one and replace them in place.

    From the API (default: one page walk of `AREA[LastUpdatePostDate]RANGE[date, MAX]`) or from
    SOURCE, a newer bulk file (only its records from that date on are read into the index).
    One transaction on the index file: a failed or interrupted update changes nothing.
    `index build --fresh` still rebuilds the index whole.
    """

    # Full records (no fields=): the index then holds what a full build from the bulk file holds.
    client = None if source else CtgovClient(base_url=resolve_api_url(api_url), cache_dir=None, fields=None,
                                             rate_limit_per_minute=resolve_rate_limit(rate_limit))
    show = _progress_printer(sys.stderr.isatty() if progress is None else progress)
    report = update_index(resolve_cache_dir(cache_dir), client=client, bulk=source, workers=workers, progress=show)
    if show:
        sys.stderr.write("\n")
    if fmt == "json":
        import json

        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    click.echo(describe_update(report))


@index.command("info")
@click.option("--cache-dir", envvar="TRIALFIND_CACHE_DIR", default=None, type=click.Path(file_okay=False),
              help="Where the index is kept.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def info(cache_dir, fmt):
    """How many studies the index holds, how fresh it is, and its size."""

    with LocalIndex.open(resolve_cache_dir(cache_dir)) as local:
        details = local.info()
    if fmt == "json":
        import json

        click.echo(json.dumps(details.to_dict(), indent=2))
        return
    lines = [
        ("Index", details.path),
        ("Studies", f"{details.studies:,}"),
        ("Newest last update", details.newest_last_update or "unknown"),
        ("Size on disk", _human_bytes(details.size_bytes)),
        ("Last built or updated", details.build_date or "unknown"),
        ("Source", details.source or "unknown"),
    ]
    if not details.up_to_date:
        lines.append(("Note", "built by an older trialfind: the next `trialfind index build` re-derives it"))
    width = max(len(k) for k, _ in lines)
    for key, value in lines:
        click.echo(f"{key + ':':<{width + 1}} {value}")
