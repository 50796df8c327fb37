"""Names typed in lower case after a title or a post: "dr ngozi eze", "dr patel (heme onc)", "dr. nguyen said",
"nurse coordinator kelly-ann", "rep maria". Apart from `privacy_lower_names` (names in a sentence's slots) and
`privacy_names` (capitalised names after a title) to keep each readable.
"""
from __future__ import annotations

import re

from trialfind.core.given_names import dictionary_given_names, english_words, in_name_dictionary, is_english_word
from trialfind.core.privacy_lower_names import LOWER, is_lower_given_name
from trialfind.core.privacy_text import Finding, bare_word
from trialfind.core.privacy_vocabulary import (
    CANCER_DRUG_STEMS,
    INN_AND_TERM_ENDINGS,
    MEDICAL_ENDINGS,
    MEDICAL_PREFIXES,
    is_known_word,
    is_misspelt_common_word,
)
from trialfind.core.privacy_word_lists import is_function_word, is_newer_english_word
from trialfind.core.privacy_words import NAME_PARTICLES, NOT_NAMES, RELATION_WORDS, ROLE_WORDS

# "dr ngozi eze", "dr.okafor-bell": a title typed in lower case (its dot may touch the name) before a word that is no
# ordinary word, no particle ("dott. del reparto": of the ward) and no cancer drug ("dr. selumetinib worked wonders").
_LOWER_TITLE = re.compile(r"\b(?:dr|dra|doctor|doctora|doutor|doutora|docteur|dott|dottoressa|mr|mrs|ms|miss|prof|"
                          r"nurse|sister|sr|sra|srta|mme|mlle|herr|frau|enf|enfermera|enfermeira|infirmière)"
                          r"(?:\.\s*|\s+)"
                          r"([a-zß-öø-ÿ][a-zß-öø-ÿ'’\-]{2,})")
# A patient's initials, surname and age in clinical shorthand: "pt jd smith 6yo m".
_PATIENT_INITIALS_SURNAME = re.compile(
    rf"\b(?i:pt|patient)\.?\s+(?P<initials>[a-z]{{2,3}})\s+(?P<surname>[{LOWER}]{{3,}}(?:-[{LOWER}]{{2,}})?)\s+"
    r"\d{1,2}\s*(?:y|yo|y/o|yrs?)\b")
# A given name typed in lower case after the post its bearer holds: "nurse coordinator kelly-ann", "rep maria".
_POST_THEN_NAME = re.compile(
    rf"\b(?i:coordinator|rep|representative|liaison|navigator|pharmacist|msl|case\s+manager|social\s+worker)\s+"
    rf"(?P<word>[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?)(?![\w@/-])")
# A surname after a doctor's title typed in lower case: "dr patel (heme onc)", "dr. nguyen said". Webster's web2
# holds rare words that are surnames too ("patel", "sloan"); what else follows "dr" in a note is a verb or a clinic's
# noun, frequent words (Zipf 4 and over), or a short abbreviation ("appt", "recs").
_DOCTOR_SURNAME = re.compile(
    rf"(?<![\w'’-])(?i:dr|doc|doctor)(?:\.\s*|\s+)(?P<word>[{LOWER}]{{3,}}(?:-[{LOWER}]{{2,}})?)(?![\w@/-])")


# A name that is also a word ("grace", "kim", "hope"), typed in lower case after a title, in a subject's slot: a
# verb of telling or helping, or "at"/"from" its place, after it ("dr. grace at the embassy", "dr kim said no").
# What else follows "dr" there is a noun ("dr appt at 3", "dr visit said"), which no name list holds.
_TITLE_THEN_WORD_LIKE_NAME = re.compile(
    r"(?<![\w'’-])(?i:dr|doc|doctor|mr|mrs|ms|prof)(?:\.\s*|\s+)(?P<word>[a-z]{3,})\s+"
    r"(?=(?:said|says|told|tells|called|calls|emailed|wrote|replied|answered|agreed|refused|helped|signed|sent|"
    r"asked|explained|confirmed|thinks|thought|wanted|wants|never|didn'?t|did|was|is|has|had|at|from|who)\b)")


def _surname_after_doctor(word: str, known: frozenset[str]) -> bool:
    """`word`, after "dr", is a surname: no frequent English word, no term or abbreviation, and either a word no
    vocabulary knows (five letters or more) or one of Webster's rare words that running text uses as often as a
    common surname (Zipf 3 to 4: "patel" 3.5; "heme", "ortho" are under 3)."""
    from wordfreq import zipf_frequency  # lazy: only a word after "dr" needs it

    if (word in known or word in NOT_NAMES or word in ROLE_WORDS or word in RELATION_WORDS or word in MEDICAL_PREFIXES
            or zipf_frequency(word, "en") >= 4.0 or word.endswith(MEDICAL_ENDINGS + INN_AND_TERM_ENDINGS)
            or any(is_function_word(word, language) for language in ("es", "fr", "it", "pt", "de", "nl"))):
        return False
    if not is_known_word(word, known):
        return len(word) >= 5 and not is_misspelt_common_word(word) and not is_newer_english_word(word)
    # A given name the stem test takes for a word's inflection ("hamid": "hami" and a -d) is still a name.
    return ((word in english_words() and zipf_frequency(word, "en") >= 3.0)
            or (in_name_dictionary(word) and word not in english_words()))


def find_names_after_titles(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """A name after a title typed in lower case, a surname after a lower-case "dr", a given name after its bearer's
    post."""
    for match in _LOWER_TITLE.finditer(text):
        bare = bare_word(match.group(1))
        if ((bare in dictionary_given_names() or not is_english_word(bare))
                and bare not in NOT_NAMES and bare not in ROLE_WORDS and bare not in known
                and bare not in NAME_PARTICLES and not is_newer_english_word(bare)
                and not bare.endswith(CANCER_DRUG_STEMS)):
            found.append(Finding("name", *match.span(), "a person's name (a title such as 'dr' followed by a name)"))
    for match in _PATIENT_INITIALS_SURNAME.finditer(text):
        initials, surname = match.group("initials"), match.group("surname")
        if (not is_english_word(initials) and not is_function_word(initials, "en") and surname not in known
                and surname not in NOT_NAMES and surname not in ROLE_WORDS):
            found.append(Finding("name", match.start("initials"), match.end("surname"),
                                 "a person's name (a patient's initials and surname)"))
    for match in _POST_THEN_NAME.finditer(text):
        word = match.group("word")
        if (word not in known and word not in NOT_NAMES and word not in ROLE_WORDS and is_lower_given_name(word)
                and not is_english_word(word)):
            found.append(Finding("name", *match.span("word"), "a person's name (a given name after its post)"))
    for match in _TITLE_THEN_WORD_LIKE_NAME.finditer(text):
        word = match.group("word")
        if (in_name_dictionary(word) and word not in known and word not in NOT_NAMES and word not in ROLE_WORDS
                and word not in RELATION_WORDS and not is_function_word(word, "en")):
            found.append(Finding("name", *match.span("word"), "a person's name (a title typed in lower case before a "
                                                               "name that is also a word)"))
    for match in _DOCTOR_SURNAME.finditer(text):
        if _surname_after_doctor(match.group("word"), known):
            found.append(Finding("name", *match.span("word"), "a person's name (a surname after 'dr')"))
