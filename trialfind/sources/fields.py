"""Which v2 fields each job asks the API for (`fields=`): only what it reads.

The parser reads every field in `trialfind.core.study.PARSER_FIELDS`. `trials` shows the
nearest sites with their contacts (name, phone, email: what a family calls), so its searches
ask for whole site records; `candidates` reads only the sites' countries and asks for just
those. Field paths may reach into lists (`...locations.country`), and the API then answers
each site with just those keys.
"""
from __future__ import annotations

from trialfind.core.study import PARSER_FIELDS

LOCATIONS = "protocolSection.contactsLocationsModule.locations"
CENTRAL_CONTACTS = "protocolSection.contactsLocationsModule.centralContacts"

# What a Site holds (trialfind.core.study.Site), contacts and ZIP code included.
SITE_FIELDS = tuple(f"{LOCATIONS}.{name}"
                    for name in ("facility", "city", "state", "zip", "country", "status", "geoPoint", "contacts"))


def with_sites(fields: tuple[str, ...], site_fields: tuple[str, ...]) -> tuple[str, ...]:
    """`fields` with the whole `locations` list replaced by the given per-site paths."""
    out: list[str] = []
    for field in fields:
        out.extend(site_fields if field == LOCATIONS else (field,))
    return tuple(out)


# Everything the parser reads, site contacts included (a study view that shows them).
FULL_SITE_FIELDS: tuple[str, ...] = tuple(PARSER_FIELDS)
# `trials` and other searches: every key a Site reads (the same studies as FULL_SITE_FIELDS).
SEARCH_FIELDS: tuple[str, ...] = with_sites(PARSER_FIELDS, SITE_FIELDS)
# `candidates`: of the sites only the countries (for "under way in the US" and the table).
CANDIDATE_FIELDS: tuple[str, ...] = tuple(
    f for f in with_sites(PARSER_FIELDS, (f"{LOCATIONS}.country",)) if f != CENTRAL_CONTACTS)
