"""`trialfind watch`: saved searches, and what changed since last time."""
from __future__ import annotations

import json

import click

from trialfind.cli.options import pop_source_options, source_from_options, source_options
from trialfind.core.ages import describe_days
from trialfind.core.config import data_dir
from trialfind.output.formats import atomic_write_text, emit
from trialfind.watch.report import digest_html, digest_json, digest_text
from trialfind.watch.run import add_watch, run_watches
from trialfind.watch.store import WatchStore

NO_CHANGES_EXIT = 3  # for cron: 0 means there is something to read


def _store(data_directory) -> WatchStore:
    return WatchStore(data_dir(data_directory) / "watches")


data_option = click.option("--data-dir", envvar="TRIALFIND_DATA_DIR", default=None, type=click.Path(file_okay=False),
                           help="Where watches are kept (default: the user's data directory).")


@click.group()
def watch() -> None:
    """Saved searches: re-run them and see what changed (new trials, trials that opened or
    closed, new sites nearby, new compassionate-use candidates and expanded-access records).

    A watch stores the search, not who it is for: no names, birth dates or contacts.
    """


@watch.command("add")
@click.argument("name")
@click.option("--condition", "conditions", multiple=True, metavar="TEXT", help="The diagnosis (repeatable).")
@click.option("--target", "targets", multiple=True, metavar="TEXT", help="A tumour target such as ALK (repeatable).")
@click.option("--age", required=True, metavar="AGE",
              help="The child's age today (7, 7y6m, 18m): stored with today's date, so the child ages with time.")
@click.option("--near", metavar="LAT,LON", default=None, help="Follow sites near here (stored rounded to ~10 km).")
@click.option("--within", "within_km", type=float, default=None, metavar="KM",
              help="Radius for sites, in km (default 100 with --near).")
@data_option
def add(name, conditions, targets, age, near, within_km, data_dir):
    """Save a search under NAME, a short label such as glioma-alk (not the child's name)."""
    search = add_watch(_store(data_dir), name, conditions=conditions, targets=targets, age=age, near=near,
                       within_km=within_km)
    click.echo(f"Watching {search.name!r}: {', '.join([*search.conditions, *search.targets])}, "
               f"age {describe_days(search.age_days)} today. `trialfind watch run` shows what is new.")


@watch.command("list")
@data_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def list_watches(data_dir, fmt):
    """The saved searches and when each last ran."""
    watches = _store(data_dir).all()
    if fmt == "json":
        click.echo(json.dumps([{**w.search.to_dict(), "last_run": (w.answer or {}).get("taken_on")}
                               for w in watches], indent=2))
        return
    if not watches:
        click.echo("No watches yet: `trialfind watch add NAME --condition ... --age ...`.")
    for w in watches:
        s = w.search
        where = f", sites within {s.within_km:.0f} km of {s.near[0]},{s.near[1]}" if s.near else ""
        last = (w.answer or {}).get("taken_on") or "never"
        click.echo(f"{s.name}: {', '.join([*s.conditions, *s.targets])}; age {describe_days(s.age_days)} on "
                   f"{s.age_given_on}{where}; last run {last}")


@watch.command("remove")
@click.argument("name")
@data_option
def remove(name, data_dir):
    """Delete a saved search and its last answer."""
    click.echo(f"Removed watch {_store(data_dir).remove(name)!r}.")


@watch.command("run")
@click.argument("names", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Write the digest to FILE instead of the screen.")
@click.option("--html", "html_file", type=click.Path(dir_okay=False), default=None,
              help="Also write the digest as a self-contained HTML page to FILE.")
@data_option
@source_options
@click.pass_context
def run(ctx, names, fmt, output, html_file, data_dir, **options):
    """Re-run the saved searches (all, or the NAMES given) and show what changed since the last run.

    Exit code 0 when something changed, 3 when nothing did (for cron). The answers are stored
    only when every search completed.
    """
    source = source_from_options(**pop_source_options(options))
    results = run_watches(_store(data_dir), names, source=source)
    emit(digest_json(results) if fmt == "json" else digest_text(results), output)
    if html_file:
        atomic_write_text(html_file, digest_html(results))
    if not any(r.changes for r in results):
        ctx.exit(NO_CHANGES_EXIT)
