"""The one privacy screen: finds details in free text that could identify a child or family.

Every place where a person types text that trialfind stores or prints (registry records,
the request letter) runs it through here, so there is one answer to "is this personal?".
Kinds found: emails (also written out as "name at gmail dot com"), phone numbers in
national and international forms, full dates and dates of birth, person names, record
numbers (MRN, NHS, SSN, chart, hospital, insurance) and street or postal addresses.

The screen leans towards refusing: a refused value is easy to reword, a leaked name cannot
be taken back. What clinical text is full of, and is not personal, is masked before the
search: drug code names (PF-06463922, AMG 510), NCT ids, gene variants (BRAF V600E), doses,
company and hospital names, and diseases named after people (Wilms, Ewing, Hodgkin). A
month and year ("May 2026") or a bare year is not a date of birth; a full date is.

This module sits at the bottom layer: it imports only the library's error class and its
own word lists (privacy_words, given_names). Longer than 400 lines because its patterns
and the order they run in are one concept: each mask must run before the searches it
protects, and splitting them would hide that order.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from trialfind.core.errors import InvalidInput
from trialfind.core.given_names import (
    WORD_LIKE_PLACES,
    dictionary_given_names,
    is_english_word,
    word_like_given_names,
)
from trialfind.core.privacy_words import (
    COMPANIES,
    EPONYMS,
    FREE_MAIL_DOMAINS,
    GIVEN_NAMES,
    INSTITUTIONS,
    NOT_NAMES,
    PLACES,
    RELATION_WORDS,
    ROLE_EMAIL_STEMS,
    ROLE_WORDS,
    US_STATES,
    WORD_LIKE_NAMES,
)
from trialfind.core.text import NCT_ID_PATTERN

REFUSAL_HINT = "no names, emails, phone numbers, dates of birth, record numbers or addresses are kept"

KINDS = ("email", "phone", "date", "name", "record_number", "address")


class PersonalDataFound(InvalidInput):
    """A value holds personal data; the message names the field and the kind, never the value."""

    def __init__(self, message: str, field: str | None = None, kind: str | None = None):
        super().__init__(message)
        self.field = field
        self.kind = kind


@dataclass(frozen=True)
class Finding:
    kind: str          # one of KINDS
    start: int         # span in the screened text
    end: int
    explanation: str   # plain words, safe to show: never contains the matched text


# --- patterns ---------------------------------------------------------------------------------

_U = r"A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"          # Latin letters with accents (Zoë, José, Łukasz, Nguyễn)
_UP = r"A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ"              # (the Latin Extended ranges mix cases; the check below decides)
_NAME_WORD = rf"[{_UP}][{_U}'’\-]*"

_TLD = r"(?:com|org|net|edu|gov|mil|int|info|biz|io|me|co|uk|us|ca|au|nz|ie|fr|de|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|br|mx|in|jp|cn|ru|il|za)"
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+%-]+\s?@\s?[\w-]+(?:\s?\.\s?[\w-]+)+", re.U)
_AT = r"(?:\s*[\[({]\s*at\s*[\])}]\s*|\s+at\s+)"
_DOT = r"(?:\s*[\[({]\s*dot\s*[\])}]\s*|\s+dot\s+|\.)"
_OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.])[\w.+-]+(?:\s+dot\s+[\w+-]+)*{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}{_TLD}\b", re.I)
_FREE_MAIL_BARE = re.compile(rf"(?<![\w.])[\w.+-]+{_AT}(?:gmail|yahoo|hotmail|outlook|icloud|aol|protonmail|gmx)\b", re.I)
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_FULL_DATES = (
    re.compile(rf"(?<![\d.])(?:19|20)\d{{2}}[-/.](?:0?[1-9]|1[0-2])[-/.]{_DAY}(?![\d])"),                # 2019-03-03
    re.compile(rf"(?<![\d./-]){_DAY}[-/.]{_DAY}[-/.](?:{_YEAR}|\d{{2}})(?![\d/]|[.-]\d)"),                  # 03/03/2019, 3.3.19
    re.compile(rf"\b{_MONTH}\.?[\s-]+{_DAY}{_ORD},?[\s-]+(?:of\s+)?(?:{_YEAR}|'\d{{2}})\b", re.I),        # March 3rd 2019
    re.compile(rf"\b{_DAY}{_ORD}[\s-]+(?:of\s+)?{_MONTH}\.?,?[\s-]+(?:{_YEAR}|'?\d{{2}})\b", re.I),       # 3 March 2019
    re.compile(rf"\b{_YEAR}\s+{_MONTH}\.?\s+{_DAY}\b", re.I),                                             # 2019 March 3
)
_BIRTH_WORDS = r"(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on)?|geb\.?|geboren|n[ée]e?\s+le)"
_BIRTH_VALUE = re.compile(
    rf"\b{_BIRTH_WORDS}\s*(?:is|was|:|-|=)?\s*(?:on\s+)?(?:the\s+)?(?:\d|{_MONTH}\b)", re.I)

_RECORD_WORDS = (
    r"(?:mrn|mr\s?#|mr\s?(?:no|number)|medical\s+record(?:\s+(?:no|number|#))?|record\s*(?:no|number|#)|"
    r"chart\s*(?:no|number|#|id)|patient\s*(?:id|no|number|#)|hosp(?:ital|\.)?\s*(?:id|no|number|#)|"
    r"urn|ur\s*(?:no|number)|medi-?cal(?:\s+(?:cin|id|no|number|#))?|kvnr|"
    r"nhs\s*(?:no|number|#)?|chi\s*(?:no|number)|social\s+security(?:\s+(?:no|number|#))?|ssn|sin|"
    r"insurance\s*(?:member\s*)?(?:id|no|number|#)|member\s*(?:id|no|number|#)|policy\s*(?:no|number|#)|"
    r"health\s*card\s*(?:no|number|#)?|medicaid\s*(?:id|no|number|#)?|medicare\s*(?:id|no|number|#)?|"
    r"unit\s*(?:no|number)|case\s*(?:no|number|#)|(?:kranken)?versicherten-?nummer|krankenversicherungsnummer|num[ée]ro\s+de\s+s[ée]curit[ée]\s+sociale|"
    r"aadhaa?r(?:\s*(?:no|number|#))?|pan\s*(?:no|number|#|card)|curp|bsn|personnummer|codice\s+fiscale|"
    r"tax\s*(?:id|no|number)|passport\s*(?:no|number|#)?|driver'?s\s+licen[cs]e(?:\s*(?:no|number|#))?)")
_RECORD_WHERE = r"(?:\s+(?:at|in|for|with|from)\s+(?:the\s+)?[\w'’]+(?:\s+[\w'’]+)?)?"   # "MRN at Boston is"
_RECORD = re.compile(rf"\b{_RECORD_WORDS}(?![a-z])\.?{_RECORD_WHERE}"
                     rf"\s*(?:is|was|:|-|=|#)?\s*[A-Z]{{0,4}}[-\s]?\d[\dA-Z\s-]{{1,}}", re.I)
# A product's, study's or form's number is not a person's: "model no. 420100", "protocol no. 20180123".
_THING_NUMBER = re.compile(r"\b(?:model|lot|batch|catalog(?:ue)?|cat|serial|protocol|study|trial|version|form"
                           r"|ref|reference|order|part|item|device|ind|ide|eudract|isrctn|grant|award|approval)"
                           r"\.?\s*$", re.I)
# Any "<id word> <value with 5 or more digits>": "Member ID XK-88213", "Patient no. RX4419273", "CIN 91234567A".
_ID_VALUE = re.compile(r"\b(?:id|no|nr|number|nummer|num[ée]ro|n[úu]mero|#|cin|urn)(?![a-z])\.?"
                       r"\s*(?:is|was|:|-|=|#)?\s*"
                       r"((?<![\w-])[A-Z]{0,4}-?\d[\dA-Z-]*\d[A-Z]?)(?![\w-])", re.I)
_SSN = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
_LONG_NUMBER = re.compile(r"(?<![\w.,/-])\d{6,}(?![\w.,/]|\s*(?:%|mg|mcg|µg|ug|ml|mL|g\b|kg|iu|units?|cells|copies|/))", re.I)

_PHONE_SHAPES = (
    # international: +44 20 7946 0958, +1 (312) 555-0198, +44 (0)161 496 0000, +49 30 901820
    re.compile(r"(?<![\w+])\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\(?\d{1,5}\)?(?:[\s./-]?\d{2,5}){1,4}"),
    re.compile(r"(?<![\w+])00[1-9]\d{0,2}[\s.-]\d{1,5}(?:[\s./-]?\d{2,8}){1,3}(?![\w/])"),      # 0049 89 1234567
    # North American: (617) 555 0123, 617/555/0123, 1-800-438-1985, 6175550123
    re.compile(r"(?<![\w/.-])(?:1[\s.-])?\(?[2-9]\d{2}\)?[\s./-]?\d{3}[\s./-]\d{4}(?![\w/-]|\.\d)"),
    re.compile(r"(?<![\w/.-])[2-9]\d{2}[2-9]\d{6}(?![\w/.-])"),
    # national with trunk zero: 020 7946 0958, 07700 900123, 06 12 34 56 78, 030 901820, 089/1234567
    re.compile(r"(?<![\w/.-])0\d{1,4}[\s./-]?\d{2,8}(?:[\s./-]\d{2,4}){0,3}(?![\w/])"),
    re.compile(r"(?<![\w/.-])\(0\d{1,4}\)\s?\d{2,5}(?:[\s.-]?\d{2,5}){1,2}(?![\w/])"),     # (02) 9876 5432
)
# A local or unusual number ("555-0188", "338 1234567", "0049 89 1234567") counts only where
# the text says it is a phone.
_LOCAL_PHONE = re.compile(r"(?<![\w/.-])\d{2,5}(?:[-.\s]\d{2,8}){1,4}(?![\w/.-])")
_EXTENSION = re.compile(r"^\s*(?:,\s*)?(?:ext\.?|extension|x|#)\s*\d{1,6}", re.I)
_YEAR_RANGE = re.compile(r"^\s*(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}\s*$")
_PHONE_WORDS = re.compile(r"\b(?:phone|tel|telephone|telefon|t[ée]l[ée]phone|mobile|cell|handy|portable|"
                          r"whatsapp|call|ring|text|fax|contact|number|reach|sms|telefono|tel[ée]fono|m[óo]vil|cellulare)\b", re.I)

_STREET_TYPES = (r"street|avenue|road|boulevard|lane|drive|court|terrace|highway|parkway|crescent|close|"
                 r"grove|gardens|mews|walk|row|square|place|way|circle|trail|st|ave|av|rd|blvd|ln|dr|ct|"
                 r"ter|hwy|pkwy|cres|sq|pl|cir")
_US_STREET = re.compile(
    rf"(?<![\w/.-])(?:\d{{1,4}}[A-Za-z]?/)?\d{{1,6}}[A-Za-z]?,?\s+(?:(?:[NSEW]\.?|north|south|east|west)\s+)?"
    rf"((?:[{_UP}0-9][{_U}0-9.'’\-]*\s+){{1,4}})({_STREET_TYPES})\b\.?", re.I)
_EU_STREET_AFTER = re.compile(  # Hauptstraße 12, Musterstr. 5, Kirchweg 3a, Lindenallee 7
    rf"\b[{_UP}][{_U}\-]*(?:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|ring|damm|ufer|steig|pfad|chaussee)\s*\d{{1,4}}[a-z]?\b")
_EU_STREET_WORDS = re.compile(   # 12 rue de Rivoli, Calle Mayor 5, Via Roma 10, C/ Alcalá 20, Am Markt 3
    rf"(?:\b\d{{1,4}}\s*(?:bis|ter)?,?\s+(?:rue|avenue|av\.|bd|boulevard|chemin|all[ée]e|impasse|quai|place|cours|"
    rf"route|passage)\s+(?:(?:de|du|des|la|le|l'|d')\s*)*(?-i:[{_UP}]))|"
    rf"(?:\b(?:rue|avenue|boulevard|bd|chemin|all[ée]e|quai|calle|c/|avenida|avda\.?|paseo|plaza|carrer|rua|travessa|via|viale|piazza|corso|vicolo|largo|"
    rf"straat|laan|gracht|plein)\s+(?:(?:de|del|la|las|los|da|das|do|dos|della|delle|dei|di|van|der)\s+)*"
    rf"(?-i:[{_UP}])[{_U}'’\-]*(?:\s+(?-i:[{_UP}])[{_U}'’\-]*){{0,3}},?\s*(?:n[º°o]\.?\s*)?\d{{1,4}})", re.I)
_PO_BOX = re.compile(r"\b(?:p\.?\s?o\.?\s*box|post\s+office\s+box|postfach|apartado)\s*\d+|"
                     r"\b(?:apt|apartment|flat|suite|unit)\.?\s*#?\s*\d+[A-Za-z]?\b\s*,", re.I)
_US_ZIP = re.compile(rf"\b(?:{'|'.join(US_STATES)}),?\s+\d{{5}}(?:-\d{{4}})?\b")
_AU_STATE_POSTCODE = re.compile(r"\b(?:NSW|VIC|QLD|TAS|ACT|NT|WA|SA)\s+\d{4}(?![\w-])")
_ZIP4 = re.compile(r"(?<![\w-])\d{5}-\d{4}(?![\w-])")
_ZIP_WORD = re.compile(r"\b(?:zip|zip\s*code|postcode|post\s*code|postal\s*code|plz|code\s+postal|c\.p\.|cp)"
                       r"\s*:?\s*[A-Z0-9]{0,4}\d",
                       re.I)
_UK_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s+\d[ABD-HJLNP-UW-Z]{2}\b")
_CA_POSTCODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b")
_EU_POSTAL_CITY = re.compile(rf"(?<![\w-])(?:[A-Z]-)?(?!(?:19|20)\d\d\b)\d{{4,5}}\s+([{_UP}][{_U}\-]+)")

_DRUG_CODE = re.compile(r"\b[A-Z]{1,6}(?:-|\s)?\d{2,8}[A-Za-z]?\b(?![-/]\d)")
_NCT = re.compile(rf"\b{NCT_ID_PATTERN.pattern}\b", re.I)
_VARIANT = re.compile(
    r"\b(?:p\.)?[ACDEFGHIKLMNPQRSTVWY]\d{1,4}(?:[ACDEFGHIKLMNPQRSTVWY*]|fs|del|dup|ins)\b|"
    r"\bc\.[\d_+\-*]+[ACGT]?(?:>[ACGT]|del|dup|ins)\S*|"
    r"\bexon\s+\d{1,2}(?:\s+(?:insertion|deletion|skipping|mutation|duplication))?", re.I)
_DOSE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|ml|mL|iu|IU|units?|Gy|cGy|mmol|mEq|mg/m2|mg/kg|"
                   r"mcg/kg|mg/m²|/m2|/kg|%|kg|cm|mm|weeks?|days?|months?|years?|hours?|h|x)\b", re.I)
_GRADE = re.compile(r"\b(?:grade|gr\.?|g)\s*[1-5](?:\s*[-/]\s*[1-5])?\b", re.I)

_TITLES = (r"Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse|Sister|Father|Fr|Sr|Rev|Madame|Mme|Mlle|"
           r"Monsieur|Herr|Frau|Señor|Señora|Sra|Sr|Dra|Dott|Dottoressa|Signora|Pani|Pan")
_TITLE_NAME = re.compile(rf"\b(?:{_TITLES}|(?i:doctor|nurse|professor))\b\.?\s+(?:[A-Z]\.\s*)*({_NAME_WORD})")
_INITIALS = re.compile(r"\b(?i:initials)\s*(?:are|is|:)?\s*[A-Z](?:\.?\s?[A-Z]){1,3}\b\.?")
_RELATION = re.compile(
    rf"\b(?i:(?:(?:my|our|his|her|their|the|a)\s+)?(?:(?:little|baby|youngest|oldest|eldest|older|younger|"
    rf"twin|step|dear|beloved|late)\s+)?(?:{'|'.join(RELATION_WORDS)}))\s*(?:,|:|-)?\s+(?i:(?:is|was)\s+)?\(?({_NAME_WORD}|[a-z]+)")
# "Mei-Ling", "Ellie-Mae": two capitalised parts joined by a hyphen, unless an eponym or place.
# A word spelt like a name: a capital, then small letters only ("Zoë", not "TKI-naïve" or "AixplorerÂ").
_NAME_SHAPE = re.compile(rf"^[{_UP}][a-zß-öø-ÿā-ž]+(?:['’]s)?$")
_HYPHENATED = re.compile(rf"(?<![\w-])([{_UP}][{_U}'’]+-[{_UP}][{_U}'’]+)(?![\w-])")
_NAMED = re.compile(rf"\b(?i:named|name\s+is|name's|name\s*:|nicknamed|goes\s+by|known\s+as|called)\s*:?\s*({_NAME_WORD}|[a-z]+)")
_CONTEXT_NAME = re.compile(
    rf"\b(?i:spoke\s+(?:with|to)|talked\s+(?:with|to)|met\s+with|emailed|thanks\s+to|thank\s+you|signed|"
    rf"regards|attn|attention\s*:|cc|dear|hi|hello|(?:written|signed|sent|submitted|completed|reported|filled\s+(?:in|out))\s+by)\s*[,:]?\s+({_NAME_WORD})")
_FAMILY = re.compile(rf"\b(?i:the)\s+({_NAME_WORD})\s+(?i:family|household)\b"
                     r"(?!\s+(?:kinases?|members?|history|of|proteins?))|"
                     rf"\b({_NAME_WORD})\s+(?i:family|household)\s+(?=(?:has|have|had|is|was|were|are|agreed|asked|"
                     r"wants|wanted|consented|decided|declined|chose|said|requested|travelled|traveled|lives)\b)")
# A capitalised word used like a person: "Izzy's counts", "Oskar and his mum", "Nia, 7,", "Leo is 6".
_PERSON_CONTEXT = re.compile(
    rf"\b({_NAME_WORD})(?:['’]s\s+(?i:counts|bloods|labs|platelets|scans?|mri|ct|pet|tumou?r|cancer|relapse|"
    rf"diagnosis|treatment|chemo|port|line|weight|height|birthday|school|class|teacher|oncologist|doctor|"
    rf"nurse|consultant|team|mum|mom|dad|mother|father|parents|brother|sister|grandma|grandpa|case|hair|"
    rf"pain|fever|rash|appetite|energy|neuroblastoma|leuka?emia|lymphoma|sarcoma|glioma|medulloblastoma|"
    rf"symptoms|response|disease|marrow|condition|care|name|photo|picture|story|records?|file|chart)\b|"
    rf"\s+and\s+(?i:his|her|their)\s+(?i:{'|'.join(RELATION_WORDS)})\b|"
    rf",\s*(?:aged?\s+)?\d{{1,2}}\s*(?:years?\s*old|yo|y)?\s*,|"
    rf"\s+(?i:is|was|turned|turns|just\s+turned)\s+\d{{1,2}}\b(?!\s*(?:days?|weeks?|months?|mg|cycles?|hours?|%|kg|cm)))")
_WORD = re.compile(rf"[{_U}][{_U}'’\-]*")
# "Tyra Biosciences", "Acme Pharma Ltd": capitalised words before a company suffix are a company.
_COMPANY_NAME = re.compile(
    rf"\b(?:{_NAME_WORD}\s+){{1,3}}(?:Biosciences?|Therapeutics|Pharmaceuticals?|Pharma|Oncology|Biotech|"
    rf"Biopharma(?:ceuticals)?|Biologics|Laboratories|Labs|Medicines|Genetics|Genomics|Sciences|Health|"
    rf"Inc|Ltd|LLC|GmbH|AG|SA|S\.A\.|plc|Corp(?:oration)?|Co\.)\b\.?")
# "Princess Margaret Cancer Centre", "Alder Hey Children's Hospital": a place of care, not a person.
_INSTITUTION_NAME = re.compile(
    rf"\b(?:{_NAME_WORD}\s+){{1,3}}(?:Cancer\s+)?(?:Hospital|Centre|Center|Clinic|Institute|Infirmary|"
    rf"Children['’]s|University|Foundation|Trust|Hospice)\b|"
    # "Charité Universitätsmedizin Berlin", "Klinikum Stuttgart", "Ospedale Bambino Gesù": the word itself says so.
    rf"\b(?:{_NAME_WORD}\s+){{0,2}}[{_UP}][{_U}]*(?i:klinik|universit|medizin|krankenhaus|spital|ziekenhuis|"
    rf"sjukhus|szpital|policlinic|ospedale|h[ôo]pital|centrum|zentrum|institut|fondazione|fundaci)[{_U}]*"
    rf"(?:\s+{_NAME_WORD})?")
# A word in a person's slot: the subject of what happens to a patient ("Grace relapsed", "only Will
# was eligible", "Hunter completed 4 cycles"). Used for given names that are also ordinary words,
# places or eponyms, which the word lists alone must let through ("Grace period", "Will the company").
_PERSON_VERB = re.compile(
    rf"\b({_NAME_WORD})(?=\s+(?:(?:also|still|then|now|finally|just|only|never|already)\s+)?"
    r"(?P<verb>tolerated|relapsed|started|restarted|completed|received|finished|responded|progressed|developed|"
    r"underwent|screened|enrolled|began|vomited|weighs|spent|needs|needed|had|has|got|felt|feels|tested|stayed|"
    r"became|turned|turns|celebrated|loves|likes|cried|asked|says|said|went|came|goes|"
    r"(?:is|was|has\s+been|had\s+been)\s+(?:now\s+|still\s+|not\s+|also\s+)?(?:diagnosed|admitted|discharged|"
    r"eligible|ineligible|enrolled|treated|started|born|doing|feeling|on|off|referred|seen|given|"
    r"scheduled|able|unable|too|\d)"
    r")\b)")
# The object of caring for a child: "gave Precious her dose", "took Faith to Boston", "applied for Hope through".
_PERSON_OBJECT = re.compile(
    rf"\b(?i:gave|give|giving|took|take|taking|brought|bring|drove|applied\s+for|asked\s+for|requested\s+for|"
    rf"treated|treating|examined|saw|visited|admitted|discharged|enrolled|screened|referred|dosed|hugged|told|"
    rf"helped|for|with|to)\s+({_NAME_WORD})\s+(?P<next>her|his|their|to|through|at|into|home|back|yesterday|"
    rf"today|again|because|after|before|when|since)\b")
# A given name that is also a word, then a surname: "Grace Okafor", "Will Thompson".
_NAME_PAIR = re.compile(rf"\b({_NAME_WORD})\s+({_NAME_WORD})\b")
# "dr ngozi eze": a title typed in lower case before a word that is not an ordinary word.
_LOWER_TITLE = re.compile(r"\b(?:dr|doctor|mr|mrs|ms|prof|nurse|sister)\.?\s+([a-z][a-z'’\-]{2,})")
# "little Bodhi", "baby Ana": an endearment before a capitalised word.
_ENDEARMENT = re.compile(rf"\b(?:little|baby|sweet|brave|our\s+little)\s+({_NAME_WORD})")
# "Autumn's tumour board", "Precious's haemoglobin": a known given name owning something.
_POSSESSIVE = re.compile(rf"(?<![\w'’.-])([{_UP}][{_U}\-]*)['’]s\s+([a-z][a-z\-]*)")
_EPONYM_NOUNS = frozenset("syndrome disease sign reflex law phenomenon triad criteria classification score scale "
                          "test procedure operation method manoeuvre maneuver".split())
# "Father (Hamid Rahimi) signed": a name in brackets after a family word or title.
_BRACKETED_NAME = re.compile(
    rf"\b(?i:{'|'.join(RELATION_WORDS)}|{_TITLES})\.?\s*\(\s*({_NAME_WORD})(?:\s+({_NAME_WORD}))?\s*\)")
# "Ivy and Holly are sisters": two words that are siblings are people.
_SIBLINGS = re.compile(
    rf"\b({_NAME_WORD})\s+(?:and|&)\s+({_NAME_WORD})\s+(?i:are|were)\s+(?:(?i:both|twin|identical|half|step)[\s-]+)?"
    r"(?i:sisters|brothers|twins|siblings|cousins|triplets|step-?sisters|step-?brothers)\b")
# Where a sentence starts: an unknown word there is capitalised by the sentence, not by being a name,
# so it counts as one only before a patient's verb ("Emeka had stable disease").
_SENTENCE_START = re.compile(r"(?:^|[.!?;:]\s+|\n)\s*$")
# Endings of drug names (INN stems) and clinical terms: "Tovorafenib had", "Neuroblastoma was".
_CLINICAL_ENDINGS = ("mab", "nib", "ib", "lisib", "platin", "rubicin", "mycin", "taxel", "tecan", "stine", "abine",
                     "trexate", "limus", "zomib", "degib", "tide", "mide", "zole", "vir", "stat", "cept", "kin",
                     "ase", "one", "ine", "ol", "ide", "ate", "ium", "oma", "emia", "aemia", "itis", "osis",
                     "pathy", "ectomy", "therapy", "gen", "cel", "leucel", "sone", "lone", "olone", "parin",
                     "fen", "xacin", "cillin", "azole", "prazole", "pril", "sartan", "dipine", "olol", "tinib", "in")


def _is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper() and not word.isupper()


def _bare(word: str) -> str:
    word = word.lower()
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    return word.strip("'’-.")


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern:
    alternatives = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases if p.strip()), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?:['’]s)?(?![\w])", re.I)


_ALLOWED_PHRASES = _phrase_pattern(COMPANIES + EPONYMS + INSTITUTIONS + PLACES)
_EPONYM_HEAD = re.compile(
    rf"\b((?:{_NAME_WORD}[\s-])*{_NAME_WORD})(?:['’]s)?\s+(?i:syndrome|disease|tumou?r|sarcoma|lymphoma|leukaemia|"
    rf"leukemia|an(?:a)?emia|cell|cells|histiocytosis|score|scale|criteria|classification|stage|staging|"
    rf"chromosome|test|sign|reflex|method|curve|formula|procedure|catheter|line|port|group|regimen|protocol)\b")


# --- the search -------------------------------------------------------------------------------

def _is_role_email(address: str) -> bool:
    local, _, domain = re.sub(r"\s", "", address.lower()).partition("@")
    if any(free in domain for free in FREE_MAIL_DOMAINS):
        return False
    parts = [p for p in re.split(r"[._+\-]+", local) if p]
    return bool(parts) and all(p.isdigit() or p in ROLE_WORDS or any(s in p for s in ROLE_EMAIL_STEMS)
                               for p in parts)


def _emails(text: str, found: list[Finding], allowed: list[tuple[int, int]]) -> None:
    for match in _EMAIL.finditer(text):
        if _is_role_email(match.group(0)):
            allowed.append(match.span())
        else:
            found.append(Finding("email", *match.span(), "an email address"))
    for pattern in (_OBFUSCATED_EMAIL, _FREE_MAIL_BARE):
        for match in pattern.finditer(text):
            if "@" not in match.group(0):
                found.append(Finding("email", *match.span(), "an email address written out in words"))


def _dates(text: str, found: list[Finding]) -> None:
    for match in _BIRTH_VALUE.finditer(text):
        found.append(Finding("date", *match.span(), "a date of birth"))
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            found.append(Finding("date", *match.span(),
                                 "a full date (in free text a day, month and year may be a date of birth; "
                                 "a month and year is enough)"))


def _records(text: str, found: list[Finding]) -> None:
    for match in _RECORD.finditer(text):
        found.append(Finding("record_number", *match.span(), "a record, patient, health or insurance number"))
    for match in _ID_VALUE.finditer(text):
        if (sum(c.isdigit() for c in match.group(1)) >= 5
                and not _THING_NUMBER.search(text, max(0, match.start() - 20), match.start())):
            found.append(Finding("record_number", *match.span(), "an identity, record or insurance number"))
    for match in _SSN.finditer(text):
        found.append(Finding("record_number", *match.span(), "a social security number"))


def _phones(text: str, found: list[Finding]) -> None:
    for pattern in _PHONE_SHAPES:
        for match in pattern.finditer(text):
            candidate = match.group(0).rstrip(" .-/")
            digits = re.sub(r"\D", "", candidate)
            if not 7 <= len(digits) <= 15 or _YEAR_RANGE.match(candidate) or _ZIP4.fullmatch(candidate):
                continue
            if candidate.startswith("0") and not candidate.startswith("+") and len(digits) < 9:
                # A short zero-led run is an id or a count unless the text says it is a phone.
                if not _PHONE_WORDS.search(text[max(0, match.start() - 30):match.start()]):
                    continue
            end = match.start() + len(candidate)
            extension = _EXTENSION.match(text[end:])
            found.append(Finding("phone", match.start(), end + (extension.end() if extension else 0),
                                 "a phone number"))
    for match in _LOCAL_PHONE.finditer(text):
        if (7 <= len(re.sub(r"\D", "", match.group(0))) <= 15
                and _PHONE_WORDS.search(text[max(0, match.start() - 30):match.start()])):
            found.append(Finding("phone", *match.span(), "a phone number"))


# Words after a number that make it a count or a measure, not a house number ("6 Minute Walk Test").
_COUNTED_THINGS = frozenset("mg ml kg week day cycle course minute hour second meter metre mile step point "
                            "item question month year dose session visit lap round".split())


def _addresses(text: str, found: list[Finding]) -> None:
    for match in _US_STREET.finditer(text):
        name_words, street_type = match.group(1).split(), match.group(2)
        ambiguous = street_type.lower() in {"st", "dr", "ct", "pl", "way", "place", "close", "court", "square",
                                             "row", "walk", "circle", "ter", "sq", "cir", "av", "trail", "line"}
        words_ok = all(not w.isupper() or len(w) <= 2 and w[0] in "NSEW" for w in name_words if w.isalpha())
        if street_type.isupper() and len(street_type) > 1:
            continue                                   # "2 CT", "3 DR": acronyms, not streets
        if not words_ok:
            continue
        if any(_bare(w) in NOT_NAMES or w.lower().rstrip("s") in _COUNTED_THINGS
               for w in name_words):
            continue
        if ambiguous and not all(_is_capitalised(w) or w[0].isdigit() for w in name_words):
            continue
        found.append(Finding("address", *match.span(), "a street address"))
    for pattern, what in ((_EU_STREET_AFTER, "a street address"), (_EU_STREET_WORDS, "a street address"),
                          (_PO_BOX, "a post box or flat number"), (_US_ZIP, "a postal (ZIP) code"),
                          (_AU_STATE_POSTCODE, "a state and postcode"),
                          (_ZIP4, "a ZIP+4 code"), (_ZIP_WORD, "a postal code"),
                          (_UK_POSTCODE, "a postcode"), (_CA_POSTCODE, "a postal code")):
        for match in pattern.finditer(text):
            found.append(Finding("address", *match.span(), what))
    for match in _EU_POSTAL_CITY.finditer(text):
        if _is_capitalised(match.group(1)) and _bare(match.group(1)) not in ROLE_WORDS and _bare(match.group(1)) not in NOT_NAMES:
            found.append(Finding("address", *match.span(), "a postal code and town"))


def _long_numbers(text: str, found: list[Finding]) -> None:
    for match in _LONG_NUMBER.finditer(text):
        if not _YEAR_RANGE.match(match.group(0)):
            found.append(Finding("record_number", *match.span(), "a long number (a record or ID number?)"))


def _is_name(word: str, known: frozenset[str], *, lower_ok: bool = False) -> bool:
    bare = _bare(word)
    if not bare or bare in known or bare in NOT_NAMES or bare in ROLE_WORDS:
        return False
    if word.isupper() and len(word) > 1:
        return False                                   # ALK, DIPG, ICE: acronyms, not names
    if _is_capitalised(word):
        return True
    return lower_ok and bare in dictionary_given_names()


def _names(text: str, found: list[Finding], known: frozenset[str], contact: bool) -> None:
    def add(match: re.Match, what: str) -> None:
        found.append(Finding("name", *match.span(), f"a person's name ({what})"))

    for match in _TITLE_NAME.finditer(text):
        if _is_name(match.group(1), known):
            add(match, "a title such as 'Dr.' followed by a name")
    for match in _RELATION.finditer(text):
        word = match.group(1)
        lead = match.group(0)[: match.start(1) - match.start(0)].split()
        relation = next((token for token in reversed(lead) if any(c.isalpha() for c in token)), "")
        title_case = relation[:1].isupper()
        if title_case and _bare(word) not in dictionary_given_names():
            continue                                  # "Patient Education", "Twin Block": a title, not a person
        if _is_name(word, known, lower_ok=True):
            add(match, "after a family word such as 'my son' or 'patient'")
    for match in _NAMED.finditer(text):
        word = match.group(1)
        if _is_name(word, known, lower_ok=True) and (not match.group(0).lower().startswith("called")
                                                     or _bare(word) in GIVEN_NAMES
                                                     or _bare(word) in dictionary_given_names()):
            add(match, "after 'named' or 'called'")
    for match in _CONTEXT_NAME.finditer(text):
        if _is_name(match.group(1), known) and _bare(match.group(1)) not in {"sir", "madam", "team", "colleague"}:
            add(match, "in a greeting, signature or 'spoke with'")
    for match in _ENDEARMENT.finditer(text):
        if _is_name(match.group(1), known):
            add(match, "after a word such as 'little'")
    for match in _INITIALS.finditer(text):
        add(match, "a person's initials")
    for match in _PERSON_CONTEXT.finditer(text):
        if _is_name(match.group(1), known):
            add(match, "a capitalised word used of a person")
    for match in _LOWER_TITLE.finditer(text):
        bare = _bare(match.group(1))
        if ((bare in dictionary_given_names() or not is_english_word(bare))
                and bare not in NOT_NAMES and bare not in ROLE_WORDS and bare not in known):
            add(match, "a title such as 'dr' followed by a name")
    for match in _HYPHENATED.finditer(text):
        parts = match.group(1).split("-")
        # "Mei-Ling", "Ellie-Mae" — but not "Post-Traumatic", "Low-Intensity": one part must be a given name.
        if (all(_is_name(part, known) and _NAME_SHAPE.match(part) for part in parts)
                and (any(_bare(part) in dictionary_given_names() for part in parts)
                     or all(_bare(part) in word_like_given_names() for part in parts))):   # "Lily-Mae"
            add(match, "a hyphenated name")
    for match in _BRACKETED_NAME.finditer(text):
        words = [w for w in match.groups() if w]
        if (all(_is_name(w, known) and _bare(w) not in _PLACE_WORDS and _bare(w) not in _COMPANY_WORDS for w in words)
                and any(_is_given_name(w) or not is_english_word(_bare(w)) for w in words)):
            add(match, "in brackets after a family word or title")
    for match in _FAMILY.finditer(text):
        word = match.group(1) or match.group(2)
        if _is_name(word, known) and (match.group(1) or not is_english_word(word)):
            add(match, "a family name")
    words = list(_WORD.finditer(text))
    for index, match in enumerate(words):
        word = match.group(0)
        bare = _bare(word)
        if not _is_capitalised(word) or bare in known:
            continue
        following = words[index + 1].group(0) if index + 1 < len(words) else ""
        if bare in dictionary_given_names() or (bare in GIVEN_NAMES and _is_capitalised(following)
                                                and _is_name(following, known)):
            add(match, "a given name")
        elif (not word.isascii() and _NAME_SHAPE.match(word) and bare not in NOT_NAMES
              and bare not in ROLE_WORDS and not is_english_word(bare)):
            add(match, "a capitalised word spelt like a name")
    if contact:
        run = 0
        for match in words:
            word = match.group(0)
            unknown = _is_capitalised(word) and _bare(word) not in ROLE_WORDS and _bare(word) not in known
            run = run + 1 if unknown else 0
            if run >= 2:
                add(match, "give a role, generic address or portal instead")
                break


# What a site or city can do as well as a child; a place-like name needs a verb only a person takes.
_VERBS_OF_PLACES_TOO = frozenset("started restarted completed received finished had has got needs needed spent "
                                 "became asked says said went came goes enrolled screened began".split())
_PLACE_WORDS = WORD_LIKE_PLACES | frozenset(w.lower() for phrase in PLACES for w in phrase.split())
_COMPANY_WORDS = frozenset(w.lower() for phrase in COMPANIES + INSTITUTIONS for w in phrase.replace("-", " ").split())


# What a company or a drug does as well as a child ("Zentalis said no"): not enough for an unknown word.
_VERBS_OF_COMPANIES_TOO = frozenset("said says asked started restarted began enrolled screened received spent needs "
                                    "needed got went came goes became has completed finished".split())
_CURATED_WORD_LIKE = WORD_LIKE_NAMES | GIVEN_NAMES
_LAST_WORD = re.compile(rf"({_NAME_WORD})\s+$")
_NEXT_WORD = re.compile(rf"\s+({_NAME_WORD})")


def _is_given_name(word: str) -> bool:
    bare = _bare(word)
    return bare in dictionary_given_names() or bare in word_like_given_names()


_EPONYM_WORDS = frozenset(w.lower() for phrase in EPONYMS for w in re.split(r"[\s'’-]+", phrase) if w)


def _possessive_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """A known given name before "'s" and a word ("Autumn's tumour board"), unless an eponym, place or company.

    Runs before eponyms are masked: "Autumn's tumour" has the shape of "Ewing's tumour".
    """
    for match in _POSSESSIVE.finditer(text):
        word, noun = match.group(1), match.group(2)
        bare = _bare(word)
        if (not _is_capitalised(word) or not _is_given_name(word) or bare in known or bare in _EPONYM_WORDS
                or bare in _PLACE_WORDS or bare in _COMPANY_WORDS or bare in NOT_NAMES or bare in ROLE_WORDS
                or noun in _EPONYM_NOUNS):
            continue
        before = _LAST_WORD.search(text, max(0, match.start(1) - 40), match.start(1))
        if before and _bare(before.group(1)) in {"st", "saint", "san", "santa", "sankt"}:
            continue                                   # "St Jude's": a hospital
        found.append(Finding("name", *match.span(1), "a person's name (a given name owning something)"))


def _unknown_sentence_subject(text: str, match: re.Match, known: frozenset[str]) -> bool:
    """An unknown word opening a sentence before a patient's verb: "Emeka had stable disease"."""
    word = match.group(1)
    bare = _bare(word)
    verb = (match.group("verb") or "").split()[0].lower()
    return bool(_SENTENCE_START.search(text, 0, match.start(1)) and _NAME_SHAPE.match(word)
                and verb not in _VERBS_OF_COMPANIES_TOO
                and len(bare) >= 3 and bare not in known and bare not in NOT_NAMES and bare not in ROLE_WORDS
                and bare not in _PLACE_WORDS and bare not in _COMPANY_WORDS and bare not in _EPONYM_WORDS
                and not bare.endswith(_CLINICAL_ENDINGS) and not is_english_word(bare))


def _is_surname(first: str, second: str, known: frozenset[str]) -> bool:
    """`second` can be the surname after the given name `first`: spelt like a name and no ordinary,
    place, company or role word."""
    surname = _bare(second)
    return bool(_is_capitalised(first) and _NAME_SHAPE.match(second) and surname not in known
                and surname not in NOT_NAMES and surname not in ROLE_WORDS and surname not in _PLACE_WORDS
                and surname not in _COMPANY_WORDS and not is_english_word(surname))


def _word_like_names(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """Names that are also words or places, where the sentence uses them as a person.

    Runs on text where only codes, doses and structural company/hospital/eponym phrases are
    masked: the place and eponym lists would otherwise hide "Brooklyn is 6" and "Hunter completed".
    """
    # Standalone, only the curated word-like names ("Grace Okafor"); the dictionary's ("Brain", "Major",
    # "Oral") lead clinical phrases ("Oral Sildenafil"), so they need a person's slot as well (below).
    for match in _NAME_PAIR.finditer(text):
        title_case = _NEXT_WORD.match(text, match.end())      # "Major Neurocognitive Disorder": a title
        if title_case and _is_capitalised(title_case.group(1)) and is_english_word(title_case.group(1)):
            continue
        if _bare(match.group(1)) in _CURATED_WORD_LIKE and _is_surname(match.group(1), match.group(2), known):
            found.append(Finding("name", *match.span(), "a person's name (a given name and a surname)"))
    for match in _SIBLINGS.finditer(text):
        words = match.group(1), match.group(2)
        if (all(_is_capitalised(w) and _bare(w) not in known for w in words)
                and any(_is_given_name(w) for w in words)):
            found.append(Finding("name", *match.span(), "a person's name (two children who are siblings)"))
    for match in _PERSON_VERB.finditer(text):
        if _unknown_sentence_subject(text, match, known):
            found.append(Finding("name", *match.span(1), "a person's name (an unknown word as a patient)"))
    for pattern in (_PERSON_VERB, _PERSON_CONTEXT, _PERSON_OBJECT):
        for match in pattern.finditer(text):
            word = match.group(1)
            bare = _bare(word)
            verb = (match.groupdict().get("verb") or "").split()
            if bare in _PLACE_WORDS and verb and verb[0].lower() in _VERBS_OF_PLACES_TOO:
                continue                               # "Houston started recruiting", "Austin has a slot"
            if bare in _PLACE_WORDS and (match.groupdict().get("next") or "her").lower() not in ("her", "his", "their"):
                continue                               # "referred to Austin for", "with Boston at"
            before = _LAST_WORD.search(text, max(0, match.start(1) - 40), match.start(1))
            if before and _bare(before.group(1)) in word_like_given_names() and _is_surname(before.group(1), word,
                                                                                             known):
                found.append(Finding("name", before.start(1), match.end(1),
                                     "a person's name (a given name and a surname used of a person)"))
            elif (_is_capitalised(word) and not word.isupper() and bare not in known
                    and bare in word_like_given_names()):
                found.append(Finding("name", *match.span(1), "a person's name (a given name used of a person)"))


def _known(known_words: Iterable[str]) -> frozenset[str]:
    words: set[str] = set()
    for phrase in known_words:
        words.update(_bare(w) for w in _WORD.findall(phrase or ""))
    return frozenset(words)


def find_personal_data(text: str | None, *, contact: bool = False,
                       known_words: Iterable[str] = ()) -> list[Finding]:
    """Everything in `text` that looks personal, in reading order (overlaps merged to the first).

    `contact=True` is for a field naming how a company was reached: a run of capitalised
    words that are not role or company words is taken for a person. `known_words` are
    words of the same record's company and drug names, which are never a person.
    """
    if not text:
        return []
    return list(_find_cached(str(text), contact, tuple(known_words)))


# Registries repeat the same company, drug and diagnosis words thousands of times: screen each once.
@functools.lru_cache(maxsize=8192)
def _find_cached(text: str, contact: bool, known_words: tuple[str, ...]) -> tuple[Finding, ...]:
    known = _known(known_words)
    found: list[Finding] = []
    allowed: list[tuple[int, int]] = [m.span() for m in _URL.finditer(text)]
    allowed += [m.span() for m in _NCT.finditer(text)]
    _emails(text, found, allowed)
    masked = _mask(text, allowed + [(f.start, f.end) for f in found])
    _records(masked, found)
    _dates(masked, found)
    masked = _mask(masked, [(f.start, f.end) for f in found])
    _phones(masked, found)
    masked = _mask(masked, [(f.start, f.end) for f in found])
    _addresses(masked, found)
    masked = _mask(masked, [(f.start, f.end) for f in found])
    # Before doses are masked: "Brooklyn is 6 years old" needs its age.
    structural = _mask(masked, [m.span(1) for m in _EPONYM_HEAD.finditer(masked)]
                       + [m.span() for pattern in (_COMPANY_NAME, _INSTITUTION_NAME) for m in pattern.finditer(masked)])
    _word_like_names(structural, found, known)
    harmless = [m.span() for pattern in (_DRUG_CODE, _VARIANT, _DOSE, _GRADE) for m in pattern.finditer(masked)]
    masked = _mask(masked, harmless)
    _long_numbers(masked, found)
    masked = _mask(masked, [m.span() for m in _ALLOWED_PHRASES.finditer(masked)])
    masked = _mask(masked, [m.span() for m in _COMPANY_NAME.finditer(masked)])
    masked = _mask(masked, [m.span() for m in _INSTITUTION_NAME.finditer(masked)])
    if known_words:
        masked = _mask(masked, [m.span() for m in _phrase_pattern(known_words).finditer(masked)])
    _possessive_names(masked, found, known)
    masked = _mask(masked, [m.span(1) for m in _EPONYM_HEAD.finditer(masked)
                            if not any(_bare(w) in GIVEN_NAMES for w in _WORD.findall(m.group(1)))])
    _names(masked, found, known, contact)
    return tuple(_first_of_overlaps(found))


def _first_of_overlaps(found: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (f.start, -f.end)):
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def refusal(field: str, finding: Finding) -> str:
    """One line naming the field and the kind of data found (never the value)."""
    return f"{field}: looks like it holds {finding.explanation}; {REFUSAL_HINT}"


def screen_fields(fields: Mapping[str, str | None], *, contact_fields: Iterable[str] = (),
                  known_words: Iterable[str] = (),
                  error: Callable[[str], Exception] | None = None) -> None:
    """Raise (PersonalDataFound, or `error(message)`) at the first field holding personal data."""
    contact_fields = set(contact_fields)
    for field, value in fields.items():
        findings = find_personal_data(value, contact=field in contact_fields, known_words=known_words)
        if findings:
            message = refusal(field, findings[0])
            if error is not None:
                raise error(message)
            raise PersonalDataFound(message, field=field, kind=findings[0].kind)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#!|~])")
_AUTOLINK = re.compile(r"://|\bwww\.", re.I)


def escape_markdown(text: str | None) -> str:
    """`text` made inert for a Markdown document: markup characters escaped, one line only.

    Inserted values then read as typed and cannot add headings, links (also bare URLs, which
    GitHub-flavoured Markdown would link), images, tables or HTML to the letter. Characters that only matter at the start of a line (-, +, 1.) are
    harmless because values are always inserted after other text on their line, and
    line breaks are turned into spaces.
    """
    if text is None:
        return ""
    one_line = " ".join(str(text).split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", one_line)
    # Bare "https://…" and "www.…" become links in GitHub-flavoured Markdown: break the pattern.
    escaped = _AUTOLINK.sub(lambda m: m.group(0).replace("/", "\\/").replace(".", "\\."), escaped)
    return re.sub(r"&(?=#?\w+;)", "&amp;", escaped)   # "&lt;" would otherwise become "<"
