"""What to search for (SearchSpec) and the interface every study source implements.

Sources (the live API client, the offline LocalIndex) retrieve generously; the
matchers in trialfind.match decide precisely. That split is what lets the two
sources give identical final answers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Literal, Protocol, runtime_checkable


@dataclass(frozen=True)
class SearchSpec:
    """A study search.

    Within each text group the values are alternatives (OR). `combine` says how the
    non-empty groups relate: "all" (a study must satisfy every group, the API's own
    behaviour for query.cond/query.term/query.intr) or "any" (one combined OR query,
    used to fetch everything about a target and its drugs in one page walk).
    """

    conditions: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    interventions: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    study_types: tuple[str, ...] = ()
    admits_age_days: int | None = None
    combine: Literal["all", "any"] = "all"

    def __post_init__(self) -> None:
        for name in ("conditions", "terms", "interventions", "statuses", "study_types"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))
            else:
                object.__setattr__(self, name, tuple(value))
        if self.combine not in ("all", "any"):
            raise ValueError("combine must be 'all' or 'any'")

    @property
    def is_empty(self) -> bool:
        return not (self.conditions or self.terms or self.interventions)


@runtime_checkable
class StudySource(Protocol):
    """Anything that yields raw ClinicalTrials.gov v2 study dicts for a SearchSpec."""

    def search(self, spec: SearchSpec) -> Iterator[dict[str, Any]]: ...

    def get_study(self, nct_id: str) -> dict[str, Any]: ...

    def data_version(self) -> str | None: ...
