"""Emails (also written out as "name at gmail dot com") and phone numbers in national and
international forms, for the privacy screen."""
from __future__ import annotations

import re

from trialfind.core.privacy_addresses import ZIP4
from trialfind.core.privacy_organisation_contacts import organisation_line_spans, organisation_line_start
from trialfind.core.privacy_text import Finding
from trialfind.core.privacy_words import FREE_MAIL_DOMAINS, ROLE_EMAIL_STEMS, ROLE_WORDS

_TLD = (r"(?:com|org|net|edu|gov|mil|int|info|biz|io|me|co|uk|us|ca|au|nz|ie|fr|de|es|it|nl|be|ch|at|se|no|dk|"
        r"fi|pl|pt|br|mx|in|jp|cn|ru|il|za|cz|sk|hu|tr|id|my|ph|vn|ro|gr|ar|cl|ke|ng|sg|hk|kr|tw)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+%-]+\s?@\s?[\w-]+(?:\s?\.\s?[\w-]+)+", re.U)
_HEBREW_PREFIX = re.compile(r"[\u05D0-\u05EA]{0,3}-?")
# "at" and "dot" as families write them in their languages: "arroba"/"ponto" (pt), "arroba"/"punto" (es),
# "arobase"/"point" (fr), "chiocciola"/"punto" (it), "Klammeraffe"/"Punkt"/"ät" (de), "małpa"/"kropka" (pl),
# "zavináč"/"tečka" (cs), "zavináč"/"bodka" (sk), "kukac"/"pont" (hu), "snabel-a"/"punkt" (sv, da, no),
# "miukumauku"/"piste" (fi), "at sign"; in brackets also "[@]", "[.]".
_AT_WORD = (r"(?:at|arroba|arobase|chiocciola|klammeraffe|at-zeichen|ät|małpa|malpa|apenstaartje|snabel-a|zavináč|"
            r"zavinac|kukac|miukumauku|at[\s-]sign|at-merkki|a\s+c[òo]ng|a\s+m[óo]c|c[òo]ng|собака|собачка|"
            r"παπάκι|arond|coad[aă]\s+de\s+maimu[tţț][aă]|et\s+işareti|ät-tecken)")
_DOT_WORD = r"(?:dot|ponto|punto|point|punkt|kropka|nokta|pont|piste|tečka|tecka|bodka|prik|titik|ch[ấa]m|точка|τελεία|punct|punt)"
_AT = rf"(?:\s*[\[({{]\s*(?:{_AT_WORD}|@)\s*[\])}}]\s*|\s+{_AT_WORD}\s+)"
_DOT = rf"(?:\s*[\[({{]\s*(?:{_DOT_WORD}|\.)\s*[\])}}]\s*|\s+{_DOT_WORD}\s+|\.)"
_OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.])[\w.+-]+(?:\s+{_DOT_WORD}\s+[\w+-]+)*{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}{_TLD}\b", re.I)
# "[mama.x] at [example.net]": the user and the domain each in brackets, "at" or "@" between.
_BRACKETED_EMAIL = re.compile(rf"[\[(<]\s*[\w.+-]+\s*[\])>]\s*(?:@|[\[(]?\s*{_AT_WORD}\s*[\])]?)\s*"
                              rf"[\[(<]\s*[\w-]+(?:\.[\w-]+)*\.{_TLD}\s*[\])>]", re.IGNORECASE)
# Letters typed one by one around "@" ("t e m i t o p e 8 8 @ example . com"): the user is the spaced run.
_SPACED_EMAIL = re.compile(r"(?<![\w.])(?:[\w.+-] ){2,}[\w.+-]?\s*@\s*[\w-](?:\s?[\w-])*"
                           r"(?:\s?\.\s?[\w-](?:\s?[\w-])*)+")
# "my gmail is priya.raman.mum": a mail provider's name, then a token shaped like a user name (parts
# joined by "." or "_", or letters then digits); an everyday word after it ("gmail is down") is none.
_PROVIDER_USER = re.compile(r"\b(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|proton(?:mail)?|gmx|aol)"
                            r"(?:\s+(?:address|account|id))?\s*(?:\s(?:is|es|est|ist|é)\s|:|=|-)\s*"
                            r"([a-z][\w+-]*(?:[._][\w+-]+)+|[a-z]+[._-]?\d{2,}\w*)\b", re.IGNORECASE)
# "yuki.tanabe.mom (gmail)", "kofi_a88 [hotmail]", "m.osei on yahoo": a user name, then its provider in brackets or
# after "on"; the user is shaped like one (parts joined by "." or "_", or letters then digits), or any word after
# an email cue ("email: mariposa (gmail)").
_FREE_MAIL = r"(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|proton(?:mail)?|gmx|aol|live|msn|yandex|mail\.ru)"
_USER_THEN_PROVIDER = re.compile(
    rf"(?:(?<![\w.@+-])(?P<user>[a-z][\w+-]*(?:[._][\w+-]+)+|[a-z]+[._-]?\d{{2,}}\w*)|"
    rf"\b(?:e-?mail|mail|correo|courriel)\s*(?:address|is|:|-|=)\s*(?P<cued>[a-z][\w.+-]{{2,}}))"
    rf"\s*(?:[\[(]\s*(?:on\s+|at\s+|@\s*)?{_FREE_MAIL}(?:\.com)?\s*[\])]|\s+(?:on|via)\s+{_FREE_MAIL}\b)",
    re.IGNORECASE)
_BRACKETED_AT = re.compile(r"[\[({]\s*@\s*[\])}]")
_FREE_MAIL_BARE = re.compile(rf"(?<![\w.])[\w.+-]+{_AT}(?:gmail|yahoo|hotmail|outlook|icloud|aol|protonmail|gmx)\b",
                             re.I)

# Not inside a longer token ("2019-0123456", "v2.0-1234567"), but Hebrew joins a preposition to a number with a
# hyphen ("ל-054-9988776", to 054...): that hyphen starts a number (Academy of the Hebrew Language, punctuation
# rules: the maqaf after a prefix letter before digits).
_NUMBER_STARTS = r"(?<![\w/.])(?:(?<!-)|(?<=[\u05D0-\u05EA]-))"
_PHONE_SHAPES = (
    # international: +44 20 7946 0958, +1 (312) 555-0198, +44 (0)161 496 0000, +49 30 901820
    re.compile(r"(?<![\w+])\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\(?\d{1,5}\)?(?:[\s./-]?\d{2,5}){1,4}"),
    re.compile(r"(?<![\w+])00[1-9]\d{0,2}[\s.-]\d{1,5}(?:[\s./-]?\d{2,8}){1,3}(?![\w/])"),      # 0049 89 1234567
    # North American: (617) 555 0123, 617/555/0123, 1-800-438-1985, 6175550123
    re.compile(_NUMBER_STARTS + r"(?:1[\s.-])?\(?[2-9]\d{2}\)?[\s./-]?\d{3}[\s./-]\d{4}(?![\w/-]|\.\d)"),
    re.compile(_NUMBER_STARTS + r"[2-9]\d{2}[2-9]\d{6}(?![\w/.-])"),
    # national with trunk zero: 020 7946 0958, 07700 900123, 06 12 34 56 78, 030 901820, 089/1234567
    re.compile(_NUMBER_STARTS + r"0\d{1,4}[\s./-]?\d{2,8}(?:[\s./-]\d{2,4}){0,3}(?![\w/])"),
    re.compile(_NUMBER_STARTS + r"\(0\d{1,4}\)\s?\d{2,5}(?:[\s.-]?\d{2,5}){1,2}(?![\w/])"),     # (02) 9876 5432
)
# A number typed one digit at a time ("0 7 7 0 0 - 9 0 0 - 1 2 3"): seven or more single digits in a row.
_SPACED_DIGITS = re.compile(r"(?<![\w.,/])\+?\d(?:\s*-?\s*\d(?!\d)){6,14}(?![\w.,/])")
# A chat link that is a phone number: "wa.me/15550104321", "api.whatsapp.com/send?phone=...", "viber://chat?number=".
_MESSAGING_LINK = re.compile(r"\b(?:wa\.me/|whatsapp\.com/send/?\?phone=|viber://\w+\?number=|t\.me/\+)"
                             r"\s*(?:%2B|\+)?\d{7,15}\b", re.IGNORECASE)
# A local or unusual number ("555-0188", "338 1234567", "0049 89 1234567") counts only where
# the text says it is a phone.
_LOCAL_PHONE = re.compile(_NUMBER_STARTS + r"\d{2,5}(?:[-.\s]\d{2,8}){1,4}(?![\w/.-])")
_EXTENSION = re.compile(r"^\s*(?:,\s*)?(?:ext\.?|extension|x|#)\s*\d{1,6}", re.I)
YEAR_RANGE = re.compile(r"^\s*(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}\s*$")
# With "number" and "phone" in the languages of the families served: "numer: 501 238 774", "número 612 34 56 78".
# With the verbs' past and -ing forms (English inflection of "phone", "call", "ring", "text", "dial"): "Phoned 555-0139".
_PHONE_WORDS = re.compile(r"\b(?:phone[ds]?|phoning|tel|telephoned?|called|calling|rang|texted|texting|"
                          r"dial(?:l?ed|l?ing)?|telefon|t[ée]l[ée]phone|mobile|cell|handy|portable|"
                          r"whatsapp|call|ring|text|fax|contact|number|reach|sms|telefono|tel[ée]fono|m[óo]vil|"
                          r"cellulare|numer|numeru|n[úu]mero|num[ée]ro|nummer|telefonu|telefone|celular|"
                          r"kom[óo]rk[aęi]|"
                          r"tlf|tfn|puhelin|mobil|mobilnummer|handynummer|telefonnummer|zadzwo[ńn])\b", re.I)


def _is_free_mail(domain: str) -> bool:
    """`domain` is a free mail provider's: "gmail." starts a domain or a part of it ("mail.gmail.com"); "me.com" is a
    whole domain, not the end of "companyname.com" or "acme.com"; "proton" is in every Proton domain."""
    labels = "." + domain
    return any(("." + free) in labels if free.endswith(".")
               else (labels.endswith("." + free) if "." in free else free in domain)
               for free in FREE_MAIL_DOMAINS)


# The country or region a company's mailbox serves ("medinfo.india@", "medinfo.il@", "eap-mena@"): regions as
# companies name their offices (Wikipedia, "EMEA", "MENA", "APAC", "Latin America", "Gulf Cooperation Council"),
# countries where those offices are, and any two-letter country code (ISO 3166-1 alpha-2) after a role word.
_REGION_PARTS = frozenset("""
global intl international worldwide emea mena apac latam gcc europe african asia gulf nordics nordic benelux dach
india israel canada mexico brazil japan china korea australia germany france spain italy egypt jordan lebanon saudi
uae emirates qatar kuwait turkey pakistan
""".split())


def _is_role_email(address: str) -> bool:
    local, _, domain = re.sub(r"\s", "", address.lower()).partition("@")
    if _is_free_mail(domain):
        return False
    parts = [p for p in re.split(r"[._+\-]+", local) if p]
    roles = [p for p in parts if p in ROLE_WORDS or any(s in p for s in ROLE_EMAIL_STEMS)]
    return bool(roles) and all(p.isdigit() or p in roles or p in _REGION_PARTS or (len(p) == 2 and p.isalpha())
                               for p in parts)


def find_emails(text: str, found: list[Finding], allowed: list[tuple[int, int]]) -> None:
    for match in _EMAIL.finditer(text):
        # "ANC @ 0.4 x10^9/L": an "at" before a number, not an address (a domain ends in a name).
        if not re.search(r"[A-Za-z]{2,}$", match.group(0)):
            continue
        # Hebrew joins a preposition to a Latin word with a hyphen ("ל-medinfo@bayer.com", to medinfo@...).
        start = match.start() + len(_HEBREW_PREFIX.match(match.group(0))[0])
        if _is_role_email(text[start:match.end()]):
            allowed.append((start, match.end()))
        else:
            found.append(Finding("email", *match.span(), "an email address"))
    for pattern in (_BRACKETED_EMAIL, _SPACED_EMAIL):
        for match in pattern.finditer(text):
            found.append(Finding("email", *match.span(), "an email address written in pieces"))
    for match in _PROVIDER_USER.finditer(text):
        if not _is_role_email(match.group(1) + "@x"):
            found.append(Finding("email", *match.span(), "an email address (a mail account's user name)"))
    for match in _USER_THEN_PROVIDER.finditer(text):
        if not _is_role_email((match.group("user") or match.group("cued")) + "@x"):
            found.append(Finding("email", *match.span(), "an email address (a user name and its mail provider)"))
    for pattern in (_OBFUSCATED_EMAIL, _FREE_MAIL_BARE):
        for match in pattern.finditer(text):
            # A typed "@" is the plain pattern's, unless it is bracketed like a word ("sam [@] mail [.] org").
            # "guidance at fda.gov/media/…": a link's path follows, so the "at" is the word, not an address's.
            if text[match.end():match.end() + 1] == "/":
                continue
            if "@" not in match.group(0) or _BRACKETED_AT.search(match.group(0)):
                found.append(Finding("email", *match.span(), "an email address written out in words"))



def find_messaging_links(text: str, found: list[Finding]) -> None:
    """Before links are masked as harmless: a chat link to a number is the number."""
    for match in _MESSAGING_LINK.finditer(text):
        found.append(Finding("phone", *match.span(), "a phone number (in a messaging link)"))


# A drug's lot or batch number is no phone, though "number" comes before it ("Lot number 555-0192"): the record
# rules pass it as a thing's number (privacy_numbers._THING_NUMBER), but the phone rule reads "number" as a phone
# word. German "Ch.-B." / "Chargennummer", Spanish and Portuguese "lote", Italian "lotto", French "numéro de lot".
_LOT_BEFORE = re.compile(r"(?:\b(?i:lot|batch|lote|lotto|charge|chargen)\s*(?i:number|no|nr|num|n[º°o]|#)\.?|"
                         r"\b(?i:chargennummer|ch\.-b\.)|\b(?:Lot|LOT|Batch|BATCH|Lote|Lotto)(?:\s*:)?)"
                         r"\s*(?i:is|was|[:#=-])?\s*$")


def find_phones(text: str, found: list[Finding], not_personal: list[tuple[int, int]] | None = None) -> None:
    """`not_personal` collects the spans of numbers that are no one's phone, for the caller to mask: a lot's number
    and an organisation's own line with the words introducing it (see privacy_organisation_contacts)."""

    def keep(start: int, end: int) -> bool:
        line_start = organisation_line_start(text, start, end)
        if _LOT_BEFORE.search(text, max(0, start - 30), start):
            line_start = start
        if line_start is None:
            return True
        if not_personal is not None:
            not_personal.extend(organisation_line_spans(text, line_start, start, end))
        return False

    for match in _SPACED_DIGITS.finditer(text):
        # Single digits only: "1 2 3" counts or grades never run to seven.
        if all(len(g) == 1 for g in re.findall(r"\d+", match.group(0))):
            found.append(Finding("phone", *match.span(), "a phone number typed digit by digit"))
    for pattern in _PHONE_SHAPES:
        for match in pattern.finditer(text):
            candidate = match.group(0).rstrip(" .-/")
            digits = re.sub(r"\D", "", candidate)
            if not 7 <= len(digits) <= 15 or YEAR_RANGE.match(candidate) or ZIP4.fullmatch(candidate):
                continue
            if candidate.startswith("0") and not candidate.startswith("+") and len(digits) < 9:
                # A short zero-led run is an id or a count unless the text says it is a phone.
                if not _PHONE_WORDS.search(text[max(0, match.start() - 30):match.start()]):
                    continue
            end = match.start() + len(candidate)
            if not keep(match.start(), end):
                continue
            extension = _EXTENSION.match(text[end:])
            found.append(Finding("phone", match.start(), end + (extension.end() if extension else 0),
                                 "a phone number"))
    for match in _LOCAL_PHONE.finditer(text):
        if (7 <= len(re.sub(r"\D", "", match.group(0))) <= 15
                and _PHONE_WORDS.search(text[max(0, match.start() - 30):match.start()])
                and keep(*match.span())):
            found.append(Finding("phone", *match.span(), "a phone number"))



# A phone number spelt out in words, as said aloud ("five five five, eight six seven …", "oh" for 0,
# "double-oh", "nine hundred"), in English, Spanish, French, German, Italian, Portuguese and Dutch: seven or
# more digits' worth in a row.
_DIGIT_WORDS = {
    **dict.fromkeys(("zero", "oh", "o", "cero", "zéro", "null"), 1),
    **dict.fromkeys(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), 1),
    **dict.fromkeys(("uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"), 1),
    **dict.fromkeys(("un", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf"), 1),
    **dict.fromkeys(("eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"), 1),
    **dict.fromkeys(("due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"), 1),
    **dict.fromkeys(("um", "dois", "três", "sete", "oito"), 1),
    **dict.fromkeys(("nul", "een", "twee", "vijf", "zes", "zeven", "negen"), 1),
}
# "nine hundred" is said for 900 in a phone number: a hundred stands for two more zeros.
_HUNDRED_WORDS = ("hundred", "cien", "cent", "hundert", "cento", "honderd")
_REPEAT_WORDS = {"double": 2, "triple": 3, "doble": 2}
_DIGIT_WORD = "(?:" + "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True)) + ")"
_HUNDRED = "(?:" + "|".join(_HUNDRED_WORDS) + ")"
_SPELT_PHONE = re.compile(rf"\b(?:(?:double|triple|doble)[\s-]?)?{_DIGIT_WORD}(?:[\s-]+{_HUNDRED})?"
                          rf"(?:[\s,.-]+(?:(?:double|triple|doble)[\s-]?)?{_DIGIT_WORD}(?:[\s-]+{_HUNDRED})?){{4,}}\b",
                          re.I)
_SPELT_TOKEN = re.compile(rf"(double|triple|doble)?[\s-]?({_DIGIT_WORD}|{_HUNDRED})\b", re.I)


# Part spelt, part typed ("+1 (312) five five five - 0 1 8 2"): digit words and numerals mixed.
_MIXED_PHONE = re.compile(rf"(?<![\w.])\+?(?:\(?\d{{1,5}}\)?|{_DIGIT_WORD})"
                          rf"(?:[\s,.()-]+(?:\(?\d{{1,5}}\)?|{_DIGIT_WORD})){{4,}}\b", re.IGNORECASE)
# A letter O typed for a zero inside a run of digits ("o7700 9OO 834"): read as the zero it stands for.
_O_FOR_ZERO = re.compile(r"(?<![A-Za-z])[\dOo]*\d[\dOo]*(?![A-Za-z])|(?<![A-Za-z\d])[Oo]+(?=\d)")


def zeros_for_letter_o(text: str) -> str:
    """`text` with each O/o that stands inside a digit run turned to 0 (same length, same offsets)."""
    return _O_FOR_ZERO.sub(lambda m: re.sub(r"[Oo]", "0", m.group(0)), text)


def find_spelt_phones(text: str, found: list[Finding]) -> None:
    """Append a finding for each phone number spelt out in digit words (7 digits' worth or more)."""
    for match in _MIXED_PHONE.finditer(text):
        words = [w for w in re.findall(r"[^\W\d_]+", match.group()) if w.lower() in _DIGIT_WORDS]
        digits = len(re.findall(r"\d", match.group())) + len(words)
        # At least two digit words and one numeral: a plain number is the phone rules' business.
        if 7 <= digits <= 16 and len(words) >= 2 and re.search(r"\d", match.group()):
            found.append(Finding("phone", match.start(), match.end(), "a phone number part spelt out in words"))
    for match in _SPELT_PHONE.finditer(text):
        digits = sum(2 if m.group(2).lower() in _HUNDRED_WORDS else _REPEAT_WORDS.get((m.group(1) or "").lower(), 1)
                     for m in _SPELT_TOKEN.finditer(match.group()))
        if digits >= 7:
            found.append(Finding("phone", match.start(), match.end(), "a phone number spelt out in words"))
