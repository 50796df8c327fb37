"""What a ClinicalTrials.gov v2 record must look like for the study parser, and reading a
record of the wrong shape: a part of the wrong JSON type is read as absent, except where
reading it as absent would admit children the record may exclude (ELIGIBILITY_PATHS).

Records come from a remote service or a user's file: any well-formed JSON object must be
read without an exception (see tests/core/test_study_fuzz.py).
"""
from __future__ import annotations

import math
from typing import Any

# What the parser reads, with the JSON type each value must have. A value of another type
# is read as absent; keys not listed here pass through unchecked.
_TEXT, _WHOLE, _NUMBER, _FLAG = "text", "whole number", "number", "true/false"
_DATE = {"date": _TEXT}
RECORD_SHAPE: dict[str, Any] = {
    "protocolSection": {
        "identificationModule": {"nctId": _TEXT, "briefTitle": _TEXT, "officialTitle": _TEXT, "acronym": _TEXT},
        "statusModule": {
            "overallStatus": _TEXT,
            "expandedAccessInfo": {"hasExpandedAccess": _FLAG, "nctId": _TEXT, "statusForNctId": _TEXT},
            "startDateStruct": _DATE, "primaryCompletionDateStruct": _DATE, "completionDateStruct": _DATE,
            "lastUpdatePostDateStruct": _DATE,
        },
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": _TEXT, "class": _TEXT},
                                       "collaborators": [{"name": _TEXT}]},
        "descriptionModule": {"briefSummary": _TEXT},
        "conditionsModule": {"conditions": [_TEXT], "keywords": [_TEXT]},
        "designModule": {"studyType": _TEXT, "phases": [_TEXT], "enrollmentInfo": {"count": _WHOLE}},
        "armsInterventionsModule": {"interventions": [{"type": _TEXT, "name": _TEXT, "otherNames": [_TEXT],
                                                       "description": _TEXT}]},
        "eligibilityModule": {"eligibilityCriteria": _TEXT, "minimumAge": _TEXT, "maximumAge": _TEXT,
                              "stdAges": [_TEXT], "sex": _TEXT, "healthyVolunteers": _FLAG},
        "contactsLocationsModule": {
            "centralContacts": [{"name": _TEXT, "role": _TEXT, "phone": _TEXT, "email": _TEXT}],
            "locations": [{"facility": _TEXT, "city": _TEXT, "state": _TEXT, "country": _TEXT, "status": _TEXT,
                           "geoPoint": {"lat": _NUMBER, "lon": _NUMBER}}],
        },
    },
    "derivedSection": {
        "conditionBrowseModule": {"meshes": [{"term": _TEXT}], "ancestors": [{"term": _TEXT}]},
        "interventionBrowseModule": {"meshes": [{"term": _TEXT}]},
        "miscInfoModule": {"versionHolder": _TEXT},
    },
}
# Fields that decide whether a child may join, and the objects holding them: one of these of
# the wrong type makes the whole record unreadable, because reading it as absent would admit
# children the record may exclude (a missing sex reads as "all", missing ages as "any age").
ELIGIBILITY_PATHS = frozenset({
    "protocolSection", "protocolSection.identificationModule", "protocolSection.identificationModule.nctId",
    "protocolSection.statusModule", "protocolSection.statusModule.overallStatus",
    "protocolSection.eligibilityModule", "protocolSection.eligibilityModule.minimumAge",
    "protocolSection.eligibilityModule.maximumAge", "protocolSection.eligibilityModule.sex",
})


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


_EXACT_TYPES = {_TEXT: (str,), _FLAG: (bool,), _WHOLE: (int,), _NUMBER: (int, float)}


def _fits(value: Any, kind: str) -> bool:
    if kind == _TEXT:
        return isinstance(value, str)
    if kind == _FLAG:
        return isinstance(value, bool)
    if kind == _WHOLE:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _misfit(value: Any, kind: str, path: str, problems: list[str]) -> None:
    if path in ELIGIBILITY_PATHS:
        problems.append(f"{path} is {json_type(value)}, not {kind}")


class _Shape:
    """RECORD_SHAPE compiled for speed: the parser runs on every record of a bulk build."""

    __slots__ = ("kind", "path", "fields", "item", "not_text")

    def __init__(self, shape: Any, path: str = "") -> None:
        self.path = path
        self.fields: tuple = ()
        self.item: _Shape | None = None
        self.not_text: frozenset[str] | None = None  # an object's keys whose values are not text
        if isinstance(shape, dict):
            self.kind = "object"
            self.fields = tuple(
                (key, _Shape(inner, f"{path}.{key}" if path else key),
                 _EXACT_TYPES[inner] if isinstance(inner, str) and inner != _NUMBER else None)
                for key, inner in shape.items())
            self.not_text = frozenset(key for key, inner in shape.items() if inner != _TEXT)
        elif isinstance(shape, list):
            self.kind = "list"
            self.item = _Shape(shape[0], path)
        else:
            self.kind = shape

    def conform(self, value: Any, problems: list[str]) -> Any:
        """`value` with every part not of the shape's type removed (None: absent); problems on
        ELIGIBILITY_PATHS are collected. Copies only what it changes: well-formed records
        (nearly all) pass through as they are."""
        kind = self.kind
        if kind == "object":
            if type(value) is not dict:
                _misfit(value, "an object", self.path, problems)
                return None
            out = value
            for key, inner, exact in self.fields:
                item = value.get(key)
                if item is None or (exact is not None and type(item) in exact):
                    continue
                new = inner.conform(item, problems)
                if new is not item:
                    if out is value:
                        out = dict(value)
                    out[key] = new
            return out
        if kind == "list":
            if type(value) is not list:
                return None
            inner = self.item
            if inner.not_text is not None and _text_objects(value, inner.not_text):
                return value  # thousands of {"country": ...} per record of a countries-only search
            kept = [inner.conform(item, problems) if item is not None else None for item in value]
            if all(new is old and new is not None for new, old in zip(kept, value)):
                return value
            return [item for item in kept if item is not None]
        if type(value) in _EXACT_TYPES[kind] and (kind != _NUMBER or math.isfinite(value)) or _fits(value, kind):
            return value
        _misfit(value, kind, self.path, problems)
        return None


def _text_objects(items: list, not_text: frozenset[str]) -> bool:
    """Every item an object of text values under keys whose shape is text (or unknown): a list
    `_Shape.conform` would return as it is, told without walking each object field by field."""
    join = "".join
    try:
        for item in items:
            if type(item) is not dict or not not_text.isdisjoint(item):
                return False
            join(item.values())  # TypeError unless every value is text
    except TypeError:
        return False
    return True


_COMPILED_SHAPE = _Shape(RECORD_SHAPE)


def conform(record: dict) -> tuple[dict, list[str]]:
    """(the record with wrongly typed parts removed, problems on ELIGIBILITY_PATHS)."""
    problems: list[str] = []
    return _COMPILED_SHAPE.conform(record, problems), problems
