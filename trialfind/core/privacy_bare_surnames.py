"""Surnames told only by their shape, for the privacy screen: a list's "KOVAC, ANA" inside a longer note (after a
wristband number), a lower-case surname with its one initial ("hartley e, 2nd relapse"), and a lower-case surname
opening a note as the one who did something ("lindqvist signed the IND form").

A surname here must be no word any vocabulary knows (English, drug stems, medical terms, companies, places), hold a
vowel and have four letters or more, so that lab acronyms ("CBC, ANA") and clinical words stay clean.
"""
from __future__ import annotations

import re

from trialfind.core.privacy_text import Finding
from trialfind.core.privacy_value_names import is_listed_or_dictionary_given_name
from trialfind.core.privacy_vocabulary import is_known_word, is_misspelt_common_word
from trialfind.core.privacy_words import NOT_NAMES, ROLE_WORDS

_CAPITALS_LISTED = re.compile(r"(?<![\w'’-])(?P<surname>[A-Z]{4,}(?:-[A-Z]{2,})?),\s*(?P<given>[A-Z]{2,})"
                              r"(?:\s+[A-Z]\.?)?(?![\w'’-])")
_LOWER_WITH_INITIAL = re.compile(r"(?:^|(?<=[;:/|]\s)|(?<=[;:/|]))\s*(?P<surname>[a-z]{4,}(?:-[a-z]{2,})?)\s+[a-z]\.?"
                                 r"(?=\s*(?:,|;|$))")
# What only a person does, as the subject opening a note. The verbs of consent and contact in ICH E6(R2) 4.8
# (https://database.ich.org/sites/default/files/E6_R2_Addendum.pdf: "signed", "dated", "consented") and of a
# request's correspondence (called, emailed, faxed, replied, confirmed, agreed, refused, declined).
_PERSON_VERBS = (r"signed|countersigned|dated|consented|assented|called|phoned|rang|emailed|faxed|texted|replied|"
                 r"wrote|confirmed|agreed|refused|declined|promised|asked|told|says|said")
_LOWER_SUBJECT = re.compile(rf"(?:^|(?<=[.!?;]\s))(?P<surname>[a-z]{{4,}}(?:-[a-z]{{2,}})?)\s+(?:{_PERSON_VERBS})\b")
_VOWEL = re.compile(r"[aeiouy]")


def _unknown_surname(word: str, known: frozenset[str]) -> bool:
    bare = word.lower()
    return (bare not in known and bare not in NOT_NAMES and bare not in ROLE_WORDS and bool(_VOWEL.search(bare))
            and not is_known_word(bare, known) and not is_listed_or_dictionary_given_name(bare)
            and not is_misspelt_common_word(bare))                      # "compny said no": a typo


def find_bare_surnames(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """Append surnames told by a list's capitals and a given name, a lone initial, or a person's verb."""
    for match in _CAPITALS_LISTED.finditer(text):
        if (_unknown_surname(match.group("surname"), known)
                and is_listed_or_dictionary_given_name(match.group("given").lower())):
            found.append(Finding("name", *match.span(), "a person's name (a surname and given name in capitals)"))
    for pattern, reason in ((_LOWER_WITH_INITIAL, "a surname with an initial, in lower case"),
                            (_LOWER_SUBJECT, "a surname in lower case, doing what only a person does")):
        for match in pattern.finditer(text):
            if _unknown_surname(match.group("surname"), known):
                found.append(Finding("name", *match.span("surname"), f"a person's name ({reason})"))
