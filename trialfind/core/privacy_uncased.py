"""Names, addresses, dates of birth and numbers in scripts without capitals, read from their cues.

Arabic, Hebrew, Devanagari, Thai, Hangul, kana and CJK ideographs have no capitals, and frequency
lists rank names with words, so a name cannot be told by its shape. It is told by what stands
around it, per language (word lists and their sources in privacy_uncased_words):
- a relation, role or title word before it ("我女儿", "娘の", "제 딸", "ابني", "הבן שלי", "मेरी बेटी",
  "ด.ญ.") or after it ("王丽华医生", "佐藤さん", "김서연 환아"), the name itself being a listed family name
  with given-name characters (Chinese, Japanese, Korean) or a listed given name (Arabic, Hebrew, Hindi);
  after a title that only ever precedes a name ("د.", "ד\"ר", "डॉ.", "ด.ช."), any word;
- a word that names who follows ("名叫", "名前は", "이름은", "اسمه", "שמה", "मरीज़ का नाम", "ชื่อ");
- a value that is nothing but a name: a listed family name with listed given-name characters
  ("李明轩", "김민준"), or a listed given name with a listed given or family name ("محمد أحمد",
  "יוסף כהן", "राहुल शर्मा"); a listed given and family name side by side anywhere (Hebrew, Hindi);
- an address, birth, phone, messaging or record word with its number (privacy_uncased_numbers).
- a name just before the child's age ("윤서준 (6세", "عمر، ٦ سنوات", "עומר, בן 6", "ईशान, 6 वर्ष", "娘の美咲は七歳"),
  a self-introduction ("私は中村恵子", "저는 ... 강은지입니다"), a title joined to the name ("คุณวิภาวรรณ",
  "정수진 부장님"), a surname with any given characters before a staff title ("的赵晓峰经理");
- a school class or a news story about a child (privacy_uncased_stories).
A title before a word that a company word follows is a company ("डॉ. रेड्डीज़ लैबोरेटरीज़").
Clinical text with none of these cues passes ("患者对克唑替尼有部分缓解", "المريض استجاب للعلاج").
What still gets through: a name with no cue inside a longer sentence, a name no list knows after
a relation word, a family name the lists do not hold.
"""
from __future__ import annotations

import re

import trialfind.core.privacy_uncased_words as words
from trialfind.core.privacy_text import Finding
from trialfind.core.privacy_uncased_numbers import find_numbers_with_cues, find_record_numbers
from trialfind.core.privacy_uncased_stories import find_child_stories

EXPLANATION = ("a name in a script without capitals (read from a relation, role, title or naming word, or a "
               "family name with a given name): please write the value without names")

_HAN = r"\u3400-\u4DBF\u4E00-\u9FFF"
_HAN_CHAR = re.compile(rf"[{_HAN}]")
_HANGUL = r"\uAC00-\uD7AF"
_ARABIC_WORD = r"[\u0621-\u064A\u0671-\u06D3][\u0621-\u065F\u0671-\u06D3]*"
_HEBREW_WORD = r"[\u05D0-\u05EA][\u05D0-\u05EA'\"\u05F3\u05F4]*"
_DEVANAGARI_WORD = r"[\u0900-\u0963\u0971-\u097F]+"
# Letters of the scripts without capitals (digits, marks and punctuation of these blocks decide nothing).
UNCASED_LETTERS = (r"\u0590-\u05FF"      # Hebrew
                   r"\u0600-\u06FF\u0750-\u077F"  # Arabic
                   r"\u0900-\u097F"      # Devanagari
                   r"\u0E00-\u0E7F"      # Thai
                   r"\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF"  # Hangul
                   r"\u3040-\u30FF"      # Hiragana, Katakana
                   r"\u3400-\u4DBF\u4E00-\u9FFF")  # CJK ideographs
_UNCASED_LETTER = re.compile(rf"[{UNCASED_LETTERS}]")
_SEPARATOR = r"[\s:,،\-]*"


def _alternation(phrases) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


def find_uncased_personal_data(text: str, found: list[Finding]) -> None:
    """Append a finding for each name, address, birth date or number read from its cue."""
    if not _UNCASED_LETTER.search(text):
        # A record word in Latin letters ("HN 63-012345", a Thai hospital number) stands alone.
        find_record_numbers(text, found)
        return
    for finder in (_chinese_names, _japanese_names, _korean_names, _arabic_names, _hebrew_names, _hindi_names,
                   _thai_names, _bare_name, _names_before_an_age):
        for start, end in finder(text):
            found.append(Finding("name", start, end, EXPLANATION))
    find_child_stories(text, found)
    if any(char.isdigit() for char in text):
        find_numbers_with_cues(text, found)


# -- Chinese ---------------------------------------------------------------------------------------

def _chinese_name_at(text: str, start: int) -> int:
    """End of a surname with one or two given-name characters at `start`, or `start` if none."""
    if start >= len(text) or text[start] not in words.CHINESE_SURNAMES:
        return start
    end = start + 1
    while end < len(text) and end - start <= 2 and text[end] in words.CHINESE_GIVEN_CHARACTERS:
        end += 1
    return end if end > start + 1 else start


_CHINESE_BEFORE = re.compile(rf"(?:{_alternation(words.CHINESE_PERSON_BEFORE)}){_SEPARATOR}"
                             rf"(?:{_alternation(words.CHINESE_COPULAS)})?")
_CHINESE_PET_NAMING = re.compile(rf"(?:{_alternation(words.CHINESE_PET_NAMING)}){_SEPARATOR}(?P<name>[{_HAN}]{{2,3}})")
# A surname with any one or two characters before a title, where a word ends before the surname ("诺华公司的赵晓峰经理",
# "是孙立平主任"): at least one of the characters a listed given-name one, so "的高年资医生" (senior doctor) stays a word.
_CHINESE_FULL_NAME_BEFORE_TITLE = re.compile(
    rf"(?:^|(?<=[^{_HAN}])|(?<=[的是为：]))(?P<name>[{''.join(sorted(words.CHINESE_SURNAMES))}][{_HAN}]{{1,2}})"
    rf"(?:{_alternation(words.CHINESE_PERSON_AFTER)})")
_CHINESE_NAMING = re.compile(rf"(?:{_alternation(words.CHINESE_NAMING)}){_SEPARATOR}")
_CHINESE_AFTER = re.compile(_alternation(words.CHINESE_PERSON_AFTER))


def _chinese_names(text: str):
    if not _HAN_CHAR.search(text):
        return
    for match in _CHINESE_BEFORE.finditer(text):
        end = _chinese_name_at(text, match.end())
        if end > match.end():
            yield match.end(), end
    for match in _CHINESE_NAMING.finditer(text):
        start = match.end()
        if start < len(text) and text[start] in words.CHINESE_SURNAMES:
            end = start + 1
            while end < len(text) and end - start <= 2 and _HAN_CHAR.match(text[end]):
                end += 1
            if end > start + 1:
                yield start, end
    for match in _CHINESE_PET_NAMING.finditer(text):
        yield match.span("name")
    for match in _CHINESE_FULL_NAME_BEFORE_TITLE.finditer(text):
        if any(char in words.CHINESE_GIVEN_CHARACTERS for char in match.group("name")[1:]):
            yield match.span("name")
    for match in _CHINESE_AFTER.finditer(text):
        # The name just before the title: surname and up to two given-name characters, or a surname alone
        # where nothing Chinese comes before it ("李医生", not "我向医生").
        for given in (2, 1):
            start = match.start() - given - 1
            if start >= 0 and _chinese_name_at(text, start) == match.start():
                yield start, match.start()
                break
        else:
            start = match.start() - 1
            if (start >= 0 and text[start] in words.CHINESE_SURNAMES
                    and text[start] not in words.CHINESE_SURNAMES_THAT_ARE_PREPOSITIONS and (start == 0 or not _HAN_CHAR.match(text[start - 1]))):
                yield start, match.start()


# -- Japanese --------------------------------------------------------------------------------------

_JAPANESE_FAMILY = _alternation(words.JAPANESE_FAMILY_NAMES)
# A given name: up to three kanji, or a run of hiragana or of katakana (never a mix with particles).
_JAPANESE_GIVEN = r"(?:[\u4E00-\u9FFF々]{1,3}|[\u3041-\u3096]{2,4}|[\u30A1-\u30FA]{2,5})"
_JAPANESE_HONORIFIC = re.compile(
    rf"(?:{_JAPANESE_FAMILY})[\s\u3000]?(?:{_JAPANESE_GIVEN}[\s\u3000]?)?(?:{_alternation(words.JAPANESE_HONORIFICS)})")
_JAPANESE_BEFORE = re.compile(
    rf"(?:{_alternation(words.JAPANESE_PERSON_BEFORE)})[はがの:\s\u3000、]*"
    rf"(?P<name>(?:{_JAPANESE_FAMILY})[\s\u3000]?{_JAPANESE_GIVEN})")
_JAPANESE_NAMING = re.compile(rf"(?:{_alternation(words.JAPANESE_NAMING)})[:\s\u3000]*"
                              r"(?P<name>[\u3041-\u30FA\u4E00-\u9FFF々]{2,8})")


def _japanese_names(text: str):
    if not _HAN_CHAR.search(text) and not re.search(r"[\u3040-\u30FF]", text):
        return
    for match in _JAPANESE_HONORIFIC.finditer(text):
        yield match.span()
    for pattern in (_JAPANESE_BEFORE, _JAPANESE_NAMING):
        for match in pattern.finditer(text):
            yield match.span("name")


# -- Korean ----------------------------------------------------------------------------------------

_KOREAN_SURNAME = f"[{''.join(sorted(words.KOREAN_SURNAMES))}]"
_KOREAN_GIVEN = f"[{''.join(sorted(words.KOREAN_GIVEN_SYLLABLES))}]"
# A name as a word of its own: surname and one or two given syllables, then a particle at most.
_KOREAN_NAME = rf"(?<![{_HANGUL}]){_KOREAN_SURNAME}{_KOREAN_GIVEN}{{1,2}}"
_KOREAN_AFTER = re.compile(rf"(?P<name>{_KOREAN_NAME})\s?(?:{_alternation(words.KOREAN_PERSON_AFTER)})")
# After a relation word, a surname and one or two syllables of which one is listed, as a word of its own
# (a particle at most after it): "아빠 최동욱", not "환자 유지요법".
_KOREAN_LOOSE_NAME = (rf"(?<![{_HANGUL}]){_KOREAN_SURNAME}[{_HANGUL}]{{1,2}}"
                      r"(?=[은는이가을를의에와과도님씨]?(?![\uAC00-\uD7AF]))")
_KOREAN_BEFORE = re.compile(rf"(?<![{_HANGUL}])(?:{_alternation(words.KOREAN_PERSON_BEFORE)})[\s,:]+"
                            rf"(?P<name>{_KOREAN_NAME})")
_KOREAN_KIN_BEFORE = re.compile(rf"(?<![{_HANGUL}])(?:{_alternation(words.KOREAN_KIN_BEFORE)})[\s,:]+"
                                rf"(?P<name>{_KOREAN_LOOSE_NAME})")
# A surname and two syllables, one of them listed, before a title only a person takes ("정수진 부장님").
_KOREAN_STRONG_AFTER = re.compile(rf"(?P<name>(?<![{_HANGUL}]){_KOREAN_SURNAME}[{_HANGUL}]{{2}})\s?"
                                  rf"(?:{_alternation(words.KOREAN_STRONG_AFTER)})")
_KOREAN_SELF = re.compile(_alternation(words.KOREAN_SELF))
_KOREAN_SELF_NAME = re.compile(rf"(?P<name>(?<![{_HANGUL}]){_KOREAN_SURNAME}[{_HANGUL}]{{2}})"
                               rf"(?:\s?(?:{_alternation(words.KOREAN_PARENT_AFTER)}))?(?:{_alternation(words.KOREAN_COPULA)})")


def _korean_listed_syllable(name: str) -> bool:
    return (any(syllable in words.KOREAN_GIVEN_SYLLABLES for syllable in name[1:])
            and not name.endswith(words.KOREAN_NOT_NAME_ENDINGS))
_KOREAN_NAMING = re.compile(rf"(?:{_alternation(words.KOREAN_NAMING)})[\s:]*"
                            rf"(?P<name>{_KOREAN_SURNAME}?{_KOREAN_GIVEN}{{2}})")


def _korean_names(text: str):
    for pattern in (_KOREAN_AFTER, _KOREAN_BEFORE, _KOREAN_KIN_BEFORE, _KOREAN_NAMING, _KOREAN_STRONG_AFTER):
        for match in pattern.finditer(text):
            name = match.group("name")
            if name not in words.KOREAN_WORDS_SHAPED_LIKE_NAMES and _korean_listed_syllable(name):
                yield match.span("name")
    if _KOREAN_SELF.search(text):
        for match in _KOREAN_SELF_NAME.finditer(text):
            if _korean_listed_syllable(match.group("name")):
                yield match.span("name")


# -- Arabic, Hebrew, Hindi: words with spaces, a listed given name after a cue ----------------------

def _names_after(text: str, cue: re.Pattern, word: str, given: frozenset[str], any_word: bool):
    """Spans of the name after each cue: a listed given name (or any word, after a title or naming word)
    and the one or two name words that follow it."""
    following = re.compile(rf"{_SEPARATOR}(?P<first>{word})(?P<rest>(?:\s+{word}){{0,2}})")
    for match in cue.finditer(text):
        after = following.match(text, match.end())
        # Any word after a title or naming word, but not a two-letter one ("د. في المستشفى", at the hospital).
        if not after or not ((any_word and len(after.group("first")) >= 3) or after.group("first") in given):
            continue
        end = after.end("first")
        if any_word and _COMPANY_AFTER.match(text, end):
            continue
        for extra in re.finditer(word, after.group("rest")):
            name = extra.group()
            if name in given or name.startswith("ال") or name in words.HEBREW_FAMILY_NAMES \
                    or name in words.HINDI_FAMILY_NAMES:
                end = after.start("rest") + extra.end()
            else:
                break
        yield after.start("first"), end


# A title before a word that then names a company is a company's name ("डॉ. रेड्डीज़ लैबोरेटरीज़").
_COMPANY_AFTER = re.compile(rf"\s*(?:{_alternation(words.COMPANY_WORDS)})")


def _cue(phrases, letters: str) -> re.Pattern:
    # Arabic and Hebrew join "and", "to", "for" to the next word ("لابني", "ולבני").
    return re.compile(rf"(?<![{letters}])[وبلול]?(?:{_alternation(phrases)})(?![{letters}])")


_ARABIC_LETTERS = r"\u0621-\u064A\u0671-\u06D3"
_HEBREW_LETTERS = r"\u05D0-\u05EA"
_DEVANAGARI_LETTERS = r"\u0900-\u0963\u0971-\u097F"


def _arabic_names(text: str):
    if not re.search(f"[{_ARABIC_LETTERS}]", text):
        return
    yield from _names_after(text, _cue(words.ARABIC_PERSON_BEFORE, _ARABIC_LETTERS), _ARABIC_WORD,
                            words.ARABIC_GIVEN_NAMES, any_word=False)
    yield from _names_after(text, re.compile(rf"(?<![{_ARABIC_LETTERS}])(?:{_alternation(words.ARABIC_TITLES)})"),
                            _ARABIC_WORD, words.ARABIC_GIVEN_NAMES, any_word=True)
    yield from _names_after(text, _cue(words.ARABIC_NAMING, _ARABIC_LETTERS), _ARABIC_WORD,
                            words.ARABIC_GIVEN_NAMES, any_word=True)


def _hebrew_names(text: str):
    if not re.search(f"[{_HEBREW_LETTERS}]", text):
        return
    yield from _names_after(text, _cue(words.HEBREW_PERSON_BEFORE, _HEBREW_LETTERS), _HEBREW_WORD,
                            words.HEBREW_GIVEN_NAMES, any_word=False)
    yield from _names_after(text, re.compile(_alternation(words.HEBREW_TITLES)), _HEBREW_WORD,
                            words.HEBREW_GIVEN_NAMES, any_word=True)
    yield from _names_after(text, _cue(words.HEBREW_NAMING, _HEBREW_LETTERS), _HEBREW_WORD,
                            words.HEBREW_GIVEN_NAMES, any_word=True)
    yield from _listed_pairs(text, _HEBREW_WORD, words.HEBREW_GIVEN_NAMES, words.HEBREW_FAMILY_NAMES)


_HINDI_NAMING = re.compile(rf"(?<![{_DEVANAGARI_LETTERS}])(?:{_alternation(words.HINDI_NAMING_OWNERS)})\s+"
                           r"(?:का|की|के)\s+नाम(?:\s+है)?")


_HINDI_PARENT_OF = re.compile(rf"(?P<name>{_DEVANAGARI_WORD})\s+(?:{_alternation(words.HINDI_PARENT_AFTER)})")


def _hindi_names(text: str):
    if not re.search(f"[{_DEVANAGARI_LETTERS}]", text):
        return
    yield from _names_after(text, _cue(words.HINDI_PERSON_BEFORE, _DEVANAGARI_LETTERS), _DEVANAGARI_WORD,
                            words.HINDI_GIVEN_NAMES, any_word=False)
    titles = re.compile(rf"(?<![{_DEVANAGARI_LETTERS}])(?:{_alternation(words.HINDI_TITLES)})(?=[\s.])")
    yield from _names_after(text, titles, _DEVANAGARI_WORD, words.HINDI_GIVEN_NAMES, any_word=True)
    # A listed name only: "मरीज़ का नाम गोपनीय है" (the name is confidential) names no one.
    yield from _names_after(text, _HINDI_NAMING, _DEVANAGARI_WORD, words.HINDI_GIVEN_NAMES, any_word=False)
    yield from _listed_pairs(text, _DEVANAGARI_WORD, words.HINDI_GIVEN_NAMES, words.HINDI_FAMILY_NAMES)
    for match in _HINDI_PARENT_OF.finditer(text):
        if match.group("name") in words.HINDI_GIVEN_NAMES:
            yield match.span("name")


def _listed_pairs(text: str, word: str, given: frozenset[str], family: frozenset[str]):
    """A listed given name followed by a listed family name, wherever it stands ("נועם כהן", "आरव शर्मा")."""
    for match in re.finditer(rf"(?P<given>{word})(?=\s+(?P<family>{word}))", text):
        if match.group("given") in given and match.group("family") in family:
            yield match.start(), match.end("family")


# A Thai name is a given name and a family name, written apart ("สมชาย ใจดี"); an ordinary word after
# the title ("ด.ช. อายุ 5 ปี", a boy aged five; "คุณ แม่", mother) is not followed by one.
_THAI_NAME = r"(?P<name>[\u0E01-\u0E4E]{4,})(?=\s+[\u0E01-\u0E4E]|\s*$)"
_THAI_TITLE = re.compile(rf"(?:{_alternation(words.THAI_TITLES)})\s*{_THAI_NAME}")
_THAI_SPACED_TITLE = re.compile(rf"(?<![\u0E01-\u0E4E])(?:{_alternation(words.THAI_SPACED_TITLES)})\s+{_THAI_NAME}")
_THAI_NAMING = re.compile(rf"(?:{_alternation(words.THAI_NAMING)})[\s:]+{_THAI_NAME}")


# An adult's title joined to the name, at the start of a word, then a family name or the end ("คุณวิภาวรรณ ฝ่าย",
# "นายสมชาย แก้วมณี"). A child's title (น้อง) joined to a word also starts sentences ("น้องทนยาได้ดี", the child
# tolerates the drug), so only after the naming word ("ชื่อน้องมะลิ") or before an age ("น้องต้นกล้า 6 ขวบ").
_THAI_JOINED_TITLE = re.compile(rf"(?<![\u0E01-\u0E4E])(?:{_alternation(words.THAI_JOINED_TITLES)})"
                                r"(?P<name>[\u0E01-\u0E4E]{3,})(?=\s+[\u0E01-\u0E4E]|\s*[,(]|\s*$)")
_THAI_CHILD_TITLE = _alternation(words.THAI_JOINED_CHILD_TITLES)
_THAI_JOINED_CHILD_TITLE = re.compile(
    rf"(?:(?<=ชื่อ)(?:{_THAI_CHILD_TITLE})(?P<named>[\u0E01-\u0E4E]{{3,}})(?=[\s,(]|$)"
    rf"|(?<![\u0E01-\u0E4E])(?:{_THAI_CHILD_TITLE})(?P<aged>[\u0E01-\u0E4E]{{3,}})(?=\s*(?:\d|อายุ)))")


def _thai_names(text: str):
    for pattern in (_THAI_TITLE, _THAI_SPACED_TITLE, _THAI_NAMING):
        for match in pattern.finditer(text):
            yield match.span("name")
    for match in _THAI_JOINED_TITLE.finditer(text):
        if not match.group("name").startswith(words.THAI_WORDS_AFTER_A_TITLE):
            yield match.span("name")
    for match in _THAI_JOINED_CHILD_TITLE.finditer(text):
        group = "named" if match.group("named") else "aged"
        if not match.group(group).startswith(words.THAI_WORDS_AFTER_A_TITLE):
            yield match.span(group)


# -- a value that is nothing but a name ------------------------------------------------------------

# Kanji given names only with a space after the family name: "森林浴" is a family name's character and a word.
_JAPANESE_BARE = re.compile(rf"(?:{_JAPANESE_FAMILY})(?:[\s\u3000](?P<given>{_JAPANESE_GIVEN})"
                            r"|(?P<kana>[\u3041-\u3096]{2,4}|[\u30A1-\u30FA]{2,5}))")
_KOREAN_BARE = re.compile(rf"{_KOREAN_SURNAME}{_KOREAN_GIVEN}{{2}}")


def _bare_name(text: str):
    value = text.strip(" \t\r\n.,;:")
    start = text.find(value) if value else -1
    if not value or len(value) > 30:
        return
    span = (start, start + len(value))
    japanese = _JAPANESE_BARE.fullmatch(value) or _japanese_joined_full_name(value)
    if ((2 <= len(value) <= 3 and _chinese_name_at(value, 0) == len(value) and not value.endswith("子"))
            or (japanese and not (japanese.group("given") or "").startswith(words.JAPANESE_INSTITUTION_NOUNS))
            or _KOREAN_BARE.fullmatch(value)):
        yield span
    else:
        # "عبد الله" is one name written in two words (Wikipedia, "Abd"): "محمد عبد الله الشمري".
        parts = re.sub(r"(?<![\u0621-\u064A])عبد\s+(?=ال)", "عبد", value).split()
        if not 2 <= len(parts) <= 3:
            return
        for given, family, nisba in ((words.ARABIC_GIVEN_NAMES, frozenset(), True),
                                     (words.HEBREW_GIVEN_NAMES, words.HEBREW_FAMILY_NAMES, False),
                                     (words.HINDI_GIVEN_NAMES, words.HINDI_FAMILY_NAMES, False)):
            if parts[0] in given and all(part in given or part in family
                                         or (nisba and part.startswith("ال") and part.endswith("ي"))
                                         for part in parts[1:]):
                yield span
                return


# Family name and a two-kanji given name written joined ("山田太郎"): a two-character family name only, since a
# one-character one starts words ("森林浴"), and not a place or institution ("中村病院", "松本市").
_JAPANESE_JOINED = re.compile(rf"(?P<family>{_JAPANESE_FAMILY})(?P<given>[\u4E00-\u9FFF々]{{2}})")


def _japanese_joined_full_name(value: str):
    match = _JAPANESE_JOINED.fullmatch(value)
    if (match and len(match.group("family")) >= 2 and not match.group("given").startswith(words.JAPANESE_INSTITUTION_NOUNS)
            and not match.group("given").endswith(words.JAPANESE_PLACE_SUFFIXES)):
        return match
    return None


# -- a name, then the child's age ------------------------------------------------------------------

_AGE_NUMBER = r"(?:[0-9\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u0E50-\u0E59０-９]+|[一二三四五六七八九十]+)"
_AGE_AFTER = (rf"\s*[,，、،(（:]?\s*(?:만\s*)?(?:(?:בן|בת)\s*{_AGE_NUMBER}(?!\d)"
              rf"|{_AGE_NUMBER}\s*(?:{_alternation(words.AGE_UNITS)}))")
_WORD_BEFORE_AGE = re.compile(
    rf"(?P<name>{_ARABIC_WORD}|{_HEBREW_WORD}|{_DEVANAGARI_WORD}|(?<![{_HANGUL}])[{_HANGUL}]{{3}}|[{_HAN}]{{2,3}})"
    rf"(?=(?:くん|ちゃん|は)?{_AGE_AFTER})")
_JAPANESE_KIN_NAME_AGE = re.compile(
    rf"(?:{_alternation(words.JAPANESE_KIN_BEFORE)})(?P<name>{_JAPANESE_GIVEN})(?=(?:くん|ちゃん)?(?:は|が)?{_AGE_AFTER})")
_KANA_NAME_AGE = re.compile(rf"(?:^|(?<=[\s、。]))(?P<name>[\u3041-\u3096]{{2,4}}|[\u30A1-\u30FA]{{2,5}})(?:くん|ちゃん)"
                            rf"(?={_AGE_AFTER})")


def _names_before_an_age(text: str):
    """A name just before the child's age ("윤서준 (6세", "عمر، ٦ سنوات", "עומר, בן 6", "ईशान, 6 वर्ष",
    "黄浩然，八岁"): a listed name, or a surname with listed given-name characters or syllables."""
    for match in _WORD_BEFORE_AGE.finditer(text):
        name = match.group("name")
        # "عمر ٦ سنوات" is "aged six"; the name Omar is set apart from the age by a comma ("عمر، ٦ سنوات").
        if name in words.ARABIC_NAMES_THAT_ARE_AGE_WORDS and not re.match(r"\s*[,،]", text[match.end():]):
            continue
        if (name in words.ARABIC_GIVEN_NAMES or name in words.HEBREW_GIVEN_NAMES or name in words.HINDI_GIVEN_NAMES
                or (name[0] in words.KOREAN_SURNAMES and _korean_listed_syllable(name)
                    and name not in words.KOREAN_WORDS_SHAPED_LIKE_NAMES)
                or _chinese_name_at(name, 0) == len(name)):
            yield match.span("name")
    for match in _JAPANESE_KIN_NAME_AGE.finditer(text):
        name = match.group("name")
        if not _HAN_CHAR.match(name) or any(char in words.JAPANESE_GIVEN_KANJI for char in name):
            yield match.span("name")
    for match in _KANA_NAME_AGE.finditer(text):
        yield match.span("name")
