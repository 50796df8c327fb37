"""Common words of the languages wordfreq covers, for the privacy screen's reading of other languages: the lists
themselves, the inflections read from them, and given names looked up in Latin letters.

Source: the `wordfreq` package (word frequencies from Wikipedia, subtitles, news, books, web and social-media text in
40+ languages, Robyn Speer et al., Apache-2.0 code, CC-BY-SA 4.0 data; see README, "Dependencies"). Its "small"
lists hold every word used at least once per million words. Each list loads on first use (about 0.05 s). Apart from
`privacy_languages` (which reads the language a text is in) and `privacy_compound_words`, which both build on it.
"""
from __future__ import annotations

import bisect
import functools
import unicodedata

from trialfind.core.given_names import dictionary_given_names
from trialfind.core.privacy_words import GIVEN_NAMES

# wordfreq's languages written in Latin letters (English apart: the screen's own vocabulary reads it).
LATIN_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "pl", "tr", "nb", "sv", "da", "fi", "cs", "sk", "sl", "sh",
                   "ro", "hu", "lt", "lv", "ca", "vi", "id", "ms", "fil", "is")
CYRILLIC_LANGUAGES = ("ru", "uk", "bg", "mk")
GREEK_LANGUAGES = ("el",)
# Latin spelling of Cyrillic and Greek letters, enough to look a given name up ("Анна" → "anna").
TO_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz",
    "ѓ": "g", "ќ": "k", "ѕ": "dz",
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k", "λ": "l",
    "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f",
    "χ": "ch", "ψ": "ps", "ω": "o"})


@functools.cache
def common_words(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(the language's common words, the same sorted for prefix look-ups)."""
    from wordfreq import get_frequency_dict  # lazy: only text that is not mostly English needs it

    words = frozenset(get_frequency_dict(language, wordlist="small"))
    return words, tuple(sorted(words))


@functools.cache
def function_words(language: str) -> frozenset[str]:
    """The language's most frequent words (Zipf 5.5 and over: 300 a million words and more), its
    articles, prepositions and pronouns: "για", "και", "для". A given name is never so frequent in
    running text, so a lower-case one is the word, whatever name it transliterates to ("για" → "gia")."""
    from wordfreq import get_frequency_dict

    return frozenset(w for w, f in get_frequency_dict(language, wordlist="small").items() if f >= 3.16e-4)


@functools.cache
def common_english_words() -> frozenset[str]:
    return common_words("en")[0]


def lower_word(word: str) -> str:
    return word.lower().replace("i̇", "i")     # Turkish "İ" lower-cases to "i" and a combining dot


@functools.lru_cache(maxsize=65536)
def is_common(word: str, language: str) -> bool:
    """`word` or an inflection of it is common in `language`: "kurer" (kur), "cyklach" (cykl),
    "częściowa" (częściowo). Up to three final letters may differ; a bare stem must keep three letters (a
    frequent word then, and no more than two letters cut) and be a word itself, a shared beginning (for words
    of seven letters or more) five."""
    lower = lower_word(word)
    words, ordered = common_words(language)
    if lower in words:
        return True
    for cut in (1, 2, 3):
        stem = lower[:-cut]
        if len(stem) >= 4 and stem in words or (len(stem) == 3 and cut <= 2 and stem in words
                                                and _frequent_stem(stem, language)):
            return True
        if len(stem) >= 5 and len(lower) >= 7:
            index = bisect.bisect_left(ordered, stem)
            if index < len(ordered) and ordered[index].startswith(stem) and len(ordered[index]) <= len(stem) + 3:
                return True
    return False


def is_newer_english_word(word: str) -> bool:
    """A word Webster's web2 (1934) lacks that English now uses often: an -ed or -ing form of a common word
    ("emailed", "googled", "texting"), or "google" itself."""
    lower = lower_word(word)
    if lower.endswith("ed"):
        stems = (lower[:-2], lower[:-1], lower[:-3])                 # "texted", "emailed", "googled", "chatted"
    elif lower.endswith("ing"):
        stems = (lower[:-3], lower[:-3] + "e", lower[:-4])           # "texting", "googling", "chatting"
    else:
        return lower == "google"
    # The stem itself common ("ahmed", "fred" are names: "ahm", "fre" are no words).
    return any(len(stem) >= 4 and stem in common_english_words() for stem in stems)


def is_word_of(word: str, language: str) -> bool:
    """`word`, exactly as spelt (no inflection read), is on `language`'s list of common words."""
    return lower_word(word) in common_words(language)[0]


@functools.lru_cache(maxsize=4096)
def _frequent_stem(stem: str, language: str) -> bool:
    """A three-letter stem counts only if frequent (Zipf 3.5 and over: "kur" in Norwegian): the lists hold rare
    three-letter tokens too ("ada", "chu" in German) that would make "Adaeze Chukwu" two inflected German words.
    Three letters cut from a six-letter word leave half a word, which tells nothing: not counted either."""
    from wordfreq import zipf_frequency

    return zipf_frequency(stem, language, wordlist="small") >= 3.5


def is_function_word(word: str, language: str) -> bool:
    """`word` is one of `language`'s most frequent words ("alle" in German, "tous" in French, "dios" in
    Spanish), which no given name is."""
    return lower_word(word) in function_words(language)


def in_latin_letters(word: str) -> str:
    """`word` in lower-case Latin letters without accents: "Анна" → "anna", "Новартис" → "novartis"."""
    return "".join(c for c in unicodedata.normalize("NFKD", lower_word(word).translate(TO_LATIN))
                   if not unicodedata.combining(c))


def is_given_name(word: str) -> bool:
    """`word`, spelt in Latin letters without accents, is a given name of the name dictionary."""
    latin = in_latin_letters(word)
    return latin in dictionary_given_names() or latin in GIVEN_NAMES
