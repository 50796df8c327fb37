"""ClinicalTrials.gov expanded-access records: EXPANDED_ACCESS studies and the links
interventional studies carry to them (`statusModule.expandedAccessInfo`).

An EA record is the public sign that a company runs a program for a drug. Its status
tells the physician what to expect: AVAILABLE (ask), TEMPORARILY_NOT_AVAILABLE,
NO_LONGER_AVAILABLE, APPROVED_FOR_MARKETING (the drug can be prescribed).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Iterable, Sequence

from trialfind.core.errors import InvalidInput, NotFound, SourceDataError
from trialfind.core.spec import SearchSpec
from trialfind.core.study import EXPANDED_ACCESS_OPEN, STUDY_URL, Study, UnreadableRecord, parse_studies, parse_study
from trialfind.knowledge.sponsor_directory import match_sponsor, normalize_company, related_policies

EA_STATUSES = ("AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING")
# How many linked EA records we fetch one by one when a search did not return them.
MAX_LINKS_RESOLVED = 10

_STATUS_WORDS = {
    "AVAILABLE": "available: the physician can ask the company",
    "TEMPORARILY_NOT_AVAILABLE": "temporarily not available",
    "NO_LONGER_AVAILABLE": "no longer available",
    "APPROVED_FOR_MARKETING": "approved for marketing: it may be prescribed instead",
}


@dataclass(frozen=True)
class EARecord:
    """One expanded-access record, or an interventional study's statement that one exists."""

    nct_id: str | None            # the EXPANDED_ACCESS record's NCT id (None: flagged but not linked)
    status: str | None            # AVAILABLE, NO_LONGER_AVAILABLE, ...
    title: str | None = None
    lead_sponsor: str | None = None
    interventions: tuple[str, ...] = ()
    last_update: str | None = None
    linked_from: tuple[str, ...] = ()   # interventional studies pointing at this record
    kind: str = "expanded_access_study"  # or "link" (known only from a link) or "flag" (no NCT id given)

    @property
    def url(self) -> str:
        target = self.nct_id or (self.linked_from[0] if self.linked_from else "")
        return STUDY_URL.format(nct_id=target)

    @property
    def available(self) -> bool:
        return self.status in EXPANDED_ACCESS_OPEN

    @property
    def status_words(self) -> str:
        if not self.status:
            return "status not given"
        return _STATUS_WORDS.get(self.status, self.status.lower().replace("_", " "))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["interventions"] = list(self.interventions)
        data["linked_from"] = list(self.linked_from)
        data["url"] = self.url
        data["available"] = self.available
        return data


class EARecordList(list):
    """EA records, plus the study records met on the way that could not be read (`unreadable`)."""

    def __init__(self, records: Iterable[EARecord] = (), *, unreadable: Iterable[UnreadableRecord] = ()) -> None:
        super().__init__(records)
        self.unreadable = list(dict.fromkeys(unreadable))


def _fetch_study(source, nct_id: str, unreadable: list[UnreadableRecord]) -> Study | None:
    """One study by NCT id, or None (counted in `unreadable` when its record cannot be read)."""
    parsed = parse_study(source.get_study(nct_id))
    if isinstance(parsed, UnreadableRecord):
        unreadable.append(parsed if parsed.nct_id else UnreadableRecord(nct_id, parsed.reason))
        return None
    return parsed


def _from_ea_study(study: Study) -> EARecord:
    return EARecord(nct_id=study.nct_id, status=study.status, title=study.title, lead_sponsor=study.lead_sponsor,
                    interventions=tuple(dict.fromkeys(study.intervention_names)), last_update=study.last_update)


def _merge(records: dict[str, EARecord], record: EARecord) -> None:
    key = record.nct_id or f"flag:{record.linked_from[0] if record.linked_from else ''}"
    old = records.get(key)
    if old is None:
        records[key] = record
        return
    # The EA study itself is the better witness of its status; links add where they come from.
    primary, other = (old, record) if old.kind == "expanded_access_study" else (record, old)
    linked = tuple(dict.fromkeys((*primary.linked_from, *other.linked_from)))
    records[key] = EARecord(
        nct_id=primary.nct_id, status=primary.status or other.status, title=primary.title or other.title,
        lead_sponsor=primary.lead_sponsor or other.lead_sponsor,
        interventions=primary.interventions or other.interventions,
        last_update=primary.last_update or other.last_update, linked_from=linked, kind=primary.kind)


def ea_records_from_studies(studies: Iterable[Study]) -> list[EARecord]:
    """EA records found in already-fetched studies: EA studies and interventional links."""
    records: dict[str, EARecord] = {}
    for study in studies:
        if study.is_expanded_access:
            _merge(records, _from_ea_study(study))
            continue
        info = study.expanded_access
        if info is None or not (info.has_expanded_access or info.nct_id):
            continue
        _merge(records, EARecord(
            nct_id=info.nct_id, status=info.status, lead_sponsor=study.lead_sponsor,
            interventions=tuple(dict.fromkeys(study.intervention_names)), linked_from=(study.nct_id,),
            kind="link" if info.nct_id else "flag"))
    return _ordered(records.values())


def _ordered(records: Iterable[EARecord]) -> list[EARecord]:
    """Available programs first, then most recently updated (undated last)."""
    ordered = sorted(records, key=lambda r: r.nct_id or "")
    ordered.sort(key=lambda r: r.last_update or "", reverse=True)
    ordered.sort(key=lambda r: not r.available)
    return ordered


def _resolve_links(source, records: list[EARecord], unreadable: list[UnreadableRecord]) -> list[EARecord]:
    """Fetch the EA studies that links point to, for their title and last update."""

    merged = {r.nct_id or f"flag:{r.linked_from[0] if r.linked_from else ''}": r for r in records}
    pending = [r.nct_id for r in records if r.kind == "link" and r.nct_id][:MAX_LINKS_RESOLVED]
    for nct_id in pending:
        try:
            study = _fetch_study(source, nct_id, unreadable)
        except (NotFound, SourceDataError, InvalidInput):
            continue  # the link stands on its own: NCT id and status from the linking study
        if study is not None and study.is_expanded_access:
            _merge(merged, _from_ea_study(study))
    return _ordered(merged.values())


def expanded_access_records(source, drug_names: Sequence[str] = (), nct_id: str | None = None,
                            studies: Iterable[Study] | None = None, resolve_links: bool = True) -> EARecordList:
    """Expanded-access records for a drug (any of its names) and/or one NCT id.

    For a drug: EXPANDED_ACCESS studies naming it as an intervention, plus the links of
    its interventional studies. Pass `studies` (the drug's trials, already fetched) to
    take the links from them and search only for EXPANDED_ACCESS studies.
    For an NCT id: the record itself if it is an EA study, or the EA record it links to.
    """

    names = tuple(n.strip() for n in drug_names if n and n.strip())
    if not names and not nct_id and studies is None:
        raise InvalidInput("give a drug name or an NCT id to look up expanded-access records")
    found: list[Study] = list(studies or ())
    unreadable: list[UnreadableRecord] = []
    if names:
        if studies is None:
            spec = SearchSpec(interventions=names)
        else:
            spec = SearchSpec(interventions=names, study_types=("EXPANDED_ACCESS",))
        searched, unreadable = parse_studies(source.search(spec))
        found += searched
    if nct_id:
        study = _fetch_study(source, nct_id, unreadable)
        if study is None:
            raise SourceDataError(f"study {nct_id} could not be read: {unreadable[-1].reason}")
        found.append(study)
    records = ea_records_from_studies(found)
    if resolve_links:
        records = _resolve_links(source, records, unreadable)
    return EARecordList(records, unreadable=unreadable)


def company_ea_records(source, policy, name: str | None = None) -> EARecordList:
    """EXPANDED_ACCESS studies whose lead sponsor is this company (or its family),
    plus the EA records the directory names for it.

    Searches the company's names as free text (the live API's query.term also covers
    the sponsor field), then keeps only studies whose lead sponsor matches.
    """

    names: list[str] = []
    if policy is not None:
        names += [policy.company, *policy.aliases]
    if name:
        names.append(name)
    names = list(dict.fromkeys(n for n in names if n and n.strip()))
    if not names:
        return []
    family = {policy.company} if policy is not None else set()
    if policy is not None:
        family |= {p.company for p in related_policies(policy)}
    query_key = normalize_company(name) if name else None

    def belongs(study: Study) -> bool:
        matched = match_sponsor(study.lead_sponsor, study.lead_sponsor_class)
        if matched is not None:
            return matched.company in family
        return policy is None and bool(query_key) and normalize_company(study.lead_sponsor) == query_key

    searched, unreadable = parse_studies(source.search(SearchSpec(terms=tuple(names),
                                                                  study_types=("EXPANDED_ACCESS",))))
    studies = [s for s in searched if s.is_expanded_access and belongs(s)]
    known = {s.nct_id for s in studies}
    for nct in (policy.ctgov_ea_records if policy is not None else ()):
        if nct in known:
            continue
        try:
            study = _fetch_study(source, nct, unreadable)
        except (NotFound, SourceDataError, InvalidInput):
            continue
        if study is not None:
            studies.append(study)
    return EARecordList(ea_records_from_studies(studies), unreadable=unreadable)
