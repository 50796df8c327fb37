"""Distance from the family to a study's nearest site that is taking patients."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from trialfind.core.study import FLAGGED_OPEN_STATUSES, Site

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "facility": self.site.facility,
            "city": self.site.city,
            "state": self.site.state,
            "country": self.site.country,
            "status": self.site.status,
            "distance_km": round(self.distance_km, 1),
        }


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


def nearest_site(study, near: tuple[float, float] | None) -> NearestSite | None:
    """The closest site taking patients with known coordinates; ties go to the first listed."""
    if near is None:
        return None
    lat, lon = near
    best: NearestSite | None = None
    for site in study.sites:
        if site.lat is None or site.lon is None or not site_is_taking_patients(site, study.status):
            continue
        distance = haversine_km(lat, lon, site.lat, site.lon)
        if best is None or distance < best.distance_km:
            best = NearestSite(site, distance)
    return best
