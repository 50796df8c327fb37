"""A loopback fake of the ClinicalTrials.gov API v2, serving real v2 records.

It answers the way the real API does where trialfind depends on it:
`/api/v2/studies` (query.cond / query.term / query.intr / filter.overallStatus /
filter.advanced in the Essie subset that `compile_query` produces, `fields=`
projection with HTTP 400 on an unknown field, pageSize ≤ 1000, opaque page tokens
bound to the query, countTotal on the first page), `/api/v2/studies/{nct}` and
`/api/v2/version`. Text matching uses trialfind.core.spec's reference semantics, so for
any SearchSpec the fake returns a superset of what `matches_spec` accepts.

Faults are injected with `server.inject(...)` (429 + Retry-After every Nth request,
503 for the next N, 403 with an HTML page, a non-JSON body, a slow reply, a page
token that repeats) and transport faults on the real answer (`truncate`: the body cut
in half; `reset`: half the body, then a TCP reset; `drip`: one byte every so many
seconds; `hold`: no answer until the server is reset; `gzip_bomb`: a small gzip body
inflating to many MB; `drop_token`: no nextPageToken; `fresh_tokens`: a new token on
every page; `malformed`: a study that is not a JSON object; `content_type`: the
real answer under another Content-Type), and a constant `latency` for benchmarks.
Every request is recorded (`server.requests`).

    with CtgovServer(real_records()) as server:
        client = CtgovClient(base_url=server.url)
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import socket
import struct
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterable
from urllib.parse import parse_qsl, urlsplit

from trialfind.core.ages import ctgov_age_bounds
from trialfind.core.spec import contains_phrase, retrieval_texts, tokens
from trialfind.core.study import PARSER_FIELDS, parse_study
from trialfind.sources.fields import CANDIDATE_FIELDS, SEARCH_FIELDS

API_PREFIX = "/api/v2"
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 1000
DEFAULT_DATA_TIMESTAMP = "2026-11-21T09:00:00"
API_VERSION = "2.0.5"

STUDIES_PARAMS = frozenset({
    "format", "markupFormat", "query.cond", "query.term", "query.intr", "filter.overallStatus",
    "postFilter.overallStatus", "filter.advanced", "postFilter.advanced", "fields", "pageSize", "pageToken",
    "countTotal",
})
PAGING_PARAMS = frozenset({"pageToken", "pageSize", "countTotal"})

# Essie search areas → the retrieval_texts group they are matched against.
TEXT_AREAS = {
    "basicsearch": "term",
    "conditionsearch": "condition",
    "condition": "condition",
    "interventionsearch": "intervention",
    "interventionname": "intervention",
}
ENUM_AREAS = {"studytype", "overallstatus", "phase", "stdage", "sex"}
AGE_AREAS = {"minimumage": "minimumAge", "maximumage": "maximumAge"}
# Date areas compare ISO dates ("2026-11-21"; a month "2026-11" sorts before its days, as the API's).
DATE_AREAS = {"lastupdatepostdate": "last_update"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")

HTML_BLOCK_PAGE = ("<!DOCTYPE html><html><head><title>Access Denied</title></head>"
                   "<body><h1>Access Denied</h1><p>You don't have permission to access this server.</p></body></html>")


class BadRequest(Exception):
    """The request is malformed: answered with HTTP 400 and the message as text."""


# --- Essie subset ----------------------------------------------------------------------

_ESSIE_TOKEN = re.compile(
    r'\s*(?:(?P<quote>"[^"]*")|(?P<area>AREA\[[^\]]*\])|(?P<range>RANGE\[[^\]]*\])'
    r'|(?P<lpar>\()|(?P<rpar>\))|(?P<word>[^\s()"]+))')


@dataclass
class _Node:
    kind: str  # or, and, not, phrase, all, range, missing, area
    children: list["_Node"] = field(default_factory=list)
    value: Any = None


def _lex(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        match = _ESSIE_TOKEN.match(text, pos)
        if not match or match.end() == pos:
            raise BadRequest(f"cannot parse expression near {text[pos:pos + 20]!r}")
        pos = match.end()
        kind = match.lastgroup
        out.append((kind, match.group(kind)))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.items = _lex(text)
        self.pos = 0

    def peek(self):
        return self.items[self.pos] if self.pos < len(self.items) else (None, None)

    def take(self):
        item = self.peek()
        self.pos += 1
        return item

    def parse(self) -> _Node:
        node = self.parse_or()
        if self.pos != len(self.items):
            raise BadRequest(f"unexpected {self.peek()[1]!r} in expression")
        return node

    def parse_or(self) -> _Node:
        parts = [self.parse_and()]
        while self.peek() == ("word", "OR"):
            self.take()
            parts.append(self.parse_and())
        return parts[0] if len(parts) == 1 else _Node("or", parts)

    def parse_and(self) -> _Node:
        parts = [self.parse_not()]
        while True:
            kind, value = self.peek()
            if kind is None or kind == "rpar" or (kind, value) == ("word", "OR"):
                break
            if (kind, value) == ("word", "AND"):
                self.take()
            parts.append(self.parse_not())
        return parts[0] if len(parts) == 1 else _Node("and", parts)

    def parse_not(self) -> _Node:
        if self.peek() == ("word", "NOT"):
            self.take()
            return _Node("not", [self.parse_not()])
        return self.parse_primary()

    def parse_primary(self) -> _Node:
        kind, value = self.take()
        if kind is None:
            raise BadRequest("expression ends too early")
        if kind == "lpar":
            node = self.parse_or()
            if self.take()[0] != "rpar":
                raise BadRequest("missing ')' in expression")
            return node
        if kind == "area":
            area = value[5:-1].strip()
            return _Node("area", [self.parse_primary()], area)
        if kind == "range":
            low, _, high = value[6:-1].partition(",")
            return _Node("range", value=(low.strip(), high.strip()))
        if kind == "quote":
            return _Node("phrase", value=tokens(value[1:-1]))
        if kind == "word":
            if value == "MISSING":
                return _Node("missing")
            if value == "ALL":  # the real API's "everything": why trialfind quotes user text
                return _Node("all")
            if value in ("AND", "OR", "NOT"):
                raise BadRequest(f"operator {value} without an operand")
            return _Node("phrase", value=tokens(value))
        raise BadRequest(f"unexpected {value!r} in expression")


def parse_essie(text: str) -> _Node:
    return _Parser(text).parse()


def _age_days(text: str) -> int | None:
    bounds = ctgov_age_bounds(text)
    return None if bounds is None else bounds[0]


class _Indexed:
    """One record with what queries need, computed once."""

    def __init__(self, record: dict) -> None:
        self.record = record
        self.study = parse_study(record)
        self.nct_id = self.study.nct_id
        self.texts = {group: [tokens(t) for t in texts] for group, texts in retrieval_texts(self.study).items()}
        self.vocabulary = {group: {w for text in texts for w in text} for group, texts in self.texts.items()}
        self.enums = {
            "studytype": {self.study.study_type} if self.study.study_type else set(),
            "overallstatus": {self.study.status} if self.study.status else set(),
            "phase": set(self.study.phases),
            "stdage": set(self.study.std_ages),
            "sex": {self.study.sex} if self.study.sex else set(),
        }
        # The API compares nominal ages ("17 Years" is 17 years), not the last admitted day.
        self.ages = {"minimumAge": _age_days(self.study.min_age), "maximumAge": _age_days(self.study.max_age)}
        self.dates = {"last_update": self.study.last_update}


def _evaluate(node: _Node, doc: _Indexed, area: str) -> bool:
    kind = node.kind
    if kind == "or":
        return any(_evaluate(c, doc, area) for c in node.children)
    if kind == "and":
        return all(_evaluate(c, doc, area) for c in node.children)
    if kind == "not":
        return not _evaluate(node.children[0], doc, area)
    if kind == "all":
        return True
    if kind == "area":
        return _evaluate(node.children[0], doc, node.value.lower())
    if kind == "phrase":
        if area in TEXT_AREAS:
            group = TEXT_AREAS[area]
            if not all(word in doc.vocabulary[group] for word in node.value):
                return False  # a quick no before the phrase walk
            return any(contains_phrase(text, node.value) for text in doc.texts[group])
        if area in ENUM_AREAS:
            wanted = "_".join(node.value).upper()
            return wanted in {v.upper() for v in doc.enums[area]}
        raise BadRequest(f"search area {area!r} is not supported by the fake server")
    if kind == "missing":
        if area in AGE_AREAS:
            return doc.ages[AGE_AREAS[area]] is None
        if area in ENUM_AREAS:
            return not doc.enums[area]
        if area in DATE_AREAS:
            return doc.dates[DATE_AREAS[area]] is None
        raise BadRequest(f"MISSING on area {area!r} is not supported by the fake server")
    if kind == "range" and area in DATE_AREAS:
        return _in_date_range(doc.dates[DATE_AREAS[area]], *node.value)
    if kind == "range":
        if area not in AGE_AREAS:
            raise BadRequest(f"RANGE on area {area!r} is not supported by the fake server")
        value = doc.ages[AGE_AREAS[area]]
        if value is None:
            return False
        low, high = node.value
        low_days = None if low.upper() == "MIN" else _age_days(low)
        high_days = None if high.upper() == "MAX" else _age_days(high)
        if (low.upper() != "MIN" and low_days is None) or (high.upper() != "MAX" and high_days is None):
            raise BadRequest(f"cannot read RANGE[{low}, {high}]")
        return (low_days is None or value >= low_days) and (high_days is None or value <= high_days)
    raise BadRequest(f"unsupported expression {kind}")


def _in_date_range(value: str | None, low: str, high: str) -> bool:
    """RANGE[low, high] over an ISO date, MIN / MAX open-ended; both ends included."""
    for bound, open_end in ((low, "MIN"), (high, "MAX")):
        if bound.upper() != open_end and not _ISO_DATE.match(bound):
            raise BadRequest(f"cannot read RANGE[{low}, {high}] as dates (use YYYY-MM-DD, MIN or MAX)")
    if value is None:
        return False
    return (low.upper() == "MIN" or value >= low) and (high.upper() == "MAX" or value <= high)


# --- field projection ------------------------------------------------------------------

def _field_paths(records: Iterable[dict]) -> set[str]:
    paths: set[str] = set()

    def walk(value: Any, prefix: str) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                path = f"{prefix}.{key}" if prefix else key
                paths.add(path)
                walk(sub, path)
        elif isinstance(value, list):
            for item in value:
                walk(item, prefix)

    for record in records:
        walk(record, "")
    for known in (*PARSER_FIELDS, *SEARCH_FIELDS, *CANDIDATE_FIELDS):  # the real API knows them all
        parts = known.split(".")
        paths.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return paths


def _copy_path(source: Any, target: dict, parts: list[str]) -> None:
    if not isinstance(source, dict) or parts[0] not in source:
        return
    key, value = parts[0], source[parts[0]]
    if len(parts) == 1:
        target[key] = value
    elif isinstance(value, dict):
        _copy_path(value, target.setdefault(key, {}), parts[1:])
    elif isinstance(value, list):
        projected = target.setdefault(key, [{} for _ in value])
        for item, out in zip(value, projected):
            if isinstance(item, dict) and isinstance(out, dict):
                _copy_path(item, out, parts[1:])


def project(record: dict, fields: list[str] | None) -> dict:
    if not fields:
        return record
    out: dict = {}
    for path in fields:
        _copy_path(record, out, path.split("."))
    return out


# --- faults -----------------------------------------------------------------------------

@dataclass
class Fault:
    """One entry of the fault plan. It fires on every `every`-th request it sees (or on
    each request when `every` is None), at most `times` times (None = no limit)."""

    status: int | None = None
    body: str | bytes | None = None
    content_type: str = "application/json"
    retry_after: str | float | None = None
    delay: float = 0.0
    every: int | None = None
    times: int | None = None
    repeat_token: bool = False
    path_contains: str | None = None
    truncate: bool = False
    reset: bool = False
    drip: float | None = None
    hold: bool = False
    gzip_bomb: int | None = None
    drop_token: bool = False
    fresh_tokens: bool = False
    malformed: bool = False
    serve_as: str | None = None
    seen: int = 0
    fired: int = 0

    def fires(self, path: str) -> bool:
        if self.path_contains and self.path_contains not in path:
            return False
        if self.times is not None and self.fired >= self.times:
            return False
        self.seen += 1
        if self.every and self.seen % self.every:
            return False
        self.fired += 1
        return True


@dataclass(frozen=True)
class RecordedRequest:
    path: str
    params: dict[str, str]
    headers: dict[str, str]

    @property
    def endpoint(self) -> str:
        return self.path[len(API_PREFIX):] if self.path.startswith(API_PREFIX) else self.path


# --- the server -------------------------------------------------------------------------

class CtgovServer:
    """The fake API, started on 127.0.0.1 at a free port in a background thread."""

    def __init__(self, records: Iterable[dict], *, latency: float = 0.0,
                 data_timestamp: str = DEFAULT_DATA_TIMESTAMP) -> None:
        self.docs = [_Indexed(r) for r in records]
        self.by_id = {d.nct_id: d for d in self.docs}
        self.latency = latency
        self.data_timestamp = data_timestamp
        self._fields: set[str] | None = None
        self._faults: list[Fault] = []
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._matches: dict[str, list[_Indexed]] = {}
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._release = threading.Event()
        self.bytes_sent = 0  # response bodies as sent (for benchmarks)

    # -- lifecycle --------------------------------------------------------------------
    def start(self) -> "CtgovServer":
        if self._httpd is None:
            handler = type("Handler", (_Handler,), {"api": self})
            self._httpd = _QuietServer(("127.0.0.1", 0), handler)
            self._httpd.daemon_threads = True
            self._thread = threading.Thread(target=self._httpd.serve_forever, name="fake-ctgov", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> "CtgovServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """The API base URL, as given to CtgovClient(base_url=) / TRIALFIND_API_URL."""
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    # -- fault plan and request log -----------------------------------------------------
    def inject(self, *, status: int | None = None, retry_after: str | float | None = None, every: int | None = None,
               times: int | None = None, html: bool = False, body: str | bytes | None = None,
               delay: float = 0.0, repeat_token: bool = False, path_contains: str | None = None,
               truncate: bool = False, reset: bool = False, drip: float | None = None, hold: bool = False,
               gzip_bomb: int | None = None, drop_token: bool = False, fresh_tokens: bool = False,
               malformed: bool = False, content_type: str | None = None) -> Fault:
        """Add a fault. Examples: inject(status=429, retry_after=1, every=3);
        inject(status=503, times=2); inject(status=403, html=True); inject(body="oops");
        inject(delay=2, times=1); inject(repeat_token=True); inject(truncate=True, times=1);
        inject(drip=0.5); inject(gzip_bomb=50 * 2**20); inject(drop_token=True, every=2, times=1);
        inject(content_type="text/html")."""
        kind = "application/json"
        if html:
            body = HTML_BLOCK_PAGE if body is None else body
            kind = "text/html; charset=utf-8"
        elif body is not None:
            kind = "text/plain; charset=utf-8"
        fault = Fault(status=status, body=body, content_type=kind, retry_after=retry_after, delay=delay,
                      every=every, times=times, repeat_token=repeat_token, path_contains=path_contains,
                      truncate=truncate, reset=reset, drip=drip, hold=hold, gzip_bomb=gzip_bomb,
                      drop_token=drop_token, fresh_tokens=fresh_tokens, malformed=malformed, serve_as=content_type)
        with self._lock:
            self._faults.append(fault)
        return fault

    def reset(self) -> None:
        """Clear faults, latency and the request log (between tests); held and dripping
        answers end."""
        with self._lock:
            self._faults.clear()
            self._requests.clear()
            self._release.set()
            self._release = threading.Event()
        self.latency = 0.0

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def study_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.endpoint == "/studies"]

    # -- query evaluation (also usable directly by tests) ---------------------------------
    def matching(self, params: dict[str, str]) -> list[dict]:
        """The records a /studies request selects (all pages, unprojected)."""
        return [d.record for d in self._select(params)]

    def _select(self, params: dict[str, str]) -> list[_Indexed]:
        key = _query_key(params)
        with self._lock:
            cached = self._matches.get(key)
        if cached is not None:
            return cached
        conditions = []
        for name, area in (("query.cond", "conditionsearch"), ("query.term", "basicsearch"),
                           ("query.intr", "interventionsearch"), ("filter.advanced", "basicsearch"),
                           ("postFilter.advanced", "basicsearch")):
            if params.get(name, "").strip():
                conditions.append((parse_essie(params[name]), area))
        statuses = set()
        for name in ("filter.overallStatus", "postFilter.overallStatus"):
            if params.get(name):
                statuses.update(s.strip().upper() for s in re.split(r"[,|]", params[name]) if s.strip())
        selected = [d for d in self.docs
                    if (not statuses or d.study.status in statuses)
                    and all(_evaluate(node, d, area) for node, area in conditions)]
        with self._lock:
            if len(self._matches) > 256:
                self._matches.clear()
            self._matches[key] = selected
        return selected

    @property
    def field_paths(self) -> set[str]:
        if self._fields is None:
            self._fields = _field_paths(d.record for d in self.docs)
        return self._fields

    def _fields_param(self, params: dict[str, str]) -> list[str] | None:
        raw = params.get("fields", "").strip()
        if not raw:
            return None
        fields = [f.strip() for f in re.split(r"[,|]", raw) if f.strip()]
        unknown = [f for f in fields if f not in self.field_paths]
        if unknown:
            raise BadRequest(f"unknown field(s) in fields: {', '.join(unknown[:5])}")
        return fields

    # -- endpoints ------------------------------------------------------------------------
    def _handle(self, path: str, params: dict[str, str], repeat_token: bool = False,
                fresh_tokens: bool = False) -> tuple[int, dict | str]:
        if path == f"{API_PREFIX}/version":
            return 200, {"apiVersion": API_VERSION, "dataTimestamp": self.data_timestamp}
        if path == f"{API_PREFIX}/studies":
            return 200, self._studies(params, repeat_token, fresh_tokens)
        if path.startswith(f"{API_PREFIX}/studies/"):
            nct = path.rsplit("/", 1)[1].upper()
            if params.get("format", "json") != "json":
                raise BadRequest("only format=json is supported by the fake server")
            doc = self.by_id.get(nct)
            if doc is None:
                return 404, f"Study {nct} not found"
            return 200, project(doc.record, self._fields_param(params))
        return 404, "Not Found"

    def _studies(self, params: dict[str, str], repeat_token: bool, fresh_tokens: bool = False) -> dict:
        unknown = sorted(set(params) - STUDIES_PARAMS)
        if unknown:
            raise BadRequest(f"unknown parameter(s): {', '.join(unknown)}")
        if params.get("format", "json") != "json":
            raise BadRequest("only format=json is supported by the fake server")
        try:
            size = int(params.get("pageSize") or 0)
        except ValueError:
            raise BadRequest("pageSize must be an integer") from None
        if size < 0:
            raise BadRequest("pageSize must not be negative")
        size = min(size or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
        fields = self._fields_param(params)
        query_hash = _query_key(params)
        offset = 0
        token = params.get("pageToken")
        if token:
            offset = _read_token(token, query_hash)
        selected = self._select(params)
        page = selected[offset:offset + size]
        body: dict[str, Any] = {"studies": [project(d.record, fields) for d in page]}
        if offset + size < len(selected):
            body["nextPageToken"] = _make_token(query_hash, offset + size)
        if repeat_token:
            body["nextPageToken"] = token or _make_token(query_hash, 0)
        if fresh_tokens:  # a new, valid token on every page, past the end too: pages never end
            body["nextPageToken"] = _make_token(query_hash, offset + size, nonce=str(time.time_ns()))
        if not token and params.get("countTotal", "").lower() == "true":
            body["totalCount"] = len(selected)
        return body


def _query_key(params: dict[str, str]) -> str:
    relevant = sorted((k, v) for k, v in params.items() if k not in PAGING_PARAMS)
    return hashlib.sha256(json.dumps(relevant).encode()).hexdigest()[:16]


def _make_token(query_hash: str, offset: int, nonce: str = "") -> str:
    text = f"{query_hash}:{offset}" + (f":{nonce}" if nonce else "")
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _read_token(token: str, query_hash: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        token_hash, offset = raw.split(":")[:2]
        offset_value = int(offset)
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("invalid pageToken") from None
    if token_hash != query_hash:
        raise BadRequest("pageToken does not belong to these parameters (they must not change between pages)")
    return offset_value


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # a client that reset or left: not news
        pass


class _Handler(BaseHTTPRequestHandler):
    api: CtgovServer
    protocol_version = "HTTP/1.1"
    server_version = "fake-ctgov/1"

    def log_message(self, format, *args):  # noqa: A002 - quiet test output
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        api = self.api
        split = urlsplit(self.path)
        params = dict(parse_qsl(split.query, keep_blank_values=True))
        with api._lock:
            api._requests.append(RecordedRequest(split.path, params, {
                "User-Agent": self.headers.get("User-Agent", ""), "Accept": self.headers.get("Accept", "")}))
            firing = [f for f in api._faults if f.fires(split.path)]
        delay = api.latency + sum(f.delay for f in firing)
        if delay:
            time.sleep(delay)
        failure = next((f for f in firing if f.status is not None or f.body is not None), None)
        try:
            if failure is not None:
                status = failure.status or 200
                body = failure.body if failure.body is not None else json.dumps(
                    {"error": f"HTTP {status} injected by the fake server"})
                headers = {}
                if failure.retry_after is not None:
                    retry = failure.retry_after
                    headers["Retry-After"] = str(int(retry)) if isinstance(retry, (int, float)) else str(retry)
                self._send(status, body, failure.content_type, headers)
                return
            if any(f.hold for f in firing):
                api._release.wait(120)  # no answer at all until the test resets the server
                return
            try:
                status, payload = api._handle(split.path, params, any(f.repeat_token for f in firing),
                                              any(f.fresh_tokens for f in firing))
            except BadRequest as exc:
                self._send(400, str(exc), "text/plain; charset=utf-8")
                return
            if isinstance(payload, str):
                self._send(status, payload, "text/plain; charset=utf-8")
                return
            if isinstance(payload.get("studies"), list):
                if any(f.drop_token for f in firing):
                    payload.pop("nextPageToken", None)
                if any(f.malformed for f in firing) and payload["studies"]:
                    payload["studies"][0] = "not a study"
            content_type = next((f.serve_as for f in firing if f.serve_as), "application/json")
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            transport = next((f for f in firing if f.truncate or f.reset or f.drip or f.gzip_bomb), None)
            if transport is None:
                self._send(status, data, content_type)
            else:
                self._send_faulty(status, data, content_type, transport)
        except (BrokenPipeError, ConnectionResetError, OSError, ValueError):
            pass  # the client gave up (a read timeout) or the fault closed the socket

    def _send_faulty(self, status: int, data: bytes, content_type: str, fault: Fault) -> None:
        if fault.gzip_bomb:
            self._send(status, _gzip_bomb(fault.gzip_bomb), content_type, {"Content-Encoding": "gzip"})
            return
        if fault.truncate:  # a well-framed reply whose JSON stops half-way
            self._send(status, data[: len(data) // 2], content_type)
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if fault.reset:  # half the promised body, then a TCP reset
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        release = self.api._release
        for index in range(len(data)):  # drip: one byte at a time until the client leaves
            self.wfile.write(data[index:index + 1])
            self.wfile.flush()
            if release.wait(fault.drip):
                self.close_connection = True
                return

    def _send(self, status: int, body: str | bytes, content_type: str, headers: dict | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self.api._lock:
            self.api.bytes_sent += len(data)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


_BOMBS: dict[int, bytes] = {}


def _gzip_bomb(size: int) -> bytes:
    """A gzip body inflating to `size` bytes of zeros (about size/1000 bytes on the wire)."""
    if size not in _BOMBS:
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
        block = bytes(1 << 20)
        parts = [packer.compress(block) for _ in range(size >> 20)]
        parts.append(packer.compress(bytes(size & ((1 << 20) - 1))))
        parts.append(packer.flush())
        _BOMBS[size] = b"".join(parts)
    return _BOMBS[size]
