"""Reading bulk sources: the ClinicalTrials.gov bulk zip, folders of NCT*.json, JSON array
exports and JSONL(.gz) of v2 records, streamed with constant memory."""
from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from trialfind.core.errors import InvalidInput, SourceDataError, TrialfindError


@dataclass
class RecordStream:
    """Records (dicts or JSON texts) from a bulk source, and how far through it we are."""

    items: Iterator[dict | str | bytes]
    label: str
    fraction_done: Callable[[], float | None] = lambda: None


def _iter_json_array(text: io.TextIOBase, chunk_size: int = 1 << 20) -> Iterator[dict]:
    """Stream the elements of a (possibly huge) JSON array with constant memory: decode one
    element at a time from a sliding window of the text."""
    decoder = json.JSONDecoder()
    buf, pos, eof = "", 0, False

    def fill() -> None:
        nonlocal buf, pos, eof
        # read at least as much again as is pending, so a huge element costs O(log n) retries
        chunk = text.read(max(chunk_size, len(buf) - pos))
        eof = not chunk
        buf, pos = buf[pos:] + chunk, 0

    def skip(chars: str) -> str | None:
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in chars:
                pos += 1
            if pos < len(buf):
                return buf[pos]
            if eof:
                return None
            fill()

    if skip(" \t\r\n\ufeff") != "[":
        raise SourceDataError("expected a JSON array of ClinicalTrials.gov studies")
    pos += 1
    while True:
        char = skip(" \t\r\n,")
        if char is None:
            raise SourceDataError("the JSON array ends before its closing ']' (truncated file?)")
        if char == "]":
            return
        try:
            value, end = decoder.raw_decode(buf, pos)
        except json.JSONDecodeError as exc:
            if eof:
                raise SourceDataError(f"invalid JSON in the studies array: {exc.msg}") from None
            fill()
            continue
        pos = end
        yield value


def _page_studies(line: str) -> list:
    """The studies of one v2 page line; a line that is not a page is passed on as one record
    (the build counts and names it as unreadable instead of stopping)."""
    try:
        page = json.loads(line)
    except ValueError:
        return [line]
    studies = page.get("studies") if isinstance(page, dict) else None
    return studies if isinstance(studies, list) else [line]


def _iter_document(binary: io.BufferedIOBase) -> Iterator[dict | str]:
    """Records in one file's content: a JSON array, JSONL, one study, or a v2 page."""
    head = binary.peek(64)[:64] if hasattr(binary, "peek") else b""
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if first == b"[":
        yield from _iter_json_array(text)
        return
    first_line = text.readline()
    try:
        first = json.loads(first_line)
    except ValueError:
        first = None
    if first is not None:  # JSONL: one record per line (or one v2 response page per line)
        is_pages = isinstance(first, dict) and isinstance(first.get("studies"), list)
        for line in _chain_lines(first_line, text):
            line = line.strip()
            if line and is_pages:
                yield from _page_studies(line)
            elif line:
                yield line
        return
    document = json.loads(first_line + text.read())
    if isinstance(document, dict) and isinstance(document.get("studies"), list):
        yield from document["studies"]
    else:
        yield document


def _reading(label: str, items: Iterator) -> Iterator:
    """Undecodable, truncated or corrupt input becomes one clear error naming the source."""
    try:
        yield from items
    except SourceDataError as exc:
        raise SourceDataError(f"{label}: {exc}") from None
    except TrialfindError:
        raise
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as exc:
        raise SourceDataError(f"cannot read {label} as ClinicalTrials.gov v2 JSON ({type(exc).__name__}: "
                              f"{str(exc)[:200]})") from None


def _chain_lines(first: str, rest: io.TextIOBase) -> Iterator[str]:
    yield first
    yield from rest


def _open_maybe_gzip(handle) -> io.BufferedIOBase:
    buffered = handle if hasattr(handle, "peek") else io.BufferedReader(handle)
    if buffered.peek(2)[:2] == b"\x1f\x8b":
        return io.BufferedReader(gzip.GzipFile(fileobj=buffered))
    return buffered


def open_bulk_source(path: str | os.PathLike) -> RecordStream:
    """Open a ClinicalTrials.gov bulk zip, a folder of NCT*.json, a JSON array export,
    or JSONL / JSONL.gz of v2 records, as a stream of records."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.json") if p.is_file())
        done = [0]

        def folder_items():
            for file in files:
                done[0] += 1
                with open(file, "rb") as handle:
                    yield from _iter_document(_open_maybe_gzip(handle))

        label = f"folder {path}"
        return RecordStream(_reading(label, folder_items()), label, lambda: done[0] / max(1, len(files)))
    if not path.is_file():
        raise InvalidInput(f"no such file: {path}")
    with open(path, "rb") as probe:
        magic = probe.read(4)
    if magic.startswith(b"PK"):
        return _open_zip(path)
    size = path.stat().st_size
    raw = open(path, "rb")

    def file_items():
        try:
            yield from _iter_document(_open_maybe_gzip(raw))
        finally:
            raw.close()

    return RecordStream(_reading(str(path), file_items()), str(path), lambda: (raw.tell() / size if size else None) if not raw.closed else 1.0)


def _open_zip(path: Path) -> RecordStream:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise SourceDataError(f"{path} is not a readable zip file: {exc}") from None
    members = [m for m in archive.infolist()
               if not m.is_dir() and m.filename.lower().endswith((".json", ".jsonl", ".jsonl.gz", ".ndjson"))
               and not Path(m.filename).name.startswith(".")]
    done = [0]

    def zip_items():
        with archive:
            for member in members:
                done[0] += 1
                with archive.open(member) as handle:
                    if Path(member.filename).name.upper().startswith("NCT"):
                        yield handle.read()  # one study per file: kept as its own text
                    else:
                        yield from _iter_document(_open_maybe_gzip(handle))

    return RecordStream(_reading(str(path), zip_items()), str(path), lambda: done[0] / max(1, len(members)))
