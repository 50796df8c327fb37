"""Full names typed in lower case, for the privacy screen: two given names ("jose luis"), a given name with a
surname's particles ("jean-baptiste de la fontaine"), a relative "of" a child ("mum of aarav"), a name before the
child's age in any of the languages writers use ("maya abdullahi age 4", "jhonatan rodriges, 8 años"), a full name
ending what brackets hold ("(tom harrington)"), two given names before a surname no vocabulary knows ("ana maria
constantinescu") and a given name no English word shares before one ("olga ivanova"). Apart from `privacy_lower_names`
(one lower-case name told by its slot) to keep each readable.
"""
from __future__ import annotations

import re

from trialfind.core.given_names import dictionary_given_names, in_any_given_name_list, is_english_word
from trialfind.core.privacy_lower_names import LOWER, is_lower_given_name
from trialfind.core.privacy_text import Finding
from trialfind.core.privacy_vocabulary import is_known_word, is_misspelt_common_word
from trialfind.core.privacy_word_lists import is_function_word, is_word_of
from trialfind.core.privacy_words import NOT_NAMES, ROLE_WORDS

# A full name typed in lower case: two given names ("jose luis", "thi minh anh"), or a given name, a surname's
# particles and the surname ("jean-baptiste de la fontaine"). Only name-list words no English word shares: two of
# them side by side are a person, whatever the slot.
_LOWER_WORD = rf"[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?"
_LOWER_FULL_NAME = re.compile(
    rf"(?<![\w'’.@/#-])(?P<given>{_LOWER_WORD})\s+"
    rf"(?:(?P<particles>(?:(?:van|von|de|del|della|di|da|dos|das|du|des|der|den|ten|ter|le|la|bin|ibn|al|el)\s+){{1,2}})"
    rf"(?P<surname>{_LOWER_WORD})|(?P<second>{_LOWER_WORD}))(?![\w@/-])")


# A parent or relative "of" a child named in lower case: "mum of lucas b", "dad of aarav".
_RELATIVE_OF = re.compile(
    rf"\b(?i:mum|mom|mommy|mummy|mama|dad|daddy|papa|mother|father|parent|parents|grandma|grandpa|grandmother|"
    rf"grandfather|aunt|auntie|uncle|sister|brother)\s+of\s+(?P<given>{_LOWER_WORD})(?![\w@/-])")


# "years" after a child's age in the languages writers use: Wiktionary's translations of "year"
# (https://en.wiktionary.org/wiki/year#Translations): es años, pt anos, fr ans, it anni, de Jahre, nl jaar, pl lat,
# sv/no/da år, tr yaş(ında), vi tuổi, id tahun.
_YEARS_OLD_IN = {"años": "es", "anos": "pt", "ans": "fr", "anni": "it", "jahre": "de", "jahren": "de", "jaar": "nl",
                 "lat": "pl", "år": "sv", "yaş": "tr", "yaşında": "tr", "tuổi": "vi", "tahun": "id"}
_YEARS_OLD = "|".join(_YEARS_OLD_IN)
# A name typed in lower case with the child's age after it: "maya abdullahi age 4", "liam o'brien, 6yo".
_LOWER_NAME_AGE = re.compile(
    rf"(?<![\w'’.@/#-])(?P<given>{_LOWER_WORD})(?:\s+(?P<surname>[{LOWER}'’]{{2,}}(?:-[{LOWER}]{{2,}})?))?"
    rf"\s*,?\s+(?:age[sd]?\s+\d{{1,2}}|\d{{1,2}}\s*(?:yo|y/o|yrs?|years?\s+old|{_YEARS_OLD})\b|"
    # "my boy kai akana is 8 and on avapritinib": "is" and a bare age, ending its clause
    rf"(?:is|turned|turns)\s+\d{{1,2}}(?=\s*(?:$|[,.;!]|\s+(?:and|now|today|yesterday|last|this|years?|yo)\b)))")


def _only_a_given_name(word: str, known: frozenset[str]) -> bool:
    """Each part a given name of the name dictionary, none an English word, a role or a record's own word."""
    parts = word.split("-")
    return all(p in dictionary_given_names() and not is_english_word(p) and p not in NOT_NAMES and p not in ROLE_WORDS
               and p not in known for p in parts)


def find_lower_case_full_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """Full names typed in lower case (see _LOWER_FULL_NAME); run on text whose other-language words are masked, so
    "onay verdi" in a Turkish sentence is not read as two names."""
    if not any(c.islower() for c in text):
        return
    for match in _RELATIVE_OF.finditer(text) if " of " in text.lower() else ():
        if _only_a_given_name(match.group("given"), known):
            found.append(Finding("name", *match.span("given"), "a person's name (a child named after 'mum of')"))
    position = 0
    while match := _LOWER_FULL_NAME.search(text, position):
        given = match.group("given")
        # A hyphenated given name needs one part no English word ("jean-baptiste"), every part on a list.
        given_ok = _only_a_given_name(given, known) or ("-" in given and is_lower_given_name(given)
                                                       and any(_only_a_given_name(p, known) for p in given.split("-")))
        if match.group("surname"):
            surname = match.group("surname")
            ok = given_ok and not is_english_word(surname) and surname not in known and surname not in NOT_NAMES
        else:
            ok = given_ok and _only_a_given_name(match.group("second"), known)
        if ok:
            found.append(Finding("name", *match.span(), "a person's name (a full name typed in lower case)"))
            position = match.end()
        else:
            position = match.start("given") + len(given) + 1
    for match in _GIVEN_THEN_UNKNOWN_SURNAME.finditer(text):
        given, surname = match.group("given"), match.group("surname")
        # Neither a word of the languages writers use most ("mai risposto": never answered).
        if (_only_a_given_name(given, known) and len(surname) >= 5 and _unknown_name_word(surname, known)
                and not any(is_function_word(given, language) or is_word_of(surname, language)
                            for language in _WRITERS_LANGUAGES)):
            found.append(Finding("name", *match.span(), "a person's name (a given name and a surname, in lower "
                                                        "case)"))
    for match in _BRACKETED_FULL_NAME.finditer(text):
        given, surname = match.group("given"), match.group("surname")
        # The surname a word no vocabulary knows, or a name no English word shares ("delaney", "kelly").
        if (is_lower_given_name(given) and given not in known and given not in NOT_NAMES and given not in ROLE_WORDS
                and (_unknown_name_word(surname, known) or (in_any_given_name_list(surname) and surname not in known
                                                            and not is_english_word(surname)))):
            found.append(Finding("name", match.start("given"), match.end("surname"),
                                 "a person's name (a full name in brackets, in lower case)"))
    for match in _TWO_GIVEN_NAMES_AND_SURNAME.finditer(text):
        first, second, surname = match.group("first"), match.group("second"), match.group("surname")
        if (all(is_lower_given_name(w) and w not in known and w not in NOT_NAMES and w not in ROLE_WORDS
                and not is_function_word(w, "en") for w in (first, second))
                and len(surname) >= 5 and _unknown_name_word(surname, known)):
            found.append(Finding("name", *match.span(), "a person's name (a full name typed in lower case)"))


def find_lower_case_names_before_an_age(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """A name typed in lower case with the child's age after it (see _LOWER_NAME_AGE). Runs before another
    language's ordinary words are masked: "ans" and "años" are such words, and so are surnames as frequent as
    "moreau" ("kevin moreau, 9 ans")."""
    if not any(c.isdigit() for c in text):
        return
    position = 0
    # Overlapping tries: "lil man jaxon turned 6" fails at "man jaxon", then succeeds at "jaxon".
    while match := _LOWER_NAME_AGE.search(text, position):
        position = match.start("given") + len(match.group("given")) + 1
        given, surname = match.group("given"), match.group("surname") or ""
        # "min age 18", "median age 7": a statistic's word, not a name.
        listed = (in_any_given_name_list(given) and given not in known and given not in NOT_NAMES
                  and given not in _STATISTICS_WORDS
                  and not _word_of_the_ages_language(given, match.group(), frequent_only=True))
        # Two words no vocabulary knows before an age are a name the lists do not hold ("jhonatan rodriges, 8").
        unknown_pair = (bool(surname) and _unknown_name_word(given, known) and _unknown_name_word(surname, known)
                        and not _word_of_the_ages_language(given, match.group()))
        if (listed and given not in ROLE_WORDS) or unknown_pair:
            end = match.end("surname") if surname and not is_known_word(surname, known) else match.end("given")
            found.append(Finding("name", match.start("given"), end, "a person's name (a name and an age)"))


# A given name no English word shares, then a surname no vocabulary knows: "olga ivanova msl at the company".
_GIVEN_THEN_UNKNOWN_SURNAME = re.compile(
    rf"(?<![\w'’.@/#-])(?P<given>{_LOWER_WORD})\s+(?P<surname>{_LOWER_WORD})(?![\w@/-])")
# A full name ending what brackets hold: "the guy at pfizer (tom harrington)", "(mark something... mark delaney)".
_BRACKETED_FULL_NAME = re.compile(
    rf"\((?:[^()]{{0,40}}?[\s.,;:])?\s*(?P<given>{_LOWER_WORD})\s+(?P<surname>{_LOWER_WORD})\s*\)")
# Two given names, a word of them English too ("ana", "maria"), then a surname no vocabulary knows: "ana maria
# constantinescu". Each alone is a word; the three together are a person.
_TWO_GIVEN_NAMES_AND_SURNAME = re.compile(
    rf"(?<![\w'’.@/#-])(?P<first>{_LOWER_WORD})\s+(?P<second>{_LOWER_WORD})\s+(?P<surname>{_LOWER_WORD})(?![\w@/-])")


_WRITERS_LANGUAGES = ("es", "fr", "it", "pt", "de", "nl", "pl", "tr", "id")
_STATISTICS_WORDS = frozenset("min max mean median minimum maximum avg average range".split())


def _word_of_the_ages_language(word: str, phrase: str, *, frequent_only: bool = False) -> bool:
    """`word` is a common word of the language the age is written in ("dzieci poniżej 12 lat": children under 12);
    with `frequent_only`, one of its most frequent words, which no given name is ("tiene 5 años": has 5 years)."""
    unit = re.search(rf"(?:{_YEARS_OLD})$", phrase.lower())
    if not unit:
        return False
    language = _YEARS_OLD_IN[unit.group()]
    return is_function_word(word, language) if frequent_only else is_word_of(word, language)


def _unknown_name_word(word: str, known: frozenset[str]) -> bool:
    """`word` is spelt like a surname no vocabulary knows: four letters or more, no word of English or another
    language's common words, no typo of a common word, no role."""
    return (len(word) >= 4 and not is_known_word(word, known) and not is_misspelt_common_word(word)
            and word not in NOT_NAMES and word not in ROLE_WORDS
            and not any(is_function_word(word, language) for language in ("en", "es", "fr", "it", "pt", "de", "nl")))
