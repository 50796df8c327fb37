"""Word lists for reading names in scripts without capitals (privacy_uncased), each with its source.

Only words a public list names are here: family names, given names (or the characters and
syllables they are written with), and the relation, role, title and naming words that introduce
a person. A word that no list below names stays out.
"""
from __future__ import annotations


def _listed(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


# The 100 commonest Chinese surnames (Ministry of Public Security, 2019 and 2020 household-register reports),
# as listed in Wikipedia, "List of common Chinese surnames"
# (https://en.wikipedia.org/wiki/List_of_common_Chinese_surnames), with their traditional forms.
CHINESE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈"
    "钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易"
    "乔赖文施洪"
    "張劉陳楊黃趙吳許韓鄧馮蕭葉呂盧鍾譚陸賈鄒閆賀龔萬錢嚴歐湯賴喬")
# Characters of the commonest Chinese given names: Wikipedia, "Chinese given name"
# (https://en.wikipedia.org/wiki/Chinese_given_name), and the Ministry of Public Security's 2019 and 2020 name
# reports (《二〇一九年全国姓名报告》, 《二〇二〇年全国姓名报告》: the commonest given names, 张伟, 王芳, 李娜...,
# and the names most given to newborns, 梓涵, 一诺, 浩宇, 子轩...). Characters that are also common words after a
# surname ("高发", "高峰", "周一", "高中", "黄金") are left out: a bare pair of them would read as a name.
CHINESE_GIVEN_CHARACTERS = frozenset(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞桂华建玉兰红梅志海燕小梓涵轩宇浩欣怡沐宸睿泽雨萱若依俊晨思梦佳"
    "嘉博雅琪婷慧鑫宁凯鹏斌辉云婉晓悦彤馨语瑞奕航昊铭皓然远春丹波宏琳颖倩雪玲萍晶翔乐逸阳家景佑煜钰懿菲蕾"
    "瑶璐婧舒薇妍茜琦冰紫诗霖淼旭毅彬健坤荣立源辰星珠凤美娇芬芝莉蓉琴琼惠淑珍秋晴庆利元子")
# The commonest Japanese family names: Wikipedia, "List of most common Japanese family names"
# (https://en.wikipedia.org/wiki/List_of_most_common_Japanese_family_names), the first hundred.
JAPANESE_FAMILY_NAMES = _listed(
    "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水 山崎 森 池田 橋本 "
    "阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 斉藤 福田 太田 西村 藤井 金子 岡本 "
    "藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 原 柴田 酒井 工藤 横山 宮崎 宮本 内田 高木 安藤 "
    "島田 谷口 大野 高田 丸山 今井 河野 藤本 村田 武田 上野 杉山 増田 小山 大塚 平野 菅原 久保 松井 千葉 岩崎 桜井 木下 "
    "野口 松尾 菊地 野村 新井 渡部 佐野 杉本 古川 大西 浅野 渡邊 渡邉 齋藤")
# Japanese nouns that follow a family name in the name of a company or a place of care, not of a person
# ("武田薬品", "田中病院"): Wiktionary entries 薬品, 製薬, 工業, 病院, 医院, 診療所, 商事, 産業
# (https://en.wiktionary.org/wiki/病院 and the like).
JAPANESE_INSTITUTION_NOUNS = ("薬品", "製薬", "工業", "病院", "医院", "診療所", "商事", "産業")
# Endings of a place or an institution after a family name ("松本市", "中村病院"): Wikipedia, "Prefectures of Japan"
# and "Municipalities of Japan" (県, 市, 区, 町, 村), Wiktionary, 院, 科, 所, 社, 会, 店, 駅.
JAPANESE_PLACE_SUFFIXES = ("県", "市", "区", "町", "村", "院", "科", "所", "社", "会", "店", "駅", "線", "島", "川", "山")
# The commonest Korean surnames in Hangul: Statistics Korea's 2015 census, as listed in Wikipedia,
# "List of Korean surnames" (https://en.wikipedia.org/wiki/List_of_Korean_surnames), the first forty.
KOREAN_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원천방공현함변염여추도소석선설마길연")
# Syllables of the commonest Korean given names: Wikipedia, "List of the most popular given names in South Korea"
# (https://en.wikipedia.org/wiki/List_of_the_most_popular_given_names_in_South_Korea), 1945-2020
# (민준, 서준, 도윤, 예준, 시우, 하준, 지호, 주원, 지훈, 현우, 서연, 서윤, 지우, 서현, 민서, 하은, 하윤, 지민,
# 수빈, 지원, 유진, 민지, 지현, 수진, 영수, 영호, 영숙, 순자, 미경, 동현, 재현, 채원...). Syllables that are also
# the second half of a common word after a surname syllable ("남성", "여성", "정상", "소아", "소수") are left out.
KOREAN_GIVEN_SYLLABLES = frozenset(
    "민준서도윤예시우하지호주원훈현연은빈유진영숙순자미경동재채린건태혁희선혜")
# Korean words spelt like a surname syllable and given-name syllables, read as words before a role word
# ("3세 이하 환자", patients aged three or under): Wiktionary, 이하 (below), 전원 (transfer; everyone),
# 유지 (maintenance), 정도 (degree), 지원 (support: "환자 지원 프로그램"), 우선 (priority).
KOREAN_WORDS_SHAPED_LIKE_NAMES = frozenset(("이하", "전원", "유지", "정도", "지원", "우선"))
# Arabic given names: Wikipedia, "List of Arabic given names" (https://en.wikipedia.org/wiki/List_of_Arabic_given_names)
# and Wiktionary, "Category:Arabic male given names" / "Category:Arabic female given names". Names that are also
# common words after "the patient" ("صالح" fit, "كريم" generous, "نور" light, "سعيد" happy) are left out.
ARABIC_GIVEN_NAMES = _listed(
    "محمد أحمد محمود مصطفى علي حسن حسين يوسف خالد عمر عثمان إبراهيم ابراهيم إسماعيل عبدالله عبدالرحمن عبد سعد "
    "سلمان سليمان فهد فيصل ناصر طارق ياسر وليد هشام نبيل رامي سامي زياد زيد حمزة بلال آدم ادم "
    "أنس انس عمار مالك فاطمة مريم عائشة خديجة زينب سارة ليلى رنا ريم لينا جنى سلمى آمنة امنة "
    "رقية حلا دانة "
    # More from the same lists (the commonest names of parents' generation too).
    "عبدالعزيز عبدالرحيم عبدالكريم عبدالمجيد عبدالملك هاني ماجد عادل كمال جمال منصور راشد سلطان تركي بندر "
    "نورة هدى منى أمل هند رغد شهد جود لمى ندى")
# Hebrew given names: the Israel Central Bureau of Statistics' yearly lists of names given to newborns, as listed in
# Wikipedia, "List of most popular given names" (https://en.wikipedia.org/wiki/List_of_most_popular_given_names#Israel),
# and Wiktionary, "Category:Hebrew male given names" / "Category:Hebrew female given names".
HEBREW_GIVEN_NAMES = _listed(
    "נועה תמר מאיה יעל אביגיל שרה רחל לאה רבקה אדל מיכל שירה אסתר חנה נעמה הילה אור ליה רוני "
    "יוסף דוד נועם אריאל איתי אורי דניאל משה יהודה אברהם יצחק יעקב אליה עומר איתן יונתן רפאל "
    "שמואל מנחם אהרון לביא מוחמד אחמד "
    # More of the same CBS lists (names given 1990-2020, so parents' names too).
    "דנה רונית מיכאל אבי רון גיל עידו אלון שי עדי ענבל גלית אורית יעלי שני ליאת קרן סיגל אפרת")
# The commonest Israeli family names: Wikipedia, "List of most common surnames in Asia#Israel"
# (https://en.wikipedia.org/wiki/List_of_most_common_surnames_in_Asia#Israel).
HEBREW_FAMILY_NAMES = _listed(
    "כהן לוי מזרחי פרץ ביטון דהן אגבאריה פרידמן מלכה אזולאי כץ אוחיון חדד גבאי אברהם דוד יוסף עמר "
    "שפירא "
    # Further down the same list (the commonest hundred).
    "אדרי לוין טל קליין חורי חן אשכנזי גולן רוזנברג שטרן ברק אלמוג")
# Indian given names and family names in Devanagari: Wikipedia, "Indian name" (https://en.wikipedia.org/wiki/Indian_name)
# and "List of most common surnames in Asia#India", Wiktionary, "Category:Hindi male given names" /
# "Category:Hindi female given names". Names that are also common words ("दिया" gave, "सीमा" limit) are left out.
HINDI_GIVEN_NAMES = _listed(
    "आरव अनन्या प्रिया राहुल अमित सुनील अनिल राजेश रमेश सुरेश विजय संजय अजय अर्जुन रोहन विवेक आदित्य "
    "विहान अयान ईशान कबीर साहिल नेहा पूजा अंजलि दीपिका सुनीता कविता रीता गीता स्नेहा आराध्या "
    "सान्वी इशिता मीरा सरस्वती लक्ष्मी")
HINDI_FAMILY_NAMES = _listed(
    "शर्मा वर्मा गुप्ता सिंह कुमार पटेल यादव कुलकर्णी जोशी मिश्रा तिवारी पांडे पाण्डेय चौहान राठौर "
    "अग्रवाल जैन मेहता शाह देसाई नायर रेड्डी राव")

# Words that introduce a person who follows (a relative, a patient, a carer, a doctor), per language: Wiktionary
# translations of "son", "daughter", "child", "mother", "father", "patient", "doctor", "nurse", "applicant",
# "contact person" (https://en.wiktionary.org/wiki/son#Translations and the like).
CHINESE_PERSON_BEFORE = ("我女儿", "我儿子", "女儿", "儿子", "孩子", "患者", "患儿", "病人", "病患", "医生", "护士",
                         "主任", "教授", "申请人", "联系人", "答复人", "家长", "母亲", "父亲", "妈妈", "爸爸",
                         "经理", "主治医生", "主治医师", "负责人")
# A copula between a role word and the name ("主治医生是孙立平"): Wiktionary, 是, 为.
CHINESE_COPULAS = ("是", "为")
# A title or relation after a name ("王丽华医生", "李明轩的父母").
CHINESE_PERSON_AFTER = ("医生", "大夫", "护士", "老师", "先生", "女士", "小姐", "教授", "主任", "同学", "经理", "总监",
                        "的父母", "的妈妈", "的爸爸", "的母亲", "的父亲", "的家长", "的家人")
# Words that name who follows: Wiktionary, "名叫", "名字", "姓名", "叫".
CHINESE_NAMING = ("名叫", "名字是", "名字叫", "姓名", "叫做", "叫", "大名", "学名")
# A child's pet name ("小名叫豆豆"), which need not start with a surname: Wiktionary, 小名, 乳名.
CHINESE_PET_NAMING = ("小名叫", "小名是", "小名", "乳名叫", "乳名是", "乳名")
JAPANESE_PERSON_BEFORE = ("娘の", "息子の", "娘", "息子", "患者", "患児", "担当医", "主治医", "担当者", "看護師",
                          "父親", "母親", "父", "母", "私は", "わたしは")
# Kinship words before a child's given name alone ("娘の美咲は七歳"): Wiktionary, 娘, 息子.
# Kanji of the commonest Japanese given names (Meiji Yasuda Life's yearly ranking of names given to newborns, as cited
# in Wikipedia, "Japanese name" (https://en.wikipedia.org/wiki/Japanese_name): 大翔, 蓮, 陽翔, 悠真, 湊, 樹, 結愛, 陽葵,
# 美咲, さくら, 凛, 結菜, 花子, 太郎...). A kanji given name alone after a kinship word needs one of them, so that
# "娘の病気は七歳で" (my daughter's illness, at seven) stays a sentence.
JAPANESE_GIVEN_KANJI = frozenset("翔大陽蓮悠湊樹斗真人太郎結葵咲美愛花菜奈子香莉心凛依翼颯蒼律朔海優健誠恵浩隆明和由智里彩紗桜")
JAPANESE_KIN_BEFORE = ("娘の", "息子の", "長女の", "長男の", "次女の", "次男の")
# Honorific suffixes: Wikipedia, "Japanese honorifics" (https://en.wikipedia.org/wiki/Japanese_honorifics).
JAPANESE_HONORIFICS = ("さん", "様", "さま", "先生", "くん", "君", "ちゃん", "氏", "殿")
JAPANESE_NAMING = ("名前は", "名前：", "氏名")
# Relation and role words after a Korean name ("김서연 환아", "김민준 어머니"), and honorific suffixes:
# Wikipedia, "Korean honorifics" (https://en.wikipedia.org/wiki/Korean_honorifics); Wiktionary translations.
KOREAN_PERSON_AFTER = ("환아", "환자", "어머니", "아버지", "엄마", "아빠", "보호자", "교수님", "교수", "선생님",
                       "원장님", "님", "씨", "군", "양", "의사", "간호사",
                       "부장님", "과장님", "팀장님", "대리님", "이사님", "실장님")
# Honorific titles after a full name that only ever follow a person's name ("정수진 부장님"): Wikipedia,
# "Korean honorifics" and Wiktionary, 부장, 과장, 팀장, 선생님.
KOREAN_STRONG_AFTER = ("선생님", "교수님", "원장님", "부장님", "과장님", "팀장님", "대리님", "이사님", "실장님", "씨")
KOREAN_PERSON_BEFORE = ("제 딸", "제 아들", "우리 딸", "우리 아들", "딸", "아들", "환아", "환자", "담당의", "주치의")
# Kinship and staff words, after which any surname with one listed syllable is read as a name ("아빠 최동욱",
# "간호사 김수연"); not "환자", which is followed by ordinary words ("환자 지원 프로그램", patient support programme).
# Wiktionary, 간호사 (nurse), 교수 (professor), 담당의 / 주치의 (attending doctor).
KOREAN_KIN_BEFORE = ("아빠", "엄마", "어머니", "아버지", "보호자", "제 딸", "제 아들", "우리 딸", "우리 아들", "딸", "아들",
                     "간호사", "교수", "담당의", "주치의")
# A parent introducing themselves by the child's name ("저는 박소윤 엄마입니다").
KOREAN_PARENT_AFTER = ("엄마", "아빠", "어머니", "아버지", "보호자")
# Last syllables of a department or a kind of doctor, never of a name before a title ("신경과 교수님", neurology):
# Wiktionary, -과 (department), -의 (physician: 전공의), -실 (office), -팀 (team), -부 (division).
KOREAN_NOT_NAME_ENDINGS = ("과", "의", "실", "팀", "부")
# A self-introduction ("저는 ... 강은지입니다"): Wiktionary, 저 (I, humble), 입니다 (am).
KOREAN_SELF = ("저는", "제 이름은")
KOREAN_COPULA = ("입니다", "이에요", "예요", "이고요", "이라고 합니다")
KOREAN_NAMING = ("이름은", "이름:", "이름", "성명")
# Arabic: "my son", "my daughter", "the child's father", "the doctor" (with the attached prepositions ل/ب/و).
ARABIC_PERSON_BEFORE = ("ابني", "ابنتي", "إبني", "إبنتي", "طفلي", "طفلتي", "والد الطفل", "والدة الطفل", "والد المريض",
                        "والدة المريض", "والد المريضة", "والدة المريضة", "الطبيب المعالج", "الطبيبة المعالجة",
                        "الدكتور", "الدكتورة",
                        "والد", "والدة", "أم", "أب", "أم الطفل", "أم الطفلة", "أب الطفل", "أب الطفلة", "والدها", "والده", "والدتها", "والدته")
# Not "المريض" or "الطبيب" alone: informal writing spells "على" (on) as the name "علي" ("المريض علي العلاج").
# Arabic title abbreviations always followed by a name: Wikipedia, "Arabic name" (د. for دكتور).
ARABIC_TITLES = ("د.", "د ", "السيدة", "السيد", "الأستاذة", "الأستاذ", "الآنسة")
ARABIC_NAMING = ("اسمه", "اسمها", "اسمي", "اسم المريض", "اسم المريضة", "اسم الطفل", "اسم الطفلة", "اسم الأم",
                 "اسم الأب", "اسم الطبيب")
HEBREW_PERSON_BEFORE = ("הבן שלי", "הבת שלי", "הבן שלנו", "הבת שלנו", "בני", "בתי", "הילד", "הילדה", "המטופל",
                        "המטופלת", "הרופא", "הרופאה", "אבא של", "אמא של")
# Hebrew title abbreviations always followed by a name: Wiktionary, "ד\"ר" (doctor), "פרופ'" (professor).
HEBREW_TITLES = ('ד"ר', "ד״ר", "דר'", "פרופ'", "פרופ׳")
HEBREW_NAMING = ("שמו", "שמה", "שמי", "שם האם", "שם האב", "שם הרופא", "שם הרופאה", "שם הילד", "שם הילדה",
                 "שם המטופל", "שם המטופלת")
HINDI_PERSON_BEFORE = ("मेरा बेटा", "मेरी बेटी", "मेरे बेटे", "हमारा बेटा", "हमारी बेटी", "बेटा", "बेटी", "मरीज़", "मरीज",
                       "डॉक्टर", "मेरा नाम", "उसका नाम", "उसकी बेटी", "उसका बेटा", "बच्चे की माँ", "बच्चे की मां", "बच्चे के पिता", "माँ", "मां", "पिता", "माता")
# Hindi titles always followed by a name: Wikipedia, "Indian honorifics" (https://en.wikipedia.org/wiki/Indian_honorifics).
# Not "श्री", which also begins the names of hospitals and temples ("श्री गंगाराम अस्पताल").
HINDI_TITLES = ("डॉ.", "डॉ ", "श्रीमती", "सुश्री")
# "नाम" (name) after a person word ("मरीज़ का नाम", "मेरे बेटे का नाम"), not after a drug's ("दवा का नाम").
# A parent named by the child ("आरव की माँ", Aarav's mother): Wiktionary, माँ, मां, माता, पिता.
HINDI_PARENT_AFTER = ("की माँ", "की मां", "की माता", "के पिता", "के माता-पिता")
HINDI_NAMING_OWNERS = ("मरीज़", "मरीज", "बेटे", "बेटी", "बच्चे", "बच्ची", "माता", "पिता", "माँ", "डॉक्टर", "मेरा", "मेरी")
# Thai titles always followed by a name: Wikipedia, "Thai honorifics" (https://en.wikipedia.org/wiki/Thai_honorifics):
# ด.ช. (boy), ด.ญ. (girl), นพ. / พญ. (doctor), and นาย / นาง / นางสาว / คุณ typed as a word of their own.
THAI_TITLES = ("ด.ช.", "ด.ญ.", "นพ.", "พญ.", "ดช.", "ดญ.")
THAI_SPACED_TITLES = ("นางสาว", "นาย", "นาง", "คุณ")
THAI_NAMING = ("ชื่อ",)
# The same titles written joined to the name ("คุณวิภาวรรณ", "นายสมชาย"), and น้อง (the title for a child,
# Wikipedia, "Thai honorifics"). Words that start like a title are not names: Wiktionary, คุณภาพ (quality),
# คุณสมบัติ (qualification), คุณค่า (value), คุณประโยชน์ (benefit), นายแพทย์ (physician), นายจ้าง (employer),
# นางพยาบาล (nurse), น้องชาย / น้องสาว (younger brother / sister), and words that follow น้อง in a sentence
# (อายุ age, ผู้หญิง / ผู้ชาย girl / boy, คน person, ที่ who, เป็น is, ได้ got, มี has, ก็ also, จะ will, ๆ plural).
THAI_JOINED_TITLES = ("นางสาว", "นาย", "นาง", "คุณ")
THAI_JOINED_CHILD_TITLES = ("น้อง", "เด็กชาย", "เด็กหญิง")
THAI_WORDS_AFTER_A_TITLE = ("ภาพ", "สมบัติ", "ค่า", "ประโยชน์", "แพทย์", "จ้าง", "พยาบาล", "ชาย", "สาว", "อายุ",
                            "ผู้หญิง", "ผู้ชาย", "คน", "ที่", "เป็น", "ได้", "มี", "ก็", "จะ", "ๆ", "ของ", "และ", "หมอ",
                            "ท่าน", "ครับ", "ค่ะ", "คะ",
                            # Wiktionary, คุณแม่ (mother), คุณพ่อ (father), คุณครู (teacher), คุณป้า (aunt), คุณลุง (uncle).
                            "แม่", "พ่อ", "ครู", "ป้า", "ลุง",
                            # คุณ is also "you", before a verb: Wiktionary, สามารถ (can), ควร (should), ต้อง (must),
                            # อาจ (may), กำลัง (be -ing), เคย (ever), ยัง (still), ไม่ (not), รู้ (know), ทาน (eat).
                            "สามารถ", "ควร", "ต้อง", "อาจ", "กำลัง", "เคย", "ยัง", "ไม่", "รู้", "ทาน")

# Words of an address, per language, each needing a number beside it: Wikipedia, "Address" articles for China
# (路, 街, 号, 室...), Japan (丁目, 番地), South Korea (로, 길, 동, 호), and Wiktionary for شارع, مبنى, حي (Arabic),
# רחוב (Hebrew), मार्ग, नगर, गली (Hindi), ถนน, ซอย, หมู่ (Thai).
# Words of a birth date: Wiktionary, 出生, 生まれ, 生年月日, 생년월일, 출생, 년생, تاريخ الميلاد, مواليد, נולד,
# תאריך לידה, जन्म, เกิด.
BIRTH_WORDS = ("出生", "生まれ", "生年月日", "생년월일", "출생", "년생", "تاريخ الميلاد", "مواليد", "ولد في", "נולד", "נולדה", "תאריך לידה", "जन्म", "เกิด", "วันเกิด")
# Phone and messaging words: Wiktionary translations of "telephone", "mobile phone", "contact number".
PHONE_WORDS = ("电话", "電話", "手机", "手機", "携帯", "전화", "휴대폰", "핸드폰", "연락처", "هاتف", "جوال", "موبايل",
               "اتصل", "טלפון", "נייד", "फोन", "फ़ोन", "मोबाइल", "โทร", "เบอร์")
MESSAGING_WORDS = ("카카오톡", "카톡", "아이디", "微信", "微信号", "ライン", "ไลน์", "واتساب", "واتس")
# Words of a patient's record or identity number (not a batch's or a study's): Wiktionary, 환자 (patient) + 번호
# (number), 주민등록번호 (resident registration number), 病历号 / 住院号 / 门诊号 (case, admission, clinic number),
# 身份证号 (identity card number), 患者番号, رقم الملف / رقم المريض / رقم الهوية, מספר תיק, मरीज़ संख्या.
RECORD_WORDS = ("환자번호", "등록번호", "주민번호", "병록번호", "病历号", "住院号", "门诊号", "身份证号", "患者番号",
                "رقم الملف", "رقم المريض", "رقم الهوية", "מספר תיק", "मरीज़ संख्या", "मरीज संख्या",
                # Hospital number, written HN in Thai hospitals (Wikipedia, "Medical record" (Thai): เลขประจำตัวผู้ป่วย,
                # HN); a patient ID (患者ID, 환자ID); Wiktionary, رقم الملف الطبي (medical file number).
                "患者ID", "患者id", "病人ID", "환자ID", "환자 ID", "رقم الملف الطبي", "HN", "เลขประจำตัวผู้ป่วย", "रोगी आईडी",
                "मरीज़ आईडी", "מספר מטופל", "登録番号", "カルテ番号", "診察券番号")
# Surname characters that are also prepositions ("向医生咨询", toward the doctor; "于"), never read as a surname
# alone before a title: Wiktionary, 向 and 于.
CHINESE_SURNAMES_THAT_ARE_PREPOSITIONS = frozenset("向于")

# Words of a company after a person's name in its own name ("डॉ. रेड्डीज़ लैबोरेटरीज़", a company, not a doctor):
# Wiktionary translations of "laboratories", "pharmaceutical", "company", "limited".
COMPANY_WORDS = ("लैबोरेटरीज़", "लैबोरेटरीज", "लेबोरेटरीज़", "लेबोरेटरीज", "लिमिटेड", "फार्मा", "कंपनी",
                 "Laboratories", "Labs", "Pharma", "制药", "製薬", "제약", "شركة", "لابوراتوريز", "للأدوية", "מעבדות",
                 "ห้องปฏิบัติการ", "ฟาร์มา")
# Age words after a number ("6세", "٦ سنوات", "בן 6", "6 वर्ष", "6 ขวบ", "七歳", "八岁"): Wiktionary, 세/살, سنة/سنوات/
# أعوام, בן/בת, वर्ष/साल, ขวบ/ปี, 歳, 岁.
# Wiktionary, عُمْر: "age" as well as the name Omar.
ARABIC_NAMES_THAT_ARE_AGE_WORDS = frozenset(("عمر",))
AGE_UNITS = ("세", "살", "سنوات", "سنة", "سنين", "أعوام", "عام", "वर्ष", "साल", "ขวบ", "ปี", "歳", "才", "岁", "周岁")
