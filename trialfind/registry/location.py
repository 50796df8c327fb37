"""Where the registry lives: `--db` resolution, the default file, and its one-time move.

The registry holds what cannot be fetched again, so its default file is in the user *data*
directory. Earlier versions kept it in the cache directory, which a user or the system may
empty. The first time the default registry is opened and only the old file exists, the old
database is copied with SQLite's backup API (a consistent copy even with a -wal file beside
it), put in place without overwriting anything (a hard link fails if another process moved
it first), and the old files are removed; one notice on stderr says where it went.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Callable

from trialfind.core.config import cache_dir, data_dir
from trialfind.core.errors import InvalidInput, SourceUnavailable

ENV_URL = "TRIALFIND_REGISTRY_URL"
DEFAULT_FILENAME = "registry.sqlite"
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def resolve_db_url(db: str | os.PathLike | None = None) -> str:
    """`--db` value → SQLAlchemy URL: a URL as given (postgres:// spelled for psycopg 3),
    a path as a SQLite file, nothing as $TRIALFIND_REGISTRY_URL or the data directory's file."""
    chosen = str(db) if db else os.environ.get(ENV_URL, "").strip()
    if not chosen:
        return f"sqlite:///{default_registry_path()}"
    if "://" not in chosen:
        path = Path(chosen).expanduser().resolve()
        if path.is_dir():
            raise InvalidInput(f"--db: {chosen} is a directory; give a file such as {path / DEFAULT_FILENAME}")
        return f"sqlite:///{path}"
    scheme, _, rest = chosen.partition("://")
    scheme = scheme.lower()
    if scheme in ("postgres", "postgresql", "postgresql+psycopg"):
        return f"postgresql+psycopg://{rest}"
    if scheme.startswith("sqlite"):
        return chosen
    raise InvalidInput(f"--db: unsupported database URL scheme {scheme!r}; use a file path, sqlite:/// "
                       "or postgresql+psycopg://")


def default_registry_path() -> Path:
    return data_dir() / DEFAULT_FILENAME


def old_default_registry_path() -> Path:
    return cache_dir() / DEFAULT_FILENAME


def move_old_default_registry(notify: Callable[[str], None]) -> Path | None:
    """Move the registry from the old cache location once; returns the new path if it moved."""
    new, old = default_registry_path(), old_default_registry_path()
    if new.exists() or not old.is_file() or new.resolve() == old.resolve():
        return None
    staging = new.with_name(f".{new.name}.{os.getpid()}.moving")
    try:
        source = sqlite3.connect(old)
        try:
            copy = sqlite3.connect(staging)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
        try:
            os.link(staging, new)
        except FileExistsError:
            return None                     # another process moved it first: theirs is the registry
        except OSError:
            if new.exists():
                return None
            os.replace(staging, new)        # a file system without hard links
    except sqlite3.Error as exc:
        raise SourceUnavailable(f"could not move the registry from {old} to {new}: {exc}") from None
    finally:
        staging.unlink(missing_ok=True)
    for suffix in ("", *_SQLITE_SIDE_FILES):
        Path(f"{old}{suffix}").unlink(missing_ok=True)
    notify(f"note: the registry moved from {old} to {new} (the data directory is kept; a cache may be emptied)")
    return new
