"""Street and postal addresses of several countries, for the privacy screen."""
from __future__ import annotations

import re

from trialfind.core.given_names import is_english_word
from trialfind.core.privacy_organisation_contacts import organisation_address_spans
from trialfind.core.privacy_text import LETTERS, UPPER, Finding, bare_word, is_capitalised
from trialfind.core.privacy_vocabulary import CALENDAR_WORDS
from trialfind.core.privacy_words import NOT_NAMES, ROLE_WORDS, US_STATES

_STREET_TYPES = (r"street|avenue|road|boulevard|lane|drive|court|terrace|highway|parkway|crescent|close|"
                 r"grove|gardens|mews|walk|row|square|place|way|circle|trail|st|ave|av|rd|blvd|ln|dr|ct|"
                 r"ter|hwy|pkwy|cres|sq|pl|cir")
_US_STREET = re.compile(
    rf"(?<![\w/.-])(?:\d{{1,4}}[A-Za-z]?/)?\d{{1,6}}[A-Za-z]?,?\s+(?:(?:[NSEW]\.?|north|south|east|west)\s+)?"
    rf"((?:[{UPPER}0-9][{LETTERS}0-9.'’\-]*\s+){{1,4}})({_STREET_TYPES})\b\.?", re.I)
_EU_STREET_AFTER = re.compile(  # Hauptstraße 12, Musterstr. 5, Kirchweg 3a, Lindenallee 7
    rf"\b[{UPPER}][{LETTERS}\-]*(?:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|ring|damm|ufer|steig|pfad|chaussee|"
    rf"gatan|gata|vägen|väg|gränd|torget|stigen|gade|vej|veien|vegen|gaten|gracht|straat|laan|kade|singel|dreef|"
    rf"steeg|utca|körút|ulica|caddesi|sokak|sokağı)\s*(?!(?:19|20)\d\d\b)\d{{1,4}}[a-zA-Z]?\b")
_EU_STREET_WORDS = re.compile(   # 12 rue de Rivoli, Calle Mayor 5, Via Roma 10, C/ Alcalá 20, Am Markt 3
    # The number first, as French and, informally, Portuguese, Spanish and Italian writers put it ("9 Rua das Flores")
    rf"(?:\b\d{{1,4}}\s*(?:bis|ter)?,?\s+(?:rue|avenue|av\.|bd|boulevard|chemin|all[ée]e|impasse|quai|place|cours|"
    rf"route|passage|rua|travessa|estrada|alameda|pra[çc]a|calle|avenida|avda\.?|paseo|plaza|carrer|via|viale|"
    rf"piazza|corso|strada)\s+(?:(?:de|du|des|la|le|l'|d'|da|das|do|dos|del|della|di)\s*)*(?-i:[{UPPER}][a-zß-ÿ]))|"
    rf"(?:\b(?:rue|avenue|boulevard|bd|chemin|all[ée]e|quai|calle|c/|avenida|avda\.?|paseo|plaza|carrer|rua|travessa|via|viale|piazza|corso|vicolo|largo|"
    rf"straat|laan|gracht|plein|ul\.|ulica|al\.|aleja|plac|os\.|osiedle|nám\.|náměstí|ulice|carrera|cra\.|jr\.|"
    rf"jir[óo]n|av\.|rambla|traves[íi]a|camino|ronda|estrada|alameda|pra[çc]a|strada|lungomare|calea|"
    rf"bulevardul|str\.|odos|leoforos|gate|vei|vej|gatan|street|road)\s+"
    rf"(?:(?:de|del|la|las|los|da|das|do|dos|della|delle|dei|di|van|der|dos)\s+)*"
    rf"(?-i:[{UPPER}])[{LETTERS}'’\-]*(?:\s+(?-i:[{UPPER}])[{LETTERS}'’\-]*){{0,3}},?\s*"
    rf"(?:n[º°o]\.?\s*)?\d{{1,4}})", re.I)
_PO_BOX = re.compile(r"\b(?:p\.?\s?o\.?\s*box|post\s+office\s+box|postfach|apartado)\s*\d+|"
                     r"\b(?:apt|apartment|flat|suite|unit)\.?\s*#?\s*\d+[A-Za-z]?\b\s*,", re.I)
_US_ZIP = re.compile(rf"\b(?:{'|'.join(US_STATES)}),?\s+\d{{5}}(?:-\d{{4}})?\b")
_AU_STATE_POSTCODE = re.compile(r"\b(?:NSW|VIC|QLD|TAS|ACT|NT|WA|SA)\s+\d{4}(?![\w-])")
ZIP4 = re.compile(r"(?<![\w-])\d{5}-\d{4}(?![\w-])")
_ZIP_WORD = re.compile(r"\b(?:zip|zip\s*code|postcode|post\s*code|postal\s*code|plz|code\s+postal|c\.p\.|cp)"
                       r"\s*:?\s*[A-Z0-9]{0,4}\d",
                       re.I)
_UK_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s+\d[ABD-HJLNP-UW-Z]{2}\b")
_CA_POSTCODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b")
_EU_POSTAL_CITY = re.compile(rf"(?<![\w-])(?:[A-Z]-)?(?!(?:19|20)\d\d\b)\d{{4,5}}\s+([{UPPER}][{LETTERS}\-]+)")

# Indonesian, Malay and Filipino addresses: "Jl. Kenanga No. 8", "Jalan Ampang 12", "Gg. Mawar 3", "RT 02/RW 07",
# and the district words that follow ("Kel. Sukajadi", "Kec. Coblong", "Brgy. San Roque").
_NUSANTARA_STREET = re.compile(
    rf"\b(?:Jl|Jln|Jalan|JALAN|Gg|Gang|Lorong|Lrg|Lebuh|Persiaran|Kampung|Kg)\.?\s+"
    rf"(?:[{UPPER}][{LETTERS}'’\-]*\.?\s+){{1,4}}(?:(?i:no|nomor|#)\.?\s*)?\d{{1,4}}[A-Za-z]?\b")
# A house number before a street word of Malaysia, Singapore, Indonesia, Vietnam, Thailand and the Philippines, then
# a capitalised street name: "42 Jalan Ampang", "7 Lorong Kurau", "15 Đường Lê Lợi", "88 Soi Sukhumvit". Words from
# the countries' address formats (https://en.wikipedia.org/wiki/Address#Malaysia, #Indonesia, #Vietnam, #Thailand,
# #Philippines; https://www.upu.int/en/Postal-Solutions/Programmes-Services/Addressing-Solutions). "Jalan" as an
# ordinary Malay word ("jalan-jalan", "jalan kaki") has no number before it and no capitalised name after it.
_NUMBER_THEN_ASIAN_STREET = re.compile(
    rf"(?<![\w/.-])\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,4}}[A-Za-z]?)?,?\s+"
    rf"(?i:jalan|jln\.?|jl\.?|lorong|lrg\.?|persiaran|lebuh|lebuhraya|gg\.?|đường|duong|phố|ngõ|hẻm|"
    rf"soi|thanon|kalye)\s+"
    rf"(?-i:[{UPPER}])[{LETTERS}'’\-]*(?:\s+(?-i:[{UPPER}\d])[{LETTERS}\d'’\-]*){{0,3}}")
_RT_RW = re.compile(r"\bRT\.?\s*\d{1,3}\s*/\s*RW\.?\s*\d{1,3}\b", re.IGNORECASE)
_NUSANTARA_DISTRICT = re.compile(
    rf"\b(?:Kel|Kec|Kab|Brgy|Kelurahan|Kecamatan|Kabupaten|Barangay|Purok)\.?\s+[{UPPER}][{LETTERS}\-]+")

# "house no. 7", "plot no. 12", "H. No. 4-5": a dwelling's own number; Romanian "nr. 9, bl. A3, ap. 12".
_HOUSE_NUMBER = re.compile(
    r"\b(?i:house|plot|door|flat|h\.)\s*(?i:no|nr|number|num|#)\.?\s*\d{1,5}(?:[-/]\d{1,4})?[A-Za-z]?\b|"
    r"\b(?i:nr)\.?\s*\d{1,4}[A-Za-z]?\s*,\s*(?i:bl|bloc|sc|scara|ap|apt|et|etaj)\.?\s*[A-Z]?\d{1,4}[A-Za-z]?\b|"
    r"\b(?i:bl|bloc)\.?\s*[A-Z]?\d{1,3}[A-Za-z]?\s*,\s*(?:(?i:sc|scara|et|etaj)\.?\s*\w{1,3}\s*,\s*)*"
    r"(?i:ap|apt)\.?\s*\d{1,4}\b")

# Words a number follows in clinical and regulatory text, never a street's name ("Form 3926", "Protocol 2").
_NUMBERED_THINGS = frozenset(("form", "protocol", "version", "amendment", "appendix", "annex", "section", "table",
                              "figure", "part", "phase", "cohort", "arm", "cycle", "day", "week", "level", "grade",
                              "stage", "study", "trial", "schedule", "module"))
# Units of an address written as "<word> <number>": "House 14, Street 9", "Plot 7, Sector 4", "lgh 1102".
_ADDRESS_UNIT = (r"(?:villa|zone|jadda|way|community|house|h\.?\s?no|plot|flat|apartment|apt|block|blk|sector|street|st|road|rd|lane|gali|mohalla|"
                 r"building|bldg|floor|fl|suite|lgh|lägenhet|piso|andar|bloco|casa|depto|dpto|etage|stock|tür|top|"
                 r"portal|escalera|esc|puerta|pta|int|scala|interno|bus|bte|boîte|mieszkanie|m\.|kv|kvartira)")
_UNIT_NUMBER = rf"{_ADDRESS_UNIT}\.?\s*(?:no\.?|#|n[º°o]\.?)?\s*\d{{1,5}}[A-Za-z]?\b"
_ADDRESS_UNITS = re.compile(rf"(?<![\w-]){_UNIT_NUMBER}\s*[,;/]\s*(?:[\w/-]+\s*,\s*)?{_UNIT_NUMBER}", re.I)
# Postcodes by their country's shape, where the shape alone is rare in clinical text.
_POSTCODE_CITY = re.compile(
    rf"(?<![\w-])(?:[1-9]\d{{3}}\s?(?!(?:CT|MR|PT|RT|IV|IU|BW|US|UK|EU|GY|PD|PR|CR|SD)\b)[A-Z]{{2}}"  # NL 1016 GD
    rf"|\d{{3}}\s\d{{2}}"                                                                        # SE, CZ 411 38
    rf"|\d{{2}}-\d{{3}}"                                                                         # PL 00-950
    rf"|\d{{4}}-\d{{3}}"                                                                         # PT 1000-001
    rf"|\d{{5}}-\d{{3}}"                                                                         # BR CEP 01310-100
    rf")\s*,?\s+[{UPPER}][{LETTERS}\-]+")
_POSTCODE_SHAPES = re.compile(
    r"〒\s?\d{3}-?\d{4}"                                                   # JP 〒154-0015
    r"|(?<![\w-])\d{5}-\d{3}(?![\w-])"                                     # BR CEP without a city
    r"|\b(?:cep|pin|pincode|pin\s+code|postleitzahl|código\s+postal|codice\s+postale|kod\s+pocztowy|"
    r"postnummer|postnr|code\s+postal)\s*:?\s*\d[\d -]{2,8}"
    r"|\beircode\s*:?\s*[A-Z]\d[\dW]\s?[\dA-Z]{4}\b", re.I)
# Shapes rare enough in clinical text to stand alone: an Irish Eircode (routing key, then four letters and
# digits mixed: "D02 X285", "A65 F4E2"), an Argentine CPA ("C1425BHD").
_POSTCODE_ALONE = re.compile(
    r"(?<![\w-])(?:[AC-FHKNPRTV-Y]\d\d|D6W)\s?(?=[\dAC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])(?=[\dA-Z]{0,3}\d)"
    r"[\dAC-FHKNPRTV-Y]{4}(?![\w-])"
    r"|(?<![\w-])[A-HJ-NP-Z]\d{4}[A-Z]{3}(?![\w-])")
# An East Asian address: a ward, city or street sign and a block-house number ("世田谷区桜新町1-12-5").
_CJK_ADDRESS = re.compile(
    r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]*[都道府県市区町村郡路街巷弄丁目番地号號동로길구]"
    r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]*\s*\d{1,4}(?:\s*[-−ー－の番丁]\s*\d{1,4}){1,3}")

# Japanese and Korean addresses in Latin letters: a ward or town suffix ("Shibuya-ku", "2-chome", "Gangnam-gu")
# or a block-lot-house number before a place name ("3-14-1 Shibuya").
_EAST_ASIAN_WARD = re.compile(rf"\b[{UPPER}][a-z]+-(?:ku|shi|cho|chō|machi|mura|gun|dong|gu|si|eup|myeon)\b")
_EAST_ASIAN_LATIN = re.compile(
    rf"\b\d{{1,2}}-ch[oō]me\b|"
    rf"(?<![\w/.-])\d{{1,4}}-\d{{1,4}}-\d{{1,4}},\s+[{UPPER}][a-z]+")
# The block-lot-house number right before the place's name, as Japanese addresses are written in Latin letters
# ("5-1-1 Tsukiji, Chuo-ku", "5-12-3 Kichijoji Honcho"): the name must be no English word ("12-11-23 Approved" is
# a date and a word, "1-2-3 Monday" a schedule).
_BLOCK_BEFORE_PLACE = re.compile(rf"(?<![\w/.-])\d{{1,2}}-\d{{1,2}}(?:-\d{{1,3}})?\s+(?P<place>[{UPPER}][a-z]{{2,}})\b")


# Addresses typed in lower case, which the capitalised street rule above cannot tell from counts: a numbered
# street ("310 w 89th st", "12 e 3rd ave") or a flat, unit or suite before a house number ("apt 5c 22 elm st").
_LOWER_STREET_TYPE = (r"st|street|ave|avenue|av|rd|road|blvd|boulevard|pl|place|dr|drive|ln|lane|ter|terrace|"
                      r"way|pkwy|parkway|hwy|highway|ct|court|cir|circle")
_ORDINAL_STREET = re.compile(
    rf"(?<![\w/.-])\d{{1,5}}[a-z]?\s+(?:(?:[nsew]|north|south|east|west)\.?\s+)?\d{{1,3}}(?:st|nd|rd|th)\s+"
    rf"(?:{_LOWER_STREET_TYPE})\b\.?", re.IGNORECASE)
_UNIT_THEN_STREET = re.compile(
    rf"\b(?:apt|apartment|unit|ste|suite|flat|fl)\.?\s*#?\s*\d{{1,4}}[a-z]?\s*,?\s+\d{{1,5}}\s+"
    rf"(?:(?:[nsew]|north|south|east|west)\.?\s+)?[a-z0-9][a-z0-9'’-]*(?:\s+[a-z][a-z'’-]*)?\s+"
    rf"(?:{_LOWER_STREET_TYPE})\b\.?", re.IGNORECASE)
# A house number and a street typed in lower case after words saying someone lives there ("we live at 77
# kingfisher way", "moved to 4 oak tree close", "address is 12b mill lane"): the cue is what tells it from a count.
_LIVING_AT = re.compile(
    rf"\b(?:live|lives|lived|living|stay|stays|staying|moved|moving|move|home\s+is|house\s+is|address\s+is|"
    rf"address|addr|reside|resides|residing)\s*(?:at|to|on|in|:|-)?\s+(?:no\.?\s*)?"
    rf"(?P<street>\d{{1,5}}[a-z]?,?\s+(?:[a-z][a-z'’-]*\s+){{1,3}}(?:{_STREET_TYPES}|{_LOWER_STREET_TYPE})\b\.?)",
    re.IGNORECASE)
# A home on a named street without its number, then a flat or unit: "we live on Great Ormond Street, flat 4B". The flat
# narrows the street to one home, whatever else the street's name names (here a hospital).
_LIVING_ON_STREET_FLAT = re.compile(
    rf"\b(?:live|lives|lived|living|stay|stays|staying|moved|home\s+is)\s+(?:on|in|at)\s+"
    rf"(?P<street>(?:[A-Z][\w'’-]*\s+){{1,4}}(?:{_STREET_TYPES})\b\.?,?\s*(?:flat|apt\.?|apartment|unit|no\.?|#)\s*"
    rf"\d{{1,4}}[A-Za-z]?)", re.IGNORECASE)
# A home's street named without its number, in a sentence saying it is the family's: "our street is Birch Lane",
# "lives on Kahala Ave in Honolulu".
_OUR_STREET = re.compile(rf"\b(?:(?i:our|my)\s+(?i:street|road)\s+(?i:is)|(?i:lives?|lived|living)\s+(?i:on))\s+"
                         rf"(?P<street>(?:[{UPPER}][\w'’-]*\s+){{1,3}}(?i:{_STREET_TYPES})\b\.?)")
# A home's label, then its house number and a street named without a street word ("our home: 88 Nguyen Hue", "my
# address is 14 Sukhumvit 39"): the label says whose, the number and the name say where.
_HOME_LABEL_THEN_STREET = re.compile(
    rf"\b(?i:our|my|his|her|their)\s+(?i:home|house|flat|apartment|address|place)\s*(?::|-|(?i:is(?:\s+at)?|at))\s*"
    rf"(?P<street>\d{{1,5}}[A-Za-z]?,?\s+[{UPPER}][{LETTERS}'’\-]*(?:\s+[{UPPER}\d][{LETTERS}\d'’\-]*){{0,3}})")
# Addresses in Russian and Ukrainian: a street's word ("ул.", "улица", "просп.", "вул."), or a street's name, house
# number and flat ("Калинина 14, кв. 58"): Wiktionary, улица, проспект, переулок, вулиця, дом, квартира.
_CYRILLIC_ADDRESS = re.compile(
    r"(?:\b(?:ул|просп|пр-т|пер|бул|вул|пров)\.\s*|\b(?:улица|проспект|переулок|бульвар|вулиця|провулок)\s+)"
    r"[А-ЯЁЇІЄҐ][\w\-]+(?:\s+[\w\-]+)?,?\s*(?:(?:д|дом|буд)\.?\s*)?\d{1,4}[а-яa-z]?|"
    r"[А-ЯЁЇІЄҐ][а-яёїієґ\-]+,?\s+(?:(?:д|дом|буд)\.?\s*)?\d{1,4}[а-я]?,\s*(?:кв|квартира)\.?\s*\d{1,4}")
# Coordinates of a place: a pair of decimal degrees ("51.4816, -3.1791", "40.7128° N, 74.0060° W") or
# degrees, minutes and seconds ("51°28'54\"N 3°10'45\"W"). A house's coordinates find it as surely as its street.
_DECIMAL_PAIR = re.compile(
    r"(?<![\w.])(?P<lat>[-+−]?\d{1,2}\.\d{3,})\s*°?\s*(?P<ns>[NS])?\s*[,;/ ]\s*"
    r"(?P<lon>[-+−]?\d{1,3}\.\d{3,})\s*°?\s*(?P<ew>[EW])?(?![\w.]|\s*(?:%|mg|ml|kg|mmol|µ|ug|mcg))")
_DMS = re.compile(r"(?<![\w.])\d{1,3}\s*°\s*\d{1,2}\s*['′’]\s*(?:\d{1,2}(?:\.\d+)?\s*(?:[\"″”]|'')\s*)?[NS]"
                  r"[\s,;]*\d{1,3}\s*°\s*\d{1,2}\s*['′’]\s*(?:\d{1,2}(?:\.\d+)?\s*(?:[\"″”]|'')\s*)?[EW]\b")
_GEO_WORD = re.compile(r"\b(?:geo|gps|coords?|coordinates?|lat(?:itude)?|lon(?:gitude)?|lng|location|located|"
                       r"pin|dropped\s+pin|maps?|house|home|address|live|lives|living|koordinaten|coordonn[ée]es|"
                       r"coordenadas|coordinate|ubicaci[oó]n|standort)\b", re.IGNORECASE)


def _coordinates(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _DMS.finditer(text)]
    for match in _DECIMAL_PAIR.finditer(text):
        lat, lon = (float(match.group(g).replace("−", "-")) for g in ("lat", "lon"))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        # Two decimals in a row are often statistics ("0.512, 0.634"): a pair is a place with a hemisphere
        # letter, a degree sign, or a place word near it.
        # A place word alone needs the four decimals a phone's pin has (about 10 m); a measure rarely has them.
        precise = all(len(match.group(g).split(".")[1]) >= 4 for g in ("lat", "lon"))
        cued = (match.group("ns") or match.group("ew") or "°" in match.group(0)
                or precise and _GEO_WORD.search(text, max(0, match.start() - 40), min(len(text), match.end() + 40)))
        if cued and not (abs(lat) < 1 and abs(lon) < 1):
            spans.append(match.span())
    return spans


# Words after a number that make it a count or a measure, not a house number ("6 Minute Walk Test").
_COUNTED_THINGS = frozenset("mg ml kg week day cycle course minute hour second meter metre mile step point "
                            "item question month year dose session visit lap round".split())


def find_addresses(text: str, found: list[Finding], *, has_digit: bool = True,
                   organisation: list[tuple[int, int]] | None = None) -> None:
    """`has_digit=False` says the text has no digit: only a ward or town name in Latin letters can be there.

    An organisation's own address ("Pfizer, 66 Hudson Boulevard East, New York, NY 10001") is no one's: its span
    goes to `organisation` (the caller masks it) and not to `found` (see privacy_organisation_contacts)."""
    addresses: list[Finding] = []
    _find_addresses(text, addresses, has_digit=has_digit)
    # Without a digit only a place named with its seat in brackets can be one ("Kendall Square, ... (company HQ)").
    spans = (organisation_address_spans(text, [(f.start, f.end) for f in addresses])
             if has_digit or "(" in text else [])
    found.extend(f for f in addresses if not any(s < f.end and f.start < e for s, e in spans))
    if organisation is not None:
        organisation.extend(spans)


def _find_addresses(text: str, found: list[Finding], *, has_digit: bool = True) -> None:
    for pattern in (_EAST_ASIAN_WARD, _NUSANTARA_DISTRICT):
        for match in pattern.finditer(text):
            found.append(Finding("address", *match.span(), "a ward, district or town of an address"))
    for match in _OUR_STREET.finditer(text):
        found.append(Finding("address", *match.span("street"), "a street address (a home's street)"))
    if not has_digit:
        return
    for start, end in _coordinates(text):
        found.append(Finding("address", start, end, "a place's coordinates (GPS)"))
    for match in _BLOCK_BEFORE_PLACE.finditer(text):
        place = bare_word(match.group("place"))
        if not is_english_word(place) and place not in NOT_NAMES and place not in CALENDAR_WORDS:
            found.append(Finding("address", *match.span(), "a street address (block, lot and house number)"))
    for pattern in (_ORDINAL_STREET, _UNIT_THEN_STREET, _NUMBER_THEN_ASIAN_STREET):
        for match in pattern.finditer(text):
            found.append(Finding("address", *match.span(), "a street address"))
    for match in _LIVING_ON_STREET_FLAT.finditer(text):
        found.append(Finding("address", *match.span("street"), "a street address (a home's street and flat)"))
    for match in _LIVING_AT.finditer(text):
        if not any(w.rstrip("s") in _COUNTED_THINGS for w in match.group("street").lower().split()):
            found.append(Finding("address", *match.span("street"), "a street address"))
    for match in _HOUSE_NUMBER.finditer(text):
        found.append(Finding("address", *match.span(), "a house or plot number of an address"))
    for match in _HOME_LABEL_THEN_STREET.finditer(text):
        found.append(Finding("address", *match.span("street"), "a street address (a home's number and street)"))
    for match in _CYRILLIC_ADDRESS.finditer(text):
        found.append(Finding("address", *match.span(), "a street address"))
    for match in _US_STREET.finditer(text):
        name_words, street_type = match.group(1).split(), match.group(2)
        ambiguous = street_type.lower() in {"st", "dr", "ct", "pl", "way", "place", "close", "court", "square",
                                             "row", "walk", "circle", "ter", "sq", "cir", "av", "trail", "line"}
        words_ok = all(not w.isupper() or len(w) <= 2 and w[0] in "NSEW" for w in name_words if w.isalpha())
        if street_type.isupper() and len(street_type) > 1:
            continue                                   # "2 CT", "3 DR": acronyms, not streets
        if not words_ok:
            continue
        if any(bare_word(w) in NOT_NAMES or w.lower().rstrip("s") in _COUNTED_THINGS
               for w in name_words):
            continue
        if ambiguous and not all(is_capitalised(w) or w[0].isdigit() for w in name_words):
            continue
        found.append(Finding("address", *match.span(), "a street address"))
    for match in _EU_STREET_WORDS.finditer(text):
        # "via FDA Form 3926": "via" is also an English preposition, and a document's number no house's.
        named = re.findall(r"[^\W\d_]+", match.group())[1:]
        if not (named and named[-1].lower() in _NUMBERED_THINGS):
            found.append(Finding("address", *match.span(), "a street address"))
    for pattern, what in ((_EU_STREET_AFTER, "a street address"),
                          (_PO_BOX, "a post box or flat number"), (_US_ZIP, "a postal (ZIP) code"),
                          (_AU_STATE_POSTCODE, "a state and postcode"),
                          (ZIP4, "a ZIP+4 code"), (_ZIP_WORD, "a postal code"),
                          (_UK_POSTCODE, "a postcode"), (_CA_POSTCODE, "a postal code"),
                          (_ADDRESS_UNITS, "a house, flat or street number"),
                          (_POSTCODE_CITY, "a postcode and town"), (_POSTCODE_SHAPES, "a postal code"), (_POSTCODE_ALONE, "a postal code"),
                          (_CJK_ADDRESS, "a street address"), (_EAST_ASIAN_LATIN, "a street address"),
                          (_NUSANTARA_STREET, "a street address"), (_RT_RW, "a neighbourhood unit (RT/RW)")):
        for match in pattern.finditer(text):
            found.append(Finding("address", *match.span(), what))
    for match in _EU_POSTAL_CITY.finditer(text):
        town = bare_word(match.group(1))
        if is_capitalised(match.group(1)) and town not in ROLE_WORDS and town not in NOT_NAMES:
            found.append(Finding("address", *match.span(), "a postal code and town"))
