"""A child told apart by a school class or by a news story, in scripts without capitals.

No name is needed to single a child out: the class of a named school ("小学三年级二班", "초등학교 3학년 2반",
"ชั้น ป.3/2") or the story the news ran about them ("上过新闻的七岁女孩", "뉴스에 나온 환아") is enough in a
small town. A grade with its class (or with a named school), or a story that ran in the news about a
child, is refused; a school or the news with no child and no class passes ("小学三年级以上的患者",
"该药上过新闻", "العودة إلى المدرسة بعد العلاج").
Words and their sources:
- grades and classes: Wiktionary, 年级 / 班 (Chinese), 年 / 組 (Japanese), 학년 / 반 (Korean), الصف / مدرسة
  (Arabic), כיתה / בית ספר (Hebrew), कक्षा / विद्यालय (Hindi), ป. (ประถมศึกษา, primary) (Thai);
- appearing in the news: Wiktionary, 上新闻 / 报道, 新聞に載る / 報道, 뉴스에 나오다, ظهر / قصة / قناة,
  הופיע / כתבה / חדשות, अख़बार में छपना, ออกข่าว / เป็นข่าว; and each language's words for a child
  (Wiktionary translations of "child", "girl", "boy").
"""
from __future__ import annotations

import re

from trialfind.core.privacy_text import Finding

EXPLANATION = ("a child singled out by a school class or a news story: please leave out the school, the class and "
               "the story")

_N = r"(?:[0-9０-９]+|[一二三四五六七八九十]+)"
_CLASSES = [re.compile(pattern) for pattern in (
    rf"{_N}\s*年级\s*{_N}\s*班",
    rf"{_N}\s*年\s*{_N}\s*組",
    r"\d+\s*학년\s*\d+\s*반",
    r"الصف\s+[\u0621-\u064A]+\s+(?:ب|في\s+)مدرسة\s+[\u0621-\u064A]+",
    r"כיתה\s*[\u05D0-\u05D9]['\u05F3]\s*\d",
    r"כיתה\s*[\u05D0-\u05D9]['\u05F3].{0,20}בית\s+ה?ספר\s+(?:ה?יסודי|ה?תיכון)\s+[\u05D0-\u05EA]{3,}",
    r"कक्षा\s*[0-9\u0966-\u096F]+\s*[\u0905-\u0939](?![\u0900-\u097F])",
    r"ป\.\s*\d+\s*/\s*\d+",
)]

_CHILD_NEWS = [(re.compile(news), re.compile(child)) for news, child in (
    (r"上过新闻|上了新闻|登上新闻|新闻报道过|被媒体报道|上过电视",
     r"女孩|男孩|孩子|患儿|宝宝|女儿|儿子"),
    (r"(?:地方紙|新聞|ニュース|テレビ)(?:に載った|に載っていた|で報道された|に出た|で紹介された)",
     r"女の子|男の子|男児|女児|子ども|子供|息子|娘"),
    (r"(?:뉴스|방송|기사|신문)에\s*(?:나온|나왔던|소개된)",
     r"환아|아이|어린이|딸|아들"),
    (r"(?:ظهرت|ظهر|نشرت|نشر)\s+قصت?(?:ها|ه)|قصت?(?:ها|ه)\s+(?:في|على)\s+(?:قناة|الأخبار|التلفزيون|صحيفة|جريدة)",
     r"الطفل|الطفلة|طفل|طفلة|ابني|ابنتي"),
    (r"(?:ש?הופיע|ש?הופיעה|ש?סופר|ש?סופרה)\s+ב(?:כתבה|חדשות|עיתון|טלוויזיה)",
     r"ילד|ילדה|הילד|הילדה|בני|בתי"),
    (r"(?:अख़बार|अखबार|समाचार|टीवी|न्यूज़)\s+(?:में|पर)\s+(?:छपी|छपा|छपे|आई|आया|दिखाई)",
     r"बच्ची|बच्चा|बच्चे|बेटी|बेटा|लड़की|लड़का"),
    (r"ออกข่าว|ลงข่าว|เป็นข่าว|ออกทีวี",
     r"น้อง|เด็ก|ลูก"),
)]


def find_child_stories(text: str, found: list[Finding]) -> None:
    """Append a finding for a school class, or for a news story about a child."""
    for pattern in _CLASSES:
        for match in pattern.finditer(text):
            found.append(Finding("combination", *match.span(), EXPLANATION))
    for news, child in _CHILD_NEWS:
        story = news.search(text)
        if story and child.search(text):
            found.append(Finding("combination", *story.span(), EXPLANATION))
