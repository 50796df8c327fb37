"""Shared HTTP plumbing for remote sources: polite, patient, and cached.

- one requests Session with a `trialfind/<version>` User-Agent and connect/read timeouts;
- a client-side rate limit (token bucket; ClinicalTrials.gov publishes none, so we stay
  under ~50 requests a minute by default);
- retries with exponential backoff and full jitter on 429, 5xx, 403 with an HTML body
  (the CDN's block page), dropped connections and timeouts, honouring Retry-After;
- a diskcache-backed cache of complete, valid JSON answers.

`requests` and `diskcache` are imported only when first needed, so a fully cached
CLI run never pays for them.
"""
from __future__ import annotations

import email.utils
import json
import math
import random
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from trialfind.core.config import VERSION
from trialfind.core.errors import NotFound, SourceDataError, SourceUnavailable

DEFAULT_TIMEOUT = (10.0, 60.0)
DEFAULT_MAX_RETRIES = 5
# A refused connection or failed DNS lookup rarely heals within seconds: retry it only
# briefly, so "ClinicalTrials.gov unreachable" reaches the user in ~2 s, not ~30 s.
MAX_CONNECT_RETRIES = 2
RETRY_AFTER_CAP_SECONDS = 120.0
BACKOFF_BASE_SECONDS = 1.0
BACKOFF_CAP_SECONDS = 30.0
SERVICE_NAME = "ClinicalTrials.gov"


def user_agent() -> str:
    return f"trialfind/{VERSION} (+https://clinicaltrials.gov/data-api; clinical-trial finder for children)"


class RateLimiter:
    """Token bucket: at most `per_minute` requests a minute, with a small burst allowance
    so a short run (version + one page) does not wait at all."""

    def __init__(self, per_minute: float, burst: int = 3, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if per_minute <= 0:
            raise ValueError("rate limit must be positive")
        self.interval = 60.0 / per_minute
        self.capacity = max(1, burst)
        self._tokens = float(self.capacity)
        self._clock = clock
        self._sleep = sleep
        self._last = clock()
        self._lock = threading.Lock()
        self.waited = 0.0

    def acquire(self) -> None:
        with self._lock:
            now = self._clock()
            self._tokens = min(self.capacity, self._tokens + (now - self._last) / self.interval)
            self._last = now
            if self._tokens >= 1:
                self._tokens -= 1
                return
            wait = (1 - self._tokens) * self.interval
            self._sleep(wait)
            self.waited += wait
            self._tokens = 0.0
            self._last = self._clock()


class ResponseCache:
    """Complete, valid JSON answers on disk, keyed by (URL, sorted params, data version).

    diskcache writes are atomic (SQLite transactions), so a crash never leaves half an entry.
    """

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory) / "http"
        self._cache = None

    def _open(self):
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

    def get(self, key: str) -> Any:
        value = self._open().get(key, default=self._MISSING)
        return None if value is self._MISSING else value

    def has(self, key: str) -> bool:
        return key in self._open()

    def set(self, key: str, value: Any, expire: float | None = None) -> None:
        self._open().set(key, value, expire=expire)

    def delete(self, key: str) -> None:
        self._open().delete(key)

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None


@dataclass
class Reply:
    """One decoded JSON answer and what it cost."""

    data: Any
    url: str
    status: int
    bytes: int
    attempts: int


def _parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when is None:
            return None
        seconds = when.timestamp() - now()
    if math.isnan(seconds):
        return None
    return max(0.0, seconds)


def _looks_like_html(response) -> bool:
    content_type = response.headers.get("Content-Type", "").lower()
    if "html" in content_type:
        return True
    head = response.content[:200].lstrip().lower()
    return head.startswith(b"<!doctype html") or head.startswith(b"<html")


def _first_line(text: str, limit: int = 160) -> str:
    line = " ".join(text.strip().split())
    return line[:limit] + ("…" if len(line) > limit else "")


class HttpClient:
    """GET JSON with rate limiting, retries and an optional on-disk cache."""

    def __init__(self, *, cache_dir: str | Path | None = None, refresh: bool = False,
                 rate_limit_per_minute: float = 50.0, timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 max_retries: int = DEFAULT_MAX_RETRIES, session=None,
                 sleep: Callable[[float], None] = time.sleep, jitter: Callable[[], float] = random.random,
                 service_name: str = SERVICE_NAME) -> None:
        self.cache = ResponseCache(cache_dir) if cache_dir is not None else None
        self.refresh = refresh
        self.timeout = timeout
        self.max_retries = max(0, int(max_retries))
        self.sleep = sleep
        self.jitter = jitter
        self.service_name = service_name
        self.rate_limiter = RateLimiter(rate_limit_per_minute, sleep=sleep)
        self._session = session
        self.request_count = 0
        self.bytes_received = 0
        self.cache_hits = 0
        self.slept: list[float] = []

    # -- session ---------------------------------------------------------------
    @property
    def session(self):
        if self._session is None:
            import requests

            self._session = requests.Session()
            self._session.headers.update({"User-Agent": user_agent(), "Accept": "application/json"})
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
        if self.cache is not None:
            self.cache.close()

    # -- cache -----------------------------------------------------------------
    def cached(self, key: str) -> Any:
        """The cached value for key, or None (also None when refreshing or uncached)."""
        if self.cache is None or self.refresh:
            return None
        value = self.cache.get(key)
        if value is not None:
            self.cache_hits += 1
        return value

    def store(self, key: str, value: Any, expire: float | None = None) -> None:
        if self.cache is not None:
            self.cache.set(key, value, expire=expire)

    # -- requests --------------------------------------------------------------
    def _pause(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.sleep(seconds)

    def _backoff(self, attempt: int) -> float:
        return self.jitter() * min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * (2 ** attempt))

    def get_json(self, url: str, params: Mapping[str, Any] | None = None) -> Reply:
        """GET url and decode JSON; retry what is worth retrying; raise one-line errors.

        404 → NotFound; other 4xx → SourceDataError (the request itself is wrong);
        a 200 whose body is not JSON → SourceDataError; persistent 429/5xx/403-HTML,
        refused connections and timeouts → SourceUnavailable after the last retry.
        """
        import requests

        attempts = 0
        last_problem = ""
        while True:
            attempts += 1
            self.rate_limiter.acquire()
            self.request_count += 1
            retry_after = None
            retries_allowed = self.max_retries
            try:
                response = self.session.get(url, params=params, timeout=self.timeout)
                body = response.content  # reads the whole body: a dropped connection raises here
            except requests.exceptions.ConnectTimeout:
                last_problem = f"could not connect to {url} within {self.timeout[0]:g} s ({self.service_name} unreachable?)"
                retries_allowed = min(self.max_retries, MAX_CONNECT_RETRIES)
            except requests.exceptions.Timeout:
                last_problem = f"no answer from {url} within {self.timeout[1]:g} s ({self.service_name} too slow?)"
            except requests.exceptions.ChunkedEncodingError:
                last_problem = f"the connection to {url} broke off mid-answer ({self.service_name} unstable?)"
            except requests.exceptions.ConnectionError as exc:
                if "timed out" in str(exc):  # a read timeout while streaming the body
                    last_problem = f"no answer from {url} within {self.timeout[1]:g} s ({self.service_name} too slow?)"
                else:
                    last_problem = f"could not connect to {url} ({self.service_name} unreachable?)"
                    retries_allowed = min(self.max_retries, MAX_CONNECT_RETRIES)
            except requests.exceptions.RequestException as exc:
                raise SourceUnavailable(f"request to {url} failed: {type(exc).__name__}") from None
            else:
                self.bytes_received += len(body)
                status = response.status_code
                if status == 200:
                    try:
                        data = json.loads(body)
                    except ValueError:
                        raise SourceDataError(
                            f"{self.service_name} answered {url} with something that is not JSON "
                            f"({_first_line(body[:120].decode('utf-8', 'replace')) or 'empty body'})") from None
                    return Reply(data=data, url=url, status=status, bytes=len(body), attempts=attempts)
                if status == 404:
                    raise NotFound(f"not found: {url} (HTTP 404)")
                retryable = status == 429 or status >= 500 or (status == 403 and _looks_like_html(response))
                if not retryable:
                    detail = _first_line(response.text) if not _looks_like_html(response) else ""
                    message = f"{self.service_name} refused the request to {url} (HTTP {status}{': ' + detail if detail else ''})"
                    if status in (401, 403):
                        raise SourceUnavailable(message)
                    raise SourceDataError(message)
                last_problem = f"{self.service_name} kept failing: HTTP {status} from {url}"
                retry_after = _parse_retry_after(response.headers.get("Retry-After"))
                if retry_after is not None and retry_after > RETRY_AFTER_CAP_SECONDS:
                    raise SourceUnavailable(
                        f"{self.service_name} asked us to wait {retry_after:.0f} s (HTTP {status} from {url}); try again later")
            if attempts > retries_allowed:
                raise SourceUnavailable(f"{last_problem} (gave up after {attempts} attempts)")
            wait = retry_after if retry_after is not None else self._backoff(attempts - 1)
            self._pause(wait)
