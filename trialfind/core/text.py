"""Text conventions used everywhere: one way to fold names, score how alike two names are,
read NCT ids and read the partial dates ClinicalTrials.gov writes ("2024", "2024-05",
"2024-05-17")."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from trialfind.core.errors import InvalidInput

# ASCII digits only: Python's \d also matches full-width and other scripts' digits.
NCT_ID_PATTERN = re.compile(r"NCT[0-9]{8}")
_COMPACT_DROP = re.compile(r"[\s\-_.:,()'\"]+")


# Full-width forms ("ＮＴＲＫ１", "，", "（") and CJK punctuation ("、" ideographic comma, "。" full stop,
# "【】" brackets) as the ASCII a reader of gene lists and clauses expects, one character for one, so
# offsets into the text still hold (Unicode blocks Halfwidth and Fullwidth Forms, CJK Symbols and
# Punctuation: https://www.unicode.org/charts/PDF/UFF00.pdf, https://www.unicode.org/charts/PDF/U3000.pdf).
# For reading prose only: an NCT id still takes ASCII digits only (NCT_ID_PATTERN).
_WIDTH_FOLD = {
    **{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)},
    0x3000: " ", 0x3001: ",", 0x3002: ".", 0xFF61: ".", 0xFF64: ",",
    0x3010: "(", 0x3011: ")", 0x3014: "(", 0x3015: ")",
}


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation, and CJK commas, stops and brackets, as ASCII
    ("NTRK、ROS1" -> "NTRK,ROS1"); the result is exactly as long as the text."""
    return text if text.isascii() else text.translate(_WIDTH_FOLD)


def fold(text: str) -> str:
    """Lower case without accents: "Zoë Lorbréna" -> "zoe lorbrena"."""
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()


def compact(text: str) -> str:
    """A name's comparison key: folded, without spaces, hyphens, dots, commas, colons,
    brackets or quotes ("PF-06463922" == "pf 06463922", "Lorbréna" == "LORBRENA")."""
    if type(text) is str:
        return _compact_text(text)
    return _COMPACT_DROP.sub("", fold(text))


@lru_cache(maxsize=1 << 16)  # the drug table and the records repeat the same names thousands of times a run
def _compact_text(text: str) -> str:
    return _COMPACT_DROP.sub("", fold(text))


class LcsPattern:
    """rapidfuzz's `fuzz.ratio(text, other)` (normalised Indel similarity, 0-100) for one text
    against many others, in plain Python: a drug or company lookup scores a few dozen short
    names, and loading rapidfuzz (~9 ms) cost more than the scoring. The longest common
    subsequence is counted bit-parallel (Hyyrö 2004), one step per character of the other
    name; the score is computed in rapidfuzz's order of operations, so it is the same float
    (tests/knowledge/test_drugs.py, tests/knowledge/test_sponsor_directory.py)."""

    __slots__ = ("_masks", "_full", "_length")

    def __init__(self, text: str) -> None:
        masks: dict[str, int] = {}
        for position, char in enumerate(text):
            masks[char] = masks.get(char, 0) | (1 << position)
        self._masks, self._full, self._length = masks, (1 << len(text)) - 1, len(text)

    def ratio(self, other: str) -> float:
        full, get = self._full, self._masks.get
        row = full
        for char in other:
            matched = row & get(char, 0)
            row = ((row + matched) | (row - matched)) & full
        common = self._length - row.bit_count()
        total = self._length + len(other)
        return (1.0 - (total - 2 * common) / total) * 100 if total else 100.0


def is_nct_id(value: str) -> bool:
    return bool(NCT_ID_PATTERN.fullmatch(value or ""))


def normalise_nct_id(value: str) -> str:
    """"nct01234567 " -> "NCT01234567"; anything else is a usage error."""
    normal = (value or "").strip().upper()
    if not is_nct_id(normal):
        raise InvalidInput(f"{value!r} is not an NCT id: use the form NCT01234567")
    return normal


def parse_partial_date(text: str | None) -> date | None:
    """A date as ClinicalTrials.gov writes it, missing parts as the first of the month or
    year; None when absent or unreadable."""
    if not text:
        return None
    parts = str(text).strip().split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None
