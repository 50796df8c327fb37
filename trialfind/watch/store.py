"""Saved searches and their last answers, in the user's data directory.

A watch keeps the search, never who it is for: a short label chosen by the family, the
conditions and targets, the child's age in days *and the day it was given* (so the child
ages with time: a watch added at 7 years searches for 8 years a year later), and, when a
location is given, coordinates rounded to 0.1 degree (about 10 km: a town, not a home)
and a radius. No name, birth date or contact is asked for or accepted: the label must be
a short slug (letters, digits, space, - and _), which cannot hold an email address, and
it and the free-text fields go through the one privacy screen (core.privacy) for anything that could be
contacts or a birth date. A first name typed as the label cannot be told from a word
here; the README asks for labels such as "glioma-alk".

One JSON file per watch (`watches/<label>.json`), written atomically: the search and,
once a run has completed, the answer it gave.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Sequence

from trialfind.core.ages import parse_child_age
from trialfind.core.errors import InvalidInput, NotFound, SourceDataError
from trialfind.core.privacy import screen_fields
from trialfind.core.profile import parse_near
from trialfind.output.formats import atomic_write_text

WATCH_FORMAT = 1
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _-]{0,39}$")
NEAR_DECIMALS = 1          # ~11 km of latitude: enough for site distances, not a home address
DEFAULT_WITHIN_KM = 100.0  # radius for site changes when --near is given without --within
# The keys a watch file may hold: a test asserts nothing else is ever written.
SEARCH_KEYS = frozenset({"name", "conditions", "targets", "age_days", "age_given_on", "near", "within_km", "created"})


def _screen_text(field_name: str, value: str) -> str:
    """The one privacy screen (names, contacts, dates, record numbers, addresses) and a length cap."""
    text = " ".join(str(value).split())
    screen_fields({field_name: text})
    if len(text) > 200:
        raise InvalidInput(f"{field_name} is too long (at most 200 characters)")
    return text


def check_name(name: str) -> str:
    """The watch's label: a short slug, so it cannot carry a child's contact details."""
    label = (name or "").strip()
    if not NAME_PATTERN.match(label):
        raise InvalidInput(f"watch name {name!r} is not usable: use 1-40 letters, digits, spaces, - or _ "
                           "(a label such as glioma-alk, not a child's name or contact)")
    return _screen_text("watch name", label)  # digits and dashes still spell phone numbers and dates


def _key(name: str) -> str:
    return re.sub(r"[ ]+", "_", name.strip().lower())


@dataclass(frozen=True)
class SavedSearch:
    name: str
    conditions: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    age_days: int = 0
    age_given_on: str = ""   # ISO date the age was given on: the child is older by the days since
    near: tuple[float, float] | None = None
    within_km: float | None = None
    created: str = ""

    def age_days_on(self, day: date) -> int:
        """The child's age on `day`: the age given plus the days since it was given."""
        given = date.fromisoformat(self.age_given_on)
        return self.age_days + max(0, (day - given).days)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["conditions"], data["targets"] = list(self.conditions), list(self.targets)
        data["near"] = list(self.near) if self.near else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SavedSearch":
        near = data.get("near")
        return cls(name=data["name"], conditions=tuple(data.get("conditions") or ()),
                   targets=tuple(data.get("targets") or ()), age_days=int(data["age_days"]),
                   age_given_on=data["age_given_on"], near=tuple(near) if near else None,
                   within_km=data.get("within_km"), created=data.get("created", ""))


def new_search(name: str, *, conditions: Sequence[str] = (), targets: Sequence[str] = (), age: str | int,
               near: str | tuple[float, float] | None = None, within_km: float | None = None,
               today: date | None = None) -> SavedSearch:
    """A checked SavedSearch (bad input: InvalidInput naming the field)."""
    today = today or date.today()
    label = check_name(name)
    conditions = tuple(dict.fromkeys(_screen_text("condition", c) for c in conditions if c and c.strip()))
    targets = tuple(dict.fromkeys(_screen_text("target", t) for t in targets if t and t.strip()))
    if not conditions and not targets:
        raise InvalidInput("give at least one --condition or --target to watch")
    location = parse_near(near)
    if within_km is not None and location is None:
        raise InvalidInput("--within needs --near (the place the distance is measured from)")
    if within_km is not None and not within_km > 0:
        raise InvalidInput("--within must be a positive number of kilometres")
    if location is not None:
        location = (round(location[0], NEAR_DECIMALS), round(location[1], NEAR_DECIMALS))
        within_km = float(within_km) if within_km is not None else DEFAULT_WITHIN_KM
    return SavedSearch(name=label, conditions=conditions, targets=targets, age_days=parse_child_age(age),
                       age_given_on=today.isoformat(), near=location, within_km=within_km,
                       created=today.isoformat())


@dataclass
class StoredWatch:
    search: SavedSearch
    answer: dict | None = None          # the last complete answer (see trialfind.watch.diff.Answer)
    path: Path | None = field(default=None, compare=False)


class WatchStore:
    """The watches in one directory (default: `<data dir>/watches`)."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    def _path(self, name: str) -> Path:
        return self.directory / f"{_key(check_name(name))}.json"

    def add(self, search: SavedSearch, *, replace: bool = False) -> StoredWatch:
        path = self._path(search.name)
        if path.exists() and not replace:
            raise InvalidInput(f"a watch named {search.name!r} exists: remove it first or choose another name")
        watch = StoredWatch(search, None, path)
        self._write(watch)
        return watch

    def get(self, name: str) -> StoredWatch:
        path = self._path(name)
        if not path.is_file():
            known = ", ".join(w.search.name for w in self.all()) or "none yet"
            raise NotFound(f"no watch named {name!r} (watches: {known})")
        return self._read(path)

    def all(self) -> list[StoredWatch]:
        if not self.directory.is_dir():
            return []
        return [self._read(p) for p in sorted(self.directory.glob("*.json"))]

    def remove(self, name: str) -> str:
        """Delete a watch (even one whose file no longer reads); returns its label."""
        path = self._path(name)
        if not path.is_file():
            self.get(name)  # raises NotFound listing the watches there are
        path.unlink()
        return check_name(name)

    def save_answers(self, watches: Sequence[StoredWatch]) -> None:
        """Store new answers; each file is replaced whole (readers see the old one or the new)."""
        for watch in watches:
            self._write(watch)

    def _write(self, watch: StoredWatch) -> None:
        path = watch.path or self._path(watch.search.name)
        data = {"format": WATCH_FORMAT, "search": watch.search.to_dict(), "answer": watch.answer}
        Path(path).parent.mkdir(parents=True, exist_ok=True)  # the store's own folder, not a user's --output
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        watch.path = path

    def _read(self, path: Path) -> StoredWatch:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return StoredWatch(SavedSearch.from_dict(data["search"]), data.get("answer"), path)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise SourceDataError(f"the watch file {path} cannot be read ({type(exc).__name__}); "
                                  "remove it with `trialfind watch remove` or delete the file") from None

    def __iter__(self) -> Iterator[StoredWatch]:
        return iter(self.all())
