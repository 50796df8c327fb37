"""Writing rows as a table, CSV, JSON or JSONL; files written atomically.

Record text is not trusted: CSV cells are made safe for spreadsheets (no formula runs,
no cell splits into a new row) and table text for terminals (no escape sequences)."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterable, Sequence

from trialfind.core.errors import InvalidInput, path_error

FORMATS = ("table", "csv", "json", "jsonl")
# A cell a spreadsheet would run starts with = + - @ or a control character (tab, CR, LF...).
# The guard is an apostrophe before it; one more apostrophe is added where the text already has
# some, so that undo_excel_safe gives back exactly the text (registry export -> import).
_NEEDS_GUARD_AT_START = re.compile("^(?='*[=+\\-@\\x00-\\x1f])")
_GUARD_AT_START = re.compile("^'(?='*[=+\\-@\\x00-\\x1f])")
# Characters some readers take as a line break (str.splitlines' set): a formula start after
# one is guarded too, in case a reader splits the cell into rows there.
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_NEEDS_GUARD_AFTER_BREAK = re.compile(f"(?<=[{_LINE_BREAKS}])(?='*[=+\\-@\\t])")
_GUARD_AFTER_BREAK = re.compile(f"(?<=[{_LINE_BREAKS}])'(?='*[=+\\-@\\t])")
EXCEL_BOM = "\ufeff"
# Terminal escape sequences (CSI such as clear screen, OSC such as hyperlinks and titles, other
# ESC sequences), then any C0/C1 control character but newline, and bidirectional overrides.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"              # CSI: ESC [ ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"   # OSC: ESC ] ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"        # DCS, SOS, PM, APC ... ST
    r"|\x1b[ -/]*[0-~]?"                     # other ESC sequences (and a lone ESC)
    r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x9c]*[\x07\x9c]?"  # 8-bit CSI and OSC
)
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def excel_safe(value: Any) -> Any:
    """Neutralise a cell a spreadsheet would run as a formula (CSV injection), at its start
    and after any line break inside it, with an apostrophe."""
    if not isinstance(value, str) or not value:
        return value
    return _NEEDS_GUARD_AFTER_BREAK.sub("'", _NEEDS_GUARD_AT_START.sub("'", value, count=1))


def undo_excel_safe(value: str) -> str:
    """The text excel_safe was given (for importing a CSV trialfind wrote)."""
    return _GUARD_AFTER_BREAK.sub("", _GUARD_AT_START.sub("", value, count=1))


def terminal_safe(text: str) -> str:
    """Text for a terminal: escape sequences (clear screen, hyperlinks, colours) removed, tabs
    as spaces, every other control character and bidirectional override dropped."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text.replace("\t", " ")))


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


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, *, excel: bool = False) -> str:
    """CSV with \\r\\n line ends (RFC 4180); any cell holding a line break is quoted, so it
    stays one cell of one row. `excel`: a UTF-8 byte-order mark first, so Excel reads accents."""
    columns = list(columns or (rows[0].keys() if rows else []))
    buffer = io.StringIO()
    # QUOTE_MINIMAL quotes a cell holding any character of the line terminator: \r\n covers both.
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([excel_safe(_flat(row.get(c))) for c in columns])
    return (EXCEL_BOM if excel else "") + buffer.getvalue()


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
                table_columns: Sequence[str] | None = None, *, excel: bool = False) -> str:
    if fmt == "csv":
        return to_csv(rows, columns, excel=excel)
    if fmt == "json":
        return to_json([{c: r.get(c) for c in columns} for r in rows] if columns else rows)
    if fmt == "jsonl":
        return to_jsonl([{c: r.get(c) for c in columns} for r in rows] if columns else rows)
    if fmt == "table":
        return terminal_safe(to_table(rows, table_columns or columns))
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _is_special_file(target: Path) -> bool:
    """A device, pipe or socket (say /dev/stdout or a FIFO): written in place, never replaced."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write a file so that readers see the old content or the new, never half of it.

    The folder must exist (a mistyped path is not created); a path that cannot be written
    is InvalidInput naming it; a device or pipe is written to directly."""
    target = Path(path)
    if _is_special_file(target):
        try:
            with open(target, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            raise path_error(target, exc) from None
        return
    folder = target.absolute().parent
    if not folder.is_dir():
        reason = "is not a folder" if folder.exists() else "does not exist"
        raise InvalidInput(f"cannot write {target}: the folder {folder} {reason}")
    if target.is_dir():
        raise InvalidInput(f"cannot write {target}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise path_error(target, exc) from None
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
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise path_error(target, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def emit(text: str, output: str | os.PathLike | None) -> None:
    """Send rendered output to a file (atomically) or to stdout."""
    if output and str(output) != "-":
        atomic_write_text(output, text)
    else:
        sys.stdout.write(text)
