"""Common words of other languages, so that a clinical sentence in Polish, Turkish, Norwegian, German,
Vietnamese, Russian or Greek is not refused as a run of unknown, name-shaped words.

Source: the `wordfreq` package (word frequencies from Wikipedia, subtitles, news, books, web and
social-media text in 40+ languages, Robyn Speer et al., Apache-2.0 code, CC-BY-SA 4.0 data; see
README, "Dependencies"). Its "small" lists hold every word used at least once per million words.

Those lists count names as words ("mehmet", "kowalski", "смирнова" are all frequent), so a list
alone never clears a word. The screen uses them only where the other clues say "word", as it does
for English:
- the text as a whole must read as one such language (three or more words, at least 60% of them
  common in it, and more of them than are English words);
- then a lower-case word common in that language is ordinary text, and so is a capitalised one
  that opens a sentence (or, in German, any capitalised noun), unless the word is a given name of
  the name dictionary or a word English text uses too (English text borrows people's names, not
  other languages' words: "müller", "garcia" are in the English list, "übelkeit", "kısmi" are not).
  Capitalised words inside a sentence keep every name rule.
Cyrillic and Greek are read the same way (they have capitals); a name is told by its capital and by
its Latin spelling being a known given name. Scripts without capitals (Arabic, Hebrew, Devanagari,
Thai, Hangul, kana, CJK) give no such clue: frequency lists rank "محمد" above "استجابة", so names in
them are read from their cues instead (privacy_uncased).

The lists load on first use of each language (about 0.05 s each) and only for text that is not
mostly English, so screening English text and importing the screen cost nothing extra. The lists and
their look-ups live in `privacy_word_lists`, compound nouns in `privacy_compound_words`.
"""
from __future__ import annotations

import functools
import re

from trialfind.core.given_names import dictionary_given_names, is_english_word
from trialfind.core.privacy_compound_words import COMPOUNDING, is_compound_word
from trialfind.core.privacy_vocabulary import OTHER_LANGUAGE_TERM_ENDINGS, is_known_word
from trialfind.core.privacy_word_lists import (
    CYRILLIC_LANGUAGES,
    GREEK_LANGUAGES,
    LATIN_LANGUAGES,
    common_english_words,
    common_words,
    function_words,
    is_common,
    is_function_word,
    is_given_name,
    lower_word,
)
from trialfind.core.privacy_words import GIVEN_NAMES, KIN_TITLES, RELATION_WORDS

# German writes its nouns with a capital: there a capitalised common word inside a sentence is a noun.
_NOUN_CAPITALS = frozenset({"de"})

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# A sentence starts the text or follows a full stop after a word of three letters or a number ("г. Казань",
# "ул. Тихая": an abbreviation's full stop starts no sentence).
_SENTENCE_START = re.compile(r"(?:^|(?:[^\W\d_]{3}|\d)[.!?]\s+|[;:]\s+|\n)\s*$")
# A word after a title or an abbreviation ("Dr. med. Weiß", "Frau Schäfer") is in a name's place.
_AFTER_TITLE = re.compile(r"(?:\b[^\W\d_]{1,4}\.|\b(?i:herr|frau|fru|hr|pan|pani|bay|bayan|señor|señora|senhor|"
                          r"senhora|signor|signora|madame|monsieur))\s*$")
# A capitalised word after a family word of Indonesian, Malay, Tagalog or Swahili ("ibu dari Raka", "nanay ni
# Liza") is in a name's place too; a lower-case one is the sentence's ("ayah dari pasien").
_AFTER_KIN = re.compile(r"\b(?i:ibu|ayah|bapak|bapa|anak|adik|kakak|nenek|kakek|suami|istri|isteri|nanay|tatay|"
                        r"mtoto|mwana|mama|baba)(?:\s+(?i:saya|kami|ku|ko|namin|wangu|yangu|yake|wake|dari|"
                        r"daripada|ni|si|kay|bernama))*\s*,?\s*$")
# Titles and family words: the context the name rules read, never masked.
_CUES = frozenset(("dr", "dra", "med", "rer", "nat", "phil", "dent", "prof", "doctor", "doktor", "doutor",
                   "doutora", "docteur", "dott", "dottore", "dottoressa", "sr", "sra", "srta", "señor",
                   "señora", "senhor", "senhora", "herr", "frau", "pan", "pani", "mme", "mlle", "madame",
                   "monsieur", "signora", "signor", "bay", "bayan", "hr", "fru", "mãe", "pai", "madre",
                   "padre", "mère", "père", "mutter", "vater", "hijo", "hija", "filho", "filha", "fils",
                   "fille", "sohn", "tochter", "syn", "córka", "oğlu", "kızı", "sønn", "datter", "son",
                   "dotter", "zoon", "dochter", "figlio", "figlia", "ibu", "ayah", "bapak", "bapa", "anak", "adik",
                   "kakak", "nenek", "kakek", "suami", "istri", "isteri", "mtoto", "mwana", "baba",
                   *KIN_TITLES,
                   # English family and care words too: Webster's Second lacks "mom" and "grandpa", and a short note
                   # ("noahs mom rebecca here") can read as another language whose common words hold them.
                   *RELATION_WORDS))
_CYRILLIC = re.compile(r"[\u0400-\u052F]")
_NEXT_WORD = re.compile(r"[\s,]+([^\W\d_])")
_GREEK = re.compile(r"[\u0370-\u03FF]")
_MIN_SHARE = 0.6
_MIN_WORDS = 3

# Languages wordfreq's "small" lists cover (https://github.com/rspeer/wordfreq#sources-and-supported-languages)
# whose relation words the name rules read ("hija", "filho", "fils", "figlio", "Sohn", "zoon", "anak").
_RELATION_LANGUAGES = ("es", "pt", "fr", "it", "de", "nl", "id", "pl", "sv", "nb", "da", "ro", "tr")


def follows_its_relation_word(relation: str, word: str) -> bool:
    """A lower-case `word` after a non-English relation word is one of the most frequent words of that word's
    language ("Mi hija tiene neuroblastoma": "tiene"), which no given name is; "mi hija sofia" stays a name."""
    if not word.islower() or lower_word(relation) in common_english_words():
        return False
    return any(is_common(relation, language) and is_function_word(word, language)
               for language in _RELATION_LANGUAGES)


def is_title_or_family_word(word: str) -> bool:
    """`word` is a title or a family word of one of the languages the name rules read ("Mãe", "Herr", "hija"):
    the context that tells a name, never the name."""
    return lower_word(word) in _CUES


def _next_is_capital(text: str, end: int) -> bool:
    following = _NEXT_WORD.match(text, end)
    return bool(following and following.group(1).isupper())


def _script_languages(text: str) -> tuple[str, ...]:
    # By the letters most words are written in: a unit's Greek letter ("110.000/μL", "μg") or one Cyrillic
    # word does not make a Romanian or German sentence Greek or Russian.
    cyrillic, greek = len(_CYRILLIC.findall(text)), len(_GREEK.findall(text))
    if not cyrillic and not greek:
        return LATIN_LANGUAGES
    latin = sum(char.isalpha() and char.isascii() or "\u00c0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff"
                for char in text)
    if cyrillic >= greek and cyrillic > latin:
        return CYRILLIC_LANGUAGES
    if greek > cyrillic and greek > latin:
        return GREEK_LANGUAGES
    return LATIN_LANGUAGES


def _foreign(word: str, language: str) -> bool:
    """Common in `language` and no English word (English words are the screen's own to judge)."""
    return is_common(word, language) and not _is_english(word) and lower_word(word) not in _CUES


@functools.lru_cache(maxsize=65536)
def _is_english(word: str) -> bool:
    return is_english_word(word)


def language_of(words: list[str], languages: tuple[str, ...]) -> str | None:
    """The language `words` are written in, if clearly one of `languages`: at least 60% of them are
    common in it, more than are common English words, and three or more of them are no English word."""
    # Fewer than three words that are no English word: nothing to read as another language, and no list
    # is loaded (most registry text stops here).
    other = [w for w in words if not _is_english(w) and lower_word(w) not in _CUES]
    if len(words) < _MIN_WORDS or len(other) < _MIN_WORDS:
        return None
    if languages is LATIN_LANGUAGES and len(words) - len(other) >= _MIN_SHARE * len(words):
        return None                                    # mostly English words
    # Exact look-ups of the words no English word first, to read inflections in the likeliest three only.
    lowered = [lower_word(w) for w in other]
    likely = sorted(languages, key=lambda language: -sum(w in common_words(language)[0] for w in lowered))[:3]
    best, best_count = None, (0, 0)
    for language in likely:
        count = (sum(_common_here(w, language) for w in words), sum(_common_here(w, language) for w in other))
        if count > best_count:
            best, best_count = language, count
    english = sum(lower_word(w) in common_english_words() for w in words) if languages is LATIN_LANGUAGES else 0
    common, foreign = best_count
    if best is None or common < _MIN_SHARE * len(words) or common <= english or foreign < _MIN_WORDS:
        return None
    return best


def _frequent_uncued(text: str, match: re.Match, language: str) -> bool:
    """A lower-case word that is among the language's frequent words (Zipf 5 and over: "ang", "pero" in
    Tagalog, "verdi" in Turkish) and follows no title or family word: the sentence's word, not a name
    typed in lower case, which follows a cue ("anak ko si jun")."""
    from wordfreq import zipf_frequency

    if zipf_frequency(match.group(), language, wordlist="small") < 5.0:
        return False
    before = text[max(0, match.start() - 30):match.start()]
    return not (_AFTER_TITLE.search(before) or _AFTER_LOWER_KIN.search(before))


_AFTER_LOWER_KIN = re.compile(r"\b(?i:ibu|ayah|bapak|bapa|anak|adik|kakak|nenek|kakek|suami|istri|isteri|nanay|tatay|"
                              r"mtoto|mwana|mama|baba|si|ni|kay|named|called|oğlum|kızım|oğlu|kızı|hijo|hija|son|"
                              r"daughter|sohn|tochter|bernama)[\s,:]*$")


def _common_here(word: str, language: str) -> bool:
    # A compounding language's new compound ("licensansökan") is as ordinary as the words it joins.
    return is_common(word, language) or (language in COMPOUNDING and is_compound_word(word))


def ordinary_word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that are ordinary words of the one other language the text is written in.

    English words and the cue words of the name rules (titles, family words) are never in them:
    masking those would hide the context that tells a name ("Prof. Schäfer", "my son Mateo").
    """
    if len(text.split()) < _MIN_WORDS:
        return _lower_case_cased_phrase(text)          # most registry values: a name of one or two words
    languages = _script_languages(text)
    # Words of one or two ASCII letters ("J.R.M.", "by", "yo") are common in every language: they tell nothing.
    matches = [m for m in _WORD.finditer(text) if not m.group().isascii()
               or (languages is LATIN_LANGUAGES and len(m.group()) >= 3)]
    if languages is LATIN_LANGUAGES:
        # A unit's Greek letter ("μL", "μmol") is no word of the sentence's language.
        matches = [m for m in matches if not _GREEK.search(m.group()) and not _CYRILLIC.search(m.group())]
    language = language_of([m.group() for m in matches], languages)
    if language is None:
        return _lower_case_cased_phrase(text)
    spans = []
    cased = languages is not LATIN_LANGUAGES
    for match in matches:
        word = match.group()
        if ((not cased and not _foreign(word, language)) or _AFTER_TITLE.search(text, 0, match.start())
                or (word[0].isupper() and _AFTER_KIN.search(text, 0, match.start()))):
            continue
        if word == lower_word(word):
            # Exactly as spelt: "phần" is a word even though "Phan" is a name; "tre" (three) stays a name.
            if (lower_word(word) in dictionary_given_names() or lower_word(word) in GIVEN_NAMES or (
                    cased and is_given_name(word))) and not (cased and word in function_words(language)) and not (
                    not cased and _frequent_uncued(text, match, language)):
                continue
            # In Cyrillic and Greek every lower-case word is ordinary unless it is a given name: the
            # screen's Latin rules would not refuse an unknown lower-case word either.
            if cased or is_common(word, language):
                spans.append(match.span())
        elif (not cased and _SENTENCE_START.search(text, 0, match.start()) and lower_word(word) in function_words(language)
              and lower_word(word) not in common_english_words() and not _next_is_capital(text, match.end())):
            # A sentence opened by one of the language's most frequent words ("Sau 2 chu kỳ", "După 3 cicluri"):
            # a given name spelt the same is never so frequent in running text, unless a capitalised
            # word follows it as a surname or second name does ("Thanh Hương").
            spans.append(match.span())
        elif is_given_name(word) or is_given_name(re.split(r"['’]", word)[0]):
            continue                                   # "Mehmet'in": a name with its case ending
        elif (cased and lower_word(word).endswith(OTHER_LANGUAGE_TERM_ENDINGS)
              and _SENTENCE_START.search(text, 0, match.start())):
            spans.append(match.span())                 # "Нейтропения 3 степени ...": a clinical term opens it
        elif (word[0].isupper() and not word[1:].isupper() and is_common(word, language)
              # English text borrows people's names, not other languages' words: a capitalised word that
              # English text uses too ("Müller", "Garcia", "Schneider") is taken for a name.
              and lower_word(word) not in common_english_words()
              and (language in _NOUN_CAPITALS or _SENTENCE_START.search(text, 0, match.start()))):
            spans.append(match.span())
    return spans


# Endings of Russian, Ukrainian, Bulgarian and Greek surnames, which frequency lists hold as words too.
_SURNAME_ENDINGS = ("ов", "ова", "ев", "ева", "ёв", "ёва", "ин", "ина", "ын", "ына", "ский", "ская", "цкий", "цкая",
                    "енко", "ук", "юк", "чук", "ич", "ян", "швили", "дзе", "ίδης", "ιάδης", "άκης", "όπουλος",
                    "οπούλου", "άτος", "έας", "ίου", "άκη", "ίδου")


# Endings of clinical terms built from Greek roots, in Russian, Ukrainian, Bulgarian and Greek spelling: -oma (a
# tumour: "нейробластома", "μυελοβλάστωμα"), -itis (inflammation: "мукозит", "μηνιγγίτιδα"), -osis (a condition:
# "фиброз", "ίνωση"), -emia, -penia (a lack: "нейтропения", "ουδετεροπενία"), -pathy, -plasia, -ectomy. Source: the suffixes of "List of medical roots, stems,
# prefixes and suffixes", https://en.wikipedia.org/wiki/List_of_medical_roots,_stems,_prefixes_and_suffixes
# (-oma, -itis, -osis, -emia, -penia, -pathy, -plasia, -ectomy), as Russian and Greek medicine spells them. No given name
# ends so, and a surname's endings (_SURNAME_ENDINGS) are refused before these are read.
_CLINICAL_TERM_ENDINGS = ("ома", "омы", "оме", "ому", "омой", "ит", "ита", "иту", "итом", "оз", "оза", "озом", "емия",
                          "емии", "эмия", "патия", "плазия", "эктомия", "ωμα", "ώμα", "ωματα", "ώματα", "ωματος",
                          "ώματος", "ίτιδα", "ίτιδας", "ιτιδα", "ωση", "ώση", "ωσης", "ώσης", "αιμία", "πάθεια",
                          "πλασία", "εκτομή", "пения", "пении", "пенией", "πενία", "πενίας")


def _lower_case_cased_phrase(text: str) -> list[tuple[int, int]]:
    """Lower-case Cyrillic or Greek clinical text too short, or too full of terms, to tell its language by share:
    "σταθερή νόσος", "нейробластома высокого риска", "μυελοβλάστωμα". Each word is lower case, neither a given
    name nor shaped like a surname, and common in one language or a clinical term by its ending; one word alone
    must be such a term. A capitalised word anywhere leaves the whole text to the script rule."""
    matches = [m for m in _WORD.finditer(text) if _CYRILLIC.search(m.group()) or _GREEK.search(m.group())]
    words = [m.group() for m in matches]
    spans = {m.span() for m in matches}
    # An acronym in Latin capitals ("CTCAE", "MRI") is known too: the Latin rules never take one for a name.
    latin_known = all(is_known_word(m.group()) or (m.group().isupper() and len(m.group()) <= 6)
                      for m in _WORD.finditer(text)
                      if m.span() not in spans and any(c.isalpha() for c in m.group()))
    # By its own words when its Latin ones are all vocabulary: an eponym ("Λέμφωμα Hodgkin") leaves the term Greek.
    languages = _script_languages(" ".join(words) if latin_known else text)
    if languages is LATIN_LANGUAGES:
        return []
    # A value opening with its clinical term capitalises it ("Нейробластома, рецидив"): a term by its ending, first
    # in a longer value, is read in lower case; a capital anywhere else, or an unknown Latin word, still leaves it.
    # A capitalised term alone stays refused: nothing beside it tells a term from a name.
    if (words and latin_known and len(_WORD.findall(text)) > 1 and not text[:matches[0].start()].strip()
            and lower_word(words[0]).endswith(_CLINICAL_TERM_ENDINGS)):
        words[0] = lower_word(words[0])
    if not words or any(w != lower_word(w) or is_given_name(w) or w.endswith(_SURNAME_ENDINGS) for w in words):
        return []
    terms = [w.endswith(_CLINICAL_TERM_ENDINGS) and len(w) >= 6 for w in words]
    if len(words) == 1 and not terms[0]:
        return []
    if not any(all(term or is_common(w, language) for w, term in zip(words, terms)) for language in languages):
        return []
    return [m.span() for m in matches]
