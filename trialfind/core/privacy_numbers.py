"""Record, patient, health-card, insurance and national identity numbers, for the privacy
screen: an id word followed by an id-shaped value, and long digit runs that are no safe shape."""
from __future__ import annotations

import re

from trialfind.core.privacy_contacts import YEAR_RANGE
from trialfind.core.privacy_text import Finding

_RECORD_WORDS = (
    r"(?:mrn|mr\s?#|mr\s?(?:no|number)|medical\s+record(?:\s+(?:no|number|#))?|record\s*(?:no|number|#)|"
    r"chart\s*(?:no|number|#|id)|patient\s*(?:id|no|number|#)|hosp(?:ital|\.)?\s*(?:id|no|number|#)|"
    r"urn|ur\s*(?:no|number)|medi-?cal(?:\s+(?:cin|id|no|number|#))?|kvnr|"
    r"nhs\s*(?:no|number|#)?|chi\s*(?:no|number)|social\s+security(?:\s+(?:no|number|#))?|ssn|sin|"
    r"insurance\s*(?:member\s*)?(?:id|no|number|#)|member\s*(?:id|no|number|#)|policy\s*(?:no|number|#)|"
    r"health\s*card\s*(?:no|number|#)?|medicaid\s*(?:id|no|number|#)?|medicare\s*(?:id|no|number|#)?|"
    r"unit\s*(?:no|number)|case\s*(?:no|number|#)|(?:kranken)?versicherten-?nummer|krankenversicherungsnummer|num[ée]ro\s+de\s+s[ée]curit[ée]\s+sociale|"
    r"aadhaa?r(?:\s*(?:no|number|#))?|pan\s*(?:no|number|#|card)|curp|bsn|personnummer|codice\s+fiscale|"
    r"tax\s*(?:id|no|number)|passport\s*(?:no|number|#)?|driver'?s\s+licen[cs]e(?:\s*(?:no|number|#))?)")
_RECORD_WHERE = r"(?:\s+(?:at|in|for|with|from)\s+(?:the\s+)?[\w'’]+(?:\s+[\w'’]+)?)?"   # "MRN at Boston is"
_RECORD = re.compile(rf"\b{_RECORD_WORDS}(?![a-z])\.?{_RECORD_WHERE}"
                     rf"\s*(?:is|was|:|-|=|#)?\s*[A-Z]{{0,4}}[-\s]?\d[\dA-Z\s-]{{1,}}", re.I)
# A product's, study's or form's number is not a person's: "model no. 420100", "protocol no. 20180123".
_THING_NUMBER = re.compile(r"\b(?:model|lot|batch|catalog(?:ue)?|cat|serial|protocol|study|trial|version|form"
                           r"|ref|reference|order|part|item|device|ind|ide|eudract|isrctn|grant|award|approval)"
                           r"\.?\s*$", re.I)
# Any "<id word> <value with 5 or more digits>": "Member ID XK-88213", "Patient no. RX4419273", "CIN 91234567A".
_ID_VALUE = re.compile(r"\b(?:id|no|nr|number|nummer|num[ée]ro|n[úu]mero|#|cin|urn)(?![a-z])\.?"
                       r"\s*(?:is|was|:|-|=|#)?\s*"
                       r"((?<![\w-])[A-Z]{0,4}-?\d[\dA-Z-]*\d[A-Z]?)(?![\w-])", re.I)
_SSN = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
_LONG_NUMBER = re.compile(r"(?<![\w.,/-])\d{6,}(?![\w.,/]|\s*(?:%|mg|mcg|µg|ug|ml|mL|g\b|kg|iu|units?|cells|copies|/))", re.I)


def find_record_numbers(text: str, found: list[Finding]) -> None:
    for match in _RECORD.finditer(text):
        found.append(Finding("record_number", *match.span(), "a record, patient, health or insurance number"))
    for match in _ID_VALUE.finditer(text):
        if (sum(c.isdigit() for c in match.group(1)) >= 5
                and not _THING_NUMBER.search(text, max(0, match.start() - 20), match.start())):
            found.append(Finding("record_number", *match.span(), "an identity, record or insurance number"))
    for match in _SSN.finditer(text):
        found.append(Finding("record_number", *match.span(), "a social security number"))



def find_long_numbers(text: str, found: list[Finding]) -> None:
    for match in _LONG_NUMBER.finditer(text):
        if not YEAR_RANGE.match(match.group(0)):
            found.append(Finding("record_number", *match.span(), "a long number (a record or ID number?)"))
