"""What every part of the privacy screen shares: the Finding it reports, the letters a name is
spelt with, and the helpers that mask what one rule has decided so the next does not see it.

Text is screened after `normalise` (NFKC: full-width "＠" and digits become "@" and digits;
zero-width and other invisible characters are dropped), and findings are mapped back to the
text as typed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

KINDS = ("email", "phone", "date", "name", "record_number", "address")


@dataclass(frozen=True)
class Finding:
    kind: str          # one of KINDS
    start: int         # span in the screened text
    end: int
    explanation: str   # plain words, safe to show: never contains the matched text


LETTERS = r"A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"          # Latin letters with accents (Zoë, José, Łukasz, Nguyễn)
UPPER = r"A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ"              # (the Latin Extended ranges mix cases; the check below decides)
NAME_WORD = rf"[{UPPER}][{LETTERS}'’\-]*"
# A word spelt like a name: a capital, then small letters only ("Zoë", not "TKI-naïve" or "AixplorerÂ").
NAME_SHAPE = re.compile(rf"^[{UPPER}][a-zß-öø-ÿā-ž]+(?:['’]s)?$")
WORD = re.compile(rf"[{LETTERS}][{LETTERS}'’\-]*")


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper() and not word.isupper()


def bare_word(word: str) -> str:
    word = word.lower()
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    return word.strip("'’-.")


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern:
    alternatives = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases if p.strip()), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?:['’]s)?(?![\w])", re.I)

