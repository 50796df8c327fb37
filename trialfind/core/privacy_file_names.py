"""Names inside file names and paths, for the privacy screen: "IMG_kaylee_brandt_mri.jpg",
"scan-oisin-mcgrath.pdf", "MRI_report_SophiaRamirez_2024.pdf", "C:\\Users\\priya\\Desktop\\report.docx". A file is often named after the child it is
about, in lower case and joined by "_", "-" or ".", where no rule for running text can read it: the name is
split into its parts and each part read against the given-names lists.

A file named by its contents only ("MRI_report_2024-03.pdf", "consent-form-v2.docx") names nobody.
"""
from __future__ import annotations

import re

from trialfind.core.given_names import in_any_given_name_list, is_english_word
from trialfind.core.privacy_text import Finding
from trialfind.core.privacy_vocabulary import is_known_word
from trialfind.core.privacy_words import NOT_NAMES, ROLE_WORDS

_EXTENSIONS = (r"jpe?g|png|gif|heic|heif|tiff?|bmp|webp|pdf|docx?|xlsx?|csv|pptx?|txt|rtf|odt|zip|dcm|dicom|"
               r"mp4|mov|avi|m4a|mp3|wav|eml|msg|pages|numbers")
# A file name with an extension, or a path with two separators or more.
_FILE = re.compile(rf"(?<![\w@/\\.-])[\w.\-]*[A-Za-z][\w.\-]*\.(?i:{_EXTENSIONS})(?![\w])|"
                   r"(?<![\w:/])(?:[A-Za-z]:)?(?:[\\/][\w.\-]+){2,}[\\/]?")
_PART = re.compile(r"[^\W\d_]+")
# Words run together in CamelCase ("MRI_report_SophiaRamirez_2024.pdf"): each capital starts a part, and a run of
# capitals ("MRI", "CT") is one part of its own, and so is a Gaelic surname ("McDonald").
_CAMEL_PART = re.compile(r"Ma?c[A-Z][a-z]+|[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[^\W\d_]+")


def _is_given(part: str) -> bool:
    return in_any_given_name_list(part)


def find_file_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """Append each file name or path with a person's name among its parts."""
    if not ("." in text or "/" in text or "\\" in text):
        return
    for match in _FILE.finditer(text):
        if "://" in text[max(0, match.start() - 8):match.start() + 3]:
            continue                                      # a web address's path: the link rules judge it
        parts = [p.lower() for word in _PART.findall(match.group(0)) for p in _CAMEL_PART.findall(word)]
        for index, part in enumerate(parts):
            if len(part) < 3 or part in known or part in NOT_NAMES or part in ROLE_WORDS or not _is_given(part):
                continue
            following = parts[index + 1] if index + 1 < len(parts) else ""
            # A given name that is no word ("kaylee"), or one that is ("grace") with a surname no vocabulary
            # knows after it ("grace_okafor").
            surname_next = len(following) >= 3 and not is_known_word(following, known)
            if not is_english_word(part) or surname_next:
                found.append(Finding("name", *match.span(), "a person's name inside a file name or path"))
                break
