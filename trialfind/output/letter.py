"""The physician's letter and checklist, rendered from a RequestPacket (access.packet) to
Markdown (request.md, checklist.md) and plain text (request.txt), and written atomically.

The letter argues from what the tables and records show (mechanism, approval, the drug's
own trials, paediatric experience, variant evidence, expanded-access records) and says
plainly when something was not found; what only the physician knows is a [BRACKETED]
placeholder, including the molecular evidence the company will weigh."""
from __future__ import annotations

import os
from pathlib import Path

from trialfind.access.packet import RequestPacket, build_request_packet
from trialfind.output.document import T, Text, link, render_markdown, render_text, t
from trialfind.output.files import check_folder, write_folder_atomically

PLACEHOLDERS = {
    "patient": "[PATIENT INITIALS OR STUDY ID]",
    "diagnosis": "[DIAGNOSIS DETAILS]",
    "finding": "[MOLECULAR FINDING, TEST AND REPORT DATE]",
    "variant": "[VARIANT, e.g. ALK F1174L]",
    "test": "[TEST USED: NAME, LABORATORY, TUMOUR OR LIQUID BIOPSY]",
    "report": "[REPORT DATE AND VARIANT ALLELE FREQUENCY]",
    "activity": "[EVIDENCE OF THE DRUG'S ACTIVITY ON THIS VARIANT, WITH REFERENCES]",
    "mechanism": "[MECHANISM OF ACTION AND TARGET]",
    "pediatric": "[PAEDIATRIC DOSING RATIONALE OR PUBLISHED PAEDIATRIC EXPERIENCE]",
    "prior": "[PRIOR TREATMENTS AND RESPONSES]",
    "status": "[CURRENT CLINICAL STATUS]",
    "alternatives": "[WHY STANDARD OPTIONS ARE EXHAUSTED OR UNSUITABLE]",
    "plan": "[PROPOSED DOSE, SCHEDULE AND MONITORING PLAN]",
    "benefit": "[WHY THE POTENTIAL BENEFIT OUTWEIGHS THE RISKS FOR THIS PATIENT]",
    "physician": "[PHYSICIAN NAME, TITLE]",
    "institution": "[INSTITUTION]",
    "physician_email": "[PHYSICIAN EMAIL]",
    "physician_phone": "[PHYSICIAN PHONE]",
    "date": "[DATE SENT]",
}
FILES = ("request.md", "request.txt", "checklist.md")
MAX_TRIALS_LISTED = 25
P = PLACEHOLDERS


def _phase(value: str | None) -> str:
    return (value or "not stated").replace("EARLY_PHASE1", "early phase 1").replace("PHASE", "phase ")


def _ids(studies) -> str:
    ids = [s.nct_id for s in studies]
    return ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")


# --- the evidence, in sentences that never contradict each other ----------------------------

def _mechanism_sentence(packet: RequestPacket) -> T:
    facts = packet.facts
    if facts.mechanism:
        names = list(facts.targets)
        targets = f", acting on {' and '.join([', '.join(names[:-1]), names[-1]] if len(names) > 1 else names)}" \
            if names else ""
        article = "an" if facts.mechanism[:1].lower() in "aeiou" else "a"
        return t("it is " + article + " {mechanism}{targets}.", mechanism=facts.mechanism, targets=targets)
    return t(P["mechanism"] + ".")


def _approval_sentence(packet: RequestPacket) -> T:
    facts = packet.facts
    if facts.children_approvals:
        words = "; ".join(a.words() for a in facts.children_approvals)
        return t("It is {words}; for that use it can be prescribed without expanded access, and this request is "
                 "for a use outside that approval.", words=words)
    if facts.approvals:
        words = "; ".join(a.words() for a in facts.approvals)
        return t("It is {words}; no approval for children is recorded in trialfind's tables.", words=words) \
            if any(a.population for a in facts.approvals) else t("It is {words}.", words=words)
    if facts.approved is False:
        return t("It is not approved anywhere (investigational).")
    return t("Whether it is approved is not recorded in trialfind's tables.")


def _trials_sentence(packet: RequestPacket) -> T:
    if not packet.searched:
        return t("[SUMMARY OF THE DRUG'S CLINICAL TRIALS]")
    version = t(" (data version {v})", v=packet.data_version) if packet.data_version else ""
    if not packet.trials:
        return t("No trial testing {drug} itself was found in the ClinicalTrials.gov records searched{version}; "
                 "this request rests on its mechanism, its approval status and the molecular evidence above.",
                 drug=packet.name, version=version)
    phase1 = packet.completed_phase1
    done = t("; completed phase 1: {ids}", ids=_ids(phase1)) if phase1 else "; no completed phase 1 study is listed"
    return t("ClinicalTrials.gov lists {n} trial(s) testing {drug} (highest phase: {phase}; {open} open){done}.",
             n=len(packet.trials), drug=packet.name, phase=_phase(packet.highest_phase),
             open=len(packet.open_trials), done=done)


def _pediatric_sentence(packet: RequestPacket) -> T:
    children = packet.pediatric_trials
    if children:
        return t("Paediatric experience: {n} of its trials admit children by their stated ages ({ids}); "
                 + P["pediatric"] + ".", n=len(children), ids=_ids(children))
    return t("Paediatric experience: none of its trials in the data admits children; " + P["pediatric"] + ".")


def _variant_items(packet: RequestPacket) -> list[T]:
    facts = packet.facts
    items = [t("Variant: {variant}", variant=packet.target) if packet.target else t("Variant: " + P["variant"]),
             t("Test used: " + P["test"]), t("Report: " + P["report"])]
    for fact in facts.variant_facts:
        items.append(t("Activity of {drug} on {variant}: {effect} ({evidence}): {note} Source: {source}",
                       drug=packet.name, variant=fact.variant, effect=fact.effect, evidence=fact.evidence,
                       note=fact.note.rstrip(".") + ".", source=link(fact.source)))
    if not facts.variant_facts:
        why = "" if facts.variant_table else " (no variant-effect table is installed)"
        items.append(t("Activity of {drug} on the variant: " + P["activity"] + why, drug=packet.name))
    return items


def _trial_eligibility_sentence(packet: RequestPacket) -> Text:
    check = next((c for c in packet.checks if c.key == "not_eligible_for_trials"), None)
    if check is not None and check.answer == "not met":
        return t("Note before sending: {reason}", reason=check.reason)
    what = t(" What trialfind checked: {reason}", reason=check.reason) if check is not None else ""
    return t("To my knowledge the patient is not eligible for any ongoing clinical trial of this drug "
             "[PHYSICIAN TO CONFIRM].{what}", what=what)


# --- the letter -----------------------------------------------------------------------------

def _contact_items(policy) -> list[T]:
    items = [t(f"{label}: {{value}}", value=value) for label, value in (
        ("Email", policy.contact_email), ("Phone", policy.contact_phone),
        ("Request portal / form", link(policy.request_portal)), ("Policy", link(policy.policy_url))) if value]
    if not (policy.contact_email or policy.contact_phone or policy.request_portal):
        items.append(t("No contact was printed on the source page read: use the policy page or the "
                       "Reagan-Udall Expanded Access Navigator."))
    return items


def _where_to_send(packet: RequestPacket) -> list[tuple]:
    policy = packet.policy
    if policy is None:
        return [("p", t("{company} is not in trialfind's expanded-access directory. Find its expanded-access "
                        "contact through the Reagan-Udall Expanded Access Navigator or the other general resources "
                        "listed at the end.", company=packet.company))]
    part = t(" (part of {parent})", parent=policy.parent_company) if policy.parent_company else ""
    items = [t("Company: {company}{part}", company=policy.company, part=part), *_contact_items(policy)]
    for label, value in (("How to request", policy.how_to_request), ("Who may request", policy.who_may_request),
                         ("Stated acknowledgement time", policy.acknowledgement_time),
                         ("Stated decision time", policy.decision_time)):
        if value:
            items.append(t(f"{label}: {{value}}", value=value))
    items.append(t("Source: {urls} (read {date}; re-check the contact on the live policy page)",
                   urls=_links(policy.source_urls), date=policy.date_verified or "date unknown"))
    return [("ul", items)]


def _trial_rows(studies) -> list[dict[str, str]]:
    return [{"NCT id": s.nct_id, "phase": "/".join(s.phases) or "n/a", "status": s.status or "unknown",
             "ages": f"{s.min_age or 'no minimum'} to {s.max_age or 'no maximum'}",
             "last update": s.last_update or "unknown", "sponsor": s.lead_sponsor or "", "url": link(s.url)}
            for s in studies[:MAX_TRIALS_LISTED]]


def _evidence_blocks(packet: RequestPacket) -> list[tuple]:
    facts = packet.facts
    blocks: list[tuple] = [("h2", t("Evidence for {drug}", drug=packet.name)), ("h3", "What the drug is")]
    items = [t("Mechanism: {m}", m=facts.mechanism) if facts.mechanism else t("Mechanism: " + P["mechanism"])]
    if facts.targets:
        items.append(t("Targets: {targets}", targets=", ".join(facts.targets)))
    if facts.companies:
        items.append(t("Company: {companies}", companies=" / ".join(facts.companies)))
    for approval in facts.approvals:
        items.append(t("Approval: {words}; source: {source}", words=approval.words(), source=link(approval.source)))
    if not facts.approvals:
        items.append(t("Approval: not approved anywhere (investigational)") if facts.approved is False
                     else t("Approval: not recorded in trialfind's tables"))
    if facts.known:
        items.append(t("Drug table source: {source}{chembl}", source=link(facts.source) or "not recorded",
                       chembl=t(" (ChEMBL {id})", id=facts.chembl_id) if facts.chembl_id else ""))
    blocks.append(("ul", items))
    blocks += [("h3", "Molecular evidence (the physician completes the bracketed fields)"),
               ("ul", _variant_items(packet)), ("h3", t("Trials testing {drug}", drug=packet.name))]
    if packet.trials:
        rows = _trial_rows(packet.trials)
        blocks.append(("table", list(rows[0]), rows))
        if len(packet.trials) > MAX_TRIALS_LISTED:
            blocks.append(("p", t("{n} more trial(s) not listed.", n=len(packet.trials) - MAX_TRIALS_LISTED)))
        if packet.roles_unstated:
            blocks.append(("p", t("The records of {ids} do not say which arm gives the drug; they are counted as "
                                  "its own trials.", ids=", ".join(packet.roles_unstated))))
    else:
        blocks.append(("p", t("None found in the data searched.") if packet.searched else t("Not searched.")))
    blocks += [("h3", "Completed phase 1"),
               ("p", t("{ids}.", ids=_ids(packet.completed_phase1)) if packet.completed_phase1
                else t("No completed phase 1 study of {drug} is in the data searched.", drug=packet.name)),
               ("h3", "Paediatric experience"), ("p", _pediatric_sentence(packet))]
    if packet.other_role_trials:
        blocks.append(("h3", t("Trials where {drug} is only a comparator or background therapy (not evidence "
                               "for this request, not used in the checks)", drug=packet.name)))
        blocks.append(("table", ["NCT id", "role", "why", "sponsor", "url"], [
            {"NCT id": r.study.nct_id, "role": r.role.role, "why": r.role.reason, "sponsor": r.study.lead_sponsor or "",
             "url": link(r.study.url)} for r in packet.other_role_trials]))
    blocks.append(("h3", "Expanded-access records on ClinicalTrials.gov"))
    if packet.ea_records:
        blocks.append(("table", ["NCT id", "status", "last update", "linked from", "url"], [
            {"NCT id": r.nct_id or "(not given)", "status": r.status_words, "last update": r.last_update or "unknown",
             "linked from": ", ".join(r.linked_from), "url": link(r.url)} for r in packet.ea_records]))
    else:
        blocks.append(("p", t("None found: a single-patient request is still possible.")))
    return blocks


def letter_blocks(packet: RequestPacket) -> list[tuple]:
    policy = packet.policy
    version = t(" (data version {v})", v=packet.data_version) if packet.data_version else ""
    blocks: list[tuple] = [
        ("h1", t("Expanded-access (compassionate use) request: {drug}", drug=packet.name)),
        ("p", t("Prepared by trialfind on {date} from ClinicalTrials.gov records{version} and trialfind's drug "
                "tables. Fill in every [BRACKETED] placeholder. Do not add the patient's name, date of birth, "
                "address or record number: companies ask for no personally identifiable information. Check every "
                "fact below against its source before sending. Not medical advice.",
                date=packet.generated_on, version=version)),
    ]
    if packet.notes:
        blocks.append(("ul", [t("{note}", note=n) for n in packet.notes]))
    blocks += [("h2", "Where to send it"), *_where_to_send(packet), ("h2", "Letter"),
               ("p", f"Date: {P['date']}"),
               ("p", t("To: {company} expanded-access / medical information team", company=packet.company)),
               ("p", f"From: {P['physician']}, {P['institution']}, {P['physician_email']}, {P['physician_phone']}"),
               ("p", t("Re: Request for single-patient expanded access to {drug}", drug=packet.name)),
               ("p", t("Dear {company} expanded-access team,", company=packet.company)),
               ("p", t("I am the treating physician of a patient with a serious, life-threatening cancer and I am "
                       "writing to ask whether {company} would provide {drug} for this patient under single-patient "
                       "expanded access (compassionate use).", company=packet.company, drug=packet.name)),
               ("ul", [f"Patient: {P['patient']}", t("Age band: {band}", band=packet.age_band) if packet.age_band
                       else "Age band: [AGE BAND]", f"Diagnosis: {P['diagnosis']}",
                       t("Molecular finding: {target} — " + P["finding"], target=packet.target) if packet.target
                       else f"Molecular finding: {P['finding']}",
                       f"Prior treatments: {P['prior']}", f"Current status: {P['status']}",
                       f"Why standard options are not suitable: {P['alternatives']}"]),
               ("p", t("Why {drug}: {mechanism} {approval} {variant}", drug=packet.name,
                       mechanism=_mechanism_sentence(packet), approval=_approval_sentence(packet),
                       variant=_variant_claim(packet))),
               ("p", _trials_sentence(packet)), ("p", _pediatric_sentence(packet)),
               ("p", _trial_eligibility_sentence(packet)),
               ("p", f"Expected benefit and risks: {P['benefit']}."),
               ("p", f"Proposed treatment plan: {P['plan']}. If you agree, I will submit the request to the FDA "
                     "(Form 3926 for a single patient) and to our Institutional Review Board, send you the IND "
                     "number the FDA assigns, and report adverse events as required."),
               ("p", f"Please reply to {P['physician_email']} or {P['physician_phone']}. Thank you for considering "
                     "this request."),
               ("p", f"Sincerely,\n{P['physician']}\n{P['institution']}")]
    blocks += _evidence_blocks(packet)
    blocks.append(("h2", "The company's criteria, checked against the records"))
    if policy is not None and policy.evaluation_criteria:
        blocks.append(("p", t("{company} states these criteria:", company=policy.company)))
        blocks.append(("ul", [t("{c}", c=c) for c in policy.evaluation_criteria]))
    blocks.append(("table", ["criterion", "status", "who answers", "what was checked"], [
        {"criterion": c.criterion, "status": c.answer, "who answers": c.answered_by, "what was checked": c.reason}
        for c in packet.checks]))
    blocks += [("h2", "General resources"), ("ul", _resource_items(packet.resources))]
    return blocks


def _variant_claim(packet: RequestPacket) -> T:
    """One sentence on the variant, from the variant table only; otherwise the physician's field."""
    working = [f for f in packet.facts.variant_facts if not f.against]
    failing = [f for f in packet.facts.variant_facts if f.against]
    if working:
        f = working[0]
        return t("Published {evidence} evidence shows activity on {variant}: {note}.", evidence=f.evidence,
                 variant=f.variant, note=f.note.rstrip("."))
    if failing:
        f = failing[0]
        effect = {"resistant": "resistance", "not active": "no activity"}.get(f.effect, f.effect)
        return t("Caution: published {evidence} evidence reports {effect} with {variant} ({note}); the physician "
                 "explains why the request still makes sense.", evidence=f.evidence, effect=effect,
                 variant=f.variant, note=f.note.rstrip("."))
    return t("Its activity on the patient's variant: " + P["activity"] + ".")


def _links(urls) -> T | str:
    urls = [u for u in urls or () if u]
    if not urls:
        return "not recorded"
    return T("; ".join(f"{{u{i}}}" for i in range(len(urls))), {f"u{i}": link(u) for i, u in enumerate(urls)})


def _resource_items(resources) -> list[T]:
    items = []
    for r in resources:
        contacts = [link(x) for x in (r.url, r.contact_email, r.contact_phone) if x]
        items.append(t("{name}{offers}{contacts} — source: {sources}, read {date}", name=r.name,
                       offers=t(" — {offers}", offers=r.what_it_offers) if r.what_it_offers else "",
                       contacts=T(" — " + "; ".join(f"{{c{i}}}" for i in range(len(contacts))),
                                  {f"c{i}": c for i, c in enumerate(contacts)}) if contacts else "",
                       sources=_links(r.source_urls), date=r.date_verified))
    return items


def checklist_blocks(packet: RequestPacket) -> list[tuple]:
    policy = packet.policy
    contact = ", ".join(x for x in ((policy.contact_email, policy.contact_phone, policy.request_portal)
                                    if policy else ()) if x) or "the company's expanded-access contact (see request.md)"
    stated = "; ".join(x for x in ((policy.acknowledgement_time, policy.decision_time) if policy else ()) if x)
    ack = f" The company states: {stated}." if stated else ""
    fda = next((r for r in packet.resources if "Division of Drug Information" in r.name), None)
    fda_contact = f" (emergency requests: {fda.contact_phone}, {fda.contact_email})" if fda and fda.contact_phone else ""
    c, d = packet.company, packet.name
    steps = [
        t("The physician confirms compassionate use is the right path: no open trial fits the child (see the "
          "criteria check in request.md) and standard options are exhausted or unsuitable."),
        t("The physician fills in the placeholders of request.md / request.txt (no name, date of birth or record "
          "number) and sends it to {c}: {contact}.{ack}", c=c, contact=contact, ack=ack),
        t("{c} agrees to provide {d} (usually with a letter of authorization for its IND).", c=c, d=d),
        t("The physician submits the request to the FDA (Form 3926 for a single patient; the Reagan-Udall eRequest "
          "can help){fda}, and to the hospital's Institutional Review Board (IRB).", fda=fda_contact),
        t("The FDA assigns an IND number to the request (for children with cancer it usually takes a few days)."),
        t("The physician sends the IND number to {c}.", c=c),
        t("{c} ships {d} directly to the physician.", c=c, d=d),
        t("Treatment starts; the physician reports adverse events to the FDA and the company as required."),
        t("Optional: record the request and its outcome (without identifying data) with `trialfind registry` or "
          "the Kids v Cancer navigator, to help future children."),
    ]
    return [("h1", t("Checklist: expanded-access request for {d}", d=d)),
            ("p", t("Prepared by trialfind on {date}. Tick each step as it is done.", date=packet.generated_on)),
            ("checklist", steps), ("h2", "Help along the way"), ("ul", _resource_items(packet.resources))]


def render_packet(packet: RequestPacket) -> dict[str, str]:
    blocks = letter_blocks(packet)
    return {"request.md": render_markdown(blocks), "request.txt": render_text(blocks),
            "checklist.md": render_markdown(checklist_blocks(packet))}


def write_request_packet(drug: str, output_dir: str | os.PathLike, source=None, sponsor: str | None = None,
                         target: str | None = None, age: str | int | None = None,
                         force: bool = False) -> tuple[RequestPacket, list[Path]]:
    """Build the packet and write it into `output_dir`. `force` (the CLI's --force) both lets
    `sponsor` be another company than the drug's own and replaces a packet already there."""
    check_folder(output_dir, FILES, force=force)  # before any search: a usage error costs no requests
    packet = build_request_packet(drug, source=source, sponsor=sponsor, target=target, age=age, force=force)
    return packet, write_folder_atomically(render_packet(packet), output_dir, force=force)
