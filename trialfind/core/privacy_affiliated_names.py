"""Names told by whom they belong to: the company or hospital a person answers for ("Kelly from SpringWorks never
answered", "Dolores at Bayer"), whose relative a name is ("Lilly (his big sister)", "Jazz, my son, is 11"), or the
personal honorific a company's word takes as a surname ("Ms. Roche, the school nurse").

All run before companies are masked: the company after "from" is the cue, and a company's word ("Lilly", "Jazz",
"Roche") is a person where an owner's relation or "Mr."/"Ms." comes with it. Apart from `privacy_names` to keep
each module readable.
"""
from __future__ import annotations

import re

from trialfind.core.given_names import in_any_given_name_list, in_name_dictionary, is_english_word
from trialfind.core.privacy_allowed import ALLOWED_PHRASES, COMPANY_NAME, INSTITUTION_NAME
from trialfind.core.privacy_names import COMPANY_WORDS, PLACE_WORDS
from trialfind.core.privacy_text import NAME_SHAPE, NAME_WORD, Finding, bare_word
from trialfind.core.privacy_vocabulary import INN_AND_TERM_ENDINGS, MEDICAL_ENDINGS, is_known_word, is_place_phrase
from trialfind.core.privacy_word_lists import is_function_word
from trialfind.core.privacy_words import FAMILY_WORDS, NOT_NAMES, RELATION_WORDS, ROLE_WORDS

# A name, then whose relative it is, in brackets or commas: "Lilly (his big sister)", "Jazz, my son, is 11". The owner
# makes it a person even when the word is a company's or an ordinary word's too.
_OWNED_RELATION_APPOSITION = re.compile(
    rf"\b({NAME_WORD})\s*(?:\(|,)\s*(?i:my|our|his|her|their)\s+"
    rf"(?:(?:(?i:big|little|older|younger|elder|eldest|youngest|baby|twin|step|half|only)[\s-]+)?"
    # or whose child of that age: "Sloan, our 5yo, finished cycle 3"
    rf"(?i:{'|'.join(RELATION_WORDS)})|\d{{1,2}}\s*(?i:yo|y/o|-?year-old|years?\s+old))\s*(?:\)|,)")
# A name with its family role or post in brackets, its words a company's or rare ones: "Sloan Whitfield (dad)",
# "Jazz Morales (nurse)".
# `privacy_names` reads the others ("Olumide Adeyemi (dad)") after company words are masked.
_ROLE = rf"(?i:{'|'.join(RELATION_WORDS)}|pt|liaison|rep|representative|msl|manager|director|officer|advocate)"
# ... and where the post is held: "Ngozi (pharma liaison at Takeda)".
_ROLE_IN_BRACKETS = re.compile(
    rf"\b({NAME_WORD})(?:\s+({NAME_WORD}))?\s*\(\s*(?i:the\s+|my\s+|our\s+)?(?:[a-z'’]+\s+){{0,2}}{_ROLE}"
    # "Jazz (our son's name)": the name said to be the relative's
    rf"(?:['’]s\s+(?i:full\s+|first\s+|given\s+|real\s+|nick)?name)?"
    rf"(?:\s+(?i:at|from|with|for|of)\s+[^()]{{2,40}}|\s*,[^()]{{2,40}})?\s*\)")
# The same between commas, a family word alone: "Shire Patel, mother, filled out the form".
_FAMILY_APPOSITION = re.compile(
    rf"\b({NAME_WORD})\s+({NAME_WORD})\s*,\s*(?i:the\s+)?(?i:{'|'.join(sorted(FAMILY_WORDS))})\s*,")
# A child's name after a fond description, between commas: "the little guy, Kai, was so brave", "our warrior, Noor,".
_FOND_APPOSITION = re.compile(
    r"\b(?i:little|our|my|the|brave|sweet)\s+(?i:guy|one|boy|girl|man|lady|fighter|warrior|champ|angel|princess|"
    rf"prince|buddy|munchkin|kiddo|kid|bub|bubba|superhero|hero|star)\s*,\s*({NAME_WORD})\s*,")
# A given name, then the company or hospital its bearer works for: "Kelly from SpringWorks", "Dolores at Bayer".
_FROM_AN_ORGANISATION = re.compile(rf"\b({NAME_WORD})\s+(?i:from|at|of)\s+(?=\w)")
# A given name and a surname, then the team they answer for: "Grace Kim from the access team responded".
_NAME_FROM_A_TEAM = re.compile(
    rf"\b({NAME_WORD})\s+({NAME_WORD})\s+(?i:from|at|of|in|with)\s+(?i:the|their|our)\s+(?:[a-z-]+\s+){{0,3}}"
    r"(?i:team|department|dept|office|unit|desk|group|programme|program)\b")
# The same in lower case: "ana from novartis", "talked to ana at novartis". A name that is a word too ("ana", "will")
# only after a verb of talking to someone.
_LOWER_FROM_AN_ORGANISATION = re.compile(
    r"(?:\b(?P<contact>(?:talked|talking|spoke|speaking|spoken|chatted|emailed|called|rang|texted|wrote|met)\s+"
    r"(?:to|with)?\s*)|(?<![\w'’.@-]))(?P<given>[a-z]{2,})\s+(?:from|at)\s+(?=\w)")
# Honorifics and titles before a surname ("Dr. Reddy's", "Dr. Falk Pharma" are companies: their whole phrase is
# listed, and is left).
_HONORIFIC = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Mme|Mlle|Herr|Frau|Sr|Sra|Srta|Dr|Dra|Prof|Nurse)\.?\s+({NAME_WORD})")
# The same honorifics typed in lower case ("mr. bayer from the company"): never a company's title. Not "dr" (a
# company is named so: "dr. reddy's") and not "miss", a verb too ("we miss roche's old portal").
_LOWER_HONORIFIC = re.compile(r"(?<![\w'’-])(?:mr|mrs|ms|mx|mme|mlle|herr|frau)\.?\s+([a-z][a-z'’\-]*)")
# A company's word in a child's place: "Lilly got her first dose", "Lilly is my daughter's name".
_COMPANY_WORD_AS_CHILD = re.compile(
    rf"\b({NAME_WORD})\s+(?:(?i:got|had|started|received|finished|tolerated|took|missed)\s+(?:(?i:her|his)\b|"
    rf"(?P<dose>(?i:the\s+(?:first|second|third|next|last|final)\s+(?:dose|cycle|infusion|course|capsule|tablet)))\b)|"
    # "Lilly did great on the drug": how a child fares, said of a company's word that is a given name too
    rf"(?P<fares>(?i:did|is\s+doing|was\s+doing|has\s+been\s+doing)\s+(?i:great|well|fine|ok|okay|amazing|"
    rf"amazingly|brilliantly|better|worse|so\s+well)\b|"
    # "Eli was on it for 3 months": on a drug, as a patient is
    rf"(?i:is|was|has\s+been|had\s+been)\s+(?i:on)\s+(?i:it|the\s+(?:drug|trial|study|medication|medicine|pills?))\b)|"
    rf"(?i:is|was)\s+(?i:my|our|his|her)\s+(?i:{'|'.join(RELATION_WORDS)})['’]s\s+name\b|"
    # "Lilly is 5 and her MYCN is amplified", "Lilly turned 7": an age, not a count of days or milligrams.
    rf"(?i:is|was|turned|turns)\s+\d{{1,2}}(?:\s*(?i:years?(?:\s+old)?|yo|y/o|and\s+a\s+half))?(?=\s*(?:$|[,.;!]|\s+(?i:and|now|but|today)\b)))")
# A given name, then a company's word as the surname, where a person is meant: "Sent to Sam Merck", "Tim Roche, who
# runs the access program".
_GIVEN_THEN_COMPANY_WORD = re.compile(rf"\b({NAME_WORD})\s+({NAME_WORD})\b")
_PERSON_BEFORE = re.compile(r"(?i:\b(?:to|from|with|by|cc|dear|emailed|called|phoned|contacted|asked|thanks)\s+)$")
_PERSON_CLAUSE_AFTER = re.compile(r",?\s+(?i:who|whom|whose)\b|"
                                  r"\s*,\s*(?:(?i:aged?)\s+)?\d{1,2}\s*(?i:y|yo|y/o|years?)?\s*(?:,|$)")
# "Lilly, age 6, tolerated it well": an age in commas after a company's word that is a given name too.
_COMPANY_WORD_WITH_AGE = re.compile(rf"\b({NAME_WORD})\s*,\s*(?i:age[sd]?)\s+\d{{1,2}}\b")
_PERSON_AFTER = re.compile(r"\s+(?i:from|at|answered|replied|said|says|called|emailed|wrote|helped|signed|phoned|rang|"
                           r"texted|confirmed|agreed|refused)\b")
_TITLE_WORDS = frozenset(("dr", "dra", "prof", "mr", "mrs", "ms"))
# A company's word that is a given name too, then a surname no vocabulary knows: "Lilly Ahmadi replied".
_COMPANY_GIVEN_NAME = re.compile(rf"\b({NAME_WORD})\s+({NAME_WORD})\b")


def _english_zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # lazy: only a company's word beside a capitalised word needs it

    return zipf_frequency(word, "en")


def _rare_in_english(word: str) -> bool:
    """Under Zipf 3 in English (wordfreq): a surname ("Ahmadi"), not a unit's word ("Oncology", "Research")."""
    return _english_zipf(word) < 3.0


def find_honorific_company_words(text: str, found: list[Finding]) -> None:
    """A company's word after "Mr."/"Ms."/"Dr.": a person's surname ("Ms. Roche", "Dr. Takeda"); or a company's word
    that is a given name before an unknown surname ("Lilly Ahmadi"). The title rule reads other surnames, but runs
    after company words are masked."""
    for match in _HONORIFIC.finditer(text):
        parts = bare_word(match.group(1)).split("-")              # "Mrs. Pfizer-Langley": a part is enough
        if (any(part in COMPANY_WORDS for part in parts) and not match.group(1).isupper()
                and bare_word(match.group(1)) not in _TITLE_WORDS                 # "Prof. Dr. Juan P. Garrahan"
                and not any(p.match(text, match.start()) for p in (ALLOWED_PHRASES, COMPANY_NAME))
                and not COMPANY_NAME.match(text, match.start(1))):
            found.append(Finding("name", *match.span(), "a person's name (an honorific before a company's word)"))
    for match in _LOWER_HONORIFIC.finditer(text):
        if any(part in COMPANY_WORDS for part in bare_word(match.group(1)).split("-")):
            found.append(Finding("name", *match.span(), "a person's name (an honorific before a company's word)"))
    for match in _COMPANY_WORD_WITH_AGE.finditer(text):
        if bare_word(match.group(1)) in COMPANY_WORDS and in_name_dictionary(bare_word(match.group(1))):
            found.append(Finding("name", *match.span(1), "a person's name (a company's word with a child's age)"))
    for match in _COMPANY_WORD_AS_CHILD.finditer(text):
        if match.group("fares") and not in_name_dictionary(bare_word(match.group(1))):
            continue                                        # "Roche did well this quarter"
        # "Merck started the first cycle" is a study's, unless a given name says a child ("Lilly Hoffmann got ...").
        before = re.search(rf"({NAME_WORD})\s+$", text[:match.start()])
        if match.group("dose") and not (in_name_dictionary(bare_word(match.group(1))) or (
                before and in_name_dictionary(bare_word(before.group(1))))):
            continue
        # "Eli Lilly is doing great with the EAP": the last word of a listed company's whole name.
        listed = any(m.start() < match.start(1) and m.end() >= match.end(1)
                     for p in (ALLOWED_PHRASES, COMPANY_NAME) for m in p.finditer(text, 0, match.end(1)))
        if bare_word(match.group(1)) in COMPANY_WORDS and not match.group(1).isupper() and not listed:
            found.append(Finding("name", *match.span(1), "a person's name (a company's word used of a child)"))
    for match in _GIVEN_THEN_COMPANY_WORD.finditer(text):
        given, surname = match.group(1), match.group(2)
        if (bare_word(surname) in COMPANY_WORDS and not surname.isupper() and in_name_dictionary(bare_word(given))
                and bare_word(given) not in COMPANY_WORDS | PLACE_WORDS | NOT_NAMES
                and not any(p.match(text, match.start()) for p in (ALLOWED_PHRASES, COMPANY_NAME))
                and (_PERSON_BEFORE.search(text, 0, match.start()) or _PERSON_AFTER.match(text, match.end())
                     or _PERSON_CLAUSE_AFTER.match(text, match.end()))):
            found.append(Finding("name", *match.span(), "a person's name (a given name, then a company's word as "
                                                        "the surname)"))
    for match in _COMPANY_GIVEN_NAME.finditer(text):
        first, surname = bare_word(match.group(1)), match.group(2)
        listed = ALLOWED_PHRASES.match(text, match.start())
        # A company's word no name list holds needs a person's verb after a rare surname: "Gilead Tesfaye from"; a
        # surname that is a town's too, "from" or "at" ("Jazz Morales from the company", not "Bayer Leverkusen said").
        affiliated = re.match(r"\s+(?i:from|at)\b", text[match.end():])
        if (first in COMPANY_WORDS and not match.group(1).isupper()
                and (in_name_dictionary(first)
                     or (_PERSON_AFTER.match(text, match.end()) and _english_zipf(surname) < 4.0
                         and (affiliated or not is_place_phrase(surname))))
                and NAME_SHAPE.match(surname)
                # A surname English has too ("Cohen", "Hoffmann") where a person's verb or "from" follows it
                and (_rare_in_english(surname)
                     or ((not is_english_word(surname) or _english_zipf(surname) < 4.0)
                         and _PERSON_AFTER.match(text, match.end())))
                and not surname.lower().endswith(MEDICAL_ENDINGS + INN_AND_TERM_ENDINGS)   # "Novo Myelodysplastic"
                and bare_word(surname) not in COMPANY_WORDS | PLACE_WORDS
                and not (listed and listed.end() > match.start(2)) and not COMPANY_NAME.match(text, match.start())):
            found.append(Finding("name", *match.span(), "a person's name (a company's word as a given name, then a "
                                                        "surname)"))


def find_names_from_organisations(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """A given name, then "from", "at" or "of" and a listed company or hospital: the person who answered for it
    ("Kelly from SpringWorks never answered"). Run before companies are masked, which the rule must see; a word that
    is the company's own ("Lilly from Eli Lilly") or one of the record's is not a person."""
    for match in _FROM_AN_ORGANISATION.finditer(text):
        word, bare = match.group(1), bare_word(match.group(1))
        # A given name, or a name-shaped word no vocabulary knows ("Nomvula from Cipla").
        if (word.isupper() or bare in known or bare in COMPANY_WORDS or bare in NOT_NAMES or bare in ROLE_WORDS
                or not (in_any_given_name_list(bare) or (NAME_SHAPE.match(word) and not is_known_word(word, known)
                                                         and _rare_in_english(word)))):
            continue
        if any(pattern.match(text, match.end()) for pattern in (ALLOWED_PHRASES, COMPANY_NAME, INSTITUTION_NAME)):
            found.append(Finding("name", *match.span(1), "a person's name (a given name, then the company "
                                                         "or hospital they answer for)"))


    for match in _NAME_FROM_A_TEAM.finditer(text):
        given, surname = bare_word(match.group(1)), bare_word(match.group(2))
        if (in_any_given_name_list(given) and not match.group(2).isupper() and given not in known
                and not {given, surname} & (COMPANY_WORDS | ROLE_WORDS | NOT_NAMES)):
            found.append(Finding("name", match.start(1), match.end(2), "a person's name (a name, then the team they "
                                                                       "answer for)"))
    for match in _LOWER_FROM_AN_ORGANISATION.finditer(text):
        given = match.group("given")
        if (given in known or given in COMPANY_WORDS or given in NOT_NAMES or given in ROLE_WORDS
                or is_function_word(given, "en") or not in_any_given_name_list(given)
                or (is_english_word(given) and not match.group("contact"))):
            continue
        if any(pattern.match(text, match.end()) for pattern in (ALLOWED_PHRASES, COMPANY_NAME)):
            found.append(Finding("name", *match.span("given"), "a person's name (a given name, then the company "
                                                               "they answer for)"))


# Two capitalised words said to be a relative, a drug's or company's word among them: "Avastin Mendoza is the
# patient's grandmother".
_SAID_TO_BE_A_RELATIVE = re.compile(
    rf"\b({NAME_WORD})\s+({NAME_WORD})\s+(?i:is|was)\s+(?i:the\s+(?:patient|child|boy|girl)['’]s|my|our|his|her)\s+"
    rf"(?i:{'|'.join(sorted(FAMILY_WORDS))})\b")
# Words in lower case said to be a name: "ps: mateus silva de oliveira is his full name".
_SAID_TO_BE_A_NAME = re.compile(
    r"(?:^|(?<=[:;,.!?]\s)|(?<=[:;,]))\s*(?P<name>[a-zß-öø-ÿ'’\-]{2,}(?:\s+[a-zß-öø-ÿ'’\-]{2,}){1,4})\s+(?i:is|was)\s+"
    r"(?i:his|her|my|our|their|the\s+(?:child|patient|boy|girl)['’]s)\s+(?i:full\s+|first\s+|given\s+|real\s+)?name\b")


def find_owned_relatives(text: str, found: list[Finding]) -> None:
    """A name, then whose relative it is: "Lilly (his big sister)", "Jazz, my son, is 11". Run before companies are
    masked: the owner makes a company's word ("Lilly", "Jazz") a person here."""
    for match in _SAID_TO_BE_A_RELATIVE.finditer(text):
        if not any(w.isupper() for w in match.groups()):
            found.append(Finding("name", match.start(1), match.end(2), "a person's name (said to be a relative)"))
    for match in _SAID_TO_BE_A_NAME.finditer(text) if " name" in text.lower() else ():
        found.append(Finding("name", *match.span("name"), "a person's name (said to be a name)"))
    if "(" not in text and "," not in text:
        return
    brackets = _ROLE_IN_BRACKETS.finditer(text) if "(" in text else ()
    for match in [*brackets, *_FAMILY_APPOSITION.finditer(text)]:
        words = [w for w in match.groups() if w]
        # A family word in the brackets makes even a listed company's name a relative's: "Pierre Fabre (the boy's
        # uncle, not the company)".
        bracket = text[match.end(len(words)):match.end()]
        # "Lilly (the nurse, not the company)": the bracket says it is no company.
        family = (any(w.lower() in FAMILY_WORDS for w in re.findall(r"[a-z]+", bracket))
                  or bool(re.search(r"\bnot\s+the\s+(?:company|firm|sponsor)\b", bracket, re.IGNORECASE)))
        listed = [] if family else [p.match(text, match.start()) for p in (ALLOWED_PHRASES, COMPANY_NAME,
                                                                             INSTITUTION_NAME)]
        # The first word a company's, a given name (a word-like one too: "Grace") or a rare word ("Shire"); a
        # surname after it any word running text uses no more than a surname ("Patel", "Whitfield": under Zipf 4).
        first, surname = words[0], words[1] if len(words) == 2 else ""
        if (not any(m and m.end() >= match.end(len(words)) for m in listed) and not any(w.isupper() for w in words)
                and all(NAME_SHAPE.match(w) and bare_word(w) not in ROLE_WORDS | NOT_NAMES
                        and not w.lower().endswith(MEDICAL_ENDINGS + INN_AND_TERM_ENDINGS) for w in words)
                and (bare_word(first) in COMPANY_WORDS or in_name_dictionary(bare_word(first))
                     or (_english_zipf(first) < 4.0 and (surname or not is_known_word(first))))
                and (not surname or family or _english_zipf(surname) < 4.0)):
            found.append(Finding("name", match.start(), match.end(len(words)), "a person's name (with a family role "
                                                                              "or a post beside it)"))
    for match in _FOND_APPOSITION.finditer(text):
        word, bare = match.group(1), bare_word(match.group(1))
        if not word.isupper() and (in_any_given_name_list(bare) or bare in COMPANY_WORDS or not is_known_word(word)):
            found.append(Finding("name", *match.span(1), "a person's name (after a fond word for a child)"))
    for match in _OWNED_RELATION_APPOSITION.finditer(text):
        word, bare = match.group(1), bare_word(match.group(1))
        if not word.isupper() and (in_any_given_name_list(bare) or bare in COMPANY_WORDS or not is_english_word(bare)):
            found.append(Finding("name", *match.span(), "a person's name (a name, then whose relative it is)"))
