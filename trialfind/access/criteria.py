"""The criteria companies state for expanded access, checked against what the data can tell.

Companies (e.g. Ikena Oncology's published policy) ask for: a serious or
life-threatening condition; no comparable or satisfactory alternative; the patient is
not eligible for any ongoing trial; an open US IND with trials under way in the US;
enough safety data (usually a completed phase 1); adequate supply; no harm to the
drug's development; a physician who files the IND and reports safety. The trial
records answer three of these; the rest only the physician or the company can.

Never optimistic: a check is "met" only when the records show it in full, and every
answer says exactly what was checked. An age-only check of one drug's trials never makes
"not eligible for any trial" met; another company's US trial never makes "open US IND" met.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Iterable, Sequence

from trialfind.access.candidates import is_drug_company
from trialfind.access.drug_facts import describe_approval
from trialfind.core.ages import ADULT_DAYS, age_fits, describe_days, max_age_days, min_age_days
from trialfind.core.study import FLAGGED_OPEN_STATUSES, OPEN_STATUSES, Study

MET = "met"
NOT_MET = "not met"
UNKNOWN = "unknown"  # the "who answers" field says who can settle it
ANSWERS = (MET, NOT_MET, UNKNOWN)

UNDER_WAY_STATUSES = OPEN_STATUSES | FLAGGED_OPEN_STATUSES | {"ACTIVE_NOT_RECRUITING"}
US_COUNTRY = "United States"


@dataclass(frozen=True)
class CriterionCheck:
    key: str
    criterion: str
    answer: str          # one of ANSWERS
    reason: str
    answered_by: str     # "data" (the trial records), "physician" or "company"
    evidence: tuple[str, ...] = ()   # NCT ids behind the answer

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence"] = list(self.evidence)
        return data


def _field(candidate: Any, name: str, default: Any = None) -> Any:
    if isinstance(candidate, dict):
        return candidate.get(name, default)
    return getattr(candidate, name, default)


def _attr(record: Any, name: str) -> Any:
    """A field of an EA record given as an EARecord or as its dict."""
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)


def _trials(values: Any) -> list:
    """Trial-like objects (trialfind Study, or the candidates module's DrugTrial): anything
    with an nct_id and a status. Expanded-access and observational records are not trials."""
    out = []
    for value in values or ():
        if getattr(value, "nct_id", None) is None or not hasattr(value, "status"):
            continue
        if getattr(value, "study_type", None) in ("EXPANDED_ACCESS", "OBSERVATIONAL"):
            continue
        out.append(value)
    return out


def _min_days(trial: Any) -> int | None:
    if hasattr(trial, "min_age_days"):
        return trial.min_age_days
    return min_age_days(getattr(trial, "min_age", None))


def _max_days(trial: Any) -> int | None:
    if hasattr(trial, "max_age_days"):
        return trial.max_age_days
    return max_age_days(getattr(trial, "max_age", None))


def _countries(trial: Any, site_studies: dict[str, Study]) -> set[str] | None:
    """Countries of a trial's sites, or None when the evidence does not carry locations."""
    study = site_studies.get(trial.nct_id)
    if study is None and isinstance(trial, Study):
        study = trial
    if study is not None:
        return {(site.country or "").strip() for site in study.sites}
    countries = getattr(trial, "countries", None)
    return {str(c).strip() for c in countries} if countries is not None else None


def _drug_name(candidate: Any) -> str:
    return str(_field(candidate, "drug") or _field(candidate, "name") or "this drug")


def _ids(studies: Iterable) -> tuple[str, ...]:
    return tuple(s.nct_id for s in studies)


def _list(ids: tuple[str, ...], limit: int = 5) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _check_trial_eligibility(drug: str, trials: list, age_days: int | None, age_phrase: str | None,
                             searched: bool) -> CriterionCheck:
    """Only ever 'not met' or 'unknown': the data can show an open trial admitting the child's
    age, never that no trial at all fits the child (other drugs' trials, other criteria)."""
    key, criterion = "not_eligible_for_trials", "The patient is not eligible for any ongoing clinical trial"
    if not searched:
        return CriterionCheck(key, criterion, UNKNOWN, "No trial data was searched; the physician confirms.",
                              "physician")
    open_trials = [t for t in trials if t.status in OPEN_STATUSES | FLAGGED_OPEN_STATUSES]
    not_checked = ("other eligibility criteria, and trials of other drugs, were not checked: the physician "
                   "confirms that no trial fits.")
    if age_days is None:
        if open_trials and all(_min_days(t) is not None and _min_days(t) >= ADULT_DAYS for t in open_trials):
            return CriterionCheck(key, criterion, UNKNOWN,
                                  f"Every open trial of {drug} in the data ({_list(_ids(open_trials))}) admits adults "
                                  f"only (18 or older) by its stated ages; {not_checked}", "data", _ids(open_trials))
        if not open_trials:
            return CriterionCheck(key, criterion, UNKNOWN,
                                  f"No open trial of {drug} was found in the data searched; {not_checked}", "data")
        return CriterionCheck(key, criterion, UNKNOWN,
                              f"{drug} has open trials that may admit children ({_list(_ids(open_trials))}); "
                              "give the child's age to check them by age.", "data", _ids(open_trials))
    admitting = [t for t in open_trials if age_fits(age_days, _min_days(t), _max_days(t))]
    age_words = age_phrase or f"aged {describe_days(age_days)}"
    if admitting:
        return CriterionCheck(key, criterion, NOT_MET,
                              f"{len(admitting)} open trial(s) of {drug} admit a child {age_words} by their stated "
                              f"ages ({_list(_ids(admitting))}): the patient may be eligible; ask the study team "
                              "about joining first.", "data", _ids(admitting))
    if open_trials:
        return CriterionCheck(key, criterion, UNKNOWN,
                              f"No open trial of {drug} admits a child {age_words} by its stated ages "
                              f"({len(open_trials)} open trial(s) checked: {_list(_ids(open_trials))}); "
                              f"{not_checked}", "data", _ids(open_trials))
    return CriterionCheck(key, criterion, UNKNOWN,
                          f"No open trial of {drug} was found in the data searched; {not_checked}", "data")


def _check_us_trials(drug: str, trials: list, site_studies: dict[str, Study],
                     companies: Sequence[str]) -> CriterionCheck:
    """'met' only when a trial of the drug sponsored by the drug's own company is under way in
    the US: another sponsor's trial runs under that sponsor's IND and says nothing of the company's."""
    key = "us_trials_under_way"
    criterion = "An open US IND, with clinical trials of the drug under way in the United States"
    under_way = [t for t in trials if t.status in UNDER_WAY_STATUSES]
    located = [(t, _countries(t, site_studies)) for t in under_way]
    in_us = [t for t, countries in located if countries and US_COUNTRY in countries]
    by_company = [t for t in in_us if is_drug_company(getattr(t, "lead_sponsor", None),
                                                      getattr(t, "lead_sponsor_class", None), companies)]
    if by_company:
        return CriterionCheck(key, criterion, MET,
                              f"{len(by_company)} trial(s) of {drug} sponsored by {companies[0]} are under way with "
                              f"sites in the United States ({_list(_ids(by_company))}); they run under the "
                              "company's US IND.", "data", _ids(by_company))
    if in_us:
        sponsors = ", ".join(dict.fromkeys(getattr(t, "lead_sponsor", None) or "sponsor not given" for t in in_us))
        company = companies[0] if companies else "the company"
        return CriterionCheck(key, criterion, UNKNOWN,
                              f"Trial(s) of {drug} under way in the United States ({_list(_ids(in_us))}) are "
                              f"sponsored by {sponsors}, not by {company} (or its company is not recorded); "
                              f"such trials may run under their own IND: ask {company} whether its US IND is open.",
                              "data", _ids(in_us))
    if not trials:
        reason = f"No trials of {drug} itself were found in the data"
    elif under_way and all(countries is None for _, countries in located):
        reason = f"The evidence for {drug} does not include trial locations"
    else:
        reason = f"No trial of {drug} under way with a US site was found in the data"
    return CriterionCheck(key, criterion, UNKNOWN, reason + "; ask the company whether a US IND is open.", "data")


def _completed_phase1(trials: list) -> list:
    return [t for t in trials if t.status == "COMPLETED" and ({"PHASE1", "EARLY_PHASE1"} & set(getattr(t, "phases", ()) or ()))]


def _approval_words(approvals: Sequence[Any]) -> str:
    return "; ".join(describe_approval(a) for a in approvals)


def _check_phase1(drug: str, trials: list, flag: Any, approvals: Sequence[Any]) -> CriterionCheck:
    criterion = "Enough safety data: usually a completed phase 1 study"
    done = _completed_phase1(trials)
    if done or flag is True:
        where = f" ({_list(_ids(done))})" if done else ""
        return CriterionCheck("phase1_completed", criterion, MET,
                              f"A phase 1 study of {drug} is completed{where}; safety in children is a separate "
                              "question (see the paediatric experience).", "data", _ids(done))
    if approvals:
        return CriterionCheck("phase1_completed", criterion, MET,
                              f"{drug} is {_approval_words(approvals[:1])}: its phase 1 studies are complete; "
                              "safety in children is a separate question (see the paediatric experience).", "data")
    return CriterionCheck("phase1_completed", criterion, UNKNOWN,
                          f"No completed phase 1 study of {drug} was found in the data; the company can say "
                          "whether there is enough safety data (including in children).", "data")


def _check_investigational(drug: str, approved: Any, approvals: Sequence[Any], ea_records: list) -> CriterionCheck:
    key = "investigational"
    criterion = "The drug is still investigational (expanded access usually ends once it is approved)"
    us = [a for a in approvals if (getattr(a, "region", None) or "").upper() in ("US", "USA", "FDA")]
    if us:
        return CriterionCheck(key, criterion, NOT_MET,
                              f"{drug} is {_approval_words(us)}: the physician may be able to prescribe it off-label; "
                              "companies may still supply an approved drug for an unapproved use (ask).", "data")
    marketed = tuple(_attr(r, "nct_id") or "" for r in ea_records if _attr(r, "status") == "APPROVED_FOR_MARKETING")
    if approved is True or approvals or marketed:
        if approvals:
            why = _approval_words(approvals)
        elif approved is True:
            why = "marked as approved in trialfind's drug table (where and for whom is not recorded)"
        else:
            why = f"listed as approved for marketing by an expanded-access record ({_list(marketed)})"
        return CriterionCheck(key, criterion, UNKNOWN,
                              f"{drug} is {why}: if it is approved in the US, the physician may be able to "
                              "prescribe it, possibly off-label, instead of asking for expanded access.", "data",
                              tuple(m for m in marketed if m))
    if approved is False:
        return CriterionCheck(key, criterion, MET,
                              f"{drug} is not marked as approved anywhere in trialfind's drug table.", "data")
    return CriterionCheck(key, criterion, UNKNOWN,
                          f"Whether {drug} is approved anywhere is not known here.", "data")


def _check_ea_program(drug: str, ea_records: list) -> CriterionCheck:
    criterion = "An expanded-access program for the drug is listed on ClinicalTrials.gov"
    available = [r for r in ea_records if _attr(r, "available") or _attr(r, "status") == "AVAILABLE"]
    if available:
        ids = tuple(_attr(r, "nct_id") for r in available if _attr(r, "nct_id"))
        return CriterionCheck("ea_program_listed", criterion, MET,
                              f"An expanded-access record for {drug} is listed as available ({_list(ids)}); "
                              "its terms (ages, conditions) still apply.", "data", ids)
    reason = (f"{len(ea_records)} expanded-access record(s) for {drug}, none currently available"
              if ea_records else f"No expanded-access record for {drug} was found")
    return CriterionCheck("ea_program_listed", criterion, UNKNOWN,
                          reason + "; a single-patient request is still possible.", "data",
                          tuple(_attr(r, "nct_id") for r in ea_records if _attr(r, "nct_id")))


_PHYSICIAN_AND_COMPANY_CHECKS = (
    ("serious_condition", "A serious or life-threatening disease or condition", "physician",
     "Only the child's physician can state this."),
    ("no_alternative", "No comparable or satisfactory alternative treatment", "physician",
     "The physician states which standard options were used or are not suitable."),
    ("other_medical_criteria", "The patient meets the program's other medical criteria", "company",
     "The company's medical team decides from the physician's summary."),
    ("adequate_supply", "Enough drug can be supplied without harming ongoing or planned trials", "company",
     "Only the company knows its supply; the physician asks."),
    ("no_harm_to_development", "The requested use does not compromise the drug's development", "company",
     "The company decides."),
    ("physician_responsibilities", "A licensed physician files the IND (FDA Form 3926), obtains IRB approval "
     "and reports safety", "physician", "The treating physician must agree to do this."),
)


def check_company_criteria(candidate: Any, age_days: int | None = None, ea_records: Iterable | None = None,
                           studies: Iterable[Study] = (), age_phrase: str | None = None,
                           companies: Sequence[str] | None = None, searched: bool = True) -> list[CriterionCheck]:
    """One check per criterion companies state, answered from the candidate's evidence.

    `candidate` is a trialfind.access.candidates.Candidate, or any object or dict with
    `drug`, `trials` (Study objects or the candidates module's DrugTrial), `age_days`,
    `phase1_completed`, `approved` (or `info.approved`) and `ea_records`. Missing fields
    make the matching checks "unknown", never "met". `studies` (parsed Study objects of
    the same trials) supply site countries when the trials themselves carry none.
    `age_phrase` replaces "aged 7 years 2 months" in the reasons (the request packet shows
    only an age band). `companies` are the drug's own companies (default: the candidate's
    `company`); only their trials can show the company's US IND. `searched` False: no data.
    Give only the drug's OWN trials: trials where it is a comparator or background therapy
    say nothing about its development.
    """
    drug = _drug_name(candidate)
    trials = _trials(_field(candidate, "trials"))
    if not trials:
        trials = _trials([*(_field(candidate, "adult_only_trials") or ()), *(_field(candidate, "pediatric_trials") or ())])
    if age_days is None:
        age_days = _field(candidate, "age_days")
    records = list(ea_records if ea_records is not None else (_field(candidate, "ea_records") or ()))
    approved = _field(candidate, "approved")
    if approved is None:
        approved = _field(_field(candidate, "info"), "approved")
    site_studies = {s.nct_id: s for s in studies if isinstance(s, Study)}
    approvals = tuple(_field(candidate, "approvals") or ())
    if companies is None:
        companies = _field(candidate, "company") or ()
        companies = tuple(c.strip() for c in companies.split(";")) if isinstance(companies, str) else tuple(companies)
    checks = [
        _check_trial_eligibility(drug, trials, age_days, age_phrase, searched),
        _check_us_trials(drug, trials, site_studies, companies),
        _check_phase1(drug, trials, _field(candidate, "phase1_completed"), approvals),
        _check_investigational(drug, approved, approvals, records),
        _check_ea_program(drug, records),
    ]
    checks += [CriterionCheck(key, criterion, UNKNOWN, reason, who)
               for key, criterion, who, reason in _PHYSICIAN_AND_COMPANY_CHECKS]
    return checks
