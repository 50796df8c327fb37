"""Usage: python scripts/offline_answers_digest.py CACHE_DIR [--build] [--set real|scale]

A digest of what `find_trials` answers from the local index in CACHE_DIR, per query and in
all, with the package imported from PYTHONPATH: for comparing two checkouts' answers (each
on PYTHONPATH in turn). Each answer contributes its NCT id, eligibility, score, reasons,
evidence, status flag, exclusions, distance and nearest sites, and the complete Study it
returns (every field). --build first builds CACHE_DIR's index from the real records with
that checkout (an index's stored forms are derived by the code that builds it).

--set real: every disease of the condition vocabulary at 3 ages, each under the default
filters and under --status all --include-ineligible, then targets, condition + target pairs,
a place (sites read) and --purpose filters. --set scale: the queries of bench/scale.py plus
a few more, for the replicated index."""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import asdict

sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def queries(which: str) -> list[dict]:
    if which == "scale":
        out = [{"condition": c, "target": t, "age": a} for c, t, a in [
            ("glioma", (), 7), ("neuroblastoma", (), 3), ("acute lymphoblastic leukemia", (), 10),
            ("medulloblastoma", (), 8), ("sarcoma", (), 15), ("neuroblastoma", "ALK", 4), ((), "BRAF V600E", 12),
            ("lymphoma", (), 16), ("ependymoma", (), 5), ("Ewing sarcoma", (), 14)]]
        return out + [{"condition": "sarcoma", "age": 15, "status": "all", "include_ineligible": True},
                      {"condition": "glioma", "age": 7, "near": "42.36,-71.06", "limit": 50}]
    from trialfind.knowledge.conditions import vocabulary

    diseases = [c.names[0] for c in vocabulary().concepts.values() if c.is_disease]
    out = []
    for i, name in enumerate(diseases):
        for age in (2 + i % 5, 9, 16):
            out.append({"condition": name, "age": age})
            out.append({"condition": name, "age": age, "status": "all", "include_ineligible": True})
    for target in ("ALK", "BRAF V600E", "NTRK fusion", "KRAS G12C", "EGFR", "CD19", "MYCN", "H3 K27M"):
        out.append({"target": target, "age": 8})
        out.append({"target": target, "age": 8, "status": "all", "include_ineligible": True})
    for condition, target in (("neuroblastoma", "ALK"), ("glioma", "BRAF V600E"), ("leukemia", "CD19"),
                              ("sarcoma", "NTRK fusion")):
        out.append({"condition": condition, "target": target, "age": 6, "status": "all", "include_ineligible": True})
    out += [{"condition": "neuroblastoma", "age": 7, "near": "42.36,-71.06"},
            {"condition": "leukemia", "age": 10, "near": "Boston, MA", "within": "500mi", "status": "all"},
            {"condition": "glioma", "age": 7, "near": "Paris, France", "sort": "distance", "include_ineligible": True},
            {"condition": "leukemia", "age": 5, "purpose": "treatment"},
            {"condition": "lymphoma", "age": 16, "purpose": "supportive", "status": "all", "include_ineligible": True},
            {"condition": ("DIPG", "diffuse midline glioma"), "age": 6, "limit": 5},
            {"condition": "lymphoma", "age": 12, "sex": "female", "include_observational": True}]
    return out


def answer_digest(results) -> str:
    digest = hashlib.sha256()
    for m in results:
        row = (m.nct_id, m.eligible, m.score, list(m.reasons), [e.to_dict() for e in m.evidence], m.status_flag,
               sorted(m.excluded_by or ()), m.distance_km, [repr(s) for s in m.nearest_sites], asdict(m.study),
               m.study.raw_fields_complete)
        digest.update(json.dumps(row, default=repr, sort_keys=True).encode())
    digest.update(f"total {results.total} unreadable {len(results.unreadable)}".encode())
    return digest.hexdigest()[:16]


def main() -> None:
    cache = sys.argv[1]
    which = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "real"
    from trialfind.sources.local.index import LocalIndex

    if "--build" in sys.argv and not os.path.exists(os.path.join(cache, "index.sqlite")):
        from tests.shared_data import STUDIES_FILE
        from trialfind.sources.local.index import build_index, open_bulk_source

        build_index(open_bulk_source(STUDIES_FILE), cache, workers=0)
    from trialfind.trials import find_trials

    index = LocalIndex.open(cache)
    print(f"reads stored forms: {index.reads_forms}")
    everything = hashlib.sha256()
    for number, query in enumerate(queries(which)):
        started = time.perf_counter()
        results = find_trials(source=index, **query)
        seconds = time.perf_counter() - started
        digest = answer_digest(results)
        everything.update(digest.encode())
        print(f"{number:3} {digest} {len(results):6} answers {seconds * 1000:9.1f} ms  {query}", flush=True)
    print(f"all {everything.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
