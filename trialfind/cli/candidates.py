"""`trialfind candidates`: drugs acting on the child's target that the child cannot get in a trial."""
from __future__ import annotations

import click

from trialfind.access.candidates import find_candidates
from trialfind.cli.options import (
    check_excel,
    knowledge_options,
    output_options,
    pop_source_options,
    report_unreadable,
    source_from_options,
    source_options,
)
from trialfind.core.ages import parse_child_age
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.knowledge.targets import load_knowledge
from trialfind.output.progress import progress
from trialfind.output.render import emit_result
from trialfind.sources.fields import CANDIDATE_FIELDS


@click.command("candidates")
@click.option("--target", "targets", multiple=True, required=True, metavar="TEXT",
              help="Tumour target: a gene with optional alteration (ALK, 'BRAF V600E', 'NTRK fusion'); repeatable.")
@click.option("--age", required=True, help="Child's age: 7, 7y, 7y6m, 18m, 3w or 10d.")
@click.option("--condition", "conditions", multiple=True, metavar="TEXT",
              help="Child's condition: open trials for other conditions then do not rule a drug out; repeatable.")
@knowledge_options
@output_options
@source_options
def candidates(targets, age, conditions, targets_file, synonyms_file, fmt, output, excel, **options):
    """Compassionate-use candidates: drugs acting on the child's target whose trials
    in the data admit no child of this age, best evidence first.

    Example: trialfind candidates --target ALK --age 7
    """
    check_excel(fmt, excel)
    knowledge = load_knowledge(targets_file, synonyms_file)
    parse_child_age(age)  # usage errors before any request
    for target in targets:
        resolve_target(target, knowledge)
    source = source_from_options(fields=CANDIDATE_FIELDS, **pop_source_options(options))
    with progress(f"Searching drugs on {', '.join(targets)}"):  # one page walk per target: can take a while
        found = find_candidates(list(targets), age, condition=conditions, source=source, knowledge=knowledge)
    emit_result(found, fmt, output, excel=excel)
    report_unreadable(found)
