"""SearchSpec → ClinicalTrials.gov v2 query parameters (Essie expressions and filters).

User text only ever appears inside quoted phrases, so operator words and special
characters in a condition or drug name cannot change the query."""
from __future__ import annotations

import re
from typing import Sequence

from trialfind.core.errors import InvalidInput
from trialfind.core.spec import SearchSpec, tokens

OVERALL_STATUSES = frozenset({
    "ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING", "RECRUITING",
    "SUSPENDED", "TERMINATED", "WITHDRAWN", "AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE",
    "APPROVED_FOR_MARKETING", "WITHHELD", "UNKNOWN",
})
STUDY_TYPES = frozenset({"INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"})

# Age bounds are retrieved generously and decided by trialfind.core.ages: the API
# compares nominal ages ("17 Years" = 17 years) while a maximum of 17 years admits a
# child until the 18th birthday, and units convert slightly differently on each side.
MIN_AGE_SLACK_DAYS = 31
MAX_AGE_SLACK_DAYS = 400

# Inside an Essie phrase only letters, digits and a little harmless punctuation are kept:
# quotes, brackets, parentheses and wildcards would end or change the expression.
_UNSAFE_IN_PHRASE = re.compile(r"[^\w\s\-+/.,'%]")


# --- Essie compilation ---------------------------------------------------------------

def essie_phrase(value: str) -> str:
    """One user value as a quoted Essie phrase; operator words (ALL, AND, OR, NOT)
    inside quotes are plain words, so `ALL` means acute lymphoblastic leukaemia."""
    cleaned = " ".join(_UNSAFE_IN_PHRASE.sub(" ", str(value)).split())
    if not tokens(cleaned):
        raise InvalidInput(f"search text {value!r} has no letters or digits to search for")
    return f'"{cleaned}"'


def _any_of(values: Sequence[str], area: str | None = None) -> str:
    prefix = f"AREA[{area}]" if area else ""
    phrases = [prefix + essie_phrase(v) for v in values]
    return phrases[0] if len(phrases) == 1 else " OR ".join(phrases)


def _choice(values: Sequence[str], allowed: frozenset[str], what: str) -> list[str]:
    chosen = []
    for value in values:
        upper = str(value).strip().upper().replace(" ", "_")
        if upper not in allowed:
            raise InvalidInput(f"unknown {what} {value!r}: use one of {', '.join(sorted(allowed))}")
        if upper not in chosen:
            chosen.append(upper)
    return chosen


def age_filter(age_days: int) -> str:
    """Essie filter for studies whose age bounds may admit someone `age_days` old."""
    if age_days < 0:
        raise InvalidInput("age cannot be negative")
    clauses = [f"(AREA[MinimumAge]RANGE[MIN, {age_days + MIN_AGE_SLACK_DAYS} days] OR AREA[MinimumAge]MISSING)"]
    lowest_max = age_days - MAX_AGE_SLACK_DAYS
    if lowest_max > 0:
        clauses.append(f"(AREA[MaximumAge]RANGE[{lowest_max} days, MAX] OR AREA[MaximumAge]MISSING)")
    return " AND ".join(clauses)


def compile_query(spec: SearchSpec) -> dict[str, str]:
    """SearchSpec → ClinicalTrials.gov v2 query parameters (query.*, filter.*).

    combine="all": each group goes to its own parameter (the API ANDs them).
    combine="any": the groups become one OR-ed expression in query.term, with the
    condition and intervention groups kept to their search areas, so a target and all
    its drug aliases cost one page walk.
    """
    params: dict[str, str] = {}
    groups = [(spec.conditions, "query.cond", "ConditionSearch"),
              (spec.terms, "query.term", None),
              (spec.interventions, "query.intr", "InterventionSearch")]
    present = [g for g in groups if g[0]]
    if spec.combine == "any" and len(present) > 1:
        params["query.term"] = " OR ".join(f"({_any_of(values, area)})" for values, _, area in present)
    else:
        for values, name, _ in present:
            params[name] = _any_of(values)
    if spec.statuses:
        params["filter.overallStatus"] = ",".join(_choice(spec.statuses, OVERALL_STATUSES, "status"))
    advanced = []
    if spec.study_types:
        types = _choice(spec.study_types, STUDY_TYPES, "study type")
        clause = " OR ".join(f"AREA[StudyType]{t}" for t in types)
        advanced.append(clause if len(types) == 1 else f"({clause})")
    if spec.admits_age_days is not None:
        advanced.append(age_filter(int(spec.admits_age_days)))
    if advanced:
        params["filter.advanced"] = " AND ".join(advanced)
    return params


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def updated_since_filter(day: str) -> dict[str, str]:
    """The advanced filter for studies whose last update was posted on or after `day`."""
    if not _ISO_DATE.fullmatch(str(day)):
        raise InvalidInput(f"{day!r} is not a date in the form YYYY-MM-DD")
    return {"filter.advanced": f"AREA[LastUpdatePostDate]RANGE[{day}, MAX]"}
