"""Where trialfind talks to and where it keeps things: API URL, cache and data directories, offline mode."""
from __future__ import annotations

import os
from pathlib import Path

from trialfind.core.errors import InvalidInput, path_error

VERSION = "0.1.0"  # kept equal to pyproject.toml by tests/test_project_setup.py
DEFAULT_API_URL = "https://clinicaltrials.gov/api/v2"
DEFAULT_RATE_LIMIT_PER_MINUTE = 50.0

_CHECKOUT_ROOT = Path(__file__).resolve().parents[2]


def api_url(override: str | None = None) -> str:
    return (override or os.environ.get("TRIALFIND_API_URL") or DEFAULT_API_URL).rstrip("/")


def cache_dir(override: str | os.PathLike | None = None) -> Path:
    """The on-disk cache: explicit path, else $TRIALFIND_CACHE_DIR, else the checkout's
    cache/ when running from a source checkout, else the user's cache directory."""
    chosen = override or os.environ.get("TRIALFIND_CACHE_DIR")
    if chosen:
        path = Path(chosen).expanduser()
    elif (_CHECKOUT_ROOT / "pyproject.toml").is_file() and (_CHECKOUT_ROOT / "cache").is_dir():
        path = _CHECKOUT_ROOT / "cache"
    else:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir("trialfind"))
    if path.exists() and not path.is_dir():
        raise InvalidInput(f"the cache folder {path} is a file: choose another --cache-dir")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise path_error(path, exc, "create the cache folder") from None
    return path


def _may_write(path: Path) -> bool:
    return os.access(path, os.W_OK | os.X_OK)


def ensure_writable_dir(path: Path, what: str = "cache folder") -> Path:
    """`path` if trialfind may write there, else InvalidInput naming it (checked before any
    work, so a read-only folder is one clear line instead of a failure half-way)."""
    if not _may_write(path):
        raise InvalidInput(f"cannot write to the {what} {path} (no permission or a read-only disk): "
                           "choose another --cache-dir" + (" or add --no-cache" if what == "cache folder" else ""))
    return path


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """Where trialfind keeps what it cannot fetch again (the request registry): explicit path,
    else $TRIALFIND_DATA_DIR, else the user's data directory (never a cache, which a user or
    the system may empty)."""
    chosen = override or os.environ.get("TRIALFIND_DATA_DIR")
    if chosen:
        path = Path(chosen).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("trialfind"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def offline_requested(flag: bool | None = None) -> bool:
    if flag is not None:
        return flag
    return os.environ.get("TRIALFIND_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def rate_limit(override: float | None = None) -> float:
    """Most API requests per minute: explicit value, else $TRIALFIND_RATE_LIMIT, else 50."""
    if override:
        return float(override)
    raw = os.environ.get("TRIALFIND_RATE_LIMIT", "").strip()
    if not raw:
        return DEFAULT_RATE_LIMIT_PER_MINUTE
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise InvalidInput(f"TRIALFIND_RATE_LIMIT={raw!r} is not a positive number of requests per minute")
    return value
