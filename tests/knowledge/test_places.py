"""Places resolved offline: US ZIP codes, "City, State", "City, Country", coordinates, study sites."""
from __future__ import annotations

import pytest

from trialfind.core.errors import InvalidInput
from trialfind.core.study import Site
from trialfind.knowledge.places import CITY_SOURCE, SITE_SOURCE, ZIP_SOURCE, resolve_place
from trialfind.match.geo import haversine_km


def test_zip_code_and_city_state_are_the_same_place():
    by_zip = resolve_place("02115")
    by_city = resolve_place("Boston, MA")
    assert by_zip.source == ZIP_SOURCE and by_city.source == CITY_SOURCE
    assert by_zip.in_us and by_city.in_us
    assert haversine_km(*by_zip.point, *by_city.point) < 5


@pytest.mark.parametrize("text, country", [("Boston, Massachusetts", "US"), ("Lyon, France", "FR"),
                                           ("London, UK", "GB"), ("Toronto, Canada", "CA"), ("Paris, TX", "US"),
                                           ("Munich", "DE"), ("Boston", "US")])
def test_city_with_state_or_country(text, country):
    assert resolve_place(text).country_code == country


def test_a_small_us_town_comes_from_the_zip_table():
    place = resolve_place("Hanover, NH")  # below the GeoNames 15,000-people cut, in the ZIP table
    assert place.in_us and 43 < place.lat < 44


def test_coordinates_have_no_country():
    place = resolve_place("42.36,-71.06")
    assert place.point == (42.36, -71.06) and place.country_code is None


def test_synthetic_site_city_resolves_when_the_gazetteers_lack_it():
    site = Site(facility="Hospital Zorbu", city="Zorbutown", state=None, country="France", status="RECRUITING",
                lat=45.0, lon=5.0)
    place = resolve_place("Zorbutown, France", sites=[site])
    assert place.source == SITE_SOURCE and place.point == (45.0, 5.0) and place.country_code == "FR"


@pytest.mark.parametrize("text, hint", [("Bostn, MA", "Boston, MA"), ("north", None), ("99999", None)])
def test_unknown_place_is_bad_input_with_close_names(text, hint):
    with pytest.raises(InvalidInput) as caught:
        resolve_place(text)
    message = str(caught.value)
    assert "\n" not in message
    if hint:
        assert hint in message


def test_out_of_range_coordinates_are_bad_input():
    with pytest.raises(InvalidInput):
        resolve_place("91,0")
