"""What the privacy screen finds in a text, as the privacy rule tests assert on it: the set of kinds ("name",
"email", ...), whether anything was found, and the spans found."""
from __future__ import annotations

from trialfind.core.privacy import find_personal_data


def kinds_found(text: str, **options) -> set[str]:
    return {finding.kind for finding in find_personal_data(text, **options)}


def refused(text: str) -> bool:
    return bool(find_personal_data(text))


def found(text: str) -> list[str]:
    return [text[f.start:f.end] for f in find_personal_data(text)]
