"""A company's expanded-access answer: its published policy, its related units, the
general resources, and (given a study source) its ClinicalTrials.gov expanded-access records."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trialfind.access.ea_records import company_ea_records
from trialfind.core.errors import InvalidInput, NotFound, SourceDataError, SourceUnavailable
from trialfind.knowledge.sponsor_directory import (
    GeneralResource,
    SponsorPolicy,
    general_resources,
    match_sponsor,
    related_policies,
)


@dataclass
class SponsorLookup:
    """The answer to "whom do I ask at this company?"."""

    query: str
    policy: SponsorPolicy | None
    related: tuple[SponsorPolicy, ...] = ()
    general_resources: tuple[GeneralResource, ...] = ()
    ea_records: list = field(default_factory=list)
    ea_records_error: str | None = None
    ea_records_searched: bool = False

    @property
    def found(self) -> bool:
        return self.policy is not None

    @property
    def unreadable(self) -> list:
        """Study records met while looking for the EA records that could not be read."""
        return list(getattr(self.ea_records, "unreadable", ()))

    def rows(self) -> list[dict[str, Any]]:
        """The company's policy as one row, or the general resources when it is not known."""
        return [self.policy.to_dict()] if self.policy else [r.to_dict() for r in self.general_resources]

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "found": self.found,
            "policy": self.policy.to_dict() if self.policy else None,
            "related": [p.to_dict() for p in self.related],
            "general_resources": [r.to_dict() for r in self.general_resources],
            "ea_records": [r.to_dict() for r in self.ea_records],
            "ea_records_searched": self.ea_records_searched,
            "ea_records_error": self.ea_records_error,
        }


def lookup_sponsor(name: str, source=None, sponsor_class: str | None = None) -> SponsorLookup:
    """Policy, contacts and (with a study source) the company's expanded-access records.

    A source that cannot be reached does not fail the lookup: the policy is still
    answered and `ea_records_error` says why the records are missing.
    """
    if not name or not name.strip():
        raise InvalidInput("give a company name, e.g. \"Loxo Oncology at Lilly\"")
    policy = match_sponsor(name, sponsor_class)
    lookup = SponsorLookup(
        query=name,
        policy=policy,
        related=related_policies(policy) if policy else (),
        general_resources=general_resources(),
    )
    if source is not None:
        try:
            lookup.ea_records = company_ea_records(source, policy, name)
            lookup.ea_records_searched = True
        except (SourceUnavailable, SourceDataError, NotFound, OSError) as exc:
            lookup.ea_records_error = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return lookup
