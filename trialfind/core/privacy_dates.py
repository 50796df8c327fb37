"""Full dates and dates of birth, for the privacy screen: a day, month and year may be a
child's birthday; a month and year, or a year, is not."""
from __future__ import annotations

import re

from trialfind.core.privacy_text import Finding

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_FULL_DATES = (
    re.compile(rf"(?<![\d.])(?:19|20)\d{{2}}[-/.](?:0?[1-9]|1[0-2])[-/.]{_DAY}(?![\d])"),                # 2019-03-03
    re.compile(rf"(?<![\d./-]){_DAY}[-/.]{_DAY}[-/.](?:{_YEAR}|\d{{2}})(?![\d/]|[.-]\d)"),                  # 03/03/2019, 3.3.19
    re.compile(rf"\b{_MONTH}\.?[\s-]+{_DAY}{_ORD},?[\s-]+(?:of\s+)?(?:{_YEAR}|'\d{{2}})\b", re.I),        # March 3rd 2019
    re.compile(rf"\b{_DAY}{_ORD}[\s-]+(?:of\s+)?{_MONTH}\.?,?[\s-]+(?:{_YEAR}|'?\d{{2}})\b", re.I),       # 3 March 2019
    re.compile(rf"\b{_YEAR}\s+{_MONTH}\.?\s+{_DAY}\b", re.I),                                             # 2019 March 3
)
_BIRTH_WORDS = r"(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on)?|geb\.?|geboren|n[ée]e?\s+le)"
_BIRTH_VALUE = re.compile(
    rf"\b{_BIRTH_WORDS}\s*(?:is|was|:|-|=)?\s*(?:on\s+)?(?:the\s+)?(?:\d|{_MONTH}\b)", re.I)


def find_dates(text: str, found: list[Finding]) -> None:
    for match in _BIRTH_VALUE.finditer(text):
        found.append(Finding("date", *match.span(), "a date of birth"))
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            found.append(Finding("date", *match.span(),
                                 "a full date (in free text a day, month and year may be a date of birth; "
                                 "a month and year is enough)"))

