"""Fields per job: each job asks only for what it reads, and reads the same from it."""
from __future__ import annotations

from trialfind.core.spec import SearchSpec
from trialfind.core.study import parse_study
from trialfind.sources.ctgov import CtgovClient
from trialfind.sources.fields import CANDIDATE_FIELDS, FULL_SITE_FIELDS, SEARCH_FIELDS

FAST = 1e9
ALK_TERMS = SearchSpec(terms=("ALK", "crizotinib", "alectinib", "lorlatinib"), combine="any")


def walk(server, fields):
    client = CtgovClient(base_url=server.url, rate_limit_per_minute=FAST, fields=fields)
    studies = [parse_study(record) for record in client.search(ALK_TERMS)]
    return studies, client.last_search_stats.bytes


def test_searches_read_every_site_field_a_family_sees(real_ctgov_server):
    """Searches name each site key the parser reads (contacts and ZIP included: `trials`
    shows the nearest sites' contacts), so they read the same studies as whole records."""
    full, full_bytes = walk(real_ctgov_server, FULL_SITE_FIELDS)
    search, search_bytes = walk(real_ctgov_server, SEARCH_FIELDS)
    assert len(full) >= 50 and sum(len(s.sites) for s in full) > 1000
    assert any(site.contacts for s in search for site in s.sites)
    assert search == full  # every Study field, sites and their contacts included, is the same
    assert search_bytes <= full_bytes


def test_candidates_ask_only_for_site_countries_and_read_the_same_countries(real_ctgov_server):
    search, search_bytes = walk(real_ctgov_server, SEARCH_FIELDS)
    candidates, candidate_bytes = walk(real_ctgov_server, CANDIDATE_FIELDS)
    assert [s.nct_id for s in candidates] == [s.nct_id for s in search]
    assert [[site.country for site in s.sites] for s in candidates] == \
        [[site.country for site in s.sites] for s in search]
    assert [s.eligibility_text for s in candidates] == [s.eligibility_text for s in search]
    assert candidate_bytes < search_bytes * 0.8
