"""Choosing a study source: the live API client or the offline local index."""
from __future__ import annotations

from typing import Sequence

from trialfind.core.config import api_url as resolve_api_url
from trialfind.core.config import cache_dir as resolve_cache_dir
from trialfind.core.config import ensure_writable_dir, offline_requested
from trialfind.core.config import rate_limit as resolve_rate_limit
from trialfind.core.spec import StudySource
from trialfind.sources.ctgov import CtgovClient
from trialfind.sources.fields import SEARCH_FIELDS


def open_source(*, api_url: str | None = None, cache_dir=None, use_cache: bool = True, refresh: bool = False,
                offline: bool | None = None, rate_limit: float | None = None,
                fields: Sequence[str] | None = None) -> StudySource:
    """The API client, or the local index when offline. `fields`: the v2 field paths the
    job reads (see trialfind.sources.fields; default SEARCH_FIELDS); the local index
    always holds what the parser reads."""
    directory = resolve_cache_dir(cache_dir)
    if offline_requested(offline):
        from trialfind.sources.local.store import LocalIndex  # lazy: sqlite3 and the schema only when offline

        return LocalIndex.open(directory)

    if use_cache:
        ensure_writable_dir(directory)
    return CtgovClient(
        base_url=resolve_api_url(api_url),
        cache_dir=directory if use_cache else None,
        refresh=refresh,
        rate_limit_per_minute=resolve_rate_limit(rate_limit),
        fields=fields or SEARCH_FIELDS,
    )
