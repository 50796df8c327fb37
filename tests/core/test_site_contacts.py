"""Every contact a real record lists (central and per site) is parsed, and reaches `study` and the report."""
from __future__ import annotations

import pytest
from markupsafe import escape

from tests.shared_data import real_records
from trialfind.core.profile import ChildProfile
from trialfind.core.study import Contact, parse_study
from trialfind.match.rank import TrialMatch
from trialfind.output.family_report import build_family_report, render_family_report
from trialfind.output.views import study_view
from trialfind.trials import TrialResults


def _usable(contact: dict) -> bool:
    return any(contact.get(k) for k in ("name", "phone", "email"))


def _raw_contacts(record: dict) -> tuple[list[dict], list[dict]]:
    module = record["protocolSection"].get("contactsLocationsModule") or {}
    central = [c for c in module.get("centralContacts") or [] if _usable(c)]
    per_site = [c for loc in module.get("locations") or [] for c in loc.get("contacts") or [] if _usable(c)]
    return central, per_site


def _with_site_contacts() -> list:
    return [parse_study(r) for r in real_records() if _raw_contacts(r)[1]]


def test_every_contact_in_the_real_records_is_parsed():
    central_total = site_total = 0
    for record in real_records():
        central, per_site = _raw_contacts(record)
        study = parse_study(record)
        assert len(study.central_contacts) == len(central)
        parsed = [c for s in study.sites for c in s.contacts]
        assert len(parsed) == len(per_site)
        for raw, contact in zip(per_site, parsed):
            assert (contact.name, contact.phone, contact.email, contact.phone_ext) == (
                raw.get("name"), raw.get("phone"), raw.get("email"), raw.get("phoneExt"))
        central_total += len(central)
        site_total += len(per_site)
    assert central_total > 1000 and site_total > 10000  # the real records do carry contacts


def _facts(contact: Contact) -> list[str]:
    return [v for v in (contact.name, contact.phone, contact.email) if v]


def test_every_contact_reaches_the_study_view():
    studies = _with_site_contacts()
    assert len(studies) > 100
    for study in studies:
        text = study_view(study)
        for contact in [*study.central_contacts, *(c for s in study.sites for c in s.contacts)]:
            for fact in _facts(contact):
                assert fact in text, (study.nct_id, fact)


@pytest.mark.slow
def test_every_contact_of_a_listed_trial_reaches_the_report():
    studies = _with_site_contacts()
    profile = ChildProfile.build(7, conditions=("any",), near=(42.36, -71.06))
    matches = [TrialMatch(study=s, eligible="uncertain", score=0, reasons=[]) for s in studies]
    page = render_family_report(build_family_report(TrialResults(matches, profile=profile, units="mi")))
    for study in studies:
        section = max(page.find(study.nct_id), 0)
        for contact in [*study.central_contacts, *(c for s in study.sites for c in s.contacts)]:
            for fact in _facts(contact):
                assert _in_page(str(escape(fact)), page, section), (study.nct_id, fact)


def _in_page(text: str, page: str, hint: int) -> bool:
    """`text in page`, looked for first from `hint` (where the study's section starts), where it
    nearly always is: 26,000 scans of a 3 MB page from its top took about 10 s."""
    return page.find(text, hint) >= 0 or text in page
