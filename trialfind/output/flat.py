"""Flat rows for CSV: one column per useful value, never JSON in a cell, so a spreadsheet can
sort trials by distance or show a company's expanded-access email. JSON output keeps the
nested structure; only CSV is flattened.

What the query was (conditions, targets, age band, data version, trialfind version, date)
goes in a sidecar `FILE.json` beside `--output FILE.csv`: a comment line would make the file
unreadable for most CSV readers. The sidecar holds the age band, never the exact age, and
says whether a location was given, never the coordinates."""
from __future__ import annotations

import datetime as _dt
import json
import os
from pathlib import Path
from typing import Any, Iterable, Sequence

from trialfind.core.ages import age_band, age_band_words
from trialfind.core.config import VERSION
from trialfind.output.formats import atomic_write_text

KM_PER_MILE = 1.609344
NEAREST_SITE_COLUMNS = ("nearest_site_name", "nearest_site_city", "nearest_site_state", "nearest_site_country",
                        "nearest_site_status", "nearest_site_distance_km", "nearest_site_distance_mi")
EA_POLICY_COLUMNS = ("ea_policy_company", "ea_policy_email", "ea_policy_phone", "ea_policy_portal", "ea_policy_url",
                     "ea_policy_how_to_request", "ea_policy_acknowledgement_time", "ea_policy_decision_time",
                     "ea_policy_date_verified")
EA_RECORD_COLUMNS = ("ea_program_status", "ea_record_ids", "ea_record_statuses", "ea_record_urls")
_POLICY_FIELDS = {"ea_policy_company": "company", "ea_policy_email": "contact_email",
                  "ea_policy_phone": "contact_phone", "ea_policy_portal": "request_portal",
                  "ea_policy_url": "policy_url", "ea_policy_how_to_request": "how_to_request",
                  "ea_policy_acknowledgement_time": "acknowledgement_time",
                  "ea_policy_decision_time": "decision_time", "ea_policy_date_verified": "date_verified"}
SEPARATOR = "; "


def _scalar(value: Any) -> Any:
    """A cell: lists joined with '; ', booleans as yes/no, None empty; dicts never reach here."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return SEPARATOR.join(str(_scalar(v)) for v in value if not isinstance(v, dict))
    return value


def _nearest_site(site: dict | None) -> dict[str, Any]:
    site = site or {}
    km = site.get("distance_km")
    return {"nearest_site_name": site.get("facility"), "nearest_site_city": site.get("city"),
            "nearest_site_state": site.get("state"), "nearest_site_country": site.get("country"),
            "nearest_site_status": site.get("status"),
            "nearest_site_distance_km": km, "nearest_site_distance_mi": None if km is None else round(km / KM_PER_MILE, 1)}


def _ea_policy(policy: dict | None) -> dict[str, Any]:
    policy = policy or {}
    return {column: policy.get(field) for column, field in _POLICY_FIELDS.items()}


def _ea_records(records: Sequence[dict] | None, available: bool | None) -> dict[str, Any]:
    records = list(records or ())
    if available:
        status = "available"
    elif records:
        status = SEPARATOR.join(dict.fromkeys((r.get("status") or "status not given").lower().replace("_", " ")
                                              for r in records))
    else:
        status = "none found"
    return {"ea_program_status": status,
            "ea_record_ids": [r.get("nct_id") for r in records if r.get("nct_id")],
            "ea_record_statuses": [r.get("status") or "" for r in records],
            "ea_record_urls": [r.get("url") for r in records if r.get("url")]}


def _evidence(items: Sequence[dict] | None) -> str:
    return SEPARATOR.join(f"{e.get('query')}: {e.get('strength')} ({e.get('reason')})" for e in items or ())


def _generic(key: str, value: Any) -> dict[str, Any]:
    """Any other nested value: a dict becomes key_sub columns, a list of dicts one column per sub-key."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for sub, inner in value.items():
            out.update(_generic(f"{key}_{sub}", inner))
        return out
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, dict) for v in value):
        subs = list(dict.fromkeys(k for v in value for k in v))
        return {f"{key}_{sub}": [str(_scalar(v.get(sub))) if not isinstance(v.get(sub), dict)
                                 else json_free(v.get(sub)) for v in value] for sub in subs}
    return {key: value}


def json_free(value: dict) -> str:
    """A dict deep inside a list, as 'key: value' pairs (rare; never JSON)."""
    return ", ".join(f"{k}: {_scalar(v) if not isinstance(v, dict) else json_free(v)}" for k, v in value.items())


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key == "nearest_site":
            out.update(_nearest_site(value))
        elif key == "ea_policy":
            out.update(_ea_policy(value))
        elif key == "ea_records":
            out.update(_ea_records(value, row.get("ea_available")))
        elif key == "evidence":
            out["target_evidence"] = _evidence(value)
        else:
            out.update(_generic(key, value))
    return {k: _scalar(v) for k, v in out.items()}


def flat_columns(columns: Sequence[str] | None, rows: Sequence[dict[str, Any]]) -> list[str]:
    """The flat column names, in the order of the nested ones (or of the first row)."""
    names: list[str] = []
    order = list(columns) if columns else list(rows[0]) if rows else []
    expanded = {"nearest_site": NEAREST_SITE_COLUMNS, "ea_policy": EA_POLICY_COLUMNS,
                "ea_records": EA_RECORD_COLUMNS, "evidence": ("target_evidence",)}
    for column in order:
        if column in expanded:
            names += expanded[column]
        else:
            found = [k for r in rows for k in r if k == column or k.startswith(column + "_")]
            names += list(dict.fromkeys(found)) or [column]
    return list(dict.fromkeys(names))


def flat_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [flat_row(r) for r in rows]


# --- the sidecar ------------------------------------------------------------------------------

def describe_query(result: Any) -> dict[str, Any]:
    """What was asked, without anything that could identify the child."""
    profile = getattr(result, "profile", None)
    if profile is not None:
        query = {"command": "trials", "conditions": list(profile.conditions), "targets": list(profile.targets),
                 "sex": profile.sex, "location_given": profile.near is not None,
                 "status": getattr(result, "status", None)}
        days = profile.age_days
    else:
        queries = getattr(result, "queries", None)
        query = {"command": "candidates" if queries is not None else None,
                 "targets": [q.label for q in queries or ()]}
        days = getattr(result, "age_days", None)
    return {"query": query, "age_band": age_band_words(age_band(days))}


def sidecar(result: Any, rows: int, columns: Sequence[str]) -> dict[str, Any]:
    return {**describe_query(result), "data_version": getattr(result, "data_version", None),
            "trialfind_version": VERSION, "generated_on": _dt.date.today().isoformat(), "rows": rows,
            "columns": list(columns),
            "note": "Not medical advice: check every trial with the study team."}


def sidecar_path(output: str | os.PathLike) -> Path:
    """FILE.csv -> FILE.json (FILE -> FILE.json)."""
    path = Path(output)
    return path.with_suffix(".json") if path.suffix.lower() == ".csv" else path.with_name(path.name + ".json")


def write_sidecar(result: Any, output: str | os.PathLike, rows: int, columns: Sequence[str]) -> Path:
    target = sidecar_path(output)
    atomic_write_text(target, json.dumps(sidecar(result, rows, columns), ensure_ascii=False, indent=2) + "\n")
    return target
