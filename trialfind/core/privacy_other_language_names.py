"""Names told by the words other Latin-script languages introduce a person with, typed in either case: the writer's
own ("mi nombre es carlos ruiz", "je m'appelle Léa", "ich heiße jonas"), and a relative's, before or after "my
daughter" ("sofía, mi hija, tiene 3 años", "mon fils noah", "minha filha Ana"). English's own cues are read in
`privacy_lower_names` and `privacy_affiliated_names`.

The phrases and kin words are the translations Wiktionary gives of "my name is"
(https://en.wiktionary.org/wiki/my_name_is#Translations) and of "son", "daughter", "brother", "sister", "child",
"grandson", "granddaughter", "nephew", "niece" (https://en.wiktionary.org/wiki/son#Translations and the same pages
for the others), for Spanish, French, Italian, Portuguese, German, Dutch, Polish and Swedish; Indonesian, Malay and
Turkish put the owner after the kin word or in its ending ("anak saya Rizky", "oğlum Emre"). Run before another
language's ordinary words are masked, which would take the cue words away.
"""
from __future__ import annotations

import re
import unicodedata

from trialfind.core.given_names import in_any_given_name_list
from trialfind.core.privacy_text import Finding
from trialfind.core.privacy_vocabulary import is_known_word
from trialfind.core.privacy_word_lists import is_function_word, is_word_of
from trialfind.core.privacy_words import GIVEN_NAMES, NOT_NAMES, ROLE_WORDS

_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
_WORD = rf"[{_LETTERS}]{{2,}}(?:-[{_LETTERS}]{{2,}})?"
# The language each cue is in, to tell its ordinary words from a name after it.
_INTRODUCTIONS = {
    "es": r"mi\s+nombre\s+es|me\s+llamo",
    "fr": r"je\s+m['’]appelle|mon\s+nom\s+est",
    "it": r"mi\s+chiamo|il\s+mio\s+nome\s+[èe]",
    "pt": r"(?:o\s+)?meu\s+nome\s+[ée]|me\s+chamo|chamo-me",
    "de": r"ich\s+hei(?:ß|ss)e|mein\s+name\s+ist",
    "nl": r"mijn\s+naam\s+is|ik\s+heet",
    "pl": r"nazywam\s+si[ęe]|mam\s+na\s+imi[ęe]",
    "sv": r"jag\s+heter|mitt\s+namn\s+[äa]r",
}
_KIN = {
    "es": (r"mis?|nuestr[oa]s?", r"hij[oa]s?|herman[oa]s?|niet[oa]s?|sobrin[oa]s?|beb[ée]|niñ[oa]|peque(?:ño|ña)"),
    "fr": (r"m[ao]n|mes|notre|nos", r"fils|fille|fr[èe]re|s(?:œ|oe)ur|petit-fils|petite-fille|neveu|ni[èe]ce|"
                                    r"b[ée]b[ée]|enfant"),
    "it": (r"(?:il\s+|la\s+)?mi[oa]|(?:il\s+|la\s+)?nostr[oa]",
           r"figli[oa]|fratello|sorella|nipote|bambin[oa]|piccol[oa]"),
    "pt": (r"(?:o\s+|a\s+)?m(?:eu|inha)|(?:o\s+|a\s+)?noss[oa]", r"filh[oa]|irm[ãa]o?|net[oa]|sobrinh[oa]|beb[êe]|"
                                                                 r"menin[oa]|pequen[oa]"),
    "de": (r"mein(?:e|em|en)?|unser(?:e|em|en)?", r"sohn|tochter|bruder|schwester|enkel(?:in)?|neffe|nichte|kind"),
    "nl": (r"mijn|onze?", r"zoon(?:tje)?|dochter(?:tje)?|broer(?:tje)?|zus(?:je)?|kleinzoon|kleindochter|neef(?:je)?|"
                          r"nicht(?:je)?|kind(?:je)?"),
    "pl": (r"m[óo]j|moja|nasz[a]?", r"syn|c[óo]rka|brat|siostra|wnuk|wnuczka"),
    "sv": (r"min|mitt|v[åa]r", r"son|dotter|bror|syster|barnbarn|barn"),
}
# "My child" said the other way round, the owner after the kin word or joined to it: Indonesian and Malay "anak saya",
# "putri kami", "anakku" (https://en.wiktionary.org/wiki/anak, .../saya, .../-ku), Turkish "oğlum", "kızım"
# (https://en.wiktionary.org/wiki/oğul, .../kız: the first-person possessive ending).
_KIN_PHRASES = {language: rf"(?i:{owner})\s+(?i:{kin})" for language, (owner, kin) in _KIN.items()}
_KIN_PHRASES["id"] = r"(?i:anak|putra|putri|adik|kakak|cucu)(?:\s+(?i:saya|kami|aku)|(?i:ku))"
_KIN_PHRASES["tr"] = r"(?i:oğlum|kızım|kızımız|oğlumuz|torunum|kardeşim)"
# A parent or relative "of" a child: Spanish "el papá de santi", French "la mère de Léa", Italian "la mamma di Giulia",
# Portuguese "a mãe do João" (Wiktionary's translations of "father", "mother", "grandmother", "grandfather").
_PARENT_OF = {
    "es": r"(?i:pap[áa]|mam[áa]|padre|madre|abuel[oa]|t[íi][oa])\s+(?i:de|del)",
    "fr": r"(?i:p[èe]re|m[èe]re|maman|papa|grand-m[èe]re|grand-p[èe]re|tante|oncle)\s+(?i:de|d['’])",
    "it": r"(?i:pap[àa]|mamma|padre|madre|nonn[oa]|zi[oa])\s+(?i:di)",
    "pt": r"(?i:pai|m[ãa]e|av[óôo]|ti[oa])\s+(?i:do|da|de)",
}
_RELATIVE_OF = [(language, re.compile(rf"(?<![\w'’-]){phrase}\s*(?P<given>{_WORD})(?![\w'’-])"))
                for language, phrase in _PARENT_OF.items()]
_INTRODUCED = [(language, re.compile(
    rf"(?<![\w'’])(?i:{cue})\s+(?P<given>{_WORD})(?:\s+(?P<surname>{_WORD}))?", re.IGNORECASE))
    for language, cue in _INTRODUCTIONS.items()]
# "sofía, mi hija," or "sofía (mi hija)": the name, then whose relative it is; "mi hija sofía": the other way round.
_RELATIVE_AFTER = [(language, re.compile(rf"(?<![\w'’-])(?P<given>{_WORD})\s*(?:,|\()\s*{phrase}\s*(?:,|\))"))
                   for language, phrase in _KIN_PHRASES.items()]
_RELATIVE_BEFORE = [(language, re.compile(rf"(?<![\w'’-]){phrase}\s*,?\s+(?P<given>{_WORD})(?![\w'’-])"))
                    for language, phrase in _KIN_PHRASES.items()]


def _plain(word: str) -> str:
    """Lower case without accents, as the name lists spell names: "Sofía" → "sofia"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _is_given_name(word: str, language: str, known: frozenset[str]) -> bool:
    """`word` is a given name (every hyphenated part) and not one of the cue language's frequent words ("tiene",
    "est", Swedish "mår"). Its word lists hold frequent given names too ("carlos" at Zipf 5.1 in Spanish): a word
    that frequent counts as a name only on the screen's own list of common given names."""
    from wordfreq import zipf_frequency  # lazy: only a word after another language's cue needs it

    plain = _plain(word)
    return (plain not in known and word.lower() not in known and plain not in NOT_NAMES and plain not in ROLE_WORDS
            and all(in_any_given_name_list(part) for part in plain.split("-"))
            and not is_function_word(word, language)
            and (zipf_frequency(word, language) < 5.0 or plain in GIVEN_NAMES))


def find_names_in_other_languages(text: str, found: list[Finding], known: frozenset[str]) -> None:
    """A writer introducing themself, or a relative named beside "my son"/"my daughter", in another language."""
    for language, pattern in _INTRODUCED:
        for match in pattern.finditer(text):
            given, surname = match.group("given"), match.group("surname")
            # Introducing oneself by name: a given name, its surname if no vocabulary word follows it.
            if not (_is_given_name(given, language, known) or (not is_known_word(given, known)
                                                               and not is_word_of(given, language))):
                continue
            surname_too = surname and not is_known_word(surname, known) and not is_word_of(surname, language)
            found.append(Finding("name", match.start("given"), match.end("surname" if surname_too else "given"),
                                 "a person's name (a writer introducing themself)"))
    for patterns in (_RELATIVE_AFTER, _RELATIVE_BEFORE, _RELATIVE_OF):
        for language, pattern in patterns:
            for match in pattern.finditer(text):
                given = match.group("given")
                # A capital after "anak saya" or "mi hija" is a name's, where the language gives nouns none
                # (German capitalises every noun): "Anak saya Putri Rahmawati".
                capital = (patterns is not _RELATIVE_AFTER and language != "de" and given[:1].isupper()
                           and not given.isupper() and not is_function_word(given, language)
                           and not is_known_word(given, known))
                if capital or _is_given_name(given, language, known):
                    found.append(Finding("name", *match.span("given"), "a person's name (a child's or relative's, "
                                                                      "beside a family word)"))
