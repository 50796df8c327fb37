"""Options shared by commands: where studies come from, and how output is written."""
from __future__ import annotations

import click

from trialfind.core.study import unreadable_message
from trialfind.output.formats import FORMATS
from trialfind.sources import open_source


def source_options(func):
    """--api-url, --cache-dir, --no-cache, --refresh, --offline, --rate-limit."""
    decorators = [
        click.option("--api-url", envvar="TRIALFIND_API_URL", default=None,
                     help="ClinicalTrials.gov API v2 base URL (default https://clinicaltrials.gov/api/v2)."),
        click.option("--cache-dir", envvar="TRIALFIND_CACHE_DIR", default=None, type=click.Path(file_okay=False),
                     help="Where responses and the local index are kept."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the response cache."),
        click.option("--refresh", is_flag=True, help="Ignore cached responses, fetch again and re-cache."),
        click.option("--offline", is_flag=True, default=None, help="Use the local index only (also TRIALFIND_OFFLINE=1)."),
        click.option("--rate-limit", type=click.FloatRange(min=0.1), default=None,
                     help="Most API requests per minute (default 50)."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def knowledge_options(func):
    """--targets-file and --synonyms-file: a user's drug-target export instead of the built-in table."""
    func = click.option("--synonyms-file", type=click.Path(exists=True, dir_okay=False), default=None,
                        help="With --targets-file: drug synonyms in the layout of drug_synonyms.tsv.")(func)
    func = click.option("--targets-file", type=click.Path(exists=True, dir_okay=False), default=None,
                        help="Drug-target table in the layout of pharmOncoX drug_targets.tsv "
                             "(e.g. a fresh ChEMBL export).")(func)
    return func


def output_options(func):
    """--format, --output, --excel."""
    func = click.option("--excel", is_flag=True,
                        help="With --format csv: start the file with a UTF-8 byte-order mark, so Excel reads "
                             "accented letters right.")(func)
    func = click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None,
                        help="Write to FILE instead of the screen (its folder must exist).")(func)
    func = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="Output format.")(func)
    return func


def check_excel(fmt: str, excel: bool) -> None:
    if excel and fmt != "csv":
        raise click.UsageError("--excel applies to --format csv only")


def report_unreadable(result) -> None:
    """Name on stderr the records a result's sources gave that could not be read."""
    message = unreadable_message(getattr(result, "unreadable", None) or ())
    if message:
        click.echo(f"Warning: {message}; the results leave them out.", err=True)


def source_from_options(api_url=None, cache_dir=None, no_cache=False, refresh=False, offline=None,
                        rate_limit=None, fields=None, **_ignored):
    return open_source(api_url=api_url, cache_dir=cache_dir, use_cache=not no_cache, refresh=refresh,
                       offline=offline, rate_limit=rate_limit, fields=fields)


def pop_source_options(kwargs: dict) -> dict:
    keys = ("api_url", "cache_dir", "no_cache", "refresh", "offline", "rate_limit")
    return {k: kwargs.pop(k) for k in keys if k in kwargs}
