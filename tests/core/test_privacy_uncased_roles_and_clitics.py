"""The word-by-word reader for Arabic, Hebrew and Hindi (privacy_uncased_vocabulary): role words that hold a text
back only when a name could stand beside them, names under a joined clitic, and the detail words and committees
added after blind batches 119-124. Strings are synthetic near-twins written for these tests."""
from __future__ import annotations

import pytest

from tests.core.uncased_cues import find_passing_ordinary_words
from trialfind.core.privacy import find_personal_data
from trialfind.core.privacy_uncased_vocabulary import is_ordinary_word


@pytest.mark.parametrize("clean, personal", [
    # the doctor said / the doctor Hayim said ("חיים", life, is a name the lists leave out as a common word)
    ("הרופא אמר שהתגובה טובה", "הרופא חיים אמר שהתגובה טובה"),
    # the treating doctor sent the request / the treating doctor Dr. Dhaher ... (a rare word beside the role)
    ("الطبيب المعالج أرسل الطلب إلى الشركة", "الطبيب المعالج ظاهر أرسل الطلب إلى الشركة"),
    # the doctor emailed the company / doctor Chauhan emailed
    ("डॉक्टर ने कंपनी को ईमेल किया", "डॉक्टर चौहान ने कंपनी को ईमेल किया"),
    # the company's representative said they would answer within a week / ... Emily Chen said ...
    ("تحدثت مع ممثلة الشركة وقالت بيردوا خلال أسبوع", "تحدثت مع ممثلة الشركة إيميلي تشين وقالت بيردوا خلال أسبوع"),
    # the company's representative did not come back to us / ..., Hagit, did not ...
    ("נציגת החברה לא חזרה אלינו", "נציגת החברה, חגית, לא חזרה אלינו"),
    # the ward boy helped fill the form / Gangaram the ward boy helped
    ("वार्ड बॉय ने फ़ॉर्म भरने में मदद की", "गंगाराम वार्ड बॉय ने फ़ॉर्म भरने में मदद की"),
])
def test_a_role_word_holds_a_text_back_only_when_a_name_could_stand_beside_it(clean, personal):
    assert find_passing_ordinary_words(clean) == []
    assert find_passing_ordinary_words(personal)


@pytest.mark.parametrize("clean, personal", [
    ("الطفلة عمرها ٩ سنين وبدأت الدواء", "نور عمرها ٩ سنين وبدأت الدواء"),    # the girl / Nour is 9
    ("הילד בן 5 וקיבל את המנה הראשונה", "מתן בן 5 וקיבל את המנה הראשונה"),   # the boy / Matan is 5
    ("बच्चे की उम्र 3 साल है", "लक्ष्य (उम्र 3) को दवा शुरू हुई"),             # the child's age / Lakshya (age 3)
])
def test_a_childs_age_holds_back_the_word_before_it_unless_that_word_is_common(clean, personal):
    assert find_passing_ordinary_words(clean) == []
    assert find_passing_ordinary_words(personal)


@pytest.mark.parametrize("text", [
    "גבי הוא אבא שלי והוא מטפל בכל מול החברה",          # "my father": a possessive kin word
    "मैं कृष की मम्मी हूँ, DM कर सकते हैं",               # "Krish's mum"
    "סבתא תקווה מתקשרת כל יום לחברה",                   # grandmother: kin words stay a gate
    "סבא של הילד הוא ראש עיריית נתיבות הנוכחי",           # a relative's public office
    "बच्चे के नाना हमारे ज़िले के मौजूदा विधायक हैं",
    "מספר רישיון רופא 1-23456",                          # a doctor's licence number
    "מספר מבוטח בקופה 9-88123-44",                       # a health fund member number
    "मरीज़: ए.के. (पुरुष, 9 वर्ष), गोरखपुर",               # initials whose letters carry vowel signs
])
def test_kin_office_licence_and_initials_still_hold_a_text_back(text):
    assert find_passing_ordinary_words(text)


def test_a_word_commoner_as_written_than_the_name_under_its_clitic_is_ordinary():
    assert is_ordinary_word("لجنة", "ar")          # committee, not "for Jannah"
    assert is_ordinary_word("وجود", "ar")          # existence, not "and Jood"
    assert not is_ordinary_word("ומשה", "he")      # "and Moshe": the name is the commoner reading
    assert not is_ordinary_word("ومحمد", "ar")     # "and Muhammad"
    assert not is_ordinary_word("ליוסי", "he")     # "to Yossi"


@pytest.mark.parametrize("text", [
    "ועדת הלסינקי של בית החולים אישרה תוך שבועיים",     # the hospital's Helsinki committee approved
    "एथिक्स कमेटी की मंज़ूरी में 10 दिन लगे",
    "وزارة الصحة طلبت موافقة لجنة الأخلاقيات بالمستشفى",
])
def test_ethics_committees_are_no_ones_names(text):
    assert find_passing_ordinary_words(text) == []


@pytest.mark.parametrize("text", [
    "headstart.co.il/project/ella-shapira",              # an Israeli fundraising site's project page
    "headstart.co.il/project/savingyonatan",
    "קישור לקבוצה שלנו: facebook.com/groups/friends.of.ariel",   # an affix written apart from the name
])
def test_fundraiser_pages_and_groups_named_after_a_child_are_refused(text):
    assert find_personal_data(text)


@pytest.mark.parametrize("text", [
    "facebook.com/groups/neuroblastoma.parents.uk",
    "facebook.com/groups/dipg.warriors.uk",
])
def test_support_groups_named_by_their_disease_pass(text):
    assert find_personal_data(text) == []


@pytest.mark.parametrize("text", [
    "בית החולים הדסה עין כרם",                 # a hospital's name of several words, past the three-word window
    "טיפולים בהדסה עין כרם",                   # with a joined preposition
    "सीएमसी वेल्लोर में इलाज चल रहा है",
    "مستشفى سانت جود في ممفيس",
])
def test_hospitals_named_in_full_are_no_ones_names(text):
    assert find_passing_ordinary_words(text) == []


def test_a_hospitals_name_that_is_a_given_name_alone_is_still_a_name():
    assert find_passing_ordinary_words("הדסה קיבלה את התרופה")       # Hadassah received the drug


@pytest.mark.parametrize("personal, clean", [
    ("שלחו לי ל-054-9988776 בווטסאפ", "שלחנו מייל ל-medinfo@bayer.com"),   # a phone / a company's mailbox
    ("ל-john.smith@roche.com", "כתבנו ל-expandedaccess@dayonebio.com"),
])
def test_a_hebrew_preposition_joined_by_a_hyphen_does_not_hide_a_number_or_an_address(personal, clean):
    assert {"phone", "email"} & {finding.kind for finding in find_personal_data(personal)}
    assert find_personal_data(clean) == []


@pytest.mark.parametrize("clean, personal", [
    ("we wrote to medinfo.india@novartis.com", "we wrote to priya.india@novartis.com"),
    ("medinfo.il@pharma-example.com", "dana.il@pharma-example.com"),
    ("eap-mena@pharma-example.com", "omar-mena@pharma-example.com"),
])
def test_a_company_mailbox_may_name_the_region_it_serves(clean, personal):
    assert find_personal_data(clean) == []
    assert find_personal_data(personal)


@pytest.mark.parametrize("text", ["2019-0123456", "batch A-0549988776", "ref 12-0549988776"])
def test_a_hyphen_inside_a_latin_token_still_keeps_a_number_from_being_a_phone(text):
    assert find_personal_data(text) == []
