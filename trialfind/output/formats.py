"""Writing rows as a table, CSV, JSON or JSONL. CSV cells are made safe for Excel."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterable, Sequence

FORMATS = ("table", "csv", "json", "jsonl")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def excel_safe(value: Any) -> Any:
    """Neutralise a cell Excel would run as a formula (CSV injection)."""
    if isinstance(value, str) and value and (value[0] in _FORMULA_START or ord(value[0]) < 32):
        return "'" + value
    return value


def _flat(value: Any) -> Any:
    """A CSV/table cell: lists joined with '; ', dicts as compact JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(_flat(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    columns = list(columns or (rows[0].keys() if rows else []))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([excel_safe(_flat(row.get(c))) for c in columns])
    return buffer.getvalue()


def to_json(rows: Sequence[dict[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2, default=str) + "\n"


def to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)


def to_table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, max_width: int | None = None) -> str:
    """A plain fixed-width text table; long cells are cut to keep rows on one line."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if not rows:
        return "(no rows)\n"
    width = max_width or shutil.get_terminal_size((160, 24)).columns
    cells = [[str(_flat(r.get(c))).replace("\n", " ") for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    cap = max(12, (width - 2 * len(columns)) // max(1, len(columns)))
    widths = [min(w, cap if len(columns) > 3 else 80) for w in widths]

    def line(values: Sequence[str]) -> str:
        out = []
        for value, w in zip(values, widths):
            out.append(value if len(value) <= w else value[: w - 1] + "…")
        return "  ".join(v.ljust(w) for v, w in zip(out, widths)).rstrip()

    lines = [line(columns), line(["-" * w for w in widths])]
    lines += [line(row) for row in cells]
    return "\n".join(lines) + "\n"


def render_rows(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None,
           table_columns: Sequence[str] | None = None) -> str:
    if fmt == "csv":
        return to_csv(rows, columns)
    if fmt == "json":
        return to_json([{c: r.get(c) for c in columns} for r in rows] if columns else rows)
    if fmt == "jsonl":
        return to_jsonl([{c: r.get(c) for c in columns} for r in rows] if columns else rows)
    if fmt == "table":
        return to_table(rows, table_columns or columns)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write a file so that readers see the old content or the new, never half of it."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        # mkstemp makes the file private (0600); outputs are meant to be shared, so honour the umask.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def emit(text: str, output: str | os.PathLike | None) -> None:
    """Send rendered output to a file (atomically) or to stdout."""
    if output and str(output) != "-":
        atomic_write_text(output, text)
    else:
        sys.stdout.write(text)
