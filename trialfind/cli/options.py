"""Options shared by commands: where studies come from, and how output is written."""
from __future__ import annotations

import click

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


def output_options(func):
    func = click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None,
                        help="Write to FILE instead of the screen.")(func)
    func = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="Output format.")(func)
    return func


def source_from_options(api_url=None, cache_dir=None, no_cache=False, refresh=False, offline=None,
                        rate_limit=None, fields=None, **_ignored):
    return open_source(api_url=api_url, cache_dir=cache_dir, use_cache=not no_cache, refresh=refresh,
                       offline=offline, rate_limit=rate_limit, fields=fields)


def pop_source_options(kwargs: dict) -> dict:
    keys = ("api_url", "cache_dir", "no_cache", "refresh", "offline", "rate_limit")
    return {k: kwargs.pop(k) for k in keys if k in kwargs}
