"""`trialfind mcp`: serve trialfind's tools to an AI assistant over stdio (Model Context Protocol)."""
from __future__ import annotations

import click

from trialfind.cli.options import pop_source_options, source_from_options, source_options
from trialfind.mcp.server import run_stdio


@click.command("mcp")
@click.option("--db", default=None, metavar="PATH|URL",
              help="Registry read by registry_stats (default $TRIALFIND_REGISTRY_URL, else the default file).")
@source_options
def mcp(db, **options):
    """Start a Model Context Protocol server over stdio (for Claude Desktop and other MCP clients).

    It answers with the same library as the commands: find_trials, get_study, find_candidates,
    sponsor_policy, request_packet (writes nothing, takes no patient data), registry_stats.
    """
    source_kwargs = pop_source_options(options)
    run_stdio(lambda: source_from_options(**source_kwargs), registry_db=db)
