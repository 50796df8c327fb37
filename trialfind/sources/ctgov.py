"""The ClinicalTrials.gov API v2 client: a StudySource over the live registry.

A SearchSpec becomes one Essie query (`compile_query`), walked page by page
(pageSize=1000, `fields=` limited to what the job reads, `countTotal` on the first
page only). `/version` is asked beside the first page, never before it, so a cold
search costs ceil(N/1000) sequential round trips.

Complete or clearly not: a walk is accepted only when it is verified complete (as many
distinct studies as `totalCount`, every page a JSON object with a list of study
objects, no repeated page token, no more pages than `totalCount` needs); otherwise it
is walked once more and then fails with one line. Only verified walks are cached,
under the data version, and a cache entry is checked again when read: one that fails
is discarded, never served.
"""
from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence
from urllib.parse import urlsplit

from trialfind.core.config import DEFAULT_API_URL
from trialfind.core.errors import InvalidInput, NotFound, SourceDataError, TrialfindError
from trialfind.core.spec import SearchSpec
from trialfind.core.text import normalise_nct_id
from trialfind.sources.essie import (
    MAX_AGE_SLACK_DAYS,
    MIN_AGE_SLACK_DAYS,
    OVERALL_STATUSES,
    STUDY_TYPES,
    age_filter,
    compile_query,
    essie_phrase,
    updated_since_filter,
)
from trialfind.sources.fields import SEARCH_FIELDS
from trialfind.sources.http import (
    DEFAULT_DEADLINE_SECONDS,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    HttpClient,
    MalformedReply,
    ResponseCache,
)
from trialfind.sources.walks import (
    CACHE_FORMAT,
    IncompleteWalk,
    SearchStats,
    decode_walk,
    encode_walk,
    study_id,
    verify_walk,
)

MAX_PAGE_SIZE = 1000
VERSION_CACHE_SECONDS = 3600
VERSION_FILENAME = "data-versions.json"
MAX_PAGES = 10_000  # a loop guard far above any real walk (500k studies / 1000 a page)
WALK_ATTEMPTS = 2  # a walk that is not verified complete is walked once more, then fails
UNREACHABLE_HINT = ("to search without it, build the offline index once with `trialfind index build` "
                    "and add --offline")


__all__ = [  # the Essie compiler's names stay importable from here
    "CtgovClient", "IncompleteWalk", "SearchStats", "age_filter", "compile_query", "decode_walk", "encode_walk",
    "essie_phrase", "study_id", "verify_walk", "CACHE_FORMAT", "MAX_AGE_SLACK_DAYS", "MIN_AGE_SLACK_DAYS", "OVERALL_STATUSES", "STUDY_TYPES",
]


# --- the client ------------------------------------------------------------------------

def _settled(wait) -> tuple[str | None, Any, bool]:
    """(version, cached walk, version known) from a `_version_beside` waiter; a failed
    /version is (None, None, False): the search goes on without the cache."""
    try:
        version, found = wait()
    except TrialfindError:
        return None, None, False
    return version, found, True


class CtgovClient:
    """StudySource over the ClinicalTrials.gov API v2."""

    def __init__(self, base_url: str = DEFAULT_API_URL, cache_dir=None, refresh: bool = False,
                 rate_limit_per_minute: float = 50.0, page_size: int = MAX_PAGE_SIZE, session=None,
                 sleep: Callable[[float], None] = time.sleep, max_retries: int = DEFAULT_MAX_RETRIES,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 fields: Sequence[str] | None = SEARCH_FIELDS, deadline: float = DEFAULT_DEADLINE_SECONDS) -> None:
        if not 1 <= int(page_size) <= MAX_PAGE_SIZE:
            raise InvalidInput(f"page size must be between 1 and {MAX_PAGE_SIZE}")
        parts = urlsplit(str(base_url))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InvalidInput(f"the API URL {base_url!r} is not an http(s) URL "
                               "(for example https://clinicaltrials.gov/api/v2)")
        self.base_url = base_url.rstrip("/")
        self.page_size = int(page_size)
        self.fields = tuple(fields) if fields else None
        self.http = HttpClient(cache_dir=cache_dir, refresh=refresh, rate_limit_per_minute=rate_limit_per_minute,
                               timeout=timeout, max_retries=max_retries, session=session, sleep=sleep,
                               deadline=deadline, unreachable_hint=UNREACHABLE_HINT)
        self.last_search_stats = SearchStats()
        self._version: str | None = None
        self._version_known = False
        self._version_lock = threading.Lock()
        # The data version lives in a small file, not the response cache: reading it costs
        # 0.1 ms where opening the cache costs ~25 ms, and a cold search reads it first.
        self._version_file = Path(cache_dir) / "http" / VERSION_FILENAME if cache_dir is not None else None

    def __repr__(self) -> str:
        return f"CtgovClient({self.base_url!r})"

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> "CtgovClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- StudySource -------------------------------------------------------------------
    def data_version(self) -> str | None:
        """The registry's data timestamp (from /version), remembered for an hour."""
        return self._data_version(on_known=None)

    def _data_version(self, on_known: Callable[[str | None], None] | None) -> str | None:
        """data_version(); `on_known` hears the version as soon as it is read, before it is
        written down (a search waiting for it need not wait for the write)."""
        with self._version_lock:
            if self._version_known:
                return self._version
            version, known = self._cached_version()
            if not known:
                url = f"{self.base_url}/version"
                try:
                    data = self.http.get_json(url).data
                except NotFound:
                    data = {"dataTimestamp": None}
                if not isinstance(data, dict):
                    raise SourceDataError(f"unexpected answer from {url}: not a JSON object")
                version = data.get("dataTimestamp")
                version = str(version) if version is not None else None
            self._version, self._version_known = version, True
            if on_known is not None:
                on_known(version)
            if not known:
                self._remember_version(version)
            return version

    def _read_versions(self) -> dict[str, Any]:
        try:
            data = json.loads(self._version_file.read_bytes()) if self._version_file else {}
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _cached_version(self) -> tuple[str | None, bool]:
        """(version, True) when known without a request: in memory or remembered within the hour."""
        if self._version_known:
            return self._version, True
        if self._version_file is None or self.http.refresh:
            return None, False
        entry = self._read_versions().get(self.base_url)
        if isinstance(entry, dict) and isinstance(entry.get("expires"), (int, float)) \
                and entry["expires"] > time.time() and isinstance(entry.get("version"), (str, type(None))):
            return entry["version"], True
        return None, False

    def _remember_version(self, version: str | None) -> None:
        if self._version_file is None:
            return
        versions = self._read_versions()
        versions[self.base_url] = {"version": version, "expires": time.time() + VERSION_CACHE_SECONDS}
        temp = self._version_file.with_name(f"{self._version_file.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            self._version_file.parent.mkdir(parents=True, exist_ok=True)
            temp.write_text(json.dumps(versions), encoding="utf-8")
            os.replace(temp, self._version_file)
        except OSError:  # an unwritable cache only costs a /version request next time
            temp.unlink(missing_ok=True)

    def forget_version(self) -> None:
        """Forget the remembered data version (the next search asks /version again)."""
        with self._version_lock:
            self._version, self._version_known = None, False
            if self._version_file is not None:
                self._version_file.unlink(missing_ok=True)

    def _version_beside(self, lookup: Callable[[str | None], Any] | None = None):
        """Start asking /version in the background (unless known already) and, once known,
        run `lookup(version)` there too (the cache lookup, ~25 ms to open the cache);
        the returned function waits for (version, lookup result). A search asks both
        beside its first page, not before it."""
        version, known = self._cached_version()
        if known:
            with self._version_lock:
                self._version, self._version_known = version, True
            return lambda: (version, None)
        if self.http.cache is None:  # the version only keys the cache: asked when someone wants it
            return lambda: (self.data_version(), None)
        if lookup is not None and self.http.cache is not None and not self.http.refresh and self.http.cache.exists():
            # opening the cache (~25 ms) overlaps the /version request, not follows it
            threading.Thread(target=self.http.cache.warm, name="trialfind-cache-open", daemon=True).start()
        outcome: dict[str, Any] = {}
        ready = threading.Event()

        def heard(found: str | None) -> None:
            outcome["version"] = found

        def ask() -> None:
            try:
                self._data_version(on_known=heard)
                if lookup is not None:
                    outcome["found"] = lookup(outcome["version"])
            except BaseException as exc:  # noqa: BLE001 - re-raised by the waiter
                outcome.setdefault("error", exc)
            finally:
                ready.set()

        threading.Thread(target=ask, name="trialfind-version", daemon=True).start()

        def wait():
            ready.wait()
            if "error" in outcome and "version" not in outcome:
                raise outcome["error"]
            return outcome["version"], outcome.get("found")

        return wait

    def search_params(self, spec: SearchSpec, fields: Sequence[str] | None = None) -> dict[str, str]:
        """The parameters every page of this search carries (besides countTotal/pageToken)."""
        params = {"format": "json", **compile_query(spec)}
        chosen = tuple(fields) if fields else self.fields
        if chosen:
            params["fields"] = ",".join(chosen)
        params["pageSize"] = str(self.page_size)
        return params

    def search(self, spec: SearchSpec, fields: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        """Yield raw v2 study dicts for every study the API returns for spec, once the walk
        is verified complete (see the module docstring). `fields` overrides the client's
        field list for this search (a job that reads less asks for less)."""
        params = self.search_params(spec, fields)  # compiled eagerly: bad input fails at the call
        return self._walk(params)

    def updated_since(self, day: str) -> Iterator[dict[str, Any]]:
        """Every study whose last update was posted on or after `day` (YYYY-MM-DD), in one
        verified page walk: what an incremental refresh of a local copy needs."""
        params = {"format": "json", **updated_since_filter(day), "pageSize": str(self.page_size)}
        return self._walk({**params, "fields": ",".join(self.fields)} if self.fields else params)

    def _cached_walk(self, key: str, stats: SearchStats) -> list[dict[str, Any]] | None:
        entry = self.http.cached(key)
        if entry is None:
            return None
        walk = decode_walk(entry)
        if walk is None:
            self.http.discard(key)
            stats.discarded_cache_entries += 1
            return None
        studies, total = walk
        stats.cache_hits = 1
        stats.total_count = total
        stats.studies = len(studies)
        stats.complete = True
        return studies

    def _walk(self, params: dict[str, str]) -> Iterator[dict[str, Any]]:
        stats = SearchStats()
        self.last_search_stats = stats
        url = f"{self.base_url}/studies"

        def lookup(version: str | None):
            if self.http.cache is None or self.http.refresh:
                return None
            return self._cached_walk(ResponseCache.key(url, params, version), stats)

        wait_for_version = self._version_beside(lookup)
        key = None
        if self._version_known and self.http.cache is not None:
            key = ResponseCache.key(url, params, self._version)
            cached = self._cached_walk(key, stats)
            if cached is not None:
                yield from cached
                return
        problem = ""
        for attempt in range(WALK_ATTEMPTS):
            stats.walks += 1
            try:
                studies, total, from_cache = self._walk_once(url, params, stats,
                                                             wait_for_version if key is None and attempt == 0
                                                             and self.http.cache is not None else None)
            except (IncompleteWalk, MalformedReply) as exc:
                problem = str(exc)
                continue
            if from_cache is not None:
                yield from from_cache
                return
            stats.complete = True
            if total is not None and self.http.cache is not None:  # verified complete: only then cached
                version, known = (self._version, True) if key is not None else _settled(wait_for_version)[::2]
                if known:  # a /version that failed leaves the walk uncached, not the search failed
                    self.http.store(key or ResponseCache.key(url, params, version), encode_walk(studies, total))
            yield from studies
            return
        raise SourceDataError(f"{self.base_url} gave an incomplete or malformed list of studies twice "
                              f"({problem}); nothing was cached, try again later")

    def _walk_once(self, url: str, params: dict[str, str], stats: SearchStats, wait_for_version):
        """One page walk: (studies, totalCount, None), or (None, None, cached studies) when the
        version that arrived beside page 1 finds the walk in the cache."""
        collected: list[dict[str, Any]] = []
        ids: set = set()
        seen_tokens: set[str] = set()
        token: str | None = None
        total: int | None = None
        max_pages = MAX_PAGES
        pages = 0
        while True:
            page_params = dict(params)
            if token is None:
                page_params["countTotal"] = "true"
            else:
                page_params["pageToken"] = token
            reply = self.http.get_json(url, page_params)
            stats.requests += max(1, reply.attempts)
            stats.pages += 1
            pages += 1
            stats.bytes += reply.bytes
            page = reply.data
            before = len(collected)
            if not isinstance(page, dict) or not isinstance(page.get("studies"), list):
                raise IncompleteWalk("a page without a 'studies' list")
            if token is None:
                given = page.get("totalCount")
                if given is not None and (not isinstance(given, int) or isinstance(given, bool) or given < 0):
                    raise IncompleteWalk(f"totalCount {str(given)[:20]!r} is not a count")
                total = given
                stats.total_count = total
                if total is not None:  # every page but the last brings a study: at most total + 1
                    max_pages = min(MAX_PAGES, total + 1)
                if wait_for_version is not None:  # the version and cache lookup ran beside page 1
                    cached = _settled(wait_for_version)[1]
                    if cached is not None:
                        return None, None, cached
            next_token = page.get("nextPageToken")
            if next_token and (not isinstance(next_token, str) or next_token == token or next_token in seen_tokens):
                raise IncompleteWalk(f"the same page token twice ({str(next_token)[:40]})")
            for study in page["studies"]:
                if not isinstance(study, dict):
                    raise IncompleteWalk("a study that is not a JSON object")
                nct = study_id(study)
                if nct is not None:
                    if nct in ids:
                        raise IncompleteWalk(f"{nct} came twice (the data changed during the walk?)")
                    ids.add(nct)
                collected.append(study)
            brought = len(collected) - before
            stats.studies = len(collected)
            if total is not None and len(collected) > total:
                raise IncompleteWalk(f"more studies than the {total} announced")
            if not next_token:
                break
            if not brought:
                raise IncompleteWalk(f"page {pages} brought no study but named a next page")
            if pages >= max_pages:
                raise IncompleteWalk(f"still more pages after {pages}, more than {total} studies need")
            seen_tokens.add(next_token)
            token = next_token
        problem = verify_walk(collected, total)
        if problem:
            raise IncompleteWalk(problem)
        return collected, total, None

    def get_study(self, nct_id: str) -> dict[str, Any]:
        """The full v2 record of one study."""
        nct = normalise_nct_id(str(nct_id))
        url = f"{self.base_url}/studies/{nct}"
        params = {"format": "json"}
        wait_for_version = self._version_beside()
        key = None
        if self._version_known and self.http.cache is not None:
            key = ResponseCache.key(url, params, self._version)
            cached = self.http.cached(key)
            if isinstance(cached, dict) and study_id(cached) == nct:
                return cached
        try:
            record = self.http.get_json(url, params).data
        except NotFound:
            raise NotFound(f"{nct} is not on ClinicalTrials.gov ({url} answered 404)") from None
        found = study_id(record) if isinstance(record, dict) else None
        if found != nct:
            raise SourceDataError(f"{url} answered with a record for {found or 'no study'} instead of {nct}")
        if self.http.cache is not None:
            self.http.store(key or ResponseCache.key(url, params, wait_for_version()[0]), record)
        return record
