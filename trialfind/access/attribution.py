"""Whose drug, whose program: the drug's company (from the drug table, never a combination
trial's sponsor), its published expanded-access policy, and which expanded-access records are
this drug's rather than another drug's of the same trial."""
from __future__ import annotations

import csv
from collections import Counter
from functools import lru_cache
from typing import Mapping, Sequence

from trialfind.access.ea_records import ea_records_from_studies
from trialfind.access.evidence import DrugTrial, RelatedEARecord
from trialfind.core.study import Study
from trialfind.knowledge.drugs import DrugResolver, resolver_for
from trialfind.knowledge.sponsor_directory import match_sponsor, normalize_company, related_policies
from trialfind.knowledge.targets import DRUGS_FILE, DrugInfo, builtin_knowledge, split_list

# --- the drug's company and its policy -------------------------------------------------------

@lru_cache(maxsize=1)
def _company_table() -> dict[str, tuple[str, ...]]:
    try:
        with open(DRUGS_FILE, encoding="utf-8", newline="") as handle:
            return {row["drug"].strip(): split_list(row.get("company"))
                    for row in csv.DictReader(handle, delimiter="\t") if (row.get("drug") or "").strip()}
    except OSError:
        return {}


def drug_company(info: DrugInfo) -> tuple[str, ...]:
    """The company (or companies: US labeler first, then regional partners) that holds the drug,
    from trialfind's drug table; () when not recorded. A drug from a user's table is looked up by
    any of its names (exactly, never fuzzily)."""
    table = _company_table()
    if info.name in table:
        return table[info.name]
    resolver = resolver_for(builtin_knowledge())
    for name in info.all_names:
        canonical = resolver.resolve(name, allow_fuzzy=False)
        if canonical:
            return table.get(canonical, ())
    return ()


def is_drug_company(sponsor: str | None, sponsor_class: str | None, companies: Sequence[str]) -> bool:
    """True when a lead sponsor is (a unit of) one of the drug's companies."""

    if not sponsor or not companies or (sponsor_class and sponsor_class.upper() != "INDUSTRY"):
        return False
    sponsor_policy = match_sponsor(sponsor, sponsor_class)
    sponsor_key = normalize_company(sponsor)
    for company in companies:
        policy = match_sponsor(company, "INDUSTRY")
        if sponsor_policy is not None and policy is not None:
            family = {policy.company, *(p.company for p in related_policies(policy))}
            if sponsor_policy.company in family:
                return True
        key = normalize_company(company)
        if key and (sponsor_key == key or sponsor_key.startswith(key + " ")):
            return True
    return False


def _study_word(trial: DrugTrial) -> str:
    return "expanded-access record" if trial.study_type == "EXPANDED_ACCESS" else "trial"


def ea_policy_for(companies: Sequence[str], studies: Sequence[DrugTrial]) -> tuple[dict | None, str | None, str]:
    """(policy, basis, reason): the directory row of the drug's company; only when the company is
    not recorded, that of an industry sponsor of a study giving this drug alone."""
    named = "; ".join(companies)
    if companies:
        for company in companies:
            policy = match_sponsor(company, "INDUSTRY")
            if policy is not None:
                also = f" ({named})" if len(companies) > 1 else ""
                return (policy.to_dict(), "the drug's company",
                        f"policy of {policy.company}, the drug's company{also}: see `trialfind sponsor`")
        return (None, None, f"the drug's company ({named}) is not in trialfind's expanded-access directory: "
                            "ask its medical information line (`trialfind sponsor` lists general resources)")
    alone = [t for t in studies if t.lead_sponsor and (t.lead_sponsor_class or "").upper() == "INDUSTRY"
             and t.study_type != "OBSERVATIONAL" and t.gives_drug_alone]
    alone.sort(key=lambda t: t.last_update or "", reverse=True)
    counts = Counter(t.lead_sponsor for t in alone)
    for name, _ in counts.most_common():
        policy = match_sponsor(name, "INDUSTRY")
        if policy is not None:
            trial = next(t for t in alone if t.lead_sponsor == name)
            word = _study_word(trial)
            return (policy.to_dict(), f"sponsor of its {word} {trial.nct_id}",
                    f"policy of {policy.company}, sponsor of its {word} {trial.nct_id} (the drug's company is not "
                    f"recorded in trialfind's drug table: check that {policy.company} holds it)")
    return (None, None, "the drug's company is not recorded in trialfind's drug table and no company study of it "
                        "alone was found: no expanded-access policy shown")


# --- which expanded-access records are this drug's ------------------------------------------

def attribute_ea(drug: str, studies: Sequence[Study], trials: Sequence[DrugTrial], companies: Sequence[str],
                  resolver: DrugResolver, known_studies: Mapping[str, Study]) -> tuple[list, list[RelatedEARecord]]:
    """(this drug's EA records, related records that may be another drug's).

    An EA study naming the drug is its record. A link from one of its trials counts when the EA
    study it points to (if fetched) names the drug or, unresolved, when the linking trial gives
    this drug alone or is run by the drug's company; otherwise the program may be for the
    trial's other drug.
    """

    own_ea = {s.nct_id for s in studies if s.is_expanded_access}
    linked = {s.expanded_access.nct_id for s in studies
              if not s.is_expanded_access and s.expanded_access is not None and s.expanded_access.nct_id}
    resolved = [known_studies[n] for n in sorted(linked - own_ea)
                if n in known_studies and known_studies[n].is_expanded_access]
    by_id = {t.nct_id: t for t in trials}
    mine, related = [], []
    for record in ea_records_from_studies([*studies, *resolved]):
        linking = [by_id[n] for n in record.linked_from if n in by_id]
        on = ", ".join(record.linked_from) or "a trial"
        if record.kind == "expanded_access_study":
            if record.nct_id in own_ea or drug in resolver.resolve_names(record.interventions):
                mine.append(record)
            else:
                named = ", ".join(record.interventions) or "no drug"
                related.append(RelatedEARecord(record, f"program {record.nct_id}, linked from trial {on}, names "
                                                       f"{named}, not {drug}"))
        elif any(t.gives_drug_alone for t in linking) or any(
                is_drug_company(t.lead_sponsor, t.lead_sponsor_class, companies) for t in linking):
            mine.append(record)
        else:
            others = list(dict.fromkeys(d for t in linking for d in t.with_drugs))
            also = f" ({', '.join(others[:4])})" if others else ""
            related.append(RelatedEARecord(record, f"program on trial {on} may be for another drug of that "
                                                   f"trial{also}"))
    return mine, related
