"""Screening free text for details that could identify a child or family.

The registry is shared in aggregate, so a field that holds an email, a phone number,
a date (a date of birth hides easily in "born 2016-03-02"), a record number, a street
address or a person's name is refused with one line naming the field — before anything
is written. The checks are heuristics that lean towards refusing: a refused record is
easy to reword, a leaked name cannot be taken back.

The contact field is the one place where a company's *role* address is welcome
("EAP@company.com", "medical information line", a portal URL): it names how the
company was reached, not who was reached.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from trialfind.core.errors import InvalidInput

REFUSAL_HINT = "the registry keeps no names, emails, phone numbers, dates of birth, record numbers or addresses"

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_NCT_ID = re.compile(r"\bNCT\d{8}\b", re.I)
_DOB_WORDS = re.compile(r"\b(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|birth\s*date|birthday|born\b)", re.I)
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_FULL_DATES = (
    re.compile(r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b"),                       # 2016-03-02
    re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b"),             # 02/03/2016, 3.2.16
    re.compile(rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}\b", re.I),   # March 2, 2016
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+\d{{2,4}}\b", re.I),  # 2 March 2016
)
_RECORD_WORDS = re.compile(
    r"\b(?:mrn|medical\s+record|record\s*(?:no|number|#)|chart\s*(?:no|number|#)|patient\s*(?:id|no|number|#)|"
    r"hospital\s*(?:id|no|number|#)|nhs\s*(?:no|number)|social\s+security|ssn|insurance\s*(?:id|no|number))\b",
    re.I)
_SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
_PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d\s().\-]{5,}\d(?![\w/])")
_YEAR_RANGE = re.compile(r"^(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}$")
_LONG_NUMBER = re.compile(r"\b\d{6,}\b")
_STREET = re.compile(
    r"\b\d{1,6}[A-Za-z]?\s+(?:[A-Za-z0-9.'\-]+\s+){0,4}"
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|"
    r"highway|hwy|circle|cir|parkway|pkwy|square|sq|crescent|close)\b\.?", re.I)
_PO_BOX = re.compile(r"\bp\.?\s?o\.?\s+box\b|\bapt\.?\s*#?\d+|\bapartment\s+\d+", re.I)
_US_ZIP = re.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")
_RELATION_NAME = re.compile(
    r"\b(?i:(?:my|our|his|her|their)\s+(?:little\s+|baby\s+|youngest\s+|oldest\s+|eldest\s+)?"
    r"(?:son|daughter|child|kid|boy|girl|baby|brother|sister|grandson|granddaughter|grandchild|nephew|niece|"
    r"toddler|teen|teenager|twins?|patient))\s*,?\s+([A-Za-z][a-z'’]+)")
_NAMED = re.compile(r"\b(?:named|called|name\s+is|name's|nicknamed)\s+([A-Za-z][a-z'’]+)", re.I)
_TITLE_NAME = re.compile(r"\b(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse|Sister|Father)\b\.?\s+([A-Z][A-Za-z'’\-]+)")
_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+)['’]s\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")

# Words that follow "my son" without being a name ("my son has relapsed").
_NOT_NAMES = frozenset("""
a an the and or but is was has had have who whom whose with without in on at to of for from by
relapsed received started got had needed needs need did does do will would could should can may
might tried went came showed shows responded progressed died passed remains remained still also
now then just only age aged who's which that this these those when while after before because
""".split())

# Given names common enough to flag on their own in the contact field, in "Emma's" or before a surname.
# Names that are also ordinary English words (May, Will, Mark, Hope, Grace...) are left out on purpose.
FIRST_NAMES = frozenset("""
aaron abigail adam addison aiden alex alexander alexandra alice alicia allison alyssa amanda amelia amy
andrea andrew angela anna anthony aria ashley aubrey audrey austin ava avery benjamin beth bethany brandon
brayden brian brianna brittany brooke caleb cameron camila carlos caroline carter catherine charles
charlotte chloe christian christina christopher claire cody colton connor cooper daniel david dylan easton
eleanor elena elias elijah elizabeth ella ellie emily emma eric ethan evan evelyn ezra gabriel gabriella
gavin grayson hailey hannah harper hayden henry hudson hunter ian isaac isabella isaiah jackson jacob
james jasmine jason jayden jennifer jeremiah jessica joel john jonathan jordan joseph joshua josiah julia
julian justin kayla kaylee kennedy kevin kimberly kylie landon layla leah leo levi liam lincoln logan
lucas lucy luke lydia mackenzie madeline madison maria mary mason matthew maya megan mia michael michelle
mila natalie nathan nicholas noah nolan nora oliver olivia owen paisley penelope peyton rachel riley
robert ryan samantha samuel sara sarah savannah scarlett sebastian sofia sophia sophie stella stephanie
taylor thomas tyler valentina victoria violet william wyatt xavier zachary zoe zoey jack jane john jenny
tom tommy timmy billy bobby jimmy johnny katie kate molly max sam ben josh jake nick matt mike chris dan
""".split())

# Words that make up a role, department, route or company rather than a person.
ROLE_WORDS = frozenset("""
medical information info line team desk office department dept affairs expanded access compassionate use
program programme programs managed named patient patients request requests portal website web site form online
clinical trial trials operations services service support center centre hotline helpline phone email e-mail
mail global us usa u.s. eu uk international oncology pharma pharmaceutical pharmaceuticals therapeutics inc
llc ltd corp corporation company co group biosciences bioscience bio biotech biopharma regulatory safety
pharmacovigilance early pre preapproval pre-approval approval the of and for via at through general inbox
mailbox medinfo eap ea msl liaison science sciences scientific head director manager coordinator specialist
physician physicians relations contact enquiries inquiries inquiry response unit development research north
america american americas europe european main number toll free submission submissions hub partner partners
network foundation health hospital institute university chief officer cmo vice president vp lead medicine
medicines drug drugs investigational product products access-program sponsor sponsor's company's central
intake coordinator's nurse-line call centre's communications communication review committee board
""".split())

_ROLE_EMAIL_STEMS = ("access", "compassion", "medinfo", "medicalinfo", "medical", "clinical", "trial", "eap",
                     "request", "info", "affairs", "program", "support", "inquir", "enquir", "contact",
                     "safety", "intake", "patient", "managed", "named", "preapproval", "msl", "hub")
_FREE_MAIL_DOMAINS = ("gmail.", "yahoo.", "hotmail.", "outlook.", "live.", "aol.", "icloud.", "me.com",
                      "mac.com", "proton", "gmx.", "mail.com", "yandex.", "comcast.", "verizon.", "att.net")


def _is_role_email(address: str) -> bool:
    local, _, domain = address.lower().partition("@")
    if any(domain.startswith(free) or free in domain for free in _FREE_MAIL_DOMAINS):
        return False
    parts = [p for p in re.split(r"[._+\-]+", local) if p]
    return bool(parts) and all(p.isdigit() or p in ROLE_WORDS or any(s in p for s in _ROLE_EMAIL_STEMS)
                               for p in parts)


def _looks_like_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if not 7 <= len(digits) <= 15:
        return False
    return not _YEAR_RANGE.match(candidate.strip())


@functools.lru_cache(maxsize=1024)
def _known_words(words: tuple[str, ...]) -> frozenset[str]:
    known: set[str] = set()
    for phrase in words:
        known.update(w.lower().rstrip("'’s") for w in _WORD.findall(phrase or ""))
        known.update(w.lower() for w in _WORD.findall(phrase or ""))
    return frozenset(known)


def _bare(word: str) -> str:
    word = word.lower()
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    return word.strip("'’-.")


def _is_acronym(word: str) -> bool:
    return word.isupper() and len(word) <= 5


def find_identifying(text: str | None, *, contact: bool = False, known_words: Iterable[str] = ()) -> str | None:
    """What in `text` looks identifying, in a few words (never echoing it), or None.

    `contact=True` applies the contact-field rules: company role addresses and portals are
    allowed, and any run of capitalised words that are not role or company words is taken
    for a person's name. `known_words` are words of this record's company and drug names,
    which are never a person ("Dr. Reddy's", "Ikena Oncology").
    """
    if not text:
        return None
    return _find_identifying_cached(text, contact, tuple(known_words))


# Registries repeat the same company, drug and diagnosis words thousands of times: screen each once.
@functools.lru_cache(maxsize=8192)
def _find_identifying_cached(text: str, contact: bool, known_words: tuple[str, ...]) -> str | None:
    known = _known_words(known_words)
    for match in _EMAIL.finditer(text):
        if not (contact and _is_role_email(match.group(0))):
            return "an email address" if not contact else "a personal email address (use the company's role address)"
    rest = _URL.sub(" ", _EMAIL.sub(" ", text))
    rest = _NCT_ID.sub(" ", rest)
    if _DOB_WORDS.search(rest):
        return "a mention of birth or date of birth"
    if any(pattern.search(rest) for pattern in _FULL_DATES):
        return "a full date (dates belong in the date fields; in free text one may be a date of birth)"
    if _RECORD_WORDS.search(rest) or _SSN.search(rest):
        return "a record, patient or insurance number"
    for match in _PHONE.finditer(rest):
        if _looks_like_phone(match.group(0)):
            return "a phone number"
    if _LONG_NUMBER.search(rest):
        return "a long number (a record or ID number?)"
    if _STREET.search(rest) or _PO_BOX.search(rest) or _US_ZIP.search(rest):
        return "a street or postal address"
    return _find_name(rest, contact=contact, known=known)


def _find_name(text: str, *, contact: bool, known: frozenset[str]) -> str | None:
    person = "a person's name"
    for match in _RELATION_NAME.finditer(text):
        word = match.group(1)
        bare = _bare(word)
        if bare in _NOT_NAMES or bare in known:
            continue
        if word[0].isupper() or bare in FIRST_NAMES:
            return f"{person} (after a family word such as 'my son')"
    for match in _NAMED.finditer(text):
        if _bare(match.group(1)) not in _NOT_NAMES and _bare(match.group(1)) not in known:
            return f"{person} (after 'named' or 'called')"
    for match in _TITLE_NAME.finditer(text):
        if _bare(match.group(1)) not in known:
            return f"{person} (a title such as 'Dr.' followed by a name)"
    for match in _POSSESSIVE.finditer(text):
        if match.group(1).lower() in FIRST_NAMES and match.group(1).lower() not in known:
            return person
    words = _WORD.findall(text)
    for first, second in zip(words, words[1:]):
        if (first[0].isupper() and _bare(first) in FIRST_NAMES and _bare(first) not in known
                and second[0].isupper() and _bare(second) not in ROLE_WORDS and _bare(second) not in known):
            return person
    if contact:
        return _find_name_in_contact(words, known)
    return None


def _find_name_in_contact(words: list[str], known: frozenset[str]) -> str | None:
    message = "a person's name (give a role, generic address or portal instead)"
    unknown_run = 0
    for word in words:
        bare = _bare(word)
        if bare in FIRST_NAMES and bare not in known:
            return message
        is_unknown = word[0].isupper() and not _is_acronym(word) and bare not in ROLE_WORDS and bare not in known
        unknown_run = unknown_run + 1 if is_unknown else 0
        if unknown_run >= 2:
            return message
    return None


def screen_text(field_name: str, text: str | None, *, contact: bool = False, known_words: Iterable[str] = ()) -> None:
    """Raise InvalidInput naming the field when `text` looks identifying."""
    found = find_identifying(text, contact=contact, known_words=known_words)
    if found:
        raise InvalidInput(f"{field_name}: looks like it holds {found}; {REFUSAL_HINT}")
