"""`trialfind report`: the family report, one self-contained HTML page."""
from __future__ import annotations

import click

from trialfind.cli.options import pop_source_options, source_from_options, source_options
from trialfind.output.family_report import family_report, render_family_report
from trialfind.output.formats import atomic_write_text, emit
from trialfind.output.progress import progress


@click.command("report")
@click.option("--condition", "conditions", multiple=True, metavar="TEXT", help="The child's diagnosis, e.g. glioma.")
@click.option("--target", "targets", multiple=True, metavar="TEXT",
              help="The tumour's target, e.g. ALK: also lists drugs studied only in adults (compassionate use).")
@click.option("--age", required=True, metavar="AGE", help="The child's age: 7, 7y6m, 18m.")
@click.option("--near", metavar="PLACE", default=None, help="A US ZIP code, 'Boston, MA', 'Lyon, France' or LAT,LON.")
@click.option("--within", metavar="DISTANCE", default=None, help="Only trials with a site this close, e.g. 300mi.")
@click.option("--units", type=click.Choice(["mi", "km"], case_sensitive=False), default=None,
              help="Distances in miles or kilometres (default: miles for a US place, else km).")
@click.option("--status", type=click.Choice(["open", "all"], case_sensitive=False), default="open", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most N trials.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), required=True,
              help="The HTML file to write (- for the screen).")
@source_options
def report(conditions, targets, age, near, within, units, status, limit, output, **options):
    """Write the family report: trials, compassionate-use candidates, contacts and next steps.

    Example: trialfind report --condition neuroblastoma --target ALK --age 7 --near "Boston, MA" -o child.html
    Open it in any browser; it works offline and prints well (use the browser's Print to get a PDF).
    """

    if not conditions and not targets:
        raise click.UsageError("give at least one --condition or --target")
    source = source_from_options(**pop_source_options(options))
    with progress("Searching trials and candidates"):
        built = family_report(condition=conditions, target=targets, age=age, near=near, within=within,
                              units=units, status=status.lower(), source=source, limit=limit)
    html = render_family_report(built)
    if output == "-":
        emit(html, None)
    else:
        atomic_write_text(output, html)
        click.echo(f"Wrote {output}: {built.summary}", err=True)
