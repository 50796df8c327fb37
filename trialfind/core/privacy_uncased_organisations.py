"""Companies, committees and hospitals named in Arabic, Hebrew and Hindi: spans privacy_uncased_vocabulary counts
as no one's.

Many hospitals carry a person's name ("מרכז שניידר", "مركز الحسين للسرطان", "सर गंगा राम अस्पताल") and a few
companies a title ("ד\"ר רדיס", "डॉ. रेड्डीज़"); the name lists and the title words would refuse them. A company's
name below counts anywhere; a name a hospital is called by counts only with a word for a hospital, centre or
institute within three words before or after it, so "הדסה" alone (also a given name) stays a name.
Sources: each company's and hospital's article title in the Arabic, Hebrew and Hindi Wikipedia, and Wikipedia,
"List of hospitals in Israel", "List of hospitals in India", "List of hospitals in Saudi Arabia", "List of hospitals
in Jordan", "List of hospitals in Lebanon", "List of hospitals in Egypt" (https://en.wikipedia.org/wiki/List_of_hospitals).
"""
from __future__ import annotations

import re

# Drug companies' names as these languages write them (Wikipedia article titles; one word or a fixed phrase).
_COMPANIES = {
    "ar": ("نوفارتيس", "نوفارتس", "روش", "فايزر", "باير", "إيلي ليلي", "ايلي ليلي", "أسترازينيكا", "استرازينيكا",
           "سانوفي", "تاكيدا", "ميرك", "جونسون آند جونسون", "يانسن", "أمجين", "بوهرنجر", "بريستول مايرز سكويب",
           "جلفار", "سبيماكو", "أدوية الحكمة", "الحكمة للأدوية", "بلوبرنت", "بلوبرينت", "لوكسو", "جيلياد", "أبفي",
           "نوفو نورديسك", "بيوجين", "إبسن", "سيرفييه", "د. ريدي", "د. ريديز"),
    "he": ("נוברטיס", "רוש", "פייזר", "פפייזר", "טבע", "באייר", "אלי לילי", "אסטרהזנקה", "אסטרה זנקה", "מרק", "סנופי",
           "טקדה", "יאנסן", "ג'ונסון אנד ג'ונסון", "אמג'ן", "בורינגר", "בריסטול מאיירס סקוויב", "בלופרינט", "לוקסו",
           "גיליאד", "אבווי", "נובו נורדיסק", "ביוג'ן", "איפסן", "סרוויה", "ד\"ר רדיס", "ד״ר רדיס", "דיי וואן"),
    "hi": ("नोवार्टिस", "रोश", "फाइज़र", "फाइजर", "बायर", "सिप्ला", "सन फार्मा", "सन फ़ार्मा", "डॉ. रेड्डीज़",
           "डॉ. रेड्डीज", "डॉ रेड्डीज़", "डॉ रेड्डीज", "रेड्डीज़", "रेड्डीज", "ल्यूपिन", "बायोकॉन", "ज़ाइडस", "जाइडस",
           "ग्लेनमार्क", "टोरेंट", "एस्ट्राज़ेनेका", "एस्ट्राजेनेका", "एली लिली", "इंटास", "नैटको", "हेटेरो", "टाकेडा",
           "सनोफी", "मर्क", "जॉनसन एंड जॉनसन", "एबवी", "लैबोरेटरीज़", "लैबोरेटरीज"),
}
# The committees that approve a treatment at a hospital: Israel's Helsinki committees (the Hebrew Wikipedia's "ועדת
# הלסינקי"), ethics committees in Arabic (Wiktionary: لجنة, أخلاقيات) and Hindi (Wiktionary: समिति, नैतिकता; and the
# English "ethics committee" spelt in Devanagari, as Indian hospitals say it). No one's name, wherever they stand.
_COMMITTEES = {
    "ar": ("لجنة الأخلاقيات", "لجنة الاخلاقيات", "لجنة أخلاقيات", "لجنة اخلاقيات", "اللجنة الأخلاقية",
           "لجنة الأخلاقيات الطبية", "لجنة أخلاقيات البحث"),
    "he": ("ועדת הלסינקי", "ועדת הלסינקי העליונה", "ועדת האתיקה", "ועדת אתיקה", "הלסינקי"),
    "hi": ("एथिक्स कमेटी", "एथिक्स कमिटी", "एथिक्स समिति", "नैतिकता समिति", "आचार समिति", "एथिक्स"),
}
# Hospitals by a name no person has: brands and full names of several words ("הדסה עין כרם", "सीएमसी वेल्लोर",
# "سانت جود"), counted anywhere, in Hebrew with a joined preposition too ("בהדסה עין כרם"). Same sources.
_HOSPITALS = {
    "ar": ("سانت جود", "سان جود", "مستشفى سانت جود", "كليفلاند كلينك", "الحسين للسرطان", "مركز الحسين للسرطان",
           "الملك فيصل التخصصي", "المطلع", "أوغستا فيكتوريا", "57357"),
    "he": ("הדסה עין כרם", "הדסה הר הצופים", "שיבא תל השומר", "תל השומר", "מרכז שניידר", "שניידר לרפואת ילדים",
           "איכילוב", "אסותא", "רמב\"ם", "רמב״ם", "סורוקה", "בילינסון", "וולפסון", "שערי צדק", "אסף הרופא"),
    "hi": ("सीएमसी वेल्लोर", "क्रिश्चियन मेडिकल कॉलेज", "एम्स", "टाटा मेमोरियल", "मेदांता", "मेदांता - द मेडिसिटी",
           "द मेडिसिटी", "अपोलो", "फोर्टिस", "पीजीआई", "पीजीआईएमईआर", "किदवई", "जसलोक", "हिंदुजा", "सफदरजंग",
           "केईएम", "कैनकिड्स", "कैनसपोर्ट", "सेंट ज्यूड"),
}
_HEBREW_JOINED = ("ב", "ל", "מ", "ו", "וב", "ול", "ומ", "ש", "שב")
# Words for a hospital, centre, institute, clinic or university (Wiktionary's entries for each).
_INSTITUTION_WORDS = {
    "ar": ("مستشفى", "لمستشفى", "بمستشفى", "المستشفى", "مركز", "لمركز", "بمركز", "المركز", "مدينة", "مجمع", "جامعة",
           "الجامعة", "معهد", "مؤسسة", "عيادة", "للسرطان", "التخصصي", "الطبية", "الطبي"),
    "he": ("בית החולים", "בבית החולים", "לבית החולים", "בית חולים", "בי\"ח", "בי״ח", "המרכז הרפואי", "מרכז רפואי",
           "במרכז הרפואי", "מרכז", "במרכז", "למרכז", "אוניברסיטת", "מכון", "המכון", "לילדים"),
    "hi": ("अस्पताल", "हॉस्पिटल", "हस्पताल", "संस्थान", "मेडिकल", "कॉलेज", "सेंटर", "केंद्र", "इंस्टीट्यूट", "मेमोरियल",
           "क्लिनिक", "विश्वविद्यालय"),
}
# Names hospitals are called by (the lists above), one word each.
_INSTITUTION_NAMES = {
    "ar": ("الملك", "الأمير", "الأميرة", "الشيخ", "فيصل", "فهد", "عبدالعزيز", "عبد", "العزيز", "عبدالله", "الحسين",
           "خالد", "سلمان", "حمد", "زايد", "خليفة", "سلطان", "المقاصد", "الحبيب", "سليمان", "كليفلاند", "كلينك",
           "الأمريكية", "الجامعة", "أوتيل", "ديو", "رزق", "حمادة", "الكرك", "البشير", "الجليلة", "سدرة", "توام",
           "الصباح", "الأحمدي", "قطر", "حمد", "الحسن", "الرحمن"),
    "he": ("הדסה", "עין", "כרם", "הר", "הצופים", "שניידר", "שיבא", "תל", "השומר", "איכילוב", "סוראסקי", "רמב\"ם",
           "רמב״ם", "רמבם", "סורוקה", "בילינסון", "רבין", "השרון", "וולפסון", "מאיר", "אסף", "הרופא", "שמיר", "קפלן",
           "ברזילי", "זיו", "פוריה", "העמק", "כרמל", "בני", "ציון", "הלל", "יפה", "לניאדו", "שערי", "צדק", "מעייני",
           "הישועה", "אסותא", "הרצוג", "דנה", "דואק", "רות", "ספרא", "אדמונד", "ולילי", "פתח", "תקווה", "ליס"),
    "hi": ("एम्स", "टाटा", "सर", "गंगा", "राम", "वेल्लोर", "सीएमसी", "क्रिश्चियन", "अपोलो", "फोर्टिस", "मेदांता",
           "नारायण", "हेल्थ", "परेल", "पीजीआई", "पीजीआईएमईआर", "सफदरजंग", "किदवई", "मणिपाल", "अमृता", "राजीव",
           "गांधी", "लोकमान्य", "तिलक", "केईएम", "कलावती", "सरन", "चाचा", "नेहरू", "बाल", "चिकित्सालय", "होमी",
           "भाभा", "अखिल", "भारतीय", "आयुर्विज्ञान", "मालवीय", "मदन", "मोहन", "लाल", "विवेकानंद", "सत्य", "साईं",
           "बिड़ला", "जसलोक", "हिंदुजा", "कोकिलाबेन", "धीरूभाई", "अंबानी", "रेनबो", "क्लाउडनाइन"),
}


def script_phrase_pattern(phrases) -> re.Pattern:
    """Any of `phrases` as whole words of Arabic, Hebrew or Devanagari text: no letter or vowel mark touching it
    (a Devanagari vowel sign is no word character to `\\w`, so "नाम" would match inside "नामी")."""
    letter = r"[\w\u0591-\u05C7\u064B-\u065F\u0900-\u0903\u093A-\u094F]"
    return re.compile(rf"(?<!{letter})(?:" + "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
                      + rf")(?!{letter})")


_COMPANY_OR_COMMITTEE = {language: script_phrase_pattern(
    phrases + _COMMITTEES[language] + _HOSPITALS[language]
    + (tuple(p + h for p in _HEBREW_JOINED for h in _HOSPITALS["he"]) if language == "he" else ()))
    for language, phrases in _COMPANIES.items()}
_INSTITUTION_WORD = {language: script_phrase_pattern(phrases) for language, phrases in _INSTITUTION_WORDS.items()}
_INSTITUTION_NAME = {language: script_phrase_pattern(phrases) for language, phrases in _INSTITUTION_NAMES.items()}
_NEAR = re.compile(r"\S+")
_JOINED_NAMES = re.compile(r"[\s\-\u2013]+")


def _near_an_institution_word(text: str, start: int, end: int, language: str) -> bool:
    before = [m for m in _NEAR.finditer(text, 0, start)][-3:]
    after = [m for m in _NEAR.finditer(text, end)][:3]
    window = text[before[0].start() if before else start:after[-1].end() if after else end]
    return bool(_INSTITUTION_WORD[language].search(window))


def organisation_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Spans of `text` that name a company, an ethics committee, or a hospital by the name it is called by (language
    "ar", "he", "hi")."""
    spans = [m.span() for m in _COMPANY_OR_COMMITTEE[language].finditer(text)]
    names = list(_INSTITUTION_NAME[language].finditer(text))
    accepted = [m for m in names if _near_an_institution_word(text, m.start(), m.end(), language)]
    # A name of several words runs on past the window ("בית החולים הדסה עין כרם"): a name next to one taken is taken.
    while True:
        more = [m for m in names if m not in accepted and any(
            _JOINED_NAMES.fullmatch(text, min(m.end(), a.end()), max(m.start(), a.start())) for a in accepted)]
        if not more:
            break
        accepted += more
    return spans + [m.span() for m in accepted]


__all__ = ["organisation_spans", "script_phrase_pattern"]
