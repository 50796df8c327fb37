"""Full dates and dates of birth in any common language or format, for the privacy screen: a
day, month and year may be a child's birthday; a month and year, or a year, is not.

Month names are those of English, French, German, Dutch, Spanish, Catalan, Italian,
Portuguese, Polish (nominative and the genitive used in dates: "15 marca 2017"), the Nordic
languages, Czech, Romanian and Turkish, abbreviated or not; East Asian dates ("2015年6月18日",
"2015년 6월 18일"), every numeric form (ISO, dd.mm.yyyy, d/m/yy, yyyymmdd after a birth word) and English
dates said aloud ("the twenty-first of June, two thousand fifteen").
"""
from __future__ import annotations

import re

from trialfind.core.privacy_text import Finding

_MONTH_NAMES = """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
janv févr fevr avr juil sept déc
januar februar märz maerz april juni juli oktober dezember jänner jaenner feber mrz okt dez
januari februari maart mei augustus
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
ene abr ago dic gener febrer març maig juny juliol setembre octubre desembre
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre gen mag giu lug ott
janeiro fevereiro março marco maio junho julho setembro outubro novembro dezembro fev mai out
styczeń stycznia luty lutego marzec marca kwiecień kwietnia maj maja czerwiec czerwca lipiec lipca
sierpień sierpnia wrzesień września październik października listopad listopada grudzień grudnia
sty lut kwi cze lip sie wrz paź lis gru
mars april maj juni juli augusti oktober
januar februar marts maj august oktober desember december
leden ledna únor února březen března duben dubna květen května červen června červenec července
srpen srpna září říjen října listopad listopadu prosinec prosince
ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie
ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
januari februari maret april mei juni juli agustus september oktober november desember agt okt des
mac julai ogos disember pebrero marso hunyo hulyo setyembre oktubre nobyembre disyembre
"""
_MONTH = "(?:" + "|".join(sorted({re.escape(m) for m in _MONTH_NAMES.split()}, key=len, reverse=True)) + ")"
MONTH = _MONTH           # for the dates of laws, which privacy_allowed lets through
# A month's name or abbreviation before a year ("Jan 2022", "Mai 2023"): the month, where a name rule would read "Jan".
# "Jan 2024", and a range of months before it: "Jan–Apr 2024".
MONTH_BEFORE_A_YEAR = re.compile(rf"(?i:{_MONTH})\.?(?:\s*[–—-]\s*(?i:{_MONTH})\.?)?,?\s+(?:19|20)\d\d\b")
# A month after the word "month" of Indonesian and Malay ("dikirim bulan Mei", sent in the month of May; Wiktionary,
# bulan): where a name rule would read "Mei" as a given name.
MONTH_AFTER_ITS_WORD = re.compile(rf"(?<=(?i:bulan)\s)(?i:{_MONTH})\b")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_ORD = r"(?:st|nd|rd|th|er|e|º|°|\.)?"
_YEAR = r"(?:19|20)\d{2}"
_OF = r"(?:(?:of|de|del|di|d'|du|van|ve)\s*)?"
_FULL_DATES = (
    re.compile(rf"(?<![\d.])(?:19|20)\d{{2}}\s?[-/.]\s?(?:0?[1-9]|1[0-2])\s?[-/.]\s?{_DAY}(?![\d])"),   # 2019-03-03
    re.compile(rf"(?<![\d./-]){_DAY}\s?[-/.]\s?{_DAY}\s?[-/.]\s?(?:{_YEAR}|\d{{2}})(?![\d/]|[.-]\d)"),  # 03/03/2019
    re.compile(rf"(?<!\w){_MONTH}\.?[\s-]+{_DAY}{_ORD},?[\s-]+(?:of\s+)?(?:{_YEAR}|'\d{{2}})\b", re.I),  # Mar 3 2019
    re.compile(rf"(?<!\w){_DAY}{_ORD}[\s-]*{_OF}{_MONTH}\.?,?[\s-]+{_OF}(?:{_YEAR}|'?\d{{2}})\b", re.I),  # 3 mars 2019
    re.compile(rf"(?<!\w){_YEAR}[\s,.-]+{_MONTH}\.?[\s-]+{_DAY}\b", re.I),                               # 2019 Mar 3
    re.compile(rf"(?<!\d){_YEAR}\s*[年년]\s*(?:0?[1-9]|1[0-2])\s*[月월]\s*{_DAY}\s*[日일]?"),            # 2015年6月18日
    re.compile(rf"(?<!\w){_DAY}{_ORD}\s*[-/.]?\s*(?:0?[1-9]|1[0-2])\s*[-/.]\s*{_YEAR}\s*r\b"),           # 15.03.2017 r.
)
# A day written as an ordinal word: "the twelfth of March, 2016", "March the twenty-first 2016".
_ORDINAL_DAY = (r"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
                r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
                r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)")
# A year said aloud: "two thousand (and) fifteen", "twenty fifteen", "nineteen ninety-eight".
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNDER_100 = rf"(?:{_TENS}(?:[\s-]{_UNITS})?|{_TEENS}|{_UNITS})"
_SPELT_YEAR = (rf"(?:two\s+thousand(?:\s+and)?(?:[\s-]+{_UNDER_100})?|(?:nineteen|twenty)[\s-]+"
               rf"(?:{_TENS}(?:[\s-]{_UNITS})?|{_TEENS}|oh[\s-]{_UNITS}))")
_ANY_YEAR = rf"(?:{_YEAR}|{_SPELT_YEAR})"
_ORDINAL_DATES = (
    re.compile(rf"(?<!\w)(?:the\s+)?{_ORDINAL_DAY}\s+(?:of\s+)?{_MONTH}\.?,?\s+(?:of\s+)?{_ANY_YEAR}\b",
               re.IGNORECASE),
    re.compile(rf"(?<!\w){_MONTH}\.?\s+(?:the\s+)?{_ORDINAL_DAY},?\s+(?:of\s+)?{_ANY_YEAR}\b", re.IGNORECASE),
)
_ORDINAL_WORD = re.compile(rf"\b{_ORDINAL_DAY}\b", re.IGNORECASE)   # cheap test before the two patterns above
_BIRTH_WORDS = (
    r"(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on)?|b\.|"
    r"geb\.?|geboren(?:\s+am|\s+op)?|geburtsdatum|geburtstag|"
    r"n[ée]e?(?:\s+le)?|date\s+de\s+naissance|"
    r"nacid[oa](?:\s+el)?|fecha\s+de\s+nacimiento|f\.\s?nac\.?|"
    r"nat[oa](?:\s+il)?|data\s+di\s+nascita|"
    r"nascid[oa](?:\s+em)?|data\s+de\s+nascimento|"
    r"urodzon[ya](?:\s+dnia)?|ur\.|data\s+urodzenia|"
    r"f[öo]dd(?:\s+den)?|f[öo]delsedatum|f[øo]dt(?:\s+den)?|f[øo]dselsdato|geboortedatum|"
    r"(?:tanggal|tgl\.?|tarikh)\s+lahir|lahir\s+(?:pada\s+)?(?:tanggal|tgl\.?)|kelahiran|ngày\s+sinh|sinh\s+ngày|"
    r"doğum\s+tarihi|d\.\s?tarihi|petsa\s+ng\s+kapanganakan|ipinanganak(?:\s+noong)?|tarehe\s+ya\s+kuzaliwa|"
    r"data\s+na[sș]terii|n[ăa]scut[ăa]?(?:\s+(?:la|pe|în))?|syntymäaika|syntynyt|születési\s+(?:dátum|idő)|"
    r"született|datum\s+narozen[íi]|narozen[aá]?|datum\s+rođenja|rođen[a]?|дата\s+рождения|родил(?:ся|ась)|"
    r"ημερομηνία\s+γέννησης|γεννήθηκε|تاريخ\s+الميلاد|תאריך\s+לידה|जन्म\s+तिथि|"
    r"生年月日|生まれ|出生日期|出生|생년월일)")
# Days a calendar fixes: "born on Christmas Day 2015" gives the day, month and year.
_FIXED_DAY = (r"(?:christmas|xmas|new\s+year['’]?s|valentine['’]?s|halloween|boxing|st\.?\s+patrick['’]?s|"
              r"independence|bastille|all\s+saints['’]?|hogmanay|noël|noel|navidad|natale|weihnacht\w*|"
              r"nochebuena|silvester|sylvester|nouvel\s+an|año\s+nuevo|reyes)(?:\s+(?:day|eve))?\b")
# A birthday told by the age reached on it: "she turned 5 on 3 March", "he turns six on Christmas Eve".
_TURNED_AGE = (r"(?:turned|turns|turning|will\s+turn|is\s+turning)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|"
               r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen)"
               r"(?:\s+(?:years?\s+old|yrs?(?:\s+old)?|yo))?\s+on")
_BIRTH_VALUE = re.compile(
    rf"(?<!\w)(?:{_BIRTH_WORDS}|{_TURNED_AGE})\s*(?:is|was|:|-|=|,)?\s*(?:on\s+|in\s+|at\s+)?(?:the\s+)?"
    rf"(?:\d|{_MONTH}\b|{_FIXED_DAY})", re.I)


# Any date of one person's care (a birth, a request sent, a reply, a first dose) is an identifier under HIPAA Safe
# Harbor, 45 CFR 164.514(b)(2)(i)(C), which keeps the year only; the registry keeps the month, as its fields do.
FULL_DATE_EXPLANATION = ("a full date (a day of one child's care, such as a birth, a request sent or a reply, can "
                         "identify the child; give the month and year instead)")


def find_dates(text: str, found: list[Finding], *, has_digit: bool = True) -> None:
    """`has_digit=False` says the text has no digit: only a birth word before a month can be there."""
    for match in _BIRTH_VALUE.finditer(text):
        found.append(Finding("date", *match.span(), "a date of birth"))
    # Days and years may both be spelt out: then the text has no digit and still a full date.
    for pattern in _ORDINAL_DATES if _ORDINAL_WORD.search(text) else ():
        for match in pattern.finditer(text):
            found.append(Finding("date", *match.span(),
                                 FULL_DATE_EXPLANATION))
    for pattern in _FULL_DATES if has_digit else ():
        for match in pattern.finditer(text):
            found.append(Finding("date", *match.span(),
                                 FULL_DATE_EXPLANATION))
