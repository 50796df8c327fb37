"""Shared HTTP plumbing for remote sources: polite, patient, and cached.

- one requests Session with a `trialfind/<version>` User-Agent and connect/read timeouts;
- a client-side rate limit (token bucket; ClinicalTrials.gov publishes none, so we stay
  under ~50 requests a minute by default);
- retries with exponential backoff and full jitter on 429, 5xx, 403 with an HTML body
  (the CDN's block page), dropped connections and timeouts, honouring Retry-After up to
  a cap (a longer wait fails at once, stating it);
- bounds on every reply: a total deadline per request (a server dripping one byte every
  few seconds never trips a read timeout, so the body is read in a worker thread the
  caller stops waiting for) and a cap on decompressed bytes (a gzip bomb);
- a diskcache-backed cache of complete, valid JSON answers.

`requests` and `diskcache` are imported only when first needed, so a fully cached
CLI run never pays for them.
"""
from __future__ import annotations

import json
import math
import random
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from trialfind.core.config import VERSION
from trialfind.core.errors import NotFound, SourceDataError, SourceUnavailable
from trialfind.sources.response_cache import ResponseCache
from trialfind.sources.throttle import RateLimiter

DEFAULT_TIMEOUT = (10.0, 30.0)
# The whole of one request (connect, headers, body) must be over within this; a reply
# still arriving then is abandoned. A full 1,000-study page takes ~1 s on a normal line.
DEFAULT_DEADLINE_SECONDS = 60.0
DEFAULT_MAX_RETRIES = 5
# A refused connection or failed DNS lookup rarely heals within seconds: retry it only
# briefly, so "ClinicalTrials.gov unreachable" reaches the user in ~2 s, not ~30 s.
MAX_CONNECT_RETRIES = 2
# A server too slow to answer within the timeout or deadline gets one more chance, not
# five: a silent server is reported after about two deadlines, not six.
MAX_TIMEOUT_RETRIES = 1
RETRY_AFTER_CAP_SECONDS = 30.0
# The largest real 1,000-study page of full records is ~60 MB of JSON; far beyond that
# is a broken or hostile reply (a gzip bomb inflates 1 MB into gigabytes).
MAX_DECODED_BYTES = 256 * 1024 * 1024
READ_CHUNK_BYTES = 16 * 1024
BACKOFF_BASE_SECONDS = 1.0
BACKOFF_CAP_SECONDS = 30.0
SERVICE_NAME = "ClinicalTrials.gov"


def user_agent() -> str:
    return f"trialfind/{VERSION} (+https://clinicaltrials.gov/data-api; clinical-trial finder for children)"


class MalformedReply(SourceDataError):
    """A 200 answer that is not what was asked for (not JSON, an HTML page, the wrong
    shape): possibly a transient fault of a proxy or the server, so worth one retry."""


class _DeadlineExceeded(Exception):
    pass


class _TooLarge(Exception):
    pass


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
        import email.utils  # lazy: an HTTP-date Retry-After is rare; email costs ~10 ms at every start

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


def _looks_like_html(response, body: bytes) -> bool:
    content_type = response.headers.get("Content-Type", "").lower()
    if "html" in content_type:
        return True
    head = body[:200].lstrip().lower()
    return head.startswith(b"<!doctype html") or head.startswith(b"<html")


def _first_line(text: str, limit: int = 160) -> str:
    line = " ".join(text.strip().split())
    return line[:limit] + ("…" if len(line) > limit else "")


class HttpClient:
    """GET JSON with rate limiting, retries, bounds on every reply and an optional on-disk cache.

    Safe to call from two threads at once (a search asks /version beside its first page).
    """

    def __init__(self, *, cache_dir: str | Path | None = None, refresh: bool = False,
                 rate_limit_per_minute: float = 50.0, timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 max_retries: int = DEFAULT_MAX_RETRIES, session=None,
                 sleep: Callable[[float], None] = time.sleep, jitter: Callable[[], float] = random.random,
                 service_name: str = SERVICE_NAME, deadline: float = DEFAULT_DEADLINE_SECONDS,
                 max_decoded_bytes: int = MAX_DECODED_BYTES, unreachable_hint: str = "") -> None:
        self.cache = ResponseCache(cache_dir) if cache_dir is not None else None
        self.refresh = refresh
        self.timeout = timeout
        self.deadline = float(deadline)
        self.max_decoded_bytes = int(max_decoded_bytes)
        self.max_retries = max(0, int(max_retries))
        self.sleep = sleep
        self.jitter = jitter
        self.service_name = service_name
        self.unreachable_hint = unreachable_hint
        self.rate_limiter = RateLimiter(rate_limit_per_minute, sleep=sleep)
        self._session = session
        self._session_lock = threading.Lock()
        self._count_lock = threading.Lock()
        self.request_count = 0
        self.bytes_received = 0  # decoded JSON bytes
        self.wire_bytes = 0  # as transferred (compressed when the server compresses)
        self.cache_hits = 0
        self.slept: list[float] = []

    # -- session ---------------------------------------------------------------
    @property
    def session(self):
        with self._session_lock:
            if self._session is None:
                import requests

                session = requests.Session()
                session.headers.update({"User-Agent": user_agent(), "Accept": "application/json"})
                self._session = session
            return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
        if self.cache is not None:
            self.cache.close()

    # -- cache -----------------------------------------------------------------
    def cached(self, key: str) -> Any:
        """The cached value for key, or None (also None when refreshing or uncached)."""
        if self.cache is None or self.refresh or not self.cache.exists():
            return None  # opening a new cache costs ~70 ms: not before the first request
        value = self.cache.get(key)
        if value is not None:
            with self._count_lock:
                self.cache_hits += 1
        return value

    def store(self, key: str, value: Any, expire: float | None = None) -> None:
        if self.cache is not None:
            self.cache.set(key, value, expire=expire)

    def discard(self, key: str) -> None:
        if self.cache is not None:
            self.cache.delete(key)

    # -- requests --------------------------------------------------------------
    def _pause(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.sleep(seconds)

    def _backoff(self, attempt: int) -> float:
        return self.jitter() * min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * (2 ** attempt))

    def _read_body(self, response, cancelled: threading.Event) -> tuple[bytes, int]:
        """The decoded body and its size on the wire, refusing more than max_decoded_bytes."""
        limit = self.max_decoded_bytes
        encoding = response.headers.get("Content-Encoding", "").strip().lower()
        parts: list[bytes] = []
        size = wire = 0
        if encoding in ("gzip", "x-gzip", "deflate"):
            # Decompressed here, bounded per step, rather than by urllib3 (which inflates a
            # whole compressed chunk at once).
            inflater = zlib.decompressobj(47)  # gzip or zlib header, detected
            for chunk in response.raw.stream(READ_CHUNK_BYTES, decode_content=False):
                wire += len(chunk)
                while chunk:
                    if cancelled.is_set():
                        raise _DeadlineExceeded
                    out = inflater.decompress(chunk, limit - size + 1)
                    size += len(out)
                    if size > limit:
                        raise _TooLarge
                    parts.append(out)
                    chunk = inflater.unconsumed_tail
            tail = inflater.flush()
            size += len(tail)
            if size > limit:
                raise _TooLarge
            parts.append(tail)
        else:
            for chunk in response.iter_content(READ_CHUNK_BYTES):
                if cancelled.is_set():
                    raise _DeadlineExceeded
                size += len(chunk)
                if size > limit:
                    raise _TooLarge
                parts.append(chunk)
            wire = size
        return b"".join(parts), wire

    def _fetch(self, url: str, params: Mapping[str, Any] | None):
        """One GET within the deadline: (response, body, wire bytes). The request runs in a
        daemon thread, so a reply that never ends cannot hold the caller past the deadline."""
        outcome: dict[str, Any] = {}
        finished = threading.Event()
        cancelled = threading.Event()
        session = self.session

        def run() -> None:
            try:
                response = session.get(url, params=params, timeout=self.timeout, stream=True)
                try:
                    outcome["result"] = (response, *self._read_body(response, cancelled))
                finally:
                    response.close()
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                outcome["error"] = exc
            finally:
                finished.set()

        threading.Thread(target=run, name="trialfind-http", daemon=True).start()
        if not finished.wait(self.deadline):
            cancelled.set()
            raise _DeadlineExceeded
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]

    def get_json(self, url: str, params: Mapping[str, Any] | None = None) -> Reply:
        """GET url and decode JSON; retry what is worth retrying; raise one-line errors.

        404 → NotFound; other 4xx → SourceDataError (the request itself is wrong);
        a 200 whose body is not JSON → MalformedReply; a body over the size cap →
        SourceDataError; persistent 429/5xx/403-HTML, refused connections, timeouts and
        missed deadlines → SourceUnavailable after the last retry.
        """
        import requests

        attempts = 0
        last_problem = ""
        unreachable = False
        while True:
            attempts += 1
            self.rate_limiter.acquire()
            with self._count_lock:
                self.request_count += 1
            retry_after = None
            retries_allowed = self.max_retries
            unreachable = False
            try:
                response, body, wire = self._fetch(url, params)
            except _DeadlineExceeded:
                last_problem = (f"no complete answer from {url} within {self.deadline:g} s "
                                f"({self.service_name} too slow?)")
                retries_allowed = min(self.max_retries, MAX_TIMEOUT_RETRIES)
            except _TooLarge:
                raise SourceDataError(
                    f"{self.service_name} answered {url} with more than {self.max_decoded_bytes // 2**20} MB "
                    "of data once decompressed; refused") from None
            except requests.exceptions.ConnectTimeout:
                last_problem = f"could not connect to {url} within {self.timeout[0]:g} s ({self.service_name} unreachable?)"
                retries_allowed = min(self.max_retries, MAX_CONNECT_RETRIES)
                unreachable = True
            except requests.exceptions.Timeout:
                last_problem = f"no answer from {url} within {self.timeout[1]:g} s ({self.service_name} too slow?)"
                retries_allowed = min(self.max_retries, MAX_TIMEOUT_RETRIES)
            except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError):
                last_problem = f"the connection to {url} broke off mid-answer ({self.service_name} unstable?)"
            except requests.exceptions.ConnectionError as exc:
                text = str(exc)
                if "timed out" in text:  # a read timeout while streaming the body
                    last_problem = f"no answer from {url} within {self.timeout[1]:g} s ({self.service_name} too slow?)"
                    retries_allowed = min(self.max_retries, MAX_TIMEOUT_RETRIES)
                elif "Connection aborted" in text or "reset" in text.lower():
                    last_problem = f"the connection to {url} broke off mid-answer ({self.service_name} unstable?)"
                else:
                    last_problem = f"could not connect to {url} ({self.service_name} unreachable?)"
                    retries_allowed = min(self.max_retries, MAX_CONNECT_RETRIES)
                    unreachable = True
            except requests.exceptions.RequestException as exc:
                raise SourceUnavailable(f"request to {url} failed: {type(exc).__name__}") from None
            else:
                with self._count_lock:
                    self.bytes_received += len(body)
                    self.wire_bytes += wire
                status = response.status_code
                if status == 200:
                    return Reply(data=self._decode(url, response, body), url=url, status=status, bytes=len(body),
                                 attempts=attempts)
                if status == 404:
                    raise NotFound(f"not found: {url} (HTTP 404)")
                html = _looks_like_html(response, body)
                retryable = status == 429 or status >= 500 or (status == 403 and html)
                if not retryable:
                    detail = _first_line(body.decode("utf-8", "replace")) if not html else ""
                    message = f"{self.service_name} refused the request to {url} (HTTP {status}{': ' + detail if detail else ''})"
                    if status in (401, 403):
                        raise SourceUnavailable(message)
                    raise SourceDataError(message)
                last_problem = f"{self.service_name} kept failing: HTTP {status} from {url}"
                retry_after = _parse_retry_after(response.headers.get("Retry-After"))
                if retry_after is not None and retry_after > RETRY_AFTER_CAP_SECONDS:
                    raise SourceUnavailable(
                        f"{self.service_name} asked us to wait {retry_after:.0f} s (HTTP {status} from {url}), "
                        f"longer than the {RETRY_AFTER_CAP_SECONDS:.0f} s trialfind waits; try again later")
            if attempts > retries_allowed:
                hint = f"; {self.unreachable_hint}" if unreachable and self.unreachable_hint else ""
                raise SourceUnavailable(f"{last_problem} (gave up after {attempts} attempts){hint}")
            wait = retry_after if retry_after is not None else self._backoff(attempts - 1)
            self._pause(wait)

    def _decode(self, url: str, response, body: bytes) -> Any:
        try:
            return json.loads(body)
        except ValueError:
            pass
        if _looks_like_html(response, body):
            what = "an HTML page"
        elif not body.strip():
            what = "an empty body"
        else:
            what = f"something that is not JSON ({_first_line(body[:120].decode('utf-8', 'replace'))})"
        raise MalformedReply(f"{self.service_name} answered {url} with {what} instead of JSON") from None
