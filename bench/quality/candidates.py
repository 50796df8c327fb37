"""Which studies must be labelled for each benchmark query: every record whose text
mentions the query or one of its spellings/synonyms/abbreviations anywhere (titles,
conditions, keywords, MeSH terms, interventions, eligibility, descriptions, arms,
outcomes), found with a deliberately generous regex per query.

    python bench/quality/candidates.py [--query ALK] [--show]   # list studies + snippets

Used by the annotator to find what to read; it decides nothing. The labels themselves
are in labels.tsv, each justified by a verbatim quote.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.shared_data import real_records  # noqa: E402

I = re.IGNORECASE
# (kind, query) -> list of compiled patterns; abbreviations are matched case-sensitively.
PATTERNS: dict[tuple[str, str], list[re.Pattern]] = {
    ("target", "ALK"): [re.compile(r"\bALK\b"), re.compile(r"anaplastic lymphoma kinase", I)],
    ("target", "BRAF"): [re.compile(r"\bB-?RAF", I), re.compile(r"v-raf", I)],
    ("target", "EGFR"): [re.compile(r"\bEGFR", I), re.compile(r"epidermal growth factor receptor", I),
                         re.compile(r"\bHER-?1\b", I), re.compile(r"\bErbB-?1\b", I)],
    ("target", "ERBB2"): [re.compile(r"\bHER-? ?2", I), re.compile(r"\bERBB-?2", I), re.compile(r"\bneu\b", I),
                          re.compile(r"epidermal growth factor receptor[- ]?2", I)],
    ("target", "KRAS"): [re.compile(r"\bK-?RAS", I), re.compile(r"\bKi-?ras", I), re.compile(r"Kirsten", I)],
    ("target", "NTRK"): [re.compile(r"\bNTRK", I), re.compile(r"\bTRK[ABC]?\b", I),
                         re.compile(r"neurotrophic (tyrosine )?(receptor )?(tyrosine )?kinase", I),
                         re.compile(r"tropomyosin receptor kinase", I)],
    ("target", "MET"): [re.compile(r"\bc-?MET\b", I), re.compile(r"\bMET\b"), re.compile(r"METex14", I),
                        re.compile(r"hepatocyte growth factor receptor", I)],
    ("target", "FGFR"): [re.compile(r"\bFGFR", I), re.compile(r"fibroblast growth factor receptor", I)],
    ("target", "H3 K27M"): [re.compile(r"K27", I), re.compile(r"\bH3\.?[13]?\b"), re.compile(r"histone 3|histone H3", I),
                            re.compile(r"H3F3A|HIST1H3B", I)],
    ("target", "MYCN"): [re.compile(r"\bMYCN", I), re.compile(r"\bN-?MYC\b", I)],
    ("condition", "neuroblastoma"): [re.compile(r"neuroblastom", I), re.compile(r"\bNBL?\b"), re.compile(r"neuroblastic", I)],
    ("condition", "acute myeloid leukemia"): [
        re.compile(r"\bAML\b"), re.compile(r"acute (myeloid|myelogenous|myeloblastic|non-?lymphocytic|nonlymphoblastic|promyelocytic)", I),
        re.compile(r"myeloid leuk", I), re.compile(r"\bANLL\b"), re.compile(r"\bAPL\b")],
    ("condition", "acute lymphoblastic leukemia"): [
        re.compile(r"\b[BT]?-?ALL\b"), re.compile(r"acute lympho(blastic|cytic)", I),
        re.compile(r"lymphoblastic", I), re.compile(r"lymphocytic leuk", I)],
    ("condition", "lymphoma"): [re.compile(r"lymphoma", I), re.compile(r"\bNHL\b"), re.compile(r"hodgkin", I),
                                re.compile(r"\b(DLBCL|ALCL|PTLD|MCL|CLL/SLL)\b"), re.compile(r"burkitt", I)],
    ("condition", "glioma"): [re.compile(r"glioma", I), re.compile(r"gliobl", I), re.compile(r"astrocytom", I),
                              re.compile(r"ependymom", I), re.compile(r"\b(GBM|DIPG|DMG|HGG|LGG)\b"),
                              re.compile(r"glial", I)],
    ("condition", "diffuse midline glioma"): [
        re.compile(r"midline glioma", I), re.compile(r"\bDIPG\b"), re.compile(r"\bDMG\b"),
        re.compile(r"pontine", I), re.compile(r"brain ?stem glioma", I), re.compile(r"K27", I)],
    ("condition", "medulloblastoma"): [re.compile(r"medulloblast", I), re.compile(r"\bPNET\b"),
                                       re.compile(r"embryonal tumou?r", I)],
    ("condition", "rhabdomyosarcoma"): [re.compile(r"rhabdomyosarc", I), re.compile(r"\bRMS\b")],
    ("condition", "osteosarcoma"): [re.compile(r"osteosarc", I), re.compile(r"osteogenic sarc", I)],
    ("condition", "Ewing sarcoma"): [re.compile(r"\bEwing", I), re.compile(r"\bEWS\b"), re.compile(r"\bPNET\b")],
    ("condition", "Wilms tumor"): [re.compile(r"wilm", I), re.compile(r"nephroblastom", I)],
    ("condition", "retinoblastoma"): [re.compile(r"retinoblastom", I)],
}


def _criteria_parts(text: str) -> tuple[str, str]:
    """(inclusion, exclusion) of an eligibilityCriteria block."""
    match = re.search(r"exclusion criteria", text or "", I)
    if not match:
        return text or "", ""
    return text[:match.start()], text[match.start():]


def record_fields(record: dict) -> list[tuple[str, str]]:
    """(field name, text) pairs of everything the annotator searches, in reading order."""
    p = record.get("protocolSection", {})
    d = record.get("derivedSection", {})
    ident = p.get("identificationModule", {})
    out: list[tuple[str, str]] = []
    for key in ("briefTitle", "officialTitle", "acronym"):
        if ident.get(key):
            out.append(("title", ident[key]))
    cond = p.get("conditionsModule", {})
    out += [("condition", c) for c in cond.get("conditions", [])]
    out += [("keyword", k) for k in cond.get("keywords", [])]
    cb = d.get("conditionBrowseModule", {})
    out += [("condition MeSH", m["term"]) for m in cb.get("meshes", [])]
    out += [("condition MeSH ancestor", m["term"]) for m in cb.get("ancestors", [])]
    arms = p.get("armsInterventionsModule", {})
    for iv in arms.get("interventions", []):
        out.append(("intervention", iv.get("name", "")))
        out += [("intervention", n) for n in iv.get("otherNames", [])]
        if iv.get("description"):
            out.append(("intervention description", iv["description"]))
    for arm in arms.get("armGroups", []):
        out.append(("arm", arm.get("label", "")))
        if arm.get("description"):
            out.append(("arm description", arm["description"]))
    ib = d.get("interventionBrowseModule", {})
    out += [("intervention MeSH", m["term"]) for m in ib.get("meshes", [])]
    elig = p.get("eligibilityModule", {})
    inclusion, exclusion = _criteria_parts(elig.get("eligibilityCriteria", ""))
    out += [("inclusion criteria", inclusion), ("exclusion criteria", exclusion)]
    if elig.get("studyPopulation"):
        out.append(("study population", elig["studyPopulation"]))
    desc = p.get("descriptionModule", {})
    for key, name in (("briefSummary", "brief summary"), ("detailedDescription", "detailed description")):
        if desc.get(key):
            out.append((name, desc[key]))
    outcomes = p.get("outcomesModule", {})
    for group in ("primaryOutcomes", "secondaryOutcomes", "otherOutcomes"):
        for o in outcomes.get(group, []):
            out += [("outcome", o[key]) for key in ("measure", "description") if o.get(key)]
    return [(f, t) for f, t in out if t]


def mentions(record: dict, patterns: list[re.Pattern], width: int = 90) -> list[tuple[str, str]]:
    """(field, snippet) for each match of any pattern, one per (field, position)."""
    found = []
    for field, text in record_fields(record):
        spots = sorted({m.start() for pat in patterns for m in pat.finditer(text)})
        last = -10**9
        for spot in spots:
            if spot - last < width:
                continue
            last = spot
            snippet = " ".join(text[max(0, spot - width):spot + width].split())
            found.append((field, snippet))
    return found


def candidates(kind: str, query: str) -> dict[str, list[tuple[str, str]]]:
    patterns = PATTERNS[(kind, query)]
    out = {}
    for record in real_records():
        hits = mentions(record, patterns)
        if hits:
            out[record["protocolSection"]["identificationModule"]["nctId"]] = hits
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--query", action="append", help="only these queries")
    parser.add_argument("--show", action="store_true", help="print the snippets")
    args = parser.parse_args()
    for kind, query in PATTERNS:
        if args.query and query not in args.query:
            continue
        found = candidates(kind, query)
        print(f"{kind}\t{query}\t{len(found)}")
        if args.show:
            for nct, hits in found.items():
                print(f"  {nct}")
                for field, snippet in hits:
                    print(f"    [{field}] {snippet}")


if __name__ == "__main__":
    main()
