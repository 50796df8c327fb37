"""One builder for synthetic ClinicalTrials.gov v2 records (unit tests of edge cases only;
anything claiming end-to-end behaviour uses the real records in ../shared/)."""
from __future__ import annotations

from typing import Any, Sequence


def make_record(nct_id: str, *, title: str | None = None, study_type: str = "INTERVENTIONAL",
                status: str = "RECRUITING", phases: Sequence[str] = ("PHASE1",), drug: str = "synthdrugib",
                drugs: Sequence[str] | None = None, sponsor: str = "Synthetic Pharma",
                sponsor_class: str = "INDUSTRY", min_age: str | None = "18 Years", max_age: str | None = None,
                sex: str | None = None, conditions: Sequence[str] = ("Synthetic tumour",),
                criteria: str = "Inclusion Criteria:\n* synthetic", countries: Sequence[str] = ("United States",),
                last_update: str = "2025-01-15", ea: dict | None = None,
                extra: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """A synthetic v2 record; `extra` merges further fields into protocolSection modules."""
    status_module: dict[str, Any] = {"overallStatus": status, "lastUpdatePostDateStruct": {"date": last_update}}
    if ea is not None:
        status_module["expandedAccessInfo"] = ea
    eligibility: dict[str, Any] = {"eligibilityCriteria": criteria}
    if min_age:
        eligibility["minimumAge"] = min_age
    if max_age:
        eligibility["maximumAge"] = max_age
    if sex:
        eligibility["sex"] = sex
    protocol: dict[str, dict[str, Any]] = {
        "identificationModule": {"nctId": nct_id, "briefTitle": title or f"Synthetic study {nct_id} of {drug}"},
        "statusModule": status_module,
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": sponsor, "class": sponsor_class}},
        "designModule": {"studyType": study_type, "phases": list(phases) if study_type != "EXPANDED_ACCESS" else []},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": d} for d in (drugs or [drug])]},
        "eligibilityModule": eligibility,
        "contactsLocationsModule": {"locations": [{"facility": "Synthetic site", "country": c} for c in countries]},
        "conditionsModule": {"conditions": list(conditions)},
    }
    for module, fields in (extra or {}).items():
        protocol.setdefault(module, {}).update(fields)
    return {"protocolSection": protocol}
