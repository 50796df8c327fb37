"""The compact stored form of a parsed Study: what a search reads back instead of the record.

Reading a result as JSON costs `zlib` + `json.loads` of the record + `parse_study` (criteria
splitting, age parsing, shape checks): about 0.5 ms a study. The index stores each study
already parsed, as the Study's field values in declaration order (nested dataclasses as
tuples) written with `marshal` and compressed: reading it back is a decompress, one
`marshal.loads` and the dataclass constructors, with no parsing at all.

The form is in two parts, each compressed on its own: the head (`HEAD_FIELDS`: what the
first judgement of a search result reads: its type, status, update date and every text the
condition matcher reads) and the body (every other field, sites included). A result whose
condition is not found is judged from its head alone, the body never decompressed: for a
study of many sites the head is a small share of the bytes.

The form is derived from the record that `LocalIndex.search` returns (the `SEARCH_FIELDS`
projection), so `study_from_form(stored)` equals `parse_study(record)` for that record,
`raw_fields_complete` included. It depends on the Study classes' field order and on
marshal's format: both are in the derivation fingerprint (`schema.derivation_version`), and an
index whose fingerprint differs is read by parsing the records until the next build
re-derives the forms.
"""

from __future__ import annotations

import marshal
import struct
import sys
import zlib
from collections import namedtuple
from dataclasses import fields
from operator import itemgetter

from trialfind.core.arms import ArmGroup, Intervention
from trialfind.core.contacts import Contact
from trialfind.core.study import ExpandedAccessInfo, Site, Study

FORM_FORMAT = f"marshal-{marshal.version}-py{sys.version_info[0]}.{sys.version_info[1]}"
COMPRESS_LEVEL = 1

_STUDY_FIELDS = tuple(f.name for f in fields(Study))
_SITE_FIELDS = tuple(f.name for f in fields(Site))
_CONTACTS = _STUDY_FIELDS.index("central_contacts")
_SITES = _STUDY_FIELDS.index("sites")
_INTERVENTIONS = _STUDY_FIELDS.index("interventions")
_ARMS = _STUDY_FIELDS.index("arm_groups")
_EXPANDED = _STUDY_FIELDS.index("expanded_access")
_SITE_CONTACTS = _SITE_FIELDS.index("contacts")

# What `find_trials` reads before deciding whether a result concerns the child's condition:
# its filters (type, status), the recency reference (last update) and every field
# `match.conditions.match_condition` reads. A namedtuple: reading any other field of a head
# raises AttributeError, it never silently reads a default.
HEAD_FIELDS = ("nct_id", "brief_title", "official_title", "status", "study_type", "conditions", "keywords",
               "condition_mesh_terms", "condition_mesh_ancestors", "inclusion_criteria", "criteria_unsplit",
               "study_population", "last_update")
StudyHead = namedtuple("StudyHead", HEAD_FIELDS)
_BODY_FIELDS = tuple(name for name in _STUDY_FIELDS if name not in HEAD_FIELDS)
_HEAD_AT = itemgetter(*(_STUDY_FIELDS.index(name) for name in HEAD_FIELDS))
_BODY_AT = itemgetter(*(_STUDY_FIELDS.index(name) for name in _BODY_FIELDS))
# From head + body values back to the Study's field order.
_IN_ORDER = itemgetter(*((HEAD_FIELDS + _BODY_FIELDS).index(name) for name in _STUDY_FIELDS))
_HEAD_SIZE = struct.Struct("<I")


def _values(obj) -> tuple:
    return tuple(getattr(obj, name) for name in obj.__dataclass_fields__)


def study_form(study: Study) -> bytes:
    """The stored form of a Study: the size of its head, then head and body, each the
    compressed marshal of those field values."""
    values = list(_values(study))
    values[_CONTACTS] = tuple(map(_values, study.central_contacts))
    values[_SITES] = tuple(
        (*_values(s)[:_SITE_CONTACTS], tuple(map(_values, s.contacts)), *_values(s)[_SITE_CONTACTS + 1 :])
        for s in study.sites
    )
    values[_INTERVENTIONS] = tuple(map(_values, study.interventions))
    values[_ARMS] = tuple(map(_values, study.arm_groups))
    values[_EXPANDED] = _values(study.expanded_access) if study.expanded_access is not None else None
    head = zlib.compress(marshal.dumps(_HEAD_AT(values)), COMPRESS_LEVEL)
    return _HEAD_SIZE.pack(len(head)) + head + zlib.compress(marshal.dumps(_BODY_AT(values)), COMPRESS_LEVEL)


def read_head(form: bytes) -> tuple[StudyHead, memoryview]:
    """The head of a stored form, and its body still compressed (for `study_values`)."""
    view = memoryview(form)
    end = _HEAD_SIZE.size + _HEAD_SIZE.unpack_from(view)[0]
    return StudyHead._make(marshal.loads(zlib.decompress(view[_HEAD_SIZE.size:end]))), view[end:]


def study_values(head: StudyHead, body) -> list:
    """The Study's field values in declaration order, nested dataclasses still as tuples."""
    return list(_IN_ORDER(head + marshal.loads(zlib.decompress(body))))


def _maker(cls):
    """Builds `cls` from its field values without the frozen dataclass __init__ (one
    object.__setattr__ per field, twice the cost of filling __dict__ at once). Equal to
    `cls(*values)` for these classes: they have no __post_init__, defaults or slots."""
    names = tuple(f.name for f in fields(cls))
    new = object.__new__

    def make(values):
        obj = new(cls)
        obj.__dict__.update(zip(names, values))
        return obj

    return make


_make_study, _make_site, _make_contact = _maker(Study), _maker(Site), _maker(Contact)
_make_intervention, _make_arm, _make_expanded = _maker(Intervention), _maker(ArmGroup), _maker(ExpandedAccessInfo)


def _site(values: tuple) -> Site:
    contacts = values[_SITE_CONTACTS]
    if contacts:
        values = (*values[:_SITE_CONTACTS], tuple(map(_make_contact, contacts)), *values[_SITE_CONTACTS + 1 :])
    return _make_site(values)


def study_from_form(form: bytes) -> Study:
    """The Study a stored form holds (equal to parsing the record it was derived from)."""
    values = study_values(*read_head(form))
    if values[_CONTACTS]:
        values[_CONTACTS] = tuple(map(_make_contact, values[_CONTACTS]))
    if values[_SITES]:
        values[_SITES] = tuple(map(_site, values[_SITES]))
    if values[_INTERVENTIONS]:
        values[_INTERVENTIONS] = tuple(map(_make_intervention, values[_INTERVENTIONS]))
    if values[_ARMS]:
        values[_ARMS] = tuple(map(_make_arm, values[_ARMS]))
    if values[_EXPANDED] is not None:
        values[_EXPANDED] = _make_expanded(values[_EXPANDED])
    return _make_study(values)
