"""An eponym's surname after a personal title is a person ("Dr. Wilms will review the scans", "Mr. Hodgkin
from the medical information line"), while the eponym alone ("Wilms tumour") is the disease. Runs before
eponyms are masked as harmless."""
from __future__ import annotations

import re

from trialfind.core.privacy_names import EPONYM_WORDS, TITLE_NAME
from trialfind.core.privacy_text import Finding, bare_word

# A disease word right after the eponym makes it the disease again ("Prof. Burkitt lymphoma" as a heading).
_DISEASE_AFTER = re.compile(r"\s*(?:['’]s\s*)?(?i:syndrome|disease|tumou?r|sarcoma|lymphoma|leuka?emia|cell|cells|"
                            r"histiocytosis|score|scale|criteria|chromosome)\b")


def find_titled_eponyms(text: str, found: list[Finding]) -> None:
    """Append an eponym's surname after a personal title ("Dr. Wilms will review", "Mr. Hodgkin from
    medical information"): a title names a person, while "Wilms tumour" alone is the disease.
    Runs before eponyms are masked as harmless."""
    for match in TITLE_NAME.finditer(text):
        if bare_word(match.group(1)).lower() in EPONYM_WORDS and not _DISEASE_AFTER.match(text, match.end()):
            found.append(Finding("name", *match.span(), "a person's name (a title such as 'Dr.' followed by a name)"))
