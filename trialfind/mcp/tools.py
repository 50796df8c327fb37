"""The MCP tools as plain functions: each is a thin call of the public library returning
JSON-ready data, with the CLI's validation (InvalidInput for bad arguments). They do not
import the MCP SDK, so they are tested and reused without it; `trialfind.mcp.server`
registers them with the SDK.

Every answer carries the data version, the links and the reasons the library gives, and
the line "not medical advice; check with the study team". The request packet is rendered
in memory and never written; its arguments go through the packet's privacy screen, so no
name, email, phone number, date or record number gets in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from trialfind.access.candidates import find_candidates
from trialfind.access.packet import build_request_packet
from trialfind.access.sponsor_lookup import lookup_sponsor
from trialfind.core.errors import InvalidInput
from trialfind.core.spec import StudySource
from trialfind.output.letter import render_packet
from trialfind.registry.stats import compute_stats
from trialfind.registry.store import Registry, resolve_db_url
from trialfind.trials import find_trials, get_study_details

DISCLAIMER = "Not medical advice; check with the study team and the child's doctors."
STATUSES = ("open", "all")
SEXES = ("female", "male")
STATS_BY = ("company", "drug", "target")
MAX_LIMIT = 200
DEFAULT_LIMIT = 50


@dataclass
class ToolContext:
    """What every tool needs: a way to open the study source (API, offline index or a test
    URL, chosen when the server starts) and the registry to read."""

    open_source: Callable[[], StudySource]
    registry_db: str | None = None
    _source: StudySource | None = field(default=None, repr=False)

    def source(self) -> StudySource:
        if self._source is None:
            self._source = self.open_source()
        return self._source


def _answer(data: dict[str, Any], data_version: str | None) -> dict[str, Any]:
    return {**data, "data_version": data_version, "disclaimer": DISCLAIMER}


def _limit(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_LIMIT
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"limit must be between 1 and {MAX_LIMIT}")
    return limit


def _choice(value: str | None, allowed: tuple[str, ...], what: str) -> str | None:
    if value is None:
        return None
    folded = value.strip().lower()
    if folded not in allowed:
        raise InvalidInput(f"{what} must be one of {', '.join(allowed)}")
    return folded


def trials_tool(ctx: ToolContext, *, age: str, condition: str | None = None, target: str | None = None,
                sex: str | None = None, near: str | None = None, radius_km: float | None = None,
                status: str = "open", limit: int | None = None) -> dict[str, Any]:
    """Open trials the child can join: the rows `trialfind trials --format json` gives."""
    if not (condition or "").strip() and not (target or "").strip():
        raise InvalidInput("give at least one condition or target")
    if radius_km is not None and (near is None or radius_km <= 0):
        raise InvalidInput("radius_km needs near (a ZIP code, \"City, State\" or \"LAT,LON\") and must be above 0")
    status = _choice(status or "open", STATUSES, "status") or "open"
    results = find_trials(condition=[condition] if condition else (), target=[target] if target else (),
                          age=age, sex=_choice(sex, SEXES, "sex"), near=near, status=status,
                          within=radius_km, units="km", source=ctx.source())
    rows = results.rows()
    shown = rows[:_limit(limit)]
    return _answer({"query": {"condition": condition, "target": target, "age": age, "sex": sex,
                              "near_given": near is not None, "radius_km": radius_km, "status": status},
                    "count": len(rows), "shown": len(shown), "trials": shown}, results.data_version)


def study_tool(ctx: ToolContext, *, nct_id: str) -> dict[str, Any]:
    source = ctx.source()
    study = get_study_details(nct_id, source)
    return _answer({"study": study.to_dict()}, _version(source))


def candidates_tool(ctx: ToolContext, *, target: str, age: str, condition: str | None = None) -> dict[str, Any]:
    found = find_candidates([target], age, condition=[condition] if condition else (), source=ctx.source())
    return _answer({"query": {"target": target, "age": age, "condition": condition},
                    "candidates": found.rows(),
                    "not_candidates": found.not_candidate_lines(), "notes": list(found.notes)}, found.data_version)


def sponsor_tool(ctx: ToolContext, *, company: str, with_records: bool = True) -> dict[str, Any]:
    source = ctx.source() if with_records else None
    lookup = lookup_sponsor(company, source=source)
    return _answer(lookup.to_dict(), _version(source) if source is not None else None)


def request_packet_tool(ctx: ToolContext, *, drug: str, target: str | None = None, age: str | None = None,
                        sponsor: str | None = None, force: bool = False, search: bool = True) -> dict[str, Any]:
    """The letter and checklist as text; nothing is written. Patient data is refused by the
    packet's privacy screen (every text argument) and by the strict age parser."""
    source = ctx.source() if search else None
    packet = build_request_packet(drug, source=source, sponsor=sponsor, target=target, age=age, force=force)
    files = render_packet(packet)
    return _answer({"company": packet.company, "drug": packet.name, "age_band": packet.age_band,
                    "letter_markdown": files["request.md"], "checklist_markdown": files["checklist.md"],
                    "checks": [c.to_dict() for c in packet.checks],
                    "own_trials": [s.url for s in packet.trials],
                    "comparator_or_background_trials": [{"nct_id": r.study.nct_id, "role": r.role.role,
                                                         "reason": r.role.reason, "url": r.study.url}
                                                        for r in packet.other_role_trials],
                    "notes": list(packet.notes)}, packet.data_version)


def registry_stats_tool(ctx: ToolContext, *, by: str | None = None) -> dict[str, Any]:
    """Aggregate figures of the request-outcome registry (consented requests only), read-only:
    a registry that does not exist yet is not created."""
    by = _choice(by, STATS_BY, "by")
    url = resolve_db_url(ctx.registry_db)
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists():
        return _answer({"by": by, "stats": [], "note": "no registry has been recorded on this machine"}, None)
    with Registry.open(ctx.registry_db, read_only=True) as store:
        records = store.records(consented_only=True)
    return _answer({"by": by, "stats": compute_stats(records, by=by),
                    "note": "only requests whose family agreed to aggregate sharing are counted"}, None)


def _version(source) -> str | None:
    try:
        return source.data_version()
    except Exception:  # noqa: BLE001 - the version only labels the answer
        return None
