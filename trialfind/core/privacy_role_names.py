"""Names told by the slot after a role or a title, for the privacy screen: a name typed in lower case after a
patient or staff word ("pt nowakowska, zofia", "MSL was priyanka venkatesan", "the nurse is tamsin"), and a
name after a title abbreviation of another language ("dott.ssa Lanfranchi", "Sig.ra Ferrante", "Dra.
Villalobos", "Dr.ª Sampaio", "Mme Lecomte", "Hr. Brandstätter", "dhr. Verbeek", "mgr Zielińska"), and a given
name beside another language's nurse or honorific word, before it ("enfermera lucía", "Schwester Anke") or after it
as Turkish puts it ("Zeynep hemşire", "Murat bey"); and a name in title case after a patient or child label of
another language ("Pasien: Putri Ayu Lestari", "Hasta: Elif Kaya").

Apart from `privacy_names` to keep each module readable. A role slot filled by ordinary words ("pt was
stable", "MSL was helpful", "the nurse is on leave") passes: the words after it must be a given name no English
word shares, or two words no vocabulary knows with a given name among them, or a given name before such a word.
"""
from __future__ import annotations

import re

from trialfind.core.given_names import dictionary_given_names, in_any_given_name_list, is_english_word
from trialfind.core.privacy_text import LETTERS, NAME_WORD, UPPER, Finding, bare_word, is_capitalised
from trialfind.core.privacy_vocabulary import (
    INN_AND_TERM_ENDINGS,
    MEDICAL_ENDINGS,
    OTHER_LANGUAGE_TERM_ENDINGS,
    is_known_word,
)
from trialfind.core.privacy_word_lists import is_function_word, is_given_name
from trialfind.core.privacy_words import NOT_NAMES, RELATION_WORDS, ROLE_WORDS

_LOWER = "a-zß-öø-ÿā-ž"
_ROLE = (r"nurse\s+practitioner|physician\s+assistant|(?:clinical\s+)?nurse\s+specialist|child\s+life\s+specialist|"
         r"play\s+specialist|chaplain|pt|pts|patient|patiente|paciente|paziente|pacjent|msl|nurse|study\s+nurse|research\s+nurse|"
         r"contact(?:\s+person)?|coordinator|study\s+coordinator|crc|cra|pi|sub-?i|monitor|liaison|rep|"
         r"representative|physician|oncologist|consultant|registrar|resident|fellow|attending|social\s+worker|"
         r"case\s+manager|navigator|pharmacist|sponsor\s+contact|caller|requester|requestor|referrer|"
         r"referring\s+(?:doctor|physician|oncologist)|"
         # Relatives whose word is never an ordinary sentence's subject ("grandpa walt", "auntie precious"); not
         # "mum" or "dad", which stand before verbs ("dad will call").
         r"grandpa|grandma|granny|grandad|granddad|grandmother|grandfather|nana|nanna|gran|auntie|aunty|aunt|"
         r"uncle|cousin|stepdad|stepmum|stepmom|godmother|godfather|emergency\s+contact(?:\s*:\s*(?:grandpa|"
         r"grandma|granny|grandad|nana|auntie|aunt|uncle|mum|mom|dad|mother|father))?")
_ROLE_SLOT = re.compile(
    rf"\b(?i:{_ROLE})\b\s*(?:[:=\-–]\s*|(?i:is|was|will\s+be|=)\s+|(?i:name(?:d)?)\s*:?\s*|\s)"
    rf"(?P<first>[{_LOWER}][{_LOWER}'’]+(?:-[{_LOWER}]{{2,}})?)(?:\s*,\s*|\s+)?"
    rf"(?P<second>[{_LOWER}][{_LOWER}'’]+(?:-[{_LOWER}]{{2,}})?)?(?![\w@])")

# Title abbreviations of Italian, Spanish, Portuguese, French, German, Dutch and Polish, as typed before a
# surname, in any case where the abbreviation is not an English word too.
_TITLE_ANY_CASE = (r"(?-i:prof\.)|dott\.?\s?ssa|dott(?:\.|ore|oressa|or)?|prof\.?\s?ssa|sig\.?\s?ra|sig\.?\s?na|sig\.|egr\.|"
                   r"gent\.?\s?mo|gent\.?\s?ma|ing\.|avv\.|dr\.\s?ª|drª|dr\.\s?a\.?|dra\.?|sra\.?|srta\.?|sr\.|"
                   r"mme|mlle|dhr\.?|mevr\.?|meneer|mevrouw|mgr\.?|pani|frau|herrn?")
# Short ones that are words or abbreviations in lower case ("pr" per rectum, "fr" French): capitalised only.
_TITLE_CAPITAL = r"Pr\.?|Fr\.|Hr\.|Hrn\.|Pan|Sr|Sra|Dña\.?|Doña|Dª"
# Clergy's and hospital doctors' titles of other languages, capitalised as those languages write them before a
# surname ("Pfarrer Weber", "Pastora Gómez", "Ksiądz Nowak", "Oberärztin Krause", "Doutora Sampaio"): from
# https://en.wikipedia.org/wiki/Ecclesiastical_titles_and_styles, https://de.wikipedia.org/wiki/Pfarrer and
# https://de.wikipedia.org/wiki/Oberarzt. Whole words no English sentence starts with, so any surname follows.
_TITLE_WORD = (r"Pastora|Pastorin|Pfarrer|Pfarrerin|Pater|Padre|Père|Abbé|Diakon|Diakonin|Kaplan|Dominee|Pastoor|"
               r"Ksiądz|Księdza|Siostra|Doktor|Doktorin|Professorin|Oberarzt|Oberärztin|Chefarzt|Chefärztin|Docteur|"
               r"Doctora|Doutor|Doutora|Dottore|Dottor")
FOREIGN_TITLE_WORDS = frozenset(word.lower() for word in _TITLE_WORD.split("|"))
_FOREIGN_TITLE = re.compile(
    rf"(?<![\w.])(?:(?i:{_TITLE_ANY_CASE})|{_TITLE_CAPITAL}|{_TITLE_WORD})(?![\w])\s*(?:(?i:dr|prof)\.?\s+)?"
    rf"(?:[{UPPER}]\.\s*)*(?P<name>{NAME_WORD})")


# Nurse and honorific words of other languages, before a given name ("enfermera lucía", "pielęgniarka ola") ...
_FOREIGN_ROLE = re.compile(
    rf"\b(?i:enfermer[ao]|enfermeira|infirmi[eè]re?|infermier[ae]|schwester|krankenschwester|pfleger(?:in)?|"
    rf"pielęgniarka|pielegniarka|verpleegkundige|zuster|sestra|sestřička|hemşire|hemsire|sjuksköterska(?:n)?|"
    rf"sykepleier(?:en)?|sygeplejerske(?:n)?|perawat|suster|bidan|điều\s+dưỡng|y\s+tá|nars|tía|tia|tío|tio|"
    rf"abuela|abuelo|avó|avô|oma|opa|babcia|dziadek|nonna|nonno|mamie|papi|papy|teyze|amca|dayı|hala)\s+"
    rf"(?P<name>[{UPPER}{_LOWER}][{_LOWER}'’]+)")
# A child's or relative's word of another language before a name, with the language's "my" between ("con gái tôi
# Nguyễn Thị Lan", "bé Minh Anh", "mijn zoon Daan", "moja córka Zosia", "kızım Elif"): Vietnamese, Dutch, Polish,
# Czech, Nordic, Portuguese, Turkish, Hungarian and Romanian words for son, daughter, child, grandchild, mother,
# father, husband and wife, from Wiktionary's translation tables (https://en.wiktionary.org/wiki/son#Translations,
# https://en.wiktionary.org/wiki/daughter#Translations, https://en.wiktionary.org/wiki/child#Translations,
# https://en.wiktionary.org/wiki/mother#Translations, https://en.wiktionary.org/wiki/father#Translations).
# Words that are also common words elsewhere ("con" is Spanish "with", "ba" and "em" are everyday Vietnamese) count
# only with the possessive after them.
_RELATIVE_WORD = (r"con\s+gái|con\s+trai|bé|cháu|mẹ|bố|chồng|vợ|anh\s+trai|chị\s+gái|em\s+trai|em\s+gái|"
                  r"zoon|zoontje|dochter|dochtertje|córka|córeczka|syn|synek|synka|dcera|dcerka|dotter|dottern|"
                  r"datter|datteren|sønn|sønnen|søn|sønnen|filho|filha|netinho|netinha|oğlum|oğlumuz|kızım|kızımız|"
                  r"torunum|fiam|lányom|fiul|fiica|fiica\s+mea|fiul\s+meu")
_RELATIVE_WORD_WITH_OWNER = r"con|ba|má|em|anh|chị"
_VIETNAMESE_OWNER = r"(?:của\s+)?(?:tôi|chúng\s+tôi|mình|em|nhà\s+tôi|chúng\s+em)"
_FOREIGN_RELATION = re.compile(
    rf"(?<![\w'’-])(?i:(?:{_RELATIVE_WORD})(?:\s+{_VIETNAMESE_OWNER})?|(?:{_RELATIVE_WORD_WITH_OWNER})\s+{_VIETNAMESE_OWNER})"
    rf"(?:\s+(?i:tên\s+là|là|heet|ma\s+na\s+imię|se\s+jmenuje|heter|hedder|chamad[oa]))?\s+"
    rf"(?P<name>[{UPPER}{_LOWER}][{LETTERS}'’]+)(?:\s+[{UPPER}][{LETTERS}'’]*){{0,3}}")
# ... and after it, as Turkish writes its honorifics ("Zeynep hemşire", "Murat bey", "Elif hanım", "Ayten abla").
_AFTER_NAME_ROLE = re.compile(
    rf"(?<![\w'’-])(?P<name>[{UPPER}][{_LOWER}'’]+|[{_LOWER}]{{3,}})\s+(?i:hemşire|hemsire|hanım|hanim|hanımefendi|"
    rf"bey|beyefendi|abla|ağabey|abi|teyze|amca|hoca|hocam|doktor\s+bey|doktor\s+hanım)\b")

# A name with a Japanese honorific joined by a hyphen, as romanised Japanese writes it ("Haruto-kun", "Tanaka-san",
# "Yui-chan"), or a Korean one ("Minjun-ssi"): only people take them. Honorifics from Wikipedia "Japanese honorifics"
# (https://en.wikipedia.org/wiki/Japanese_honorifics) and "Korean honorifics" (https://en.wikipedia.org/wiki/Korean_honorifics).
_JAPANESE_HONORIFIC = re.compile(
    rf"(?<![\w'’-])(?P<name>[{UPPER}{_LOWER}][{_LOWER}]+)-(?i:kun|chan|san|sama|sensei|senpai|ssi|nim)(?![\w-])")

# A form's patient or child label of another language, then a colon and the name in title case: "Pasien: Putri Ayu
# Lestari", "Paciente: Ana Lúcia Souza", "Hasta: Elif Kaya", "Bệnh nhân: Nguyễn Văn An". The words for patient and
# child in Indonesian, Malay, Spanish, Portuguese, French, German, Italian, Dutch, Polish, Czech, Turkish, Vietnamese,
# Tagalog and the Nordic languages, from Wiktionary's translation tables (https://en.wiktionary.org/wiki/patient#Translations,
# https://en.wiktionary.org/wiki/child#Translations).
_PATIENT_LABEL = (r"pasien|pesakit|paciente|patient|patiente|patientin|patiënt|paziente|pacjent|pacjentka|pacient|"
                  r"pacientka|hasta|bệnh\s+nhân|benh\s+nhan|pasyente|anak|kind|enfant|niño|niña|nino|nina|criança|"
                  r"crianca|bambino|bambina|dziecko|dítě|çocuk|cocuk|trẻ|barn|lapsi|nama\s+pasien|nama\s+anak|"
                  r"nombre\s+del\s+paciente|nome\s+do\s+paciente|nom\s+du\s+patient|hasta\s+adı|tên\s+bệnh\s+nhân")
_LABELLED_NAME = re.compile(
    rf"(?<![\w'’-])(?i:{_PATIENT_LABEL})\s*:\s*(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})(?![\w'’-])")
# What such a label's value is when it is no name: the child's sex, or the child itself ("Paciente: Niño de 7
# años", "Pasien: Laki-laki"), from Wiktionary's translations of male, female, boy and girl
# (https://en.wiktionary.org/wiki/male#Translations, https://en.wiktionary.org/wiki/female#Translations,
# https://en.wiktionary.org/wiki/boy#Translations, https://en.wiktionary.org/wiki/girl#Translations).
_NOT_A_LABELLED_NAME = frozenset(re.split(r"\s+", """male female boy girl child infant masculino femenino masculina femenina
masculin féminin feminin masculine féminine männlich weiblich junge mädchen maschio femmina maschile femminile
mannelijk vrouwelijk jongen meisje mężczyzna kobieta chłopiec dziewczynka muž žena chlapec dívka erkek kadın kız
oğlan nam nữ laki-laki perempuan lelaki wanita anak niño niña nino nina menino menina garçon fille bambino
bambina kind enfant criança dziecko çocuk lalaki babae"""))


def _given(word: str) -> bool:
    return all(in_any_given_name_list(p) for p in word.split("-") if p)


def _ordinary(word: str, known: frozenset[str]) -> bool:
    return (word in known or word in NOT_NAMES or word in ROLE_WORDS or word in RELATION_WORDS
            or is_english_word(word))


# Words that follow a person's name in a role's slot, not an ordinary word's: "nurse kelly on 5 west", "pi jean
# said". "contact: grace period" or "nurse sunny days" has a noun after it and passes.
_AFTER_A_NAME = frozenset({"on", "at", "in", "from", "of", "was", "is", "has", "had", "said", "says", "called", "rang",
                           "texted", "emailed", "helped", "and", "who", "here", "there", "today", "yesterday"})


def _rare_word(word: str) -> bool:
    """A given name that English uses less than as a common word (Zipf under 5: "kelly", "jess", "grace", not
    "fine", "hope" or "mark") and no function word ("will", "may")."""
    from wordfreq import zipf_frequency  # lazy: only a role's slot with a word-like given name needs it

    return not is_function_word(word, "en") and zipf_frequency(word, "en") < 5.0


_CONTRACTION = re.compile(r"['’](?:d|ll|re|ve|s|m|t)$|n['’]t$", re.I)


def _unknown(word: str, known: frozenset[str]) -> bool:
    """No vocabulary knows it, and it is shaped like a surname (a vowel, four letters or more); of a double
    surname ("nowakowska-lind") the first part is enough."""
    word = _CONTRACTION.sub("", word)                   # "they'd", "we'll": a pronoun and its verb
    first = [p for p in word.split("-") if p][:1]
    return bool(first) and len(first[0]) >= 4 and bool(re.search(r"[aeiouyà-ÿ]", first[0])) and not (
        is_known_word(first[0], known) or is_known_word(word, known))


def find_role_and_title_names(text: str, found: list[Finding], known: frozenset[str],
                              institutions: list[tuple[int, int]] = ()) -> None:
    """Append lower-case names in a role's slot and names after another language's title abbreviation
    (not inside a hospital's or foundation's name: "Hospital de Pediatría Prof. Dr. Juan P. Garrahan")."""
    for match in _ROLE_SLOT.finditer(text):
        first, second = match.group("first"), match.group("second") or ""
        if _ordinary(first, known) and not _given(first):
            continue
        end = None
        if _given(first) and not _ordinary(first, known):
            end = match.end("second") if second and (_given(second) or _unknown(second, known)) else match.end("first")
        elif second and _unknown(first, known) and _unknown(second, known):
            end = match.end("second")                  # "raghunathan, ashwin", "kowalczyk-bauer, emilia"
        elif second and _unknown(first, known) and _given(second):
            end = match.end("second")                  # "brannigan, oisin": a surname, then a given name
        elif not second and "-" in first and _unknown(first, known):
            end = match.end("first")                   # "pt: okonkwo-bell": a double surname alone
        elif second and _given(first) and _unknown(second, known):
            end = match.end("second")                  # "will okonjo": a word-like given name, then a surname
        elif _given(first) and _rare_word(first) and (not second or second in _AFTER_A_NAME):
            end = match.end("first")                   # "nurse kelly on 5 west": a rare word that is a given name
        if end is not None:
            found.append(Finding("name", match.start("first"), end,
                                 "a person's name (typed in lower case after a role such as 'pt' or 'MSL')"))
    for match in _LABELLED_NAME.finditer(text):
        words = [bare_word(w) for w in match.group("name").split()]
        if any(w in _NOT_A_LABELLED_NAME or w in known or w in NOT_NAMES or w in ROLE_WORDS for w in words):
            continue
        # One word must be a given name; two or more, not all vocabulary ("Patient: Female Child").
        if (any(is_given_name(w) and not is_english_word(w) for w in words)
                or (len(words) >= 2 and sum(not is_known_word(w, known) for w in words) >= 2)):
            found.append(Finding("name", *match.span("name"), "a person's name (after a patient or child label)"))
    for pattern in (_FOREIGN_ROLE, _FOREIGN_RELATION, _AFTER_NAME_ROLE):
        for match in pattern.finditer(text):
            name = match.group("name")
            bare = bare_word(name)
            if not bare or bare in known or bare in NOT_NAMES or bare in ROLE_WORDS or bare in RELATION_WORDS:
                continue
            # A given name, in any case; a capitalised word only where it is no English word ("Ayten", not "Home").
            if _given(bare) or is_given_name(name) or (is_capitalised(name) and not is_english_word(bare)
                                                       and not is_function_word(bare, "tr")):
                found.append(Finding("name", *match.span(), "a person's name (beside a nurse's or honorific word "
                                                            "of another language)"))
    for match in _JAPANESE_HONORIFIC.finditer(text):
        if bare_word(match.group("name")) not in known:
            found.append(Finding("name", *match.span(), "a person's name (with a Japanese or Korean honorific)"))
    for match in _FOREIGN_TITLE.finditer(text):
        if any(start <= match.start() < end for start, end in institutions):
            continue
        name = match.group("name")
        bare = bare_word(name)
        if (not bare or bare in known or bare in NOT_NAMES or bare in ROLE_WORDS or not is_capitalised(name)
                or (name.isupper() and len(name) > 1)
                or bare.endswith(MEDICAL_ENDINGS + INN_AND_TERM_ENDINGS + OTHER_LANGUAGE_TERM_ENDINGS)):
            continue                        # "Oberärztin Kinderonkologie": the post's department, not a surname
        # "Pan American", "Sr Staff": after a capital-only title an English word is no surname.
        if (re.match(rf"(?:{_TITLE_CAPITAL})(?![\w])", match.group(0)) and is_english_word(bare)
                and bare not in dictionary_given_names()):
            continue
        found.append(Finding("name", *match.span(), "a person's name (after a title such as 'dott.ssa' or 'Sra.')"))
