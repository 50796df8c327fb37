"""The on-disk cache of complete, valid JSON answers (diskcache, imported when first used)."""
from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any, Mapping


class ResponseCache:
    """Complete, valid JSON answers on disk, keyed by (URL, sorted params, data version).

    diskcache writes are atomic (SQLite transactions), so a crash never leaves half an entry.
    """

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory) / "http"
        self._cache = None
        self._lock = threading.Lock()  # a search's /version thread may open it at the same time

    def _open(self):
        with self._lock:
            if self._cache is None:
                import diskcache

                self.directory.mkdir(parents=True, exist_ok=True)
                self._cache = diskcache.Cache(str(self.directory))
            return self._cache

    @staticmethod
    def key(url: str, params: Mapping[str, Any] | None, version: str | None) -> str:
        items = sorted((str(k), str(v)) for k, v in (params or {}).items())
        return json.dumps([url, items, version], separators=(",", ":"))

    _MISSING = object()

    def warm(self) -> None:
        """Open the cache now (in a helper thread, while a request is in flight)."""
        try:
            self._open()
        except Exception:  # noqa: BLE001 - the lookup that follows reports nothing either: a miss
            pass

    def exists(self) -> bool:
        """Whether anything was ever cached here (a fresh cache is not opened to look)."""
        return self._cache is not None or (self.directory / "cache.db").exists()

    def get(self, key: str) -> Any:
        try:
            value = self._open().get(key, default=self._MISSING)
        except Exception:  # noqa: BLE001 - an unreadable entry (damaged file, old pickle) is a miss
            self.delete(key)
            return None
        return None if value is self._MISSING else value

    def has(self, key: str) -> bool:
        return key in self._open()

    def set(self, key: str, value: Any, expire: float | None = None) -> None:
        self._open().set(key, value, expire=expire)

    def delete(self, key: str) -> None:
        try:
            self._open().delete(key)
        except Exception:  # noqa: BLE001 - nothing to delete or the cache is unusable: the next write says so
            pass

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None
