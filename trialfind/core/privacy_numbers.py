"""Record, patient, health-card, insurance and national identity numbers, for the privacy
screen: an id word followed by an id-shaped value, and long digit runs that are no safe shape; also
a payment card's last digits, security code and expiry."""
from __future__ import annotations

import re

from trialfind.core.privacy_contacts import YEAR_RANGE
from trialfind.core.privacy_text import Finding

_RECORD_WORDS = (
    r"(?:mrn|mr\s?#|mr\s?(?:no|number)|medical\s+record(?:\s+(?:no|number|#))?|record\s*(?:no|number|#)|"
    r"chart\s*(?:no|number|#|id)|patient\s*(?:id|no|number|#)|pt\.?\s*(?:id|#)|hosp(?:ital|\.)?\s*(?:id|no|number|#)|"
    r"urn|ur\s*(?:no|number)|medi-?cal(?:\s+(?:cin|id|no|number|#))?|kvnr|"
    r"nhs\s*(?:no|number|#)?|chi\s*(?:no|number)|social\s+security(?:\s+(?:no|number|#))?|ssn|sin|"
    r"insurance\s*(?:member\s*)?(?:id|no|number|#)|member\s*(?:id|no|number|#)|policy\s*(?:no|number|#)|"
    r"health\s*card\s*(?:no|number|#)?|medicaid\s*(?:id|no|number|#)?|medicare\s*(?:id|no|number|#)?|"
    r"unit\s*(?:no|number)|case\s*(?:no|number|#)|(?:kranken)?versicherten-?nummer|krankenversicherungsnummer|num[ée]ro\s+de\s+s[ée]curit[ée]\s+sociale|"
    r"aadhaa?r(?:\s*(?:no|number|#))?|pan\s*(?:no|number|#|card)|curp|bsn|personnummer|codice\s+fiscale|"
    r"tax\s*(?:id|no|number)|passport\s*(?:no|number|#)?|driver'?s\s+licen[cs]e(?:\s*(?:no|number|#))?)")
# A cue word ending in "#" may touch its value ("Chart #A-55102-7"): the no-letter-after check is for words.
# "MRN at Boston is", "patient id at St. Jude:" (a name's abbreviation keeps its dot)
_RECORD_WHERE = r"(?:\s+(?:at|in|for|with|from)\s+(?:the\s+)?[\w'’]+\.?(?:\s+[\w'’]+)?)?"
_RECORD = re.compile(rf"\b{_RECORD_WORDS}(?:(?<=#)|(?![a-z]))\.?{_RECORD_WHERE}"
                     rf"\s*(?:is|was|:|-|=|#)?\s*[A-Z]{{0,6}}[-\s]?(?:[A-Z]{{1,4}}-?)?\d[\dA-Z\s-]{{1,}}",
                     re.IGNORECASE)
# A product's, study's or form's number is not a person's: "model no. 420100", "protocol no. 20180123".
# A medicine's scheme or licence numbers are its own: the UK's Early Access to Medicines Scheme (EAMS) opinion numbers,
# marketing authorisations (PL, MA) and orphan designations (https://www.gov.uk/guidance/apply-for-the-early-access-
# to-medicines-scheme-eams).
_THING_NUMBER = re.compile(r"\b(?:model|lot|batch|catalog(?:ue)?|cat|serial|protocol|study|trial|version|form"
                           r"|ref|reference|order|part|item|device|ind|ide|eudract|isrctn|grant|award|approval|eams|"
                           r"marketing\s+authori[sz]ation|orphan\s+designation)"
                           r"\.?\s*$", re.IGNORECASE)
# A line's number: "main number", "fax number", "phone no.": the phone rules judge it, not the id rules.
_PHONE_NUMBER_WORD = re.compile(r"\b(?i:main|general|phone|telephone|tel|fax|switchboard|hotline|helpline|"
                                r"toll[\s-]?free|contact|mobile|cell)\s+(?i:number|no\.?|#)(?![\w])")
# Any "<id word> <value with 5 or more digits>": "Member ID XK-88213", "Patient no. RX4419273", "CIN 91234567A",
# "chart A0057312" (a chart, record or file is a person's: a product's number has its own words, below).
_ID_VALUE = re.compile(r"\b(?:id|no|nr|number|nummer|num[ée]ro|n[úu]mero|#|cin|urn|chart|record|file|folder|"
                       r"pt\.?\s*#)(?![a-z])\.?"
                       # where it is held, before "is" or a colon: "our file number at the hospital is 88-20194-K",
                       # "subject ID on the trial: 0042-117"
                       r"(?:\s+(?:at|with|for|from|on|in|assigned\s+to|given\s+to)\s+(?:the\s+|our\s+|my\s+|his\s+|her\s+)?[a-z'’]+\s*"
                       r"(?=is\b|was\b|:))?"
                       r"\s*(?:is|was|:|-|=|#)?\s*"
                       # groups may be joined by slashes: "reg. no. 2023/PHO/04471"; a check letter may end it ("-K")
                       # or dots between digits, as Argentina's DNI is written ("ID 32.456.789")
                       r"((?<![\w-])[A-Z]{0,4}-?(?:[A-Z]{1,4}-)?\d(?:[\dA-Z/-]|\.(?=\d))*\d(?:-?[A-Z]{1,3})?)(?![\w-])",
                       re.IGNORECASE)
# A person's number named by what it belongs to, in a noun phrase the lists above do not hold: "DEA # BF4417826",
# "NPI no. 1234567893", "medical alert bracelet # MA-558120", "badge number K-22817", "licence no. ON-88412".
# The head noun says the number is a person's, a prescriber's or a member's, never a product's or a study's.
_ID_HEADS = (r"dea|npi|upin|gmc|nmc|ahpra|ppsn|pps|medic\s?alert|bracelet|wristband|tag|dog\s+tag|"
             r"licen[cs]e|licen[cs]e\s+plate|permit|badge|employee|staff|student|pupil|school|library|membership|"
             r"member|subscriber|beneficiary|enrol(?:l)?ment|enrollee|registration|registrant|certificate|cert|"
             r"account|acct|card|donor|recipient|transplant|unos|kidney\s+list|voter|citizen|resident|"
             r"residence|visa|immigration|green\s+card|alien|benefit|benefits|claim|claimant|pension|"
             r"prescriber|provider|practitioner|physician|doctor|pharmacist|nurse|registry|register|"
             r"customer|client|loyalty|locker|ticket")
# Acronyms of the bodies that register and license doctors, whose register number names one practitioner:
# "CPSO #84421", "GMC 7012345", "AHPRA: MED0001234567". Sources: the medical regulators listed by the
# International Association of Medical Regulatory Authorities, https://www.iamra.com/Members, and Wikipedia
# "Medical license", https://en.wikipedia.org/wiki/Medical_license: UK General Medical Council (GMC), Nursing and
# Midwifery Council (NMC), Health and Care Professions Council (HCPC), General Pharmaceutical Council (GPhC);
# Canada's provincial Colleges of Physicians and Surgeons (CPSO Ontario, CPSA Alberta, CPSBC British Columbia,
# CPSM Manitoba, CPSS Saskatchewan, CPSNS Nova Scotia, CPSNB New Brunswick, CPSNL Newfoundland and Labrador) and
# Collège des médecins du Québec (CMQ); US National Provider Identifier (NPI, CMS) and DEA registration; Medical
# Board of Australia's AHPRA; Medical Council of New Zealand (MCNZ); Health Professions Council of South Africa
# (HPCSA); Malaysian Medical Council (MMC); Brazil's Conselho Regional de Medicina (CRM, with its state: CRM-SP);
# France's RPPS and ADELI numbers; Germany's lifelong doctor number (LANR). Left out as clinical or study words
# too: BIG (also the Breast International Group's trials), SMC (also the Scottish Medicines Consortium's advice).
_REGULATORS = (r"GMC|NMC|HCPC|GPhC|CPSO|CPSA|CPSBC|CPSM|CPSS|CPSNS|CPSNB|CPSNL|CMQ|NPI|DEA|AHPRA|MCNZ|HPCSA|MMC|"
               r"CRM(?:-[A-Z]{2})?|RPPS|ADELI|LANR")
# The register number after its body's acronym, with or without "#", "no." or "reg." between.
_REGISTER_NUMBER = re.compile(
    rf"(?<![\w-])(?:{_REGULATORS})\s*(?:#|(?i:no|nr|reg|registration|licen[cs]e)\.?|:)?\s*[:#]?\s*"
    r"(?P<value>[A-Z]{0,4}\d[\d -]{3,14}\d)(?![\w-])")
_ID_PHRASE = re.compile(
    rf"\b(?i:{_ID_HEADS})(?:\s+(?i:id|identification|identifier|card|bracelet|tag|band))?\s*"
    rf"(?:#|(?i:no|nr|num)\.?|(?i:number|nummer|numéro|número))\s*(?:[:=]|(?i:is|was))?\s*"
    rf"(?P<value>[A-Z0-9]{{1,6}}(?:[-/. ]?[A-Z0-9]{{1,10}}){{0,4}})(?![\w-])")


# Words that name a person's identity, health-insurance or record number in the languages of the
# families served, by the number's own name (DNI, CPF, PESEL, OHIP) or by what it is (a passport, a green
# card or residence permit, a health card, "numéro de sécurité sociale", "historia clínica", "患者番号"; Czech "rodné číslo", Turkish
# "T.C. kimlik no", Romanian CNP, Indonesian NIK/KTP/KK, Vietnamese CCCD). One list, not one
# pattern per country: what follows them decides (an id-shaped value, below).
# A driving licence's number names its holder as a passport's does; its name in the same languages, from
# Wiktionary's translations of "driving licence" (https://en.wiktionary.org/wiki/driving_licence#Translations) and
# "driver's license" (https://en.wiktionary.org/wiki/driver%27s_license#Translations).
_ID_CUES = r"""
dni nie nif nuss naf cip tsi sip nhc nuhsa cpf cnpj rg cns sus prontuário prontuario ohip ramq phn msp ahcip
medicare medicaid mrn nhs nhi chi hcn ihi ssn sin itin tin ein aadhaar aadhar abha uhid pan pesel nip regon bsn
burgerservicenummer personnummer personnr fødselsnummer fodselsnummer cpr hetu henkilötunnus kennitala
codice\s+fiscale cf tessera\s+sanitaria nir insee sécu secu carte\s+vitale amka egn tckn curp rfc nss rut run
cédula cedula dpi ine nric hkid mykad iqama emirates\s+id svnr ahv avs sozialversicherungsnummer kvnr
versichertennummer krankenversichertennummer steuer-?id idnr ipp pid
versichertennr versicherten-nr vers\.-?\s?nr vers\.\s?-?nr kv-nr kv-nummer krankenkassennr kassennr sv-nr
sv-nummer svnr\. ahv-nr ahv-nummer avs-nr sozialvers\.-?nr versicherungsnr versicherungs-nr mitgliedsnr
nir nss nuss sip cip cip-?sns tessera tessera\s+sanitaria tess\.\s?san\. nass numéro\s+nir n°\s?ss
rodné\s+číslo rodne\s+cislo rodného\s+čísla rč r\.č emšo emso jmbg oib cnp cui kimlik\s+no kimlik
t\.\s?c\.\s+kimlik\s+no t\.\s?c\.\s+kimlik tc\s+kimlik nik ktp kk nkk cmnd cccd philhealth umid nin nida huduma
passport passeport pasaporte passaporto passaporte reisepass paszport paspoort pass
green\s+card alien\s+(?:registration\s+)?(?:number|no|#) alien\s+reg a-number a-no a-nr uscis
permanent\s+resident\s+card pr\s+card residence\s+permit work\s+permit brp ead ead\s+card i-94 i94 visa\s+(?:no|number|#)
titre\s+de\s+séjour titre\s+de\s+sejour aufenthaltstitel aufenthaltserlaubnis permesso\s+di\s+soggiorno
tarjeta\s+de\s+residencia refugee\s+id asylum\s+(?:case|seeker)\s+(?:no|number|id)
health\s+card care\s+card insurance\s+card health\s+insurance carte\s+d'identité id\s+card identity\s+card
personalausweis ausweis dowód dowod identity\s+number id\s+number national\s+id national\s+insurance ni
driver'?s?\s+licen[cs]e drivers['’]\s+licen[cs]e driving\s+licen[cs]e driver'?s?\s+permit licencia\s+de\s+conducir
licencia\s+de\s+manejo licencia\s+de\s+conducción permiso\s+de\s+conducir carnet\s+de\s+conducir permis\s+de\s+conduire
führerschein fuehrerschein fahrerlaubnis patente\s+di\s+guida carteira\s+de\s+motorista carteira\s+de\s+habilitação
carta\s+de\s+condução rijbewijs prawo\s+jazdy řidičský\s+průkaz vodičský\s+preukaz körkort förarbevis førerkort
kørekort ajokortti ehliyet sürücü\s+belgesi giấy\s+phép\s+lái\s+xe bằng\s+lái surat\s+izin\s+mengemudi
lisensya\s+sa\s+pagmamaneho
historia\s+clínica historia\s+clinica cartella\s+clinica dossier expediente fascicolo
accession specimen pathology
patient patient's paciente patiente patiente paziente pacjent patiënt patientin
マイナンバー 保険証 患者番号 診察券 住民票 身份证 病历号 주민등록번호
"""
_PATIENT_CUE = re.compile(r"(?i:patient|patient's|paciente|patiente|paziente|pacjent|patiënt|patientin)\b")
_ID_CUE = "(?:" + "|".join(sorted(_ID_CUES.split(), key=len, reverse=True)) + ")"
# An id-shaped value: letters and digits in groups joined by spaces, dots, dashes or slashes, with
# at least four digits ("48291736K", "123.456.789-09", "1234-567-890-AB", "1 14 07 75 115 048 32").
# "AZ-PT-0931-KM": up to two groups of letters before the digits
_ID_SHAPED = r"(?:[A-Z]{1,4}[\s.-]?){0,2}\d[\dA-Z]*(?:[\s./-]\d[\dA-Z]*)*(?:[\s-][A-Z]{1,2}\b)?"
_CUED_ID = re.compile(
    rf"(?<![\w-]){_ID_CUE}(?![\w-])\.?(?:\s+(?:card|kort|karte|carte|tarjeta|cartão))?"
    # Words naming whose number it is, before a colon ("PESEL dziecka:", "CPF do pai:", "accession number for her
    # biopsy:").
    rf"(?:(?:\s+[^\W\d_]{{1,12}}(?:['’][^\W\d_]{{1,12}})?){{1,4}}(?=\s*:))?"
    rf"\s*(?:(?:no|nr|n[º°o]|num|number|nummer|número|numero|numéro|#|id|code|identifier|ident)\b\.?\s*)?"
    rf"(?:(?:is|was|es|est|ist|é|è|:|-|=|#)\s*)?({_ID_SHAPED})", re.IGNORECASE)
# A long number in groups ("123.456.789-09", "4821 9034 6617"): at least 9 digits in 3 or more groups.
_GROUPED_NUMBER = re.compile(r"(?<![\w.,/-])\d{1,6}(?:[ .-]\d{1,6}){2,7}(?:[ -][A-Z]{1,2})?(?![\w,/]|\.\d)")
# A payment card's details: its last digits after a card word ("card ending 4417", "visa ending in 0392", "debit card
# last four 7781"), its security code ("cvv 382", "CVC: 0917", "security code 774") and an expiry beside a card
# word ("card exp 09/27"). A drug lot's expiry alone ("lot 4471 exp 09/27") is no one's.
_CARD_WORD = r"(?:(?:credit|debit|bank|payment)\s+card|card|visa|master\s?card|amex|maestro|debit|credit)"
_PAYMENT_CARD = re.compile(
    rf"\b(?i:{_CARD_WORD})\s*(?:(?i:no\.?|number|#)\s*)?(?i:ending|ends|ending\s+(?:in|with)|ends\s+(?:in|with)|"
    rf"last\s+(?:4|four)(?:\s+digits)?(?:\s+(?:are|is))?|x{{4}}|\*{{4}})\s*[:#-]?\s*(?P<digits>\d{{4}})(?![\w/.-])|"
    rf"\b(?i:cvv2?|cvc2?|csc|cvn|security\s+code|card\s+verification(?:\s+(?:code|value|number))?)\s*"
    rf"(?:(?i:is|was)\s+|[:#=-]\s*)?\d{{3,4}}(?![\w/.-])|"
    rf"\b(?i:{_CARD_WORD})\b[^.;\n]{{0,30}}?\b(?i:exp(?:iry|ires|iration)?|valid\s+(?:thru|through|until))\.?"
    rf"(?:\s+(?i:date))?\s*[:-]?\s*(?:0[1-9]|1[0-2])\s*/\s*(?:20)?\d{{2}}(?![\d/])")
# Italian codice fiscale: 6 letters, 2 digits, a letter, 2 digits, a letter, 3 digits, a letter.
_CODICE_FISCALE = re.compile(r"\b[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]\b")
# A parcel's tracking number leads to the address it goes to: a UPS number ("1Z" and 16 letters or digits), or a
# long code after a carrier's or a tracking word ("FedEx 7712 3456 9981", "tracking no. LX123456789DE").
_TRACKING = re.compile(
    r"\b1Z\s?[0-9A-Z]{3}\s?[0-9A-Z]{3}\s?[0-9A-Z]{2}\s?[0-9A-Z]{4}\s?[0-9A-Z]{4}\b|"
    r"\b(?i:fed\s?ex|usps|ups|dhl|royal\s+mail|parcelforce|evri|hermes|dpd|gls|canada\s+post|australia\s+post|"
    r"tnt|aramex|tracking|track(?:ing)?\s+(?:no\.?|number|#|code|id)|waybill|consignment(?:\s+(?:no\.?|number))?|"
    r"parcel\s+(?:no\.?|number)|sendungsnummer|suivi|n[º°o]\s+de\s+suivi)\s*(?:(?i:tracking|no\.?|number|#|id)\s*)?"
    r"[:#]?\s*(?=[A-Z0-9 ]*\d)([A-Z]{0,2}\d[\dA-Z]{9,30}|\d{4}(?:\s\d{4}){2,5})\b")
_SSN = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
# A vehicle identification number finds its owner through a registration: 17 letters and digits without I, O or Q
# (ISO 3779). After a "VIN" word any such code is one; without it only a code whose 9th character is the North
# American check digit (49 CFR 565.15, https://www.ecfr.gov/current/title-49/part-565) is, so a drug's 17-character
# lot or a random code passes ten times in eleven, and a code with no digit or no letter never counts.
_VIN_CHARS = r"[A-HJ-NPR-Z0-9]{17}"
_VIN = re.compile(rf"(?<![\w-])(?P<cue>(?i:vin|vehicle\s+identification\s+(?:no\.?|number)|chassis\s+(?:no\.?|number))"
                  rf"\s*(?:(?i:no\.?|number|is|was|#)\s*)?[:#=]?\s*)?(?P<vin>{_VIN_CHARS})(?![\w-])")
_VIN_VALUES = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9)))
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_check_digit_holds(vin: str) -> bool:
    """The 9th character of a 17-character VIN is its North American check digit (49 CFR 565.15)."""
    total = sum((int(c) if c.isdigit() else _VIN_VALUES[c]) * weight for c, weight in zip(vin, _VIN_WEIGHTS))
    return vin[8] == ("X" if total % 11 == 10 else str(total % 11))


# A trial's EU number is a study's, not a person's: 2018-001234-56.
EU_TRIAL_NUMBER = re.compile(r"(?<![\w-])(?:19|20)\d{2}-\d{6}-\d{2}(?:-\d{2})?(?![\w-])")
_EUDRACT = EU_TRIAL_NUMBER
_LONG_NUMBER = re.compile(r"(?<![\w.,/-])\d{6,}[A-Z]?"
                          r"(?![\w.,/]|\s*(?:%|mg|mcg|µg|ug|ml|mL|g\b|kg|iu|units?|cells|copies|/))", re.IGNORECASE)


# A code built from a surname, an initial and a birth year ("ANDERSON_K_2015", "K-ANDERSON-2015") is derived from
# the person, which HIPAA forbids a re-identification code (45 CFR 164.514(c)(1),
# https://www.ecfr.gov/current/title-45/section-164.514): joined by "_" or "-" with no space, a run of 3+ letters,
# a lone initial and a year, in either order of name and initial.
_NAME_DERIVED_CODE = re.compile(
    r"(?<![\w-])(?:[A-Za-z]{3,}[_-][A-Za-z]|[A-Za-z][_-][A-Za-z]{3,})[_-](?:19|20)\d{2}(?![\w-])")


def find_record_numbers(text: str, found: list[Finding]) -> None:
    for match in _RECORD.finditer(text):
        found.append(Finding("record_number", *match.span(), "a record, patient, health or insurance number"))
    for match in _NAME_DERIVED_CODE.finditer(text):
        found.append(Finding("record_number", *match.span(), "a code made from a name, an initial and a birth year"))
    for match in _ID_VALUE.finditer(text):
        if _PHONE_NUMBER_WORD.search(text, max(0, match.start() - 20), match.start() + 6):
            continue                                   # "St. Jude main number 901-595-3300": a line, the phone rules'
        # Said to be a child's ("ID assigned to my son: EAP-LX-0093-ARJ"), three digits are enough, whatever the id.
        owned = re.search(r"\b(?:my|our|his|her)\s+[a-z]+\s*(?:is|was|:)", match.group(0), re.IGNORECASE)
        if (sum(c.isdigit() for c in match.group(1)) >= (3 if owned else 5)
                # A trial's EudraCT or EU CT number ("EU CT number 2023-507112-29-00") is a study's.
                and not _EUDRACT.fullmatch(match.group(1))
                # a study's own number is no one's, unless it is said to be the child's ("study ID given to my son:")
                and (owned or not _THING_NUMBER.search(text, max(0, match.start() - 20), match.start()))):
            found.append(Finding("record_number", *match.span(), "an identity, record or insurance number"))
    for match in _CUED_ID.finditer(text):
        value = match.group(1).strip()
        # "ref. patient # CHLA-PT-004821": a patient's number quoted as the reference is still the patient's.
        patients = _PATIENT_CUE.match(match.group())
        if (sum(c.isdigit() for c in value) >= 4 and not re.fullmatch(r"(?:[A-Za-z]{1,4}\s)?(?:19|20)\d\d", value)
                and (patients or not _THING_NUMBER.search(text, max(0, match.start() - 20), match.start()))):
            found.append(Finding("record_number", *match.span(), "an identity, health-card or record number"))
    for match in _ID_PHRASE.finditer(text):
        value = match.group("value").strip()
        compact = re.sub(r"[-/. ]", "", value)
        digits = sum(c.isdigit() for c in compact)
        # Id-shaped: five or more characters, letters with digits or digits alone, never a year.
        if (len(compact) >= 5 and digits >= 3 and (digits >= 5 or re.search(r"[A-Za-z]", compact))
                and not re.fullmatch(r"(?:19|20)\d\d", compact)
                and not _THING_NUMBER.search(text, max(0, match.start() - 20), match.start())):
            found.append(Finding("record_number", *match.span(), "an identity, licence, membership or other "
                                                                 "personal number"))
    for match in _REGISTER_NUMBER.finditer(text):
        # "NMC 2018-2019": a regulator's year or years, not a number of its register.
        if not YEAR_RANGE.fullmatch(match.group("value").strip()):
            found.append(Finding("record_number", *match.span(), "a doctor's or nurse's licence or register number"))
    for match in _PAYMENT_CARD.finditer(text):
        # "visa ending 2026": a travel visa's year, not a card's digits.
        if not (match.group("digits") and re.fullmatch(r"(?:19|20)\d\d", match.group("digits"))
                and re.match(r"(?i)visa\b", match.group(0))):
            found.append(Finding("other", *match.span(), "a payment card's details (last digits, security code "
                                                         "or expiry)"))
    for match in _TRACKING.finditer(text):
        found.append(Finding("record_number", *match.span(), "a parcel's tracking number"))
    for match in _SSN.finditer(text):
        found.append(Finding("record_number", *match.span(), "a social security number"))
    for match in _CODICE_FISCALE.finditer(text):
        found.append(Finding("record_number", *match.span(), "a tax or identity code"))
    for match in _VIN.finditer(text):
        vin = match.group("vin")
        if (re.search(r"\d", vin) and re.search(r"[A-Z]", vin)
                and (match.group("cue") or vin_check_digit_holds(vin))):
            found.append(Finding("record_number", *match.span(), "a vehicle identification number (VIN)"))



def find_long_numbers(text: str, found: list[Finding]) -> None:
    """Runs on text where dates, phones, codes, doses and NCT ids are already masked."""
    for match in _LONG_NUMBER.finditer(text):
        if not YEAR_RANGE.match(match.group(0)):
            found.append(Finding("record_number", *match.span(), "a long number (a record or ID number?)"))
    for match in _GROUPED_NUMBER.finditer(text):
        groups = re.findall(r"\d+", match.group(0))
        if (sum(len(g) for g in groups) >= 9 and not YEAR_RANGE.match(match.group(0))
                and not all(len(g) == 4 and g[:2] in ("19", "20") for g in groups)
                # "100 200 300": a list of counts; an id in spaced groups has a long or zero-led group
                and (re.search(r"[.-]", match.group(0)) or any(len(g) >= 4 or g[0] == "0" for g in groups))
                and not _EUDRACT.fullmatch(match.group(0))):
            found.append(Finding("record_number", *match.span(), "a long number in groups (a record or ID number?)"))
