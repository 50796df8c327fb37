"""How a sentence qualifies a mention: negated, excluded, a test to be done, or prior therapy.

The grammar reads both directions around the mention, inside its clause (a bullet or a
sentence; a decimal point "1.3" or an abbreviation such as "approx.", "e.g.", "vs." does
not end a clause):

  negated       before: "no", "not", "without", "absence of", "negative for", ... within a
                few words, or further back over a list of genes or statuses ("with no EGFR, TRK
                receptor, or ALK positive", "absence of tumour EGFR mutation, ALK gene and ROS1
                rearrangements", "not to have MSI-H or dMMR") or an alteration joined to the gene
                by "in" ("absence of known resistance mutations in ALK"); "driver-negative" / "no
                driver mutation" before a list;
                after: "ALK-negative", "BRAF wild-type", "HER2-", "EGFR mutation negative",
                "MGMT unmethylated" (MGMT is a target as its promoter's methylation),
                "ROS1 no fusion detected", "EGFR without evidence of mutation",
                "HER2 FISH ratio 1.3, not amplified"; "including but not limited to" is not one;
                in "EGFR C797 but not EGFR C797S" the negator after "but" is the later mention's only
  excluded      an exclusion inside the inclusion text: "patients whose tumours are MSI-H
                are excluded", "... are not eligible", "ineligible", "must not have"
  prior therapy the gene names a treatment history, the gene as a drug class: "prior EGFR-targeted
                therapy", "prior treatment with any EGFR-targeting agents",
                "progressed on an ALK inhibitor", "no prior ALK inhibitor"; or a subgroup that must
                first have had therapy for its own alteration: "patients with EGFR or ALK
                aberrations should have progressed on approved therapy for these aberrations"
  tested only   a test to be done, not a finding: "EGFR, ALK and ROS1 testing", "must have been
                assessed for MSI-H status"
  one factor    one of several risk factors of which a number must be present: "any of the
                following two high risk factors such as ... ER/PR negative, HER2 positivity"
"""
from __future__ import annotations

import re

# Right after the symbol: "ALK-negative", "BRAF wild-type", "EGFR mutation negative",
# "KRAS (wt)", "HER2-" / "HER2(-)" (minus sign), "HER2 negativity".
_NEGATED_AFTER = re.compile(
    r"^(?:[-−](?![\w+])|\s*\(\s*[-−]\s*\)|[\s\-:()]*(?:[\w/]+[\s\-]+){0,2}?"
    r"(?:negative|negativity|neg\b|wild[\s-]?type|wildtype|wt\b|non[\s-]?mutated|unmutated|non[\s-]?amplified|"
    r"unmethylated|non[\s-]?methylated|not\s+(?:mutated|amplified|rearranged|altered|detected|present|expressed|"
    r"methylated)|absent|"
    r"was\s+not\s+detected|is\s+not\s+detected))",
    re.IGNORECASE,
)
# A finding denied after the symbol: "ROS1 no fusion detected", "ALK: no rearrangement
# identified", "EGFR without evidence of mutation", "HER2 FISH ratio 1.3, not amplified".
_DENIED_AFTER = re.compile(
    r"^(?P<lead>[\s\-:(),=/]*(?:[\w.<>=/]+[\s\-:(),=/]+){0,7}?)"
    r"(?:(?:no|not|without)\s+(?:\w+\s+){0,3}?(?:detected|identified|found|seen|observed|present|expressed|"
    r"amplified|mutated|rearranged|altered)\b|without\s+(?:any\s+)?evidence\b|no\s+evidence\b|"
    r"negative\s+for\b|no\s+(?:deleterious\s+|pathogenic\s+|known\s+)?(?:mutation|fusion|rearrangement|"
    r"amplification|alteration|variant)s?\b)",
    re.IGNORECASE,
)
# Later in the same clause, before any word that states a positive finding:
# "EGFR, ALK and ROS1 gene test results are all negative".
_NEGATIVE_LATER = re.compile(
    r"\b(?:negative|negativity|wild[\s-]?type|wildtype|unmutated|unmethylated|not\s+detected)\b", re.IGNORECASE)
_POSITIVE_LATER = re.compile(
    r"\+|\b(?:positive|positivity|mutated|mutant|mutations?|fusions?|fused|rearranged|rearrangements?|"
    r"amplified|amplification|altered|alterations?|harbou?ring|expressing|overexpress\w*|with|confirmed|"
    r"documented|known)\b", re.IGNORECASE)
_LATER_REACH_WORDS = 20
# A receptor-status list: "HR negative HER2 positive", "HR Negative and HER2-Positive".
_STATED_POSITIVE_AFTER = re.compile(r"^[\s\-(]*(?:\+|positive\b|positivity\b)", re.IGNORECASE)
_OTHER_MARKER_NEGATIVE = re.compile(r"\bnegative\W+(?:and\W+)?$", re.IGNORECASE)
# "any of the following two high risk factors such as ...": the gene is one qualifying factor among several.
_SEVERAL_FACTORS_BEFORE = re.compile(
    r"\b(?:any|at\s+least)\s+(?:of\s+the\s+following\s+)?(?:two|three|2|3)\b[^.;]{0,40}?\bfactors?\b[^.;]*$",
    re.IGNORECASE)
# Words that state a finding outright (a list of genes with alteration words is not one).
_POSITIVE_STATEMENT = re.compile(r"\+|\b(?:positive|positivity|harbou?r\w*|confirmed|documented|carr\w+)\b",
                                 re.IGNORECASE)
# "EGFR/ALK mutation": the alteration after a slash-joined list of genes belongs to each.
POSITIVE_AFTER = re.compile(
    r"^(?:\s*/\s*[A-Z][A-Za-z0-9\-]*)*[\s\-(]*(?:[A-Z]\d+[A-Z*]?[\s\-]*)?"
    r"(?:\+|positive|mutat\w*|fusions?|fused|rearrang\w*|amplif\w*|"
    r"alter\w*|translocat\w*|driven|expressing|overexpress\w*)", re.IGNORECASE)
# An exclusion written inside the inclusion text, after the mention.
_EXCLUDED_AFTER = re.compile(
    r"\b(?:(?:are|is|will\s+be|shall\s+be|be)\s+(?:\w+\s+)?(?:excluded|not\s+eligible|ineligible|not\s+allowed|"
    r"not\s+permitted)|ineligible|not\s+eligible)\b", re.IGNORECASE)
# Bare, straight after the gene's own alteration words: "EGFR mutation excluded", "ALK rearrangement:
# excluded", "KRAS mutations not allowed". Anchored so a later gene's exclusion in a list ("EGFR
# mutation required, ALK excluded") stays with that gene.
_EXCLUDED_RIGHT_AFTER = re.compile(
    r"^[\s\-]*(?:[A-Z]\d+[A-Z*]?[\s\-]*)?(?:(?:mutant|mutated|mutations?|fusions?|rearranged|rearrangements?|"
    r"amplified|amplifications?|alterations?|altered|positive)[\s\-]*)?(?:(?:disease|tumou?rs?|cancers?)\s+)?"
    r"[\s:,\-]*(?:(?:is|are)\s+)?(?:excluded|not\s+allowed|not\s+permitted|ineligible)\b", re.IGNORECASE)
_EXCLUDED_BEFORE = re.compile(
    r"\b(?:exclusion\s+of|excluding|exclude[sd]?)\s+(?:all\s+|any\s+)?(?:patients|subjects|participants|those|"
    r"people|children|tumou?rs|cases)\b[^;]*$|\bmust\s+not\s+(?:have|harbou?r|carry)\b[^;]*$",
    re.IGNORECASE)
# Before the symbol, within a few words: "no known", "without", "not harbouring", "absence of".
# (phrase, most words allowed between it and the symbol)
_NEGATOR = (r"no|not|without|absence of|absent|lack of|lacking|lacks|lack|negative for|free of|excluding|except|"
            r"other than|neither|nor")
_NEGATORS_BEFORE = (
    (re.compile(rf"\b(?:{_NEGATOR})\b"), 3),
    (re.compile(r"\bnegative\b"), 1),  # "negative ALK fusion"
    (re.compile(r"\b(?:unmethylated|non methylated)\b"), 1),  # "unmethylated MGMT promoter"
    (re.compile(r"\bnon\b"), 0),  # "non-ALK", but not "non-small cell lung cancer with EGFR"
)
# "not" that does not negate: "including but not limited to KRAS", "not only".
_NOT_A_NEGATION = re.compile(
    r"\bnot\s+(?:limited|restricted|confined|necessarily|only|just)\b(?:\s+to\b)?|\bnon[\s-]+small\b",
    re.IGNORECASE)
# A negator reaches further over a list of genes and alteration words:
# "must not have EGFR sensitizing mutations, EGFR T790M mutation, ALK gene fusion".
_LIST_WORDS = frozenset("""
have has had harbor harbors harboring harbour harbours harbouring carry carries carrying known any an a the
documented detectable detected evidence of with or and nor gene genes sensitizing sensitising sensitive
activating driver drivers oncogenic concomitant including such as other alteration alterations altered
mutation mutations mutated mutant fusion fusions rearrangement rearrangements rearranged amplification
amplifications amplified translocation translocations deletion deletions insertion insertions exon point
actionable targetable genomic molecular aberration aberrations positive common rare variant variants
but limited to e g eg i ie exon receptor receptors kinase kinases
high tumor tumour tumors tumours germline somatic resistance
""".split())
_ALTERATION_NOUNS = frozenset({
    "mutation", "mutations", "alteration", "alterations", "aberration", "aberrations", "fusion", "fusions",
    "rearrangement", "rearrangements", "amplification", "amplifications", "deletion", "deletions", "insertion",
    "insertions", "variant", "variants"})


def _name_words(stop_words: str, word: str) -> str:
    """One to six words of a gene's spelled-out name, each a `word` then spaces and none of them one of
    `stop_words` (a regex alternation): the shape of "<name> (" before a bracketed symbol, shared by the
    name read from its start and the earlier name read as its symbol (each with its own stops)."""
    return rf"(?<![\w\-])(?:(?!(?:{stop_words})\b){word}\s+){{1,6}}"


# The spelled-out name before the symbol's bracket, read from where the name starts: "is not human
# epidermal growth factor receptor 2 (HER2)". A negator ends the name.
_NAME_BEFORE_BRACKET = re.compile(_name_words("no|not|without|non|negative", r"[\w\-]+") + r"\(\s*$", re.IGNORECASE)
# An earlier gene written as its name with the symbol in brackets reads as the symbol, so a negator
# reaches over it: "no sensitizing epidermal growth factor receptor (EGFR) mutations or anaplastic
# lymphoma kinase (ALK) aberrations". The name's words are not list words or negators.
_NAMED_SYMBOL = re.compile(
    _name_words("no|not|without|nor|neither|non|negative|lacking|lacks|lack|absence|absent|free|excluding|"
                "except|or|and|with|of|the|a|an|have|has|had|whose|who|for|in|to", r"[A-Za-z0-9][\w\-]*")
    + r"\(\s*([A-Za-z][A-Za-z0-9\-]{1,15})\s*\)", re.IGNORECASE)
_NEGATOR_WORD = re.compile(rf"^(?:{_NEGATOR})$")
# "driver-negative NSCLC (EGFR, ALK, ROS1)", "without known driver mutations such as EGFR or ALK".
_DRIVER_NEGATIVE = re.compile(
    r"\bdriver[\s\-]*(?:genes?[\s\-]*)?(?:mutations?[\s\-]*|alterations?[\s\-]*)?(?:negative|wild[\s-]?type)\b|"
    r"\b(?:no|without|negative\s+for|absence\s+of|lack\s+of)\s+(?:\w+\s+){0,2}?(?:oncogenic\s+)?drivers?\b",
    re.IGNORECASE)
# The gene names a treatment: "ALK inhibitor", "EGFR-targeted therapy", "anti-EGFR antibody".
# "epidermal growth factor receptor (EGFR) antagonist": the closing bracket may come first.
_TREATMENT_AFTER = re.compile(
    r"^[\s\-)]*(?:(?:tyrosine\s+)?kinase\s+)?(?:inhibitors?|tkis?|targeted|targett?ing|directed|blocking|"
    r"therapy|therapies|treatment|"
    r"antibod\w*|blockers?|antagonists?|agents?|drugs?)\b", re.IGNORECASE)
_TREATMENT_BEFORE = re.compile(r"\banti[\s\-]*$", re.IGNORECASE)
# ... written as a history: "prior", "progressed on", "resistant to", "after failure of".
_HISTORY_BEFORE = re.compile(
    r"\b(?:prior|previous|previously|progress\w*\s+(?:on|after|during|following)|relapsed\s+(?:on|after)|"
    r"after|following|resistan\w*\s+to|refractory\s+to|failure\s+(?:of|on)|failed|intoleran\w*\s+(?:to|of)|"
    r"pre-?treated|treated\s+with|received|receiving|exposure\s+to|exposed\s+to|naive\s+to|naïve\s+to)\b",
    re.IGNORECASE)
_HISTORY_REACH_CHARS = 80
# A subgroup that must first have had the therapy for its own alteration: "Patients with EGFR or ALK
# genomic tumor aberrations should have disease progression on FDA-approved therapy for these
# aberrations". The study admits them after that therapy; it does not select them. Without the
# reference back to the alteration ("ALK-positive NSCLC must have progressed on an ALK TKI") the
# sentence still selects the gene.
_SUBGROUP_HISTORY_AFTER = re.compile(
    r"\b(?:should|must|need\s+to|are\s+required\s+to)\s+(?:also\s+)?(?:have\s+)?(?:had\s+|been\s+)?"
    r"(?:documented\s+|experienced\s+)?(?:disease\s+progression|progress\w*|received|treated)\b[^.;]*?"
    r"\b(?:these|those|such|this|their|the\s+same)\s+(?:[\w\-]+\s+){0,3}?(?:aberrations?|alterations?|mutations?|"
    r"abnormalities|rearrangements?|fusions?|drivers?)\b", re.IGNORECASE)
# A test to be done rather than a finding: "ALK testing", "EGFR, ALK and ROS1 testing"; a finding
# with its method ("NTRK3 gene rearrangement by protocol specified tests") or stated before a later
# status ("HER2-overexpressing, with RAS wild-type status") is a finding.
_TESTED_AFTER = re.compile(
    r"^[\s\-:(),]*(?:(?!positive|confirmed|documented|detected|found|identified|present|by\b|per\b|using\b|via\b|"
    r"amplified|mutant|mutated|rearranged|fused|expressing|overexpress)"
    r"[\w/]+[\s\-,]+){0,5}?"
    r"(?:testing|test|tests|tested|assays?|status|results?|analysis)\b",
    re.IGNORECASE,
)
# ... or asked for before the gene: "must have been assessed for MSI-H or dMMR status", "tested for EGFR, ALK
# and ROS1". Only names and list words may sit between; a result stated after it is a finding ("tested for
# EGFR mutation with a positive result").
_TESTED_BEFORE = re.compile(
    r"\b(?:assessed|tested|evaluated|screened|analy[sz]ed|checked)\s+for\s+"
    r"(?:(?!(?:and|or)\s+(?:is|are|was|were|be|found|shown|has|have|had)\b)[\w\-/]+[\s,()/\-]+){0,8}$",
    re.IGNORECASE)
_RESULT_AFTER = re.compile(r"\b(?:positive|positivity|detected|confirmed|found|present|identified|harbou?r\w*)\b",
                           re.IGNORECASE)

# A clause ends at a bullet, a line, a semicolon or a full stop that ends a sentence.
_CLAUSE_END = re.compile(r"[.;\n•]|\s[-*]\s")
_ABBREVIATIONS = frozenset("""
approx e g eg i ie vs etc incl al cf resp max min ca dr no nos fig ref appr est
""".split())


def _ends_clause(text: str, index: int) -> bool:
    """Whether the separator at text[index] ends a clause (a "." may not)."""
    if text[index] != ".":
        return True
    before, after = text[index - 1:index], text[index + 1:index + 2]
    if before.isdigit() and after.isdigit():
        return False  # "1.3"
    word = re.search(r"([A-Za-z]+)$", text[max(0, index - 12):index])
    if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
        return False  # "approx.", "e.g.", "vs.", "p."
    return True


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bullet/sentence holding the span [start, end)."""
    left = 0
    for found in _CLAUSE_END.finditer(text, 0, start):
        if _ends_clause(text, found.start()):
            left = found.end()
    right = len(text)
    for found in _CLAUSE_END.finditer(text, end):
        if _ends_clause(text, found.start()):
            right = found.start()
            break
    return left, right


def _negator_words_before(before: str) -> bool:
    before = _NOT_A_NEGATION.sub(" ", before)
    # "is not human epidermal growth factor receptor 2 (HER2)": the symbol in brackets reads
    # from where its full name starts.
    if before.rstrip().endswith("("):  # the only place the pattern can match: tried elsewhere it is slow
        before = _NAME_BEFORE_BRACKET.sub(" ", before)
    if ")" in before:
        before = _NAMED_SYMBOL.sub(r" \1 ", before)
    words = re.findall(r"[a-z0-9]+", before.lower())
    for negator, reach in _NEGATORS_BEFORE:
        for size in range(1, reach + 3):  # the negator is one or two words, then up to `reach` words
            if len(words) < size:
                break
            tail = " ".join(words[-size:])
            head = negator.match(tail)
            if head and len(tail[head.end():].split()) <= reach:
                return True
    # A negator further back, with only a list of genes and alteration words in between.
    found = list(re.finditer(r"[A-Za-z0-9]+", before))
    raw_words = [m.group(0) for m in found]
    for index in range(len(raw_words) - 1, -1, -1):
        word = raw_words[index]
        lower = word.lower()
        previous = raw_words[index - 1].lower() if index > 0 else ""
        status = lower in ("wildtype", "negative") or (lower == "type" and previous == "wild")
        if status:
            # "KRAS wild-type, EGFR-expressing": the status follows, and belongs to, the gene before it.
            owner = raw_words[index - (2 if lower == "type" else 1)] if index >= (2 if lower == "type" else 1) else ""
            if owner and (any(c.isupper() for c in owner[1:]) or any(c.isdigit() for c in owner)):
                return False
            return True
        if _NEGATOR_WORD.match(lower) or (lower == "of" and previous in ("absence", "lack", "free")):
            return True
        # "MSI-H": a capital hyphened to a symbol is the symbol's last letter.
        symbol_like = (any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word)
                       or (word.isupper() and before[found[index].start() - 1:found[index].start()] == "-"))
        # "no known resistance mutations in ALK": the alteration is written before the gene, joined by "in".
        in_gene = lower == "in" and index == len(raw_words) - 1 and previous in _ALTERATION_NOUNS
        if lower not in _LIST_WORDS and not symbol_like and not in_gene:
            return False
    return False


# A negative status (wild-type, negative) that is itself denied reads as requiring the alteration:
# "must not be EGFR wild-type", "absence of wild-type BRAF", "not KRAS-negative".
_NEGATIVE_STATUS_AFTER = re.compile(
    r"^[\s\-:()]*(?:wild[\s-]?type|wildtype|wt\b|negative\b)(?:\s+status)?", re.IGNORECASE)
_NEGATIVE_STATUS_BEFORE = re.compile(r"\b(?:wild[\s-]?type|wildtype)[\s\-]*$", re.IGNORECASE)


# Only a plain denial right before counts ("negative" earlier in a list is another marker's status).
_DENIAL_JUST_BEFORE = re.compile(
    r"\b(?:not|never|absence\s+of|no\s+evidence\s+of|lack\s+of)\s+(?:(?:be|a|an|known|of)\s+)*$", re.IGNORECASE)


def _double_negation(before: str, after: str) -> bool:
    status_before = _NEGATIVE_STATUS_BEFORE.search(before)
    if status_before:
        return bool(_DENIAL_JUST_BEFORE.search(before[:status_before.start()]))
    return bool(_NEGATIVE_STATUS_AFTER.match(after)) and bool(_DENIAL_JUST_BEFORE.search(before))


def is_negated(text: str, start: int, end: int, clause: tuple[int, int], *, gene: bool = True) -> bool:
    """Whether the mention at [start, end) is stated as absent, negative or wild-type.

    For a gene, "no prior ALK inhibitor" is treatment history, not a negation (see
    treatment_context); for a drug ("no prior osimertinib therapy") it is a negation."""
    after = text[end:clause[1]]
    if gene and _double_negation(text[clause[0]:start], after):
        return False
    if _NEGATED_AFTER.match(after):
        return True
    denied = _DENIED_AFTER.match(after)
    if denied and not _POSITIVE_LATER.search(denied.group("lead")):
        return True
    later = " ".join(after.split()[:_LATER_REACH_WORDS])
    negative = _NEGATIVE_LATER.search(later)
    if negative and not _POSITIVE_LATER.search(later[:negative.start()]):
        return True
    before = text[clause[0]:start]
    driver = None
    for driver in _DRIVER_NEGATIVE.finditer(before):
        pass
    if driver is not None and not _POSITIVE_STATEMENT.search(before[driver.end():]):
        return True
    if gene and is_treatment(text, start, end, clause):
        return False  # "no prior ALK inhibitor" is treatment history: see treatment_context
    if _STATED_POSITIVE_AFTER.match(after) and _OTHER_MARKER_NEGATIVE.search(before):
        return False  # "HR negative HER2 positive": the negative is another marker's status
    return _negator_words_before(before)


def condition_negated(text: str, start: int, end: int, clause: tuple[int, int]) -> bool:
    """A disease named as absent or excluded: "no history of AML", "patients with AML are excluded"."""
    before = text[clause[0]:start]
    if excluded_in_inclusion(text, start, end, clause):
        return True
    words = re.findall(r"[a-z0-9]+", _NOT_A_NEGATION.sub(" ", before).lower())[-4:]
    return any(re.fullmatch(rf"(?:{_NEGATOR})", w) for w in words) or bool(
        re.search(r"\b(?:other\s+than|except|excluding|absence\s+of)\s+(?:\w+\s+){0,2}$", before, re.I))


def excluded_in_inclusion(text: str, start: int, end: int, clause: tuple[int, int]) -> bool:
    """An exclusion stated inside the inclusion text: "... MSI-H are excluded", "exclusion of patients with X"."""
    return bool(_EXCLUDED_AFTER.search(text[end:clause[1]])
                or _EXCLUDED_RIGHT_AFTER.match(text[end:clause[1]])
                or _EXCLUDED_BEFORE.search(text[max(clause[0], start - 120):start]))


def is_treatment(text: str, start: int, end: int, clause: tuple[int, int]) -> bool:
    """The gene names a treatment ("ALK inhibitor", "anti-EGFR antibody"), not the tumour's status."""
    return bool(_TREATMENT_AFTER.match(text[end:clause[1]]) or _TREATMENT_BEFORE.search(text[clause[0]:start]))


def is_history(text: str, start: int, clause: tuple[int, int]) -> bool:
    """A treatment history cue shortly before the mention: "prior", "progressed on", "resistant to"."""
    window = text[max(clause[0], start - _HISTORY_REACH_CHARS):start]
    return bool(_HISTORY_BEFORE.search(window))


def prior_therapy(text: str, start: int, end: int, clause: tuple[int, int]) -> bool:
    """The gene is named as a past treatment: "prior EGFR-targeted therapy", "progressed on an ALK inhibitor"."""
    return is_treatment(text, start, end, clause) and is_history(text, start, clause)


def treatment_context(text: str, start: int, end: int, clause: tuple[int, int]) -> str | None:
    """"prior therapy" ("progressed on an ALK inhibitor"), "treatment" ("EGFR-targeted therapy"),
    "one factor" (one of several risk factors, some number of which qualify), or None."""
    if _SEVERAL_FACTORS_BEFORE.search(text[clause[0]:start]):
        return "one factor"
    if _SUBGROUP_HISTORY_AFTER.search(text[end:clause[1]]):
        return "prior therapy"
    if not is_treatment(text, start, end, clause):
        return None
    return "prior therapy" if is_history(text, start, clause) else "treatment"


# A contrast: "EGFR C797 but not EGFR C797S": the negator after "but" is the later mention's only.
_BUT_NOT = re.compile(r"\bbut\s+(?:not|no|without)\b", re.IGNORECASE)


def _stands_before_contrast(text: str, start: int, end: int, next_start: int, clause: tuple[int, int]) -> bool:
    """An occurrence followed, before the next one, by "but not/no/without": it is stated for itself
    ("EGFR exon 19 deletion but not EGFR T790M"), unless it is a test or a treatment ("EGFR testing
    done, but no EGFR mutation found")."""
    return bool(_BUT_NOT.search(text, end, next_start)) and not (
        _TESTED_AFTER.match(text[end:clause[1]]) or is_treatment(text, start, end, clause))


def clause_negated(text: str, spans: list[tuple[int, int]], clause: tuple[int, int]) -> bool:
    """Negative when an occurrence is negated and no other states a positive finding:
    "testing of ALK with no ALK rearrangement" is negative, "BRAF V600E mutation, or BRAF
    wild-type with NF1 loss" is not, nor is "EGFR C797 but not EGFR C797S"."""
    negated = [is_negated(text, start, end, clause) for start, end in spans]
    if not any(negated):
        return False
    next_starts = [start for start, _ in spans[1:]] + [clause[1]]
    return not any(not neg and (POSITIVE_AFTER.match(text[end:clause[1]])
                                or _stands_before_contrast(text, start, end, next_start, clause))
                   for neg, (start, end), next_start in zip(negated, spans, next_starts))


def tested_only(text: str, spans: list[tuple[int, int]], clause: tuple[int, int]) -> bool:
    """A test to be done, not a finding: "ALK testing", "must have been assessed for MSI-H"."""
    return all(_TESTED_AFTER.match(text[end:clause[1]])
               or (_TESTED_BEFORE.search(text[clause[0]:start]) and not _RESULT_AFTER.search(text[end:clause[1]]))
               for start, end in spans)
