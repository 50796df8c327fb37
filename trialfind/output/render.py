"""One `render(result, fmt)` for every command: `table` is the result's view for people,
`csv`, `json` and `jsonl` are its rows (or, for one object such as a study, the object)."""
from __future__ import annotations

import json
from typing import Any, Callable, Sequence

from trialfind.access.candidates import CandidateList
from trialfind.access.sponsor_lookup import SponsorLookup
from trialfind.core.errors import InvalidInput
from trialfind.core.study import Study, unreadable_message
from trialfind.output.formats import FORMATS, render_rows, terminal_safe
from trialfind.output.views import candidates_view, sponsor_view, study_view, trials_view
from trialfind.trials import TrialResults

VIEWS: dict[type, Callable[[Any], str]] = {
    TrialResults: trials_view,
    CandidateList: candidates_view,
    Study: study_view,
    SponsorLookup: sponsor_view,
}


def _view_for(result: Any) -> Callable[[Any], str] | None:
    return next((view for kind, view in VIEWS.items() if isinstance(result, kind)), None)


def render(result: Any, fmt: str, *, columns: Sequence[str] | None = None,
           table_columns: Sequence[str] | None = None, excel: bool = False) -> str:
    """Text for `result` in `fmt` (table, csv, json, jsonl).

    `result` is a library result (TrialResults, CandidateList, Study, SponsorLookup, or
    any object with `rows()` and optional `columns`), or a plain list of row dicts.
    `excel` starts CSV with a UTF-8 byte-order mark. Records that could not be read
    (`result.unreadable`) are listed in JSON: a `unreadable_records` key of a one-object
    result, or {"results": rows, "metadata": {...}} instead of the bare list of rows.
    """
    if fmt not in FORMATS:
        raise InvalidInput(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    unreadable = list(getattr(result, "unreadable", None) or ())
    if fmt == "table" and (view := _view_for(result)) is not None:
        return terminal_safe(view(result))
    columns = columns or getattr(result, "columns", None)
    if fmt in ("json", "jsonl") and hasattr(result, "to_dict") and not isinstance(result, list):
        # One object (a study, a company): its whole structure, not a flattened row.
        indent = 2 if fmt == "json" else None
        data = result.to_dict()
        if unreadable:
            data["unreadable_records"] = [u.to_dict() for u in unreadable]
        return json.dumps(data, ensure_ascii=False, indent=indent, default=str) + "\n"
    if hasattr(result, "rows"):
        rows = result.rows()
    elif hasattr(result, "to_dict") and not isinstance(result, list):
        rows = [result.to_dict()]
    else:
        rows = list(result)
    if fmt == "json" and unreadable:
        # Rows with some records missing are not the complete answer: the shape says so too, so a
        # script reading a list fails loudly instead of taking a partial list as complete.
        return render_metadata_json(rows, columns, unreadable_metadata(unreadable))
    return render_rows(rows, fmt, columns=columns, table_columns=table_columns, excel=excel)


def unreadable_metadata(unreadable: Sequence) -> dict[str, Any]:
    return {"unreadable_records": [u.to_dict() for u in unreadable], "message": unreadable_message(unreadable)}


def render_metadata_json(rows: Sequence[dict], columns: Sequence[str] | None, metadata: dict[str, Any]) -> str:
    """{"results": [...rows], "metadata": {...}}: the JSON of rows that come with something to report."""
    results = [{c: r.get(c) for c in columns} for r in rows] if columns else list(rows)
    return json.dumps({"results": results, "metadata": metadata}, ensure_ascii=False, indent=2, default=str) + "\n"
