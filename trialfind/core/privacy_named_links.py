"""Web links on any site whose path names a person, for the privacy screen: "www.example.com/teddys-fight",
"https://example.com/patients/emma-larsen-2016", "facebook.com/groups/PrayersForAvaGrace",
"sites.google.com/view/hope-for-noah". A family's blog, memorial or fundraiser page is named after its child on
sites no list of platforms can hold; the path is split into its parts ("-", "_", ".", "+" and CamelCase) and each
part read against the given-name lists.

A given name no English word shares ("emma", "mateo", "ava") marks the link; a name that is also a word ("grace",
"will", "hope", "teddy") only beside such a name or beside a campaign's word ("prayers-for-grace", "graces-journey",
"team-will-strong"). A company's, agency's or hospital's page ("clinicaltrials.gov/study/NCT04185831",
"www.lilly.com/grace-program", "/ronald-mcdonald-house", "/ewing-sarcoma") names no child and passes. The query
string and fragment (after "?" or "#") are not read: they hold search words and random ids.

Runs with the handle rules, before web addresses are masked as harmless.
"""
from __future__ import annotations

import re

from trialfind.core.given_names import dictionary_given_names, word_like_given_names
from trialfind.core.privacy_languages import language_of
from trialfind.core.privacy_text import Finding
from trialfind.core.privacy_word_lists import LATIN_LANGUAGES, is_common, is_function_word
from trialfind.core.privacy_words import GIVEN_NAMES, NOT_NAMES, ROLE_WORDS

# Top-level domains people type without "http" or "www": the generic ones and any two-letter country's.
_TLD = r"(?:com|org|net|gov|edu|int|info|biz|io|app|blog|site|page|online|bio|health|care|life|me|tv|[a-z]{2})"
_LINK = re.compile(
    r"(?<![\w.@/-])(?:https?://(?:[a-z0-9-]+\.)+[a-z]{2,}|www\.(?:[a-z0-9-]+\.)+[a-z]{2,}|"
    rf"(?:[a-z0-9-]+\.)+{_TLD})(?::\d+)?(?P<path>/[^\s,;)\]>\"'<]*)", re.IGNORECASE)
# A site's address, with or without a path: its host's labels can be a family's campaign ("www.teamava.org",
# "hope-for-noah.com").
_SITE = re.compile(rf"(?<![\w.@/-])(?:https?://)?(?P<host>(?:[a-z0-9-]+\.)+{_TLD})(?![\w@-])(?:[/:][^\s,;)\]>\"'<]*)?",
                   re.IGNORECASE)
# A path's parts: split on its separators and digits, then on CamelCase ("PrayersForAvaGrace"); a run of capitals
# ("DIPG", "NCT") is a part of its own, and so is a Gaelic surname ("McDonald").
_PART = re.compile(r"[^\W\d_]+")
_CAMEL_PART = re.compile(r"Ma?c[A-Z][a-z]+|[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[^\W\d_]+")
# A web page's file ending: not a part of its name.
_PAGE_ENDING = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm|pdf|docx?|xml|json)$", re.IGNORECASE)

# Words a family's fundraiser, blog or prayer page puts around its child's name: before it ("team-", "prayers for",
# "help baby") and after it ("-strong", "'s journey", "fights"). Source: the slugs of GoFundMe, CaringBridge and
# Facebook pages in the labelled set (tests/data/privacy_labelled.tsv, kinds handle/url/link/account).
_CUE_BEFORE = frozenset("""
team pray help save support fight baby little brave sweet dear miracle remembering memory memorial honor honour
forever
""".split())
# Words before "for" in a prayer's or a campaign's call: "prayers-for-grace", "hope-for-noah".
_CUE_BEFORE_FOR = frozenset("prayers prayer pray praying hope hoping love fight fighting help support thoughts".split())
_CUE_AFTER = frozenset("""
fight fights fighting strong journey journeys warrior warriors army story stories prayers updates update
courage tribe crew squad battle legacy fund mom mum dad mama papa family miracle hope heroes hero
""".split())
_CUE_WORDS = _CUE_BEFORE | _CUE_AFTER | _CUE_BEFORE_FOR | {"love", "faith", "joy", "prayers", "prayer"}
# The same words run together with the name, as site names and handles are typed ("teamava", "mateosjourney").
_CAMPAIGN_PREFIX = re.compile(r"^(?:team|prayers?for|prayfor|pray4|prayingfor|hopefor|hope4|lovefor|love4|fightfor|"
                              r"fight4|fightwith|fightingfor|helpfor|help4|helpsave|help|save|support|standwith|"
                              r"babyhelp|baby|little|brave)")
_CAMPAIGN_SUFFIX = re.compile(r"(?:s?strong|s?journey|s?fights?|s?army|s?warriors?|s?story|s?courage|s?tribe|"
                              r"s?miracle|s?updates|s?legacy|s?battle)$")
# Words that name a place of care, an organisation, a disease, a product or a method beside a name
# ("ronald-mcdonald-house", "dana-farber-cancer-institute", "ewing-sarcoma", "dornier-aries-device",
# "raman-spectroscopy"): a segment holding one names that, not a child. Source: the institution and eponym heads
# the screen already masks (privacy_allowed.EPONYM_HEAD, INSTITUTION_NAME), and the heads of device and method
# names among the registry's interventions (bench/privacy.py's real strings).
_ORGANISATION_WORDS = frozenset("""
hospital hospitals institute institut foundation fondation center centre clinic clinics house university college
school society association trust charity program programme programs award awards lecture fellowship prize
scholarship building
hall pavilion library laboratory lab company pharma pharmaceuticals therapeutics inc ltd corp gmbh llc
sarcoma tumor tumour tumors lymphoma leukemia leukaemia disease syndrome anemia anaemia histiocytosis cell cells
criteria classification scale score stage staging protocol regimen
device devices system systems implant implants sensor capsule capsules tablet tablets injection kit assay test
spectroscopy inhibitor inhibitors receptor mutation gene method technique procedure
""".split())
# Languages whose most frequent words ("del", "des", "ella") are read as such, not as names, in a path: those
# wordfreq's "small" lists cover that family pages are written in.
_FUNCTION_WORD_LANGUAGES = ("es", "pt", "fr", "it", "de", "nl")


def _parts(segment: str) -> list[str]:
    segment = _PAGE_ENDING.sub("", segment)
    return [p.lower() for word in _PART.findall(segment) for p in _CAMEL_PART.findall(word)]


def _strong(part: str, language: str | None) -> bool:
    """A given name of four letters or more no English word shares ("emma", "mateo"), nor a frequent word of
    another language ("ella", "alle") or of the language the path is written in ("salud" in
    "/salud-publica/primer-caso")."""
    return (len(part) >= 4 and part in dictionary_given_names() and part not in NOT_NAMES
            and part not in ROLE_WORDS and part not in _ORGANISATION_WORDS
            and not any(is_function_word(part, other) for other in _FUNCTION_WORD_LANGUAGES)
            and not (language and is_common(part, language)))


def _weak(part: str) -> bool:
    """A given name that is also a word ("grace", "will", "hope", "ella"), or a short one ("ava", "eli"), which
    is as often a code or an abbreviation ("tak-788", "jak2", "aud")."""
    return len(part) >= 3 and (part in word_like_given_names() or part in GIVEN_NAMES
                               or part in dictionary_given_names()) and part not in ROLE_WORDS


def _possessive(part: str) -> str | None:
    """The name a possessive part owns ("teddys" -> "teddy", "sofias" -> "sofia"), if it is one: read as a
    word-like name, which needs a campaign's word beside it ("teddys-fight"); "lupus" or "aries" is no "lupu's"."""
    if part.endswith("s") and len(part) > 4 and not _weak(part):
        stem = part[:-1]
        if stem in GIVEN_NAMES or _weak(stem):
            return stem
    return None


def segment_names_a_person(segment: str, language: str | None = None) -> bool:
    """A path segment ("teddys-fight", "emma-larsen-2016", "PrayersForAvaGrace") holds a child's name. `language`
    is the one the whole path is written in, if not English."""
    parts = _parts(segment)
    if not parts or any(part in _ORGANISATION_WORDS for part in parts):
        return False
    if any(_strong(part, language) for part in parts):
        return True
    return _cued_name(parts)


def _cued_name(parts: list[str]) -> bool:
    """A name, word-like or not, with a campaign's word before or after it ("prayers for grace", "mateo strong")."""
    for index, part in enumerate(parts):
        # A campaign's own word is not its child ("hope-strong", "love-will-find-a-way").
        if part in _CUE_WORDS or not (_weak(part) or _possessive(part)):
            continue
        before = parts[index - 1] if index else ""
        after = parts[index + 1] if index + 1 < len(parts) else ""
        # "for" only after a prayer's or a campaign's word: "prayers-for-grace", not "therapy-for-non-metastatic".
        before_for = index >= 2 and before == "for" and parts[index - 2] in _CUE_BEFORE_FOR
        if before in _CUE_BEFORE or before_for or after in _CUE_AFTER:
            return True
    return False


def campaign_label_names_a_child(label: str) -> bool:
    """A site's name or a handle shaped like a family's campaign: a campaign's word around a given name, run
    together ("teamava", "prayersformateo", "teddysfight", "noahsjourney") or split ("hope-for-noah"). The name
    alone is not enough here: "dana-farber", "alexslemonade" and "stjude" are organisations named after people."""
    parts = _parts(label)
    if len(parts) > 1:
        return _cued_name(parts)
    if len(parts) != 1:
        return False
    core, affixed = parts[0], False
    while True:
        stripped = _CAMPAIGN_PREFIX.sub("", core, count=1)
        stripped = _CAMPAIGN_SUFFIX.sub("", stripped, count=1)
        if stripped == core or len(stripped) < 3:
            break
        core, affixed = stripped, True
    return affixed and (core in GIVEN_NAMES or _strong(core, None))


def find_named_links(text: str, found: list[Finding]) -> None:
    """Append each web link whose path names a person."""
    if "." not in text:
        return
    for match in _LINK.finditer(text) if "/" in text else ():
        path = re.split(r"[?#]", match.group("path"), maxsplit=1)[0]
        segments = [segment for segment in path.split("/") if segment]
        parts = [part for segment in segments for part in _parts(segment)]
        language = language_of(parts, LATIN_LANGUAGES) if len(parts) >= 3 else None
        if any(segment_names_a_person(segment, language) for segment in segments):
            found.append(Finding("handle", *match.span(), "a personal web address (a page named after a person)"))
    for match in _SITE.finditer(text):
        labels = match.group("host").lower().split(".")[:-1]
        if any(campaign_label_names_a_child(label) for label in labels if label not in ("www", "m")):
            found.append(Finding("handle", *match.span(), "a personal web address (a family's own site)"))
