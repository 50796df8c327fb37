"""Arabic, Hebrew and Hindi text proven harmless word by word: every word its language's frequency list knows
well, and no word a name list holds.

In scripts without capitals a name has no shape, so text the cue reader (privacy_uncased) finds nothing in is
refused (privacy_scripts). For three languages the screen can instead prove a text ordinary, the other way
round: a word passes only when
- it is common in its language (Zipf frequency of at least ZIPF_FLOOR in wordfreq's list for Arabic, Hebrew or
  Hindi, as written or with the clitics these languages join to a word taken off: Arabic "و", "ال", "بال", Hebrew
  "ו", "ה", "ב", "ל", "מ", "ש", "כ"), or a drug's international name spelt in that script ("لاروتريكتينيب",
  "טרמטיניב", "डैब्राफेनिब"); and
- neither it nor any of those forms is a listed given or family name (privacy_uncased_names: frequency lists
  rank "محمد", "כהן" and "शर्मा" with ordinary words, so a common word is a name whenever a list says it is).
A rare word (a family name no list holds, a misspelling) is refused as before. So is every word of Arabic
script in a text with letters only Persian or Urdu use ("پ", "گ", "ی", "ے"): the lists are Arabic's, not theirs.
Chinese, Japanese, Korean and Thai are not read so: wordfreq cuts them into words only with tokenizers this
project does not install, and their names are written with the same characters as words.
"""
from __future__ import annotations

import functools
import re

import trialfind.core.privacy_uncased_words as words
from trialfind.core.privacy_text import mask
from trialfind.core.privacy_uncased_names import ARABIC_MARKS, HEBREW_MARKS, LEFT_OUT, is_listed_name, without_marks
from trialfind.core.privacy_uncased_organisations import organisation_spans, script_phrase_pattern

# A word's Zipf frequency (log10 of uses per thousand million words) from which it counts as common: 3 is once
# in a million words ("ورم" tumour 4.2, "טרמטיניב" 0). Rarer words include most family names no list holds.
ZIPF_FLOOR = 3.0

_ARABIC = r"\u0621-\u063A\u0641-\u064A\u0671-\u06D3"
_HEBREW = r"\u05D0-\u05EA"
_DEVANAGARI = r"\u0900-\u0963\u0971-\u097F"
WORD_IN_SCRIPT = {
    "ar": re.compile(rf"[{_ARABIC}][{_ARABIC}{ARABIC_MARKS}]*"),
    "he": re.compile(rf"[{_HEBREW}][{_HEBREW}{HEBREW_MARKS}]*(?:[\"'\u05F3\u05F4][{_HEBREW}]+)?"),
    "hi": re.compile(rf"[{_DEVANAGARI}]+"),
}
# Letters Persian or Urdu write and Arabic does not (Unicode's Arabic block chart): "پ", "چ", "ژ", "گ", "ک", "ی",
# "ٹ", "ڈ", "ڑ", "ں", "ہ", "ے", "ۀ".
PERSIAN_OR_URDU_LETTER = re.compile("[\u067E\u0686\u0698\u06AF\u06A9\u06CC\u0679\u0688\u0691\u06BA\u06C1\u06D2\u06C0]")

# Clitics written joined to the next word, longest first (a grammar's list: Wikipedia, "Arabic grammar",
# https://en.wikipedia.org/wiki/Arabic_grammar#Clitics; "Prefixes in Hebrew",
# https://en.wikipedia.org/wiki/Modern_Hebrew_grammar#Prepositions).
_ARABIC_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_HEBREW_PREFIX_LETTERS = "והבלמשכ"
# The endings of drugs' international nonproprietary names (WHO, "The use of stems in the selection of INNs",
# https://www.who.int/publications/i/item/WHO-EMP-RHT-TSN-2018.1) as Arabic, Hebrew and Hindi write them:
# -tinib/-nib ("كريزوتينيب", "קריזוטיניב", "क्रिज़ोटिनिब"), -rafenib, -mab, -lisib, -ciclib, -parib, -degib.
_DRUG_ENDINGS = {
    "ar": ("ينيب", "نيب", "يماب", "وماب", "ماب", "ليسيب", "سيكليب", "باريب", "ديجيب"),
    "he": ("יניב", "ניב", "מאב", "ליסיב", "ציקליב", "פריב", "דגיב"),
    "hi": ("निब", "िनिब", "मैब", "माब", "लिसिब", "सिक्लिब", "पैरिब", "डेगिब"),
}
# Words a name follows or is joined to: "my son/daughter" and other possessive kin, titles, naming words ("his name
# is"), Arabic "بن"/"أبو"/"آل" (son of, father of, family of) and the Hindi honorific "जी". A text holding one is not
# proven ordinary at all, since the name may be a common word ("ابنتي أمل", "הבת שלי שירה"). From the cue reader's
# lists (privacy_uncased_words) and Wiktionary's entries for each word. Not "the doctor", "the child", "mother":
# clinical notes use them without a name, and a name beside them is judged by the name lists.
_PERSON_WORDS = {
    "ar": words.ARABIC_TITLES + words.ARABIC_NAMING + (
        "ابني", "ابنتي", "إبني", "إبنتي", "طفلي", "طفلتي", "ابننا", "ابنتنا", "ابنه", "ابنها", "بنتي", "بنتنا", "بنته",
        "بنتها", "طفلنا", "طفلتنا", "امي", "أمي", "ابي", "أبي", "جدتي", "جدي", "أخي", "اخي", "أختي", "اختي", "عمي",
        "عمتي", "خالي", "خالتي", "زوجي", "زوجتي", "دكتور", "دكتورة", "د", "السيد", "السيدة", "الأستاذ", "الاستاذ",
        "الأستاذة", "أستاذ", "الحاج", "الحاجة", "أبو", "ابو", "أم", "بن", "آل", "الشيخ"),
    "he": words.HEBREW_TITLES + words.HEBREW_NAMING + (
        "הבן שלי", "הבת שלי", "הבן שלנו", "הבת שלנו", "בני", "בתי", "בננו", "בתנו", "אחי", "אחותי", "בעלי", "אשתי",
        "דוקטור", "פרופסור", "מר", "גב'", "גב׳", "גברת", "הגברת"),
    "hi": words.HINDI_TITLES + tuple(words.HINDI_PARENT_AFTER) + (
        "मेरा बेटा", "मेरी बेटी", "मेरे बेटे", "हमारा बेटा", "हमारी बेटी", "उसकी बेटी", "उसका बेटा", "मेरा नाम",
        "उसका नाम", "का नाम", "की नाम", "डॉ", "डा", "श्री", "श्रीमान", "श्रीमती", "जी", "साहब", "सुश्री", "कुमारी"),
}
# Kin and carers named without a possessive, and staff: in fresh text a name stood beside them more often than the
# name lists knew it ("סבתא תקווה", "गंगा मौसी"), so these hold a text back too (bench/RESULTS.md, "Arabic, Hebrew
# and Hindi read word by word"). Wiktionary's entries for each word.
_KIN_AND_ROLE_WORDS = {
    "ar": words.ARABIC_PERSON_BEFORE + ("ابن", "ابنة", "بنت", "بابا", "ماما", "جدته", "جدتها", "أخوه", "أخته", "أخت",
                                        "أخو", "الممرضة", "الممرض", "الطبيبة", "الطبيب", "الدكتور", "الدكتورة", "ممثل",
                                        "ممثلة", "مندوب", "مندوبة"),
    "he": words.HEBREW_PERSON_BEFORE + ("הבן", "הבת", "בנה", "בתה", "בנו", "בתו", "אמא", "אבא", "אמו", "אביו", "אביה",
                                        "סבתא", "סבא", "האח", "אחיו", "אחותו", "דוד", "דודה", "האחות", "אחות", "רופא",
                                        "רופאה", "נציג", "נציגה", "הנציג", "הנציגה", "התאום", "התאומה", "אבא שלי",
                                        "אמא שלי", "אבא שלו", "אמא שלו", "אבא שלנו", "אמא שלנו"),
    "hi": words.HINDI_PERSON_BEFORE + ("बेटे", "बच्ची", "दादी", "दादा", "नानी", "नाना", "पापा", "मम्मी", "भाई", "बहन",
                                       "पति", "पत्नी", "चाचा", "चाची", "मामा", "मामी", "बुआ", "मौसी", "नर्स", "सिस्टर",
                                       "डॉक्टर", "प्रतिनिधि", "नाम", "की मम्मी", "के पापा", "की मम्मा", "के पप्पा"),
}
# Of those, the staff, the child and the patient, whom clinical notes name by role ("the doctor said", "the nurse",
# "the company's representative", "the child"): one of them holds a text back only when a word beside it, before
# or after, could be a name, that is, is not among its language's commonest words (Zipf NEIGHBOUR_FLOOR) or is a
# name the lists leave out as a common word ("חיים"). So "הרופא אמר שהתגובה טובה" passes, "הרופא חיים אמר" does
# not. Kin words stay a gate: a grandmother or an uncle is named by a word the lists may not know ("סבתא תקווה").
# The words of a child's age join them ("نور عمرها ٩ سنين", "מתן בן 5", "लक्ष्य (उम्र 3)"): the child is named
# just before.
_NAMED_BESIDE_WORDS = {
    "ar": ("الطبيب المعالج", "الطبيبة المعالجة", "الطبيب", "الطبيبة", "الممرضة", "الممرض", "مندوب", "مندوبة", "ممثل",
           "ممثلة", "مندوب الشركة", "مندوبة الشركة", "ممثل الشركة", "ممثلة الشركة", "الأخصائية الاجتماعية",
           "الأخصائي الاجتماعي", "السكرتيرة", "عمره", "عمرها"),
    "he": ("הילד", "הילדה", "הרופא", "הרופאה", "המטופל", "המטופלת", "רופא", "רופאה", "האחות", "אחות", "נציג", "נציגה",
           "נציגת", "הנציג", "הנציגה", "נציג החברה", "נציגת החברה", "העובדת הסוציאלית", "העובד הסוציאלי", "המזכירה",
           "בן", "בת"),
    "hi": ("डॉक्टर", "नर्स", "सिस्टर", "मरीज़", "मरीज", "प्रतिनिधि", "कंपनी के प्रतिनिधि", "कंपनी की प्रतिनिधि",
           "वार्ड बॉय", "वार्डबॉय", "कंपाउंडर", "टेक्नीशियन", "काउंसलर", "सोशल वर्कर", "उम्र"),
}
NEIGHBOUR_FLOOR = 4.5
# Words for the child or the patient, no one's name, that stand beside those role words ("الطفلة عمرها ٩"): never
# taken for a name beside one (Wiktionary's entries for each word).
_PERSON_NOUNS = {
    "ar": ("الطفل", "الطفلة", "المريض", "المريضة", "البنت", "الولد", "طفل", "طفلة", "مريض", "مريضة"),
    "he": ("ילד", "ילדה", "מטופל", "מטופלת"),
    "hi": ("बच्चा", "बच्चे", "बच्ची", "बेटा", "बेटी", "लड़का", "लड़की", "मरीज़ों"),
}
# Words a personal detail follows: identity documents and their numbers (passport, identity card, PAN, Aadhaar,
# ration, voter and health cards, a hospital's file or case number), contact numbers, addresses and birthdays, and
# the words of a story that singles a child out ("the only one", "her father", a relative's public office: mayor,
# member of parliament, minister, judge; a doctor's licence number).
# From Wiktionary's entries for each word and, for India's cards, Wikipedia ("Permanent account number", "Aadhaar",
# "Ration card (India)", "Voter ID (India)", "Ayushman Bharat Yojana"). A text holding one is not proven ordinary.
_DETAIL_WORDS = {
    "ar": ("الوحيد", "الوحيدة", "أبوها", "ابوها", "أبوه", "ابوه", "أمها", "امها", "أمه", "امه", "والدها", "والده",
           "تاريخ الميلاد", "ولد في", "ولدت في", "جواز", "الجواز", "جواز السفر", "الهوية", "هوية", "رقم الملف",
           "رقم المريض", "رقم السجل", "رقم الجوال", "رقم الهاتف", "جوالي", "عنوان", "العنوان", "عنواننا",
           "ساكنين", "نسكن", "نعيش", "مواليد", "عيد ميلاد", "ميلاد", "الولادة", "ولادته",
           "ولادتها", "الرقم الوطني", "رقم وطني", "اسم المستخدم", "المريض:", "المريضة:", "رقم الرخصة", "رخصة مزاولة",
           "رئيس بلدية", "رئيس البلدية", "عضو البرلمان", "عضو مجلس", "نائب في البرلمان", "الوزير", "وزير", "القاضي"),
    "he": ("היחיד", "היחידה", "היחידי", "אבא שלה", "אבא שלו", "אמא שלה", "אמא שלו", "יליד", "ילידת", "ילידי",
           "נולד", "נולדה", "תאריך לידה", "יום הולדת", "יום ההולדת", "דרכון", "תעודת זהות", "ת.ז", "ת\"ז", "תז",
           "מספר תיק", "מספר מטופל", "מספר הטלפון", "הטלפון שלי", "הנייד", "כתובת", "הכתובת", "גרים", "גר",
           "גרה", "מתגוררים", "קיבוץ", "מושב", "רחוב", "רח'", "שם משתמש", "המטופל:", "המטופלת:", "מספר רישיון",
           "רישיון רופא", "מספר מבוטח", "מבוטח", "מספר חבר", "ראש עיריית", "ראש העיר", "ראש המועצה", "חבר כנסת",
           "חברת כנסת", "ח\"כ", "השופט", "השופטת"),
    "hi": ("अकेला", "अकेली", "इकलौता", "इकलौती", "एकमात्र", "जन्म", "जन्मदिन", "जन्मतिथि", "पासपोर्ट", "पैन", "आधार",
           "राशन", "वोटर", "आयुष्मान", "केस नंबर",
           "मोबाइल", "फोन नंबर", "फ़ोन नंबर", "नंबर", "संख्या", "पता", "मकान", "गली", "कॉलोनी", "क्वार्टर", "मोहल्ला",
           "गांव", "गाँव", "रहते", "UHID", "PAN", "रजिस्ट्रेशन", "पंजीकरण", "नं", "पैदा", "यूज़रनेम", "यूजरनेम",
           "विधायक", "सांसद", "महापौर", "मेयर", "मंत्री", "सरपंच", "पार्षद", "जज", "न्यायाधीश"),
}
_PERSON_WORD = {language: script_phrase_pattern(w.strip(" .") for w in
                                               _PERSON_WORDS[language] + _KIN_AND_ROLE_WORDS[language]
                                               + _DETAIL_WORDS[language] if w not in _NAMED_BESIDE_WORDS[language])
                for language in _PERSON_WORDS}
_NAMED_BESIDE = {language: script_phrase_pattern(phrases) for language, phrases in _NAMED_BESIDE_WORDS.items()}
_NO_ONES_NAME_BESIDE = {language: script_phrase_pattern(phrases + _PERSON_NOUNS[language])
                        for language, phrases in _NAMED_BESIDE_WORDS.items()}
# What may stand between a role word and a name beside it: spaces, a comma, a colon, a dash, a bracket.
_BESIDE_GAP = re.compile(r"[\s,:()\-\u2013\u2014]*")
# A drug's name is long; "יניב" alone is a given name (Yaniv), so an ending counts only on a word this long.
_DRUG_NAME_LENGTH = 7


def _forms(word: str, language: str) -> list[str]:
    """The word as written and with its joined clitics taken off, marks dropped (the longest first)."""
    bare = without_marks(word, language)
    if language == "ar":
        forms = [bare, re.sub("[أإآ]", "ا", bare)]
        forms += [bare[len(p):] for p in _ARABIC_PREFIXES if bare.startswith(p) and len(bare) - len(p) >= 2]
        return forms
    if language == "he":
        forms = [bare]
        for cut in range(1, 4):
            if len(bare) - cut < 2 or bare[cut - 1] not in _HEBREW_PREFIX_LETTERS:
                break
            forms.append(bare[cut:])
        return forms
    return [word, word.replace("\u093C", "")]          # with and without the nukta ("ज़" / "ज")


# A person's initials, "ل.ش.", "ל.ש.", "ए.के.": a letter (in Devanagari with its vowel sign) and a dot, twice.
_INITIALS = {language: re.compile(rf"(?<![{letters}])[{letters}]{marks}\.\s?[{letters}]{marks}\.")
             for language, letters, marks in (("ar", _ARABIC, ""), ("he", _HEBREW, ""),
                                              ("hi", r"\u0900-\u097F", r"[\u0900-\u0903\u093A-\u094F]*"))}


# A day, a month's name and a year ("١ يناير ٢٠١٨", "14 בפברואר 2016", "14 फरवरी 2016"): a full date, refused in
# every language (privacy_dates). Month names: Wiktionary's entries for the Gregorian months in Arabic (Egyptian and
# Levantine names), Hebrew and Hindi, and the Hijri months in Arabic.
_MONTHS = {
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "اغسطس", "سبتمبر", "أكتوبر",
           "اكتوبر", "نوفمبر", "ديسمبر", "كانون الثاني", "شباط", "آذار", "اذار", "نيسان", "أيار", "ايار", "حزيران",
           "تموز", "آب", "اب", "أيلول", "ايلول", "تشرين الأول", "تشرين الثاني", "كانون الأول", "محرم", "صفر",
           "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة",
           "ذو الحجة"),
    "he": ("ינואר", "פברואר", "מרץ", "מרס", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר",
           "דצמבר"),
    "hi": ("जनवरी", "फरवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "सितम्बर", "अक्टूबर",
           "अक्तूबर", "नवंबर", "नवम्बर", "दिसंबर", "दिसम्बर"),
}
_FULL_DATE = {language: re.compile(r"(?<!\d)\d{1,2}\s*(?:ב|ל|في\s+)?(?:" + "|".join(map(re.escape, months))
                                   + r")\s*,?\s*(?:\d{4}|\d{2}(?!\d))")
              for language, months in _MONTHS.items()}
# The Hindi honorific joined to a name or a kin word ("नानाजी", "पिताजी", "शर्माजी"): someone is being named.
_JOINED_HONORIFIC = re.compile(r"[\u0900-\u097F]{2,}जी(?![\u0900-\u097F])")


def _foreign_spelling(text: str, match: re.Match) -> bool:
    """A Hebrew word with a geresh for a sound Hebrew lacks ("ג'ניפר", "סמית'", "ז'ורז'"): a foreign name or a
    loanword, which the frequency list may rank high (Jennifer, Smith) and the Hebrew name lists do not hold."""
    word = text[match.start():match.end() + 1]
    return bool(re.search("[\u05D0-\u05EA]['\u05F3]", word))


def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency  # lazy: only text in these three scripts needs the frequency lists

    # The "small" lists hold every word used once in a million or more, exactly what ZIPF_FLOOR asks for.
    return zipf_frequency(word, language, wordlist="small")


@functools.lru_cache(maxsize=65536)
def is_ordinary_word(word: str, language: str) -> bool:
    """A word of `language` ("ar", "he", "hi") that is common or a drug's name, and no listed name in any form
    more common than the word as written."""
    forms = _forms(word, language)
    written = _zipf(forms[0], language)
    for form in forms:
        # Not with Arabic's article taken off: given names do not take it, so "العمر" (the age) is no "عمر" (Omar).
        if language == "ar" and "ال" in word[:len(word) - len(form)]:
            continue
        # A name under a clitic ("ו" + "משה", and Moshe) is held back unless the word as written is the commoner
        # reading: "מינון" (dosage) is not "from Yinon", "لجنة" (committee) not "for Jannah".
        if is_listed_name(form, language) and (len(form) == len(forms[0]) or written <= _zipf(form, language)):
            return False
    if len(forms[0]) >= _DRUG_NAME_LENGTH and forms[0].endswith(_DRUG_ENDINGS[language]):
        return True
    return written >= ZIPF_FLOOR or any(_zipf(form, language) >= ZIPF_FLOOR for form in forms[1:])


def _name_may_stand_beside(text: str, language: str) -> bool:
    """Whether a word directly before or after one of the role words (_NAMED_BESIDE_WORDS) could be a name; another
    role word or a word for the child beside it ("הילד בן 5", the boy aged 5) is none."""
    word = WORD_IN_SCRIPT[language]
    in_a_role = {position for role in _NO_ONES_NAME_BESIDE[language].finditer(text)
                 for position in range(*role.span())}
    for role in _NAMED_BESIDE[language].finditer(text):
        after = word.search(text, role.end())
        before = [m for m in word.finditer(text, 0, role.start())][-1:]
        beside = ([after] if after and _BESIDE_GAP.fullmatch(text, role.end(), after.start()) else []) + [
            m for m in before if _BESIDE_GAP.fullmatch(text, m.end(), role.start())]
        if any(m.start() not in in_a_role and (m.group() in LEFT_OUT[language]
                                               or not is_ordinary_word(m.group(), language)
                                               or _zipf(m.group(), language) < NEIGHBOUR_FLOOR) for m in beside):
            return True
    return False


def ordinary_word_spans(text: str) -> list[tuple[int, int]]:
    """The spans of Arabic, Hebrew and Devanagari words in `text` proven ordinary, companies' and hospitals' names
    (privacy_uncased_organisations) with them: none in a language when the text holds one of its person or detail
    words outside those names, nor in Arabic script when a letter in the text is Persian's or Urdu's."""
    spans: list[tuple[int, int]] = []
    for language, pattern in WORD_IN_SCRIPT.items():
        if language == "ar" and PERSIAN_OR_URDU_LETTER.search(text):
            continue
        organisations = organisation_spans(text, language)
        rest = mask(text, organisations) if organisations else text
        plain = without_marks(rest, "ar")
        if (_PERSON_WORD[language].search(plain) or _name_may_stand_beside(plain, language)
                or _INITIALS[language].search(rest) or _FULL_DATE[language].search(rest)
                or (language == "hi" and _JOINED_HONORIFIC.search(rest))):
            continue
        spans += organisations + [m.span() for m in pattern.finditer(rest)
                                  if is_ordinary_word(m.group(), language) and not _foreign_spelling(rest, m)]
    return spans


__all__ = ["NEIGHBOUR_FLOOR", "PERSIAN_OR_URDU_LETTER", "WORD_IN_SCRIPT", "ZIPF_FLOOR", "is_ordinary_word",
           "ordinary_word_spans"]
