"""`trialfind candidates`: drugs acting on the child's target that the child cannot get in a trial."""
from __future__ import annotations

import click

from trialfind.access.candidates import find_candidates
from trialfind.cli.options import output_options, pop_source_options, source_from_options, source_options
from trialfind.core.ages import describe_days, parse_child_age
from trialfind.knowledge.targets import load_knowledge, resolve_target
from trialfind.output.formats import emit, render
from trialfind.sources.fields import CANDIDATE_FIELDS

ROW_COLUMNS = (
    "drug", "aliases", "targets", "mechanism", "candidate", "trials", "adult_only_trials", "pediatric_trials",
    "other_studies", "open_trials_for_child", "highest_phase", "phase1_completed", "approved", "first_approval",
    "latest_update", "company", "sponsors", "ea_records", "ea_available", "related_ea_records", "ea_policy",
    "ea_policy_basis", "score", "reasons", "nct_ids", "urls", "knowledge_source",
)
FOOTER = ("Data: ClinicalTrials.gov, data version {version}; drug knowledge: {knowledge}. "
          "Not medical advice: a candidate is a question for the child's doctor and the company, not a promise.")


def _phase(value: str | None) -> str:
    return (value or "").replace("EARLY_PHASE1", "early 1").replace("PHASE", "")


def table_rows(rows: list[dict]) -> list[dict]:
    out = []
    for row in rows:
        ea = row["ea_records"]
        out.append({
            "drug": row["drug"],
            "targets": ", ".join(row["targets"]),
            "trials": f"{row['trials']} ({row['adult_only_trials']} adult-only)",
            "phase": _phase(row["highest_phase"]),
            "ph1 done": "yes" if row["phase1_completed"] else "no",
            "approved": (f"yes {row['first_approval'] or ''}".strip() if row["approved"]
                         else "no" if row["approved"] is False else "?"),
            "expanded access": ("AVAILABLE" if row["ea_available"] else f"{len(ea)} record(s)" if ea else "none"),
            "EA policy": "yes" if row["ea_policy"] else "",
            # the drug's company, not a trial sponsor: combination trials are often run by another company
            "company": row.get("company") or "not recorded",
            "updated": row["latest_update"] or "",
            "score": row["score"],
        })
    return out


@click.command("candidates")
@click.option("--target", "targets", multiple=True, required=True, metavar="TEXT",
              help="Tumour target: a gene with optional alteration (ALK, 'BRAF V600E', 'NTRK fusion'); repeatable.")
@click.option("--age", required=True, help="Child's age: 7, 7y, 7y6m, 18m, 3w or 10d.")
@click.option("--condition", "conditions", multiple=True, metavar="TEXT",
              help="Child's condition: open trials for other conditions then do not rule a drug out; repeatable.")
@click.option("--targets-file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Drug-target table in the layout of pharmOncoX drug_targets.tsv (e.g. a fresh ChEMBL export).")
@click.option("--synonyms-file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="With --targets-file: drug synonyms in the layout of drug_synonyms.tsv.")
@output_options
@source_options
def candidates(targets, age, conditions, targets_file, synonyms_file, fmt, output, **options):
    """Compassionate-use candidates: drugs acting on the child's target whose trials
    in the data admit no child of this age, best evidence first.

    Example: trialfind candidates --target ALK --age 7
    """

    knowledge = load_knowledge(targets_file, synonyms_file)
    age_days = parse_child_age(age)  # a usage error before any request
    for target in targets:  # usage errors before any request
        resolve_target(target, knowledge)
    source = source_from_options(fields=CANDIDATE_FIELDS, **pop_source_options(options))
    found = find_candidates(list(targets), age, condition=conditions, source=source, knowledge=knowledge)
    rows = found.rows()
    if fmt != "table":
        emit(render(rows, fmt, columns=ROW_COLUMNS), output)
        return

    asked = ", ".join(q.label for q in found.queries)
    lines = []
    if rows:
        lines.append(render(table_rows(rows), "table"))
        lines.append(f"{len(rows)} compassionate-use candidate{'s' * (len(rows) != 1)} for {asked}, "
                     f"age {describe_days(age_days)}, best evidence first; --format json shows the reasons, "
                     "trials and expanded-access records.")
    else:
        lines.append(f"No compassionate-use candidates for {asked} at age {describe_days(age_days)} in the data.")
    lines += found.not_candidate_lines()
    lines += [f"Note: {note}" for note in found.notes]
    lines.append(FOOTER.format(version=found.data_version or "unknown", knowledge=knowledge.origin))
    emit("\n".join(line.rstrip("\n") for line in lines) + "\n", output)
