"""The physician's compassionate-use request packet: a letter to the company and a checklist.

The packet carries NO patient-identifying data. Companies ask for none (Ikena,
Loxo, Chimerix policies say so), and trialfind never receives any: the physician
fills in bracketed placeholders, and the child's age appears only as an age band.
Every value the user gives (drug, target, sponsor) goes through the one privacy screen
(trialfind.core.privacy) and is refused with one line if it holds personal data; in the
Markdown files every inserted value is escaped, so a value cannot add links, images,
headings or HTML to the letter.

Writing is atomic: files are written in a temporary folder beside the output, then
moved into place one by one with os.replace, so no file is ever half-written.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from trialfind.access.candidates import evidence_for_drug
from trialfind.access.criteria import check_company_criteria
from trialfind.access.ea_records import ea_records_from_studies
from trialfind.core.ages import optional_child_age
from trialfind.core.errors import InvalidInput, NotFound, path_error
from trialfind.core.privacy import escape_markdown, screen_fields
from trialfind.core.spec import SearchSpec
from trialfind.core.study import FLAGGED_OPEN_STATUSES, OPEN_STATUSES, PHASE_ORDER, UnreadableRecord, parse_studies
from trialfind.knowledge.drugs import canonical_drug
from trialfind.knowledge.sponsor_directory import general_resources, match_sponsor
from trialfind.knowledge.targets import builtin_knowledge

PLACEHOLDERS = {
    "patient": "[PATIENT INITIALS OR STUDY ID]",
    "diagnosis": "[DIAGNOSIS DETAILS]",
    "finding": "[MOLECULAR FINDING, TEST AND REPORT DATE]",
    "prior": "[PRIOR TREATMENTS AND RESPONSES]",
    "status": "[CURRENT CLINICAL STATUS]",
    "alternatives": "[WHY STANDARD OPTIONS ARE EXHAUSTED OR UNSUITABLE]",
    "plan": "[PROPOSED DOSE, SCHEDULE AND MONITORING PLAN]",
    "physician": "[PHYSICIAN NAME, TITLE]",
    "institution": "[INSTITUTION]",
    "physician_email": "[PHYSICIAN EMAIL]",
    "physician_phone": "[PHYSICIAN PHONE]",
    "date": "[DATE SENT]",
}
FILES = ("request.md", "request.txt", "checklist.md")
MAX_TRIALS_LISTED = 25

def screen_packet_inputs(drug: str, target: str | None, sponsor: str | None) -> None:
    """Refuse (InvalidInput, one line naming the option) a value that holds personal data.

    A drug the drug table knows vouches for its own words, and a sponsor the expanded-access
    directory knows is a company, not a person; anything else is screened in full."""
    known = [drug] if canonical_drug(drug) else []
    screen_fields({"--drug": drug, "--target": target}, known_words=known)
    if sponsor and match_sponsor(sponsor) is None:
        screen_fields({"--sponsor": sponsor}, known_words=known)


def age_band(age_days: int | None) -> str | None:
    """An age band wide enough not to identify anyone."""
    if age_days is None:
        return None
    years = age_days / 365.25
    for upper, label in ((1, "under 1 year"), (5, "1-4 years"), (10, "5-9 years"), (15, "10-14 years"),
                         (18, "15-17 years"), (26, "18-25 years")):
        if years < upper:
            return label
    return "26 years or older"


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


@dataclass
class RequestPacket:
    drug: str
    target: str | None
    age_band: str | None
    policy: Any                      # SponsorPolicy | None
    sponsor_query: str | None
    sponsor_candidates: tuple[str, ...]
    trials: list                     # list[Study]
    ea_records: list                 # list[EARecord]
    checks: list                     # list[CriterionCheck]
    resources: tuple                 # tuple[GeneralResource]
    generated_on: str = field(default_factory=lambda: _dt.date.today().isoformat())
    data_version: str | None = None
    notes: list[str] = field(default_factory=list)
    unreadable: list[UnreadableRecord] = field(default_factory=list)  # records searched that could not be read

    @property
    def company(self) -> str:
        if self.policy is not None:
            return self.policy.company
        return self.sponsor_query or (self.sponsor_candidates[0] if self.sponsor_candidates else "[COMPANY]")


# --- gathering the evidence ---------------------------------------------------------------

def _gather(drug: str, source, age_days: int | None, notes: list[str]):
    """(evidence, studies, unreadable records): the candidates module's evidence for the drug when it
    knows the drug, else the studies naming it; `studies` are the parsed records (for site
    countries). The drug table's names are searched as drug_evidence searches them, so the
    second walk is answered from the response cache."""
    evidence = None
    try:
        evidence = evidence_for_drug(drug, source, age_days)
    except NotFound:
        notes.append(f"{drug} is not in trialfind's drug table: trials were searched by the name given only "
                     "(add code names and brand names yourself).")
    info = _field(evidence, "info") if evidence is not None else None
    names = tuple(info.all_names) if info is not None else _drug_names(drug)
    studies, unreadable = parse_studies(source.search(SearchSpec(interventions=names)))
    if evidence is not None:
        unreadable = list(dict.fromkeys([*(_field(evidence, "unreadable") or ()), *unreadable]))
    if evidence is None:
        evidence = {"drug": drug, "trials": [s for s in studies if not s.is_expanded_access],
                    "aliases": list(names[1:]), "ea_records": ea_records_from_studies(studies)}
    return evidence, studies, unreadable


def _drug_names(drug: str) -> tuple[str, ...]:
    """The drug's name and its aliases from trialfind's drug table (code names, brands)."""
    try:
        canonical = canonical_drug(drug)
        info = builtin_knowledge().drug(canonical) if canonical else None
    except (ImportError, OSError, ValueError):
        info = None
    names = [drug, *(info.all_names if info else ())]
    return tuple(dict.fromkeys(n for n in names if n))


def _trials(values: Any) -> list:
    """Trial-like records (Study or the candidates module's DrugTrial); EA and observational left out."""
    return [v for v in values or () if getattr(v, "nct_id", None)
            and getattr(v, "study_type", None) not in ("EXPANDED_ACCESS", "OBSERVATIONAL")]


def _highest_phase(trial: Any) -> str | None:
    known = [p for p in getattr(trial, "phases", ()) or () if p in PHASE_ORDER and p != "NA"]
    return max(known, key=PHASE_ORDER.__getitem__) if known else None


def _sort_trials(trials: Iterable) -> list:
    """Open trials first, then the most advanced phase, then the most recent update."""

    ordered = sorted(trials, key=lambda s: s.last_update or "", reverse=True)
    ordered.sort(key=lambda s: PHASE_ORDER.get(_highest_phase(s) or "", -1), reverse=True)
    ordered.sort(key=lambda s: s.status not in OPEN_STATUSES | FLAGGED_OPEN_STATUSES)
    return ordered


def _industry_sponsors(trials: Sequence) -> list[tuple[str, str | None]]:
    """(name, class) of the trials' industry lead sponsors (or of unknown class), most frequent first."""
    from collections import Counter

    counts: Counter = Counter()
    for study in trials:
        sponsor_class = getattr(study, "lead_sponsor_class", None)
        if study.lead_sponsor and sponsor_class in (None, "INDUSTRY"):
            counts[(study.lead_sponsor, sponsor_class)] += 1
    return [key for key, _ in counts.most_common()]


def build_request_packet(drug: str, source=None, sponsor: str | None = None, target: str | None = None,
                         age: str | int | None = None) -> RequestPacket:
    """Everything the letter and checklist need; no patient data goes in or comes out.

    `age` as `--age` takes it (a number is years); it appears only as an age band. With
    no `source` the letter is written without searching for evidence."""
    age_days = optional_child_age(age)

    drug = (drug or "").strip()
    if not drug:
        raise InvalidInput("give the drug to request with --drug")
    target = (target or "").strip() or None
    sponsor = sponsor.strip() if sponsor is not None else None
    screen_packet_inputs(drug, target, sponsor)
    notes: list[str] = []
    evidence: Any = {"drug": drug, "trials": []}
    records: list = []
    data_version = None
    studies: list = []
    unreadable: list = []
    if source is not None:
        evidence, studies, unreadable = _gather(drug, source, age_days, notes)
        trials = _trials(_field(evidence, "trials"))
        records = list(_field(evidence, "ea_records") or ())
        try:
            data_version = source.data_version()
        except Exception:  # the version only labels freshness; its absence is not an error
            data_version = None
    else:
        trials = []
        notes.append("No trial data was searched: the evidence section is empty.")
    industry = _industry_sponsors(trials)
    sponsor_names = [name for name, _ in industry]
    policy = None
    if sponsor:
        policy = match_sponsor(sponsor)
        if policy is None:
            notes.append(f"'{sponsor}' is not in trialfind's expanded-access directory: find the company's "
                         "contact through the general resources below.")
    else:
        # The drug's own company (drug table) decides; a trial sponsor may run a combination
        # trial of someone else's drug, so it stands in only when the company is unknown.
        companies = [c.strip() for c in (_field(evidence, "company") or ()) if c and c.strip()]
        if isinstance(_field(evidence, "company"), str):
            companies = [c.strip() for c in _field(evidence, "company").split(";") if c.strip()]
        for name in companies:
            policy = match_sponsor(name, "INDUSTRY")
            if policy is not None:
                break
        if companies:
            sponsor_names = companies + [n for n in sponsor_names if n not in companies]
            industry = []
        for name, sponsor_class in industry:
            policy = match_sponsor(name, sponsor_class)
            if policy is not None:
                break
        if policy is None and companies:
            notes.append(f"The drug's company ({companies[0]}) is not in trialfind's expanded-access "
                         "directory: find its contact through the general resources below.")
        elif policy is None and sponsor_names:
            notes.append(f"The drug's sponsor ({sponsor_names[0]}) is not in trialfind's expanded-access "
                         "directory: find its contact through the general resources below.")
        elif policy is None:
            notes.append("No company sponsor was found for this drug: give it with --sponsor.")
    band = age_band(age_days)
    checks = check_company_criteria(evidence, age_days=age_days, ea_records=records, studies=studies,
                                    age_phrase=f"of the patient's age (age band {band})" if band else None)
    return RequestPacket(drug=drug, target=target, age_band=age_band(age_days), policy=policy,
                         sponsor_query=sponsor, sponsor_candidates=tuple(sponsor_names), trials=_sort_trials(trials),
                         ea_records=records, checks=checks, resources=general_resources(), data_version=data_version,
                         notes=notes, unreadable=unreadable)


# --- rendering ------------------------------------------------------------------------------

def _trial_rows(packet: RequestPacket) -> list[dict[str, str]]:
    rows = []
    for study in packet.trials[:MAX_TRIALS_LISTED]:
        ages = f"{study.min_age or 'no minimum'} to {study.max_age or 'no maximum'}"
        rows.append({"NCT id": study.nct_id, "phase": "/".join(study.phases) or "n/a",
                     "status": study.status or "unknown", "ages": ages, "last update": study.last_update or "unknown",
                     "sponsor": study.lead_sponsor or "",
                     "url": getattr(study, "url", "") or f"https://clinicaltrials.gov/study/{study.nct_id}"})
    return rows


def _contact_lines(policy) -> list[str]:
    lines = []
    if policy.contact_email:
        lines.append(f"Email: {policy.contact_email}")
    if policy.contact_phone:
        lines.append(f"Phone: {policy.contact_phone}")
    if policy.request_portal:
        lines.append(f"Request portal / form: {policy.request_portal}")
    if policy.policy_url:
        lines.append(f"Policy: {policy.policy_url}")
    if not (policy.contact_email or policy.contact_phone or policy.request_portal):
        lines.append("No contact was printed on the source page read: use the policy page or the "
                     "Reagan-Udall Expanded Access Navigator.")
    return lines


def _blocks(packet: RequestPacket, escape: Callable[[str], str] = str) -> list[tuple]:
    """The letter as blocks, rendered to Markdown and to plain text.

    `escape` is applied to every value that came from the user or a record (Markdown-escaping
    for request.md); table cells are escaped by render_markdown itself."""
    P = PLACEHOLDERS
    policy = packet.policy
    drug, company = escape(packet.drug), escape(packet.company)
    target = escape(packet.target) if packet.target else None
    evidence_line = _evidence_sentence(packet, drug)
    blocks: list[tuple] = [
        ("h1", f"Expanded-access (compassionate use) request: {drug}"),
        ("p", f"Prepared by trialfind on {packet.generated_on} from ClinicalTrials.gov records"
              + (f" (data version {packet.data_version})" if packet.data_version else "")
              + ". Fill in every [BRACKETED] placeholder. Do not add the patient's name, date of birth, address "
                "or record number: companies ask for no personally identifiable information. "
                "Check every fact below against the sources before sending."),
    ]
    if packet.notes:
        blocks.append(("ul", [escape(note) for note in packet.notes]))
    blocks += [
        ("h2", "Where to send it"),
    ]
    if policy is not None:
        items = [f"Company: {policy.company}" + (f" (part of {policy.parent_company})" if policy.parent_company else "")]
        items += _contact_lines(policy)
        if policy.how_to_request:
            items.append(f"How to request: {policy.how_to_request}")
        if policy.who_may_request:
            items.append(f"Who may request: {policy.who_may_request}")
        if policy.acknowledgement_time:
            items.append(f"Stated acknowledgement time: {policy.acknowledgement_time}")
        if policy.decision_time:
            items.append(f"Stated decision time: {policy.decision_time}")
        items.append(f"Source: {'; '.join(policy.source_urls) or 'not recorded'} (read {policy.date_verified or 'date unknown'}; "
                     "re-check the contact on the live policy page)")
        blocks.append(("ul", items))
    else:
        blocks.append(("p", f"{company} is not in trialfind's expanded-access directory. Find its "
                            "expanded-access contact through the Reagan-Udall Expanded Access Navigator or the "
                            "other general resources listed at the end."))
    blocks += [
        ("h2", "Letter"),
        ("p", f"Date: {P['date']}"),
        ("p", f"To: {company} expanded-access / medical information team"),
        ("p", f"From: {P['physician']}, {P['institution']}, {P['physician_email']}, {P['physician_phone']}"),
        ("p", f"Re: Request for single-patient expanded access to {drug}"),
        ("p", f"Dear {company} expanded-access team,"),
        ("p", f"I am the treating physician of a patient with a serious, life-threatening cancer and I am writing "
              f"to ask whether {company} would provide {drug} for this patient under single-patient "
              f"expanded access (compassionate use)."),
        ("ul", [
            f"Patient: {P['patient']}",
            f"Age band: {packet.age_band or '[AGE BAND]'}",
            f"Diagnosis: {P['diagnosis']}",
            f"Molecular finding: {target + ' — ' + P['finding'] if target else P['finding']}",
            f"Prior treatments: {P['prior']}",
            f"Current status: {P['status']}",
            f"Why standard options are not suitable: {P['alternatives']}",
        ]),
        ("p", evidence_line),
        ("p", _trial_sentence(packet, escape)),
        ("p", f"Proposed treatment plan: {P['plan']}. If you agree, I will submit the request to the FDA "
              "(Form 3926 for a single patient) and to our Institutional Review Board, send you the IND number "
              "the FDA assigns, and report adverse events as required."),
        ("p", f"Please reply to {P['physician_email']} or {P['physician_phone']}. Thank you for considering this request."),
        ("p", f"Sincerely,\n{P['physician']}\n{P['institution']}"),
        ("h2", "The drug's trials on ClinicalTrials.gov"),
    ]
    rows = _trial_rows(packet)
    if rows:
        blocks.append(("table", list(rows[0]), rows))
        if len(packet.trials) > MAX_TRIALS_LISTED:
            blocks.append(("p", f"{len(packet.trials) - MAX_TRIALS_LISTED} more trial(s) not listed."))
    else:
        blocks.append(("p", "No trials of this drug were found in the data searched."))
    blocks.append(("h2", "Expanded-access records on ClinicalTrials.gov"))
    if packet.ea_records:
        blocks.append(("table", ["NCT id", "status", "last update", "linked from", "url"], [
            {"NCT id": r.nct_id or "(not given)", "status": r.status_words, "last update": r.last_update or "unknown",
             "linked from": ", ".join(r.linked_from), "url": r.url} for r in packet.ea_records]))
    else:
        blocks.append(("p", "None found: a single-patient request is still possible."))
    blocks.append(("h2", "The company's criteria, checked against the records"))
    if policy is not None and policy.evaluation_criteria:
        blocks.append(("p", f"{policy.company} states these criteria:"))
        blocks.append(("ul", list(policy.evaluation_criteria)))
    blocks.append(("table", ["criterion", "answer", "who answers", "why"], [
        {"criterion": c.criterion, "answer": c.answer, "who answers": c.answered_by, "why": c.reason}
        for c in packet.checks]))
    blocks.append(("h2", "General resources"))
    blocks.append(("ul", _resource_lines(packet.resources)))
    return blocks


def _evidence_sentence(packet: RequestPacket, drug: str) -> str:
    if not packet.trials:
        return f"{drug}: no trials were found in the data searched; {PLACEHOLDERS['finding']} explains why it may help."
    phases = sorted({_highest_phase(s) for s in packet.trials if _highest_phase(s)},
                    key=lambda p: {"EARLY_PHASE1": 0.5, "PHASE1": 1, "PHASE2": 2, "PHASE3": 3, "PHASE4": 4}.get(p, 0))
    highest = phases[-1] if phases else "not stated"
    return (f"{drug} has {len(packet.trials)} trial(s) on ClinicalTrials.gov; highest phase: {highest}. "
            "The trials are listed below with their NCT ids.")


def _trial_sentence(packet: RequestPacket, escape: Callable[[str], str] = str) -> str:
    check = next((c for c in packet.checks if c.key == "not_eligible_for_trials"), None)
    if check is None:
        return "To my knowledge the patient is not eligible for any ongoing clinical trial of this drug."
    if check.answer == "not met":
        return f"Note before sending: {escape(check.reason)}"
    return ("To my knowledge the patient is not eligible for any ongoing clinical trial of this drug. "
            f"{escape(check.reason)}")


def _resource_lines(resources) -> list[str]:
    lines = []
    for r in resources:
        parts = [r.name]
        if r.what_it_offers:
            parts.append(r.what_it_offers)
        contacts = "; ".join(x for x in (r.url, r.contact_email, r.contact_phone) if x)
        if contacts:
            parts.append(contacts)
        parts.append(f"source: {'; '.join(r.source_urls)}, read {r.date_verified}")
        lines.append(" — ".join(parts))
    return lines


_PLAIN_URL = re.compile(r"https?://[\w./%?=&#:+-]+")


def _md_cell(value: Any) -> str:
    # Cells hold record text (sponsor names, criteria reasons): made inert like any inserted value.
    # A bare URL of plain characters (the trial and record links) cannot carry markup: it stays a link.
    text = str(value)
    return text if _PLAIN_URL.fullmatch(text) else escape_markdown(text)


def render_markdown(blocks: list[tuple]) -> str:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "h1":
            out.append(f"# {block[1]}")
        elif kind == "h2":
            out.append(f"## {block[1]}")
        elif kind == "p":
            out.append(block[1].replace("\n", "  \n"))
        elif kind == "ul":
            out.append("\n".join(f"- {item}" for item in block[1]))
        elif kind == "table":
            columns, rows = block[1], block[2]
            lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
            lines += ["| " + " | ".join(_md_cell(row.get(c, "")) for c in columns) + " |" for row in rows]
            out.append("\n".join(lines))
        elif kind == "checklist":
            out.append("\n".join(f"- [ ] {item}" for item in block[1]))
    return "\n\n".join(out) + "\n"


def render_text(blocks: list[tuple]) -> str:
    import textwrap

    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind in ("h1", "h2"):
            underline = "=" if kind == "h1" else "-"
            out.append(f"{block[1]}\n{underline * min(78, len(block[1]))}")
        elif kind == "p":
            out.append("\n".join(textwrap.fill(line, 78) for line in block[1].split("\n")))
        elif kind in ("ul", "checklist"):
            mark = "* " if kind == "ul" else "[ ] "
            out.append("\n".join(textwrap.fill(item, 78, initial_indent=mark, subsequent_indent=" " * len(mark))
                                 for item in block[1]))
        elif kind == "table":
            columns, rows = block[1], block[2]
            entries = []
            for row in rows:
                entries.append("\n".join(textwrap.fill(f"{c}: {row.get(c, '')}", 78, subsequent_indent="    ")
                                         for c in columns))
            out.append("\n\n".join(entries))
    return "\n\n".join(out) + "\n"


def checklist_blocks(packet: RequestPacket, escape: Callable[[str], str] = str) -> list[tuple]:
    policy = packet.policy
    drug, company = escape(packet.drug), escape(packet.company)
    contact = ", ".join(x for x in ((policy.contact_email, policy.contact_phone, policy.request_portal)
                                    if policy else ()) if x) or "the company's expanded-access contact (see request.md)"
    ack = ""
    if policy is not None and (policy.acknowledgement_time or policy.decision_time):
        ack = " The company states: " + "; ".join(x for x in (policy.acknowledgement_time, policy.decision_time) if x) + "."
    fda = next((r for r in packet.resources if "Division of Drug Information" in r.name), None)
    fda_contact = f" (emergency requests: {fda.contact_phone}, {fda.contact_email})" if fda and fda.contact_phone else ""
    steps = [
        "The physician confirms compassionate use is the right path: no open trial fits the child "
        "(see the criteria check in request.md) and standard options are exhausted or unsuitable.",
        f"The physician fills in the placeholders of request.md / request.txt (no name, date of birth or record "
        f"number) and sends it to {company}: {contact}.{ack}",
        f"{company} agrees to provide {drug} (usually with a letter of authorization for its IND).",
        "The physician submits the request to the FDA (Form 3926 for a single patient; the Reagan-Udall "
        f"eRequest can help){fda_contact}, and to the hospital's Institutional Review Board (IRB).",
        "The FDA assigns an IND number to the request (for children with cancer it usually takes a few days).",
        f"The physician sends the IND number to {company}.",
        f"{company} ships {drug} directly to the physician.",
        "Treatment starts; the physician reports adverse events to the FDA and the company as required.",
        "Optional: record the request and its outcome (without identifying data) with `trialfind registry` "
        "or the Kids v Cancer navigator, to help future children.",
    ]
    return [
        ("h1", f"Checklist: expanded-access request for {drug}"),
        ("p", f"Prepared by trialfind on {packet.generated_on}. Tick each step as it is done."),
        ("checklist", steps),
        ("h2", "Help along the way"),
        ("ul", _resource_lines(packet.resources)),
    ]


def render_packet(packet: RequestPacket) -> dict[str, str]:
    return {
        "request.md": render_markdown(_blocks(packet, escape_markdown)),
        "request.txt": render_text(_blocks(packet)),
        "checklist.md": render_markdown(checklist_blocks(packet, escape_markdown)),
    }


def check_packet_folder(output_dir: str | os.PathLike, *, force: bool = False,
                        names: Sequence[str] = FILES) -> Path:
    """The packet folder, or InvalidInput: not a folder, a packet already there (without
    `force`), or a parent folder that does not exist (a mistyped path is not created)."""
    target = Path(output_dir)
    if target.exists() and not target.is_dir():
        raise InvalidInput(f"--output {target} exists and is not a folder")
    existing = [name for name in names if (target / name).exists()]
    if existing and not force:
        raise InvalidInput(f"{target} already holds a request packet ({', '.join(existing)}); give --force to "
                           "replace it (edits made to it would be lost) or choose another --output folder")
    if not target.absolute().parent.is_dir():
        raise InvalidInput(f"--output {target}: the folder {target.absolute().parent} does not exist")
    return target


def write_packet_files(files: dict[str, str], output_dir: str | os.PathLike, *, force: bool = False) -> list[Path]:
    """Write the files into output_dir without ever leaving one half-written. A packet already
    there is replaced only with `force`: the physician may have edited it."""
    target = check_packet_folder(output_dir, force=force, names=tuple(files))
    try:
        return _write_packet_files(files, target)
    except OSError as exc:
        raise path_error(target, exc) from None


def _write_packet_files(files: dict[str, str], target: Path) -> list[Path]:
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.absolute().parent))
    try:
        for name, text in files.items():
            with open(staging / name, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        if not target.exists():
            try:
                os.rename(staging, target)
                return [target / name for name in files]
            except OSError:
                target.mkdir(exist_ok=True)  # someone created it meanwhile: move file by file
        for name in files:
            os.replace(staging / name, target / name)
        return [target / name for name in files]
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def write_request_packet(drug: str, output_dir: str | os.PathLike, source=None, sponsor: str | None = None,
                         target: str | None = None, age: str | int | None = None,
                         force: bool = False) -> tuple[RequestPacket, list[Path]]:
    """Build the packet and write it into `output_dir`; an existing packet is replaced only with `force`."""
    check_packet_folder(output_dir, force=force)  # before any search: a usage error costs no requests
    packet = build_request_packet(drug, source=source, sponsor=sponsor, target=target, age=age)
    return packet, write_packet_files(render_packet(packet), output_dir, force=force)
