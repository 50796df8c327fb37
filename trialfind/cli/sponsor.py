"""`trialfind sponsor` and `trialfind request`: whom to ask for a drug, and the packet to send."""
from __future__ import annotations

import json

import click

from trialfind.access.packet import write_request_packet
from trialfind.access.sponsor_lookup import lookup_sponsor
from trialfind.cli.options import output_options, pop_source_options, source_from_options, source_options
from trialfind.core.ages import optional_child_age
from trialfind.core.errors import InvalidInput, TrialfindError
from trialfind.output.formats import emit, render

# A sponsor lookup must answer even when the registry is down: the EA records are a
# bonus, so the client gets one retry instead of the default five.
LOOKUP_MAX_RETRIES = 1


def _quick(source):
    http = getattr(source, "http", None)
    if http is not None and hasattr(http, "max_retries"):
        http.max_retries = min(http.max_retries, LOOKUP_MAX_RETRIES)
    return source


def _policy_text(policy, only_known: bool = False) -> list[str]:
    lines = [f"{policy.company}" + (f"  (part of {policy.parent_company})" if policy.parent_company else "")]
    rows = [
        ("Policy", policy.policy_url),
        ("Email", policy.contact_email),
        ("Phone", policy.contact_phone),
        ("Request portal", policy.request_portal),
        ("How to request", policy.how_to_request),
        ("Who may request", policy.who_may_request),
        ("Acknowledgement", policy.acknowledgement_time),
        ("Decision", policy.decision_time),
        ("Criteria", "; ".join(policy.evaluation_criteria) if policy.evaluation_criteria else None),
        ("EA records named", ", ".join(policy.ctgov_ea_records) if policy.ctgov_ea_records else None),
        ("Notes", policy.notes),
        ("Source", "; ".join(policy.source_urls) if policy.source_urls else None),
        ("Date verified", policy.date_verified),
    ]
    for label, value in rows:
        if only_known and not value:
            continue
        lines.append(f"  {label + ':':<18}{value if value else 'not stated on the source read'}")
    if not policy.has_contact:
        lines.append("  No email, phone or portal was printed on the source read: use the policy page or the "
                     "Reagan-Udall Expanded Access Navigator (below).")
    return lines


def _resource_text(resources) -> list[str]:
    lines = []
    for r in resources:
        contacts = ", ".join(x for x in (r.url, r.contact_email, r.contact_phone) if x)
        lines.append(f"- {r.name}" + (f": {contacts}" if contacts else ""))
        if r.what_it_offers:
            lines.append(f"    {r.what_it_offers}")
        lines.append(f"    source: {'; '.join(r.source_urls)} (read {r.date_verified})")
    return lines


def lookup_text(lookup) -> str:
    lines: list[str] = []
    if lookup.policy is not None:
        lines += _policy_text(lookup.policy)
        for other in lookup.related:
            lines += ["", f"Related company: {other.company}"] + _policy_text(other, only_known=True)[1:]
    else:
        lines.append(f"{lookup.query!r} is not in trialfind's expanded-access directory.")
        lines.append("Ask the company's medical information line for its expanded-access contact, or use these "
                     "general resources:")
    if lookup.ea_records_error:
        lines.append("")
        lines.append(f"Expanded-access records could not be fetched: {lookup.ea_records_error}.")
    elif lookup.ea_records_searched:
        lines.append("")
        if lookup.ea_records:
            lines.append("Expanded-access records on ClinicalTrials.gov:")
            for r in lookup.ea_records:
                lines.append(f"- {r.nct_id or '(no NCT id)'}  {r.status_words}  last update {r.last_update or 'unknown'}"
                             f"  {r.title or ''}  {r.url}".rstrip())
        else:
            lines.append("No expanded-access records of this company were found on ClinicalTrials.gov.")
    # Shown even when the company is known: FDA's emergency lines and the navigators help at every step.
    lines += ["", "General resources:"] + _resource_text(lookup.general_resources)
    lines.append("")
    lines.append("Contacts change: check them on the company's live policy page before writing.")
    return "\n".join(lines) + "\n"


@click.command("sponsor")
@click.argument("name")
@click.option("--no-records", is_flag=True, help="Do not look up expanded-access records on ClinicalTrials.gov.")
@source_options
@output_options
def sponsor(name, no_records, fmt, output, **kwargs):
    """A company's expanded-access policy, contacts and stated response times."""

    source_kwargs = pop_source_options(kwargs)
    source = None
    error = None
    if not no_records:
        try:
            source = _quick(source_from_options(**source_kwargs))
        except InvalidInput:
            raise
        except TrialfindError as exc:
            error = str(exc)
    lookup = lookup_sponsor(name, source=source)
    if error and not lookup.ea_records_error:
        lookup.ea_records_error = error
    if lookup.ea_records_error:
        lookup.ea_records_error = lookup.ea_records_error.splitlines()[0]
    if fmt == "table":
        text = lookup_text(lookup)
    elif fmt == "json":
        text = json.dumps(lookup.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "jsonl":
        text = json.dumps(lookup.to_dict(), ensure_ascii=False) + "\n"
    else:
        rows = [lookup.policy.to_dict()] if lookup.policy else [r.to_dict() for r in lookup.general_resources]
        text = render(rows, fmt)
    emit(text, output)


@click.command("request")
@click.option("--drug", required=True, help="The drug to ask for (INN, brand or code name).")
@click.option("--sponsor", "sponsor_name", default=None, help="The company (default: the drug's trial sponsor).")
@click.option("--target", default=None, help="The tumour's molecular finding, e.g. 'ALK F1174L' (no patient data).")
@click.option("--age", default=None, help="The child's age (7, 7y6m, 18m): shown only as an age band.")
@click.option("--output", "-o", "output_dir", required=True, type=click.Path(file_okay=False),
              help="Folder to write request.md, request.txt and checklist.md into.")
@click.option("--no-search", is_flag=True, help="Do not search ClinicalTrials.gov (letter without the evidence).")
@source_options
def request(drug, sponsor_name, target, age, output_dir, no_search, **kwargs):
    """Write a compassionate-use request packet (letter + checklist) for the physician."""

    optional_child_age(age)  # a usage error before any request
    source = None if no_search else source_from_options(**pop_source_options(kwargs))
    packet, paths = write_request_packet(drug, output_dir, source=source, sponsor=sponsor_name, target=target,
                                         age=age)
    click.echo(f"Wrote {', '.join(str(p) for p in paths)}")
    who = packet.policy.company if packet.policy else f"{packet.company} (not in the directory: see general resources)"
    click.echo(f"Company: {who}; {len(packet.trials)} trial(s), {len(packet.ea_records)} expanded-access record(s).")
    click.echo("Fill in the [BRACKETED] placeholders; add no name, date of birth or record number.")
