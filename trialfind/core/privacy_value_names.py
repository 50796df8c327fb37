"""Values that are a person's name and nothing else, in whatever case it was typed, for the privacy screen:
"Grace" (one capitalised given name), "aiden walsh" (lower case), "WALSH, AIDEN" and "JOHANNES VAN DER BERG" (all
capitals), "van der berg, j." (a surname with its particles and an initial), and a given name followed by the
child's age in brackets ("Lily (age 6, DIPG)"), and words no vocabulary explains with a family or care role in
brackets, as a value or one item of a list ("jonh smtih (dad)": a misspelt name).

Running text gives a name its cues (a capital inside a sentence, a verb said of a person); a field holding only a
name gives none, so the shape of the whole value is the cue here. Clinical values of one word are spelt as terms
("grace period", "Hope trial" have more words; "hope" has no capital), so a value of exactly one capitalised word
that the name lists hold is taken for a person.
"""
from __future__ import annotations

import re

from trialfind.core.given_names import (
    WORD_LIKE_PLACES,
    dictionary_given_names,
    in_any_given_name_list,
    is_english_word,
)
from trialfind.core.privacy_names import OWNED_BY_A_CHILD
from trialfind.core.privacy_allowed import INSTITUTION_NAME, VIETNAMESE_FAMILY_NAMES
from trialfind.core.privacy_text import LETTERS, Finding
from trialfind.core.privacy_vocabulary import is_known_word, is_place_phrase
from trialfind.core.privacy_words import (
    GIVEN_NAMES,
    NAME_PARTICLES,
    NOT_NAMES,
    RELATION_WORDS,
    ROLE_WORDS,
    WORD_LIKE_NAMES,
)

# Particles before a surname (Dutch "van der", German "von", Romance "de la", "dos", Arabic "al", "bin").
_PARTICLES = frozenset(NAME_PARTICLES)
_PARTICLE = rf"(?:{'|'.join(NAME_PARTICLES)})"
_ONE_CAPITALISED = re.compile(r"[A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?")
_LETTERS = r"a-zà-öø-ÿ"
# "van der berg, j.", "de la cruz, m. a.": a surname with its particles, then initials, as a list of people has it.
_PARTICLE_SURNAME_INITIALS = re.compile(
    rf"(?<![\w'’-])(?i:{_PARTICLE}(?:\s+{_PARTICLE})?)\s+[{_LETTERS}A-ZÀ-ÖØ-Þ'’-]{{2,}},\s*"
    # A year or "et al." after it makes it a citation ("van der Berg, J. (2019)"), which names no patient.
    r"[A-Za-z]\.(?:\s?[A-Za-z]\.){0,2}(?![\w])(?!,?\s*\(?\s*(?:19|20)\d\d|,?\s*et\s+al)")
# "Lily (age 6, DIPG)", "Noah (7y, relapsed ALL)": a capitalised given name with the child's age in brackets.
_NAME_WITH_AGE = re.compile(
    r"(?<![\w'’-])(?P<given>[A-Z][a-zà-öø-ÿ]+)\s*\(\s*(?:[^()]*?[\s,;])?"
    r"(?:(?i:aged?)\s*:?\s*\d{1,2}|\d{1,2}\s*(?i:y/?o|yo|yrs?|years?(?:\s+old)?|y|mo|months?(?:\s+old)?)(?![a-z]))"
    r"[^()]*\)")
# Family and care roles a list of people puts in brackets after each name, in the languages of the families served:
# English (privacy_words.RELATION_WORDS) and the words for mother, father, parent, grandmother, grandfather, nurse
# and doctor of Spanish, Portuguese, French, German, Italian, Dutch, Polish, Turkish and Indonesian, from
# Wiktionary's translation tables (https://en.wiktionary.org/wiki/mother#Translations,
# https://en.wiktionary.org/wiki/father#Translations, https://en.wiktionary.org/wiki/nurse#Translations,
# https://en.wiktionary.org/wiki/doctor#Translations). Not "partner" or "advocate", which companies are too.
_BRACKETED_ROLES = tuple(sorted(
    {w for w in RELATION_WORDS if w not in ("partner", "advocate", "manager", "worker", "fellow", "resident")}
    | {"pt", "patient"}                                # "mckenzie-rae (pt)"
    | set(re.split(r"\s+", """mamá mama mamã mãe madre padre papá papa pai mère père maman mutter vater mutti vati madre padre
    madre moeder vader matka ojciec mama tata anne baba ibu ayah bapak abuela abuelo avó avô grand-mère grand-père
    oma opa nonna nonno babcia dziadek enfermera enfermeira infirmière infirmier krankenschwester pfleger
    infermiera verpleegkundige pielęgniarka hemşire perawat médico médica médecin arzt ärztin medico lekarz
    doktor dokter tutor tutora tuteur vormund""")), key=len, reverse=True))
# "jonh smtih (dad)", "maria gonzlez (mamá)": one to three words, then a role in brackets, as a whole value or as
# one item of a list (after a colon, comma, semicolon or line break).
_WORDS_WITH_ROLE = re.compile(
    rf"(?:^|[,;:\n])\s*(?P<words>[{_LETTERS}A-ZÀ-ÖØ-Þ'’-]+(?:\s+[{_LETTERS}A-ZÀ-ÖØ-Þ'’-]+){{0,2}})\s*"
    rf"\(\s*(?i:the\s+|my\s+|our\s+|patient['’]s\s+|child['’]s\s+)?(?i:{'|'.join(_BRACKETED_ROLES)})\s*\)"
    rf"\s*(?=$|[,;.\n])")
# A form's name label, then a colon: what follows is a name unless it says none was given ("patient NAME: de la
# cruz, mateo", "Nombre: lucía gómez"). The word for name in the languages of the families served, from
# Wiktionary's translations of "name" (https://en.wiktionary.org/wiki/name#Translations); before it, at most one word
# saying whose name (a person, never a drug's, company's or trial's name: "Drug name: lorlatinib" passes).
_NAME_LABEL = re.compile(
    r"(?:^|[\n;|.]\s*)(?i:(?:(?:patient|pt|child|kid|son|daughter|parent|mother|father|mum|mom|dad|guardian|carer|"
    r"contact|doctor|physician|nurse|full|first|last|given|family|middle|maiden|child['’]s|patient['’]s)\s+)?"
    r"(?:name|surname|nombre|apellidos?|nom|prénom|prenom|nome|cognome|naam|achternaam|voornaam|imię|imie|nazwisko|"
    r"jméno|jmeno|isim|adı|soyadı|nama|tên|navn|namn|nimi|vorname|nachname|"
    # Russian, Ukrainian, Greek: "Фамилия пациента: Петров", "ФИО: ...", "Όνομα: ..." (with the patient's after)
    r"фамилия|имя|отчество|фио|прізвище|ім['’]я|όνομα|επώνυμο)(?:\s+(?:пациента|ребёнка|ребенка|пацієнта|дитини|"
    r"ασθενούς|παιδιού))?)\s*:\s*(?P<value>[^;|\n]+)")
# A family named by its surname after "Family:" ("Family: Ruiz-Delgado, 4 kids"); "Family: very supportive" says how.
_FAMILY_LABEL = re.compile(r"(?:^|[\n;|.]\s*)(?i:family)\s*:\s*(?P<value>[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?)(?![\w'’-])")
# A value that is a given name and a double-barrelled surname, one of its parts no word: "Ife Adebayo-Johnson".
_DOUBLE_BARRELLED_VALUE = re.compile(
    r"(?P<given>[A-Z][a-zà-öø-ÿ'’]+)\s+(?P<surname>[A-Z][a-zà-öø-ÿ'’]+-[A-Z][a-zà-öø-ÿ'’]+)")
# A surname named as such, without a field's colon: "family name Kleist", "surname is Okafor", "last name: Berg".
_SURNAME_SAID = re.compile(r"\b(?i:family\s+name|surname|last\s+name|maiden\s+name)\s*(?:(?i:is|was)\s+|[:\-–]\s*)?"
                           r"(?P<value>[A-ZÀ-Þ][\w'’\-]+)")
# A Vietnamese full name: a common family name, the middle name "Văn" (men's) or "Thị" (women's), and a given name,
# in any case ("Nguyen Van An", "trần thị lan"; https://en.wikipedia.org/wiki/Vietnamese_name).
_VIETNAMESE_FULL_NAME = re.compile(
    rf"(?<![\w'’-])(?i:{VIETNAMESE_FAMILY_NAMES})\s+(?i:v[aă]n|th[iị])\s+[{LETTERS}]{{2,}}(?![\w'’-])")
_SHORT_FAMILY_NAMES = frozenset(("le", "lê", "ho", "hồ", "do", "đỗ", "vu", "vo", "ly", "lý"))
# What a name field holds when no name was given.
_NO_NAME_GIVEN = re.compile(r"(?i:n/?a|none|nil|unknown|withheld|redacted|removed|anonymi[sz]ed|anonymous|anon|"
                            r"confidential|private|hidden|omitted|not\b.*|no\b.*|tbd|xx+|\[.*\]|[-–—?*]+|"
                            r"не\b.*|нет|немає|δεν\b.*)\W*")
_INVERTED_WITH_INITIAL = re.compile(rf"[{_LETTERS}'’ -]+,\s*[{_LETTERS}'’-]{{2,}}\s+[{_LETTERS}]\.?")
_VALUE_WORD = re.compile(rf"[{_LETTERS}'’-]+")


def _given(word: str) -> bool:
    """A given name of the lists, of any kind ("grace" too)."""
    return word not in NOT_NAMES and word not in ROLE_WORDS and (
        in_any_given_name_list(word))


def is_listed_or_dictionary_given_name(word: str) -> bool:
    """A given name of any list ("ana", "emma"), for rules elsewhere that have another cue besides."""
    return _given(word)


def _listed_given(word: str) -> bool:
    """A given name of the curated lists ("grace", "lily") or of the dictionary when no English word ("aiden"):
    the name dictionary alone also lists words ("brain", "diet", "sham") that a value may hold by themselves.
    Places and months the dictionary lists as names too ("Georgia", "May") answer a question of where or when."""
    return (word not in NOT_NAMES and word not in ROLE_WORDS and word not in WORD_LIKE_PLACES
            and (word in GIVEN_NAMES or word in WORD_LIKE_NAMES or word in dictionary_given_names())
            and not is_place_phrase(word))


def _given_not_a_word(word: str) -> bool:
    """A given name that is no English word ("aiden", "johannes" is a word of the dictionary, "grace" too)."""
    return word not in NOT_NAMES and word not in ROLE_WORDS and word in dictionary_given_names()


# A registry's own nouns, which follow a study's or cohort's given-name acronym ("nina protocol", "lara study"):
# the names of ClinicalTrials.gov's record sections and data elements,
# https://clinicaltrials.gov/data-api/about-api/study-data-structure, and "trial", the study's everyday name.
_RECORD_NOUNS = frozenset(("protocol", "study", "studies", "trial", "trials", "arm", "arms", "group", "groups",
                           "intervention", "outcome", "outcomes", "eligibility", "phase", "enrollment", "sponsor",
                           "collaborator", "condition", "conditions", "keyword", "keywords", "design", "status",
                           "masking", "allocation", "cohort", "criteria", "score"))
# Endings of clinical terms and abstract nouns that no surname has ("deficiency", "anaemia", "lymphoma"). Sources:
# Wikipedia "List of medical roots, stems, prefixes and suffixes",
# https://en.wikipedia.org/wiki/List_of_medical_roots,_stems,_prefixes_and_suffixes (-oma, -emia, -itis, -osis,
# -pathy, -ectomy, -plasia, -penia, -algia, -scopy, -graphy, -logy), WHO "The use of stems in the selection of INN"
# (-mab, -nib, -platin), and "List of English suffixes", https://en.wikipedia.org/wiki/List_of_English_suffixes
# (-ency, -ancy, -tion, -sion, -ity, -ness, -ment). Broader endings ("-ia", "-one") are surnames' too ("garcia").
_TERM_ENDINGS = ("oma", "omas", "emia", "aemia", "itis", "osis", "pathy", "ectomy", "therapy", "plasia", "penia",
                 "algia", "scopy", "graphy", "logy", "mab", "nib", "platin", "ency", "ancy", "tion", "tions", "sion",
                 "ity", "ness", "ment", "ments")
_CLINICAL_HEAD = re.compile(rf"(?:{OWNED_BY_A_CHILD})")


def _surname_like(word: str, known: frozenset[str]) -> bool:
    """Not a word a clinical value puts after a study's or a disease's acronym ("ida deficiency", "lara trial")."""
    return (len(word) >= 2 and word not in known and word not in _PARTICLES and word not in ROLE_WORDS
            and word not in _RECORD_NOUNS and not _CLINICAL_HEAD.fullmatch(word)
            and not word.endswith(_TERM_ENDINGS))


def _plain_surnames(rest: list[str], known: frozenset[str]) -> bool:
    """One or two surnames, after a second given name perhaps: each shaped like a surname and no English word or known
    term ("ryan", "pérez gómez"; not "trial", "kelly's")."""
    second_given = len(rest) >= 2 and _listed_given(rest[0]) and not is_english_word(rest[0])
    if second_given:
        rest = rest[1:]
    # Many surnames are places too ("Pérez", "Lee"): a place counts as a surname beside a second given name or a
    # second surname, not alone after one given name ("ana georgia" may say where).
    places_allowed = second_given or len(rest) == 2
    return 1 <= len(rest) <= 2 and all(
        _surname_like(w, known) and not is_english_word(w) and not is_known_word(w, known) and w.isalpha()
        and (places_allowed or not is_place_phrase(w)) for w in rest)


def _is_full_name(words: list[str], known: frozenset[str], *, inverted: bool) -> bool:
    """`words` (lower case) read as a given name and a surname: "aiden walsh", "johannes van der berg", or surname
    first after a comma ("walsh, aiden"). A given name that is also an English word counts only beside particles."""
    if inverted:
        given, surname = words[-1], words[:-1]
    else:
        given, surname = words[0], words[1:]
    if not surname or len(surname) > 3 or given in known:
        return False
    if inverted and len(surname) == 2 and _given(given) and _plain_surnames(surname, known):
        return True                                    # "martínez lópez, alejandro": two surnames, then the given name
    particles = [w for w in surname if w in _PARTICLES]
    rest = [w for w in surname if w not in _PARTICLES]
    if not particles and not inverted and _plain_surnames(rest, known) and _given(given):
        # A listed given name, a second one perhaps ("ana lucía"), then one or two surnames no English word or
        # place shares ("lee ryan", "ana lucía pérez gómez"): a lower-case value names someone even when its given
        # name is an English word too ("lee", "ana"), for the surname is none.
        return True
    if len(rest) == 2 and not particles and not inverted:
        # Two surnames after a given name, as Iberian names have them ("tiago gomes ruis"); words a clinical value
        # could hold are no surname here.
        return (_given_not_a_word(given) and not is_english_word(given)
                and all(_surname_like(w, known) and not is_english_word(w) for w in rest))
    if len(rest) != 1 or not _surname_like(rest[0], known) or surname[-1] in _PARTICLES:
        return False
    if particles:
        return _given(given)
    # Without particles, a second word a clinical value could hold ("lisa trial") leaves it: the surname must not
    # be a given name's ordinary companion only by chance, so a given name that is no English word is needed.
    return _given_not_a_word(given) and not (rest[0] in dictionary_given_names() and is_english_word(given))


def find_value_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """Append a finding when the whole value is a person's name, or holds a surname with particles and initials or
    a given name with an age in brackets."""
    for match in _SURNAME_SAID.finditer(text):
        found.append(Finding("name", *match.span("value"), "a person's name (a surname named as such)"))
    for match in _VIETNAMESE_FULL_NAME.finditer(text):
        words = match.group(0).split()
        # Title case, or lower case with a family name no French or Dutch word shares ("le van blanc": the van)
        if all(w[0].isupper() for w in words) or (match.group(0).islower() and words[0] not in _SHORT_FAMILY_NAMES):
            found.append(Finding("name", *match.span(), "a person's name (a Vietnamese full name)"))
    for match in _PARTICLE_SURNAME_INITIALS.finditer(text):
        found.append(Finding("name", *match.span(), "a surname with its initials"))
    for match in _NAME_WITH_AGE.finditer(text):
        if _listed_given(match.group("given").lower()) and match.group("given").lower() not in known:
            found.append(Finding("name", *match.span(), "a given name with the child's age"))
    for match in _WORDS_WITH_ROLE.finditer(text) if "(" in text else ():
        if _unexplained(match.group("words").split(), known):
            found.append(Finding("name", *match.span("words"), "a name no dictionary knows, with a family or care "
                                                               "role in brackets"))
    for match in _NAME_LABEL.finditer(text):
        value = match.group("value").strip(" \t.,")
        if any(c.isalpha() for c in value) and not _NO_NAME_GIVEN.fullmatch(value):
            found.append(Finding("name", match.start("value"), match.start("value") + len(match.group("value")),
                                 "a person's name (the value of a name field)"))
    for match in _FAMILY_LABEL.finditer(text):
        if not all(is_known_word(part, known) for part in match.group("value").split("-")):
            found.append(Finding("name", *match.span("value"), "a person's name (a family named by its surname)"))
    stripped = text.strip(" \t\r\n.;")
    start = text.find(stripped) if stripped else 0
    span = (start, start + len(stripped))
    barrelled = _DOUBLE_BARRELLED_VALUE.fullmatch(stripped)
    # Not a place of care ("Hospital Sírio-Libanês", "Instituto Sírio-Libanês"), nor a plain noun before the hyphen.
    if (barrelled and not all(is_known_word(part, known) for part in barrelled.group("surname").split("-"))
            and not INSTITUTION_NAME.match(stripped)
            and barrelled.group("given").lower() not in ROLE_WORDS | NOT_NAMES):
        found.append(Finding("name", *span, "a person's full name as the whole value"))
        return
    if _ONE_CAPITALISED.fullmatch(stripped):
        if all(_listed_given(part.lower()) and part.lower() not in known for part in stripped.split("-")):
            found.append(Finding("name", *span, "a given name as the whole value"))
        return
    letters = [c for c in stripped if c.isalpha()]
    if not letters or not (stripped == stripped.lower() or stripped == stripped.upper()):
        return
    lower = stripped.lower()
    if not re.fullmatch(rf"[{_LETTERS}'’-]+(?:\s+[{_LETTERS}'’-]+){{1,4}}|[{_LETTERS}'’ -]+,\s*[{_LETTERS}'’-]+", lower):
        # "HARTLEY, EMMA L.": a list of people gives the middle initial after the given name.
        if not _INVERTED_WITH_INITIAL.fullmatch(lower):
            return
        lower = lower[:lower.rfind(" ")]
    inverted = "," in lower
    words = _VALUE_WORD.findall(lower)
    if _is_full_name(words, known, inverted=inverted):
        found.append(Finding("name", *span, "a person's full name as the whole value"))


def _unexplained(words: list[str], known: frozenset[str]) -> bool:
    """Words no vocabulary explains, as a misspelt name is ("jonh smtih", "maria gonzlez"): each a given name or an
    unknown word shaped like one (four letters or more, a vowel, not an acronym), at least one of them unknown; or
    a given name no English word shares, then its surname ("kevin smith")."""
    def name_like(word: str) -> bool:
        bare = word.lower().strip("'’-")
        return (not word.isupper() and len(bare) >= 4 and bool(re.search(r"[aeiouyà-ÿ]", bare))
                and bare not in known and not is_known_word(bare, known) and not is_place_phrase(bare))

    lower = [w.lower() for w in words]
    if _given_not_a_word(lower[0]) and not is_english_word(lower[0]) and lower[0] not in known:
        return True
    return any(name_like(w) for w in words) and all(name_like(w) or _given(w.lower()) for w in words)
