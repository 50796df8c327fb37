"""Distance from the family to a study's sites that are taking patients; radius and units.

Units: `--units` wins; otherwise miles when the place is in the US, kilometres when it is
elsewhere, and for bare coordinates the locale decides (a `_US` locale in LC_ALL,
LC_MEASUREMENT or LANG means miles, anything else kilometres).
"""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from typing import Any, Mapping

from trialfind.core.errors import InvalidInput
from trialfind.core.study import FLAGGED_OPEN_STATUSES, Site

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
KM_PER_MILE = 1.609344  # international mile, exact
UNITS = ("mi", "km")
_RADIUS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(mi|mile|miles|km|kms|kilometers|kilometres)?\s*$", re.IGNORECASE)


def km_to_mi(km: float) -> float:
    return km / KM_PER_MILE


def default_units(country_code: str | None, environ: Mapping[str, str] | None = None) -> str:
    """mi for a place in the US; km elsewhere; for coordinates (no country) the locale decides."""
    if country_code is not None:
        return "mi" if country_code == "US" else "km"
    env = os.environ if environ is None else environ
    locale = env.get("LC_ALL") or env.get("LC_MEASUREMENT") or env.get("LANG") or ""
    return "mi" if re.search(r"_US\b", locale) else "km"


def parse_radius(text: str | float | None, units: str = "km") -> float | None:
    """A radius in km from "300mi", "500km", "500 miles" or a bare number in `units`."""
    if text is None or text == "":
        return None
    if isinstance(text, (int, float)):
        value, unit = float(text), units
    else:
        found = _RADIUS.match(text)
        if not found:
            raise InvalidInput(f"radius {text!r} is not understood: use a distance such as 300mi or 500km")
        value, unit = float(found.group(1)), (found.group(2) or units).lower()
    if value <= 0:
        raise InvalidInput(f"radius {text!r} must be more than 0")
    return value * KM_PER_MILE if unit.startswith("mi") else value


def format_distance(km: float, units: str) -> str:
    """"394 mi", "1,601 km"; one decimal under 10 ("2.4 mi") and "under 1 mi" next door, never "0"."""
    value = km_to_mi(km) if units == "mi" else km
    if value < 1:
        return f"under 1 {units}"
    return f"{value:,.{1 if value < 10 else 0}f} {units}"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class NearestSite:
    site: Site
    distance_km: float

    @property
    def distance_mi(self) -> float:
        return km_to_mi(self.distance_km)

    def to_dict(self, with_contacts: bool = False) -> dict[str, Any]:
        data = {
            "facility": self.site.facility,
            "city": self.site.city,
            "state": self.site.state,
            "country": self.site.country,
            "status": self.site.status,
            "distance_km": round(self.distance_km, 1),
            "distance_mi": round(self.distance_mi, 1),
        }
        if with_contacts:
            data["contacts"] = [{"name": c.name, "role": c.role, "phone": c.phone, "phone_ext": c.phone_ext,
                                 "email": c.email} for c in self.site.contacts]
        return data


def _site_status(site: Site) -> str | None:
    return (site.status or "").strip() or None


def site_is_taking_patients(site: Site, study_status: str | None) -> bool:
    """RECRUITING sites; sites with no status when the study as a whole recruits.

    For a study that is not recruiting yet (or by invitation), its sites carry that same
    status; they are the ones the family would contact, so they count too.
    """
    status = _site_status(site)
    if status == "RECRUITING":
        return True
    if status is None:
        return study_status == "RECRUITING" or study_status in FLAGGED_OPEN_STATUSES
    return study_status in FLAGGED_OPEN_STATUSES and status == study_status


def nearest_sites(study, near: tuple[float, float] | None, count: int | None = 3) -> list[NearestSite]:
    """Sites taking patients with known coordinates, closest first (ties: the first listed)."""
    if near is None:
        return []
    lat, lon = near
    found = [NearestSite(site, haversine_km(lat, lon, site.lat, site.lon))
             for site in study.sites
             if site.lat is not None and site.lon is not None and site_is_taking_patients(site, study.status)]
    found.sort(key=lambda s: s.distance_km)  # stable: ties keep the listed order
    return found[:count] if count is not None else found


def nearest_site(study, near: tuple[float, float] | None) -> NearestSite | None:
    """The closest site taking patients with known coordinates; ties go to the first listed."""
    found = nearest_sites(study, near, count=1)
    return found[0] if found else None
