"""`trialfind trials` (open trials a child can join) and `trialfind study NCT_ID`."""
from __future__ import annotations

import json
import re
import textwrap

import click

from trialfind.cli.options import output_options, pop_source_options, source_from_options, source_options
from trialfind.core.ages import describe_days
from trialfind.core.errors import TrialfindError
from trialfind.core.profile import ChildProfile
from trialfind.match.eligibility import ages_text, status_words
from trialfind.match.rank import ROW_COLUMNS
from trialfind.output.formats import emit, render, to_table
from trialfind.trials import find_trials, get_study_details, normalise_nct_id

FOOTER = "Data: ClinicalTrials.gov, data version {version}; not medical advice — check with the study team."


def _data_version(source) -> str:
    try:
        return source.data_version() or "unknown"
    except TrialfindError:
        return "unknown"


def _short_age(text: str | None) -> str:
    if not text:
        return ""
    number, _, unit = text.partition(" ")
    return number + (unit[:1].lower() if unit else "")


def _ages_cell(row: dict) -> str:
    low, high = _short_age(row.get("min_age")), _short_age(row.get("max_age"))
    if low and high:
        return f"{low}-{high}"
    if low:
        return f"{low}+"
    if high:
        return f"0-{high}"
    return "any"


def _site_cell(row: dict) -> str:
    site = row.get("nearest_site")
    if not site:
        return ""
    place = ", ".join(p for p in (site.get("city"), site.get("state") or site.get("country")) if p)
    place = place if len(place) <= 28 else place[:27] + "…"
    return f"{place} ({site['distance_km']:.0f} km)"


def render_table(rows: list[dict], with_sites: bool) -> str:
    """The short family view; the title gets whatever width the other columns leave."""
    import shutil


    view = table_rows(rows, with_sites)
    columns = list(view[0])
    width = max(100, shutil.get_terminal_size((140, 24)).columns)
    other_widths = [max(len(c), *(len(str(r[c])) for r in view)) for c in columns if c != "title"]
    title_room = max(30, width - sum(other_widths) - 2 * (len(columns) - 1))
    for row in view:
        if len(row["title"]) > title_room:
            row["title"] = row["title"][:title_room - 1] + "…"
    # to_table caps every column at the same width; make that cap the widest cell we keep.
    cap = max(title_room, *other_widths)
    return to_table(view, columns, max_width=(cap + 2) * len(columns))


def table_rows(rows: list[dict], with_sites: bool) -> list[dict]:
    out = []
    for row in rows:
        status = (row.get("status") or "unknown").replace("_", " ").lower()
        item = {
            "NCT id": row["nct_id"],
            "title": row["title"],
            "eligible": row["eligible"],
            "score": row["score"],
            "ages": _ages_cell(row),
            "status": status,
            "purpose": row.get("purpose") or "unknown",
        }
        if with_sites:
            item["nearest site"] = _site_cell(row) or "none listed"
        out.append(item)
    return out


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
@click.option("--purpose", type=click.Choice(["treatment", "supportive", "any"], case_sensitive=False),
              default="any", show_default=True,
              help="treatment: only trials that treat the disease; supportive: supportive care and prevention; "
                   "any: all (treatment trials are listed first).")
@output_options
@source_options
def trials(conditions, targets, age, sex, status, near, limit, include_ineligible, include_observational,
           purpose, fmt, output, **options):
    """Open trials a child can join, best first, each with its reasons.

    Example: trialfind trials --condition neuroblastoma --target ALK --age 7
    """

    if not conditions and not targets:
        raise click.UsageError("give at least one --condition or --target")
    profile = ChildProfile.build(age, sex=sex, conditions=conditions, targets=targets, near=near)
    source = source_from_options(**pop_source_options(options))
    matches = find_trials(profile, source=source, status=status.lower(), include_ineligible=include_ineligible,
                          limit=limit, include_observational=include_observational, purpose=purpose.lower())
    rows = [m.to_row() for m in matches]
    if fmt != "table":
        emit(render(rows, fmt, columns=ROW_COLUMNS), output)
        return
    asked = ", ".join([*profile.conditions, *profile.targets])
    if rows:
        text = render_table(rows, profile.near is not None)
        text += f"{len(rows)} stud{'y' if len(rows) == 1 else 'ies'} for {asked}, age {describe_days(profile.age_days)}, best first; " \
                f"--format json shows the reasons.\n"
    else:
        text = f"No {'open ' if status == 'open' else ''}trials found for {asked} that admit a child aged " \
               f"{describe_days(profile.age_days)}.\n"
    text += FOOTER.format(version=_data_version(source)) + "\n"
    emit(text, output)


def _plain(text: str) -> str:
    """Drop the Markdown escapes ClinicalTrials.gov puts in criteria text ("\\>= 12" -> ">= 12")."""
    return re.sub(r"\\([\\`*_{}\[\]()<>#+\-.!|~^])", r"\1", text)


def _block(title: str, body: str | None, width: int = 100) -> list[str]:
    if not body:
        return [f"{title}: not given"]
    lines = [f"{title}:"]
    for paragraph in _plain(body).splitlines():
        if paragraph.strip():
            lines.extend(textwrap.wrap(paragraph.strip(), width=width, initial_indent="  ",
                                       subsequent_indent="    ") or [""])
    return lines


def describe_study(study, max_sites: int = 25) -> str:
    """A readable one-study page: what it is, who can join, whom to contact, where."""

    lines = [f"{study.nct_id}: {study.title}"]
    if study.official_title and study.official_title != study.title:
        lines += textwrap.wrap(study.official_title, width=100, initial_indent="  ", subsequent_indent="  ")
    lines += [
        f"Status: {status_words(study.status)}",
        f"Type: {(study.study_type or 'not given').replace('_', ' ').lower()}; "
        f"phase: {', '.join(p.replace('_', ' ').lower() for p in study.phases) or 'not given'}",
        f"Sponsor: {study.lead_sponsor or 'not given'}"
        + (f" (with {', '.join(study.collaborators)})" if study.collaborators else ""),
        f"Conditions: {', '.join(study.conditions) or 'not given'}",
        f"Treatments: {', '.join(iv.name for iv in study.interventions) or 'not given'}",
        f"Ages: {ages_text(study)}; sex: {(study.sex or 'all').lower()}"
        + ("; healthy volunteers accepted" if study.healthy_volunteers else ""),
        "",
    ]
    lines += _block("Summary", study.brief_summary)
    lines.append("")
    lines += _block("Inclusion criteria", study.inclusion_criteria)
    lines.append("")
    lines += _block("Exclusion criteria", study.exclusion_criteria)
    lines.append("")
    if study.central_contacts:
        lines.append("Contacts:")
        for contact in study.central_contacts:
            parts = [p for p in (contact.name, contact.phone, contact.email) if p]
            lines.append("  " + " · ".join(parts))
    else:
        lines.append("Contacts: none listed (ask the sites below)")
    if study.sites:
        lines.append(f"Sites ({len(study.sites)}):")
        for site in study.sites[:max_sites]:
            status = f" [{status_words(site.status)}]" if site.status and site.status.strip() else ""
            lines.append(f"  {site.place()}{status}")
        if len(study.sites) > max_sites:
            lines.append(f"  … and {len(study.sites) - max_sites} more (--format json lists all)")
    else:
        lines.append("Sites: none listed")
    lines += ["", f"Last update: {study.last_update or 'not given'}", f"URL: {study.url}",
              "Not medical advice — check with the study team."]
    return "\n".join(lines) + "\n"


@click.command("study")
@click.argument("nct_id")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: a readable page; json: every parsed field.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Write to FILE instead of the screen.")
@source_options
def study(nct_id, fmt, output, **options):
    """Show one study by NCT id: summary, ages, criteria, contacts, sites."""

    normalise_nct_id(nct_id)  # a malformed id is a usage error before any network call
    source = source_from_options(**pop_source_options(options))
    found = get_study_details(nct_id, source)
    if fmt == "json":
        emit(json.dumps(found.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n", output)
    else:
        emit(describe_study(found), output)
