"""The expanded-access policy directory: which company to ask, how, and how fast they say they answer.

The directory (`trialfind/knowledge/data/sponsors.csv`) holds the facts the 21st Century Cures
Act makes companies publish, transcribed from public pages with their source URLs and
the date they were read. Empty means "not seen on the source", never "none".

Matching a ClinicalTrials.gov lead-sponsor string to a row is deliberately strict:
pointing a family at the wrong company costs them weeks, while "not in the directory"
just sends them to the general resources. Universities, hospitals, cooperative groups
and government sponsors are never matched to a company.
"""
from __future__ import annotations

import csv
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from trialfind.core.text import LcsPattern, fold

# rapidfuzz's fuzz.ratio (0-100) on normalised names; below this a name is "not in the directory".
FUZZY_THRESHOLD = 90.0
# Fuzzy matching of very short names is noise ("msd" vs "mst").
FUZZY_MIN_LENGTH = 6

INDUSTRY_CLASS = "INDUSTRY"
DATA_DIR = Path(__file__).resolve().parent / "data"

# Legal forms and generic trailing words dropped before comparing names.
_TRAILING_WORDS = frozenset("""
    inc incorporated corp corporation co company ltd limited llc llp lp plc gmbh ag sa sas sarl spa srl bv nv
    kk ab oy oyj asa as pty pvt se kft sro zoo ltda sl slu
    pharmaceuticals pharmaceutical pharma and the
""".split())
# Two-token legal forms left after punctuation is removed ("A/S" -> "a s").
_TRAILING_PAIRS = frozenset({("a", "s"), ("s", "a"), ("k", "k"), ("b", "v"), ("n", "v"), ("s", "l")})
# Words that may follow a company's name in a subsidiary's name ("Janssen Korea",
# "Johnson & Johnson Pharmaceutical Research & Development") without making it another company.
_SUBSIDIARY_TAIL = frozenset("""
    research development r d and innovation enterprise enterprises private global international worldwide
    scientific affairs medical oncology biologics biopharma biopharmaceuticals healthcare health care vaccines
    products services us usa u s a america americas north europe european uk japan korea china taiwan india
    canada australia france deutschland germany italia italy espana spain brasil brazil mexico
""".split())
# A name carrying any of these words is an academic, hospital, cooperative-group or
# government sponsor (or a charity) and never a company.
_NON_COMPANY_WORDS = frozenset("""
    university universities universite universitat universitaet universidad universidade universita universiteit
    universitario universitaria college colleges school schools faculty academy academic
    hospital hospitals hopital hopitaux hospices hospitalier ospedale ospedaliera ospedaliero hospitalar klinik klinikum
    kliniken clinic clinics clinica clinique ziekenhuis sykehus sjukhus
    institute institutes institut instituto istituto institutet
    foundation fundacion fundacio fundacao fondazione fondation stichting stiftung
    group groups gruppo grupo groupe groep gruppe
    center centers centre centres centro
    consortium cooperative collaborative network alliance society association council
    ministry ministerio ministere ministero government federal national department agency administration
    nih nci niaid nhlbi nichd cdc fda va veterans nhs
""".split())
# Cooperative groups whose names carry none of the words above.
_KNOWN_NON_COMPANIES = frozenset({"nrg oncology", "swog", "ecog acrin", "eortc", "siop", "gpoh", "cog"})

_SUBSIDIARY_CLAUSE = re.compile(
    r"^(?P<unit>.+?)(?:,?\s+an?\s+(?P<parent1>.+?)\s+company|\s+at\s+(?P<parent2>.+)|"
    r"\s*\((?:a\s+)?(?:subsidiary|division|part)\s+of\s+(?P<parent3>[^)]+)\))\s*$",
    re.IGNORECASE,
)


def _words(name: str) -> list[str]:
    folded = fold(name).replace(".", "").replace("'s ", " ").replace("'", "")
    return re.findall(r"[0-9a-z]+", folded)


@lru_cache(maxsize=8192)  # related_policies compares every directory row's names, for each drug's company
def normalize_company(name: str | None) -> str:
    """A comparable key: lower case, no accents or punctuation, legal forms and
    trailing 'Pharmaceuticals'/'and Company' removed ("Eli Lilly and Company" -> "eli lilly")."""
    if not name:
        return ""
    words = _words(name)
    while words:
        if len(words) > 1 and words[-1] in _TRAILING_WORDS:
            words.pop()
        elif len(words) > 2 and tuple(words[-2:]) in _TRAILING_PAIRS:
            del words[-2:]
        else:
            break
    return " ".join(words)


def is_non_company_name(name: str | None) -> bool:
    """True for names that belong to universities, hospitals, cooperative groups,
    government bodies or foundations (the name-based guard)."""
    if not name:
        return True
    words = _words(name)
    if not words:
        return True
    if any(w in _NON_COMPANY_WORDS for w in words):
        return True
    key = " ".join(words)
    return key in _KNOWN_NON_COMPANIES or "oncology group" in key


@dataclass(frozen=True)
class SponsorPolicy:
    """One company's expanded-access policy as published (a directory row)."""

    company: str
    aliases: tuple[str, ...] = ()
    parent_company: str | None = None
    oncology_focus: str | None = None
    policy_url: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    request_portal: str | None = None
    how_to_request: str | None = None
    evaluation_criteria: tuple[str, ...] = ()
    acknowledgement_time: str | None = None
    decision_time: str | None = None
    who_may_request: str | None = None
    ctgov_ea_records: tuple[str, ...] = ()
    source_urls: tuple[str, ...] = ()
    date_verified: str | None = None
    notes: str | None = None

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_email or self.contact_phone or self.request_portal)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, tuple):
                data[key] = list(value)
        return data


@dataclass(frozen=True)
class GeneralResource:
    """A place to turn to whatever the company: FDA contacts, navigators, advocacy groups."""

    name: str
    kind: str | None = None
    url: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    what_it_offers: str | None = None
    source_urls: tuple[str, ...] = ()
    date_verified: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["source_urls"] = list(self.source_urls)
        return data


def _cell(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _split(value: str | None, sep: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(sep) if part.strip())


def _read_csv(filename: str) -> list[dict[str, str]]:
    with open(DATA_DIR / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def load_directory() -> tuple[SponsorPolicy, ...]:
    """Every company row of the shipped directory."""
    policies = []
    for row in _read_csv("sponsors.csv"):
        policies.append(SponsorPolicy(
            company=row["company"].strip(),
            aliases=_split(row.get("aliases"), "|"),
            parent_company=_cell(row.get("parent_company")),
            oncology_focus=_cell(row.get("oncology_focus")),
            policy_url=_cell(row.get("policy_url")),
            contact_email=_cell(row.get("contact_email")),
            contact_phone=_cell(row.get("contact_phone")),
            request_portal=_cell(row.get("request_portal")),
            how_to_request=_cell(row.get("how_to_request")),
            evaluation_criteria=_split(row.get("evaluation_criteria"), ";"),
            acknowledgement_time=_cell(row.get("acknowledgement_time")),
            decision_time=_cell(row.get("decision_time")),
            who_may_request=_cell(row.get("who_may_request")),
            ctgov_ea_records=_split(row.get("ctgov_ea_records"), "|"),
            source_urls=_split(row.get("source_urls"), " | "),
            date_verified=_cell(row.get("date_verified")),
            notes=_cell(row.get("notes")),
        ))
    return tuple(policies)


@lru_cache(maxsize=1)
def general_resources() -> tuple[GeneralResource, ...]:
    """FDA's expanded-access contacts, Project Facilitate, the Reagan-Udall navigator, advocacy help."""
    return tuple(
        GeneralResource(
            name=row["name"].strip(),
            kind=_cell(row.get("kind")),
            url=_cell(row.get("url")),
            contact_email=_cell(row.get("contact_email")),
            contact_phone=_cell(row.get("contact_phone")),
            what_it_offers=_cell(row.get("what_it_offers")),
            source_urls=_split(row.get("source_urls"), " | "),
            date_verified=_cell(row.get("date_verified")),
        )
        for row in _read_csv("ea_resources.csv")
    )


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, SponsorPolicy]:
    """Normalised company name and aliases -> row. Curated names are unique across rows."""
    index: dict[str, SponsorPolicy] = {}
    for policy in load_directory():
        for name in (policy.company, *policy.aliases):
            key = normalize_company(name)
            if key:
                index.setdefault(key, policy)
    return index


def _exact(name: str) -> SponsorPolicy | None:
    return _alias_index().get(normalize_company(name))


def _by_prefix(name: str) -> SponsorPolicy | None:
    """"Janssen Korea, Ltd." -> Janssen: a known name followed only by subsidiary words."""
    words = normalize_company(name).split()
    best: tuple[int, SponsorPolicy] | None = None
    for key, policy in _alias_index().items():
        key_words = key.split()
        if len(key) < 5 or len(key_words) >= len(words) or words[:len(key_words)] != key_words:
            continue
        if all(w in _SUBSIDIARY_TAIL or w in _TRAILING_WORDS for w in words[len(key_words):]):
            if best is None or len(key_words) > best[0]:
                best = (len(key_words), policy)
    return best[1] if best else None


def _by_fuzzy(name: str) -> SponsorPolicy | None:
    """The directory row whose name scores highest (rapidfuzz's ratio, >= FUZZY_THRESHOLD) against
    the name, the first such in directory order on a tie: rapidfuzz's `process.extractOne`."""
    key = normalize_company(name)
    if len(key) < FUZZY_MIN_LENGTH:
        return None
    pattern = LcsPattern(key)
    best, best_score = None, 0.0
    for known in _alias_index():
        # the ratio is at most 200 * shorter / (both lengths): names far apart in length cannot reach the threshold
        if len(known) < FUZZY_MIN_LENGTH or 200 * min(len(key), len(known)) < FUZZY_THRESHOLD * (len(key) + len(known)):
            continue
        score = pattern.ratio(known)
        if score >= FUZZY_THRESHOLD and (best is None or score > best_score):
            best, best_score = known, score
    return _alias_index()[best] if best is not None else None


def _name_parts(name: str) -> list[str]:
    """The name itself, then the unit and the parent of "X, a Y Company" / "X at Y" / "X (subsidiary of Y)"."""
    parts = [name]
    clause = _SUBSIDIARY_CLAUSE.match(name.strip())
    if clause:
        parent = clause.group("parent1") or clause.group("parent2") or clause.group("parent3")
        parts += [clause.group("unit"), parent]
    return [p for p in parts if p and p.strip()]


@lru_cache(maxsize=4096)  # a drug's company and its trials' sponsors are matched again for every drug
def match_sponsor(name: str | None, sponsor_class: str | None = None) -> SponsorPolicy | None:
    """The directory row for a ClinicalTrials.gov lead-sponsor name, or None.

    `sponsor_class` is the v2 `leadSponsor.class`: only INDUSTRY sponsors can match;
    with no class, the name alone decides and the non-company guard applies.
    Order: exact name or alias; the unit or parent of a subsidiary name; a known name
    followed by subsidiary words; then rapidfuzz ratio >= FUZZY_THRESHOLD.
    """
    if not name or not name.strip():
        return None
    if sponsor_class and sponsor_class.strip().upper() != INDUSTRY_CLASS:
        return None
    parts = _name_parts(name)
    # A curated alias is a company even if its name says "Institute" (EMD Serono R&D Institute, Inc.).
    exact = _exact(name)
    if exact is not None:
        return exact
    if is_non_company_name(name):
        return None
    for part in parts[1:]:
        found = _exact(part)
        if found is not None:
            return found
    for part in parts:
        found = _by_prefix(part)
        if found is not None:
            return found
    return _by_fuzzy(name)


def related_policies(policy: SponsorPolicy) -> tuple[SponsorPolicy, ...]:
    """Rows of the same company family (a parent and its units), e.g. Lilly and Loxo Oncology at Lilly."""
    family = {normalize_company(policy.company), *(normalize_company(a) for a in policy.aliases)}
    if policy.parent_company:
        family.add(normalize_company(policy.parent_company))
    related = []
    for other in load_directory():
        if other is policy:
            continue
        other_names = {normalize_company(other.company), *(normalize_company(a) for a in other.aliases)}
        other_parent = normalize_company(other.parent_company) if other.parent_company else None
        if (other_parent and other_parent in family) or (other_names & family):
            related.append(other)
    return tuple(related)
