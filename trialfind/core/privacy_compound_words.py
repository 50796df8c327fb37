"""Words made by joining words, as German, Dutch and the Nordic languages write new nouns ("Härtefall|programm",
"Läkemedel|s|verket"): read as nouns, not names, by the privacy screen. Built on the common words of
`privacy_word_lists`.
"""
from __future__ import annotations

import functools

from trialfind.core.privacy_word_lists import common_words, lower_word

# Languages that write a new word by joining words ("Härtefall|programm", "behandlings|avbrott", "lääke|yhtiö").
COMPOUNDING = ("de", "nl", "sv", "nb", "da", "fi")
# Finnish nouns are short ("lääke|yhtiö", drug company, is ten letters), and so are its surnames made of words: those
# end in a place's word or "-nen" (Wikipedia, "Finnish name": Virtanen, Mäkinen, Niemi, Heikkilä, Koskinen, Salo).
_SHORTEST = {"fi": 9}
_FINNISH_SURNAME_TAILS = ("nen", "la", "lä", "niemi", "salo", "mäki", "koski", "järvi", "lahti", "vaara", "oja", "aho",
                          "ranta", "virta", "maa", "lehto", "vuori", "harju", "kangas", "saari", "joki", "linna")
_LINKS = ("", "s", "n", "e", "en", "er", "es")
# Ends of surnames that are also words ("Hoff|mann", "Stein|berg"): a compound ending so may be a name.
_SURNAME_TAILS = ("mann", "man", "berg", "burg", "stein", "feld", "dorf", "bach", "hof", "hoff", "hausen", "heim",
                  "thal", "tal", "wald", "baum", "meier", "mayer", "maier", "müller", "schmidt", "schmitt", "born",
                  "brunn", "brück", "bruck", "haus", "kamp", "horst", "hagen", "rode", "roth", "ström", "strom",
                  "qvist", "kvist", "lund", "gren", "son", "sen", "sson", "ssen", "dal", "dahl", "vik", "holm", "lind",
                  "berger", "mans")


def _splits(word: str, language: str, parts: int) -> bool:
    """`word` is `parts` or fewer common words of `language` joined (with a linking letter or two)."""
    words = common_words(language)[0]
    if word in words and len(word) >= 4:
        return True
    if parts <= 1:
        return False
    for cut in range(4, len(word) - 3):
        head = word[:cut]
        for link in _LINKS:
            if (head.endswith(link) and len(head) - len(link) >= 4 and head[:len(head) - len(link)] in words
                    and _splits(word[cut:], language, parts - 1)):
                return True
    return False


@functools.lru_cache(maxsize=4096)
def is_compound_word(word: str) -> bool:
    """A long word made of common words of a compounding language ("Härtefallprogramm", "Therapieabbruch"),
    its last a word of five letters or more that is no surname's ending: a noun, not a name. One ending
    in "-er" may be a surname of places and trades ("Kaltenbrunner", "Wolfensberger") and stays a name."""
    lower = lower_word(word)
    if len(lower) < min(_SHORTEST.values()) or not lower.isalpha() or lower.endswith("er"):
        return False
    for language in COMPOUNDING:
        if len(lower) < _SHORTEST.get(language, 12) or (language == "fi" and lower.endswith(_FINNISH_SURNAME_TAILS)):
            continue
        words = common_words(language)[0]
        for cut in range(len(lower) - 5, 2, -1):
            tail = lower[cut:]
            # The head may end in a linking letter before the tail ("Läkemedel|s|verket", "Station|s|ärztin").
            if tail in words and not tail.endswith(_SURNAME_TAILS) and any(
                    lower[:cut].endswith(link) and cut - len(link) >= 4
                    and _splits(lower[:cut - len(link)], language, 2) for link in _LINKS):
                return True
    return False
