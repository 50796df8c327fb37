"""Addresses, dates of birth, phones, messaging ids and record numbers in scripts without capitals, read from
the word written against them (privacy_uncased reads the names).

A number alone is clinical ("3주기 후", "剂量 20 mg/m²", "درجة 2"); with an address word (路/号, 丁目, 로/길, شارع,
רחוב, मार्ग/नगर, ถนน/ซอย), a birth word and a year, a phone or messaging word, or a record word (住院号, 患者ID,
رقم الملف الطبي, HN) before it, it is a person's. Word lists and their sources are in privacy_uncased_words.
"""
from __future__ import annotations

import re

import trialfind.core.privacy_uncased_words as words
from trialfind.core.privacy_text import Finding

_HAN = r"\u3400-\u4DBF\u4E00-\u9FFF"
_HANGUL = r"\uAC00-\uD7AF"


def _alternation(phrases) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))



_DIGITS = r"[0-9\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u0E50-\u0E59]"
_ADDRESSES = [re.compile(pattern) for pattern in (
    # Chinese: a road with its number, then building, unit and room ("望京西路58号院3号楼1502室").
    rf"[{_HAN}]{{0,14}}(?:路|街|大道|巷|弄)\s*\d+\s*号(?:[院楼栋单元室层]|\d|号|-)*",
    r"\d+\s*(?:号楼|栋|幢)\s*\d+\s*(?:单元|室)",
    # Japanese blocks and lots.
    r"\d+\s*丁目(?:\s*\d+\s*番地?)?(?:\s*\d+\s*号)?", r"\d+\s*番地",
    # Korean: a city or district, then a road with its number; a building and flat ("101동 1203호").
    rf"[{_HANGUL}]+(?:시|구|군)\s+(?:[{_HANGUL}]+(?:구|동|읍|면)\s+)?[{_HANGUL}\d]+(?:로|길)\s*\d+(?:-\d+)?",
    r"\d+\s*동\s*\d+\s*호",
    # Arabic, Hebrew, Hindi, Thai: a street or district word with a number.
    rf"(?:شارع|طريق|حي)\s+[^\d\n]{{1,40}}?{_DIGITS}+", rf"(?:مبنى|الرمز البريدي|ص\.ب\.?)\s*{_DIGITS}+",
    r"(?:רחוב|רח['\u05F3]|שדרות|שד['\u05F3])\s+[^\d\n]{1,30}?\d+",
    rf"(?:मार्ग|नगर|गली|रोड|सेक्टर|मकान)\s*(?:नं\.?|संख्या)?\s*[,:]?\s*{_DIGITS}+",
    rf"{_DIGITS}+[,\s]+[\u0900-\u097F\s]{{0,30}}?(?:मार्ग|नगर|गली|रोड|कॉलोनी)",
    rf"(?:ถนน|ซอย|หมู่ที่|หมู่|บ้านเลขที่)\s*[^\d\n]{{0,30}}?{_DIGITS}+",
)]
_BIRTH = re.compile(_alternation(words.BIRTH_WORDS))
_YEAR_OR_DATE = re.compile(r"(?:19|20)\d{2}|平成|令和|昭和|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_PHONE = re.compile(rf"(?:{_alternation(words.PHONE_WORDS)})[\s:]*(?P<number>\+?\d[\d\s\-()]{{6,}}\d)")
# A Korean or Japanese mobile number with the word it is written against ("010-4837-2291로").
_MOBILE = re.compile(r"(?<!\d)0[1-9]0-?\d{3,4}-?\d{4}(?!\d)")
_MESSAGING = re.compile(rf"(?:{_alternation(words.MESSAGING_WORDS)})\s*(?:ID|id|아이디)?[\s:]*"
                        r"(?P<id>[A-Za-z0-9_.\-]*[0-9_][A-Za-z0-9_.\-]*)")
# A record id may start with letters ("ZY20230456", "JP-NCC-20231187").
_RECORD = re.compile(rf"(?<![A-Za-z])(?P<word>{_alternation(words.RECORD_WORDS)})[\s:：#]*"
                     r"(?P<number>(?:[A-Za-z]{1,6}-?){0,3}\d[\d\-]{4,}\d)")


def find_record_numbers(text: str, found: list[Finding]) -> None:
    for match in _RECORD.finditer(text):
        if match.group("word").isascii() and text[match.end("word"):match.end("word") + 1].isalpha():
            continue   # "HNSCC-12345" is a head-and-neck cancer, not a hospital number
        found.append(Finding("record_number", *match.span("number"), "a record or identity number"))


def find_numbers_with_cues(text: str, found: list[Finding]) -> None:
    for pattern in _ADDRESSES:
        for match in pattern.finditer(text):
            found.append(Finding("address", *match.span(), "a street address"))
    for match in _BIRTH.finditer(text):
        window_start, window_end = max(0, match.start() - 15), min(len(text), match.end() + 20)
        if _YEAR_OR_DATE.search(text, window_start, window_end):
            found.append(Finding("date", match.start(), match.end(), "a date of birth"))
    for match in _PHONE.finditer(text):
        if sum(char.isdigit() for char in match.group("number")) >= 8:
            found.append(Finding("phone", *match.span("number"), "a phone number"))
    for match in _MOBILE.finditer(text):
        found.append(Finding("phone", *match.span(), "a phone number"))
    for match in _MESSAGING.finditer(text):
        if len(match.group("id")) >= 3:
            found.append(Finding("handle", *match.span("id"), "a messaging app's user id"))
    find_record_numbers(text, found)
