"""Seeded mutations of real ClinicalTrials.gov v2 records for the parser fuzz tests.

A mutation changes one place of a record to something of the wrong shape while keeping the
record a well-formed JSON object: a key deleted, a value set to null, replaced by a value of
another JSON type (number, text, list, object, nested garbage), wrapped in a list or an
object. Only the containers on the way to the changed place are copied, so the real records
are never modified.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

# Most mutations land where the parser reads; some anywhere.
_PARSED_TOP = ("protocolSection", "protocolSection", "protocolSection", "derivedSection")
_TEXTS = ("", " ", "NCT", "NCT１２３４５６７８", "\x1b[2J\x1b]8;;http://x\x07link\x1b]8;;\x07", "=cmd|' /C calc'!A0",
          "17 Years", "FEMALE", "RECRUITING", "null", "0", "-1", "1e999 Years", "ω" * 3, "a\r\nb")


@dataclass(frozen=True)
class Mutation:
    path: tuple[Any, ...]   # keys and list indices from the record's root
    kind: str               # delete | null | replace | wrap

    @property
    def field_path(self) -> str:
        """The dotted object-key path, list indices left out ("protocolSection.eligibilityModule.sex")."""
        return ".".join(p for p in self.path if isinstance(p, str))


def garbage(rng: random.Random, depth: int = 0) -> Any:
    """A random JSON value of any type, nested up to three levels."""
    choice = rng.randrange(9 if depth < 3 else 6)
    if choice == 0:
        return rng.randint(-10**6, 10**6)
    if choice == 1:
        return rng.choice((0, 1, -1, 10**30, 2**63, 0.5, -1e308, 1e-300))
    if choice == 2:
        return rng.choice((True, False))
    if choice == 3:
        return rng.choice(_TEXTS)
    if choice == 4:
        return None
    if choice == 5:
        return "".join(chr(rng.randrange(0x20, 0x2FFF)) for _ in range(rng.randrange(12)))
    if choice == 6:
        return [garbage(rng, depth + 1) for _ in range(rng.randrange(4))]
    if choice == 7:
        keys = ("nctId", "name", "term", "date", "lat", "count", "x", "sex", "minimumAge", "")
        return {rng.choice(keys): garbage(rng, depth + 1) for _ in range(rng.randrange(4))}
    return {"studies": [garbage(rng, depth + 1)]}


def _pick_path(rng: random.Random, record: dict) -> tuple[Any, ...]:
    """A random place in the record: walk down from the root, stopping at each level with
    a small chance (so modules, lists and leaves are all hit)."""
    path: list[Any] = []
    node: Any = record
    first = True
    while True:
        if isinstance(node, dict) and node:
            keys = list(node)
            if first:
                preferred = [k for k in _PARSED_TOP if k in node]
                key = rng.choice(preferred) if preferred and rng.random() < 0.9 else rng.choice(keys)
            else:
                key = rng.choice(keys)
        elif isinstance(node, list) and node:
            key = rng.randrange(len(node))
        else:
            return tuple(path)
        path.append(key)
        node = node[key]
        first = False
        if rng.random() < 0.18:
            return tuple(path)


def _with(container: Any, path: tuple[Any, ...], change) -> Any:
    """A copy of `container` with `change(parent, key)` applied at path; copies only along the path."""
    copy = dict(container) if isinstance(container, dict) else list(container)
    key = path[0]
    if len(path) == 1:
        change(copy, key)
    else:
        copy[key] = _with(copy[key], path[1:], change)
    return copy


def mutate(rng: random.Random, record: dict) -> tuple[dict, list[Mutation]]:
    """One to three mutations of `record` (a new object; the original is unchanged)."""
    mutations = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        path = _pick_path(rng, record)
        if not path:
            continue
        kind = rng.choice(("delete", "null", "replace", "replace", "replace", "wrap"))

        def change(parent, key, kind=kind):
            if kind == "delete":
                if isinstance(parent, dict):
                    del parent[key]
                else:
                    parent.pop(key)
            elif kind == "null":
                parent[key] = None
            elif kind == "wrap":
                parent[key] = [parent[key]] if rng.random() < 0.5 else {"value": parent[key]}
            else:
                parent[key] = garbage(rng)

        record = _with(record, path, change)
        mutations.append(Mutation(path, kind))
    return record, mutations


def touches(mutations: list[Mutation], field_path: str) -> bool:
    """Whether any mutation changed the field or a container holding it."""
    return any(field_path == m.field_path or field_path.startswith(m.field_path + ".") for m in mutations)
