"""Web links and handles that carry a person's name on a site no list of platforms holds ("www.example.com/
teddys-fight", "example.com/patients/emma-larsen-2016") were let through, because web addresses are masked as
harmless. Their paths are now split on "-", "_", "." and CamelCase and read against the given-name lists; a
company's, agency's or hospital's link passes. Invented examples, both sides, plus real organisation links."""
from __future__ import annotations

import pytest

from tests.core.privacy_kinds import kinds_found as _kinds


@pytest.mark.parametrize("text", [
    "blog: www.example.com/teddys-fight",                    # a possessive word-like name before a campaign word
    "https://example.com/patients/emma-larsen-2016",         # given name, surname and birth year
    "facebook.com/groups/PrayersForAvaGrace",                # CamelCase: Prayers For Ava Grace
    "u/neuroblastoma_mom_jess on reddit",                    # a reddit user name longer than reddit allows
    "instagram.com/team_lucia_fights",
    "gofundme.com/f/help-baby-mateo",
    "tiktok @sofias.journey",
    "updates at www.example.org/blog/graces-journey",
    "https://www.example.net/our-story/oliver-and-emma",
    "read more at example.com/TeamLiamStrong",
    "https://sites.google.com/view/hope-for-noah",
    "www.example.org/prayers-for-grace",
    "see www.example.org/news/team-will-strong",
    "www.mykidsfight.org/maya-2019",
    "our site www.teamsofia.org",                             # a family's own site, campaign word run together
    "https://hope-for-noah.com",
    "follow @teddysfight for updates",
    "mateosjourney.com/updates",
])
def test_a_link_or_handle_named_after_a_person_is_refused(text):
    assert "handle" in _kinds(text)


@pytest.mark.parametrize("text", [
    "https://clinicaltrials.gov/study/NCT04185831",
    "www.novartis.com/our-company/expanded-access",
    "https://www.fda.gov/news-events/expanded-access/project-facilitate",
    "https://www.childrensoncologygroup.org/",
    "https://www.cancer.gov/types/brain/patient/child-glioma-treatment-pdq",
    "https://www.lilly.com/grace-program",                   # a word-like name with no campaign word: the company's
    "https://www.cancer.org/cancer/types/ewing-tumor.html",  # an eponym's disease
    "https://www.example.org/ronald-mcdonald-house",         # a place named after a person
    "https://www.example.org/news/2024/grace-period-extended",
    "https://www.example.org/hope-for-healing",               # a campaign's own word is not its child
    "www.cookchildrens.org/hope-strong",
    "https://www.example.org/love-will-find-a-way",
    "www.example.org/help-for-families",
    "https://example.org/resources/brave-kids",
    "https://www.alexslemonade.org/childhood-cancer",        # organisations named after people, names run together
    "www.stjude.org/donate",
    "https://www.dana-farber.org/",
    "www.teamfox.org",
    "@hopeforkids",
    "https://www.salud.gob.ec/el-ministerio-de-salud-publica-del-ecuador-msp-informa-situacion-coronavirus/",
    "https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=avapritinib",   # the query string is not read
    "r/childhoodcancer",
    "ANC @ 0.4 on day 12",
])
def test_an_organisation_or_clinical_link_passes(text):
    assert _kinds(text) == set()
