"""The on-disk cache of complete, valid JSON answers (diskcache, imported when first used).

A warm run only reads: a value stored as bytes (a verified walk) is read with one SELECT on
diskcache's own table and, for a large value, its file, without opening diskcache (its
import, settings and pragmas cost ~30 ms of a 0.25 s warm `candidates`). Everything else
(pickled values, writes, deletes, a database that needs setting up) goes through diskcache.
"""
from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path
from typing import Any, Mapping

# diskcache's storage modes (diskcache.core.MODE_RAW, MODE_BINARY): a value in the row, or in a file.
_MODE_RAW, _MODE_BINARY = 1, 2
_SQLITE_TIMEOUT = 60  # as diskcache's own connection


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

    def _peek(self, key: str) -> Any:
        """The value of `key` read the way diskcache's `get` reads it (its default eviction policy
        touches nothing on a read), or _MISSING when only diskcache can answer."""
        import sqlite3  # lazy: only a cache that exists is read

        try:
            db = sqlite3.connect(str(self.directory / "cache.db"), timeout=_SQLITE_TIMEOUT, isolation_level=None)
            try:
                rows = db.execute("SELECT mode, filename, value FROM Cache WHERE key = ? AND raw = 1"
                                  " AND (expire_time IS NULL OR expire_time > ?)", (key, time.time())).fetchall()
            finally:
                db.close()
        except sqlite3.Error:  # no table yet, a damaged file: diskcache sets up, repairs or reports
            return self._MISSING
        if not rows:
            return None
        ((mode, filename, value),) = rows
        if mode == _MODE_RAW and isinstance(value, bytes):
            return value
        if mode == _MODE_BINARY and isinstance(filename, str):
            try:
                return (self.directory / filename).read_bytes()
            except OSError:  # removed since the row was read (culled, replaced): a miss, as in diskcache
                return None
        return self._MISSING  # a pickled value (a study record) or text: diskcache decodes it

    def get(self, key: str) -> Any:
        if self._cache is None and self.exists():
            value = self._peek(key)
            if value is not self._MISSING:
                return value
        try:
            value = self._open().get(key, default=self._MISSING)
        except Exception:  # noqa: BLE001 - an unreadable entry (damaged file, old pickle) is a miss
            self.delete(key)
            return None
        return None if value is self._MISSING else value

    def has(self, key: str) -> bool:
        return key in self._open()

    def set(self, key: str, value: Any, expire: float | None = None) -> None:
        if isinstance(value, bytes):
            # As a file to read: diskcache copies it in 4 MB blocks, where bytes are written line by
            # line (a 4 MB walk holds ~25,000 newline bytes: 10 ms of a cold search). Stored and
            # read back the same way (a value file, written before its row is committed).
            self._open().set(key, io.BytesIO(value), expire=expire, read=True)
            return
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
