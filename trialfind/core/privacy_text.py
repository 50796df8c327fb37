"""What every part of the privacy screen shares: the Finding it reports, the letters a name is
spelt with, and the helpers that mask what one rule has decided so the next does not see it.

Text is screened after `normalise` (NFKC: full-width "＠" and digits become "@" and digits;
every script's decimal digits become ASCII ones, so "١٤/٠٣/٢٠١٥" is a date and "९८७६५ ४३२१०" a
phone to the same rules as "14/03/2015"; zero-width and other invisible characters are dropped),
and findings are mapped back to the text as typed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

KINDS = ("email", "phone", "date", "name", "record_number", "address", "handle", "other")


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



# Characters that show nothing but split a word for a pattern: "jo\u200bhn@gmail.com".
_INVISIBLE = frozenset("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
                       "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
                       "\u3164\ufeff\uffa0")
# Letters that look like Latin ones, written to slip past a pattern: Cyrillic "а" in "gmаil", "＠".
_LOOKALIKES = str.maketrans({"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
                             "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "ο": "o", "α": "a", "ε": "e", "ι": "i",
                             "κ": "k", "ν": "v", "τ": "t", "ρ": "p", "А": "A", "В": "B", "Е": "E", "К": "K",
                             "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
                             "﹫": "@", "․": ".", "。": ".", "．": ".", "‧": "."})


def normalise(text: str) -> tuple[str, list[int]]:
    """`text` in NFKC with invisible characters dropped and look-alike letters made Latin, and
    for each character of the result the index of the character it came from (to map spans back).

    A script mix only counts when the word mixes scripts: a whole Cyrillic or Greek word is kept
    as typed (NFKC alone), so "Анна" stays a Cyrillic name and is not turned into Latin.
    """
    if text.isascii():
        return text, list(range(len(text)))
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        folded = unicodedata.normalize("NFKC", char) if not char.isascii() else char
        if folded.isdecimal() and not folded.isascii():
            folded = str(unicodedata.decimal(folded))      # Arabic-Indic, Persian, Devanagari, Thai digits
        for piece in folded:
            pieces.append(piece)
            origin.append(index)
    normal = "".join(pieces)
    mixed = re.sub(r"\S+", lambda m: m.group(0).translate(_LOOKALIKES)
                   if re.search(r"[A-Za-z@]|\w\.\w", m.group(0)) else m.group(0), normal)
    return mixed, origin
