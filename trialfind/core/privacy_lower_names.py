"""Names typed in lower case, or shaped only by initials, for the privacy screen: a given name or nickname
in a sentence subject's slot ("maddie's counts", "little jojo had", "sunny has been eating"), a given name
with a family role in brackets ("kevin (dad)"), and initials before or after a surname no dictionary knows
("J. P. Okonkwo", "Okonkwo, J.P. (study nurse)"); a given name introducing its writer ("i'm jess", "this is
kelly"), owning a relative ("dylan's mum"), or with its surname cut to an initial ("emma s.", "wanjiru k."); and
dotted initials as the person asked for ("ask for J.R.T."). Apart from `privacy_names` (names with a capital and
a cue) to keep each readable."""
from __future__ import annotations

import re
import unicodedata

from trialfind.core.given_names import (
    dictionary_given_names,
    in_any_given_name_list,
    is_english_word,
    is_romanised_given_name,
)
from trialfind.core.privacy_names import COMPANY_WORDS, OWNED_BY_A_CHILD, PATIENT_VERBS, PLACE_WORDS
from trialfind.core.privacy_text import NAME_SHAPE, NAME_WORD, UPPER, Finding, bare_word
from trialfind.core.privacy_vocabulary import is_known_word, is_misspelt_common_word
from trialfind.core.privacy_word_lists import is_function_word
from trialfind.core.privacy_words import GIVEN_NAMES, NOT_NAMES, RELATION_WORDS, ROLE_WORDS

LOWER = "a-zß-öø-ÿā-ž"
# A name typed in lower case where a sentence's subject stands: at the start of the value or a sentence,
# or after "little", "our", "my" ("lily-mae started the capsules", "little jojo had a rough night",
# "maddie's counts came back", "sunny has been eating").
_LOWER_SUBJECT = re.compile(
    rf"(?:(?:^|[.!?;:]\s+|\n\s*)|\b(?P<lead>(?i:little|baby|sweet|brave|our|my))\s+)"
    rf"(?P<word>[{LOWER}][{LOWER}]+(?:-[{LOWER}]{{2,}})?)"
    rf"(?=(?P<owner>['’]s\s+(?i:{OWNED_BY_A_CHILD})\b|\s+and\s+(?i:his|her|their)\s+(?i:{'|'.join(RELATION_WORDS)})\b)"
    rf"|\s+(?:(?:also|still|then|now|finally|just|only|never|already)\s+)?"
    rf"(?P<verb>{PATIENT_VERBS})\b(?P<after>(?:\s+[{LOWER}]+){{1,2}})?)")
# Verbs said of a child rather than of a drug, a dose or a disease.
_CHILD_ONLY_VERBS = frozenset({"tolerated", "vomited", "cried", "weighs", "celebrated", "loves", "likes", "felt",
                               "feels", "went", "came", "turned", "turns", "asked", "says", "said"})
# Said of a patient, and of a treatment or disease too ("chemo finished"): enough only for a given name.
_PATIENT_COURSE_VERBS = frozenset({"relapsed", "underwent", "completed", "finished", "started", "received"})
# After "is"/"was": said of a person in hospital ("will is back in hospital", "mark was admitted").
_PATIENT_STAY_WORDS = frozenset({"back", "admitted", "readmitted", "hospitalised", "hospitalized", "discharged"})
# "kevin (dad)": a given name typed in lower case with a family role in brackets.
_LOWER_ROLE_IN_BRACKETS = re.compile(
    rf"(?<![\w'’-])([{LOWER}]{{3,}})\s*\(\s*(?i:the\s+|my\s+|our\s+|patient['’]s\s+|child['’]s\s+)?"
    rf"(?i:{'|'.join(RELATION_WORDS)}|mother['’]s|father['’]s|guardian|carer|caregiver)\s*\)")
# "J. P. Okonkwo", "E. Nakamura-Lindqvist": initials before a surname no dictionary knows.
_INITIALS_SURNAME = re.compile(rf"(?<![\w.'’-])(?:[{UPPER}]\.\s?){{1,3}}({NAME_WORD})(?![\w'’-]|\.\w)")
# A person listed as a paper lists its author, surname first: "Okonjo, A.B. (study nurse)", "Lindqvist, M."
# ending the value. A year in the brackets makes it a citation ("Smith, J. (2019)"), which names no patient.
_LISTED_SURNAME = re.compile(
    rf"(?<![\w'’-])(?P<surname>{NAME_WORD}),\s*[{UPPER}]\.(?:\s?[{UPPER}]\.){{0,2}}"
    r"(?=\s*\(\s*[^\d\s)]|\s*$)")

# A person thanked, typed in lower case: "thx to marisol ortega-vance", "merci à  léonie", "danke an jörg".
_THANKS = re.compile(
    rf"\b(?P<thanks>(?i:thx|thanx|thanks|thank\s+you|many\s+thanks|big\s+thanks|shout[\s-]?out|kudos|grateful|merci|"
    rf"gracias|danke|grazie|obrigad[oa]|dank(?:\s+je)?|dziękuję|dziekuje))\s+"
    rf"(?i:to|à|a|an|al|alla|ao|aan|dla|for)\s+(?:(?i:dr|nurse|sister|auntie|aunt|uncle)\.?\s+)?"
    rf"(?P<given>[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?)"
    rf"(?:\s+(?P<surname>[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?))?")
# A note signed off with a given name, in either case, ending the text or its line: "thx, bob", "cheers - Ana",
# "love, marisol o'brien". "thanks, all", "love, mum" or "best wishes" sign off with no name.
_SIGN_OFF = re.compile(
    rf"\b(?i:thx|thnx|thanx|thanks|thank\s+you|many\s+thanks|cheers|best|regards|kind\s+regards|best\s+wishes|"
    rf"warm\s+regards|love|much\s+love|hugs|xoxo|xx|take\s+care|sincerely|warmly|ty|tysm)\s*[,!.:\-–—]*\s+"
    rf"(?P<given>[{UPPER}]?[{LOWER}]{{2,}}(?:-[{UPPER}]?[{LOWER}]{{2,}})?)"
    rf"(?:\s+(?P<surname>[{UPPER}]?[{LOWER}'’]{{2,}}(?:-[{UPPER}]?[{LOWER}]{{2,}})?))?"
    rf"\s*[.!]*\s*(?:$|\n)")
# A person thanked face to face, in lower case, the name then a stop or a comma: "ty so much maya!!", "thank u
# dario, you saved us". Only a curated or dictionary given name: "thanks again!", "thanks all," are no one.
_THANKED_DIRECTLY = re.compile(
    rf"\b(?i:thx|thnx|thanx|thanks|thank\s+(?:you|u)|ty|tysm)(?:\s+(?i:so|very)\s+much)?\s*,?\s+"
    rf"(?P<given>[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?)(?=\s*(?:[!,.?;:]|$))")
# A note signed with a dash and a given name at its end: "joaquins mom here - maria".
_DASH_SIGN_OFF = re.compile(rf"\s[-–—]\s*(?P<given>[{LOWER}]{{3,}}(?:-[{LOWER}]{{2,}})?)\s*[.!]*\s*$")
# Familiar terms of address a note signs off to, not with (https://en.wikipedia.org/wiki/Term_of_address).
_TERMS_OF_ADDRESS = frozenset({"mate", "mates", "buddy", "pal", "guys", "folks", "doc", "hun", "hon", "babe", "dear",
                               "sweetie", "darling", "love", "bro", "sis", "fam", "y'all", "yall", "friends", "team"})
_THANKS_LANGUAGE = {"merc": "fr", "grac": "es", "dank": "de", "graz": "it", "obri": "pt", "dzię": "pl", "dzie": "pl"}
# A case cited as a paper cites its author: "Wierzbicki T, male, relapsed DIPG", "Okonjo AB, 8y, F".
_CITED_CASE = re.compile(
    rf"(?<![\w'’-])(?P<surname>{NAME_WORD})\s+[{UPPER}]{{1,2}}\.?,\s*"
    r"(?=(?i:male|female|boy|girl|m|f|\d{1,2}\s?(?:y|yo|yr|yrs|years?|m|mo|mos|months?)|aged?|relapsed|refractory|"
    r"newly|diagnosed|dx|stage|grade|high-risk|low-risk|infant|neonate|toddler|adolescent)\b)")


# A writer introducing themself: "i'm jess, dylan's mum", "this is kelly from ward 4", "my name is ayo".
# After a greeting, "it's" introduces the writer too ("hi it's ana lucia again", "hey, it is marisol"); a second
# given name may follow the first.
_INTRO_END_WORDS = r"(?i:here|from|and|again|speaking|writing|the|his|her|their|mum|mom|dad|mother|father)\b"
_INTRO_END = rf"(?:\s*[,.!(]|\s*$|\s+{_INTRO_END_WORDS})"
_SELF_INTRODUCED = re.compile(
    rf"\b(?i:i['’]?m|i\s+am|im|this\s+is|my\s+name\s+is|my\s+name['’]?s|name['’]?s|call\s+me|"
    rf"(?:hi|hey|hello|hiya|heya|morning|evening|afternoon)\s*[,!.]?\s+(?:it['’]?s|it\s+is|its))\s+"
    rf"(?P<word>[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?)"
    rf"(?:\s+(?!{_INTRO_END_WORDS})(?P<second>[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?))?(?={_INTRO_END})")
# A given name owning a relative, anywhere in a sentence: "dylan's mum", "ask for kelly's dad".
_NAME_OWNS_RELATIVE = re.compile(
    rf"(?<![\w'’-])(?P<word>[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?)['’]s\s+"
    rf"(?i:{'|'.join(RELATION_WORDS)}|mum|mom|dad|mummy|mommy|daddy|mama|papa|parents|grandma|grandpa|nan|nana|"
    rf"granny|auntie|carer|caregiver|guardian|stepdad|stepmum|stepmom)\b")
# The same typed without the apostrophe, as quick notes drop it: "noahs mom", "mias dad". Only a given name no English
# word shares, before its "s", counts ("kids mom", "twins dad" are plurals).
_NAME_OWNS_RELATIVE_UNMARKED = re.compile(
    rf"(?<![\w'’-])(?P<word>[{LOWER}]{{3,}})s\s+"
    rf"(?=(?i:mum|mom|dad|mummy|mommy|daddy|mama|papa|mother|father|parents|grandma|grandpa|nan|nana|granny|auntie|"
    rf"aunt|uncle|carer|caregiver|guardian|stepdad|stepmum|stepmom)\b)")
# A given name with its surname cut to one initial, in either case: "emma s. from ward 4", "wanjiru k.", "Tobi A.".
_GIVEN_AND_INITIAL = re.compile(
    rf"(?<![\w'’.-])(?P<word>[{UPPER}{LOWER}][{LOWER}]+(?:-[{LOWER}]{{2,}})?)\s+"
    rf"[A-Za-z]\.(?![\w.])")
# Dotted initials as the person asked for: "ask for J.R.T. in clinic", "speak to M.K.", "call A.B. on the ward".
_ASKED_FOR_INITIALS = re.compile(
    r"\b(?i:ask\s+for|asking\s+for|speak\s+(?:to|with)|talk\s+to|call|ring|page|contact|e-?mail|text|message|"
    r"see|ask)\s+(?:(?i:dr|nurse|mr|mrs|ms|miss|sister)\.?\s+)?(?P<initials>(?:[A-Z]\.\s?){2,4})(?![\w])")
# The person asked for, typed in lower case: "ask for gabriela in the EAP office", "speak to dr. hamid rezaei".
_ASKED_FOR_NAME = re.compile(
    r"\b(?i:ask\s+for|asking\s+for|speak\s+(?:to|with)|talk\s+to|(?:spoke|talked)\s+(?:to\b|with\b|w/)|referring\s+doc(?:tor)?|"
    r"doc|dr\.|doctor)\s+(?:(?i:dr|nurse|mr|mrs|ms|miss|sister)\.?\s+)?"
    rf"(?P<given>[{LOWER}]{{3,}})(?:\s+(?P<surname>[{LOWER}]{{3,}}))?(?![\w@])")
# Dotted abbreviations that are no one's initials.
_NOT_INITIALS = frozenset({"us", "uk", "eu", "usa", "am", "pm", "iv", "nb", "eg", "ie", "po", "or", "er", "it", "ae",
                           "dc", "un", "md", "rn", "np", "pa", "ps", "im", "sc", "gp", "ent", "icu", "nhs", "asap"})


def _common_word(word: str) -> bool:
    """A common word (Zipf 3 and over) of one of the languages most text here is written in."""
    from wordfreq import zipf_frequency  # lazy: only a word before an initial needs it

    return any(zipf_frequency(word, language) >= 3.0 for language in ("en", "es", "fr", "de", "it", "pt", "nl"))


def _person_given_name(word: str) -> bool:
    """`word` is a given name and not a word English uses more often ("jess", "kelly", "dylan"; not "fine",
    "hope", "will")."""
    from wordfreq import zipf_frequency  # lazy: only the slots above need it

    if word in NOT_NAMES or word in ROLE_WORDS or word in RELATION_WORDS or not is_lower_given_name(word):
        return False
    return not is_english_word(word) or (not is_function_word(word, "en") and zipf_frequency(word, "en") < 5.0)


# "-ing" states a disease or a drug is in too ("is showing", "has been causing").
_THING_STATES = frozenset({"being", "showing", "causing", "remaining", "increasing", "decreasing", "rising", "falling",
                           "growing", "spreading", "working", "responding", "progressing", "shrinking", "improving",
                           "worsening"})


def is_lower_given_name(word: str) -> bool:
    """`word` (all its hyphenated parts) could be a given name typed in lower case, or is a romanised Korean or
    Chinese one ("ji-woo")."""
    return all(in_any_given_name_list(p) for p in word.split("-")) or is_romanised_given_name(word)


def find_lower_case_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """Given names and nicknames typed in lower case, told by their slot (a sentence's subject, a role in
    brackets) and by being a given name no English word shares, or no word at all."""
    for match in _LOWER_SUBJECT.finditer(text):
        word = match.group("word")
        verb = (match.group("verb") or "").split()
        # "will is back in hospital": no auxiliary or other listed word ("will", "may") stands before "is
        # back", so there a given name that is such a word too is the subject.
        stay = len(verb) > 1 and verb[0] in ("is", "was") and verb[-1] in _PATIENT_STAY_WORDS
        if (word in known or (word in NOT_NAMES and not (stay and is_lower_given_name(word)))
                or word in ROLE_WORDS or word in RELATION_WORDS):
            continue
        after = [w for w in verb[1:] + (match.group("after") or "").split() if w != "been"][:1]
        # "has been eating", "is feeling": a state only a person is in.
        child_only = bool(verb) and (verb[0] in _CHILD_ONLY_VERBS
                                     or (verb[0] in ("has", "had", "is", "was") and bool(after)
                                         and after[0].endswith("ing") and after[0] not in _THING_STATES))
        if is_lower_given_name(word) and not is_english_word(word):
            reason = "a given name typed in lower case"          # "jojo", "maddie", "kevin"
        elif "-" in word and is_lower_given_name(word):
            reason = "a hyphenated given name typed in lower case"   # "lily-mae": both parts names
        elif is_lower_given_name(word) and (match.group("lead") or match.group("owner") or child_only
                                             or (bool(verb) and verb[0] in _PATIENT_COURSE_VERBS)
                                             or stay):
            reason = "a given name typed in lower case"          # "sunny has been eating"
        elif (not is_known_word(word, known) and len(word) >= 3 and not is_misspelt_common_word(word)
              and (match.group("lead") or match.group("owner") or child_only)):
            reason = "a word no dictionary knows, used of a person"
        else:
            continue
        found.append(Finding("name", *match.span("word"), f"a person's name ({reason})"))
    for match in _GIVEN_AND_INITIAL.finditer(text):
        word = match.group("word")
        # The lists hold names without accents: "léa" is looked up as "lea".
        lower = unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode() or word.lower()
        if lower in known or lower in NOT_NAMES or lower in ROLE_WORDS or is_known_word(lower, known) and not (
                _person_given_name(lower)):
            continue
        # A given name, or a word shaped like one that is no common word of English or of the languages most
        # text here is written in ("wanjiru", "olumide"): not "vitamin d.", "plan b." or "grupo a.".
        if _person_given_name(lower) or (len(lower) >= 4 and re.search(r"[aeiouy]", lower)
                                         and not is_english_word(lower) and not _common_word(lower)):
            found.append(Finding("name", *match.span(), "a person's name (a given name and an initial)"))
    for match in _ASKED_FOR_INITIALS.finditer(text):
        if re.sub(r"[.\s]", "", match.group("initials")).lower() not in _NOT_INITIALS:
            found.append(Finding("name", *match.span("initials"), "a person's initials (the person asked for)"))
    for match in _ASKED_FOR_NAME.finditer(text):
        given, surname = match.group("given"), match.group("surname") or ""
        # A given name no English word shares ("gabriela"), or any given name before a surname no vocabulary knows
        # ("dr. hamid rezaei").
        if given not in known and given not in NOT_NAMES and given not in ROLE_WORDS and (
                (is_lower_given_name(given) and not is_english_word(given))
                or (in_any_given_name_list(given) and surname and not is_known_word(surname, known))):
            end = match.end("surname") if surname and not is_known_word(surname, known) else match.end("given")
            found.append(Finding("name", match.start("given"), end, "a person's name (the person asked for)"))
    for match in _LOWER_ROLE_IN_BRACKETS.finditer(text) if "(" in text else ():
        word = match.group(1)
        if (is_lower_given_name(word) and not is_english_word(word) and word not in known
                and word not in NOT_NAMES and word not in ROLE_WORDS):
            found.append(Finding("name", *match.span(),
                                 "a person's name (a given name with a family role in brackets)"))
    for match in _CITED_CASE.finditer(text):
        surname = match.group("surname")
        if (NAME_SHAPE.match(surname.split("-")[0]) and not is_known_word(surname, known)
                and bare_word(surname) not in PLACE_WORDS | COMPANY_WORDS | NOT_NAMES | ROLE_WORDS):
            found.append(Finding("name", *match.span(), "a person's name (a case cited by surname and initial)"))
    for match in _LISTED_SURNAME.finditer(text):
        if _surname_beside_initials(match.group("surname"), known):
            found.append(Finding("name", *match.span(), "a person's name (a surname and initials)"))
    for match in _INITIALS_SURNAME.finditer(text):
        if _surname_beside_initials(match.group(1), known):
            if re.match(r"\.\s+[A-Z][a-z]*\.", text[match.end():]):
                continue                               # "J. Clin. Oncol.": a journal's abbreviated title
            found.append(Finding("name", *match.span(), "a person's name (initials before a surname)"))


def _surname_beside_initials(surname: str, known: frozenset[str]) -> bool:
    """`surname`, beside dotted initials, is spelt like a surname and is no place, company or vocabulary word."""
    parts = [p for p in surname.split("-") if p]
    return bool(parts and all(NAME_SHAPE.match(p) for p in parts) and not is_known_word(surname, known)
                and bare_word(surname) not in PLACE_WORDS | COMPANY_WORDS | NOT_NAMES | ROLE_WORDS)


def find_thanked_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """A person thanked by name in lower case. Runs before another language's ordinary words are masked,
    which would take "merci à" and "gracias a" away with them."""
    for match in _THANKS.finditer(text):
        given, surname = match.group("given"), match.group("surname")
        # The lists hold names without accents: "léonie", "jörg" are looked up as "leonie", "jorg".
        plain = unicodedata.normalize("NFKD", given).encode("ascii", "ignore").decode()
        if given in known or given in NOT_NAMES or given in ROLE_WORDS or not (is_lower_given_name(given)
                                                                               or is_lower_given_name(plain)):
            continue
        # "danke an alle", "merci à tous": an ordinary word of the thanks word's language, not a person.
        language = _THANKS_LANGUAGE.get(match.group("thanks").lower()[:4])
        if language and (is_function_word(given, language) or is_function_word(plain, language)):
            continue
        span = (match.start("given"), match.end("surname") if surname else match.end("given"))
        # A given name that is a word too ("grace", "hope") needs a surname no dictionary knows after it.
        if not is_english_word(plain) or (surname and not is_known_word(surname, known)
                                          and not is_english_word(surname.split("-")[0])):
            found.append(Finding("name", *span, "a person's name (thanked, in lower case)"))

    for match in _THANKED_DIRECTLY.finditer(text):
        given = match.group("given")
        if (given in known or given in NOT_NAMES or given in ROLE_WORDS or given in RELATION_WORDS
                or given in _TERMS_OF_ADDRESS or is_function_word(given, "en")):
            continue
        if given in GIVEN_NAMES or all(p in dictionary_given_names() for p in given.split("-")):
            found.append(Finding("name", *match.span("given"), "a person's name (thanked, in lower case)"))
    for match in _DASH_SIGN_OFF.finditer(text):
        given = match.group("given")
        if (given not in known and given not in NOT_NAMES and given not in ROLE_WORDS and given not in RELATION_WORDS
                and not is_function_word(given, "en")
                and (given in GIVEN_NAMES or all(p in dictionary_given_names() for p in given.split("-")))):
            found.append(Finding("name", *match.span("given"), "a person's name (signing off a note)"))
    for match in _SIGN_OFF.finditer(text):
        given = match.group("given").lower()
        if (given in known or given in NOT_NAMES or given in ROLE_WORDS or given in RELATION_WORDS
                or given in _TERMS_OF_ADDRESS or is_function_word(given, "en") or not is_lower_given_name(given)):
            continue
        span = (match.start("given"), match.end("surname") if match.group("surname") else match.end("given"))
        found.append(Finding("name", *span, "a person's name (signing off a note)"))


_FAMILY_WORDS = ("mum|mom|mother|mama|mommy|mummy|dad|father|daddy|papa|grandma|grandmother|grandpa|grandfather|nana|"
                 "granny|aunt|auntie|uncle|sister|brother|cousin|husband|wife|partner|stepdad|stepmum|stepmom|parents?")
# A relative named after a colon, in lower case: "mum: bee (bernadette) o'sullivan", "dad: tomás mcgrath".
_RELATIVE_COLON = re.compile(
    rf"\b(?i:{_FAMILY_WORDS}|guardian|carer|emergency\s+contact|next\s+of\s+kin)\s*:\s*"
    rf"(?P<names>[{LOWER}(][{LOWER}()'’\-]*(?:\s+[{LOWER}(][{LOWER}()'’\-]*){{0,3}})")
# An Irish or Scottish surname typed in lower case: "o'sullivan", "mcgrath", "macleod".
_GAELIC_SURNAME = re.compile(rf"^(?:o['’][{LOWER}]{{3,}}|mc[{LOWER}]{{3,}}|mac[{LOWER}]{{4,}})$")
# A given name typed in lower case before "from" and a department or a named organisation: "dorothy from medical
# affairs", "priya from the sponsor". A given name that is also an English word ("grace from the sponsor") is left.
_NAME_FROM_DEPARTMENT = re.compile(
    rf"(?:^|[.!?;:,]\s+|\n\s*|\b(?i:and|with|to|spoke\s+to|call(?:ed)?|emailed|asked|ask|contacted|thanked)\s+|"
    rf"(?<!\w)(?i:w/)\s*)"
    rf"(?P<word>[{LOWER}]{{3,}})(?:\s+(?P<surname>[{LOWER}]{{3,}}(?:-[{LOWER}]{{2,}})?))?"
    rf"\s+from\s+(?:the\s+)?"
    # Their shortened forms as notes type them ("reg affairs", "med info"): https://en.wikipedia.org/wiki/Regulatory_affairs,
    # https://en.wikipedia.org/wiki/Medical_science_liaison (medical affairs and medical information).
    rf"(?:(?i:(?:med|reg)\s+(?:affairs|info)|medical\s+affairs|medical\s+information|pharmacovigilance|patient\s+(?:advocacy|access|services)|"
    rf"regulatory(?:\s+affairs)?|compliance|legal|clinical\s+operations|access\s+programs?|the\s+company|company|"
    rf"sponsor|manufacturer|pharma|drug\s+company|foundation|charity|(?:[a-z]+\s+)?team)\b|{NAME_WORD})")


def find_relatives_named_after_a_colon(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """A relative's name in lower case after a colon: a given name (in brackets too) or a Gaelic surname."""
    for match in _RELATIVE_COLON.finditer(text):
        words = [w.strip("()") for w in match.group("names").split()]
        # A given name English does not share as a word ("bee" is one; "bernadette" is not), or a Gaelic surname.
        if any(w and w not in known and ((_person_given_name(w) and not is_english_word(w)) or _GAELIC_SURNAME.match(w))
               for w in words):
            found.append(Finding("name", *match.span("names"), "a person's name (a relative's, after a colon)"))
    for match in _NAME_FROM_DEPARTMENT.finditer(text):
        word, surname = match.group("word"), match.group("surname")
        if word not in known and not is_english_word(word) and is_lower_given_name(word):
            end = match.end("surname") if surname else match.end("word")   # "emily harper from"
            found.append(Finding("name", match.start("word"), end, "a person's name (a given name from a department "
                                                                  "or an organisation)"))
        elif surname and surname not in known and not is_english_word(surname) and is_lower_given_name(surname):
            # "asked mehmet from the EAP team": the line's first word is its verb, the name is second
            found.append(Finding("name", *match.span("surname"), "a person's name (a given name from a department "
                                                                 "or an organisation)"))


def find_introduced_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """A given name introducing its writer ("i'm jess") or owning a relative ("dylan's mum"). Runs before another
    language's ordinary words are masked: a short note of given names can read as another language's words."""
    for pattern, reason in ((_SELF_INTRODUCED, "a given name introducing its writer"),
                            (_NAME_OWNS_RELATIVE, "a given name owning a relative, as in 'dylan's mum'")):
        for match in pattern.finditer(text):
            word = match.group("word")
            second = match.groupdict().get("second")
            if second and not (is_lower_given_name(second) and second not in NOT_NAMES):
                continue                       # "i'm ana feeling better": a word, not a second given name
            if word not in known and _person_given_name(word):
                found.append(Finding("name", match.start("word"), match.end("second" if second else "word"),
                                     f"a person's name ({reason})"))
    for match in _NAME_OWNS_RELATIVE_UNMARKED.finditer(text):
        word = match.group("word")
        if (word not in known and _person_given_name(word) and not is_english_word(word)
                and not is_english_word(word + "s")):
            found.append(Finding("name", match.start("word"), match.end("word") + 1,
                                 "a person's name (a given name owning a relative, its apostrophe left out)"))
