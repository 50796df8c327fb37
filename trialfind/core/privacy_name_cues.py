"""Names told by cues the other name rules do not read, for the privacy screen: titles in the plural
("Drs. Haddad and Kaminski-Ortiz"), family titles of other languages typed before a name ("lola Pacita",
"tita Cory", "abuela Rosa", "oma Inge"), and a word no vocabulary knows owning a child's thing where a
sentence starts ("Abdirahman's haemoglobin dropped"); a Korean or Chinese given name romanised with a hyphen
("Sung-min", "Mei-ling"), a value that is a name and an age ("Kai, 4"), a name granted or denied access ("Grace was
granted access"), a name taken to the child's care ("drove Charlotte to the infusion"). Apart from `privacy_names`
to keep each module readable (and under the architecture test's size
bar)."""
from __future__ import annotations

import re
import unicodedata

from trialfind.core.given_names import (
    dictionary_given_names,
    in_any_given_name_list,
    in_name_dictionary,
    is_english_word,
    is_romanised_given_name,
    word_like_given_names,
)
from trialfind.core.privacy_names import COMPANY_WORDS, EPONYM_WORDS, OWNED_BY_A_CHILD, PLACE_WORDS, SENTENCE_START
from trialfind.core.privacy_text import NAME_WORD, UPPER, Finding, bare_word, is_capitalised
from trialfind.core.privacy_vocabulary import is_known_word
from trialfind.core.privacy_words import KIN_TITLES, NOT_NAMES, ROLE_WORDS

# "Drs. Haddad and Kaminski-Ortiz", "Profs. Weber & Lang": a plural title before each of its names.
_PLURAL_TITLE = re.compile(
    rf"\b(?:Drs|Dres|Dras|Doctors|Profs|Professors|Messrs|Mmes|Mesdames|Sres|Sras)\b\.?\s+(?:[{UPPER}]\.\s*)*"
    rf"({NAME_WORD})(?:\s*(?:,|and|&|y|et|und|e)\s*(?:[{UPPER}]\.\s*)*{NAME_WORD})*")
_KIN_TITLE = re.compile(rf"\b(?P<title>(?i:{'|'.join(sorted(KIN_TITLES, key=len, reverse=True))}))\s+"
                        rf"(?P<name>{NAME_WORD})")
# Where only a title stands: the start, after punctuation, or after a possessive ("my ate Joy").
_TITLE_PLACE = re.compile(r"(?:^|[.!?;:,(]|\b(?i:my|our|his|her|their))\s*$")
# What a child has that a sentence opens with beside its owner's name, besides the list the name rules use.
_OWNED_CLINICAL = (rf"(?:{OWNED_BY_A_CHILD}|ha?emoglobin|hb|anc|neutrophils?|temperature|temp|liver|kidneys?|"
                   rf"bloodwork|results?|biopsy|surgery|transplant|scan|echo|sats|creatinine|bilirubin|lft|mri)")
_OPENING_POSSESSIVE = re.compile(rf"({NAME_WORD})['’]s\s+(?i:{_OWNED_CLINICAL})\b")
# The same typed in lower case, anywhere ("after mateo's second MRI"), or a parent of a child named so without the
# apostrophe ("joaquins mom here"): a given name no English word shares only.
_LOWER_POSSESSIVE = re.compile(
    rf"(?<![\w'’-])([a-zß-öø-ÿ]{{3,}})['’]s\s+(?:(?:first|second|third|fourth|fifth|last|latest|next|recent|new|"
    rf"\d{{1,2}}(?:st|nd|rd|th))\s+)?(?i:{_OWNED_CLINICAL})\b|"
    r"(?<![\w'’-])([a-zß-öø-ÿ]{3,})s\s+(?:mom|mum|dad|mama|papa|mother|father|grandma|grandpa|nana)\b")


# A family by its surname in the plural, where it lives: "the Nakamura's from Osaka", "the Okonkwos in Leeds".
_FAMILY_PLURAL = re.compile(rf"\b(?i:the)\s+({NAME_WORD}?)['’]?s\s+(?i:from|in|of|at|near)\s+[{UPPER}]")
# A person taken to the child's care: "we drove Charlotte to the infusion every week". A drug is brought there too
# ("brought Koselugo to the clinic"), so only a word the name dictionary holds.
_TAKEN_TO_CARE = re.compile(
    rf"\b(?i:drove|drive|driving|took|take|taking|brought|bring|bringing|flew|fly|rushed|walked)\s+({NAME_WORD})\s+"
    r"(?i:to|for)\s+(?:(?i:the|her|his|their|every|each|all|another)\s+)?(?i:infusions?|clinic|hospital|"
    r"appointments?|scans?|mri|chemo|treatment|check-?ups?|er|a&e|ward|trial\s+site|doses?|transfusions?)\b")
# "ask for Wojtek", "per Sione F.", "the MSL, Rajagopalan, was helpful", "JM Delacroix-Fontaine (PI)": a name
# where only a person can stand.
_ASK_FOR = re.compile(rf"\b(?i:ask(?:ed|ing)?\s+for|speak\s+(?:to|with)|talk\s+to|contact|email|call|ring)\s+({NAME_WORD})"
                      rf"(?=\s*(?:,|;|\.|$|\s+(?:he|she|they|who|at|in|on|from)\b))")
_PER_NAME = re.compile(rf"\b(?i:per|via|from|by|according\s+to)\s+({NAME_WORD})\s+[{UPPER}]\.(?=\s|,|$)")
_ROLE_APPOSITIVE = re.compile(rf"\b(?i:the|our|their|your|my)\s+([A-Za-z]{{2,}})\s*,\s*({NAME_WORD})\s*,")
_INITIALS_SURNAME = re.compile(
    rf"(?<![\w.])(?:[{UPPER}]{{1,3}}|(?:[{UPPER}]\.\s?){{1,3}})\s+({NAME_WORD})\s*\(\s*(?:PI|co-?PI|sub-?I|SI|MSL|CRC|CRA|"
    rf"(?i:site\s+lead|study\s+nurse|coordinator|investigator|sponsor\s+contact))\s*\)")


# A Korean or Chinese given name romanised with a hyphen, its second syllable in lower case: "Sung-min" (see
# given_names.is_romanised_given_name).
_ROMANISED_GIVEN = re.compile(rf"(?<![\w-])([{UPPER}][a-z]{{1,4}})-([a-z]{{2,5}})(?![\w-])")


# A value that is a name and an age: "Kai, 4", "Noor, 11 yo".
_NAME_THEN_AGE = re.compile(rf"^\s*({NAME_WORD}),\s*(?:aged?\s+)?\d{{1,2}}\s*(?:years?\s*old|yo|y)?\s*$")
# A name with the age in brackets: "Grace (6) started the drug", "Noor (11yo)".
_NAME_BRACKETED_AGE = re.compile(rf"\b({NAME_WORD})\s*\(\s*\d{{1,2}}\s*(?:y|yo|y/o|yrs?|years?(?:\s+old)?)?\s*\)")
# Only a person is granted or denied access to a drug ("Grace was granted access", "Hope was denied the drug"); a drug
# is granted approval or a designation ("Koselugo was granted orphan designation").
_GRANTED_ACCESS = re.compile(
    rf"\b({NAME_WORD})\s+(?i:was|is|has\s+been|got|had\s+been)\s+(?i:granted|denied|refused|given|offered)\s+"
    rf"(?i:access|compassionate|expanded|entry|a\s+place|a\s+spot|the\s+drug|the\s+medicine|treatment|enrol)")


def _not_a_name(word: str, known: frozenset[str], *, places_too: bool = True) -> bool:
    bare = bare_word(word)
    return (not bare or bare in known or bare in NOT_NAMES or bare in ROLE_WORDS or (word.isupper() and len(word) > 1)
            or (places_too and (bare in PLACE_WORDS or bare in COMPANY_WORDS)))


def find_cued_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """Append names told by a plural title, a family title of another language, or an unknown word owning
    a child's thing at a sentence's start."""
    for match in _ROMANISED_GIVEN.finditer(text) if "-" in text else ():
        if is_romanised_given_name(match.group(0)) and bare_word(match.group(0)) not in known:
            found.append(Finding("name", *match.span(), "a person's name (a Korean or Chinese given name written "
                                                        "with a hyphen)"))
    for match in _FAMILY_PLURAL.finditer(text):
        word = match.group(1)
        whole = text[match.start(1):match.end(1) + 1]            # "Diagnosis": a word whose last letter is "s"
        if (len(word) >= 4 and not word.isupper() and word.lower() not in known and not is_known_word(word, known)
                and not is_known_word(whole, known)):
            found.append(Finding("name", *match.span(1), "a person's name (a family by its surname)"))
    for match in _LOWER_POSSESSIVE.finditer(text):
        group = 1 if match.group(1) else 2
        # The lists hold names without accents: "lucía" is looked up as "lucia".
        word = unicodedata.normalize("NFKD", match.group(group)).encode("ascii", "ignore").decode()
        if (word not in known and word not in NOT_NAMES and word in dictionary_given_names()
                and not is_english_word(word)):
            found.append(Finding("name", *match.span(group), "a person's name (owning a child's things, in lower "
                                                             "case)"))
    for match in _TAKEN_TO_CARE.finditer(text):
        word, bare = match.group(1), bare_word(match.group(1))
        if not word.isupper() and bare not in known and bare not in NOT_NAMES and in_name_dictionary(bare):
            found.append(Finding("name", *match.span(1), "a person's name (taken to the child's care)"))
    for match in _NAME_BRACKETED_AGE.finditer(text) if "(" in text else ():
        word, bare = match.group(1), bare_word(match.group(1))
        if (is_capitalised(word) and not word.isupper() and bare not in known and bare not in NOT_NAMES
                and bare not in ROLE_WORDS and (in_any_given_name_list(bare) or not is_known_word(bare, known))):
            found.append(Finding("name", *match.span(), "a person's name (a name and an age)"))
    for match in _NAME_THEN_AGE.finditer(text) if "," in text else ():
        word, bare = match.group(1), bare_word(match.group(1))
        if (is_capitalised(word) and not word.isupper() and bare not in known and bare not in NOT_NAMES
                and bare not in ROLE_WORDS and (in_any_given_name_list(bare) or not is_english_word(bare))):
            found.append(Finding("name", *match.span(), "a person's name (a name and an age)"))
    for match in _GRANTED_ACCESS.finditer(text):
        word, bare = match.group(1), bare_word(match.group(1))
        if (is_capitalised(word) and not word.isupper() and bare not in known and bare not in NOT_NAMES
                and bare not in ROLE_WORDS and (bare in word_like_given_names() or not is_english_word(bare))):
            found.append(Finding("name", *match.span(1), "a person's name (granted or denied access)"))
    for match in _PLURAL_TITLE.finditer(text):
        if not _not_a_name(match.group(1), known):
            found.append(Finding("name", *match.span(), "a person's name (after a title such as 'Drs.')"))
    for match in _KIN_TITLE.finditer(text):
        name, title = match.group("name"), match.group("title").lower()
        # After a family title a town's or firm's name is a person's ("abuela Rosario").
        if _not_a_name(name, known, places_too=False):
            continue
        # A title that is an English word too ("ate", "nana", "mama") counts where only a title stands: at
        # the start, after punctuation or after "my", "our" ("she ate Weetabix", "and ate Cheerios": no aunt).
        if is_english_word(title) and not _TITLE_PLACE.search(text, max(0, match.start() - 12), match.start()):
            continue
        # The title is the cue: a capitalised word after it is the relative's name, even one spelt like a
        # word or a town ("kuya Migs", "abuela Rosario").
        found.append(Finding("name", match.start("title"), match.end(),
                             "a person's name (after a family title such as 'lola' or 'abuela')"))
    for pattern in (_ASK_FOR, _PER_NAME, _INITIALS_SURNAME):
        for match in pattern.finditer(text):
            # After "per" an initial follows the name ("per Sione F."): the initial is the cue, not the word.
            if not _not_a_name(match.group(1), known) and (
                    (pattern is _PER_NAME and not is_english_word(bare_word(match.group(1))))
                    or not is_known_word(match.group(1), known)):
                found.append(Finding("name", *match.span(), "a person's name (where only a person can stand)"))
    for match in _ROLE_APPOSITIVE.finditer(text):
        if (bare_word(match.group(1)) in ROLE_WORDS and not _not_a_name(match.group(2), known)
                and not is_known_word(match.group(2), known)):
            found.append(Finding("name", *match.span(2), "a person's name (after the role it names)"))
    for match in _OPENING_POSSESSIVE.finditer(text):
        word = match.group(1)
        if (SENTENCE_START.search(text, 0, match.start()) and not _not_a_name(word, known)
                and len(bare_word(word)) >= 3 and not is_known_word(word, known)):
            found.append(Finding("name", *match.span(1), "a person's name (a word no dictionary knows, owning "
                                                           "a child's results or care)"))


# A family named by its surname: "the Johansson twins", "Ewing family fundraiser". Kin words in the plural as
# in https://en.wikipedia.org/wiki/Sibling and https://en.wikipedia.org/wiki/Multiple_birth; what a family
# raises money with as in https://en.wikipedia.org/wiki/Fundraising and https://en.wikipedia.org/wiki/Benefit_concert.
_FAMILY_GROUP = r"(?i:family|families|twins|triplets|quadruplets|siblings|sisters|brothers|kids|children|boys|girls)"
_FAMILY_EVENT = (r"(?i:fundraiser|fundraising|fund-?raiser|appeal|campaign|gofundme|benefit|gala|raffle|bake\s+sale|"
                 r"walk|run|vigil|blog|page|update)")
# A gene or protein family is no household (https://en.wikipedia.org/wiki/Protein_family): "the Src family kinases".
_MOLECULES = r"(?i:of|history|kinases?|proteins?|members?|genes?|receptors?|inhibitors?|domains?|enzymes?|transporters?)"
_THE_FAMILY = re.compile(rf"\b(?i:the)\s+({NAME_WORD})\s+{_FAMILY_GROUP}\b(?!\s+{_MOLECULES}\b)")
_FAMILY_EVENT_NAME = re.compile(rf"\b({NAME_WORD})\s+(?i:family)\s+{_FAMILY_EVENT}\b")
# A family named by its surname in the plural, as English does it ("the Hendersons", "the Hendersons' little boy",
# "the Joneses"): https://en.wikipedia.org/wiki/English_plurals#Proper_nouns. The singular must be a surname's shape
# that no English word, place or company shares ("the Americans", "the Andes", "the Netherlands" are not families).
# Peoples named in the plural are no family: the race and ethnicity categories of the US Office of Management and
# Budget standards (https://www.census.gov/topics/population/race/about.html) and the words records use beside them.
_PEOPLES = frozenset("asian hispanic latino latina latinx caucasian african islander hawaiian alaskan indian "
                     "native white black arab jew "
                     # and the regions a company's staff cover (https://en.wikipedia.org/wiki/Nordic_countries,
                     # https://en.wikipedia.org/wiki/Baltic_states, https://en.wikipedia.org/wiki/Balkans)
                     "nordic scandinavian baltic balkan".split())
# A capitalised word after it makes it a product's or body's name ("the Keos Lumbar Interbody Fusion Device").
_PLURAL_FAMILY = re.compile(rf"\b(?i:the)\s+(?P<plural>[{UPPER}][a-z]{{2,}}(?:es|s))(?:['’]s?)?(?![\w-])"
                            rf"(?!\s+[{UPPER}])")


def find_family_surnames(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """Append a surname that names a family or its children. Runs before eponyms are masked: a family can be
    called Ewing, while "the Ewing family of tumours" stays the disease group."""
    for match in _PLURAL_FAMILY.finditer(text):
        plural = match.group("plural")
        singulars = {plural[:-1], plural[:-2]} if plural.endswith("es") else {plural[:-1]}
        if any(len(s) >= 3 and not is_english_word(s.lower()) and not is_english_word(plural.lower())
               and s.lower() not in _PEOPLES and not {s.lower(), plural.lower()} & EPONYM_WORDS
               and not _not_a_name(s, known) and not _not_a_name(plural, known) for s in singulars):
            found.append(Finding("name", *match.span("plural"), "a person's name (a family named by its surname)"))
    for pattern in (_THE_FAMILY, _FAMILY_EVENT_NAME):
        for match in pattern.finditer(text):
            word = match.group(1)
            bare = bare_word(word)
            if _not_a_name(word, known) or len(bare) < 3 or (is_english_word(bare) and bare.lower() not in EPONYM_WORDS):
                continue
            found.append(Finding("name", *match.span(), "a person's name (a surname naming a family or its children)"))
