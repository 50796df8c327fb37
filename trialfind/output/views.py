"""What a person reads: the table and page views of each result.

Every view takes the library's result object and returns text; `output.render` picks
the view for `--format table` and the rows for csv / json / jsonl."""
from __future__ import annotations

import re
import textwrap

from trialfind.core.ages import describe_days
from trialfind.match.eligibility import ages_text, status_words
from trialfind.match.geo import format_distance, site_is_taking_patients
from trialfind.output.tables import wrapped_table

TRIALS_FOOTER = "Data: ClinicalTrials.gov, data version {version}; not medical advice — check with the study team."
# What a family can try when nothing (or little) is found: said in the table, the report and the web app.
NEXT_STEPS_NONE_OPEN = (
    "Try `trialfind candidates --target <target> --age <age>`: drugs on the same target studied only in adults, "
    "which a doctor can request as compassionate use.",
    "Try --status all: trials closed to new patients, whose teams may know of the next study.",
    "Try a broader diagnosis (for example 'solid tumor' or 'brain tumor'), or --include-ineligible to see near misses.",
    "Kids v Cancer (kidsvcancer.org) guides families and doctors through compassionate-use requests.",
    "The Reagan-Udall Foundation Expanded Access Navigator (navigator.reaganudall.org) lists company contacts.",
)
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


def _site_cell(row: dict, units: str = "km") -> str:
    site = row.get("nearest_site")
    if not site:
        return ""
    # The city alone keeps the column narrow; `trialfind study NCT --near` gives the full address.
    place = site.get("city") or site.get("state") or site.get("country") or ""
    return f"{place}\n{format_distance(site['distance_km'], units)}".strip()  # the distance on its own line


def table_rows(rows: list[dict], with_sites: bool, units: str = "km") -> list[dict]:
    out = []
    for row in rows:
        status = SHORT_STATUS.get(row.get("status") or "", (row.get("status") or "unknown").replace("_", " ").lower())
        item = {
            "NCT id": row["nct_id"],
            "title": row["title"],
            "eligible": row["eligible"],
            "ages": _ages_cell(row),
            "status": status,
            "purpose": row.get("purpose") or "unknown",
        }
        if with_sites:
            item["nearest site"] = _site_cell(row, units) or "none listed"
        out.append(item)
    return out


def trial_table(rows: list[dict], with_sites: bool, units: str = "km", width: int | None = None) -> str:
    """The short family view: NCT ids whole, titles wrapped to fit the screen (80 columns off a terminal)."""
    view = table_rows(rows, with_sites, units)
    return wrapped_table(view, list(view[0]), keep=("NCT id", "eligible", "ages", "status"), grow=("title",), width=width)


SHORT_STATUS = {"RECRUITING": "open", "NOT_YET_RECRUITING": "not yet", "ENROLLING_BY_INVITATION": "by invite",
                "ACTIVE_NOT_RECRUITING": "closed", "COMPLETED": "completed"}


def _next_steps(results) -> list[str]:
    steps = list(NEXT_STEPS_NONE_OPEN)
    if results.status == "all":
        steps.pop(1)
    if results.within_km is not None:
        steps.insert(0, "Try a larger --within radius: trials farther away were left out.")
    return ["What to try next:"] + [f"  - {step}" for step in steps]


def trials_view(results) -> str:
    """`trialfind trials` as a table with a one-line summary, what to try next when empty, and the data line."""
    profile = results.profile
    rows = results.rows()
    asked = ", ".join([*profile.conditions, *profile.targets])
    age = describe_days(profile.age_days)
    units = getattr(results, "units", "km")
    place = getattr(results, "place", None)
    within = getattr(results, "within_km", None)
    where = ""
    if place is not None:
        where = f" near {place.label}"
        if within is not None:
            where = f" within {format_distance(within, units)} of {place.label}"
    if rows:
        text = trial_table(rows, profile.near is not None, units)
        total = results.total
        shown = f"{len(rows)} of {total} shown (raise --limit to see more)" if total > len(rows) else \
            f"{len(rows)} stud{'y' if len(rows) == 1 else 'ies'}"
        order = "nearest first" if getattr(results, "sort", "fit") == "distance" else "best first"
        text += f"{shown} for {asked}, age {age}{where}, {order}; --format json shows the reasons.\n"
    else:
        text = f"No {'open ' if results.status == 'open' else ''}trials found for {asked} that admit a child aged " \
               f"{age}{where}.\n" + "\n".join(_next_steps(results)) + "\n"
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


def contact_text(contact) -> str:
    return " · ".join(contact.parts())


def contact_lines(study) -> list[str]:
    if not study.central_contacts:
        return ["Contacts: none listed for the whole study (ask the sites below)"]
    return ["Contacts for the whole study:"] + [f"  {contact_text(c)}" for c in study.central_contacts]


def site_lines(study, max_sites: int = 25) -> list[str]:
    """Sites taking patients first, each with its own contacts; every listed contact is shown.

    Only sites with no contacts and not taking patients are cut after `max_sites`."""
    if not study.sites:
        return ["Sites: none listed"]
    taking = [s for s in study.sites if site_is_taking_patients(s, study.status)]
    others = [s for s in study.sites if not site_is_taking_patients(s, study.status)]
    lines = [f"Sites ({len(study.sites)}; {len(taking)} taking patients):"]
    shown = 0
    for site in taking + others:
        if shown >= max_sites and not site.contacts:
            continue
        shown += 1
        status = f" [{status_words(site.status)}]" if site.status and site.status.strip() else ""
        lines.append(f"  {site.place()}{status}")
        lines += [f"      {contact_text(c)}" for c in site.contacts]
    if shown < len(study.sites):
        lines.append(f"  … and {len(study.sites) - shown} more without contacts (--format json lists all)")
    return lines


def nearest_lines(page) -> list[str]:
    """The nearest sites taking patients, with distance and contacts (a StudyPage with a place)."""
    if page.place is None:
        return []
    if not page.nearest:
        return [f"Nearest sites to {page.place.label}: none taking patients with a known location", ""]
    lines = [f"Nearest sites taking patients to {page.place.label}:"]
    for near in page.nearest:
        lines.append(f"  {format_distance(near.distance_km, page.units)}  {near.site.place()}")
        lines += [f"      {contact_text(c)}" for c in near.site.contacts] or ["      no site contact listed: use the "
                                                                                "study contacts"]
    return lines + [""]


def study_page_view(page) -> str:
    """`trialfind study NCT --near PLACE`: the nearest sites and their contacts, then the study."""
    return "\n".join(nearest_lines(page)) + ("\n" if page.place is not None else "") + study_view(page.study)


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
    lines += contact_lines(study)
    lines += site_lines(study, max_sites)
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


def _evidence_cell(row: dict) -> str:
    parts = []
    if row["highest_phase"]:
        parts.append(PHASE_WORDS.get(row["highest_phase"], _phase(row["highest_phase"])))
    if row["phase1_completed"]:
        parts.append("phase 1 done")
    approved = _approved_cell(row)
    if approved not in ("no", "?"):
        parts.append({"children": "approved for children", "children*": "approved for children (another use)"}
                     .get(approved, f"approved for {approved}"))
    effect = (row.get("variant_effect") or {}).get("effect")
    if effect:
        parts.append(f"variant: {effect}")
    comparator = len(row.get("comparator_trials") or ())
    as_comparator = f", {comparator} as comparator/background" if comparator else ""
    parts.append(f"{row['trials']} trial{'s' * (row['trials'] != 1)} ({row['adult_only_trials']} adult-only"
                 f"{as_comparator})")
    return "; ".join(parts)


def _access_cell(row: dict) -> str:
    ea = row["ea_records"]
    parts = ["program AVAILABLE" if row["ea_available"] else f"{len(ea)} EA record(s)" if ea else "no EA record"]
    if row["ea_policy"]:
        parts.append("policy published")
    return "; ".join(parts)


PHASE_WORDS = {"EARLY_PHASE1": "early phase 1", "PHASE1": "phase 1", "PHASE2": "phase 2", "PHASE3": "phase 3",
               "PHASE4": "phase 4"}


def candidate_table_rows(rows: list[dict]) -> list[dict]:
    """Drug and company whole; the evidence and the expanded-access facts in words that wrap."""
    return [{
        "drug": row["drug"],
        # the drug's company, not a trial sponsor: combination trials are often run by another company
        "company": "\n".join((row.get("company") or "not recorded").split("; ")),  # one company per line
        "evidence": _evidence_cell(row),
        "expanded access": _access_cell(row),
    } for row in rows]


def candidates_view(found) -> str:
    """`trialfind candidates` as a table, the drugs that are not candidates, the agents of unknown
    action studied in target-positive patients (apart, below), notes and the data line."""
    rows = found.candidate_rows()
    asked = ", ".join(q.label for q in found.queries)
    age = describe_days(found.age_days) if found.age_days is not None else "this age"
    lines = []
    if rows:
        view = candidate_table_rows(rows)
        lines.append(wrapped_table(view, list(view[0]), keep=("drug", "company"), grow=("evidence",)).rstrip("\n"))
        lines.append(f"{len(rows)} compassionate-use candidate{'s' * (len(rows) != 1)} for {asked}, "
                     f"age {age}, best evidence first; --format json shows the reasons, "
                     "trials and expanded-access records.")
        if any(_approved_cell(r) == "children*" for r in rows):
            lines.append("approved for children (another use): approved for children, but for another use than "
                         "this target (off-label here).")
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


