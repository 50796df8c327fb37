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
from trialfind.knowledge.targets import load_knowledge
from trialfind.output.formats import emit
from trialfind.output.render import render
from trialfind.trials import find_trials, get_study_details, normalise_nct_id


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
@click.option("--near", metavar="LAT,LON", default=None, help="Show the nearest site taking patients, e.g. 42.36,-71.06.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N trials.")
@click.option("--include-ineligible", is_flag=True, help="Also list trials whose ages or sex exclude the child.")
@click.option("--include-observational", is_flag=True,
              help="Also list observational studies (no study treatment), not only interventional trials.")
@knowledge_options
@output_options
@source_options
def trials(conditions, targets, age, sex, status, near, limit, include_ineligible, include_observational,
           targets_file, synonyms_file, fmt, output, excel, **options):
    """Open trials a child can join, best first, each with its reasons.

    Example: trialfind trials --condition neuroblastoma --target ALK --age 7
    """

    if not conditions and not targets:
        raise click.UsageError("give at least one --condition or --target")
    check_excel(fmt, excel)
    profile = ChildProfile.build(age, sex=sex, conditions=conditions, targets=targets, near=near)
    knowledge = load_knowledge(targets_file, synonyms_file)
    source = source_from_options(**pop_source_options(options))
    results = find_trials(profile, source=source, status=status.lower(), include_ineligible=include_ineligible,
                          limit=limit, include_observational=include_observational, knowledge=knowledge)
    emit(render(results, fmt, excel=excel), output)
    report_unreadable(results)


@click.command("study")
@click.argument("nct_id")
@output_options
@source_options
def study(nct_id, fmt, output, excel, **options):
    """Show one study by NCT id: summary, ages, criteria, contacts, sites."""

    normalise_nct_id(nct_id)  # a malformed id is a usage error before any network call
    check_excel(fmt, excel)
    source = source_from_options(**pop_source_options(options))
    emit(render(get_study_details(nct_id, source), fmt, excel=excel), output)
