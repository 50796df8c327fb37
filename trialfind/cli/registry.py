"""`trialfind registry …`: keep and summarise compassionate-use request outcomes."""
from __future__ import annotations

import sys

import click

from trialfind.cli.options import check_excel, output_options
from trialfind.core.errors import InvalidInput
from trialfind.output.formats import emit, terminal_safe
from trialfind.output.render import render
from trialfind.registry.dates import DATE_TO_DAYS
from trialfind.registry.record import AGE_BANDS, CHANNELS, DECISIONS, OUTCOMES, REPORTER_ROLES, RequestRecord
from trialfind.registry.report import REPORT_COLUMNS, build_report, report_rows
from trialfind.registry.schema import SCHEMA_VERSION
from trialfind.registry.stats import STAT_COLUMNS, TABLE_COLUMNS, compute_stats
from trialfind.registry.store import IMPORT_CHUNK, Registry
from trialfind.registry.transfer import import_csv, records_to_csv

LIST_COLUMNS = ("id", "month_sent", "company", "drug", "target", "age_band", "decision", "days_to_decide",
                "outcome")
_DATE_HELP = " (YYYY-MM-DD; needs --date-sent; only the days since sending are kept)"


def db_option(func):
    return click.option(
        "--db", default=None, metavar="PATH|URL",
        help="Registry database: a SQLite file path or a URL such as postgresql+psycopg://user@host/db "
             "(default $TRIALFIND_REGISTRY_URL, else registry.sqlite in the user data directory).")(func)


def record_options(func):
    """One flag per record field; all optional here (add asks for the required ones)."""
    options = [
        click.option("--reporter-role", type=click.Choice(REPORTER_ROLES), help="Who reports: parent, physician, advocate."),
        click.option("--age-band", help=f"Child's age band: {', '.join(AGE_BANDS)} (or age in whole years)."),
        click.option("--diagnosis", help="Diagnosis in words, e.g. 'relapsed neuroblastoma'."),
        click.option("--target", help="Molecular target, e.g. 'ALK F1174L'."),
        click.option("--drug", help="Drug requested."),
        click.option("--company", help="Company asked."),
        click.option("--contact-used", help="Company point of contact used: a role, generic address or portal "
                                            "(never a private person)."),
        click.option("--channel", help=f"How the request went: {', '.join(CHANNELS)}."),
        click.option("--date-sent", help="Date the request was sent (YYYY-MM-DD; only its month is kept)."),
        click.option("--month-sent", help="Month the request was sent (YYYY-MM), instead of --date-sent."),
        click.option("--date-acknowledged", help="Date the company acknowledged it" + _DATE_HELP + "."),
        click.option("--days-to-acknowledge", help="Or: days from sending to the acknowledgement."),
        click.option("--decision", help=f"One of: {', '.join(DECISIONS)}."),
        click.option("--decision-date", help="Date of the decision" + _DATE_HELP + "."),
        click.option("--days-to-decide", help="Or: days from sending to the decision."),
        click.option("--reason-given", help="Reason the company gave, in its words (no names)."),
        click.option("--ind-date", help="Date the FDA IND was in place" + _DATE_HELP + "."),
        click.option("--days-to-ind", help="Or: days from sending to the IND."),
        click.option("--irb-date", help="Date of IRB approval" + _DATE_HELP + "."),
        click.option("--days-to-irb", help="Or: days from sending to IRB approval."),
        click.option("--treatment-start", help="Date treatment started" + _DATE_HELP + "."),
        click.option("--days-to-treatment", help="Or: days from sending to the start of treatment."),
        click.option("--outcome", help=f"How the child did: {', '.join(OUTCOMES)}."),
        click.option("--toxicity", "toxicities", multiple=True, metavar="TERM:GRADE",
                     help="A CTCAE term and grade 1-5, e.g. 'Neutrophil count decreased:3' (repeat for more)."),
        click.option("--consent/--no-consent", "consent_to_share", default=None,
                     help="Whether the family agreed to share this request in aggregate figures."),
        click.option("--notes", help="Anything else useful, without names, dates or contact details."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


_PROMPTS = {
    "reporter_role": ("Who is reporting", click.Choice(REPORTER_ROLES)),
    "age_band": (f"Child's age band ({', '.join(AGE_BANDS)})", str),
    "diagnosis": ("Diagnosis (words only, e.g. relapsed neuroblastoma)", str),
    "drug": ("Drug requested", str),
    "company": ("Company asked", str),
    "date_sent": ("Date the request was sent (YYYY-MM-DD; only its month is kept)", str),
}


def _given(values: dict) -> dict:
    """Flags actually given, as record field values."""
    out = {key: value for key, value in values.items() if value not in (None, ())}
    if "toxicities" in out:
        out["toxicities"] = list(out["toxicities"])
    return out


def _open(db, *, read_only: bool = False):
    # Reading commands never take the write lock, so they answer while another process writes.
    return Registry.open(db, read_only=read_only)


@click.group()
def registry() -> None:
    """Registry of compassionate-use request outcomes.

    It keeps which company was asked, how, whether and how fast it answered, whether it
    said yes, and how the child did — and nothing that identifies the child or family:
    free text with a name, email, phone number, date or address is refused.
    Dates are written YYYY-MM-DD and are not kept: only the month a request was sent and
    the days from sending to each later step are stored. Company and drug names are
    stored under one name each (the sponsor directory's, the drug's generic name), with
    the spelling as written kept beside it.
    """


@registry.command("add")
@db_option
@record_options
def add_command(db, **fields):
    """Add one request. Missing required answers are asked for when run in a terminal."""
    values = _given(fields)
    interactive = sys.stdin.isatty()
    for name, (question, kind) in _PROMPTS.items():
        if name not in values and not (name == "date_sent" and "month_sent" in values) and interactive:
            values[name] = click.prompt(question, type=kind)
    if "consent_to_share" not in values:
        if not interactive:
            raise InvalidInput("consent_to_share: required; pass --consent or --no-consent")
        values["consent_to_share"] = click.confirm("Did the family agree to share this request in aggregate figures?")
    record = RequestRecord.from_values(values)
    with _open(db) as store:
        store.add(record)
    click.echo(f"added request {record.id} ({record.company}, {record.drug}, {record.decision})")


@registry.command("list")
@db_option
@click.option("--company", help="Only this company (case-insensitive).")
@click.option("--drug", help="Only this drug.")
@click.option("--target", help="Only this target.")
@click.option("--decision", type=click.Choice(DECISIONS), help="Only this decision.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many records.")
@output_options
def list_command(db, company, drug, target, decision, limit, fmt, output, excel):
    """List requests, oldest first."""
    check_excel(fmt, excel)
    with _open(db, read_only=True) as store:
        records = store.records(company=company, drug=drug, target=target, decision=decision, limit=limit)
    rows = [r.as_dict() for r in records]
    columns = None if fmt in ("json", "jsonl") else LIST_COLUMNS
    emit(render(rows, fmt, columns=columns, table_columns=LIST_COLUMNS, excel=excel), output)


@registry.command("migrate")
@db_option
def migrate_command(db):
    """Upgrade an older registry database to this trialfind's schema (reading commands never do).

    Any command that writes upgrades it as well; this one writes nothing else."""
    with _open(db) as store:
        pass
    click.echo(f"the registry {store.display_url} is at schema version {SCHEMA_VERSION}")


@registry.command("show")
@db_option
@click.argument("record_id", type=int)
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def show_command(db, record_id, fmt):
    """Show every field of one request."""
    with _open(db, read_only=True) as store:
        values = store.get(record_id).as_dict()
    if fmt == "json":
        emit(render([values], "json"), None)
        return
    width = max(map(len, values))
    for key, value in values.items():
        if isinstance(value, list):
            value = "; ".join(value)
        if isinstance(value, bool):
            value = "yes" if value else "no"
        click.echo(f"{key.ljust(width)}  {'' if value is None else terminal_safe(str(value))}")


@registry.command("update")
@db_option
@click.argument("record_id", type=int)
@record_options
@click.option("--clear", "clear", multiple=True, metavar="FIELD",
              help="Empty a field (e.g. --clear decision_date, --clear toxicities); repeatable.")
def update_command(db, record_id, clear, **fields):
    """Change fields of a request (e.g. when the company answers). The whole record is checked again."""
    changes = _given(fields)
    for name in clear:
        key = name.replace("-", "_")
        key = DATE_TO_DAYS.get(key, key)       # a date is kept as its days since sending
        changes[key] = [] if key == "toxicities" else None
    if not changes:
        raise InvalidInput("update: nothing to change; give at least one field flag or --clear FIELD")
    with _open(db) as store:
        record = store.update(record_id, changes)
    click.echo(f"updated request {record.id} ({record.company}, {record.drug}, {record.decision})")


@registry.command("stats")
@db_option
@click.option("--by", type=click.Choice(("company", "drug", "target")), default=None,
              help="One row per company, drug or target (and a last row for all).")
@click.option("--include-unconsented", is_flag=True,
              help="Also count requests whose family did not agree to aggregate sharing (for your own eyes only).")
@output_options
def stats_command(db, by, include_unconsented, fmt, output, excel):
    """Requests, acknowledged, granted / denied / no response / withdrawn / pending, median days to
    acknowledge (ack_median_days) and to decide (decide_median_days); with --format csv also the
    percentages, outcomes, toxicities by CTCAE grade and denial reasons.

    The percentages are out of requests that ended on the company's side (granted, denied or
    no response). Only requests with consent to share are counted unless --include-unconsented
    is given. Rows with fewer than 5 requests say "too few to compare".
    """

    check_excel(fmt, excel)
    with _open(db, read_only=True) as store:
        records = store.records(consented_only=not include_unconsented)
        left_out = 0 if include_unconsented else store.count() - len(records)
    rows = compute_stats(records, by=by)
    emit(render(rows, fmt, columns=STAT_COLUMNS, table_columns=TABLE_COLUMNS, excel=excel), output)
    if left_out:
        click.echo(f"note: {left_out} request(s) without consent to share are not counted", err=True)


@registry.command("export")
@db_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="CSV file to write (Excel-safe).")
@click.option("--include-unconsented", is_flag=True,
              help="Also requests whose family did not agree to sharing: for your own backup only, never to send.")
@click.option("--consented-only", is_flag=True, hidden=True, help="The default; kept so old scripts still run.")
@click.option("--excel", is_flag=True, help="Start the file with a UTF-8 byte-order mark, so Excel reads accents right.")
def export_command(db, output, include_unconsented, consented_only, excel):
    """Write the requests whose family agreed to sharing as CSV (Excel-safe), ready for `registry import`."""

    if include_unconsented and consented_only:
        raise InvalidInput("export: --include-unconsented and --consented-only contradict each other")
    with _open(db, read_only=True) as store:
        records = store.records(consented_only=not include_unconsented)
        left_out = 0 if include_unconsented else store.count() - len(records)
    emit(records_to_csv(records, excel=excel), output)
    if include_unconsented:
        click.echo("warning: this file includes requests whose family did NOT agree to sharing; keep it as your "
                   "own backup and do not send it to anyone", err=True)
    elif left_out:
        click.echo(f"note: {left_out} request(s) without consent to share were left out "
                   "(--include-unconsented for your own backup)", err=True)
    if output and output != "-":
        click.echo(f"exported {len(records)} request(s) to {output}", err=True)


@registry.command("import")
@db_option
@click.argument("csv_file", type=click.Path(dir_okay=False))
def import_command(db, csv_file):
    """Import requests from CSV. Every row is checked first; then all are written in one transaction, or none.

    Rows already in the registry (same uid, e.g. a file imported twice) are skipped.
    """

    def progress(done, total):
        if total > IMPORT_CHUNK:
            click.echo(f"writing rows {done}/{total}", err=True)

    with _open(db) as store:
        result = import_csv(store, csv_file, progress=progress)
    skipped = f"; {result.skipped_existing} already in the registry were skipped" if result.skipped_existing else ""
    click.echo(f"imported {result.added} request(s) from {csv_file}{skipped}")


@registry.command("report")
@db_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), required=True,
              help="File to write (- for the screen).")
@click.option("--format", "fmt", type=click.Choice(("html", "csv")), default="html", show_default=True,
              help="html: one page for a phone or a desk; csv: the same figures, one row per company and per drug.")
@click.option("--title", default="Compassionate-use requests: what companies answered", show_default=True)
def report_command(db, output, fmt, title):
    """Per company and per drug: answers, waiting times, outcomes, toxicities and denial reasons.

    Only requests with consent to share are counted, as in `stats` and `export`."""

    with _open(db, read_only=True) as store:
        records = store.records(consented_only=True)
        left_out = store.count() - len(records)
    if fmt == "csv":
        emit(render(report_rows(records), "csv", columns=REPORT_COLUMNS), output)
    else:
        emit(build_report(records, title=title, left_out=left_out), output)
    if output != "-":
        click.echo(f"wrote {output} ({len(records)} request(s))", err=True)

