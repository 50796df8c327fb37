"""The family report: one self-contained HTML page a parent can read, print or send.

Built from the same library results as the commands (`find_trials`, `find_candidates`):
a plain-words summary, each trial (what it tests, ages, why it may fit, what is
uncertain, the nearest sites with distance and contacts, questions for the study team),
each compassionate-use candidate (what it is, why listed, the company's request contact
and response times, what the doctor does next), what to try when nothing is open, a
glossary, the data date and "not medical advice". No external assets: the CSS is inline
and nothing is fetched, so the page works offline.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Sequence

from trialfind.access.candidates import CandidateList, find_candidates
from trialfind.core.ages import describe_days
from trialfind.core.errors import InvalidInput
from trialfind.knowledge.sponsor_directory import general_resources
from trialfind.match.eligibility import CHECK_WITH_TEAM, ages_text, status_words
from trialfind.match.geo import format_distance, nearest_sites, site_is_taking_patients
from trialfind.trials import TrialResults, find_trials

NEAREST_SHOWN = 3
# The application steps as Kids v Cancer gives them to families ("Application process summary").
KIDS_V_CANCER_STEPS = (
    "Ask your child's doctor if compassionate use is the right path for your child.",
    "The doctor contacts the drug company and applies for compassionate use (the request letter helps).",
    "If the company agrees, the doctor submits the paperwork to the FDA (Form 3926) and to the hospital's "
    "Institutional Review Board (IRB).",
    "The FDA assigns an investigational new drug number (IND); for children with cancer this usually takes a few days.",
    "The doctor sends the IND number to the company, which ships the drug directly to the doctor.",
)
KIDS_V_CANCER_SOURCE = "https://www.kidsvcancer.org/compassionate-use/"
QUESTIONS_FOR_STUDY_TEAM = (
    "Is my child eligible, given the diagnosis, earlier treatments and recent scans?",
    "Is there a place for my child now, or a waiting list?",
    "What does the study give, and what is compared with what?",
    "How often would we travel to the site, and for how long? Is help with travel or lodging offered?",
    "What tests and hospital stays does the study add to usual care, and who pays for them?",
    "What are the known side effects so far, and how are they watched?",
    "If the study does not help, what are the next options, and can my child leave at any time?",
)
GLOSSARY = (
    ("Clinical trial", "A research study that tests a treatment in people, following a written plan (protocol)."),
    ("Phase 1 / 2 / 3", "Phase 1 finds a safe dose; phase 2 looks at whether it works; phase 3 compares it with "
                        "the usual treatment."),
    ("Recruiting", "The study is taking new patients now."),
    ("Eligibility criteria", "The rules on who can join: age, diagnosis, earlier treatments, health."),
    ("Compassionate use (expanded access)", "A way to get an experimental drug outside a trial, when no trial "
                                            "fits; the doctor asks the company and the FDA agrees."),
    ("Target", "A gene or protein change in the tumour (such as ALK or BRAF) that some drugs act on."),
    ("IND", "Investigational New Drug number: the FDA's permission to give an experimental drug."),
    ("IRB", "Institutional Review Board: the hospital's ethics committee that approves research and "
            "compassionate use."),
)
# What to try when nothing is open, for a family reading a page (the terminal says it with flags).
REPORT_NEXT_STEPS = (
    "Ask the child's doctor about the compassionate-use candidates below, if any: drugs on the same target "
    "studied only in adults.",
    "Ask about trials closed to new patients: their teams may know of the next study (report option --status all).",
    "Search again with a broader diagnosis (for example 'solid tumor' or 'brain tumor') or the tumour's target.",
    "Kids v Cancer (https://www.kidsvcancer.org/compassionate-use/request-our-help/) helps families and doctors "
    "with compassionate-use requests, free of charge.",
    "The Reagan-Udall Foundation Expanded Access Navigator (https://navigator.reaganudall.org) lists companies' "
    "contacts and policies.",
)
_UNCERTAIN = re.compile(r"\b(ask|check|could not|not given|uncertain|unclear|may|might|broader|keyword|similar|"
                        r"not read|no recruitment|sex was not|exclusion|not yet|invitation)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ReportSite:
    place: str
    distance: str | None
    status: str
    contacts: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ReportTrial:
    nct_id: str
    title: str
    url: str
    what_it_tests: str
    phase: str
    ages: str
    status: str
    eligible: str
    why: tuple[str, ...]
    uncertain: tuple[str, ...]
    nearest: tuple[ReportSite, ...]
    other_sites: tuple[ReportSite, ...]  # every other site that lists a contact, taking patients first
    study_contacts: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ReportCandidate:
    drug: str
    what_it_is: str
    why_listed: tuple[str, ...]
    company: str
    contact: dict[str, str]  # email, phone, portal, policy page, acknowledgement, decision
    has_policy: bool
    ea_available: bool


@dataclass
class FamilyReport:
    """Everything the page shows, as plain data (the HTML is `render_family_report(report)`)."""

    asked: str
    age: str
    place: str | None
    units: str
    summary: str
    trials: list[ReportTrial]
    candidates: list[ReportCandidate]
    not_candidates: list[str]
    next_steps: list[str]
    kids_v_cancer_steps: tuple[str, ...] = KIDS_V_CANCER_STEPS
    questions: tuple[str, ...] = QUESTIONS_FOR_STUDY_TEAM
    glossary: tuple[tuple[str, str], ...] = GLOSSARY
    resources: list[dict[str, Any]] = field(default_factory=list)
    data_version: str | None = None
    made_on: str = ""
    kids_v_cancer_source: str = KIDS_V_CANCER_SOURCE

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _phase_words(phases: Sequence[str]) -> str:
    words = {"EARLY_PHASE1": "early phase 1", "PHASE1": "phase 1", "PHASE2": "phase 2", "PHASE3": "phase 3",
             "PHASE4": "phase 4", "NA": "no phase"}
    return " / ".join(words.get(p, p.lower()) for p in phases) or "phase not given"


def _report_site(near, units: str) -> ReportSite:
    return ReportSite(place=near.site.place(), distance=format_distance(near.distance_km, units),
                      status=status_words(near.site.status) if near.site.status else "taking patients",
                      contacts=tuple(c.parts() for c in near.site.contacts))


def _report_trial(match, near_point, units: str) -> ReportTrial:
    study = match.study
    reasons = [r for r in match.reasons if not r.startswith("nearest site") and r != CHECK_WITH_TEAM]
    uncertain = [r for r in reasons if _UNCERTAIN.search(r)]
    why = [r for r in reasons if r not in uncertain]
    uncertain.append("the full eligibility rules may add limits: the study team decides")
    every = nearest_sites(study, near_point, count=None) if near_point else []
    nearest = tuple(_report_site(n, units) for n in every[:NEAREST_SHOWN])
    shown = {id(n.site) for n in every[:NEAREST_SHOWN]}
    # Every other site that lists a contact, taking patients first: a family may prefer any of them,
    # and a closed site's team may know where the study goes on.
    others = sorted((s for s in study.sites if id(s) not in shown and s.contacts),
                    key=lambda s: not site_is_taking_patients(s, study.status))
    distance = {id(n.site): n for n in every}
    other_sites = tuple(
        _report_site(distance[id(s)], units) if id(s) in distance else
        ReportSite(place=s.place(), distance=None, status=status_words(s.status) if s.status else "taking patients",
                   contacts=tuple(c.parts() for c in s.contacts))
        for s in others)
    tests = ", ".join(iv.name for iv in study.interventions) or "not given in the record"
    return ReportTrial(
        nct_id=study.nct_id, title=study.title, url=study.url, what_it_tests=tests,
        phase=_phase_words(study.phases), ages=ages_text(study), status=status_words(study.status),
        eligible=match.eligible, why=tuple(why), uncertain=tuple(uncertain), nearest=nearest,
        other_sites=other_sites, study_contacts=tuple(c.parts() for c in study.central_contacts))


def _report_candidate(candidate) -> ReportCandidate:
    policy = candidate.ea_policy or {}
    mechanism = candidate.info.mechanism
    what = (f"A drug acting on {', '.join(candidate.targets)}" + (f" ({mechanism})" if mechanism else "")
            + (", approved for some adult cancers" if candidate.info.approved else ", not approved yet") + ".")
    contact = {k: v for k, v in (
        ("Email", policy.get("contact_email")), ("Phone", policy.get("contact_phone")),
        ("Request portal", policy.get("request_portal")), ("Policy page", policy.get("policy_url")),
        ("Acknowledges a request", policy.get("acknowledgement_time")),
        ("Decides", policy.get("decision_time")), ("Who may ask", policy.get("who_may_request")),
    ) if v}
    company = policy.get("company") or "; ".join(candidate.company) or "not recorded"
    return ReportCandidate(drug=candidate.drug, what_it_is=what, why_listed=tuple(candidate.reasons),
                           company=company, contact=contact, has_policy=bool(policy),
                           ea_available=candidate.ea_available)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _summary(trials: TrialResults, candidates: CandidateList | None) -> str:
    open_words = "open trial" if trials.status == "open" else "trial"
    parts = [f"{_plural(len(trials), open_words + ' may fit', open_words + 's may fit')}"
             if trials else f"no {open_words} in the data fits"]
    if candidates is not None:
        targets = ", ".join(q.label for q in candidates.queries)
        parts.append(f"{_plural(len(candidates), 'drug', 'drugs')} on the same target ({targets}) "
                     f"{'is' if len(candidates) == 1 else 'are'} studied only in adults")
    text = "; ".join(parts) + "."
    return text[:1].upper() + text[1:]


def build_family_report(trials: TrialResults, candidates: CandidateList | None = None, *,
                        today: _dt.date | None = None) -> FamilyReport:
    """The report from ready results (the web app and tests call this; `family_report` searches)."""
    profile = trials.profile
    place = trials.place
    units = trials.units
    report_trials = [_report_trial(m, profile.near, units) for m in trials]
    report_candidates = [_report_candidate(c) for c in (candidates or [])]
    next_steps: list[str] = []
    if not report_trials:
        next_steps = list(REPORT_NEXT_STEPS)
        if trials.within_km is not None:
            next_steps.insert(0, f"Look farther than {format_distance(trials.within_km, units)}: "
                                 "trials farther away were left out.")
    elif not report_candidates and candidates is None:
        next_steps = ["Give the tumour's target (for example ALK) to also see drugs studied only in adults "
                      "that a doctor can request as compassionate use."]
    return FamilyReport(
        asked=", ".join([*profile.conditions, *profile.targets]), age=describe_days(profile.age_days),
        place=place.label if place else None, units=units, summary=_summary(trials, candidates),
        trials=report_trials, candidates=report_candidates,
        not_candidates=candidates.not_candidate_lines() if candidates is not None else [],
        next_steps=next_steps,
        resources=[{"name": r.name, "url": r.url, "email": r.contact_email, "phone": r.contact_phone,
                    "offers": r.what_it_offers} for r in general_resources()],
        data_version=trials.data_version, made_on=(today or _dt.date.today()).isoformat())


def family_report(*, condition: str | Sequence[str] = (), target: str | Sequence[str] = (), age: str | int,
                  near: str | None = None, within: str | None = None, units: str | None = None,
                  status: str = "open", source=None, limit: int | None = 20) -> FamilyReport:
    """Search trials (and, with a target, candidates) for the child and build the report."""
    if not condition and not target:
        raise InvalidInput("give at least one --condition or --target")
    trials = find_trials(condition=condition, target=target, age=age, near=near, within=within, units=units,
                         status=status, source=source, limit=limit)
    candidates = find_candidates(target, age, condition=condition, source=source) if target else None
    return build_family_report(trials, candidates)


@lru_cache(maxsize=1)
def _environment():
    import jinja2  # lazy: only the report and the web app need templates

    return jinja2.Environment(loader=jinja2.PackageLoader("trialfind.output", "templates"),
                              autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
                              trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=1)
def page_stylesheet() -> str:
    """The one stylesheet of the pages trialfind writes for families (the report, the web app,
    the watch digest): readable on a phone, prints well."""
    return _environment().loader.get_source(_environment(), "style.css")[0]


def render_family_report(report: FamilyReport) -> str:
    """The report as one self-contained HTML page."""
    return _environment().get_template("family_report.html").render(report=report)
