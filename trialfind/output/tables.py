"""Terminal tables that fit the screen (80 columns when it is not a terminal) by wrapping.

Columns marked `keep` (an NCT id, a drug, a company) are never cut or wrapped; the
others (a title, reasons) wrap onto more lines. rich does the layout: it measures
cells, wraps words and keeps kept columns whole, which a hand-written table did not.
"""
from __future__ import annotations

import io
import shutil
from typing import Sequence

from trialfind.output.formats import terminal_safe

DEFAULT_WIDTH = 80
WRAPPED_MAX = 16  # a wrapping column other than the growing one (a site) stays this narrow


def screen_width() -> int:
    """The terminal's width; 80 when output is not a terminal (a pipe, a file, a test)."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def wrapped_table(rows: Sequence[dict], columns: Sequence[str], *, keep: Sequence[str] = (),
                  grow: Sequence[str] = (), width: int | None = None) -> str:
    """Rows as a text table no wider than `width`; `keep` columns stay whole, the others wrap,
    and `grow` columns (a title) take the room that is left."""
    from rich import box  # lazy: rich is only needed when a table is printed for a person
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    width = width or screen_width()
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=bool(grow), header_style="bold",
                  collapse_padding=True)
    for column in columns:
        if column in keep:
            table.add_column(column, no_wrap=True, overflow="ignore", min_width=len(column))
        else:
            table.add_column(column, overflow="fold", ratio=1 if column in grow else None,
                             max_width=None if column in grow else max(len(column), WRAPPED_MAX))
    for row in rows:
        # Text, not a str: a record's "[bold]" or "[link=...]" is shown as written, never read as markup;
        # escape sequences go before layout so their remains are not wrapped into the cell.
        table.add_row(*(Text(terminal_safe(str(row.get(c) if row.get(c) is not None else ""))) for c in columns))
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, force_terminal=False, soft_wrap=False,
            legacy_windows=False).print(table)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
