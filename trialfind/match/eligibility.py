"""Can this child join this study? "yes", "no" or "uncertain", with reasons in plain words.

"yes"       the record's own fields (status, ages, sex) admit the child AND the study names
            the child's condition/target directly. Even then the criteria text may add limits.
"no"        the record's status, ages, sex or healthy-volunteer design exclude the child,
            or the study does not concern the condition/target at all.
"uncertain" anything else: missing data, indirect evidence (MeSH category, keyword,
            near spelling, drug only), a study not recruiting yet or by invitation only.
We never say "yes" when the record says otherwise.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from trialfind.core.ages import age_fits, describe_days, is_no_bound
from trialfind.core.study import FLAGGED_OPEN_STATUSES, OPEN_STATUSES

CHECK_WITH_TEAM = "check with the study team: the criteria text may add limits"

STATUS_WORDS = {
    "RECRUITING": "recruiting",
    "NOT_YET_RECRUITING": "not recruiting yet",
    "ENROLLING_BY_INVITATION": "enrolling by invitation only",
    "ACTIVE_NOT_RECRUITING": "active, no longer recruiting",
    "COMPLETED": "completed",
    "SUSPENDED": "suspended",
    "TERMINATED": "stopped early (terminated)",
    "WITHDRAWN": "withdrawn before enrolling anyone",
    "UNKNOWN": "status unknown (not updated for a long time)",
    "AVAILABLE": "available (expanded access)",
}
_FLAG_REASON = {
    "NOT_YET_RECRUITING": "not recruiting yet: ask the study team when it opens",
    "ENROLLING_BY_INVITATION": "enrolls by invitation only: ask the study team whether the child can be invited",
}
_SEX_WORDS = {"FEMALE": "girls and women", "MALE": "boys and men"}


@dataclass(frozen=True)
class Eligibility:
    eligible: str  # yes | no | uncertain
    reasons: tuple[str, ...]
    excluded_by: frozenset[str] = frozenset()  # age | sex | status | healthy volunteers | condition | target
    status_flag: str | None = None  # plain words for a flagged open status
    age_fit: bool | None = None  # None when the record's ages cannot be read


def status_words(status: str | None) -> str:
    return STATUS_WORDS.get(status or "", (status or "unknown").replace("_", " ").lower())


def ages_text(study) -> str:
    """The study's own age limits as written: "3 Years to 18 Years", "1 Year and older"."""
    low = None if is_no_bound(study.min_age) else study.min_age
    high = None if is_no_bound(study.max_age) else study.max_age
    if low and high:
        return f"{low} to {high}"
    if low:
        return f"{low} and older"
    if high:
        return f"up to {high}"
    return "no age limits listed"


def _eligibility_missing(study) -> bool:
    return (study.eligibility_text is None and study.sex is None and study.min_age is None
            and study.max_age is None and not study.std_ages)


def _healthy_volunteers_only(study) -> bool:
    return bool(study.healthy_volunteers) and bool(study.conditions) and all(
        "healthy" in c.lower() for c in study.conditions
    )


def assess(study, profile, evidence: Sequence = ()) -> Eligibility:
    """Judge one study for one child; `evidence` holds one ConditionMatch/MentionMatch per group."""
    reasons: list[str] = []
    excluded: set[str] = set()
    unsure = False
    flag = None

    status = study.status
    if status in OPEN_STATUSES:
        reasons.append("recruiting now")
    elif status in FLAGGED_OPEN_STATUSES:
        flag = status_words(status)
        reasons.append(_FLAG_REASON[status])
        unsure = True
    elif not status:
        reasons.append("the record gives no recruitment status: ask the study team")
        unsure = True
    else:
        reasons.append(f"not open to new patients ({status_words(status)})")
        excluded.add("status")

    age = describe_days(profile.age_days)
    age_fit: bool | None
    unreadable = [label for label, text, days in (("minimum", study.min_age, study.min_age_days),
                                                  ("maximum", study.max_age, study.max_age_days))
                  if not is_no_bound(text) and days is None]
    if _eligibility_missing(study):
        age_fit = None
        reasons.append("the record does not include its eligibility details (ages, sex): ask the study team")
        unsure = True
    elif not age_fits(profile.age_days, study.min_age_days, study.max_age_days):
        age_fit = False
        if study.min_age_days is not None and profile.age_days < study.min_age_days:
            reasons.append(f"a child aged {age} is younger than the study's minimum age ({study.min_age})")
        else:
            reasons.append(f"a child aged {age} is older than the study's maximum age ({study.max_age})")
        excluded.add("age")
    elif unreadable:
        age_fit = None
        reasons.append(f"the study's {' and '.join(unreadable)} age could not be read ({ages_text(study)}): "
                       f"ask the study team")
        unsure = True
    else:
        age_fit = True
        reasons.append(f"age {age} fits the study's ages ({ages_text(study)})")

    sex = (study.sex or "ALL").upper()
    if sex in _SEX_WORDS:
        if profile.sex is None:
            reasons.append(f"the study takes only {_SEX_WORDS[sex]}; the child's sex was not given")
            unsure = True
        elif profile.sex != sex:
            reasons.append(f"the study takes only {_SEX_WORDS[sex]}")
            excluded.add("sex")
        else:
            reasons.append(f"the study takes only {_SEX_WORDS[sex]}, which fits")

    if _healthy_volunteers_only(study):
        reasons.append("the study is for healthy volunteers, not for children with an illness")
        excluded.add("healthy volunteers")

    for item in evidence:
        reasons.append(item.reason)
        reasons.extend(getattr(item, "notes", ()))
        if not item.found:
            excluded.add(item.kind)
        elif not item.direct:
            unsure = True

    if excluded:
        eligible = "no"
    elif unsure:
        eligible = "uncertain"
    else:
        eligible = "yes"
    if eligible != "no":
        reasons.append(CHECK_WITH_TEAM)
    return Eligibility(eligible, tuple(reasons), frozenset(excluded), flag, age_fit)
