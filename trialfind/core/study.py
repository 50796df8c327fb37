"""The Study record: one ClinicalTrials.gov v2 study, normalised for matching.

Every field tolerates absence: field-limited API answers (`fields=`) and old records
omit whole modules, and a missing value must never be read as a "no".
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

from trialfind.core.ages import max_age_days, min_age_days
from trialfind.core.arms import ArmGroup, Intervention, parse_arm_groups, parse_interventions  # noqa: F401
from trialfind.core.contacts import Contact, parse_contacts
from trialfind.core.criteria_text import CriteriaParts, split_criteria, split_criteria_parts  # noqa: F401 (re-export)
from trialfind.core.record_shape import conform, json_type
from trialfind.core.text import is_nct_id

STUDY_URL = "https://clinicaltrials.gov/study/{nct_id}"

# The v2 field paths the parser reads; sent as `fields=` so searches carry only these.
PARSER_FIELDS: tuple[str, ...] = (
    "protocolSection.identificationModule.nctId",
    "protocolSection.identificationModule.briefTitle",
    "protocolSection.identificationModule.officialTitle",
    "protocolSection.identificationModule.acronym",
    "protocolSection.statusModule.overallStatus",
    "protocolSection.statusModule.expandedAccessInfo",
    "protocolSection.statusModule.startDateStruct",
    "protocolSection.statusModule.primaryCompletionDateStruct",
    "protocolSection.statusModule.completionDateStruct",
    "protocolSection.statusModule.lastUpdatePostDateStruct",
    "protocolSection.sponsorCollaboratorsModule.leadSponsor",
    "protocolSection.sponsorCollaboratorsModule.collaborators",
    "protocolSection.descriptionModule.briefSummary",
    "protocolSection.conditionsModule",
    "protocolSection.designModule.studyType",
    "protocolSection.designModule.phases",
    "protocolSection.designModule.designInfo.primaryPurpose",
    "protocolSection.designModule.enrollmentInfo",
    "protocolSection.armsInterventionsModule",  # interventions and arms (which arm gives what)
    "protocolSection.eligibilityModule",
    "protocolSection.contactsLocationsModule.centralContacts",
    "protocolSection.contactsLocationsModule.locations",
    "derivedSection.conditionBrowseModule.meshes",
    "derivedSection.conditionBrowseModule.ancestors",
    "derivedSection.interventionBrowseModule.meshes",
    "derivedSection.miscInfoModule.versionHolder",
)

PHASE_ORDER = {"EARLY_PHASE1": 0.5, "PHASE1": 1, "PHASE2": 2, "PHASE3": 3, "PHASE4": 4, "NA": 0}
OPEN_STATUSES = frozenset({"RECRUITING"})


def highest_phase(phases, *, ignore_na: bool = False) -> str | None:
    """The most advanced of ClinicalTrials.gov phase codes ("PHASE1", "PHASE2", ...);
    with ignore_na, "NA" (not applicable) does not count as a phase."""
    known = [p for p in phases or () if p in PHASE_ORDER and not (ignore_na and p == "NA")]
    return max(known, key=PHASE_ORDER.__getitem__) if known else None


FLAGGED_OPEN_STATUSES = frozenset({"NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"})
EXPANDED_ACCESS_OPEN = frozenset({"AVAILABLE"})

# designInfo.primaryPurpose -> the plain word shown to families.
PURPOSE_WORDS = {
    "TREATMENT": "treatment", "SUPPORTIVE_CARE": "supportive care", "PREVENTION": "prevention",
    "DIAGNOSTIC": "diagnostic", "SCREENING": "screening", "BASIC_SCIENCE": "research",
    "HEALTH_SERVICES_RESEARCH": "research", "DEVICE_FEASIBILITY": "research", "ECT": "research", "OTHER": "other",
}
# Interventions that treat the disease, for records that do not state their purpose.
TREATING_INTERVENTIONS = frozenset({"DRUG", "BIOLOGICAL", "GENETIC", "RADIATION", "COMBINATION_PRODUCT", "PROCEDURE"})

@dataclass(frozen=True)
class Site:
    facility: str | None
    city: str | None
    state: str | None
    country: str | None
    status: str | None
    lat: float | None
    lon: float | None
    contacts: tuple[Contact, ...] = ()  # the site's own contacts (investigator, coordinator)
    zip: str | None = None

    def place(self) -> str:
        return ", ".join(p for p in (self.facility, self.city, self.state, self.country) if p)


@dataclass(frozen=True)
class ExpandedAccessInfo:
    has_expanded_access: bool | None
    nct_id: str | None
    status: str | None


@dataclass(frozen=True)
class Study:
    nct_id: str
    brief_title: str
    official_title: str | None = None
    acronym: str | None = None
    status: str | None = None
    study_type: str | None = None
    phases: tuple[str, ...] = ()
    primary_purpose: str | None = None  # designInfo.primaryPurpose as recorded: TREATMENT, SUPPORTIVE_CARE, ...
    conditions: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    condition_mesh_terms: tuple[str, ...] = ()
    condition_mesh_ancestors: tuple[str, ...] = ()
    intervention_mesh_terms: tuple[str, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    arm_groups: tuple[ArmGroup, ...] = ()
    brief_summary: str | None = None
    min_age: str | None = None
    max_age: str | None = None
    min_age_days: int | None = None
    max_age_days: int | None = None
    std_ages: tuple[str, ...] = ()
    sex: str | None = None
    healthy_volunteers: bool | None = None
    eligibility_text: str | None = None
    inclusion_criteria: str | None = None
    exclusion_criteria: str | None = None
    criteria_unsplit: bool = False  # no inclusion/exclusion headings: a mention there is never certain
    # eligibilityModule.studyPopulation: who an observational study recruits, in the sponsor's words
    study_population: str | None = None
    lead_sponsor: str | None = None
    lead_sponsor_class: str | None = None
    collaborators: tuple[str, ...] = ()
    sites: tuple[Site, ...] = ()
    central_contacts: tuple[Contact, ...] = ()
    expanded_access: ExpandedAccessInfo | None = None
    start_date: str | None = None
    primary_completion_date: str | None = None
    completion_date: str | None = None
    last_update: str | None = None
    enrollment: int | None = None
    version_holder: str | None = None
    raw_fields_complete: bool = field(default=True, compare=False)

    @property
    def url(self) -> str:
        return STUDY_URL.format(nct_id=self.nct_id)

    @property
    def title(self) -> str:
        return self.brief_title or self.official_title or self.nct_id

    @property
    def is_expanded_access(self) -> bool:
        return self.study_type == "EXPANDED_ACCESS"

    @property
    def highest_phase(self) -> str | None:
        return highest_phase(self.phases)

    @property
    def purpose(self) -> str:
        """What the study is for, in plain words: "treatment", "supportive care", "diagnostic", ...

        A record without a stated purpose is "treatment?" when it gives a drug, biological,
        radiation or procedure, "unknown" otherwise: the question mark says it was inferred."""
        if self.primary_purpose:
            return PURPOSE_WORDS.get(self.primary_purpose, self.primary_purpose.replace("_", " ").lower())
        if any((iv.type or "").upper() in TREATING_INTERVENTIONS for iv in self.interventions):
            return "treatment?"
        return "unknown"

    @property
    def intervention_names(self) -> tuple[str, ...]:
        return tuple(name for iv in self.interventions for name in iv.all_names)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["url"] = self.url
        return data


def _get(mapping: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(mapping, dict):
            return None
        mapping = mapping.get(key)
    return mapping


def _strings(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list):
        return ()
    return tuple(v.strip() for v in values if isinstance(v, str) and v.strip())


def _float(value: Any) -> float | None:
    try:
        number = float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
    return number if number is not None and math.isfinite(number) else None


@dataclass(frozen=True)
class UnreadableRecord:
    """A record that could not be read as a study: counted and named, never silently dropped."""

    nct_id: str | None
    reason: str
    title: str | None = None  # names a record that has no readable NCT id
    where: str | None = None  # where it was met, e.g. "record 12 of studies.jsonl"

    def describe(self) -> str:
        if self.nct_id:
            name = self.nct_id
        elif self.title:
            name = f"a record without an NCT id, titled {self.title[:60]!r}"
        else:
            name = self.where or "a record without an NCT id"
        return f"{name}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {"nct_id": self.nct_id, "title": self.title, "where": self.where, "reason": self.reason}


def _age_days(read, text: str | None) -> int | None:
    try:
        return read(text)
    except (ValueError, OverflowError):  # "1e999 Years": kept as text, read as "could not be read"
        return None


def _text_or_none(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _unreadable(record: Any, reason: str) -> UnreadableRecord:
    nct_id = _get(record, "protocolSection", "identificationModule", "nctId")
    nct_id = nct_id if isinstance(nct_id, str) and is_nct_id(nct_id) else None
    title = None
    if nct_id is None:
        found = _get(record, "protocolSection", "identificationModule", "briefTitle")
        title = (" ".join(found.split())[:200] or None) if isinstance(found, str) else None
    return UnreadableRecord(nct_id, reason, title)


def _site(loc: dict) -> Site:
    geo = loc["geoPoint"] if isinstance(loc.get("geoPoint"), dict) else {}
    return Site(
        facility=loc.get("facility"),
        city=loc.get("city"),
        state=loc.get("state"),
        country=loc.get("country"),
        status=loc.get("status"),
        lat=_float(geo.get("lat")),
        lon=_float(geo.get("lon")),
        contacts=parse_contacts(loc.get("contacts")),
        zip=loc.get("zip"),
    )


def _sites(locations: list) -> tuple[Site, ...]:
    """The study's sites. Equal locations of text only (no point, no contacts) share one frozen Site:
    a countries-only field list (`candidates`) gives thousands of {"country": ...}."""
    made: dict[tuple, Site] = {}
    sites = []
    for loc in locations:
        if not isinstance(loc, dict):
            continue
        try:
            site = made.get(key := tuple(loc.items()))  # a hit equals a key of text only: its values are text
        except TypeError:  # unhashable: a point, contacts; made each time
            site = key = None
        if site is None:
            site = _site(loc)
            if key is not None and all(type(v) is str for v in loc.values()):
                made[key] = site
        sites.append(site)
    return tuple(sites)


def parse_study(record: Any) -> Study | UnreadableRecord:
    """Build a Study from a v2 study object (full or field-limited). Never raises on data:
    a part of the wrong type is read as absent, and a record whose NCT id, status, ages or
    sex cannot be read is returned as an UnreadableRecord for the caller to count."""
    if not isinstance(record, dict):
        return UnreadableRecord(None, f"a study record must be a JSON object, not {json_type(record)}")
    record, problems = conform(record)
    protocol = record.get("protocolSection") or {}
    ident = protocol.get("identificationModule") or {}
    nct_id = ident.get("nctId")
    if problems:
        return _unreadable(record, "; ".join(problems))
    if not nct_id:
        return _unreadable(record, "no protocolSection.identificationModule.nctId")
    if not is_nct_id(nct_id):
        return _unreadable(record, f"nctId {nct_id[:40]!r} is not an NCT id")
    status = protocol.get("statusModule") or {}
    sponsors = protocol.get("sponsorCollaboratorsModule") or {}
    conditions = protocol.get("conditionsModule") or {}
    design = protocol.get("designModule") or {}
    arms = protocol.get("armsInterventionsModule") or {}
    eligibility = protocol.get("eligibilityModule") or {}
    contacts = protocol.get("contactsLocationsModule") or {}
    derived = record.get("derivedSection") or {}

    sites = _sites(contacts.get("locations") or [])
    central = parse_contacts(contacts.get("centralContacts"))
    ea = status.get("expandedAccessInfo")
    expanded = (
        ExpandedAccessInfo(
            has_expanded_access=ea.get("hasExpandedAccess"),
            nct_id=ea.get("nctId"),
            status=ea.get("statusForNctId"),
        )
        if isinstance(ea, dict)
        else None
    )
    criteria = eligibility.get("eligibilityCriteria")
    criteria_parts = split_criteria_parts(criteria)
    min_age = eligibility.get("minimumAge")
    max_age = eligibility.get("maximumAge")
    enrollment = _get(design, "enrollmentInfo", "count")
    return Study(
        nct_id=nct_id,
        brief_title=(ident.get("briefTitle") or "").strip(),
        official_title=ident.get("officialTitle"),
        acronym=ident.get("acronym"),
        status=status.get("overallStatus"),
        study_type=design.get("studyType"),
        phases=_strings(design.get("phases")),
        primary_purpose=_text_or_none(_get(design, "designInfo", "primaryPurpose")),
        conditions=_strings(conditions.get("conditions")),
        keywords=_strings(conditions.get("keywords")),
        condition_mesh_terms=tuple(
            m["term"] for m in (_get(derived, "conditionBrowseModule", "meshes") or []) if m.get("term")
        ),
        condition_mesh_ancestors=tuple(
            m["term"] for m in (_get(derived, "conditionBrowseModule", "ancestors") or []) if m.get("term")
        ),
        intervention_mesh_terms=tuple(
            m["term"] for m in (_get(derived, "interventionBrowseModule", "meshes") or []) if m.get("term")
        ),
        interventions=parse_interventions(arms),
        arm_groups=parse_arm_groups(arms),
        brief_summary=_get(protocol, "descriptionModule", "briefSummary"),
        min_age=min_age,
        max_age=max_age,
        min_age_days=_age_days(min_age_days, min_age),
        max_age_days=_age_days(max_age_days, max_age),
        std_ages=_strings(eligibility.get("stdAges")),
        sex=eligibility.get("sex"),
        healthy_volunteers=eligibility.get("healthyVolunteers"),
        eligibility_text=criteria,
        inclusion_criteria=criteria_parts.inclusion,
        exclusion_criteria=criteria_parts.exclusion,
        criteria_unsplit=criteria_parts.unsplit,
        study_population=_text_or_none(eligibility.get("studyPopulation")),
        lead_sponsor=_get(sponsors, "leadSponsor", "name"),
        lead_sponsor_class=_get(sponsors, "leadSponsor", "class"),
        collaborators=tuple(c["name"] for c in (sponsors.get("collaborators") or []) if c.get("name")),
        sites=sites,
        central_contacts=central,
        expanded_access=expanded,
        start_date=_get(status, "startDateStruct", "date"),
        primary_completion_date=_get(status, "primaryCompletionDateStruct", "date"),
        completion_date=_get(status, "completionDateStruct", "date"),
        last_update=_get(status, "lastUpdatePostDateStruct", "date"),
        enrollment=enrollment if isinstance(enrollment, int) else None,
        version_holder=_get(derived, "miscInfoModule", "versionHolder"),
        raw_fields_complete=bool(status and eligibility and design),
    )


def parse_studies(records: Iterable[Any]) -> tuple[list[Study], list[UnreadableRecord]]:
    """Parse many raw records: (studies, unreadable), each in order, the first copy of a
    study kept when a source returns one twice."""
    return gather_studies(map(parse_study, records))


def gather_studies(parsed: Iterable[Study | UnreadableRecord]) -> tuple[list[Study], list[UnreadableRecord]]:
    """parse_studies for studies already parsed (a source's `search_studies`)."""
    studies: dict[str, Study] = {}
    unreadable: dict[UnreadableRecord, None] = {}
    for item in parsed:
        if isinstance(item, UnreadableRecord):
            unreadable.setdefault(item)
        else:
            studies.setdefault(item.nct_id, item)
    return list(studies.values()), list(unreadable)


def unreadable_message(unreadable: Iterable[UnreadableRecord], shown: int = 5, total: int | None = None) -> str | None:
    """"2 records could not be read (NCT01234567: ...; NCT07654321: ...)", or None when none.
    `total`: how many there were when `unreadable` names only the first ones."""
    found = list(unreadable)
    count = max(len(found), total or 0)
    if not count:
        return None
    names = [u.describe() for u in found[:shown]]
    more = f"; and {count - len(names)} more" if count > len(names) else ""
    return f"{count} record{'s' * (count != 1)} could not be read ({'; '.join(names)}{more})"
