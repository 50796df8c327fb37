"""Recognising a gene symbol, a gene's name or a drug name in study text.

Gene symbols match as whole words. Short symbols that are also English words or word
stems (RET, KIT, MET, ALK...) count in free text only when written in capitals or when a
gene word sits beside them ("ret fusion", "Kit-mutant"), so "return", "test kit" and
"criteria met" are not KIT/RET/MET; "eGFR < 45 mL/min" is kidney function, and a full
name continued by a number ("human epidermal growth factor receptor 2") is another gene.
Written in capitals among other capitalised everyday words ("SUTAB is a BOWEL PREP KIT"),
such a symbol is a word of a product name or a heading, unless a gene word is beside it.
A symbol glued to a variant name ("EGFRvIII") or to a protein change, in any case ("KRASG12D",
"KRasG12C"), is the gene, and the change is its variant. A numbered family range names each member
in it, glued or spaced ("NTRK1-3", "IDH1/2", "FGFR 1-3", "IDH-1/2"), beside a gene word.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from trialfind.knowledge.conditions import vocabulary as condition_vocabulary
from trialfind.knowledge.target_resolution import GENE_FAMILIES
from trialfind.knowledge.targets import builtin_knowledge

# Gene symbols that are, or begin like, everyday words; 3 letters or fewer always count.
AMBIGUOUS_SYMBOLS = frozenset({
    "RET", "KIT", "MET", "ALK", "MAX", "REST", "CAT", "SET", "CAST", "IMPACT", "CALM", "CAPS",
    "MICA", "ATM", "NF1", "NF2", "REL", "TEC", "TEK", "FES", "FER", "FGR", "LYN", "SRC", "ABL",
    "AXL", "MOS", "RAF", "ARAF", "HCK", "LCK", "ROS", "MYC", "JUN", "FOS", "TOP", "PAX",
})

# Words that, written next to a symbol, show it names a gene.
_GENE_WORDS = (
    r"fusions?|fused|fusion[\s-]positive|mutations?|mutant|mutated|alterations?|altered|aberrations?|"
    r"rearrangements?|rearranged|translocations?|translocated|genes?|amplifications?|amplified|"
    r"variants?|kinase|inhibitors?|expression|expressing|overexpression|positive|negative|"
    r"wild[\s-]?type|driven|activating|activated|pathway|receptor|protein|status|tki|tkis|"
    r"deletions?|deleted|insertions?|duplications?|point|exon|signaling|signalling"
)
# The closing bracket of "mesenchymal epithelial transition (MET) exon 14 skipping" may come first.
_GENE_WORD_AFTER = re.compile(rf"^[\s\-/()]*(?:[A-Z]\d+[A-Z*]?[\s\-]+)?(?:{_GENE_WORDS})\b", re.IGNORECASE)
_GENE_WORD_BEFORE = re.compile(
    r"\b(?:mutant|mutated|activating|oncogenic|altered|rearranged|fused|amplified|anti)[\s\-]+$", re.IGNORECASE
)

# A laboratory value, not a gene: "eGFR < 45 mL/min", "ALK PHOS > 2 x ULN".
# A share of cells is an expression level, not a lab value: "PD-L1 ≥1%", "PD-L1 TPS ≥ 50%".
_LAB_VALUE_AFTER = re.compile(r"^\s*(?:\([^)]{0,20}\)\s*)?\\?\s*[<>≤≥=](?!\s*=?\s*\d+(?:\.\d+)?\s*%)|"
                              r"^[^.;\n]{0,25}\bml\s*/\s*min", re.IGNORECASE)
# A protein change such as V600E / G12C / F1174L; it may be glued to the gene ("BRAFV600E").
PROTEIN_CHANGE = re.compile(r"(?<![a-z0-9])[A-Z]\d{1,4}(?:[A-Z]|\*|fs|del|ins)(?![A-Za-z0-9])")
# ... glued to a symbol written in any case ("KRasG12C", "krasg12d"), read from where the symbol ends.
_GLUED_PROTEIN_CHANGE = re.compile(r"[A-Za-z]\d{1,4}[A-Za-z](?![A-Za-z0-9])")

def _phrase_pattern(phrase: str) -> str:
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", phrase.strip()) if p]
    return r"[\s\-]*".join(parts)


def is_ambiguous(symbol: str) -> bool:
    letters = re.sub(r"[^A-Za-z0-9]", "", symbol)
    return symbol.upper() in AMBIGUOUS_SYMBOLS or len(letters) <= 3


_NUMBERED_SYMBOL = re.compile(r"^([A-Za-z][A-Za-z0-9]*[A-Za-z])([1-9])$")


def _numbered_ranges(symbol: str) -> list[str]:
    """Family ranges that include a numbered symbol: NTRK2 is in "NTRK1-3", "NTRK1/2/3", "NTRK2/3", and
    with a space or hyphen after the family's stem, "NTRK 1-3", "FGFR 1/2/3", "IDH-1/2" (a stem followed by
    a span of its own numbers names those members, whatever the spacing)."""
    found = _NUMBERED_SYMBOL.match(symbol.strip())
    if not found:
        return []
    prefix, number = re.escape(found.group(1)) + r"[ \-]?", int(found.group(2))
    ranges = [rf"{prefix}{low}\s*[-–]\s*{high}" for low in range(1, number + 1) for high in range(number, 10)
              if low < high]
    lists = [rf"{prefix}{low}" + "".join(rf"\s*/\s*{n}" for n in range(low + 1, high + 1))
             for low in range(1, number + 1) for high in range(number, 10) if low < high]
    return sorted(ranges + lists, key=len, reverse=True)


def range_first_words(symbol: str) -> list[str]:
    """The words a family range holding this symbol starts with: NTRK3 -> ntrk1, ntrk2, ntrk3, and the
    stem alone, ntrk ("NTRK 1-3")."""
    found = _NUMBERED_SYMBOL.match(symbol.strip())
    if not found:
        return []
    return [*(f"{found.group(1)}{low}".lower() for low in range(1, int(found.group(2)) + 1)),
            found.group(1).lower()]


def index_words(phrase: str) -> list[str]:
    """The words an occurrence of the phrase can start with (its first word, or a range's)."""
    return list(dict.fromkeys([first_word(phrase), *range_first_words(phrase)]))


def needle_words(phrase: str) -> list[str]:
    """Substrings a text must hold to mention the phrase: its longest word, or a range's start."""
    return [max(WORD.findall(phrase) or [phrase], key=len).lower(), *range_first_words(phrase)]


@lru_cache(maxsize=4096)
def gene_regex(symbol: str) -> re.Pattern:
    body = _phrase_pattern(symbol)
    ranges = _numbered_ranges(symbol)
    if ranges:
        body = "(?:" + "|".join([*ranges, body]) + ")"
    # Whole word; also glued to a protein change as in "BRAFV600E", or to a variant's name as in
    # "EGFRvIII" (EGFR variant III) or "ARv7".
    return re.compile(rf"(?<![A-Za-z0-9]){body}(?:(?![A-Za-z0-9])|(?=[A-Z]\d{{1,4}}[A-Z]\b)|(?={GLUED_VARIANT}\b))",
                      re.IGNORECASE)


@lru_cache(maxsize=4096)
def drug_regex(name: str) -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z0-9]){_phrase_pattern(name)}(?![A-Za-z0-9])", re.IGNORECASE)


WORD = re.compile(r"[A-Za-z0-9]+")
_NUMBERED_NAME_AFTER = re.compile(r"[\s\-]*(?:\d{1,2}|[IVX]{1,3}|alpha|beta|like|related|family)\b", re.IGNORECASE)
BRACKETED_ABBREVIATION = re.compile(r"\s*\((?:[A-Za-z0-9][A-Za-z0-9\-/ ]{0,19})\)")
GLUED_VARIANT = r"v(?:[IVX]{1,4}|\d{1,2})"
# What may follow a gene glued to it, lowercased: a protein change ("v600e") or a variant ("viii").
GLUED_CHANGE = re.compile(rf"[a-z]\d{{1,4}}[a-z]|{GLUED_VARIANT}", re.IGNORECASE)
FAMILY_SYMBOLS = frozenset(f for names in GENE_FAMILIES.values() for f in names)
_FAMILY_ALTERATION_AFTER = re.compile(
    r"[\s\-]*(?:mutations?|mutated|mutant|mutants|wild[\s-]?type|wildtype|wt\b|alterations?|altered|"
    r"amplifications?|amplified|fusions?|fused|rearrangements?|rearranged|"
    r"(?:mutation[\s\-]*)?(?:positive|negative))", re.IGNORECASE)
_VERB_MET_AFTER = re.compile(r"\s+(?:the|all|any|each|every|these|those|both|either|one|criteria|criterion|"
                             r"eligibility|requirements?|conditions)\b", re.IGNORECASE)


_LOWER_TOKEN = re.compile(r"[a-z0-9]+")  # a WORD token, lowercased


@lru_cache(maxsize=64)
def words_starting(starts: frozenset[str]):
    """finditer over the WORD tokens that begin, in any case, with one of `starts`: the same
    tokens, whole and in order, that WORD.finditer gives, less those whose first letters rule
    them out (a phrase's first word, a gene glued to a change). A start that is no lowercased
    token (not ASCII letters and digits) begins no token."""
    starts = frozenset(s for s in starts if _LOWER_TOKEN.fullmatch(s))
    if not starts:
        return lambda text: iter(())
    alternatives = "|".join(sorted(starts, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})[A-Za-z0-9]*", re.ASCII | re.IGNORECASE).finditer


@lru_cache(maxsize=64)
def substring_search(needles: frozenset[str]):
    """A test for "one of the needles is a substring of the text": one compiled search, not a
    Python loop over dozens of drug names for every field of every study."""
    if not needles:
        return lambda text: None
    return re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True))).search


def first_word(phrase: str) -> str:
    found = WORD.search(phrase)
    return found.group(0).lower() if found else phrase.lower()


@lru_cache(maxsize=1024)
def variant_regex(phrase: str) -> re.Pattern:
    if PROTEIN_CHANGE.fullmatch(phrase.strip()):
        return re.compile(rf"(?<![a-z0-9]){re.escape(phrase.strip())}(?![A-Za-z0-9])")
    return drug_regex(phrase)


def _symbol_like(phrase: str) -> bool:
    """A gene symbol rather than a name: "ALK", "NTRK1", "B-Raf", "pan-TRK" (not "anaplastic lymphoma kinase")."""
    return not re.search(r"\s", phrase.strip()) and (
        sum(c.isupper() for c in phrase) >= 2 or any(c.isdigit() for c in phrase))


def reads_as_gene(symbol: str, written: str, text: str, start: int, end: int, ambiguous: bool) -> bool:
    """Whether this occurrence names the gene, not a word, a lab value or another abbreviation."""
    if _LAB_VALUE_AFTER.match(text[end:end + 40]):
        return False  # "eGFR < 45 mL/min", "ALK PHOS > 2 x ULN"
    if not _symbol_like(symbol):
        # A full name continued by a number is another gene's name: "epidermal growth factor
        # receptor" inside "human epidermal growth factor receptor 2" (HER2).
        return not _NUMBERED_NAME_AFTER.match(text, end)
    context = has_gene_context(text, start, end)
    # Symbols count as written ("EGFR", "B-Raf") or in capitals; "eGFR" (kidney function),
    # "TrKA" and the English words "met", "kit", "ret" need a gene word beside them, or a protein change
    # glued to them ("KRasG12C").
    if written not in (symbol, symbol.upper()) and not context and not _GLUED_PROTEIN_CHANGE.match(text, end):
        return False
    # The verb, capitalised: "patients who have MET the criteria", "MET all eligibility criteria".
    if symbol.upper() == "MET" and not context and _VERB_MET_AFTER.match(text, end):
        return False
    # A family name ("RAS", "IDH") names the genes only with an alteration beside it: "RAS-mutated",
    # "RAS wild-type"; not "RAS pathway" or "renin-angiotensin system (RAS)".
    if symbol.upper() in FAMILY_SYMBOLS and not _FAMILY_ALTERATION_AFTER.match(text, end):
        return False
    # "SUTAB is a BOWEL PREP KIT": an everyday word among other capitalised everyday words.
    if ambiguous and not context and written.isupper() and in_capitalised_words(text, start, end):
        return False
    # "(MET)" right after other words is usually that phrase's abbreviation ("metformin (MET)").
    if ambiguous and text[start - 1:start] == "(" and text[end:end + 1] == ")" and not context:
        return False
    return True


# Symbols that are also everyday English words, the ones a capitalised product name or heading uses.
ENGLISH_WORD_SYMBOLS = frozenset({"KIT", "MET", "RET", "SMO", "SET", "REST", "CAT", "MAX", "CAST", "IMPACT",
                                  "CALM", "CAPS", "TOP", "REL", "FES", "FER", "MOS", "JUN"})
_CAPITAL_WORD = re.compile(r"[A-Z]{2,}")


@lru_cache(maxsize=1)
def known_capitalised_abbreviations() -> frozenset[str]:
    """Capitalised words that are abbreviations trialfind knows, not everyday words: every target's
    genes and aliases, the ambiguous symbols, and the condition vocabulary's abbreviations (GIST, NSCLC)."""
    words = set(AMBIGUOUS_SYMBOLS)
    for info in builtin_knowledge().targets.values():
        words.update(w.upper() for phrase in (*info.genes, *info.aliases) for w in WORD.findall(phrase))
    for concept in condition_vocabulary().concepts.values():
        words.update(w.upper() for a in concept.abbreviations for w in WORD.findall(a))
    return frozenset(words)


def in_capitalised_words(text: str, start: int, end: int) -> bool:
    """Whether the word at [start, end) is an everyday-word symbol (KIT, MET) among capitalised words
    (up to three each side, spaces only between) of which one of three letters or more is no
    abbreviation trialfind knows: "BOWEL PREP KIT", "PROVIDED AS A KIT", but not "EGFR KIT PDGFRA".
    (An unknown abbreviation reads as a word too: "GIST KIT" needs a gene word, "GIST KIT exon 11".)"""
    if text[start:end].upper() not in ENGLISH_WORD_SYMBOLS:
        return False
    # Up to three capitalised words on each side, spaces only between ("PROVIDED AS A KIT").
    before = re.search(r"((?:[A-Z]+ +){1,3})$", text[max(0, start - 40):start])
    after = re.match(r"((?: +[A-Z]+(?![a-z0-9])){1,3})", text[end:end + 40])
    neighbours = [w for n in (before, after) if n for w in n.group(1).split()]
    known = known_capitalised_abbreviations()
    return any(_CAPITAL_WORD.fullmatch(w) and len(w) >= 3 and w not in known for w in neighbours)


def is_other_abbreviation(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] == "(" and text[end:end + 1] == ")" and not has_gene_context(text, start, end)


def has_gene_context(text: str, start: int, end: int) -> bool:
    return bool(_GENE_WORD_AFTER.match(text[end:end + 40]) or _GENE_WORD_BEFORE.search(text[max(0, start - 30):start]))


_BARE_CODON = re.compile(r"[A-Z]\d{1,4}", re.IGNORECASE)
_VARIANT_NEGATED = re.compile(r"\b(?:other\s+than|except|excluding|not|non|no|without)[\s\-]+(?:\w+[\s\-]+){0,1}$",
                              re.IGNORECASE)


def variant_state(text: str, clause: tuple[int, int], variant_regexes: list[re.Pattern],
                  asks_protein_change: bool, gene_ends: Iterable[int] = ()) -> str | None:
    """Whether the clause asks for the variant: "yes", "no" (another or a negated one, e.g. "any
    KRAS mutation other than G12C"), or "unknown" (the clause names no variant). `gene_ends`: where
    the gene's mentions end; a protein change glued there is the gene's, in any case ("KRasG12C")."""
    if not variant_regexes:
        return None
    window = text[clause[0]:clause[1]]
    glued = [g.group(0).upper() for end in gene_ends if (g := _GLUED_PROTEIN_CHANGE.match(text, end))]
    if any(r.fullmatch(change) for r in variant_regexes for change in glued):
        return "yes"
    hits = [h for r in variant_regexes for h in r.finditer(window)]
    stated = [h for h in hits if not _VARIANT_NEGATED.search(window[:h.start()])]
    if stated:
        # "EGFR C797 but not EGFR C797S": a codon stated does not cover the change denied at it.
        if all(_BARE_CODON.fullmatch(h.group(0)) for h in stated) and any(
                h not in stated and not _BARE_CODON.fullmatch(h.group(0)) for h in hits):
            return "no"
        return "yes"
    if hits:
        return "no"  # "any KRAS mutation other than G12C"
    if asks_protein_change and (glued or PROTEIN_CHANGE.search(window)):
        return "no"
    return "unknown"
