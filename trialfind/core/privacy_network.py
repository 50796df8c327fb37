"""Network addresses, messaging-app ids and pager numbers, for the privacy screen: an IPv4 or IPv6 address
or a device's MAC address (each points at one household's line or machine), an id on a messaging app after
the app's name ("wechat ID: lin_88", "skype live:ana.sousa", "QQ 284715590", "discord mira#4410"), and a
pager, bleep or extension number after its word ("pager 4-8812", "bleep 2341", "Durchwahl -123").

Version numbers ("v2.4.1"), CTCAE versions and DOIs ("10.1056/NEJMoa…") have fewer than four dotted parts or
a slash, so they never take an address's shape.
"""
from __future__ import annotations

import re

from trialfind.core.given_names import is_english_word
from trialfind.core.privacy_text import Finding

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = re.compile(rf"(?<![\w.])({_OCTET}(?:\.{_OCTET}){{3}})(?![\w]|\.\d)")
# Eight groups, or fewer around one "::", with a hex letter or a group of 3-4 digits (never a time "10:30").
_IPV6 = re.compile(r"(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|"
                   r"(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?)(?![\w:])", re.IGNORECASE)
_MAC = re.compile(r"(?<![\w:-])[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}(?![\w:-])", re.IGNORECASE)
_IP_WORD = re.compile(r"\b(?:ip|ipv4|ipv6|ip\s+address|address|host|server|logged|login|from|device|router|"
                      r"adresse|dirección|direccion|indirizzo|endereço)\b", re.IGNORECASE)
_VERSION_WORD = re.compile(r"\b(?:v|ver|version|versión|release|build|section|sección|§|chapter|table|figure|"
                           r"fig|item|criterion|criteria|step|rule|clause)\.?\s*$", re.IGNORECASE)

# Apps whose name is no English word: any id-like value after them is an account.
_APP = (r"we\s?chat|weixin|skype|whats\s?app|viber|kakao\s?talk|kakao|discord|zalo|qq|telegram|threema|"
        r"imessage|facetime|wickr|snapchat|line\s+app")
# Names that are English words too ("line", "signal"): only with an id word after them ("Line ID:").
_WORD_APP = r"line|signal|kik"
_ID_WORD = r"(?:id|i\.d\.|username|user\s*name|user|handle|account|acct|name|number|no\.?|nr\.?|#|号|번호)"
_APP_ID = re.compile(
    rf"\b(?:(?i:{_APP})(?!\w)(?:\s*(?i:{_ID_WORD})(?!\w))?|(?i:{_WORD_APP})\s*(?i:{_ID_WORD})(?!\w))\s*(?:[:=\-–]|(?i:is|es|ist|è|é))?\s*"
    rf"(?P<value>(?:live|skype):[\w.\-]{{2,40}}|[A-Za-z0-9][\w.\-]{{2,31}}(?:#\d{{4}})?)(?![\w@/])")
# A Skype id needs no app word before it: "live:keisha.o", "skype:ana.sousa?call".
_SKYPE_URI = re.compile(r"(?<![\w/])(?:live|skype):[A-Za-z][\w.\-]{2,40}(?:\?\w+)?", re.IGNORECASE)
# A Discord tag of the old shape: "mira#4410".
_DISCORD_TAG = re.compile(r"(?<![\w#])[A-Za-z][\w.]{1,31}#\d{4}(?![\w#])")

_PAGER = re.compile(
    r"\b(?i:pager|bleep(?:er)?|beeper|pgr|piepser|pieper|durchwahl|nebenstelle|apparat|interno|poste|"
    r"ext|extn|extension|tel\.?\s*int|buscapersonas|buscas|bip)\b\.?\s*(?i:no\.?|number|nr\.?|#|:)?\s*[-–]?\s*"
    r"(?P<number>\d(?:[\s.-]?\d){2,5})(?!\d|[.,]\d)"
    r"(?!\s*(?i:weeks?|wks?|months?|days?|years?|mg|mcg|ml|patients?|participants?|subjects?|cycles?|%))")


def find_network_and_app_ids(text: str, found: list[Finding]) -> None:
    """Append IP and MAC addresses, messaging-app ids and pager or extension numbers."""
    if any(c.isdigit() for c in text):
        for match in _IPV4.finditer(text):
            before = text[max(0, match.start() - 25):match.start()]
            if _VERSION_WORD.search(before):
                continue
            digits = sum(c.isdigit() for c in match.group(1))
            if digits >= 8 or _IP_WORD.search(before):
                found.append(Finding("other", *match.span(1), "a network (IP) address"))
        for match in _MAC.finditer(text):
            found.append(Finding("other", *match.span(), "a device's hardware (MAC) address"))
        for match in _PAGER.finditer(text):
            if re.fullmatch(r"(?:19|20)\d\d", match.group("number")):
                continue                                # "extension 2019": a year
            found.append(Finding("phone", *match.span(), "a pager, bleep or extension number"))
    if "::" in text or text.count(":") >= 7:
        for match in _IPV6.finditer(text):
            groups = [g for g in match.group(0).split(":") if g]
            if len(groups) >= 3 and any(len(g) >= 3 or re.search(r"[a-f]", g, re.IGNORECASE) for g in groups):
                found.append(Finding("other", *match.span(), "a network (IPv6) address"))
    for match in _APP_ID.finditer(text):
        value = match.group("value")
        # A person's id has a digit, an underscore, a dot or a colon; a bare word after the app's name
        # must be no English word ("WhatsApp group", "Skype call" are not accounts).
        if (re.search(r"[\d_.:#]", value) or not is_english_word(value.lower())) and not value.isdigit() or (
                value.isdigit() and 5 <= len(value) <= 11 and re.match(r"(?i)qq", match.group(0))):
            found.append(Finding("handle", *match.span(), "an account on a messaging app"))
    if ":" in text:
        for match in _SKYPE_URI.finditer(text):
            found.append(Finding("handle", *match.span(), "an account on a messaging app (Skype)"))
    if "#" in text:
        for match in _DISCORD_TAG.finditer(text):
            found.append(Finding("handle", *match.span(), "an account on a messaging app (Discord)"))
