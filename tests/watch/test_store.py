"""Saved searches: no personal data is stored, the child ages with time, files are whole."""
from __future__ import annotations

import json
import re
from datetime import date

import pytest

from trialfind.core.ages import describe_days
from trialfind.core.errors import InvalidInput, NotFound, SourceDataError
from trialfind.watch.run import add_watch
from trialfind.watch.store import SEARCH_KEYS, WatchStore, new_search


def test_a_watch_added_at_7_years_is_8_a_year_later(tmp_path):
    search = new_search("glioma", conditions=["glioma"], age="7", today=date(2026, 12, 1))
    assert describe_days(search.age_days_on(date(2026, 12, 1))) == "7 years"
    assert describe_days(search.age_days_on(date(2027, 12, 1))) == "8 years"
    assert describe_days(search.age_days_on(date(2027, 6, 2))) == "7 years 6 months"
    stored = WatchStore(tmp_path).add(search)
    again = WatchStore(tmp_path).get("glioma").search
    assert again == search and stored.path.name == "glioma.json"


@pytest.mark.parametrize("name", ["Emma Smith <emma@example.org>", "call 617-555-0100", "emma@example.org",
                                  "+44 20 7946 0958", "born 2019-03-02", "", " ", "x" * 41, "../etc/passwd"])
def test_synthetic_names_that_could_hold_contacts_are_refused(tmp_path, name):
    with pytest.raises(InvalidInput):
        new_search(name, conditions=["glioma"], age="7")


@pytest.mark.parametrize("condition", ["glioma, mum's phone 0612345678", "glioma emma@example.org",
                                       "DIPG born 02/03/2019", "neuroblastoma DOB 2019"])
def test_synthetic_contacts_and_dates_in_search_texts_are_refused(condition):
    with pytest.raises(InvalidInput, match="no names, emails, phone numbers, dates of birth"):
        new_search("nb", conditions=[condition], age="4")


@pytest.mark.parametrize("condition", ["FGFR 1/2/3 fusion", "t(12;21) ETV6-RUNX1", "1p/19q codeleted glioma",
                                       "stage 4S neuroblastoma"])
def test_synthetic_ordinary_search_texts_pass_the_screen(condition):
    assert new_search("x", conditions=[condition], age="4").conditions == (condition,)


def test_a_stored_watch_holds_the_search_only(tmp_path):
    store = WatchStore(tmp_path)
    add_watch(store, "DIPG watch", conditions=["diffuse intrinsic pontine glioma"], targets=["H3 K27M"], age="6y4m",
              near="42.3601,-71.0589", within_km=50, today=date(2026, 12, 1))
    data = json.loads((tmp_path / "dipg_watch.json").read_text())
    assert set(data["search"]) == SEARCH_KEYS
    assert data["answer"] is None
    text = json.dumps(data)
    assert "@" not in text and not re.search(r"\d{7,}", text)
    # The location is kept to a town (0.1 degree), not a street.
    assert data["search"]["near"] == [42.4, -71.1]
    # No date but the day the age was given (the birth date is not derivable to the day from "6y4m").
    assert {v for v in re.findall(r"\d{4}-\d{2}-\d{2}", text)} == {"2026-12-01"}


def test_list_remove_and_unknown_names(tmp_path):
    store = WatchStore(tmp_path)
    add_watch(store, "a", conditions=["glioma"], age="7")
    add_watch(store, "b", targets=["ALK"], age="3")
    assert [w.search.name for w in store.all()] == ["a", "b"]
    with pytest.raises(InvalidInput, match="exists"):
        add_watch(store, "A", conditions=["glioma"], age="7")
    assert store.remove("a") == "a"
    with pytest.raises(NotFound, match="watches: b"):
        store.get("a")


def test_bad_input_is_refused_before_anything_is_written(tmp_path):
    store = WatchStore(tmp_path / "w")
    for kwargs in ({"conditions": [], "targets": []}, {"conditions": ["glioma"], "age": "seven"},
                   {"conditions": ["glioma"], "within_km": 50}, {"targets": ["NOTAGENE123"]},
                   {"conditions": ["glioma"], "near": "north"}):
        with pytest.raises(InvalidInput):
            add_watch(store, "x", **{"age": "7", **kwargs})
    assert store.all() == []


def test_a_damaged_watch_file_is_one_clear_error_and_can_be_removed(tmp_path):
    store = WatchStore(tmp_path)
    (tmp_path / "broken.json").write_text("{not json")
    with pytest.raises(SourceDataError, match="cannot be read"):
        store.get("broken")
    assert store.remove("broken") == "broken"
