"""One name per company and per drug, whatever spelling a person typed.

"Pfizer Inc.", "pfizer" and "Pfizer" are one company, and Lorbrena, PF-06463922 and
lorlatinib one drug: counted apart, each would show a third of the truth. Names are put
into one form when a record is written — companies through the expanded-access sponsor
directory, drugs through the drug table (brands and code names to the INN) — and the
spelling as written is kept in its own field. A name neither table knows keeps its
spelling (spaces tidied); the store then gives it the spelling already in the registry
for the same key, so "Acme Bio" and "acme bio" are still one.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from trialfind.knowledge.drugs import canonical_drug, compact, strip_dose
from trialfind.knowledge.sponsor_directory import match_sponsor, normalize_company


def _tidy(name: str | None) -> str:
    return " ".join(str(name or "").split())


@lru_cache(maxsize=4096)
def company_name(written: str | None) -> str:
    """The sponsor directory's name for a company ("pfizer" -> "Pfizer"), else the spelling tidied."""
    text = _tidy(written)
    policy = match_sponsor(text) if text else None
    return policy.company if policy else text


@lru_cache(maxsize=4096)
def drug_name(written: str | None) -> str:
    """The drug table's canonical name (the INN: "Lorbrena" -> "lorlatinib"), else the spelling tidied."""
    text = _tidy(written)
    return (canonical_drug(text) if text else None) or text


@lru_cache(maxsize=4096)
def company_key(name: str | None) -> str:
    """What two spellings of one company share: no case, accents, punctuation or legal form."""
    return normalize_company(name) or _tidy(name).casefold()


@lru_cache(maxsize=4096)
def drug_key(name: str | None) -> str:
    """What two spellings of one drug share: no case, spaces, hyphens or dose words."""
    text = _tidy(name)
    return compact(strip_dose(text) or text)


KEYS = {"company": company_key, "drug": drug_key}
NAMES = {"company": company_name, "drug": drug_name}


def unify_spellings(records: Iterable, stored: dict[str, Iterable[str]]) -> None:
    """Give each record's company and drug the spelling already `stored` for the same key
    ("acme bio" -> "Acme Bio"); within `records`, the first spelling of a new name wins."""
    records = list(records)
    for column, key_of in KEYS.items():
        known: dict[str, str] = {}
        for name in stored.get(column, ()):
            known.setdefault(key_of(name), name)
        for record in records:
            written = getattr(record, column)
            setattr(record, column, known.setdefault(key_of(written), written))
