"""Results as pandas DataFrames, for notebooks: one row per trial, candidate or record."""
from __future__ import annotations

from typing import Any

import pandas as pd


def to_dataframe(result: Any) -> pd.DataFrame:
    """A DataFrame of any result `render` takes: its rows (columns in the result's order),
    or one row for a single object such as a study. Nested values stay Python objects."""
    if hasattr(result, "rows"):
        rows = result.rows()
    elif hasattr(result, "to_dict") and not isinstance(result, list):
        rows = [result.to_dict()]
    else:
        rows = list(result)
    columns = getattr(result, "columns", None)
    frame = pd.DataFrame.from_records(rows)
    if columns and not frame.empty:
        frame = frame[[c for c in columns if c in frame.columns]]
    elif columns:
        frame = pd.DataFrame(columns=list(columns))
    return frame
