"""The ClinicalTrials.gov API v2 client: a StudySource over the live registry.

A SearchSpec becomes one Essie query (`compile_query`), walked page by page
(pageSize=1000, `fields=` limited to what the parser reads, `countTotal` on the
first page only). A complete walk is cached under the data version that
`/version` reports, so a repeated search costs no request at all.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

from trialfind.core.config import DEFAULT_API_URL
from trialfind.core.errors import InvalidInput, NotFound, SourceDataError
from trialfind.core.spec import SearchSpec, tokens
from trialfind.core.study import PARSER_FIELDS
from trialfind.core.text import normalise_nct_id
from trialfind.sources.http import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, HttpClient, ResponseCache

MAX_PAGE_SIZE = 1000
VERSION_CACHE_SECONDS = 3600
MAX_PAGES = 10_000  # a loop guard far above any real walk (500k studies / 1000 a page)

OVERALL_STATUSES = frozenset({
    "ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING", "RECRUITING",
    "SUSPENDED", "TERMINATED", "WITHDRAWN", "AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE",
    "APPROVED_FOR_MARKETING", "WITHHELD", "UNKNOWN",
})
STUDY_TYPES = frozenset({"INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"})

# Age bounds are retrieved generously and decided by trialfind.core.ages: the API
# compares nominal ages ("17 Years" = 17 years) while a maximum of 17 years admits a
# child until the 18th birthday, and units convert slightly differently on each side.
MIN_AGE_SLACK_DAYS = 31
MAX_AGE_SLACK_DAYS = 400

# Inside an Essie phrase only letters, digits and a little harmless punctuation are kept:
# quotes, brackets, parentheses and wildcards would end or change the expression.
_UNSAFE_IN_PHRASE = re.compile(r"[^\w\s\-+/.,'%]")


# --- Essie compilation ---------------------------------------------------------------

def essie_phrase(value: str) -> str:
    """One user value as a quoted Essie phrase; operator words (ALL, AND, OR, NOT)
    inside quotes are plain words, so `ALL` means acute lymphoblastic leukaemia."""
    cleaned = " ".join(_UNSAFE_IN_PHRASE.sub(" ", str(value)).split())
    if not tokens(cleaned):
        raise InvalidInput(f"search text {value!r} has no letters or digits to search for")
    return f'"{cleaned}"'


def _any_of(values: Sequence[str], area: str | None = None) -> str:
    prefix = f"AREA[{area}]" if area else ""
    phrases = [prefix + essie_phrase(v) for v in values]
    return phrases[0] if len(phrases) == 1 else " OR ".join(phrases)


def _choice(values: Sequence[str], allowed: frozenset[str], what: str) -> list[str]:
    chosen = []
    for value in values:
        upper = str(value).strip().upper().replace(" ", "_")
        if upper not in allowed:
            raise InvalidInput(f"unknown {what} {value!r}: use one of {', '.join(sorted(allowed))}")
        if upper not in chosen:
            chosen.append(upper)
    return chosen


def age_filter(age_days: int) -> str:
    """Essie filter for studies whose age bounds may admit someone `age_days` old."""
    if age_days < 0:
        raise InvalidInput("age cannot be negative")
    clauses = [f"(AREA[MinimumAge]RANGE[MIN, {age_days + MIN_AGE_SLACK_DAYS} days] OR AREA[MinimumAge]MISSING)"]
    lowest_max = age_days - MAX_AGE_SLACK_DAYS
    if lowest_max > 0:
        clauses.append(f"(AREA[MaximumAge]RANGE[{lowest_max} days, MAX] OR AREA[MaximumAge]MISSING)")
    return " AND ".join(clauses)


def compile_query(spec: SearchSpec) -> dict[str, str]:
    """SearchSpec → ClinicalTrials.gov v2 query parameters (query.*, filter.*).

    combine="all": each group goes to its own parameter (the API ANDs them).
    combine="any": the groups become one OR-ed expression in query.term, with the
    condition and intervention groups kept to their search areas, so a target and all
    its drug aliases cost one page walk.
    """
    params: dict[str, str] = {}
    groups = [(spec.conditions, "query.cond", "ConditionSearch"),
              (spec.terms, "query.term", None),
              (spec.interventions, "query.intr", "InterventionSearch")]
    present = [g for g in groups if g[0]]
    if spec.combine == "any" and len(present) > 1:
        params["query.term"] = " OR ".join(f"({_any_of(values, area)})" for values, _, area in present)
    else:
        for values, name, _ in present:
            params[name] = _any_of(values)
    if spec.statuses:
        params["filter.overallStatus"] = ",".join(_choice(spec.statuses, OVERALL_STATUSES, "status"))
    advanced = []
    if spec.study_types:
        types = _choice(spec.study_types, STUDY_TYPES, "study type")
        clause = " OR ".join(f"AREA[StudyType]{t}" for t in types)
        advanced.append(clause if len(types) == 1 else f"({clause})")
    if spec.admits_age_days is not None:
        advanced.append(age_filter(int(spec.admits_age_days)))
    if advanced:
        params["filter.advanced"] = " AND ".join(advanced)
    return params


# --- the client ------------------------------------------------------------------------

@dataclass
class SearchStats:
    """What one search cost: for the benchmark and for tests."""

    requests: int = 0
    pages: int = 0
    studies: int = 0
    total_count: int | None = None
    bytes: int = 0
    cache_hits: int = 0
    complete: bool = False


class CtgovClient:
    """StudySource over the ClinicalTrials.gov API v2."""

    def __init__(self, base_url: str = DEFAULT_API_URL, cache_dir=None, refresh: bool = False,
                 rate_limit_per_minute: float = 50.0, page_size: int = MAX_PAGE_SIZE, session=None,
                 sleep: Callable[[float], None] = time.sleep, max_retries: int = DEFAULT_MAX_RETRIES,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 fields: Sequence[str] | None = PARSER_FIELDS) -> None:
        if not 1 <= int(page_size) <= MAX_PAGE_SIZE:
            raise InvalidInput(f"page size must be between 1 and {MAX_PAGE_SIZE}")
        self.base_url = base_url.rstrip("/")
        self.page_size = int(page_size)
        self.fields = tuple(fields) if fields else None
        self.http = HttpClient(cache_dir=cache_dir, refresh=refresh, rate_limit_per_minute=rate_limit_per_minute,
                               timeout=timeout, max_retries=max_retries, session=session, sleep=sleep)
        self.last_search_stats = SearchStats()
        self._version: str | None = None
        self._version_known = False

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
        """The registry's data timestamp (from /version), cached for an hour."""
        if self._version_known:
            return self._version
        url = f"{self.base_url}/version"
        key = ResponseCache.key(url, None, None)
        cached = self.http.cached(key)
        if isinstance(cached, dict) and "dataTimestamp" in cached:
            version = cached["dataTimestamp"]
        else:
            try:
                data = self.http.get_json(url).data
            except NotFound:
                data = {"dataTimestamp": None}
            if not isinstance(data, dict):
                raise SourceDataError(f"unexpected answer from {url}: not a JSON object")
            version = data.get("dataTimestamp")
            version = str(version) if version is not None else None
            self.http.store(key, {"dataTimestamp": version}, expire=VERSION_CACHE_SECONDS)
        self._version, self._version_known = version, True
        return version

    def search_params(self, spec: SearchSpec) -> dict[str, str]:
        """The parameters every page of this search carries (besides countTotal/pageToken)."""
        params = {"format": "json", **compile_query(spec)}
        if self.fields:
            params["fields"] = ",".join(self.fields)
        params["pageSize"] = str(self.page_size)
        return params

    def search(self, spec: SearchSpec) -> Iterator[dict[str, Any]]:
        """Yield raw v2 study dicts for every study the API returns for spec."""
        params = self.search_params(spec)  # compiled eagerly: bad input fails at the call
        return self._walk(params)

    def _walk(self, params: dict[str, str]) -> Iterator[dict[str, Any]]:
        stats = SearchStats()
        self.last_search_stats = stats
        url = f"{self.base_url}/studies"
        key = ResponseCache.key(url, params, self.data_version())
        cached = self.http.cached(key)
        if isinstance(cached, dict) and isinstance(cached.get("studies"), list):
            stats.cache_hits = 1
            stats.total_count = cached.get("totalCount")
            stats.studies = len(cached["studies"])
            stats.complete = True
            yield from cached["studies"]
            return
        collected: list[dict[str, Any]] = []
        seen_tokens: set[str] = set()
        token: str | None = None
        while True:
            page_params = dict(params)
            if token is None:
                page_params["countTotal"] = "true"
            else:
                page_params["pageToken"] = token
            before = self.http.request_count
            reply = self.http.get_json(url, page_params)
            stats.requests += self.http.request_count - before
            stats.pages += 1
            stats.bytes += reply.bytes
            page = reply.data
            if not isinstance(page, dict) or not isinstance(page.get("studies", []), list):
                raise SourceDataError(f"unexpected answer from {url}: no 'studies' list")
            if token is None:
                total = page.get("totalCount")
                stats.total_count = total if isinstance(total, int) else None
            for study in page.get("studies") or []:
                if not isinstance(study, dict):
                    raise SourceDataError(f"unexpected answer from {url}: a study is not a JSON object")
                collected.append(study)
                stats.studies += 1
                yield study
            next_token = page.get("nextPageToken")
            if not next_token:
                break
            if next_token == token or next_token in seen_tokens:
                raise SourceDataError(
                    f"{url} returned the same page token twice ({str(next_token)[:40]}); stopped to avoid a loop")
            if stats.pages >= MAX_PAGES:
                raise SourceDataError(f"{url} kept returning pages after {MAX_PAGES}; stopped")
            seen_tokens.add(next_token)
            token = next_token
        stats.complete = True
        self.http.store(key, {"studies": collected, "totalCount": stats.total_count})

    def get_study(self, nct_id: str) -> dict[str, Any]:
        """The full v2 record of one study."""
        nct = normalise_nct_id(str(nct_id))
        url = f"{self.base_url}/studies/{nct}"
        params = {"format": "json"}
        key = ResponseCache.key(url, params, self.data_version())
        cached = self.http.cached(key)
        if isinstance(cached, dict):
            return cached
        try:
            record = self.http.get_json(url, params).data
        except NotFound:
            raise NotFound(f"{nct} is not on ClinicalTrials.gov ({url} answered 404)") from None
        found = (record.get("protocolSection") or {}).get("identificationModule", {}).get("nctId") \
            if isinstance(record, dict) else None
        if found != nct:
            raise SourceDataError(f"{url} answered with a record for {found or 'no study'} instead of {nct}")
        self.http.store(key, record)
        return record
