"""Which v2 fields each job asks the API for (`fields=`): only what it reads.

The parser reads every field in `trialfind.core.study.PARSER_FIELDS`, but no job reads
all of them: site contacts and ZIP codes (28% of the location bytes) are never shown by
a search, and `candidates` reads only the sites' countries. Field paths may reach into
lists (`...locations.country`), and the API then answers each site with just those keys.
A job that shows site contacts asks for `FULL_SITE_FIELDS`.
"""
from __future__ import annotations

from trialfind.core.study import PARSER_FIELDS

LOCATIONS = "protocolSection.contactsLocationsModule.locations"
CENTRAL_CONTACTS = "protocolSection.contactsLocationsModule.centralContacts"

# What a Site holds (trialfind.core.study.Site): no contacts, no ZIP.
SITE_FIELDS = tuple(f"{LOCATIONS}.{name}" for name in ("facility", "city", "state", "country", "status", "geoPoint"))


def with_sites(fields: tuple[str, ...], site_fields: tuple[str, ...]) -> tuple[str, ...]:
    """`fields` with the whole `locations` list replaced by the given per-site paths."""
    out: list[str] = []
    for field in fields:
        out.extend(site_fields if field == LOCATIONS else (field,))
    return tuple(out)


# Everything the parser reads, site contacts included (a study view that shows them).
FULL_SITE_FIELDS: tuple[str, ...] = tuple(PARSER_FIELDS)
# `trials` and other searches: sites as Site objects hold them.
SEARCH_FIELDS: tuple[str, ...] = with_sites(PARSER_FIELDS, SITE_FIELDS)
# `candidates`: of the sites only the countries (for "under way in the US" and the table).
CANDIDATE_FIELDS: tuple[str, ...] = tuple(
    f for f in with_sites(PARSER_FIELDS, (f"{LOCATIONS}.country",)) if f != CENTRAL_CONTACTS)
