"""`trialfind trials` (open trials a child can join) and `trialfind study NCT_ID`."""
from __future__ import annotations

import click

from trialfind.cli.options import (
    check_excel,
    knowledge_options,
    output_options,
    pop_source_options,
    report_unreadable,
    source_from_options,
    source_options,
)
from trialfind.core.profile import ChildProfile
from trialfind.knowledge.places import resolve_place
from trialfind.knowledge.targets import load_knowledge
from trialfind.output.progress import progress
from trialfind.output.render import emit_result
from trialfind.trials import find_trials, get_study_details, normalise_nct_id, study_page


@click.command("trials")
@click.option("--condition", "conditions", multiple=True, metavar="TEXT",
              help="The child's diagnosis, e.g. neuroblastoma (repeat for alternatives).")
@click.option("--target", "targets", multiple=True, metavar="TEXT",
              help="A tumour target such as ALK, 'BRAF V600E', 'NTRK fusion' (repeat for alternatives).")
@click.option("--age", required=True, metavar="AGE", help="The child's age: 7, 7y, 7y6m, 18m, 3w or 10d.")
@click.option("--sex", type=click.Choice(["female", "male"], case_sensitive=False), default=None,
              help="Studies for one sex only are then judged; without it they are 'uncertain'.")
@click.option("--status", type=click.Choice(["open", "all"], case_sensitive=False), default="open",
              show_default=True, help="open: recruiting (and, flagged, not yet recruiting / by invitation); "
                                      "all: also studies closed to new patients.")
@click.option("--near", metavar="PLACE", default=None,
              help="Show the nearest sites taking patients: a US ZIP code, 'Boston, MA', 'Lyon, France' or LAT,LON.")
@click.option("--within", metavar="DISTANCE", default=None,
              help="Only trials with a site taking patients this close, e.g. 300mi or 500km (needs --near).")
@click.option("--units", type=click.Choice(["mi", "km"], case_sensitive=False), default=None,
              help="Distances in miles or kilometres (default: miles for a US place, else km).")
@click.option("--sort", type=click.Choice(["fit", "distance"], case_sensitive=False), default="fit",
              show_default=True, help="fit: best match first; distance: nearest site first (needs --near).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N trials.")
@click.option("--include-ineligible", is_flag=True, help="Also list trials whose ages or sex exclude the child.")
@click.option("--include-observational", is_flag=True,
              help="Also list observational studies (no study treatment), not only interventional trials.")
@click.option("--purpose", type=click.Choice(["treatment", "supportive", "any"], case_sensitive=False),
              default="any", show_default=True,
              help="treatment: only trials that treat the disease; supportive: supportive care and prevention; "
                   "any: all (treatment trials are listed first).")
@knowledge_options
@output_options
@source_options
def trials(conditions, targets, age, sex, status, near, within, units, sort, limit, include_ineligible,
           include_observational, purpose, targets_file, synonyms_file, fmt, output, excel, **options):
    """Open trials a child can join, best first, each with its reasons.

    Example: trialfind trials --condition neuroblastoma --target ALK --age 7
    """

    if not conditions and not targets:
        raise click.UsageError("give at least one --condition or --target")
    check_excel(fmt, excel)
    place = resolve_place(near) if near else None
    profile = ChildProfile.build(age, sex=sex, conditions=conditions, targets=targets,
                                 near=place.point if place else None)
    knowledge = load_knowledge(targets_file, synonyms_file)
    source = source_from_options(**pop_source_options(options))
    with progress("Searching trials"):
        results = find_trials(profile, source=source, status=status.lower(), include_ineligible=include_ineligible,
                              limit=limit, include_observational=include_observational, knowledge=knowledge,
                              purpose=purpose.lower(), place=place, within=within, units=units, sort=sort.lower())
    emit_result(results, fmt, output, excel=excel)
    report_unreadable(results)


@click.command("study")
@click.argument("nct_id")
@click.option("--near", metavar="PLACE", default=None,
              help="List the nearest sites taking patients first, with their contacts: ZIP, 'City, ST' or LAT,LON.")
@click.option("--units", type=click.Choice(["mi", "km"], case_sensitive=False), default=None,
              help="Distances in miles or kilometres (default: miles for a US place, else km).")
@output_options
@source_options
def study(nct_id, near, units, fmt, output, excel, **options):
    """Show one study by NCT id: summary, ages, criteria, contacts, sites."""

    normalise_nct_id(nct_id)  # a malformed id is a usage error before any network call
    check_excel(fmt, excel)
    source = source_from_options(**pop_source_options(options))
    if near:
        emit_result(study_page(nct_id, source, near=near, units=units), fmt, output, excel=excel)
    else:
        emit_result(get_study_details(nct_id, source), fmt, output, excel=excel)
