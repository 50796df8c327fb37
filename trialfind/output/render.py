"""One `render(result, fmt)` for every command: `table` is the result's view for people,
`csv`, `json` and `jsonl` are its rows (or, for one object such as a study, the object)."""
from __future__ import annotations

import csv
import json
from typing import Any, Callable, Sequence

from trialfind.core.errors import InvalidInput
from trialfind.core.study import unreadable_message
from trialfind.output.flat import flat_columns, flat_rows, sidecar_path, write_sidecar
from trialfind.output.formats import FORMATS, emit, render_rows, terminal_safe
from trialfind.output.views import candidates_view, sponsor_view, study_page_view, study_view, trials_view

# Keyed by the result type's full name, not the type: a result's own module is loaded already,
# so printing candidates never imports the trials search (~30 ms of a warm run) or the sponsors'.
VIEWS: dict[str, Callable[[Any], str]] = {
    "trialfind.trials.TrialResults": trials_view,
    "trialfind.access.candidates.CandidateList": candidates_view,
    "trialfind.core.study.Study": study_view,
    "trialfind.trials.StudyPage": study_page_view,
    "trialfind.access.sponsor_lookup.SponsorLookup": sponsor_view,
}


def _view_for(result: Any) -> Callable[[Any], str] | None:
    for kind in type(result).__mro__:  # a subclass of a result type has that type's view
        view = VIEWS.get(f"{kind.__module__}.{kind.__qualname__}")
        if view is not None:
            return view
    return None


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
    if fmt == "csv":
        # One column per value, no JSON in cells: a spreadsheet sorts by distance, shows the email.
        flat = flat_rows(rows)
        return render_rows(flat, fmt, columns=flat_columns(columns, flat), excel=excel)
    return render_rows(rows, fmt, columns=columns, table_columns=table_columns, excel=excel)


def emit_result(result: Any, fmt: str, output: str | None, *, excel: bool = False) -> list[str]:
    """Render and write `result`; a CSV file gets a sidecar FILE.json saying what was asked
    (query, age band, data version, trialfind version, date). Returns the paths written."""
    text = render(result, fmt, excel=excel)
    emit(text, output)
    if fmt != "csv" or not output or str(output) == "-" or not hasattr(result, "rows"):
        return [str(output)] if output and str(output) != "-" else []
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    columns = next(csv.reader([header]), []) if header else []
    write_sidecar(result, output, rows=len(result), columns=columns)
    return [str(output), str(sidecar_path(output))]


def unreadable_metadata(unreadable: Sequence) -> dict[str, Any]:
    return {"unreadable_records": [u.to_dict() for u in unreadable], "message": unreadable_message(unreadable)}


def render_metadata_json(rows: Sequence[dict], columns: Sequence[str] | None, metadata: dict[str, Any]) -> str:
    """{"results": [...rows], "metadata": {...}}: the JSON of rows that come with something to report."""
    results = [{c: r.get(c) for c in columns} for r in rows] if columns else list(rows)
    return json.dumps({"results": results, "metadata": metadata}, ensure_ascii=False, indent=2, default=str) + "\n"
