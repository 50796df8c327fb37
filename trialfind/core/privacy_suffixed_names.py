"""Names that Turkish spelling marks as proper nouns, for the privacy screen: a case ending after an apostrophe.

Turkish writes a proper noun's case or possessive ending after an apostrophe ("Ayşe'nin", "Yılmaz'ın",
"Ankara'da") and a common noun's without one (Türk Dil Kurumu, "Kesme işareti",
https://www.tdk.gov.tr/icerik/yazim-kurallari/kesme-isareti/). So a capitalised word with such an ending is a
name of something; it is a person's when:
- it is the second of two name-shaped words no vocabulary knows, a given name and a surname ("Ayşe Yılmaz'ın"), and
  neither is a place's, company's or institution's word; or
- its genitive owns a family word with its possessive ending ("Yılmaz'ın annesiyim", "Kaya'nın oğlu").
`privacy_names` reads the one-word case (a listed given name with an ending: "Mehmet'in"). This runs before other
languages' ordinary words are masked: Turkish given names ("Ayşe", "Elif") are common Turkish words too.
"""
from __future__ import annotations

import re

from trialfind.core.privacy_names import COMPANY_WORDS, PLACE_WORDS
from trialfind.core.privacy_text import LETTERS, UPPER, Finding, bare_word
from trialfind.core.privacy_vocabulary import INSTITUTION_WORDS, is_known_word, is_place_phrase
from trialfind.core.privacy_word_lists import is_given_name

# The case and possessive endings Turkish puts after the apostrophe (TDK, as above; vowel harmony gives each its
# variants): genitive -(n)In, accusative -(y)I, dative -(y)A, locative -DA, ablative -DAn, -ki, plural -lAr,
# instrumental -(y)lA.
_ENDING = (r"(?:n?[ıiuü]n|y?[ıiuü]|y?[ae]|[dt][ae]n?|[dt][ae]ki|n?[ıiuü]nd?[ae]|y?l[ae]|l[ae]r|l[ae]r[ıi]n?|"
           r"n?[ıiuü]n[ıiuü]n|n?[ıiuü]nki)")
_NAME = rf"[{UPPER}][{LETTERS}]+"
# "Ayşe Yılmaz'ın": a capitalised word, then one with an ending after the apostrophe.
_FULL_NAME_WITH_ENDING = re.compile(rf"(?<![\w'’-])(?P<given>{_NAME})\s+(?P<surname>{_NAME})['’]{_ENDING}(?![\w'’])")
# Family words, with the possessive ending that says whose ("annesi", "babası", "oğlu", "kızı"), and a personal
# ending after it ("annesiyim": I am her mother). Turkish kin terms from Wiktionary's Turkish entries
# (https://en.wiktionary.org/wiki/anne#Turkish, .../baba#Turkish, .../oğul#Turkish, .../kız#Turkish,
# .../kardeş#Turkish, .../dede#Turkish, .../babaanne#Turkish, .../anneanne#Turkish, .../teyze#Turkish,
# .../hala#Turkish, .../amca#Turkish, .../dayı#Turkish, .../torun#Turkish, .../yeğen#Turkish, .../veli#Turkish).
_KIN_OWNED = (r"(?:anne|baba|babaanne|anneanne|oğl|kız|kardeş|abla|ağabey|abi|dede|nine|teyze|hala|amca|dayı|torun|"
              rf"yeğen|veli|eş)(?:s?[ıiuü])[{LETTERS}]*")
_GENITIVE_OWNS_KIN = re.compile(
    rf"(?<![\w'’-])(?P<owner>{_NAME})['’]n?[ıiuü]n\s+(?i:{_KIN_OWNED})(?![\w'’-])")
# The head of a Turkish compound name carries the compound's ending -(s)I ("Üniversitesi", "Hastanesi", "Derneği",
# "Bakanlığı"): an institution's name, not a surname (TDK, "İsim tamlaması").
_COMPOUND_HEAD = re.compile(r"(?:s[ıiuü]|ğ[ıiuü])$")


def _place_or_organisation(word: str) -> bool:
    bare = bare_word(word)
    return (bare in PLACE_WORDS or bare in COMPANY_WORDS or bare in INSTITUTION_WORDS or is_place_phrase(bare)
            or bool(_COMPOUND_HEAD.search(bare)))


def find_suffixed_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """Append a given name and surname with a Turkish case ending, and a name owning a family word."""
    if "'" not in text and "’" not in text:
        return
    for match in _FULL_NAME_WITH_ENDING.finditer(text):
        given, surname = match.group("given"), match.group("surname")
        if any(bare_word(w) in known or _place_or_organisation(w) for w in (given, surname)):
            continue
        if is_place_phrase(f"{given} {surname}") or is_known_word(surname, known):
            continue
        if is_given_name(given) or not is_known_word(given, known):
            found.append(Finding("name", match.start("given"), match.end(), "a person's name (a given name and a "
                                                                            "surname with a case ending)"))
    for match in _GENITIVE_OWNS_KIN.finditer(text):
        owner = match.group("owner")
        if bare_word(owner) not in known and not _place_or_organisation(owner) and not owner.isupper():
            found.append(Finding("name", *match.span(), "a person's name (owning a family word)"))
