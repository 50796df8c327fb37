"""Person names for the privacy screen: a name after a title, a family or care-team word,
"named", a greeting or signature; a known given name; and given names that are also words or
places ("Grace", "Will", "Brooklyn") where the sentence uses them of a person."""
from __future__ import annotations

import re

from trialfind.core.given_names import WORD_LIKE_PLACES, dictionary_given_names, is_english_word, word_like_given_names
from trialfind.core.privacy_compound_words import is_compound_word
from trialfind.core.privacy_dates import MONTH_BEFORE_A_YEAR
from trialfind.core.privacy_languages import follows_its_relation_word, is_title_or_family_word
from trialfind.core.privacy_phrases import COMPANIES, EPONYMS, INSTITUTIONS, PLACES
from trialfind.core.privacy_role_names import FOREIGN_TITLE_WORDS
from trialfind.core.privacy_text import (
    LETTERS,
    NAME_SHAPE,
    NAME_WORD,
    UPPER,
    WORD,
    Finding,
    bare_word,
    is_capitalised,
)
from trialfind.core.privacy_vocabulary import (
    CANCER_DRUG_STEMS,
    OTHER_LANGUAGE_TERM_ENDINGS,
    is_known_word,
    is_place_phrase,
)
from trialfind.core.privacy_word_lists import is_given_name as is_folded_given_name
from trialfind.core.privacy_words import CARER_WORDS, FAMILY_WORDS, GIVEN_NAMES, NOT_NAMES, RELATION_WORDS, ROLE_WORDS
from trialfind.core.privacy_words import WORD_LIKE_NAMES

_TITLES = (r"Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse|Sister|Father|Fr|Sr|Rev|Madame|Mme|Mlle|Rabbi|Imam|"
           r"Monsieur|Herr|Frau|Señor|Señora|Sra|Dra|Dott|Dottoressa|Signora|Pani|Pan|Reverend|Pastor|Vicar|Chaplain|"
           r"Deacon|Pr(?=\.)")  # clergy's: Wikipedia, "Ecclesiastical titles and styles"; "Pr.": French Professeur
# The dot may touch the name ("Dr.Okafor", typed in a hurry). A title in lower case before a capitalised name counts
# too ("asked dr. Kowalczyk"); "mr" and "ms" only with their dot (bare, multiple sclerosis and magnetic resonance).
_PARTICLES = r"(?:van|von|de|del|della|di|da|dos|das|du|des|der|den|ten|ter|le|la|al|el|bin|ben)"   # lower case
TITLE_NAME = re.compile(rf"\b(?:{_TITLES}|(?i:doctor|nurse|professor|signora|signor|señora|señor|senhora|senhor)|"
                         rf"(?:dr|dra|prof|mrs|sra)\b|(?:mr|ms)(?=\.))\b"
                         rf"(?:\.\s*|\s+)(?:(?i:med|rer\.\s*nat|phil|dent)\.\s*)?"
                         rf"(?:[A-Z]\.\s*)*(?:{_PARTICLES}\s+){{0,2}}({NAME_WORD})")  # "Dr. med. Weiß", "Mr. van Dijk"
_INITIALS = re.compile(r"\b(?i:initials)\s*(?:are|is|:)?\s*[A-Z](?:\.?\s?[A-Z]){1,3}\b\.?")
_RELATION = re.compile(
    rf"\b(?i:(?:(?:my|our|his|her|their|the|a)\s+)?(?:(?:little|baby|youngest|oldest|eldest|older|younger|"
    rf"twin|step|dear|beloved|late)\s+)?(?:{'|'.join(RELATION_WORDS)})(?:\s+(?:{'|'.join(RELATION_WORDS)}))*)\s*(?:,|:|-)?\s+(?i:(?:is|was)\s+)?\(?({NAME_WORD}|[a-z]+)")
# Initials standing for a person, dotted: after a person word ("Patient J.M.K.", "my son A.B.", "pt. R.T.")
# or before what happens to a patient ("J.M.K. relapsed"). Dotted abbreviations are not people ("U.S. has").
_DOTTED_INITIALS = r"[A-Z]\.\s?(?:[A-Z]\.\s?){0,3}[A-Z]\.?(?![\w])"
_PERSON_WORDS = (r"patient|pt|child|son|daughter|boy|girl|baby|infant|toddler|kid|teen|sibling|brother|sister|twin|"
                 r"mother|father|mum|mom|dad|parent|paciente|patiente|patientin|patiënt|paziente|pacjent|hasta|"
                 r"kind|enfant|niño|niña|nino|nina|hijo|hija|filho|filha|bambino|bambina|pasien|anak")
# A colon may stand between: "Pt: J.R.", "Patient:A.B." (a form's label and its value).
_PERSON_INITIALS = re.compile(
    rf"\b(?i:(?:(?:my|our|his|her|their|the|a)\s+)?(?:{_PERSON_WORDS}))(?:\.?\s*,?\s+|\.?\s*:\s*)({_DOTTED_INITIALS})")
_ABBREVIATIONS = frozenset(("us", "uk", "eu", "un", "usa", "uae", "ie", "eg", "nb", "ps", "am", "pm", "ad", "bc", "dc",
                            "la", "ny", "md", "rn", "np", "pa"))
# A name with a case or possessive ending after an apostrophe, as Turkish, Azerbaijani and Finnish write
# a proper noun's: "Mehmet'in tedavisi", "Ayşe'ye", "Elif'ten", "Emre'nin annesi".
_CASE_SUFFIX = re.compile(
    rf"(?<![\w'’])([{UPPER}][{LETTERS}]+)['’](?:n?[ıiuü]n|[ıiuü]|y?[ıiuü]|y?[ae]|[dt][ae]n?|[dt][ae]ki|"
    rf"l[ae]|yl[ae]|l[ae]r|n?[ıiuü]nd?[ae]|n|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|na|nä)(?![\w'’])")
# Family words of Indonesian, Malay, Tagalog and Swahili before a name: "ibu dari Raka", "ayah Budi", "anak ko si Jun",
# "nanay ni Liza", "mama yake Neema", "mtoto wangu Baraka", or a name in commas after them ("Anak kami, Putri Ayu,").
OTHER_RELATION_WORDS = (r"ananda|adinda|ibu|ayah|bapak|bapa|anak|adik|kakak|nenek|kakek|suami|istri|isteri|nanay|tatay|lola|lolo|"
                        r"kuya|mtoto|mwana|mama|baba|bibi|babu|dada|kaka")
OTHER_RELATION_LINKS = (r"ananda|adinda|saya|kami|ku|ko|namin|wangu|yangu|yake|wake|wetu|dari|daripada|ni|si|kay|ng|ya|wa|"
                        r"bernama|named|called")
_OTHER_RELATION = re.compile(rf"\b(?i:{OTHER_RELATION_WORDS})(?:\s+(?i:{OTHER_RELATION_LINKS}))*"
                             rf"(?:\s+|,\s+(?=(?:{NAME_WORD}\s+){{0,3}}{NAME_WORD}\s*,))({NAME_WORD})")

# "Mei-Ling", "Ellie-Mae": two capitalised parts joined by a hyphen, unless an eponym or place.
_HYPHENATED = re.compile(rf"(?<![\w-])([{UPPER}][{LETTERS}'’]+-[{UPPER}][{LETTERS}'’]+)(?![\w-])")
_NAMED = re.compile(rf"\b(?i:named|name\s+is|name's|name\s*:|nicknamed|goes\s+by|known\s+as|called)\s*:?\s*"
                    rf"({NAME_WORD}|[a-z]+)")
_CONTEXT_NAME = re.compile(
    rf"\b(?i:spoke\s+(?:with|to)|talked\s+(?:with|to)|met\s+with|emailed|thanks\s+to|thank\s+you|signed|"
    rf"regards|attn|attention\s*:|cc|dear|hi|hello|(?:written|signed|sent|submitted|completed|reported|filled\s+(?:in|out))\s+by)\s*[,:]?\s+({NAME_WORD})")
_FAMILY = re.compile(rf"\b(?i:the)\s+({NAME_WORD})\s+(?i:family|household)\b"
                     r"(?!\s+(?:kinases?|members?|history|of|proteins?))|"
                     rf"\b({NAME_WORD})\s+(?i:family|household)\s+(?=(?:has|have|had|is|was|were|are|agreed|asked|"
                     r"wants|wanted|consented|decided|declined|chose|said|requested|travelled|traveled|lives)\b)|"
                     # "Family Nakamura-Silva, São Paulo", "ref: famille Dubois": the family word before the surname
                     rf"\b(?i:family|familia|famille|familie|famiglia|família|rodzina)\s+({NAME_WORD})(?=\s*(?:[,;.)]|$))")
# The same cues before a given name typed in lower case: "thanks to bea at the EAP desk", "cc: amara".
_LOWER_CONTEXT_NAME = re.compile(
    r"\b(?i:spoke\s+(?:with|to)|talked\s+(?:with|to)|met\s+with|emailed|thanks\s+to|thank\s+you|signed|regards|"
    r"attn|cc|dear|hi|hello|(?:written|signed|sent|submitted|completed|reported)\s+by)\s*[,:]?\s+"
    r"([a-zß-öø-ÿ][a-zß-öø-ÿ'’\-]{1,})\b")
# "Olumide Adeyemi (dad)", "Amara (mum) signed": a name with its family role in brackets after it.
_ROLE_IN_BRACKETS = re.compile(
    rf"\b((?:{NAME_WORD}\s+){{0,2}}{NAME_WORD})\s*\(\s*(?i:the\s+|my\s+|our\s+|patient['’]s\s+|child['’]s\s+)?"
    rf"(?i:{'|'.join(RELATION_WORDS)}|mother['’]s|father['’]s|guardian|carer|caregiver)\s*\)")
# "j. van der Berg", "Ana de la Cruz", "Ahmad bin Ismail": an initial or a given name, a name particle,
# then a capitalised word.
_PARTICLE_NAME = re.compile(
    rf"(?<![\w'’-])(?:([A-Za-z])\.\s*|({NAME_WORD})\s+)"
    r"(?:van|von|de|del|della|di|da|dos|das|du|des|der|den|ten|ter|le|la|bin|binti|bint|ibn|ben|al|el|mac|st\.?)"
    r"(?:\s+(?:der|den|la|le|los|las|de|van|del))?\s+"
    rf"({NAME_WORD})")
# What a child has that a thing or a drug does not: "Izzy's counts", "maddie's school".
OWNED_BY_A_CHILD = (r"counts|bloods|labs|platelets|scans?|mri|ct|pet|tumou?r|cancer|relapse|"
                     r"diagnosis|treatment|chemo|port|line|weight|height|birthday|school|class|teacher|oncologist|doctor|"
                     r"nurse|consultant|team|mum|mom|dad|mother|father|parents|brother|sister|grandma|grandpa|case|hair|"
                     r"pain|fever|rash|appetite|energy|neuroblastoma|leuka?emia|lymphoma|sarcoma|glioma|medulloblastoma|"
                     r"symptoms|response|disease|marrow|condition|care|name|photo|picture|story|records?|file|chart|"
                     r"whānau|whanau")
# A capitalised word used like a person: "Izzy's counts", "Oskar and his mum", "Nia, 7,", "Leo is 6".
_PERSON_CONTEXT = re.compile(
    rf"\b({NAME_WORD})(?:['’]s\s+(?i:{OWNED_BY_A_CHILD})\b|"
    rf"\s+and\s+(?i:his|her|their)\s+(?i:{'|'.join(RELATION_WORDS)})\b|"
    rf",\s*(?:aged?\s+)?\d{{1,2}}\s*(?:years?\s*old|yo|y)?\s*,|"
    rf"\s+(?i:is|was|turned|turns|just\s+turned)\s+\d{{1,2}}\b(?!\s*(?:days?|weeks?|months?|mg|cycles?|hours?|%|kg|cm)))")
# A word in a person's slot: the subject of what happens to a patient ("Grace relapsed", "only Will
# was eligible", "Hunter completed 4 cycles"). Used for given names that are also ordinary words,
# places or eponyms, which the word lists alone must let through ("Grace period", "Will the company").
PATIENT_VERBS = (
    r"tolerated|relapsed|started|restarted|completed|received|finished|responded|progressed|developed|"
    r"underwent|screened|enrolled|began|vomited|weighs|spent|needs|needed|had|has|got|felt|feels|tested|stayed|"
    r"became|turned|turns|celebrated|loves|likes|cried|asked|says|said|went|came|goes|"
    r"(?:is|was|has\s+been|had\s+been)\s+(?:now\s+|still\s+|not\s+|also\s+)?(?:diagnosed|admitted|discharged|"
    r"back|readmitted|hospitali[sz]ed|"
    r"eligible|ineligible|enrolled|treated|started|born|doing|feeling|on|off|referred|seen|given|"
    r"scheduled|able|unable|too|\d)")
_INITIALS_SUBJECT = re.compile(rf"(?<![\w.])({_DOTTED_INITIALS})(?=\s+(?:{PATIENT_VERBS})\b)")
PERSON_VERB = re.compile(
    rf"\b({NAME_WORD})(?=\s+(?:(?:also|still|then|now|finally|just|only|never|already)\s+)?"
    rf"(?P<verb>{PATIENT_VERBS})\b)")
# The object of caring for a child: "gave Precious her dose", "took Faith to Boston", "applied for Hope through".
PERSON_OBJECT = re.compile(
    rf"\b(?i:gave|give|giving|took|take|taking|brought|bring|drove|applied\s+for|asked\s+for|requested\s+for|"
    rf"treated|treating|examined|saw|visited|admitted|discharged|enrolled|screened|referred|dosed|hugged|told|"
    rf"helped|discussed|met|called|phoned|contacted|reviewed|consented|assessed|introduced|for|with|to)\s+({NAME_WORD})\s+(?P<next>her|his|their|to|through|at|into|home|back|yesterday|"
    rf"today|again|because|after|before|when|since)\b")
# A given name that is also a word, then a surname: "Grace Okafor", "Will Thompson".
_NAME_PAIR = re.compile(rf"\b({NAME_WORD})\s+({NAME_WORD})\b")
# "little Bodhi", "baby Ana": an endearment before a capitalised word.
_ENDEARMENT = re.compile(rf"\b(?:little|baby|sweet|brave|our\s+little)\s+({NAME_WORD})")
# "Autumn's tumour board", "Precious's haemoglobin": a known given name owning something.
_POSSESSIVE = re.compile(rf"(?<![\w'’.-])([{UPPER}][{LETTERS}\-]*)['’]s\s+([a-z][a-z\-]*)")
_EPONYM_NOUNS = frozenset("syndrome disease sign reflex law phenomenon triad criteria classification score scale "
                          "test procedure operation method manoeuvre maneuver".split())
# "Father (Hamid Rahimi) signed": a name in brackets after a family word or title.
_BRACKETED_NAME = re.compile(
    rf"\b(?i:{'|'.join(RELATION_WORDS)}|{_TITLES})\.?\s*\(\s*({NAME_WORD})(?:\s+({NAME_WORD}))?\s*\)")
# "Ivy and Holly are sisters": two words that are siblings are people.
_SIBLINGS = re.compile(
    rf"\b({NAME_WORD})\s+(?:and|&)\s+({NAME_WORD})\s*(?:(?i:are|were)\s+|\(\s*|,\s+(?i:the|our|my)?\s*)"
    r"(?:(?i:both|twin|identical|half|step)[\s-]+)?"
    r"(?i:sisters|brothers|twins|siblings|cousins|triplets|step-?sisters|step-?brothers)\b")
# Where a sentence starts: an unknown word there is capitalised by the sentence, not by being a name,
# so it counts as one only before a patient's verb ("Emeka had stable disease").
SENTENCE_START = re.compile(r"(?:^|[.!?;:]\s+|\n)\s*$")
# Endings of drug names (INN stems) and clinical terms: "Tovorafenib had", "Neuroblastoma was".
_CLINICAL_ENDINGS = ("mab", "nib", "ib", "lisib", "platin", "rubicin", "mycin", "taxel", "tecan", "stine", "abine",
                     "trexate", "limus", "zomib", "degib", "tide", "mide", "zole", "vir", "stat", "cept", "kin",
                     "ase", "one", "ine", "ol", "ide", "ate", "ium", "oma", "emia", "aemia", "itis", "osis",
                     "pathy", "ectomy", "therapy", "gen", "cel", "leucel", "sone", "lone", "olone", "parin",
                     "fen", "xacin", "cillin", "azole", "prazole", "pril", "sartan", "dipine", "olol", "tinib", "in")



_GREETED_NOBODY = frozenset({"sir", "madam", "team", "colleague", "colleagues", "dr", "drs", "mr", "mrs", "ms", "mx",
                             "miss", "prof", "professor", "doctor", "doctors", "dra", "sra", "sr"})


def _is_name(word: str, known: frozenset[str], *, lower_ok: bool = False) -> bool:
    bare = bare_word(word)
    if not bare or bare in known or bare in NOT_NAMES or bare in ROLE_WORDS:
        return False
    if (word.isupper() and len(word) > 1) or (word.endswith("s") and len(word) > 2 and word[:-1].isupper()):
        return False                                   # ALK, DIPG, ICE, INDs: acronyms, not names
    if is_capitalised(word):
        return True
    return lower_ok and bare in dictionary_given_names()


def find_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    def add(match: re.Match, what: str) -> None:
        found.append(Finding("name", *match.span(), f"a person's name ({what})"))

    for match in TITLE_NAME.finditer(text):
        # "Dr. Selumetinib lol autocorrect": a cancer drug's name (its INN stem) is no one's surname.
        if (_is_name(match.group(1), known) and not bare_word(match.group(1)).endswith(CANCER_DRUG_STEMS)
                and bare_word(match.group(1)) != "google"):    # "Dr. Google": searching the web, an idiom
            add(match, "a title such as 'Dr.' followed by a name")
    for match in _RELATION.finditer(text):
        word = match.group(1)
        lead = match.group(0)[: match.start(1) - match.start(0)].split()
        relation = next((token for token in reversed(lead) if any(c.isalpha() for c in token)), "")
        title_case = relation[:1].isupper()
        # "Patient Education", "Twin Block": a title; "Grandma Ruth", "Aunt Rose": a relative's word-like given name;
        # "Daughter Ayasha": a relative's name no vocabulary knows
        if title_case and bare_word(word) not in dictionary_given_names() and not (
                relation.lower() in FAMILY_WORDS and (bare_word(word) in word_like_given_names()
                                                      or not is_known_word(word, known))):
            continue
        if (when := MONTH_BEFORE_A_YEAR.match(text, match.start(1))) and "," not in when.group():
            continue                                   # "the navigator, March 2023": when, not who
        if _is_name(word, known, lower_ok=True) and not follows_its_relation_word(relation, word):
            add(match, "after a family word such as 'my son' or 'patient'")
    for match in _NAMED.finditer(text):
        word = match.group(1)
        if _is_name(word, known, lower_ok=True) and (not match.group(0).lower().startswith("called")
                                                     or bare_word(word) in GIVEN_NAMES
                                                     or bare_word(word) in dictionary_given_names()):
            add(match, "after 'named' or 'called'")
    for match in _LOWER_CONTEXT_NAME.finditer(text):
        bare = bare_word(match.group(1))
        if bare in dictionary_given_names() and bare not in NOT_NAMES and bare not in ROLE_WORDS and bare not in known:
            add(match, "a given name in a greeting, thanks or signature")
    for match in _CONTEXT_NAME.finditer(text):
        # "Dear Dr.,", "Hello Prof": a title with no name after it greets nobody in particular; a title with a
        # name after it is the title rule's.
        if _is_name(match.group(1), known) and bare_word(match.group(1)) not in _GREETED_NOBODY:
            add(match, "in a greeting, signature or 'spoke with'")
    for match in _ENDEARMENT.finditer(text):
        if _is_name(match.group(1), known):
            add(match, "after a word such as 'little'")
    for match in _INITIALS.finditer(text):
        add(match, "a person's initials")
    for pattern in (_PERSON_INITIALS, _INITIALS_SUBJECT) if "." in text else ():
        for match in pattern.finditer(text):
            if re.sub(r"\W", "", match.group(1)).lower() not in _ABBREVIATIONS:
                add(match, "a person's initials")
    for match in _CASE_SUFFIX.finditer(text) if "'" in text or "’" in text else ():
        word, bare = match.group(1), bare_word(match.group(1))
        # A given name only: places, companies and brands take the same endings ("Ankara'da", "Pfizer'in").
        if (_is_name(word, known) and bare not in PLACE_WORDS and bare not in COMPANY_WORDS
                and bare not in EPONYM_WORDS and (_is_given_name(word) or is_folded_given_name(word))):
            add(match, "a name with a case ending after an apostrophe")
    for match in _OTHER_RELATION.finditer(text):
        word, bare = match.group(1), bare_word(match.group(1))
        if (_is_name(word, known) and bare not in PLACE_WORDS and bare not in COMPANY_WORDS
                and (_is_given_name(word) or not is_english_word(bare))):
            add(match, "after a family word such as 'ibu' or 'nanay'")
    for match in _PERSON_CONTEXT.finditer(text):
        if _is_name(match.group(1), known) and bare_word(match.group(1)) not in RELATION_WORDS:  # "Child was 4"
            add(match, "a capitalised word used of a person")
    for match in _HYPHENATED.finditer(text):
        parts = match.group(1).split("-")
        # "Mei-Ling", "Ellie-Mae" — but not "Post-Traumatic", "Low-Intensity": one part must be a given name.
        if (all(_is_name(part, known) and NAME_SHAPE.match(part) for part in parts)
                and (any(bare_word(part) in dictionary_given_names() for part in parts)
                     or all(bare_word(part) in word_like_given_names() for part in parts))):   # "Lily-Mae"
            add(match, "a hyphenated name")
    for match in _BRACKETED_NAME.finditer(text):
        words = [w for w in match.groups() if w]
        if (all(_is_name(w, known) and bare_word(w) not in PLACE_WORDS | COMPANY_WORDS for w in words)
                and any(_is_given_name(w) or not is_english_word(bare_word(w)) for w in words)):
            add(match, "in brackets after a family word or title")
    for match in _ROLE_IN_BRACKETS.finditer(text) if "(" in text else ():
        words = match.group(1).split()
        if (all(_is_name(w, known) and bare_word(w) not in PLACE_WORDS | COMPANY_WORDS for w in words)
                and any(_is_given_name(w) or not is_english_word(bare_word(w)) for w in words)):
            add(match, "with a family role in brackets")
    for match in _PARTICLE_NAME.finditer(text):
        initial, given, surname = match.groups()
        if (_is_name(surname, known) and bare_word(surname) not in PLACE_WORDS | COMPANY_WORDS
                and (initial or (given and _is_given_name(given) and _is_name(given, known)
                                 and bare_word(given) not in PLACE_WORDS | COMPANY_WORDS))
                and not is_place_phrase(match.group(0))):
            add(match, "a name with a particle such as 'van der' or 'de la'")
    for match in _FAMILY.finditer(text):
        word = match.group(1) or match.group(2) or match.group(3)
        if _is_name(word, known) and (match.group(1) or not is_english_word(word)) and not (
                match.group(3) and is_known_word(word, known)):
            add(match, "a family name")
    words = list(WORD.finditer(text))
    for index, match in enumerate(words):
        word = match.group(0)
        bare = bare_word(word)
        if not is_capitalised(word) or bare in known:
            continue
        following = words[index + 1].group(0) if index + 1 < len(words) else ""
        if MONTH_BEFORE_A_YEAR.match(text, match.start()):
            continue                                   # "in Jan 2022", "im Mai 2023": a month, not Jan or Mai
        if bare in dictionary_given_names() or (bare in GIVEN_NAMES and is_capitalised(following)
                                                and _is_name(following, known)):
            add(match, "a given name")
        elif (not word.isascii() and NAME_SHAPE.match(word) and bare not in NOT_NAMES
              and bare not in ROLE_WORDS and not is_english_word(bare)
              # "Mãe enviou a carta", "Oberärztin der Kinderonkologie": a family word or title, not its bearer
              and not is_title_or_family_word(word) and bare not in FOREIGN_TITLE_WORDS
              # "Neutropénie", "Verträglichkeit": a term's ending, unless a given name ends so too
              and not (bare.endswith(OTHER_LANGUAGE_TERM_ENDINGS) and not is_folded_given_name(word))
              # "Härtefallprogramm", "Krankenhausaufenthalt": a noun made of common words
              and not is_compound_word(word)):
            add(match, "a capitalised word spelt like a name")


# What a site or city can do as well as a child; a place-like name needs a verb only a person takes.
_VERBS_OF_PLACES_TOO = frozenset("started restarted completed received finished had has got needs needed spent "
                                 "became asked says said went came goes enrolled screened began".split())
PLACE_WORDS = WORD_LIKE_PLACES | frozenset(w.lower() for phrase in PLACES for w in phrase.split())
COMPANY_WORDS = frozenset(w.lower() for phrase in COMPANIES + INSTITUTIONS for w in phrase.replace("-", " ").split())


# What a company or a drug does as well as a child ("Zentalis said no"): not enough for an unknown word.
VERBS_OF_COMPANIES_TOO = frozenset("said says asked started restarted began enrolled screened received spent needs "
                                    "needed got went came goes became has completed finished".split())
_TREATMENT_AFTER = re.compile(r"\s+(?i:(?:her|his|the|a)\s+)?(?i:cycles?|course|dose|chemo|radiotherapy|radiation|"
                              r"capsules?|tablets?|infusions?|maintenance|induction|consolidation)\b")
_CURATED_WORD_LIKE = WORD_LIKE_NAMES | GIVEN_NAMES
_LAST_WORD = re.compile(rf"({NAME_WORD})\s+$")
_NEXT_WORD = re.compile(rf"\s+({NAME_WORD})")


def _is_given_name(word: str) -> bool:
    bare = bare_word(word)
    return bare in dictionary_given_names() or bare in word_like_given_names()


EPONYM_WORDS = frozenset(w.lower() for phrase in EPONYMS for w in re.split(r"[\s'’-]+", phrase) if w)


def find_possessive_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """A known given name before "'s" and a word ("Autumn's tumour board"), unless an eponym, place or company.

    Runs before eponyms are masked: "Autumn's tumour" has the shape of "Ewing's tumour".
    """
    for match in _POSSESSIVE.finditer(text):
        word, noun = match.group(1), match.group(2)
        bare = bare_word(word)
        # A word no list knows owning a relative or a carer is a person too: "Kwame's oncologist", "Adaeze's mum".
        owns_a_person = noun in RELATION_WORDS or noun in CARER_WORDS
        if (not is_capitalised(word) or not (_is_given_name(word) or (owns_a_person and not is_known_word(word, known)))
                or bare in known or bare in EPONYM_WORDS
                or bare in PLACE_WORDS or bare in COMPANY_WORDS or bare in NOT_NAMES or bare in ROLE_WORDS
                or noun in _EPONYM_NOUNS):
            continue
        before = _LAST_WORD.search(text, max(0, match.start(1) - 40), match.start(1))
        if before and bare_word(before.group(1)) in {"st", "saint", "san", "santa", "sankt"}:
            continue                                   # "St Jude's": a hospital
        found.append(Finding("name", *match.span(1), "a person's name (a given name owning something)"))


def _unknown_sentence_subject(text: str, match: re.Match, known: frozenset[str]) -> bool:
    """An unknown word opening a sentence before a patient's verb: "Emeka had stable disease"."""
    word = match.group(1)
    bare = bare_word(word)
    verb = (match.group("verb") or "").split()[0].lower()
    # A company's verb too, unless a child's treatment follows it: "Chiamaka finished cycle 4"
    return bool(SENTENCE_START.search(text, 0, match.start(1)) and NAME_SHAPE.match(word)
                and (verb not in VERBS_OF_COMPANIES_TOO or _TREATMENT_AFTER.match(text, match.end("verb")))
                and len(bare) >= 3 and bare not in known and bare not in NOT_NAMES and bare not in ROLE_WORDS
                and bare not in PLACE_WORDS and bare not in COMPANY_WORDS and bare not in EPONYM_WORDS
                and not bare.endswith(_CLINICAL_ENDINGS) and not is_english_word(bare))


def _is_surname(first: str, second: str, known: frozenset[str]) -> bool:
    """`second` can be the surname after the given name `first`: spelt like a name and no ordinary,
    place, company or role word."""
    surname = bare_word(second)
    return bool(is_capitalised(first) and NAME_SHAPE.match(second) and surname not in known
                and surname not in NOT_NAMES and surname not in ROLE_WORDS and surname not in PLACE_WORDS
                and surname not in COMPANY_WORDS and not is_english_word(surname))


def find_word_like_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """Names that are also words or places, where the sentence uses them as a person.

    Runs on text where only codes, doses and structural company/hospital/eponym phrases are
    masked: the place and eponym lists would otherwise hide "Brooklyn is 6" and "Hunter completed".
    """
    # Standalone, only the curated word-like names ("Grace Okafor"); the dictionary's ("Brain", "Major",
    # "Oral") lead clinical phrases ("Oral Sildenafil"), so they need a person's slot as well (below).
    for match in _NAME_PAIR.finditer(text):
        title_case = _NEXT_WORD.match(text, match.end())      # "Major Neurocognitive Disorder": a title
        if title_case and is_capitalised(title_case.group(1)) and is_english_word(title_case.group(1)):
            continue
        if bare_word(match.group(1)) in _CURATED_WORD_LIKE and _is_surname(match.group(1), match.group(2), known):
            found.append(Finding("name", *match.span(), "a person's name (a given name and a surname)"))
    for match in _SIBLINGS.finditer(text):
        words = match.group(1), match.group(2)
        if (all(is_capitalised(w) and bare_word(w) not in known for w in words)
                and any(_is_given_name(w) for w in words)):
            found.append(Finding("name", *match.span(), "a person's name (two children who are siblings)"))
    for match in PERSON_VERB.finditer(text):
        if _unknown_sentence_subject(text, match, known):
            found.append(Finding("name", *match.span(1), "a person's name (an unknown word as a patient)"))
    for pattern in (PERSON_VERB, _PERSON_CONTEXT, PERSON_OBJECT):
        for match in pattern.finditer(text):
            word = match.group(1)
            bare = bare_word(word)
            verb = (match.groupdict().get("verb") or "").split()
            if bare in PLACE_WORDS and verb and verb[0].lower() in _VERBS_OF_PLACES_TOO:
                continue                               # "Houston started recruiting", "Austin has a slot"
            if bare in PLACE_WORDS and (match.groupdict().get("next") or "her").lower() not in ("her", "his", "their"):
                continue                               # "referred to Austin for", "with Boston at"
            before = _LAST_WORD.search(text, max(0, match.start(1) - 40), match.start(1))
            if before and bare_word(before.group(1)) in word_like_given_names() and _is_surname(before.group(1), word,
                                                                                             known):
                found.append(Finding("name", before.start(1), match.end(1),
                                     "a person's name (a given name and a surname used of a person)"))
            elif (is_capitalised(word) and not word.isupper() and bare not in known
                    and bare in word_like_given_names()):
                found.append(Finding("name", *match.span(1), "a person's name (a given name used of a person)"))

