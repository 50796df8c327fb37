"""The physician's request packet: content, no patient-identifying data, atomic writing."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from trialfind.access.packet import age_band, build_request_packet
from trialfind.core.ages import describe_days, parse_child_age
from trialfind.core.errors import InvalidInput, TrialfindError
from trialfind.output.files import write_folder_atomically as write_packet_files
from trialfind.output.letter import FILES, PLACEHOLDERS, render_packet, write_request_packet
from trialfind.sources.ctgov import CtgovClient

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w-])(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?![\w-])")
DATE = re.compile(r"\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b")


def published_contacts(packet):
    """What may appear: the company's published contacts and the general resources' ones, and the
    dates the packet's sources carry (trial updates, verification dates, today)."""
    texts = []
    for item in ([packet.policy] if packet.policy else []) + list(packet.resources):
        texts += [str(v) for v in item.to_dict().values() if v]
    emails = {e.lower() for t in texts for e in EMAIL.findall(t)}
    phones = {re.sub(r"\D", "", p)[-10:] for t in texts for p in PHONE.findall(t)}
    dates = {packet.generated_on, *(d for t in texts for d in DATE.findall(t))}
    dates |= {t.last_update for t in packet.trials if t.last_update}
    dates |= {r.last_update for r in packet.ea_records if r.last_update}
    if packet.data_version:
        dates |= set(DATE.findall(packet.data_version))
    return emails, phones, dates


def assert_no_patient_data(files: dict[str, str], packet, age_text: str | None = None) -> None:
    emails, phones, dates = published_contacts(packet)
    for name, text in files.items():
        for email in EMAIL.findall(text):
            assert email.lower() in emails, (name, email)
        for phone in PHONE.findall(text):
            assert re.sub(r"\D", "", phone)[-10:] in phones, (name, phone)
        for date in DATE.findall(text):
            assert date in dates, (name, date)
        assert not re.search(r"date of birth\s*:\s*\S", text, re.I), name
        assert not re.search(r"\b(?:DOB|MRN)\b", text), name
        if age_text:
            assert age_text not in text, (name, age_text)
    letter = files["request.md"]
    for key in ("patient", "diagnosis", "physician", "physician_email"):
        assert PLACEHOLDERS[key] in letter
        assert PLACEHOLDERS[key] in files["request.txt"]


@pytest.fixture
def client(real_ctgov_server):
    return CtgovClient(base_url=real_ctgov_server.url, rate_limit_per_minute=1e9)


def test_age_bands_hide_the_exact_age():
    assert age_band(None) is None
    assert age_band(parse_child_age("3w")) == "under 1 year"
    assert age_band(parse_child_age("18m")) == "1-4 years"
    assert age_band(parse_child_age("7y6m")) == "5-9 years"
    assert age_band(parse_child_age("14y11m")) == "10-14 years"
    assert age_band(parse_child_age("17")) == "15-17 years"
    assert age_band(parse_child_age("30")) == "22+ years"


# Personal data given to any option is refused with one line naming the option, never the value.
PERSONAL_INPUTS = [
    ("target", "ALK, contact jane.doe@example.org"), ("target", "ALK call 617-555-0134"),
    ("target", "born 2017-03-04"), ("target", "ALK 04/03/2017"), ("target", "DOB 3 March"), ("target", "MRN 123"),
    ("target", "ALK F1174L in my daughter Emma"), ("target", "BRAF V600E, SSN 078-05-1120"),
    ("target", "NTRK fusion; ring +44 20 7946 0958"), ("target", "ALK, we live at 42 Elm Street"),
    ("target", "Dr Smith's patient"), ("drug", "larotrectinib for José"), ("drug", "selumetinib, 07700 900123"),
    ("sponsor", "Jane Smith"), ("sponsor", "sam at gmail dot com"),
]


@pytest.mark.parametrize("option, text", PERSONAL_INPUTS)
def test_personal_data_in_any_option_is_refused_with_one_line(option, text):
    values = {"drug": "larotrectinib", option: text}
    with pytest.raises(InvalidInput) as caught:
        build_request_packet(values.pop("drug"), **values)
    message = str(caught.value)
    assert message.startswith(f"--{option}: ") and "\n" not in message
    assert text not in message


def test_molecular_findings_code_names_and_companies_pass_the_screen():
    for text in ("ALK F1174L", "BRAF V600E", "KMT2A rearrangement", "NTRK1 fusion", "PF-06463922", "H3 K27M",
                 "EGFR exon 20 insertion"):
        assert build_request_packet("larotrectinib", target=text).target == text
    for drug in ("PF-06463922", "BAY 2757556", "DS-8201a", "LOXO-101"):
        assert build_request_packet(drug).drug == drug
    for sponsor in ("Dr. Reddy's Laboratories", "Eli Lilly and Company", "Johnson & Johnson", "Acme Biotech"):
        assert build_request_packet("synthdrugib", sponsor=sponsor).sponsor_query == sponsor


def test_synthetic_markdown_in_a_value_is_escaped_in_the_markdown_files_only():
    drug = "synthdrug](https://evil.example) ![x](y.png) <b>**"
    packet = build_request_packet(drug, target="ALK `F1174L` | x", sponsor="Acme_Bio [x]")
    files = render_packet(packet)
    for name in ("request.md", "checklist.md"):
        text = files[name]
        assert "](https://evil.example)" not in text and "![x]" not in text and "<b>" not in text, name
        assert r"synthdrug\]\(https:\/\/evil.example\)" in text, name
        assert "Acme_Bio [x]" not in text and r"Acme\_Bio \[x\]" in text, name
    assert r"ALK \`F1174L\` \| x" in files["request.md"]
    assert drug in files["request.txt"] and "Acme_Bio [x]" in files["request.txt"]  # plain text is not Markdown


def test_packet_from_real_records_names_the_company_trials_and_records(client):
    packet = build_request_packet("repotrectinib", source=client, target="ROS1 fusion", age="7y2m")
    assert packet.policy is not None and packet.policy.company == "Bristol Myers Squibb"
    assert [t.nct_id for t in packet.trials] == ["NCT06140836"]
    assert [r.nct_id for r in packet.ea_records] == ["NCT05926232"]
    files = render_packet(packet)
    assert set(files) == set(FILES)
    letter = files["request.md"]
    for expected in ("NCT06140836", "https://clinicaltrials.gov/study/NCT06140836", "NCT05926232", "RECRUITING",
                     packet.trials[0].last_update, "Bristol Myers Squibb", packet.policy.policy_url, "5-9 years",
                     "ROS1 fusion", packet.policy.date_verified):
        assert expected in letter, expected
    assert_no_patient_data(files, packet, age_text=describe_days(parse_child_age("7y2m")))


def test_checklist_has_the_steps_in_order(client):
    packet = build_request_packet("revumenib", source=client, age=7)
    checklist = render_packet(packet)["checklist.md"]
    steps = [line for line in checklist.splitlines() if line.startswith("- [ ]")]
    order = ["sends it to", "agrees to provide", "Form 3926", "assigns an IND number", "sends the IND number",
             "ships"]
    positions = [next(i for i, s in enumerate(steps) if phrase in s) for phrase in order]
    assert positions == sorted(positions)
    assert "IRB" in steps[positions[2]] and "few days" in steps[positions[3]]
    assert "Project Facilitate" in checklist and "Reagan-Udall" in checklist


def test_sponsor_given_by_name_brings_its_published_contact(client):
    packet = build_request_packet("selpercatinib", source=client, sponsor="Loxo Oncology at Lilly",
                                  age="10")
    files = render_packet(packet)
    assert "clinicaltrials@loxooncology.com" in files["request.md"]
    assert "acknowledge within 5 business days" in files["checklist.md"]
    assert_no_patient_data(files, packet)


def test_unknown_company_points_to_general_resources():
    packet = build_request_packet("synthdrugib", sponsor="Acme Biotech")
    files = render_packet(packet)
    assert packet.policy is None
    assert "not in trialfind's expanded-access directory" in files["request.md"]
    assert "druginfo@fda.hhs.gov" in files["request.md"]
    assert_no_patient_data(files, packet)


def test_written_files_are_complete_and_replace_old_ones_only_with_force(tmp_path, client):
    out = tmp_path / "packet"
    packet, paths = write_request_packet("revumenib", out, source=client, age=7)
    assert sorted(p.name for p in paths) == sorted(FILES)
    files = {p.name: p.read_text(encoding="utf-8") for p in paths}
    assert_no_patient_data(files, packet, age_text=describe_days(parse_child_age("7")))
    (out / "request.md").write_text("edited by the physician", encoding="utf-8")
    with pytest.raises(InvalidInput, match="--force"):
        write_request_packet("revumenib", out, source=client, age=7)
    assert (out / "request.md").read_text(encoding="utf-8") == "edited by the physician"
    write_request_packet("revumenib", out, source=client, age=7, force=True)
    assert (out / "request.md").read_text(encoding="utf-8").startswith("# Expanded-access")
    assert [p.name for p in tmp_path.iterdir()] == ["packet"]  # no staging folders left


def test_a_failed_write_leaves_nothing_half_written(tmp_path, monkeypatch):
    calls = {"n": 0}
    real_fsync = os.fsync

    def failing_fsync(fd):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full (synthetic)")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(TrialfindError, match="cannot write .*new: disk full"):
        write_packet_files({"request.md": "a", "request.txt": "b", "checklist.md": "c"}, tmp_path / "new")
    assert list(tmp_path.iterdir()) == []
    existing = tmp_path / "old"
    existing.mkdir()
    (existing / "request.md").write_text("previous", encoding="utf-8")
    calls["n"] = 0
    with pytest.raises(TrialfindError):
        write_packet_files({"request.md": "a", "request.txt": "b", "checklist.md": "c"}, existing, force=True)
    assert [p.name for p in tmp_path.iterdir()] == ["old"]
    assert [p.name for p in existing.iterdir()] == ["request.md"]
    assert (existing / "request.md").read_text(encoding="utf-8") == "previous"


def test_output_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(InvalidInput):
        write_packet_files({"request.md": "a"}, target)
    assert Path(target).read_text(encoding="utf-8") == "x"
