"""Resolving what a person types ("ALK", "BRAF V600E", "NTRK fusion", "H3 K27-altered") into a
TargetQuery: the target group, the variant asked, the phrases that spell it, and the drugs
acting on it; unknown names are a usage error with close suggestions."""
from __future__ import annotations

import re

from trialfind.core.errors import InvalidInput
from trialfind.core.text import compact
from trialfind.knowledge.targets import Knowledge, TargetInfo, TargetQuery, builtin_knowledge
from trialfind.knowledge.variants import effects_for

# Generic variant classes and the ways records write them.
VARIANT_CLASSES: dict[str, tuple[str, ...]] = {
    "fusion": ("fusion", "fusions", "fusion-positive", "gene fusion", "rearrangement", "rearrangements",
               "rearranged", "translocation", "translocated"),
    "mutation": ("mutation", "mutations", "mutated", "mutant", "activating mutation"),
    "amplification": ("amplification", "amplified", "copy number gain"),
    "positive": ("positive", "expression", "expressing", "overexpression", "overexpressing"),
    "loss": ("loss", "deletion", "deleted", "inactivation", "loss of function", "deficient"),
}
_CLASS_WORDS = {
    "fusion": "fusion", "fusions": "fusion", "fusionpositive": "fusion", "fused": "fusion", "genefusion": "fusion",
    "rearrangement": "fusion", "rearrangements": "fusion", "rearranged": "fusion", "translocation": "fusion",
    "translocated": "fusion", "r": "fusion",
    "mutation": "mutation", "mutations": "mutation", "mutated": "mutation", "mutant": "mutation", "mut": "mutation",
    "altered": "mutation", "alteration": "mutation", "alterations": "mutation", "variant": "mutation",
    "amplification": "amplification", "amplified": "amplification", "amp": "amplification",
    "positive": "positive", "pos": "positive", "expression": "positive", "expressing": "positive",
    "overexpression": "positive", "overexpressed": "positive", "high": "positive",
    "loss": "loss", "deletion": "loss", "deleted": "loss", "inactivation": "loss", "deficient": "loss",
    "deficiency": "loss", "null": "loss",
}
_NEGATIVE_WORDS = {"negative", "neg", "wildtype", "wt", "notmutated", "nonmutated", "nomutation"}
_AMINO = {"A": "Ala", "R": "Arg", "N": "Asn", "D": "Asp", "C": "Cys", "Q": "Gln", "E": "Glu", "G": "Gly",
          "H": "His", "I": "Ile", "L": "Leu", "K": "Lys", "M": "Met", "F": "Phe", "P": "Pro", "S": "Ser",
          "T": "Thr", "W": "Trp", "Y": "Tyr", "V": "Val"}
_POINT = re.compile(r"^(?:p\.)?([ACDEFGHIKLMNPQRSTVWY])(\d{1,4})([ACDEFGHIKLMNPQRSTVWY*]|fs|del|dup|ins)?$", re.I)
_EXON = re.compile(r"^exon\s*(\d{1,2})\s*(deletion|del|insertion|ins|skipping|mutation|duplication)?$", re.I)



def _variant_of(text: str, info: TargetInfo) -> str | None:
    """The canonical variant for the words after the gene, or raise InvalidInput."""
    raw = text.strip()
    key = compact(raw)
    if not key:
        return None
    if key in _NEGATIVE_WORDS or key.endswith("negative"):
        raise InvalidInput(f"target {info.key} {raw!r}: a negative or wild-type target has no targeted drugs; "
                           "give the alteration the tumour has")
    for phrase, canonical in info.variants:
        if key == compact(phrase):
            return canonical
    if key in _CLASS_WORDS:
        return _CLASS_WORDS[key]
    point = _POINT.match(raw.replace(" ", ""))
    if point:
        ref, pos, alt = point.groups()
        return f"{ref.upper()}{pos}{(alt or '').upper() if alt and len(alt) == 1 else (alt or '')}"
    exon = _EXON.match(raw)
    if exon:
        return f"exon {exon.group(1)}" + (f" {exon.group(2).lower()}" if exon.group(2) else "")
    if raw.upper() in ("ITD", "TKD"):
        return raw.upper()
    known = ", ".join(info.variant_names[:6]) or "fusion, mutation"
    raise InvalidInput(f"variant {raw!r} of {info.key} is not understood: try {known}")


def _phrases(info: TargetInfo, variant: str | None) -> tuple[str, ...]:
    if variant is None:
        return ()
    phrases: list[str] = [variant]
    phrases += [p for p, c in info.variants if c == variant]
    phrases += list(VARIANT_CLASSES.get(variant, ()))
    point = _POINT.match(variant)
    if point and point.group(3):
        ref, pos, alt = point.groups()
        phrases += [f"p.{variant}", f"{ref}{pos}"]
        if alt.upper() in _AMINO:
            phrases.append(f"{_AMINO[ref.upper()]}{pos}{_AMINO[alt.upper()]}")
    if variant == "K27M":
        phrases += ["H3K27M", "H3 K27M", "H3 K27M-mutant", "K27M-mutant", "H3 K27-altered", "H3K27-altered"]
    return tuple(dict.fromkeys(phrases))


def _suggest(text: str, knowledge: Knowledge, limit: int = 4) -> list[str]:
    from rapidfuzz import fuzz, process  # lazy: only an unknown target needs suggestions (~20 ms to import)

    names = knowledge.target_names()
    hits = process.extract(compact(text), list(names), scorer=fuzz.WRatio, limit=limit * 6)
    keys: list[str] = []
    for name, _score, _ in hits:
        key = names[name][0]
        if key not in keys:
            keys.append(key)
    return keys[:limit]


# A gene family criteria name instead of the gene: "RAS-mutated solid tumours" admits a KRAS-, NRAS- or
# HRAS-mutant tumour, "IDH-mutant glioma" an IDH1- or IDH2-mutant one. RAS (rat sarcoma viral oncogene
# homolog): NCBI Gene https://www.ncbi.nlm.nih.gov/gene/3845 (KRAS), /4893 (NRAS), /3265 (HRAS); IDH
# (isocitrate dehydrogenase): /3417 (IDH1), /3418 (IDH2). The matcher reads a family name only with an
# alteration word beside it ("RAS mutation", "IDH-mutant", "RAS wild-type").
_NAMED_FAMILIES = {"KRAS": ("RAS",), "NRAS": ("RAS",), "HRAS": ("RAS",)}


def _numbered_families(knowledge: Knowledge) -> dict[str, tuple[str, ...]]:
    """A target of the table whose key is the stem its genes number (IDH: IDH1, IDH2; FGFR: FGFR1-4;
    PARP: PARP1, PARP2) names that family with the stem: "FGFR amplification" is searched under FGFR and
    must be read as FGFR too. A stem already among the target's aliases (NTRK) is read as any alias is."""
    families: dict[str, tuple[str, ...]] = {}
    for info in knowledge.targets.values():
        stem = info.key
        if len(info.genes) < 2 or stem in info.aliases or not stem.isalnum():
            continue
        if all(re.fullmatch(rf"{re.escape(stem)}[1-9]", gene) for gene in info.genes):
            for gene in info.genes:
                families[gene] = (*families.get(gene, ()), stem)
    return families


GENE_FAMILIES = {**_NAMED_FAMILIES, **_numbered_families(builtin_knowledge())}


def _glued_changes(genes: tuple[str, ...], info: TargetInfo) -> list[str]:
    """The gene written glued to one of its listed protein changes, as records do ("KRASG12D", "KRasG12C",
    "BRAFV600E"): a single word to a full-text search, so it is searched as one (the matcher reads the
    gene and the change apart)."""
    changes = [p for p, _ in info.variants if (point := _POINT.match(p)) and point.group(3) and "." not in p]
    return [f"{gene}{change}" for gene in genes if gene.isalnum() for change in changes]


def _range_starts(gene: str) -> list[str]:
    """Where a family range holding a numbered gene begins: "NTRK1-3 fusion" names NTRK2 and NTRK3
    but is indexed under "NTRK1", so NTRK2 and NTRK3 are also searched as NTRK1 (the matcher
    then judges the range)."""
    found = re.match(r"^([A-Za-z][A-Za-z0-9]*[A-Za-z])([2-9])$", gene)
    return [f"{found.group(1)}{n}" for n in range(1, int(found.group(2)))] if found else []


def _spaced_range_starts(gene: str, searched: tuple[str, ...]) -> list[str]:
    """Where a family range written with a space after the stem begins: "FGFR 1-3 alterations" is the
    words FGFR, 1, 3 to a full-text search, so neither FGFR2 nor FGFR1 finds it; the stem followed by
    the first number does ("ROS 1", "ERBB 1", "ERBB 2" for ERBB2). Not needed when the stem itself is
    already searched (FGFR, NTRK, IDH, BRCA): it finds every such range."""
    found = re.match(r"^([A-Za-z][A-Za-z0-9]*[A-Za-z])([1-9])$", gene)
    if not found or found.group(1).lower() in {t.lower() for t in searched}:
        return []
    return [f"{found.group(1)} {n}" for n in range(1, int(found.group(2)) + 1)]


def resolve_target(text: str, knowledge: Knowledge | None = None) -> TargetQuery:
    """A target as typed ("ALK", "BRAF V600E", "NTRK1 fusion", "KRAS G12C", "CDK4/6") -> TargetQuery."""
    knowledge = knowledge or builtin_knowledge()
    typed = " ".join(str(text or "").split())
    if not typed:
        raise InvalidInput("target is empty: give a gene or target such as ALK, BRAF V600E or NTRK fusion")
    names = knowledge.target_names()
    found = None
    for words in (typed.split(" "), re.split(r"[\s]+|-(?=[A-Za-z]+$)", typed)):
        for size in range(len(words), 0, -1):
            entry = names.get(compact(" ".join(words[:size])))
            if entry:
                found = (entry, " ".join(words[size:]))
                break
        if found:
            break
    if not found:
        suggestions = _suggest(typed, knowledge)
        raise InvalidInput(f"unknown target {typed!r}: did you mean {', '.join(suggestions)}? "
                           "(known targets are listed in trialfind/knowledge/data/targets.tsv)")
    (key, narrowed, implied), rest = found
    info = knowledge.targets[key]
    variant = _variant_of(rest, info) if rest else implied
    genes = narrowed or info.genes
    drug_genes = info.drug_genes or genes
    drugs = knowledge.drugs_acting_on(drug_genes, variant)
    on_genes = [d for d in knowledge.drugs.values() if d.acts_on(drug_genes, d.variants[0] if d.variants else None)]
    variant_only = tuple(d.name for d in on_genes if d.variants and d not in drugs) if variant is None else ()
    effects = effects_for(key, variant)
    # a drug the variant makes fail or harmful (vemurafenib for a BRAF fusion) is listed, flagged, never hidden
    drugs += [d for d in on_genes if d not in drugs and d.name in effects and effects[d.name].against]
    drug_names = tuple(dict.fromkeys(n for d in drugs for n in d.all_names))
    families = tuple(dict.fromkeys(f for g in genes for f in GENE_FAMILIES.get(g, ())))
    search_terms = tuple(dict.fromkeys(
        t for t in (*genes, info.key, *info.genes, *info.aliases,
                    *(p for p, c in info.variants if p != c and not p.islower()),
                    *(s for g in genes for s in _range_starts(g)), *families, *_glued_changes(genes, info))
        if len(compact(t)) >= 3 or t in genes or t in families))
    search_terms += tuple(dict.fromkeys(s for g in genes for s in _spaced_range_starts(g, search_terms)))
    return TargetQuery(text=typed, key=key, genes=tuple(genes), aliases=info.aliases, variant=variant,
                       variant_phrases=_phrases(info, variant), drug_names=drug_names, search_terms=search_terms,
                       drug_genes=tuple(drug_genes), drugs=tuple(d.name for d in drugs), source=info.source,
                       variant_effects=tuple(effects[d.name] for d in drugs if d.name in effects),
                       variant_only_drugs=variant_only, family_names=families)


def known_targets(knowledge: Knowledge | None = None) -> list[str]:
    return list((knowledge or builtin_knowledge()).targets)
