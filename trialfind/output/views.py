"""What a person reads: the table and page views of each result.

Every view takes the library's result object and returns text; `output.render` picks
the view for `--format table` and the rows for csv / json / jsonl."""
from __future__ import annotations

import re
import shutil
import textwrap

from trialfind.core.ages import describe_days
from trialfind.match.eligibility import ages_text, status_words
from trialfind.output.formats import to_table

TRIALS_FOOTER = "Data: ClinicalTrials.gov, data version {version}; not medical advice — check with the study team."
CANDIDATES_FOOTER = ("Data: ClinicalTrials.gov, data version {version}; drug knowledge: {knowledge}. "
                     "Not medical advice: a candidate is a question for the child's doctor and the company, "
                     "not a promise.")


# --- trials -------------------------------------------------------------------------------

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


def trial_table(rows: list[dict], with_sites: bool) -> str:
    """The short family view; the title gets whatever width the other columns leave."""
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
        }
        if with_sites:
            item["nearest site"] = _site_cell(row) or "none listed"
        out.append(item)
    return out


def trials_view(results) -> str:
    """`trialfind trials` as a table with a one-line summary and the data line."""
    profile = results.profile
    rows = results.rows()
    asked = ", ".join([*profile.conditions, *profile.targets])
    age = describe_days(profile.age_days)
    if rows:
        text = trial_table(rows, profile.near is not None)
        text += f"{len(rows)} stud{'y' if len(rows) == 1 else 'ies'} for {asked}, age {age}, best first; " \
                f"--format json shows the reasons.\n"
    else:
        text = f"No {'open ' if results.status == 'open' else ''}trials found for {asked} that admit a child aged " \
               f"{age}.\n"
    return text + TRIALS_FOOTER.format(version=results.data_version or "unknown") + "\n"


# --- one study ----------------------------------------------------------------------------

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


def study_view(study, max_sites: int = 25) -> str:
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



# --- candidates ---------------------------------------------------------------------------

def _phase(value: str | None) -> str:
    return (value or "").replace("EARLY_PHASE1", "early 1").replace("PHASE", "")


def _approved_cell(row: dict) -> str:
    if row.get("approved_for_children"):  # for children with the child's target
        return "children"
    if any(a["population"] == "children" for a in row.get("approvals") or []):
        return "children*"  # for children, but another use
    if row["approved"]:
        return f"adults {row['first_approval'] or ''}".strip()
    return "no" if row["approved"] is False else "?"


def candidate_table_rows(rows: list[dict]) -> list[dict]:
    out = []
    for row in rows:
        ea = row["ea_records"]
        out.append({
            "drug": row["drug"],
            "targets": ", ".join(row["targets"]),
            "trials": f"{row['trials']} ({row['adult_only_trials']} adult-only)",
            "phase": _phase(row["highest_phase"]),
            "ph1 done": "yes" if row["phase1_completed"] else "no",
            "approved": _approved_cell(row),
            "variant": (row.get("variant_effect") or {}).get("effect", ""),
            "expanded access": ("AVAILABLE" if row["ea_available"] else f"{len(ea)} record(s)" if ea else "none"),
            "EA policy": "yes" if row["ea_policy"] else "",
            # the drug's company, not a trial sponsor: combination trials are often run by another company
            "company": row.get("company") or "not recorded",
            "updated": row["latest_update"] or "",
            "score": row["score"],
        })
    return out


def candidates_view(found) -> str:
    """`trialfind candidates` as a table, the drugs that are not candidates, the agents of unknown
    action studied in target-positive patients (apart, below), notes and the data line."""
    rows = found.candidate_rows()
    asked = ", ".join(q.label for q in found.queries)
    age = describe_days(found.age_days) if found.age_days is not None else "this age"
    lines = []
    if rows:
        table = candidate_table_rows(rows)
        lines.append(to_table(table))
        lines.append(f"{len(rows)} compassionate-use candidate{'s' * (len(rows) != 1)} for {asked}, "
                     f"age {age}, best evidence first; --format json shows the reasons, "
                     "trials and expanded-access records.")
        if any(r["approved"] == "children*" for r in table):
            lines.append("children*: approved for children, but for another use than this target (off-label here).")
    else:
        lines.append(f"No compassionate-use candidates for {asked} at age {age} in the data.")
    lines += found.not_candidate_lines()
    effects = found.variant_effects
    for drug in found.no_study:  # no study, yet the variant makes it fail or harm: say so, never hide it
        if drug in effects and effects[drug].against:
            lines.append(f"{drug} (no study in the data): {effects[drug].reason()}")
    if found.discovered:  # never merged with the candidates, never above them
        lines.append("Also given in trials that require the target; what these act on is not confirmed:")
        lines += [f"  {line}" for line in found.discovered_lines()]
    lines += [f"Note: {note}" for note in found.notes]
    lines.append(CANDIDATES_FOOTER.format(version=found.data_version or "unknown",
                                          knowledge=found.knowledge_origin or "unknown"))
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


# --- a company's expanded-access policy ----------------------------------------------------

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


def sponsor_view(lookup) -> str:
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


