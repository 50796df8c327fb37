"""Letters of scripts other than Latin: Cyrillic and Greek words that could be names, and every run
of letters in a script without capitals, are refused with a message saying why.

The screen reads Latin letters, and Cyrillic and Greek text written in one language it has common
words for (privacy_languages masks those words first). What is left here is refused:
- in Cyrillic or Greek, a capitalised word inside a sentence, a word no list knows, or a given name
  ("Смирнова", "Анна"); text too short to tell its language;
- in every other script, every run: Arabic, Hebrew, Devanagari, Bengali and the other Indic scripts, Thai,
  Hangul, kana, CJK ideographs, Ethiopic, Georgian, Armenian and the rest. The screen reads names in Latin,
  Greek and Cyrillic letters only, so a letter of any other script is refused unless proven harmless, never
  let through because no rule knows its script (a Bengali "আমার ছেলে রাহুল দাস" passed while the scripts were
  listed by name). In most of these scripts names have no shape (no capitals, and frequency lists rank "محمد"
  above "استجابة"). The cue reader
  (privacy_uncased: relation, role, title and naming words, listed names, address and birth words)
  runs first so that a name it reads is refused with a message naming it; whatever it leaves is
  still refused, except Arabic, Hebrew and Hindi words proven ordinary one by one (privacy_uncased_vocabulary:
  common in the language's frequency list, no listed name, no person, identity or address word in the text).
  Product decision (README, "Privacy"; bench/RESULTS.md, "blind batches 16 and 17"):
  on fresh text the cue reader alone let through 40 of 102 and, after a second round, 26 of 94
  personal strings in these scripts, so letting cue-less text pass would store names of children.
  `READ_UNCASED_BY_CUES_ALONE` is the switch for the day a blind batch shows it misses at most 2%.
A single Greek letter or two ("TNF-α", "γδ T cells") is clinical notation, not a word, so Greek
needs a run of three letters.
"""
from __future__ import annotations

import re
import unicodedata

from trialfind.core.privacy_allowed import is_town_in_cyrillic_or_greek
from trialfind.core.privacy_phrases import COMPANIES
from trialfind.core.privacy_text import Finding
from trialfind.core.privacy_vocabulary import CANCER_DRUG_STEMS
from trialfind.core.privacy_uncased import EXPLANATION, UNCASED_LETTERS, find_uncased_personal_data
from trialfind.core.privacy_uncased_vocabulary import ordinary_word_spans
from trialfind.core.privacy_word_lists import in_latin_letters, is_given_name

_CASED_SCRIPT = r"\u0400-\u052F"   # Cyrillic (Greek below, with its length rule)
UNREAD_SCRIPT = re.compile(rf"[{_CASED_SCRIPT}]+|[\u0370-\u03FF]{{3,}}")
# The scripts the screen reads names in: Latin (with its IPA, phonetic and Vietnamese extensions and the combining
# accents), Greek and Cyrillic; with the letter-like symbols ("℃", "№") and the Latin ligatures and full-width
# forms NFKC leaves. Ranges from the Unicode Standard's block list, https://www.unicode.org/Public/UCD/latest/ucd/Blocks.txt.
_READ_SCRIPTS = (r"\u0000-\u036F\u0370-\u03FF\u0400-\u052F\u1C80-\u1C8F\u1D00-\u1DBF\u1E00-\u1FFF\u2100-\u214F"
                 r"\u2C60-\u2C7F\u2DE0-\u2DFF\uA640-\uA69F\uA720-\uA7FF\uAB30-\uAB6F\uFB00-\uFB06\uFF00-\uFFEF")


def _class_of(predicate) -> str:
    """A regular-expression class of the Basic Multilingual Plane's characters for which `predicate` holds."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x80, 0x10000):
        if predicate(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\u{a:04X}" if a == b else f"\\u{a:04X}-\\u{b:04X}" for a, b in ranges)


# Vowel signs and viramas are marks, not letters ("ছেলে", "தமிழ்"): a run goes on through them.
_MARKS = _class_of(lambda c: unicodedata.category(c).startswith("M") and not "\u0300" <= c <= "\u036F")
_UNREAD_LETTER = rf"(?:(?![{_READ_SCRIPTS}])[^\W\d_])"
# A run of letters (and their marks) in a script the screen does not read, the listed scripts without capitals
# first; any other letter outside Latin, Greek and Cyrillic is such a run too.
UNCASED_RUN = re.compile(rf"[{UNCASED_LETTERS}]+|[{_MARKS}]*{_UNREAD_LETTER}(?:{_UNREAD_LETTER}|[{_MARKS}])*")
# False until a blind batch, measured once, shows the cue reader alone misses at most 2% of personal strings.
READ_UNCASED_BY_CUES_ALONE = False
# Arabic, Hebrew and Hindi words proven ordinary (privacy_uncased_vocabulary) pass; the rest stays refused. On
# because two groups of six fresh blind batches in these languages, each measured once, let 1.6% (14/893, batches
# 107-112) and then 0.7% (6/873, batches 113-118) of personal strings through, within the 2% bar, while passing
# more than half of the clean strings the wholesale refusal stopped (bench/RESULTS.md, "Arabic, Hebrew and Hindi
# read word by word"). Off, every string in these scripts is refused as in the other scripts without capitals.
PASS_ORDINARY_ARABIC_HEBREW_HINDI = True
UNCASED_EXPLANATION = ("words in a script the screen cannot read names in (Arabic, Hebrew, Indic, Thai, Korean, "
                       "Japanese, Chinese or other letters than Latin, Greek and Cyrillic), where it cannot tell "
                       "every name from a word: please write the value in Latin letters, without names")
CASED_EXPLANATION = ("a Cyrillic or Greek word that could be a name (capitalised inside a sentence, a given "
                     "name, or text too short to tell its language): please write it without names, or in "
                     "Latin letters")


# Greek month names, capitalised in Greek in every case form ("Μάρτιο", "Ιανουαρίου"): their stems without accents,
# from the Greek calendar (https://en.wiktionary.org/wiki/Μάρτιος and the other months' entries).
_GREEK_MONTH_STEMS = ("ιανουαρ", "φεβρουαρ", "μαρτ", "απριλ", "μαι", "ιουν", "ιουλ", "αυγουστ", "σεπτεμβρ", "οκτωβρ",
                      "νοεμβρ", "δεκεμβρ")
# Russian month names in their case forms ("в марте", "до июня"), lower case in Russian; "марте" read in Latin letters
# is "Marte", a given name. Stems from https://en.wiktionary.org/wiki/март and the other months' entries.
_CYRILLIC_MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
                         "ноябр", "декабр")
# A case ending after a hyphen on an acronym, as Serbian and Russian decline them: "АЛИМС-а", "ВОЗ-ом".
_ACRONYM_ENDING = re.compile(r"(?<=[\u0400-\u052F\u0370-\u03FF]-)[\u0400-\u052F]{1,3}$")


# Companies' names, one word each, to read them spelt in Cyrillic or Greek letters.
_COMPANY_WORDS = frozenset(phrase.lower() for phrase in COMPANIES if phrase.isalpha())


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


# Abbreviated titles of Russian, Ukrainian and Bulgarian ("Др.", "Проф.", "Доц.", "Г-н" is hyphenated): a title
# alone names no one; a name after it is read as any capitalised word is.
_CYRILLIC_TITLES = frozenset(("Др", "Проф", "Доц", "Акад"))
# A town's name as written follows a comma (after the place of care: "Лікарня ОХМАТДИТ, Київ").
_COMMA_BEFORE = re.compile(r",\s*$")


def _acronym_or_month(text: str, match: re.Match) -> bool:
    """An agency's or a test's acronym in Cyrillic or Greek capitals ("ΕΟΦ", "АЛИМС", with a case ending after a
    hyphen), no given name spelt in capitals; a company's name spelt so ("Новартис"); a town ("Москве"); or a Greek
    or Russian month
    with no day before it. None is a person, as "ALK" and "March" are not."""
    word = match.group()
    if word.isupper() and 2 <= len(word) <= 6 and not is_given_name(word):
        return True
    if word[:1].isupper() and in_latin_letters(word) in _COMPANY_WORDS:
        return True                                    # "Новартис": Novartis spelt in Cyrillic
    if word in _CYRILLIC_TITLES and text[match.end():match.end() + 1] == ".":
        return True                                    # "Др. каза, че ...": the doctor's title, not a name
    if in_latin_letters(word).endswith(CANCER_DRUG_STEMS):
        return True                                    # "Ларотректиниб": larotrectinib spelt in Cyrillic
    if word[:1].isupper() and not is_given_name(word) and is_town_in_cyrillic_or_greek(
            word, as_written=bool(_COMMA_BEFORE.search(text, 0, match.start()))):
        return True                                    # "в Москве", ", Київ": a town, not a person
    start = match.start()
    if (word.islower() and start >= 2 and text[start - 1] == "-" and _ACRONYM_ENDING.search(text, 0, match.end())
            and text[:start - 1].split()[-1:] and text[:start - 1].split()[-1].isupper()):
        return True
    folded = _folded(word)
    if re.search(r"\d\s*$", text[:start]):
        return False                                   # "8 Απριλίου 2017": a full date, the date rules' to judge
    if re.match(r"[\u0370-\u03FF]", word):
        return word[:1].isupper() and any(folded.startswith(stem) and len(folded) <= len(stem) + 4
                                          for stem in _GREEK_MONTH_STEMS)
    # Lower case only: Russian writes months so, and "Марта" capitalised is Marta. "ма" only as "мая"/"май"/"мае":
    # a two-letter stem would take every word starting so.
    return word.islower() and (any(folded.startswith(stem) and len(folded) <= len(stem) + 2
                                   for stem in _CYRILLIC_MONTH_STEMS if len(stem) > 2)
                               or folded in ("май", "мая", "мае", "маем"))


__all__ = ["CASED_EXPLANATION", "EXPLANATION", "PASS_ORDINARY_ARABIC_HEBREW_HINDI", "READ_UNCASED_BY_CUES_ALONE",
           "UNCASED_EXPLANATION", "UNCASED_RUN", "UNREAD_SCRIPT", "find_unread_scripts"]


def find_unread_scripts(text: str, found: list[Finding]) -> None:
    """Append a finding for each Cyrillic or Greek word that could be a name, for each name, address or
    date of birth the cue reader finds in scripts without capitals and, unless READ_UNCASED_BY_CUES_ALONE,
    for every other run of letters in those scripts but Arabic, Hebrew and Hindi words proven ordinary."""
    for match in UNREAD_SCRIPT.finditer(text):
        if any(char.isalpha() for char in match.group()) and not _acronym_or_month(text, match):
            found.append(Finding("name", match.start(), match.end(), CASED_EXPLANATION))
    read: list[Finding] = []
    find_uncased_personal_data(text, read)
    found.extend(read)
    if READ_UNCASED_BY_CUES_ALONE:
        return
    runs = list(UNCASED_RUN.finditer(text))
    ordinary = ordinary_word_spans(text) if runs and PASS_ORDINARY_ARABIC_HEBREW_HINDI and not read else []
    proven = {i for start, end in ordinary for i in range(start, end)}
    for match in runs:
        if proven and all(i in proven for i in range(match.start(), match.end()) if text[i].isalpha()):
            continue                                   # every letter of the run in a word proven ordinary
        if not any(f.start < match.end() and match.start() < f.end for f in read):
            found.append(Finding("name", match.start(), match.end(), UNCASED_EXPLANATION))
