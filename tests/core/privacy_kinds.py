"""What the privacy screen finds in a text, as the set of kinds ("name", "email", ...): the one
helper the privacy rule tests assert on."""
from __future__ import annotations

from trialfind.core.privacy import find_personal_data


def kinds_found(text: str, **options) -> set[str]:
    return {finding.kind for finding in find_personal_data(text, **options)}
