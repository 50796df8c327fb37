"""Word lists behind the privacy screen (trialfind.core.privacy), kept apart so the rules stay readable:
given names, the family, care and role words around them, and the words of role email addresses.
Phrases naming companies, hospitals, eponyms and places are in privacy_phrases.

The given names are common first names across the languages of the families trialfind
serves (English, Spanish, French, German, Italian, Polish, Portuguese, Dutch, Nordic,
Arabic, South Asian, East Asian, African). Names that are also ordinary words or places
("May", "Grace", "Paris") are listed in WORD_LIKE_NAMES: they count as names only where
the context says so ("my daughter May").
"""
from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GIVEN_NAMES = _words("""
aaron aaliyah abigail abdul abdullah adam adrian adriana agnieszka ahmad ahmed aidan aiden aisha aleksander
alejandro alessandro alessia alex alexander alexandra alexis ali alice alicia alina alisha allison alma alyssa
amanda amara amelia amina amir amy ana anastasia andré andrea andreas andrew andrés andrzej angela angelo anika
anita anja ann anna annabelle anne annika anthony antoine antonio anya aria ariana arjun arnav aroha arthur aarav
aryan ashley astrid aubrey audrey austin ava avery axel ayaan ayesha aylin bartosz beatriz beatrice ben benjamin
bernard beth bethany bianca björn bogdan brandon brayden brian brianna brittany brooke bruno caleb camila
camille cameron carlos carla carmen carolina caroline carter catalina catherine cecilia charles charlie
charlotte chen chiara chidi chinonso chloe chloé chris christian christina christopher claire clara claudia
cody colin colton connor cooper cristina cyrus daniel daniela danielle daria david davide deepak diana diego
dimitri dmitri dominik dominic dylan easton edward eleanor elena eli elias elif elijah elisa elizabeth ella
ellie elsa emil emilia emilie emily emma emre enzo eric erik ethan eva evan evelyn ezra fabian fatima fatma
federico felipe felix fernando filip finn fiona florian francesca francesco françois freya gabriel gabriela
gabriella gavin george gianluca giorgia giovanni giulia gonzalo grayson greta guillaume gustavo hailey hamza
hana hannah hans harper harry harvey hassan hayden hector heidi helena henrik henry hiroshi hudson hugo hunter
ian ibrahim ignacio igor ilse imani inès inés ines ingrid irene isaac isabel isabella isabelle isaiah
ishaan isla ivan iván jack jackson jacob jakob jakub james jamie jan jana jane janek jasmine jason javier
jayden jennifer jenny jeremiah jessica jiho jimmy joanna joaquín joe joel johan johann john johnny jonas
jonathan jordan jorge josé josef joseph josh joshua josiah juan judith julia julian julien julián justin
kai kamil karim karl karolina kasia katarzyna kate katie kayla kaylee kenji kennedy kevin khalid kimberly
kiran klara krzysztof kylie lars laura lauren layla leah lena leo leon leonardo leonie levi liam lina lisa
lorenzo louis louise lucas lucia lucía lucy luis luisa luka lukas łukasz luke lydia maciej madeline madison
magdalena maja małgorzata manuel marcel marco marcus margaret maria maría mariam marie marina mario marta
martin martina mary maryam mateo matías matteo matthew matthias max maxime maya megan mehmet mia michael michał
michelle miguel mika mila milan miriam mohamed mohammed molly muhammad nadia naomi natalia natalie nathan
nicholas nicola nicolas niklas nikola nina noah noel noël noemi nolan nora nour nuria olga oliver olivia
omar oscar óscar owen pablo paisley paola patrick paul paula paulina pavel pedro penelope peter petra peyton
pierre pietro piotr priya rachel rafael rahul ramón raphael rebecca renée ricardo riley rita robert roberto
rohan rosa ruby ryan saanvi sabrina sadie sahil salma sam samantha samir samuel sandra santiago sara sarah
sasha savannah scarlett sebastian sebastián sergio siobhán simon simone sofia sofía sophia sophie søren stefan
stella stephanie sven tamar tanvi taylor teresa thomas tim timmy timothy tobias tomás tomasz tom tommy
valentina valentino vanessa victor victoria viktor vincent violet wei william wojciech wyatt xavier xin
yara yasmin yusuf zachary zainab zara zeynep zoe zoë zoé zofia zuzanna
teddy izzy ollie alfie archie freddie charlie evie millie poppy rosie maisie tilly hattie frankie bobby
billy danny jimmy joey johnny kenny lenny mikey nicky robbie ricky tommy willie benji toby theo
jojo lulu coco bella gigi mimi nico rafa pepe paco nacho lola manu chiara kiki
soren bjorn jurgen lukasz francois andre ramon tomas jose zoey chloe renee lucia
""")

# Given names that are also ordinary words, places or company names: names only in context.
WORD_LIKE_NAMES = _words("""
may will mark hope grace faith joy rose lily ivy summer autumn dawn bill pat sue max jack april june august
sage river sky hunter taylor cooper carter mason parker page chase grant drew jordan paris florence victoria
georgia austin lincoln sydney india chelsea virginia carolina madison dallas houston phoenix aurora brooklyn
charlotte savannah tyler eugene hamilton angel king prince major rich young eli lilly nola dakota carmen
mercedes christian miles stone frank earl guy art sandy crystal amber ruby jade pearl heather olive basil
noel ali sam tim lina ana jan mia kai van sasha paul martin victor
mercy patience prudence charity honor honour verity serenity trinity liberty harmony destiny precious blessing
""")

RELATION_WORDS = tuple("""
son daughter child kid boy girl baby infant toddler teen teenager brother sister sibling grandson granddaughter
grandchild nephew niece cousin twins twin patient mother mom mum mommy mummy mama father dad daddy papa husband
wife partner aunt auntie uncle grandma grandmother grandpa grandfather nana granny stepson stepdaughter godson
goddaughter friend parents parent fils fille hijo hija sohn tochter figlio figlia
oncologist physician doctor consultant surgeon neurosurgeon radiologist neurologist hematologist haematologist
coordinator pharmacist worker practitioner fellow registrar resident nurse manager navigator advocate
""".split())

# Words that follow a family word, title or "named" without being a name ("my son has relapsed").
NOT_NAMES = _words("""
nobody somebody anybody everybody noone someone anyone everyone
a an the and or but is was has had have who whom whose with without in on at to of for from by as if so
relapsed received started got needed needs need did does do will would could should can may might tried went
came showed shows responded progressed died passed remains remained still also now then just only age aged
who's which that this these those when while after before because is's are were been being not no yes
here there today yesterday tomorrow again already always never often ever very much more most less
first second third last next one two three four five six seven eight nine ten
i me my we us our you your he him his she her they them their it its
please thanks thank dear hi hello regards best kind sincerely yours
life office visit appointment note notes letter report summary consult clinic ward unit hospital
oncology oncologist physician doctor nurse team practitioner specialist coordinator
""")

# Words that make up a role, department, route or company rather than a person. The second list holds the same
# posts in Spanish, French, Italian, Portuguese, German, Dutch and Polish, from Wiktionary's translations of
# "oncologist", "physician", "nurse" and "paediatrician" (https://en.wiktionary.org/wiki/oncologist#Translations and
# the same pages for the others): a capitalised one starts a sentence as a post, not a name ("Oncóloga tratante
# apoyó la solicitud").
ROLE_WORDS = _words("""
medical information info line team desk office department dept affairs expanded access compassionate use
program programme programs managed named patient patients request requests portal website web site form online
clinical trial trials operations services service support center centre hotline helpline phone email e-mail
mail global us usa u.s. eu uk international oncology pharma pharmaceutical pharmaceuticals therapeutics inc
llc ltd corp corporation company co group biosciences bioscience bio biotech biopharma regulatory safety
pharmacovigilance early pre preapproval pre-approval approval the of and for via at through general inbox
mailbox medinfo eap ea msl liaison science sciences scientific head director manager coordinator specialist
physician physicians relations contact enquiries inquiries inquiry response unit development research north
america american americas europe european main number toll free submission submissions hub partner partners
network foundation health hospital institute university chief officer cmo vice president vp lead medicine
medicines drug drugs investigational product products access-program sponsor sponsor's company's central
intake coordinator's nurse-line call centre's communications communication review committee board
advocacy assistance navigator navigation practitioner life specialist social worker pharmacist pharmacy
oncologist oncologists nurse nurses doctor doctors fellow resident attending consultant registrar
tumor tumour board clinic ward children's kids' cancer sarcoma leukemia lymphoma society alliance fund
appointment office visit doc docs
""") | _words("""
oncólogo oncóloga oncologo oncologa médico médica medico medica doctora enfermera enfermero pediatra oncologue
médecin medecin infirmière infirmiere infirmier pédiatre pediatre infermiera infermiere oncologista enfermeira
onkologe onkologin ärztin arzt kinderarzt kinderärztin oberarzt oberärztin krankenschwester oncoloog
verpleegkundige kinderarts onkolog lekarz lekarka pielęgniarka
""")

ROLE_EMAIL_STEMS = ("access", "compassion", "medinfo", "medicalinfo", "medical", "clinical", "trial", "eap",
                    "request", "info", "affairs", "program", "support", "inquir", "enquir", "contact",
                    "safety", "intake", "patient", "managed", "named", "preapproval", "msl", "hub")
FREE_MAIL_DOMAINS = ("gmail.", "googlemail.", "yahoo.", "hotmail.", "outlook.", "live.", "aol.", "icloud.",
                     "me.com", "mac.com", "proton", "gmx.", "mail.com", "yandex.", "comcast.", "verizon.",
                     "att.net", "web.de", "163.com", "qq.com", "orange.fr", "free.fr", "libero.it", "btinternet.")

US_STATES = tuple("""
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK
OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR
""".split())

# The particles of surnames ("van der Berg", "de la Cruz", "bin Yusof"). Source: Wikipedia "Nobiliary particle",
# https://en.wikipedia.org/wiki/Nobiliary_particle (Italian's "dei", "degli", "delle", French "des" too), and
# "Tussenvoegsel", https://en.wikipedia.org/wiki/Tussenvoegsel.
NAME_PARTICLES = ("van", "von", "der", "den", "de", "del", "della", "dalla", "dei", "degli", "delle", "di", "da",
                  "dos", "das", "du", "des", "la", "le", "ter", "ten", "zu", "zur", "bin", "ibn", "al", "el")

# Who cares for a child, owned by the child's name ("Kwame's oncologist"): Wiktionary's hyponyms of "physician" and
# "nurse" that families use, and the child's other carers.
CARER_WORDS = frozenset("""
oncologist doctor doc physician paediatrician pediatrician surgeon neurosurgeon nurse nurses consultant haematologist
hematologist radiologist therapist teacher carer caregiver
""".split())

# A relative proper, not a patient or a carer's post: a title-case one before an unknown word names that relative
# ("Daughter Ayasha", "Grandma Ruth"), where "Navigator Toolkit" names a product.
FAMILY_WORDS = frozenset("""
son daughter brother sister grandson granddaughter grandchild nephew niece cousin mother mom mum mommy mummy mama
father dad daddy papa husband wife aunt auntie uncle grandma grandmother grandpa grandfather nana granny stepson
stepdaughter godson goddaughter
""".split())

# Family titles said before a relative's given name in the languages of the families served
# (Filipino, Spanish, Portuguese, German, Dutch, Italian, Polish, Russian, Hindi/Urdu, Arabic, Turkish,
# Greek, Vietnamese transcribed): "lola Pacita", "kuya Migs", "abuela Rosa", "oma Inge", "nani Kamla".
KIN_TITLES = (
    "lola", "lolo", "tita", "tito", "ate", "kuya", "manang", "manong", "inay", "itay", "nanay", "tatay",
    "abuela", "abuelo", "abuelita", "abuelito", "tía", "tia", "tío", "tio", "tiita", "madrina", "padrino",
    "vovó", "vovô", "avó", "avô", "titia", "oma", "opa", "omi", "opi", "tante", "onkel", "nonna", "nonno",
    "zia", "zio", "babcia", "dziadek", "ciocia", "wujek", "babushka", "dedushka", "tyotya", "dyadya",
    "dadi", "dada", "nani", "nana", "nanaji", "naniji", "dadaji", "chacha", "chachi", "mausi", "bua",
    "mama", "mami", "papi", "bibi", "khala", "khalto", "amma", "ammu", "teta", "jadda", "jiddo", "teyze",
    "amca", "dayı", "hala", "yiayia", "yaya", "papou", "thea", "theia", "mémé", "pépé", "mamie", "papy",
    "tatie", "tonton", "bà", "ông", "cô", "chú", "dì")
