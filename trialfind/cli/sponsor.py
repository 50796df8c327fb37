"""`trialfind sponsor` and `trialfind request`: whom to ask for a drug, and the packet to send."""
from __future__ import annotations

import click

from trialfind.access.packet import screen_packet_inputs, write_request_packet
from trialfind.access.sponsor_lookup import lookup_sponsor
from trialfind.cli.options import (
    check_excel,
    output_options,
    pop_source_options,
    report_unreadable,
    source_from_options,
    source_options,
)
from trialfind.core.ages import optional_child_age
from trialfind.core.errors import InvalidInput, TrialfindError
from trialfind.output.formats import emit
from trialfind.output.render import render

# A sponsor lookup must answer even when the registry is down: the EA records are a
# bonus, so the client gets one retry instead of the default five.
LOOKUP_MAX_RETRIES = 1


def _quick(source):
    http = getattr(source, "http", None)
    if http is not None and hasattr(http, "max_retries"):
        http.max_retries = min(http.max_retries, LOOKUP_MAX_RETRIES)
    return source


@click.command("sponsor")
@click.argument("name")
@click.option("--no-records", is_flag=True, help="Do not look up expanded-access records on ClinicalTrials.gov.")
@source_options
@output_options
def sponsor(name, no_records, fmt, output, excel, **kwargs):
    """A company's expanded-access policy, contacts and stated response times."""
    check_excel(fmt, excel)
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
    emit(render(lookup, fmt, excel=excel), output)
    report_unreadable(lookup)


@click.command("request")
@click.option("--drug", required=True, help="The drug to ask for (INN, brand or code name).")
@click.option("--sponsor", "sponsor_name", default=None, help="The company (default: the drug's trial sponsor).")
@click.option("--target", default=None, help="The tumour's molecular finding, e.g. 'ALK F1174L' (no patient data).")
@click.option("--age", default=None, help="The child's age (7, 7y6m, 18m): shown only as an age band.")
@click.option("--output", "-o", "output_dir", required=True, type=click.Path(file_okay=False),
              help="Folder to write request.md, request.txt and checklist.md into (made if missing; the folder "
                   "holding it must exist). A packet already there is replaced only with --force.")
@click.option("--no-search", is_flag=True, help="Do not search ClinicalTrials.gov (letter without the evidence).")
@click.option("--force", is_flag=True, help="Replace a packet already in the --output folder (edits to it are lost).")
@source_options
def request(drug, sponsor_name, target, age, output_dir, no_search, force, **kwargs):
    """Write a compassionate-use request packet (letter + checklist) for the physician."""

    optional_child_age(age)  # usage errors before any request: the age, and personal data in a value
    screen_packet_inputs(drug, target, sponsor_name)
    source = None if no_search else source_from_options(**pop_source_options(kwargs))
    packet, paths = write_request_packet(drug, output_dir, source=source, sponsor=sponsor_name, target=target,
                                         age=age, force=force)
    report_unreadable(packet)
    click.echo(f"Wrote {', '.join(str(p) for p in paths)}")
    who = packet.policy.company if packet.policy else f"{packet.company} (not in the directory: see general resources)"
    click.echo(f"Company: {who}; {len(packet.trials)} trial(s), {len(packet.ea_records)} expanded-access record(s).")
    click.echo("Fill in the [BRACKETED] placeholders; add no name, date of birth or record number.")
