"""Second round of the cue reader for scripts without capitals (privacy_uncased, privacy_uncased_stories), on
synthetic strings written for these tests, per class and language: personal values that must be refused and
clinical near misses (a school, the news, a population's age, a company's department, a record word with no
number) that must pass. Every name, number, school and town here is invented.
"""
from __future__ import annotations

import pytest

from tests.core.uncased_cues import find_reading_cues_alone

SYNTHETIC_PERSONAL_BY_CLASS = {
    "role word, copula or colon, then a name": [
        "负责人是王建华", "담당 간호사 이수민", "أنا أم الطفلة لينا", "मेरा नाम कविता है", "मैं कबीर की माँ हूँ", "主治医师为刘思琪主任", "母親 佐藤 美咲", "엄마 박지윤", "아버지: 이동현",
        "والدة الطفل سارة", "אמא של נועה", "बच्चे के पिता: अमित शर्मा", "पिता राहुल शर्मा",
    ],
    "self-introduction": [
        "私は山本陽子です", "저는 환자 아빠 김준호입니다", "저는 이서현이에요", "저는 최예린 엄마입니다",
    ],
    "honorific or title joined to the name": [
        "김민호 과장님께 여쭤보았습니다", "이현진 선생님이 설명해 주셨어요", "나성진 씨",
        "คุณสมศรี ตอบอีเมลแล้ว", "นางสาวมาลัย สุขใจ", "ชื่อน้องแก้ว",
        "我女儿小名叫甜甜", "大名刘子轩",
    ],
    "a name before the child's age": [
        "김도윤 (7세, 대구)", "한지호 (만 6세)", "최하은, 5살", "سارة، ٨ سنوات، من إربد", "נועם, בן 7, מחיפה", "מאיה, בת 5",
        "आरव, 7 वर्ष, पुणे", "น้องใบเตย 4 ขวบ", "息子の大翔は五歳です", "ゆうとくん（4歳）", "张梓涵，六岁",
    ],
    "a staff name at a company": [
        "辉瑞公司的周明远经理", "السيد خالد من شركة نوفارتيس", "דיברנו עם קרן לוין מפייזר",
    ],
    "a record word before an alphanumeric id": [
        "住院号 BJ2022118", "患者ID：AB-77120345", "رقم الملف الطبي ٤٤٥٦٧٨٩", "HN 64-998877", "カルテ番号 00123456",
    ],
    "a school class": [
        "实验小学四年级三班的男孩", "第一小学校3年2組", "초등학교 2학년 4반 아이", "في الصف الرابع بمدرسة النور",
        "ילדה מכיתה ד'3", "कक्षा 4 अ की छात्रा", "นักเรียน ป.2/1",
    ],
    "a news story about a child": [
        "那个上了新闻的白血病男孩", "テレビで紹介された白血病の男の子", "방송에 나온 백혈병 아이",
        "الطفل الذي نشرت قصته صحيفة محلية", "הילד שסופר בחדשות", "टीवी पर दिखाई गई बच्ची", "เด็กที่เป็นข่าวเมื่อปีที่แล้ว",
    ],
    "a bare full name": [
        "佐藤花子", "鈴木一郎", "عبد الرحمن خالد العتيبي", "רונית גולן", "דנה לוי",
    ],
}


@pytest.mark.parametrize(("shape", "text"), [(shape, text) for shape, texts in SYNTHETIC_PERSONAL_BY_CLASS.items()
                                             for text in texts])
def test_synthetic_personal_values_in_scripts_without_capitals_are_refused(shape, text):
    assert find_reading_cues_alone(text), (shape, text)


SYNTHETIC_CLINICAL_NEAR_MISSES = [
    # A school or a grade with no class, no named school and no child singled out.
    "小学三年级以上的患儿可以入组", "学龄儿童返校后的随访", "小学校に通う患者も対象", "초등학교 입학 전 환아 대상",
    "العودة إلى المدرسة بعد العلاج", "ילדים בגיל בית ספר", "स्कूल जाने वाले बच्चों में", "เด็กวัยเรียนกลับไปโรงเรียนได้",
    # The news with no child in it.
    "该药上过新闻", "新薬がニュースで報道された", "신약이 뉴스에 나온 뒤 문의가 늘었다", "نشرت الشركة نتائج الدراسة",
    "התרופה הופיעה בחדשות", "दवा अख़बार में छपी", "ยานี้เคยเป็นข่าว",
    # A population's age.
    "6岁以上患者", "6歳以上の患者", "6세 이상 환자", "الأطفال من عمر ٦ سنوات", "ילדים בני 6 ומעלה", "6 वर्ष से अधिक आयु के बच्चे",
    "ผู้ป่วยอายุ 6 ปีขึ้นไป", "患者年龄6岁以上", "患児は5歳以上",
    # A company's department, a company named after a person.
    "诺华公司的医学部", "製薬会社の医療部門", "한국노바티스 의학부", "شركة روش قسم الشؤون الطبية", "מחלקת הרפואה של נוברטיס",
    "डॉ. रेड्डीज़ लिमिटेड", "ฝ่ายการแพทย์ของบริษัทโรช",
    # A record word with no number.
    "住院号", "患者IDは不要です", "환자번호 없음", "رقم الملف الطبي غير متوفر", "HN ไม่ระบุ",
    # A child's title joined to an ordinary verb, an adult's title joined to a word.
    "น้องทานยาได้ดี ไม่มีผลข้างเคียง", "คุณภาพชีวิต ดีขึ้น", "คุณแม่ ติดต่อบริษัทแล้ว", "นายแพทย์ ผู้เชี่ยวชาญ",
    # A role word with a copula and a clinical word.
    "主治医生是血液科的", "主任是高年资医生", "患者是高危组",
    # A department before a title, a role word before an ordinary word, "you" before a verb, a kinship word
    # before an illness and an age, the name-shaped Arabic word for "age".
    "신경과 교수님께 문의", "소아과 선생님", "주치의 선생님과 상담", "환자 지원 프로그램", "환자 우선 배정",
    "คุณสามารถ ติดต่อแพทย์", "คุณควร ปรึกษาแพทย์", "联系我们的医学部经理", "中位年龄6岁", "ילד, בן 6",
    "मरीज़, 6 वर्ष", "患者さん（6歳）", "간호사 교육 프로그램", "교수 연구실 방문", "मेरा नाम गोपनीय रहे",
    "HNSCC-12345 trial", "저는 소아과입니다", "娘の病気は七歳で発症しました", "الأطفال من عمر ٦ سنوات",
]


@pytest.mark.parametrize("text", SYNTHETIC_CLINICAL_NEAR_MISSES)
def test_synthetic_clinical_near_misses_in_scripts_without_capitals_pass(text):
    assert not find_reading_cues_alone(text), text
