"""Registry records to and from CSV: the export an advocate opens in a spreadsheet, and
the file another registry imports. Cells are Excel-safe on the way out and restored on
the way in, so export → import gives back the same records.

The layout has the month sent and days since (no dates). Files in the older layout, with
`date_sent`, `decision_date`, ... and `created_at` / `updated_at`, are still read: their
dates become the month and day counts on the way in."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Iterable, Sequence

from trialfind.core.errors import InvalidInput
from trialfind.output.formats import to_csv, undo_excel_safe
from trialfind.registry.dates import INPUT_DATE_FIELDS, TIMESTAMP_TO_MONTH
from trialfind.registry.record import FIELD_ORDER, REQUIRED_FIELDS, RequestRecord

CSV_COLUMNS = FIELD_ORDER
# Columns of the layout before issue 14, read and converted.
OLD_LAYOUT_COLUMNS = (*INPUT_DATE_FIELDS, *TIMESTAMP_TO_MONTH)


def records_to_csv(records: Iterable[RequestRecord], *, excel: bool = False) -> str:
    """CSV text with one row per record; toxicities as 'term:grade; term:grade'; consent as yes/no.
    `excel`: a UTF-8 byte-order mark first."""
    return to_csv([record.as_dict() for record in records], CSV_COLUMNS, excel=excel)


def _restore_cell(value: str | None) -> str:
    # Our exporter neutralises cells a spreadsheet would run (trialfind.output.formats.excel_safe).
    return undo_excel_safe(value or "")


def records_from_csv(text: str) -> list[RequestRecord]:
    """Parse CSV text into records (not yet validated); a malformed row raises InvalidInput naming its line."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if not header:
        raise InvalidInput("import: the file is empty")
    unknown = [h for h in header if h not in CSV_COLUMNS and h not in OLD_LAYOUT_COLUMNS]
    if unknown:
        raise InvalidInput(f"import: unknown column {unknown[0]!r}; expected columns: {', '.join(CSV_COLUMNS)}")
    missing = [c for c in REQUIRED_FIELDS if c not in header and not (c == "month_sent" and "date_sent" in header)]
    if missing:
        raise InvalidInput(f"import: required column {missing[0]!r} is missing")
    reader.fieldnames = header
    records = []
    # Rows are numbered as a spreadsheet shows the data: row 1 is the first after the header.
    for number, row in enumerate(reader, start=1):
        if None in row:
            raise InvalidInput(f"row {number}: more cells than columns; nothing was written")
        values = {key: _restore_cell(value) for key, value in row.items() if key != "id"}
        try:
            records.append(RequestRecord.from_values(values))
        except InvalidInput as exc:
            raise InvalidInput(f"row {number}: {exc}; nothing was written") from None
    return records


def read_csv_file(path: str | os.PathLike) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput(f"import: no such file {path}") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"import: {path} is not UTF-8 text (save it as 'CSV UTF-8')") from None


def import_csv(registry, path: str | os.PathLike, *, progress=None):
    """Validate every row of the CSV file at `path`, then store all of them in one transaction, or none."""
    text = read_csv_file(path)
    records = records_from_csv(text)
    if not records:
        raise InvalidInput(f"import: {path} has no rows")
    return registry.add_many(records, progress=progress, label="row", first_number=1)


def export_rows(records: Sequence[RequestRecord]) -> list[dict]:
    return [record.as_dict() for record in records]
