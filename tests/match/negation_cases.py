"""Our own sentences for the negation and context grammar (issue 18), several per rule, each in
a negated and a positive form. Synthetic by design: each row is one sentence of inclusion text.

(rule, gene, sentence, expected strength): "direct" = the gene counts as a requirement,
"none" = it does not (negated, excluded, prior therapy, a test).
"""
from __future__ import annotations

NEGATION_CASES: tuple[tuple[str, str, str, str], ...] = (
    # a negator after the gene
    ("after", "ROS1", "ROS1 no fusion detected", "none"),
    ("after", "ROS1", "ROS1 fusion detected by NGS", "direct"),
    ("after", "EGFR", "EGFR without evidence of mutation", "none"),
    ("after", "EGFR", "EGFR mutation confirmed by an approved test", "direct"),
    ("after", "ALK", "ALK: no rearrangement identified", "none"),
    ("after", "ALK", "ALK: rearrangement identified by FISH", "direct"),
    ("after", "BRCA2", "BRCA2 no deleterious mutation found", "none"),
    ("after", "BRCA2", "BRCA2 deleterious mutation found on germline testing", "direct"),
    ("after", "HER2", "HER2 no amplification detected by FISH", "none"),
    ("after", "HER2", "HER2 amplification detected by FISH", "direct"),
    ("after", "KRAS", "KRAS mutation not detected", "none"),
    ("after", "BRAF", "BRAF V600E not found on sequencing", "none"),
    ("after", "EGFR", "EGFR mutation positive, with no evidence of brain metastases", "direct"),
    # an exclusion word straight after the gene's alteration, inside the inclusion text
    ("excluded after", "EGFR", "EGFR mutation excluded", "none"),
    ("excluded after", "KRAS", "KRAS-mutant disease is excluded", "none"),
    ("excluded after", "ALK", "ALK rearrangement: excluded", "none"),
    ("excluded after", "BRAF", "BRAF mutations not allowed", "none"),
    ("excluded after", "NRAS", "NRAS mutations not permitted", "none"),
    ("excluded after", "EGFR", "EGFR mutation required; ALK rearrangement excluded", "direct"),
    ("excluded after", "EGFR", "EGFR mutation required, KRAS mutation excluded", "direct"),
    ("excluded after", "ALK", "ALK rearrangement required; other drivers excluded", "direct"),
    # a denied negative status: double negation reads as requiring the alteration
    ("double negation", "EGFR", "Patients must not be EGFR wild-type", "direct"),
    ("double negation", "BRAF", "Absence of wild-type BRAF", "direct"),
    ("double negation", "KRAS", "Tumour must not be KRAS-negative", "direct"),
    ("double negation", "EGFR", "Patients must be EGFR wild-type", "none"),
    ("double negation", "BRAF", "Presence of wild-type BRAF", "none"),
    ("double negation", "KRAS", "Tumour must be KRAS-negative", "none"),
    # a decimal or an abbreviation inside the clause
    ("decimal", "HER2", "HER2 FISH ratio 1.3, not amplified", "none"),
    ("decimal", "HER2", "HER2/CEP17 ratio 2.3, amplified", "direct"),
    ("decimal", "ALK", "ALK (e.g. by IHC or FISH) negative", "none"),
    ("decimal", "ALK", "ALK-rearranged tumours (approx. 5% of cases) with measurable disease", "direct"),
    ("decimal", "MET", "MET copy number 2.1 (vs. 5.0 required), not amplified", "none"),
    # a negator before the gene
    ("before", "EGFR", "No EGFR mutation", "none"),
    ("before", "ALK", "Tumours without ALK rearrangement", "none"),
    ("before", "KRAS", "Absence of a KRAS mutation", "none"),
    ("before", "BRAF", "Patients must not have a BRAF mutation", "none"),
    ("before", "ALK", "NSCLC (with no EGFR, TRK receptor, or ALK positive mutations/fusions)", "none"),
    ("before", "EGFR", "NSCLC (with no EGFR, TRK receptor, or ALK positive mutations/fusions)", "none"),
    ("before", "EGFR", "Non-small cell lung cancer with an EGFR mutation", "direct"),
    ("before", "HER2", "Triple negative: the tumour is not HER2 3+ on IHC", "none"),
    ("before", "HER2", "is not human epidermal growth factor receptor 2 (HER2) 3+ on IHC", "none"),
    ("before", "HER2", "HER2 3+ on IHC", "direct"),
    # X-negative / X negative / wild-type
    ("negative", "ALK", "ALK-negative anaplastic large cell lymphoma", "none"),
    ("negative", "ALK", "ALK-positive anaplastic large cell lymphoma", "direct"),
    ("negative", "EGFR", "EGFR negative by PCR", "none"),
    ("negative", "EGFR", "EGFR gene mutation negative, ROS1 negative", "none"),
    ("negative", "HER2", "HER2-negative breast cancer", "none"),
    ("negative", "HER2", "HER2-positive breast cancer", "direct"),
    ("wild-type", "KRAS", "KRAS wild-type colorectal cancer", "none"),
    ("wild-type", "BRAF", "BRAF wildtype melanoma", "none"),
    ("wild-type", "KRAS", "KRAS-mutant colorectal cancer", "direct"),
    # driver-negative before a list of genes
    ("driver", "EGFR", "Driver-negative NSCLC (EGFR, ALK, ROS1)", "none"),
    ("driver", "ALK", "Driver gene negative non-small cell lung cancer, including EGFR and ALK", "none"),
    ("driver", "EGFR", "NSCLC without known driver mutations such as EGFR or ALK", "none"),
    ("driver", "EGFR", "Driver-positive NSCLC with an EGFR mutation", "direct"),
    # an exclusion written inside the inclusion text
    ("exclusion cue", "ALK", "Patients whose tumours are ALK-positive are excluded", "none"),
    ("exclusion cue", "EGFR", "Patients with EGFR mutations are not eligible", "none"),
    ("exclusion cue", "KRAS", "KRAS G12C mutant tumours are ineligible", "none"),
    ("exclusion cue", "EGFR", "Exclusion of patients with EGFR-sensitizing mutations", "none"),
    ("exclusion cue", "ALK", "ALK-positive tumours are eligible", "direct"),
    ("exclusion cue", "EGFR", "Patients with EGFR mutations are eligible for cohort A", "direct"),
    # prior therapy and resistance
    ("prior therapy", "EGFR", "Prior EGFR-targeted therapy is allowed", "none"),
    ("prior therapy", "ALK", "Disease that progressed on an ALK inhibitor", "none"),
    ("prior therapy", "EGFR", "Resistant to an EGFR TKI", "none"),
    ("prior therapy", "ALK", "No prior ALK inhibitor", "none"),
    ("prior therapy", "ALK", "ALK-positive NSCLC that progressed on an ALK inhibitor", "direct"),
    ("prior therapy", "EGFR", "EGFR exon 19 deletion after progression on osimertinib", "direct"),
    # "including but not limited to" is not a negation
    ("not limited to", "KRAS", "RAS pathway alterations, including but not limited to KRAS, NRAS", "direct"),
    ("not limited to", "NRAS", "RAS pathway alterations, including but not limited to KRAS, NRAS", "direct"),
    ("not limited to", "FGFR2", "FGFR alterations, including but not restricted to FGFR2 fusions", "direct"),
    ("not limited to", "FGFR2", "FGFR alterations other than FGFR2 fusions", "none"),
    # a negator before spelled-out names with the symbol in brackets, across "or"/"and" lists
    ("named list", "EGFR", "Adults with no activating epidermal growth factor receptor (EGFR) mutations or "
                           "anaplastic lymphoma kinase (ALK) rearrangements", "none"),
    ("named list", "ALK", "Adults with no activating epidermal growth factor receptor (EGFR) mutations or "
                          "anaplastic lymphoma kinase (ALK) rearrangements", "none"),
    ("named list", "ALK", "Tumours without epidermal growth factor receptor (EGFR) and anaplastic lymphoma "
                          "kinase (ALK) alterations", "none"),
    ("named list", "ROS1", "Lacking B-Raf proto-oncogene (BRAF) or c-ros oncogene 1 (ROS1) fusions", "none"),
    ("named list", "ALK", "Tumours that lack epidermal growth factor receptor (EGFR) mutations and anaplastic "
                          "lymphoma kinase (ALK) rearrangements", "none"),
    ("named list", "ALK", "Sarcoma with anaplastic lymphoma kinase (ALK) rearrangement", "direct"),
    ("named list", "EGFR", "Tumours with epidermal growth factor receptor (EGFR) exon 19 deletion and no "
                           "anaplastic lymphoma kinase (ALK) fusion", "direct"),
    ("named list", "ALK", "Tumours with epidermal growth factor receptor (EGFR) exon 19 deletion and no "
                          "anaplastic lymphoma kinase (ALK) fusion", "none"),
    # a symbol glued to a variant or to an alteration word is the altered gene
    ("glued", "EGFR", "Newly diagnosed EGFRvIII-amplified high-grade glioma", "direct"),
    ("glued", "EGFR", "Colorectal cancer that is KRAS wild-type, EGFR-expressing", "direct"),
    ("glued", "HER2", "Gastric cancer, HER2-overexpressing, with RAS wild-type status", "direct"),
    ("glued", "ALK", "BRAF wild-type, ALK-rearranged inflammatory myofibroblastic tumour", "direct"),
    ("glued", "KIT", "Melanoma that is NRAS wild-type, KIT-mutant", "direct"),
    ("glued", "EGFR", "Glioma that is not EGFRvIII-amplified", "none"),
    ("glued", "KIT", "Melanoma without KIT-mutant disease", "none"),
    # a spelled-out name with the symbol in brackets as the only mention
    ("named only", "MET", "Tumours with a mutation leading to mesenchymal epithelial transition (MET) exon 14 "
                          "skipping", "direct"),
    ("named only", "MET", "Hepatocellular carcinoma with mesenchymal epithelial transition (MET) amplification",
     "direct"),
    ("named only", "MET", "Tumours with no mesenchymal epithelial transition (MET) exon 14 skipping", "none"),
    ("named only", "EGFR", "Treated with an epidermal growth factor receptor (EGFR) antagonist for colorectal "
                           "cancer", "none"),
    ("named only", "EGFR", "Cetuximab is an epidermal growth factor receptor (EGFR) antagonist given to "
                           "patients with EGFR-expressing tumours", "direct"),
    # an everyday-word symbol among capitalised everyday words is no gene
    ("capitals", "KIT", "Participants receive a BOWEL PREP KIT before colonoscopy", "none"),
    ("capitals", "KIT", "A FIRST AID KIT is available at each site", "none"),
    ("capitals", "MET", "ALL CRITERIA MET AT SCREENING", "none"),
    ("capitals", "KIT", "SUPPLIED AS A KIT", "none"),
    ("capitals", "RET", "RET FUSION POSITIVE THYROID CANCER", "direct"),
    ("capitals", "KIT", "GIST KIT exon 11 mutation", "direct"),
    ("capitals", "KIT", "Tumours with EGFR KIT PDGFRA alterations", "direct"),
    ("capitals", "KIT", "BOWEL PREP KIT given; also KIT-mutant GIST", "direct"),
    # MGMT is a target as its promoter's methylation: unmethylated is its absence
    ("methylation", "MGMT", "MGMT promoter methylated glioblastoma", "direct"),
    ("methylation", "MGMT", "Glioblastoma with methylated MGMT promoter", "direct"),
    ("methylation", "MGMT", "MGMT unmethylated glioblastoma", "none"),
    ("methylation", "MGMT", "Glioblastoma with unmethylated MGMT promoter", "none"),
    ("methylation", "MGMT", "MGMT promoter not methylated by pyrosequencing", "none"),
    # a subgroup that must first have had therapy for its own alteration
    ("subgroup history", "EGFR", "Patients with EGFR or ALK genomic tumor aberrations must have progressed on "
                                 "approved therapy for these aberrations", "none"),
    ("subgroup history", "ALK", "Participants with ALK or ROS1 fusions should have received targeted therapy "
                                "for such alterations", "none"),
    ("subgroup history", "ALK", "Patients with ALK-positive NSCLC must have progressed on at least one ALK "
                                "inhibitor", "direct"),
    ("subgroup history", "EGFR", "Patients with EGFR exon 20 insertion mutations must have received "
                                 "platinum-based chemotherapy", "direct"),
    # a protein change glued to the symbol, in any case, reads as the gene (and its change)
    ("glued change", "KRAS", "Documented KRASG12D mutation in tissue", "direct"),
    ("glued change", "KRAS", "Tumour harbouring KRasG12D", "direct"),
    ("glued change", "KRAS", "Pancreatic cancer, KrasG12V-mutant", "direct"),
    ("glued change", "BRAF", "Melanoma with a BRafV600E mutation", "direct"),
    ("glued change", "NRAS", "Melanoma with NRasQ61K", "direct"),
    ("glued change", "KRAS", "No KRASG12D mutation", "none"),
    ("glued change", "KRAS", "Tumours without KRasG12C mutations", "none"),
    ("glued change", "BRAF", "BRafV600E wild-type melanoma", "none"),
    # a negator reaches over a list of named statuses ("MSI-H", "MSI-high", "TMB-high") and names in brackets
    ("status list", "dMMR", "Documented not to have MSI-H or dMMR colorectal cancer", "none"),
    ("status list", "dMMR", "Without TMB-high, MSI-H or dMMR tumours", "none"),
    ("status list", "mismatch repair deficient",
     "Shown not to have microsatellite instability-high (MSI-high) or mismatch repair deficient (dMMR) tumours", "none"),
    ("status list", "dMMR", "Documented to have MSI-H or dMMR colorectal cancer", "direct"),
    ("status list", "dMMR", "With TMB-high, MSI-H or dMMR tumours", "direct"),
    ("status list", "mismatch repair deficient",
     "Shown to have microsatellite instability-high (MSI-high) or mismatch repair deficient (dMMR) tumours", "direct"),
    # ... and over a list of genes, each with its own alteration words, and tumour/germline words
    ("gene list", "ALK", "Confirmed absence of tumour KRAS mutation, ALK gene and RET rearrangements", "none"),
    ("gene list", "RET", "Confirmed absence of tumour KRAS mutation, ALK gene and RET rearrangements", "none"),
    ("gene list", "BRCA2", "No germline or somatic BRCA2 mutation", "none"),
    ("gene list", "ALK", "Without tumor EGFR mutations or ALK fusions", "none"),
    ("gene list", "RET", "Confirmed presence of tumour KRAS mutation, ALK gene and RET rearrangements", "direct"),
    ("gene list", "BRCA2", "Germline or somatic BRCA2 mutation", "direct"),
    ("gene list", "ALK", "With tumor EGFR mutations or ALK fusions", "direct"),
    # a test asked for before the gene ("assessed for", "tested for") is not a finding, unless a result follows
    ("tested before", "MSI-H", "Tumour must have been assessed for MSI-H status", "none"),
    ("tested before", "ROS1", "Patients must be tested for EGFR, ALK and ROS1 before enrolment", "none"),
    ("tested before", "EGFR", "Tumour screened for EGFR mutation by a local laboratory", "none"),
    ("tested before", "EGFR", "Tumour must have been checked for EGFR exon 19 deletion", "none"),
    ("tested before", "MSI-H", "Tumour must have been assessed for MSI-H and found to be MSI-H", "direct"),
    ("tested before", "ROS1", "Patients tested for ROS1 rearrangement with a positive result", "direct"),
    ("tested before", "EGFR", "Tumour screened for EGFR mutation and found to harbour an exon 19 deletion", "direct"),
    # an alteration written before the gene and joined to it by "in"
    ("alteration in gene", "KRAS", "No known activating mutations in KRAS", "none"),
    ("alteration in gene", "EGFR", "Without any known resistance mutations in EGFR", "none"),
    ("alteration in gene", "BRAF", "Absence of any known oncogenic alterations in BRAF", "none"),
    ("alteration in gene", "ALK", "Presence of resistance mutations in ALK", "direct"),
    ("alteration in gene", "KRAS", "Activating alterations in KRAS", "direct"),
    ("alteration in gene", "ALK", "Mutations in ALK detected by NGS", "direct"),
    # a numbered family range written with a space or hyphen after the stem names each member in it
    ("spaced range", "FGFR2", "Tumour with FGFR 1-3 alterations, including but not limited to fusions", "direct"),
    ("spaced range", "FGFR3", "Urothelial cancer with an FGFR 1/2/3 fusion or mutation", "direct"),
    ("spaced range", "NTRK3", "Solid tumour with an NTRK 1-3 gene fusion", "direct"),
    ("spaced range", "IDH2", "Glioma with an IDH 1/2 mutation", "direct"),
    ("spaced range", "IDH1", "Cholangiocarcinoma with IDH-1/2 mutations", "direct"),
    ("spaced range", "FGFR4", "Tumour with FGFR 1-3 amplification", "none"),
    ("spaced range", "FGFR2", "No FGFR 1-3 alterations", "none"),
    ("spaced range", "IDH1", "Glioma without IDH 1/2 mutation", "none"),
    ("spaced range", "NTRK2", "NTRK 1-3 fusion-negative sarcoma", "none"),
    # "X but not Y": the negator after "but" is the later mention's; the earlier one stands
    ("but not", "EGFR", "EGFR exon 19 deletion but not EGFR T790M mutation", "direct"),
    ("but not", "EGFR", "Tumour harbouring EGFR L858R but no EGFR exon 20 insertion", "direct"),
    ("but not", "BRAF", "Melanoma with BRAF V600 but not BRAF V600K", "direct"),
    ("but not", "KRAS", "Pancreatic cancer with KRAS G12 but without KRAS G12C", "direct"),
    ("but not", "EGFR", "ALK rearrangement but not EGFR mutation", "none"),
    ("but not", "EGFR", "EGFR testing done, but no EGFR mutation found", "none"),
    ("but not", "EGFR", "Prior EGFR TKI but no EGFR sensitising mutation", "none"),
    # the gene named as a drug class ("EGFR-targeting agents") in a treatment history is no selection
    ("drug class", "EGFR", "Prior treatment with any EGFR-targeting agent is allowed", "none"),
    ("drug class", "EGFR", "Previously received an epidermal growth factor receptor (EGFR)-targeting antibody",
     "none"),
    ("drug class", "ALK", "Disease progression after ALK-targeting therapy", "none"),
    ("drug class", "EGFR", "Previous EGFR-blocking antibodies such as cetuximab", "none"),
    ("drug class", "EGFR", "EGFR-mutant NSCLC that progressed on an EGFR-targeting agent", "direct"),
    ("drug class", "ALK", "ALK-rearranged tumour after an ALK-targeting drug", "direct"),
    # a numbered family's stem, the key of its target ("FGFR" for FGFR1-4), names the family with an
    # alteration word beside it, as "IDH-mutant" does; not as a drug's target or a pathway
    ("family stem", "FGFR", "Breast cancer that has FGFR amplification", "direct"),
    ("family stem", "FGFR", "Cholangiocarcinoma harbouring an FGFR fusion or rearrangement", "direct"),
    ("family stem", "FGFR", "FGFR-amplified squamous lung cancer", "direct"),
    ("family stem", "FGFR", "Tumour without FGFR amplification", "none"),
    ("family stem", "FGFR3", "No FGFR alterations by local testing", "none"),
    ("family stem", "FGFR", "Prior FGFR inhibitor therapy is allowed", "none"),
    ("family stem", "FGFR", "A kinase inhibitor that blocks VEGFR, FGFR and PDGFR", "none"),
    # full-width and CJK punctuation separate list items and clauses as their ASCII forms do; full-width
    # letters are the letters
    ("full-width", "NTRK", "No ALK fusion；NTRK fusion required", "direct"),
    ("full-width", "ALK", "No EGFR mutation。ALK fusion required", "direct"),
    ("full-width", "ALK", "No prior ALK inhibitor；ALK rearrangement by FISH", "direct"),
    ("full-width", "EGFR", "ＥＧＦＲ mutation confirmed by sequencing", "direct"),
    ("full-width", "KRAS", "KRAS G12C mutation：excluded", "none"),
    ("full-width", "RET", "Tumour without ALK、ROS1、NTRK or RET fusion", "none"),
    ("full-width", "ROS1", "ALK fusion（not ROS1）", "none"),
)
