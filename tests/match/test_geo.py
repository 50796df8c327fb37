"""Haversine distance and the nearest site taking patients."""
from __future__ import annotations

import pytest

from trialfind.core.study import Site, Study
from trialfind.match.geo import haversine_km, nearest_site

BOSTON = (42.3601, -71.0589)
NEW_YORK = (40.7128, -74.0060)
LONDON = (51.5074, -0.1278)
PARIS = (48.8566, 2.3522)


@pytest.mark.parametrize("a, b, km", [(BOSTON, NEW_YORK, 306.1), (LONDON, PARIS, 343.6), (BOSTON, BOSTON, 0.0)])
def test_haversine_known_distances(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=1.0)
    assert haversine_km(*a, *b) == pytest.approx(haversine_km(*b, *a))


def site(name, point, status="RECRUITING") -> Site:
    lat, lon = point if point else (None, None)
    return Site(facility=name, city=name, state=None, country="X", status=status, lat=lat, lon=lon)


def synthetic_study(status="RECRUITING", *sites) -> Study:
    return Study(nct_id="NCT00000005", brief_title="synthetic", status=status, sites=tuple(sites))


def test_nearest_recruiting_site_with_coordinates():
    study = synthetic_study("RECRUITING", site("paris", PARIS), site("ny-closed", NEW_YORK, "COMPLETED"),
                            site("no-coords", None), site("london", LONDON))
    found = nearest_site(study, BOSTON)
    assert found.site.facility == "london"
    assert found.distance_km == pytest.approx(haversine_km(*BOSTON, *LONDON))
    assert found.to_dict()["distance_km"] == round(found.distance_km, 1)


def test_site_without_status_counts_only_when_the_study_recruits():
    assert nearest_site(synthetic_study("RECRUITING", site("ny", NEW_YORK, None)), BOSTON).site.facility == "ny"
    assert nearest_site(synthetic_study("COMPLETED", site("ny", NEW_YORK, None)), BOSTON) is None
    assert nearest_site(synthetic_study("RECRUITING", site("ny", NEW_YORK, " ")), BOSTON) is not None


def test_flagged_study_counts_its_own_status_sites():
    study = synthetic_study("NOT_YET_RECRUITING", site("ny", NEW_YORK, "NOT_YET_RECRUITING"),
                            site("paris", PARIS, "WITHDRAWN"))
    assert nearest_site(study, BOSTON).site.facility == "ny"


def test_no_location_no_answer():
    assert nearest_site(synthetic_study("RECRUITING", site("ny", NEW_YORK)), None) is None
    assert nearest_site(synthetic_study("RECRUITING"), BOSTON) is None


# --- radius, units, several nearest sites ---------------------------------------------------

from trialfind.core.errors import InvalidInput  # noqa: E402
from trialfind.match.geo import KM_PER_MILE, default_units, format_distance, nearest_sites, parse_radius  # noqa: E402


@pytest.mark.parametrize("text, km", [("500mi", 500 * KM_PER_MILE), ("300 km", 300.0), ("2 miles", 2 * KM_PER_MILE)])
def test_parse_radius(text, km):
    assert parse_radius(text) == pytest.approx(km)


def test_bare_radius_is_in_the_units_shown():
    assert parse_radius("10", "mi") == pytest.approx(10 * KM_PER_MILE)
    assert parse_radius("10", "km") == 10


@pytest.mark.parametrize("text", ["far", "-5mi", "0km", "5 parsecs"])
def test_bad_radius_is_bad_input(text):
    with pytest.raises(InvalidInput):
        parse_radius(text)


def test_units_follow_the_place_then_the_locale():
    assert default_units("US") == "mi" and default_units("FR") == "km"
    assert default_units(None, {"LANG": "en_US.UTF-8"}) == "mi"
    assert default_units(None, {"LANG": "en_GB.UTF-8"}) == "km"
    assert default_units(None, {"LC_ALL": "C"}) == "km"


def test_format_distance_keeps_a_decimal_for_short_distances():
    assert format_distance(0.5, "mi") == "under 1 mi"
    assert format_distance(4.0, "mi") == "2.5 mi"
    assert format_distance(1000, "km") == "1,000 km"


def test_nearest_sites_are_ordered_and_skip_closed_sites():
    study = synthetic_study("RECRUITING", site("london", LONDON, "RECRUITING"), site("ny", NEW_YORK, "RECRUITING"),
                            site("closed", BOSTON, "COMPLETED"))
    found = nearest_sites(study, BOSTON)
    assert [n.site.facility for n in found] == ["ny", "london"]
    assert found[0].to_dict()["distance_mi"] == pytest.approx(found[0].distance_km / KM_PER_MILE, abs=0.1)
