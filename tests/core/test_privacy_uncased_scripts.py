"""The cue reader for scripts without capitals (privacy_uncased), on synthetic strings written for
these tests: per language, personal values that must be refused and clinical text (with near
misses: a cue word with no name after it, a family-name character inside a clinical word) that
must pass. Every name, number and address here is invented.
"""
from __future__ import annotations

import pytest

from tests.core.uncased_cues import find_reading_cues_alone
from trialfind.core.privacy_uncased import EXPLANATION


def _kinds(text: str) -> set[str]:
    return {finding.kind for finding in find_reading_cues_alone(text)}


SYNTHETIC_CUED_NAMES = [
    # Chinese: relation or role word before, title or relation after, naming word, bare value.
    "我女儿张梓涵今天开始服药", "我儿子刘浩宇，7岁", "患者陈思远，复发", "护士：林婷", "联系人：赵建华",
    "黄丽华医生负责随访", "周医生回复了邮件", "王思琪的父母签了同意书", "孩子名叫杨欣怡", "姓名：吴俊杰",
    "李明轩", "张伟",
    # Japanese: honorific suffix, relation word before, naming word, bare value.
    "鈴木さくらちゃんは元気です", "担当は高橋先生です", "山本陽翔くんの母です", "娘の伊藤ひなたが入院中",
    "息子の渡辺悠真は3歳", "名前は中村美咲です", "小林 翔太", "加藤ゆい",
    # Korean: name before a role or relation word, relation word before, naming word, honorific suffix, bare value.
    "이서연 환아 보호자입니다", "박지훈 어머니입니다", "최민준 교수님께 문의", "제 딸 정하은의 검사 결과",
    "아들 강도윤, 2016년생", "이름은 윤서준입니다", "김하준씨에게 연락", "조민서",
    # Arabic: relation or title before a listed given name, naming word, bare value.
    "ابنتي مريم عمرها ٦ سنوات", "والدة الطفل: فاطمة الزهراني", "الدكتور خالد الشمري وافق", "د. سارة العنزي",
    "اسمها ليلى", "محمد أحمد", "عمر الحربي",
    # Hebrew: relation or title before, naming word, a listed given and family name anywhere, bare value.
    "הבת שלי תמר לוי בטיפול", "בני דניאל מזרחי קיבל את התרופה", 'ד"ר מיכל פרץ אישרה', "שמה שירה",
    "אחרי שני מחזורים יונתן ביטון מרגיש טוב", "יוסף כהן",
    # Hindi: relation or title before, naming after a person word, a listed given and family name, bare value.
    "मेरा बेटा रोहन ठीक है", "मेरी बेटी नेहा को दवा मिली", "डॉ. अमित वर्मा ने मंजूरी दी", "श्रीमती सुनीता से बात हुई",
    "बच्चे का नाम कबीर है", "राहुल शर्मा",
    # Thai: a title that only precedes a name, a title typed as a word of its own, the naming word.
    "ด.ช. สมชาย ใจดี ได้รับยาแล้ว", "นพ. ประเสริฐ รักษาดี", "คุณ วิไล ติดต่อบริษัท", "ชื่อ: มานี มีสุข",
]


@pytest.mark.parametrize("text", SYNTHETIC_CUED_NAMES)
def test_synthetic_cued_names_in_scripts_without_capitals_are_refused_as_names(text):
    findings = find_reading_cues_alone(text)
    assert any(f.kind == "name" and f.explanation == EXPLANATION for f in findings), findings


SYNTHETIC_CLINICAL = [
    # Chinese near misses: a role word with no name after it, surname characters starting clinical words.
    "患者对克唑替尼有部分缓解", "患者高热三天后好转", "患者病情稳定", "医生建议继续服药", "我向医生咨询了剂量", "向医生咨询剂量",
    "孩子耐受良好", "高血压", "白血病", "严重", "周期", "两个周期后部分缓解，无严重不良反应", "北京协和医院",
    "出生后三个月确诊", "新生儿出生体重3200克",
    # Japanese near misses: an honorific after a role word, a family name inside a company's name.
    "看護師さんが説明してくれました", "患者さんの状態は安定", "武田薬品工業", "武田薬品", "森林浴", "主治医の先生と相談",
    "3コース後に部分奏効", "副作用なし、腫瘍縮小",
    # Korean near misses: a surname syllable starting an ordinary word before a role word.
    "환자는 부분 반응을 보였다", "소아 환자 대상 임상시험", "남성 환자와 여성 환자", "정상 소견", "안정 병변 유지", "소수 환자에서 발진", "만 3세 이하 환자에서 효과",
    "이 환자는 2주기 후 반응", "용량으로 2주 투여", "서울대학교어린이병원",
    # Arabic near misses: a relation or role word followed by a verb or an adjective.
    "المريض استجاب للعلاج", "ابني استجاب للعلاج بشكل جيد", "المريض صالح للعلاج", "الطبيب قال إن الاستجابة جزئية",
    "استجابة جزئية بعد ثلاث دورات", "الشركة وافقت بعد أسبوعين", "د. في المستشفى",
    "المريض علي العلاج",
    # Hebrew near misses: a relation word before an ordinary word.
    "הילד מגיב טוב לטיפול", "בני הגיב טוב לטיפול", "תגובה חלקית לאחר שני מחזורים", "הרופא אישר את הבקשה",
    # Hindi near misses: the naming word after a drug, a relation word before a verb.
    "दवा का नाम क्रिज़ोटिनिब है", "मरीज़ का नाम गोपनीय है", "श्री गंगाराम अस्पताल", "मेरा बेटा ठीक है", "डॉक्टर ने दवा दिया", "तीन चक्रों के बाद आंशिक प्रतिक्रिया",
    # Thai near misses: the naming word joined to "drug", a title inside a word ("quality" starts like "คุณ").
    "ชื่อยาคือคริโซทินิบ", "คุณภาพชีวิตดีขึ้น", "ด.ช. อายุ 5 ปี", "คุณ แม่ ติดต่อบริษัท", "ชื่อ ยา", "ตอบสนองบางส่วนหลังการรักษา 3 รอบ",
]


@pytest.mark.parametrize("text", SYNTHETIC_CLINICAL)
def test_synthetic_clinical_text_in_scripts_without_capitals_passes(text):
    assert not find_reading_cues_alone(text)


@pytest.mark.parametrize(("text", "kind"), [
    ("住址：广州市天河区天河路385号", "address"), ("杭州市西湖区文三路90号2栋301室", "address"),
    ("大阪府大阪市北区梅田3丁目1番地", "address"), ("부산광역시 해운대구 해운대로 570", "address"),
    ("102동 804호", "address"), ("شارع العليا العام، مبنى 45", "address"), ("רחוב הרצל 12, חולון", "address"),
    ("मकान नं. 12, गांधी नगर", "address"), ("บ้านเลขที่ 99 ซอย 5 ถนนสุขุมวิท", "address"),
    ("出生于2016年5月", "date"), ("2017年生まれ", "date"), ("생년월일 2016.02.14", "date"), ("2016년생", "date"),
    ("مواليد 2015", "date"), ("נולד ב-2016", "date"), ("जन्म 2016 में हुआ", "date"), ("เกิด พ.ศ. 2559 ปี 2016", "date"),
    ("手机 139 8888 1234", "phone"), ("फोन 98111 22334", "phone"), ("010-9876-5432로 연락 주세요", "phone"),
    ("카카오톡 아이디 jiho_dad77", "handle"), ("微信号 wang_mama2016", "handle"),
    ("환자번호 55-123456", "record_number"), ("رقم الملف 4471209", "record_number"),
])
def test_synthetic_addresses_birth_dates_and_numbers_with_their_cues_are_refused(text, kind):
    assert _kinds(text), text
    assert kind in _kinds(text) or "address" in _kinds(text) or "date" in _kinds(text)


@pytest.mark.parametrize("text", ["3주기 후 부분 반응", "批号 ABC", "2サイクル後に部分奏効", "第三周期后MRI显示部分缓解",
                                  "خلال ٣ أسابيع", "דרגה 2", "ग्रेड 2", "1일 2회 경구 투여", "剂量 20 mg/m²"])
def test_synthetic_numbers_without_an_address_or_birth_word_pass(text):
    assert not find_reading_cues_alone(text)


def test_the_finding_names_the_kind_and_never_the_value():
    findings = find_reading_cues_alone("synthetic: 我女儿张梓涵")
    assert findings and "张梓涵" not in findings[0].explanation and "without names" in findings[0].explanation

