"""A study source over records held in memory: for notebooks, tests and small private
collections. It selects with the reference semantics every source honours
(`core.spec.matches_spec`), so it answers exactly what the API and the local index would
answer over the same records. A record that cannot be read is returned by every search, as a
remote source would return it: the callers count and name it."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from trialfind.core.errors import NotFound
from trialfind.core.spec import SearchSpec, matches_spec
from trialfind.core.study import Study, UnreadableRecord, parse_study


class MemorySource:
    """`MemorySource(records)`; `.specs` and `.fetched` record what was asked."""

    def __init__(self, records: Iterable[dict[str, Any]], *, version: str | None = "in-memory") -> None:
        self._records: dict[str, tuple[dict[str, Any], Study]] = {}
        self._unreadable: list[tuple[Any, UnreadableRecord]] = []
        for raw in records:
            study = parse_study(raw)
            if isinstance(study, UnreadableRecord):
                self._unreadable.append((raw, study))
            else:
                self._records.setdefault(study.nct_id, (raw, study))
        self._version = version
        self.specs: list[SearchSpec] = []
        self.fetched: list[str] = []

    def __len__(self) -> int:
        return len(self._records)

    def search(self, spec: SearchSpec) -> Iterator[dict[str, Any]]:
        self.specs.append(spec)
        found = [raw for raw, study in self._records.values() if matches_spec(study, spec)]
        return iter(found + [raw for raw, _ in self._unreadable])

    def get_study(self, nct_id: str) -> dict[str, Any]:
        self.fetched.append(nct_id)
        if nct_id in self._records:
            return self._records[nct_id][0]
        for raw, unreadable in self._unreadable:
            if unreadable.nct_id == nct_id:
                return raw
        raise NotFound(f"study {nct_id} was not found")

    def data_version(self) -> str | None:
        return self._version
