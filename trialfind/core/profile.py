"""The child being matched: what we know, nothing that identifies them."""
from __future__ import annotations

from dataclasses import dataclass

from trialfind.core.ages import parse_child_age
from trialfind.core.errors import InvalidInput


@dataclass(frozen=True)
class ChildProfile:
    age_days: int
    sex: str | None = None  # "FEMALE" | "MALE" | None (unknown)
    conditions: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    near: tuple[float, float] | None = None  # (lat, lon)

    @classmethod
    def build(
        cls,
        age: str | int,
        *,
        sex: str | None = None,
        conditions=(),
        targets=(),
        near: str | tuple[float, float] | None = None,
    ) -> "ChildProfile":
        return cls(
            age_days=parse_child_age(age),
            sex=parse_sex(sex),
            conditions=tuple(c.strip() for c in conditions if c and c.strip()),
            targets=tuple(t.strip() for t in targets if t and t.strip()),
            near=parse_near(near),
        )


def parse_sex(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    normal = value.strip().upper()
    aliases = {"F": "FEMALE", "GIRL": "FEMALE", "M": "MALE", "BOY": "MALE"}
    normal = aliases.get(normal, normal)
    if normal not in ("FEMALE", "MALE"):
        raise InvalidInput(f"sex {value!r} is not understood: use female or male")
    return normal


def parse_near(value: str | tuple[float, float] | None) -> tuple[float, float] | None:
    if value is None or value == "":
        return None
    if isinstance(value, tuple):
        lat, lon = value
    else:
        parts = value.replace(";", ",").split(",")
        if len(parts) != 2:
            raise InvalidInput(f"location {value!r} is not understood: use LAT,LON such as 40.71,-74.01")
        try:
            lat, lon = float(parts[0]), float(parts[1])
        except ValueError:
            raise InvalidInput(f"location {value!r} is not understood: use LAT,LON such as 40.71,-74.01") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidInput(f"location {value!r} is out of range: latitude -90..90, longitude -180..180")
    return (float(lat), float(lon))
