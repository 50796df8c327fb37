"""Phrases the privacy screen lets through: names of companies, hospitals and institutions, diseases
and signs named after people (eponyms), and places. Each holds words that are names elsewhere
("Dr. Reddy's", "St. Jude", "Ewing", "San José"); here they name a company, a place of care, a
disease or a town, not a patient. One phrase a line, as written in registry records, each section with
its public source. Longer than 400 lines because it is data, one phrase a line: split, the lists would only be
harder to search for a phrase already there.
"""
from __future__ import annotations


def _phrases(text: str) -> tuple[str, ...]:
    # A line starting with "#" names the public source of the lines below it.
    return tuple(line.strip() for line in text.strip().splitlines()
                 if line.strip() and not line.lstrip().startswith("#"))


# Companies named by an initial and a surname, read as whole phrases only: their words stay out of the company word
# list, which would let the same surname after another initial pass ("K. Braun called").
INITIAL_COMPANIES = _phrases("""
# B. Braun Melsungen AG, maker of infusion and oncology pharmacy products (https://en.wikipedia.org/wiki/B._Braun)
B. Braun Melsungen
B. Braun
""")

COMPANIES = _phrases("""
Dr. Reddy's Laboratories
Dr. Reddy's
Dr Reddy's
Eli Lilly and Company
Eli Lilly
Lilly
Johnson & Johnson
Johnson and Johnson
Janssen
Bristol Myers Squibb
Bristol-Myers Squibb
Merck Sharp & Dohme
Merck KGaA
Merck
Boehringer Ingelheim
F. Hoffmann-La Roche
Hoffmann-La Roche
Roche
Genentech
Day One Biopharmaceuticals
Day One
Loxo Oncology
Loxo
Jazz Pharmaceuticals
Takeda
Novartis
Pfizer
AstraZeneca
Bayer
Amgen
Mirati
Turning Point Therapeutics
Daiichi Sankyo
AbbVie
# Abbott Laboratories, AbbVie's former parent, which makes diagnostics and nutrition products families name
# (https://en.wikipedia.org/wiki/Abbott_Laboratories)
Abbott Laboratories
Abbott
Incyte
BeiGene
Gilead
Kite
Sanofi
GlaxoSmithKline
Ipsen
Servier
Eisai
Astellas
Chugai
Otsuka
Exelixis
Blueprint Medicines
Deciphera
SpringWorks
Ikena Oncology
Chimerix
Y-mAbs
Kura Oncology
Syndax
Agios
Regeneron
Seagen
Sumitomo
Array BioPharma
Celgene
Juno
Vertex
Biogen
Teva
Sandoz
Viatris
Sun Pharma
Cipla
Pierre Fabre
Menarini
Recordati
Chiesi
Novo Nordisk
Grünenthal
EMD Serono
Stemline
Karyopharm
Epizyme
Nuvalent
Relay Therapeutics
Revolution Medicines
Verastem
Fresenius Kabi
Jazz
Orion
Lundbeck
Gedeon Richter
Nippon Shinyaku
Hoffmann-La Roche
Zambon
Ferrer
Almirall
Esteve
Grifols
Ferring
Krka
Polpharma
Adamed
Lupin
Glenmark
Torrent Pharmaceuticals
Zydus
Biocon
Daiichi Sankyo
Kyowa Kirin
Shionogi
Ono Pharmaceutical
Mitsubishi Tanabe
Santen
Hansoh
Hengrui
Innovent
Junshi
Hutchmed
Celltrion
Hanmi
Yuhan
Aspen Pharmacare
Hikma
Stada
Apotex
Baxter
Alexion
# Zimmer Biomet Holdings, maker of orthopaedic implants, formed by Zimmer's merger with Biomet in 2015
# (https://en.wikipedia.org/wiki/Zimmer_Biomet); trial records name its devices by either or both
Zimmer Biomet
Biomet
# Brands named with a personal title, which families name in passing (a cream for a rash, wipes for a line, boots for
# swollen feet): Dr. Scholl's (https://en.wikipedia.org/wiki/Dr._Scholl%27s), Dr. Bronner's
# (https://en.wikipedia.org/wiki/Dr._Bronner%27s), Dr. Martens (https://en.wikipedia.org/wiki/Dr._Martens), Mr. Clean
# (https://en.wikipedia.org/wiki/Mr._Clean). As the brand is spelt, or with its product, only: "Dr. Scholl called" and
# "Dr. Martens called" are persons (Martens is a common surname).
Dr. Scholl's
Dr Scholl's
Dr. Bronner's
Dr Bronner's
Dr. Martens boots
Dr Martens boots
Dr. Martens shoes
Dr Martens shoes
Mr. Clean
Mr Clean
""")

INSTITUTIONS = _phrases("""
St. Jude Children's Research Hospital
St Jude Children's Research Hospital
St. Jude
St Jude
Great Ormond Street Hospital
Great Ormond Street
Dana-Farber
Boston Children's
Princess Máxima Center
Prinses Máxima Centrum
Máxima
Gustave Roussy
Memorial Sloan Kettering
Sloan Kettering
MD Anderson
Johns Hopkins
Mayo Clinic
Children's Hospital of Philadelphia
SickKids
Sick Kids
Royal Marsden
Institut Curie
Hôpital Necker
Necker-Enfants Malades
Charité
Texas Children's
Cincinnati Children's
Nationwide Children's
Rady Children's
Lurie Children's
Seattle Children's
UCSF Benioff
Alder Hey
Sant Joan de Déu
Niño Jesús
Vall d'Hebron
Gaslini
Bambino Gesù
Karolinska
# Landspítali, the National University Hospital of Iceland (https://en.wikipedia.org/wiki/Landsp%C3%ADtali)
Landspítali
Hopp Children's Cancer Center
Children's Oncology Group
Kids v Cancer
Reagan-Udall
Project Facilitate
Alex's Lemonade Stand
Ronald McDonald House
St. Baldrick's
St Baldrick's
Make-A-Wish
Solving Kids' Cancer
Leukemia & Lymphoma Society
Max Planck
Hôpital
Hôpitaux
Universitätsklinikum
Klinikum
""")

EPONYMS = _phrases("""
Wilms
Ewing
Hodgkin
non-Hodgkin
Burkitt
Langerhans
Down syndrome
Li-Fraumeni
Beckwith-Wiedemann
Fanconi
Diamond-Blackfan
von Hippel-Lindau
Lansky
Karnofsky
Kaposi
Merkel
Askin
Philadelphia chromosome
Lynch
Gorlin
Noonan
Costello
Sotos
Turner syndrome
Klinefelter
Bloom syndrome
Louis-Bar
Shwachman-Diamond
Kostmann
Wiskott-Aldrich
Chediak-Higashi
Rosai-Dorfman
Erdheim-Chester
Castleman
Waldenström
Sjögren
Guillain-Barré
Behçet
Stevens-Johnson
Cushing
Addison's disease
Kasabach-Merritt
Ollier
Maffucci
Gardner syndrome
Peutz-Jeghers
Cowden
Reed-Sternberg
Homer Wright
Flexner-Wintersteiner
Epstein-Barr
Hickman
Broviac
Port-a-Cath
Ommaya
Bence Jones
Curie score
Kaplan-Meier
Lugano
Ann Arbor
Murphy staging
Shimada
Gleason
Glasgow
Tanner stage
Denys-Drash
Rothmund-Thomson
Nijmegen
Hirschsprung
Crohn
Gaucher
Niemann-Pick
Hunter syndrome
Wilson's disease
Marfan
Ehlers-Danlos
Prader-Willi
Kawasaki
Henoch-Schönlein
Spitz
Sertoli-Leydig
Schwann
Hürthle
Ménétrier
Ménière
Tay-Sachs
Wolf-Hirschhorn
Simpson-Golabi-Behmel
Perlman
Bell's palsy
Janus kinase
Raman
Child-Pugh
Hudson mask
Still's disease
Horner
Lennox-Gastaut
Dravet
Rett
Angelman
""")

PLACES = _phrases("""
Bengal
San José
San Jose
San Diego
San Antonio
San Francisco
Santa Clara
Santa Monica
São Paulo
St. Louis
St Louis
St. Paul
St. Petersburg
Los Angeles
Köln
München
Zürich
Genève
Montréal
Québec
Bogotá
Málaga
Córdoba
Düsseldorf
Göttingen
Tübingen
Würzburg
Malmö
Göteborg
Kraków
Łódź
Poznań
Gdańsk
Wrocław
Île-de-France
Besançon
Asunción
Medellín
Mérida
Türkiye
España
Brasília
""")


# Places of care whose short names hold no institution word, read as whole phrases only: their words are not added
# to the company and place word lists, which would let "Fred" or "Hope" pass as a person's. A short name that is
# also a common surname or given name alone ("Lombardi", "Sylvester", "Evelina") is left out: it would let a
# person through; such a centre is found by its full name ("... Cancer Center", "... Children's Hospital").
CARE_CENTRES = _phrases("""
# NCI-designated cancer centers, source: cancer.gov, "NCI-Designated Cancer Centers"
# (https://www.cancer.gov/research/infrastructure/cancer-centers/find).
City of Hope
Fred Hutch
Moffitt
Roswell Park
Fox Chase
Siteman
Hollings
Winship
Karmanos
Lineberger
UNC Lineberger
Rogel
Vanderbilt-Ingram
Norris Cotton
Sidney Kimmel
Dana-Farber/Harvard
Huntsman
Cold Spring Harbor
Jackson Laboratory
Wistar
# Children's hospitals by the short name they go by; source: each hospital's own website (the US ones as listed
# in U.S. News & World Report, "Best Children's Hospitals: Cancer").
Children's Mercy
Children's National
Nemours
Le Bonheur
Cook Children's
Phoenix Children's
Akron Children's
Starship
Westmead
Sydney Children's
Perth Children's
Queensland Children's
Royal Children's
Sheffield Children's
Birmingham Children's
Great North Children's
Our Lady's Children's
Crumlin
Temple Street
McMaster Children's
BC Children's
Sainte-Justine
CHU Sainte-Justine
Robert-Debré
Tata Memorial
AIIMS
Muhimbili
KK Women's and Children's
Schneider Children's
""")
