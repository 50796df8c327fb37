"""Given names from a public first-name dictionary, less the ones that are English words or places.

The privacy screen's own short list (privacy_words.GIVEN_NAMES) covers the common names;
this adds the long tail ("Tariq", "Kiara", "Amelie") so a child's name typed on its own is
still caught. Source: the first-name dictionary shipped with the gender-guesser package
(Jörg Michael's `nam_dict.txt`, about 45,000 names from 50 countries). A name that is also a
lower-case word of Webster's Second International (the `web2` list of the english-words
package, public domain), or such a word with an -s, -es, -ed or -ing ending, is left out
("Will", "Grace", "Precious", "Marks"), and so are countries,
cities, months and company names (WORD_LIKE_PLACES below): those count as names only where
the context says so. Korean and Chinese given names romanised with a hyphen ("Ji-woo", "Mei-ling") are read from
their syllables (is_romanised_given_name).

Loaded once, on first use (about a quarter of a second).
"""
from __future__ import annotations

import functools
from importlib import resources

from english_words import get_english_words_set

from trialfind.core.privacy_phrases import COMPANIES
from trialfind.core.privacy_words import GIVEN_NAMES, NOT_NAMES, ROLE_WORDS, WORD_LIKE_NAMES

# Countries, cities, regions and months that the name dictionary also lists as first names.
WORD_LIKE_PLACES = frozenset("""
afghanistan albania algeria america andorra angola argentina armenia australia austria azerbaijan bahamas
bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria
burundi cambodia cameroon canada chad chile china colombia congo croatia cuba cyprus czechia denmark djibouti
dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana
greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel
italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait laos latvia lebanon lesotho liberia
libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius
mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands
nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland portugal
qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan
suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey
turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
europe asia africa oceania antarctica arctic atlantic pacific scandinavia britain england scotland wales
alabama alaska arizona arkansas california carolina colorado connecticut dakota delaware florida hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
missouri montana nebraska nevada jersey ohio oklahoma oregon pennsylvania tennessee texas utah vermont
virginia washington wisconsin wyoming ontario quebec alberta manitoba saskatchewan victoria queensland tasmania
houston dallas denver austin boston chicago atlanta memphis seattle portland phoenix columbus cleveland detroit
milwaukee nashville orlando miami tampa charlotte raleigh richmond baltimore pittsburgh cincinnati louisville
indianapolis omaha tulsa albuquerque tucson sacramento oakland stanford palo alto pasadena irvine berkeley
london paris milan vienna sydney madrid rome berlin munich hamburg frankfurt cologne lyon marseille toulouse
nice lille bordeaux nantes brussels antwerp amsterdam rotterdam utrecht leiden zurich geneva basel bern
copenhagen stockholm oslo helsinki dublin belfast glasgow edinburgh manchester liverpool leeds sheffield
birmingham bristol cardiff newcastle southampton oxford cambridge toronto montreal vancouver ottawa calgary
melbourne brisbane perth adelaide auckland wellington lisbon porto barcelona valencia seville bilbao
naples turin genoa florence bologna venice padua athens istanbul ankara cairo dubai doha riyadh tehran
mumbai delhi chennai kolkata bangalore hyderabad karachi lahore dhaka beijing shanghai tokyo osaka seoul
singapore manila jakarta bangkok hanoi lagos nairobi accra johannesburg capetown santiago lima bogota quito
caracas havana warsaw prague budapest bucharest sofia belgrade zagreb kyiv kiev moscow riga vilnius tallinn
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday easter christmas
""".split())


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case words of Webster's Second International (web2): ordinary words, not names."""
    return frozenset(word for word in get_english_words_set(["web2"], lower=False, alpha=True) if word.islower())


def is_english_word(word: str) -> bool:
    """`word` (any case) or its stem is an ordinary English word: "marks", "related", "sensing"."""
    word = word.lower()
    for ending in ("'s", "’s"):                     # "children's", "company's": the word's own
        word = word.removesuffix(ending)
    words = english_words()
    # A doubled last consonant before "-ed" or "-ing" is spelling, not the stem: "submitted", "stopping".
    doubled = ((word.endswith("ed") and len(word) > 5 and word[-3] == word[-4] and word[-3] not in "aeiou")
               or (word.endswith("ing") and len(word) > 6 and word[-4] == word[-5] and word[-4] not in "aeiou"))
    stems = (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith(("es", "ed")) else "",
             word[:-1] if word.endswith("d") else "", word[:-3] if word.endswith("ing") else "",
             word[:-3] + "e" if word.endswith("ing") else "",
             (word[:-3] if word.endswith("ed") else word[:-4]) if doubled else "")
    if any(stem in words for stem in stems if len(stem) >= 3):
        return True
    # Web2 spells "co-" before a vowel with a diaeresis ("coördinate", "coöperative"), which its word list drops:
    # "coordinated", "coinvestigator" are "co" and an English word.
    return len(word) >= 8 and word.startswith("co") and word[2] in "aeiou" and is_english_word(word[2:])


def _name_dictionary_lines():
    path = resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
    with path.open(encoding="iso-8859-1") as handle:
        yield from handle


@functools.lru_cache(maxsize=1)
def _dictionary_names() -> frozenset[str]:
    names: set[str] = set()
    for line in _name_dictionary_lines():
        if line[:1] in "#=" or len(line) < 30:
            continue
        name = line[3:29].strip().lower()
        if len(name) >= 3 and name.isascii() and name.isalpha():
            names.add(name)
    return frozenset(names)


# Words the name dictionary lists that are never a person's name in English text.
_NEVER_NAMES = frozenset("the and son boy girl man men baby king queen prince princess day may".split())


@functools.lru_cache(maxsize=1)
def word_like_given_names() -> frozenset[str]:
    """Given names that are also ordinary words or places ("Grace", "Will", "Brooklyn", "Hunter").

    A name only where the sentence uses the word as a person ("Grace relapsed", "only Will was
    eligible"); company words are left out ("Lilly responded" is the company).
    """
    company_words = {word.lower() for phrase in COMPANIES for word in phrase.replace("-", " ").split()}
    names = _dictionary_names() | GIVEN_NAMES | WORD_LIKE_NAMES
    return frozenset(names - company_words - ROLE_WORDS - _NEVER_NAMES)


def in_name_dictionary(word: str) -> bool:
    """`word` (lower case) is in the name dictionary as it ships, words, places and companies included ("lilly",
    "grace"): only for a slot that already says person."""
    return word in _dictionary_names()


def in_any_given_name_list(word: str) -> bool:
    """`word` (lower case) is on one of the given-name lists: the curated one, the name dictionary's, or the names
    that are ordinary words too. The one test the name rules share; each adds the cues it needs beside it."""
    return word in GIVEN_NAMES or word in dictionary_given_names() or word in word_like_given_names()


@functools.lru_cache(maxsize=1)
def dictionary_given_names() -> frozenset[str]:
    """Lower-case given names that are not English words, places, companies or role words."""
    company_words = {word.lower() for phrase in COMPANIES for word in phrase.replace("-", " ").split()}
    names = _dictionary_names()
    excluded = WORD_LIKE_PLACES | WORD_LIKE_NAMES | company_words | NOT_NAMES | ROLE_WORDS
    kept = {name for name in names - excluded if not is_english_word(name)}
    return frozenset(kept | {n for n in GIVEN_NAMES if n not in WORD_LIKE_NAMES})


# A Korean or Chinese given name romanised with a hyphen, its second syllable in lower case: "Sung-min", "Ji-hoon",
# "Seo-yeon", "Mei-ling", "Xiao-ming". Both syllables from the syllables such names are made of: Revised Romanization
# of Korean (https://en.wikipedia.org/wiki/Revised_Romanization_of_Korean) as used in the common given names of
# https://en.wikipedia.org/wiki/Korean_name#Given_names, and Hanyu Pinyin syllables common in Chinese given names
# (https://en.wikipedia.org/wiki/Chinese_given_name). English has no word so made ("Non-small", "Follow-up").
ROMANISED_SYLLABLES = frozenset("""
ji min seo hoon hun hyun jun joon woo yeon yun eun su soo young yeong jin sung seung hye ha na ye da yu bin won jae
ho hee kyung gyeong jung jeong sang dong tae hwan chul cheol mi kyu gyu ah yoon hyo hyeon chan sook suk ok ja ae
hyuk hyeok seok sik gi ki geun gun sun seon yong jong hak nam il bo ra rin rim so sol si sin shin han
mei ling xiao ming wei jie hui yan li hua hong fang lan qing xin yi hao chen lin xiu zhi zhen jia jing yue
ting mo qi xue feng lei tao peng kai rui shan
""".split())


def is_romanised_given_name(word: str) -> bool:
    """`word` is two different syllables of the lists above joined by a hyphen, in any case: "Ji-woo", "mei-ling"
    (not "ha-ha", "so-so")."""
    parts = word.lower().split("-")
    return len(parts) == 2 and parts[0] != parts[1] and all(p in ROMANISED_SYLLABLES for p in parts)
