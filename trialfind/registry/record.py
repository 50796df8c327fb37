"""One compassionate-use request and what came of it, with the rules a record must obey.

A record describes the request, never the child: an age band instead of a birth date,
a diagnosis instead of a chart, the company's contact route instead of a person, the
month of sending and days since instead of dates.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from trialfind.core.ages import AGE_BAND_LABELS
from trialfind.core.errors import InvalidInput
from trialfind.core.privacy import screen_fields
from trialfind.registry.dates import (
    DATE_TO_DAYS,
    DAY_FIELDS,
    INPUT_DATE_FIELDS,
    TIMESTAMP_TO_MONTH,
    dates_to_durations,
    month_start,
    parse_days,
    parse_month,
)
from trialfind.registry.identity import NAMES

REPORTER_ROLES = ("parent", "physician", "advocate")
AGE_BANDS = AGE_BAND_LABELS  # the one vocabulary (core.ages)
DECISIONS = ("pending", "granted", "denied", "no response", "withdrawn")
OUTCOMES = ("response", "stable", "progression", "too early", "unknown")
CHANNELS = ("email", "portal", "phone", "fax", "letter", "in person", "other")
CTCAE_GRADES = (1, 2, 3, 4, 5)

# The decisions that close a request: only these may carry days to decide.
CLOSED_DECISIONS = ("granted", "denied", "no response", "withdrawn")
MONTH_FIELDS = ("month_sent", "recorded_month", "updated_month")

TEXT_LIMITS = {
    "diagnosis": 200, "target": 100, "drug": 120, "company": 160, "drug_as_written": 120,
    "company_as_written": 160, "contact_used": 200,
    "reason_given": 1000, "notes": 2000,
}
# Free-text fields, in the order a person fills them in; each is screened for identifying details.
TEXT_FIELDS = tuple(TEXT_LIMITS)
REQUIRED_FIELDS = ("reporter_role", "age_band", "diagnosis", "drug", "company", "month_sent")

_AGE_BAND_BOUNDS = ((0, 0, "<1"), (1, 4, "1-4"), (5, 9, "5-9"), (10, 14, "10-14"), (15, 17, "15-17"),
                    (18, 21, "18-21"))
_CTCAE_TERM = re.compile(r"^[A-Za-z][A-Za-z0-9 ,()/'\-]{1,99}$")


@dataclass(frozen=True)
class Toxicity:
    """An adverse event in CTCAE words: the term (e.g. "Neutrophil count decreased") and grade 1-5."""

    term: str
    grade: int

    @classmethod
    def parse(cls, text: str) -> "Toxicity":
        """`"Neutropenia:3"` or `"Neutropenia grade 3"` → Toxicity."""
        match = re.match(r"^\s*(.+?)\s*(?::|\bgrade\b|\bg)\s*(\d+)\s*$", str(text), flags=re.I)
        if not match:
            raise InvalidInput(f"toxicities: {text!r} is not 'CTCAE term:grade' (for example 'Neutropenia:3')")
        return cls(term=match.group(1), grade=int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.term}:{self.grade}"


def _norm_word(value: str) -> str:
    return re.sub(r"[\s_\-]+", " ", value.strip().lower())


def normalize_choice(field_name: str, value: Any, choices: Iterable[str]) -> str:
    choices = tuple(choices)
    if value in choices:
        return value
    if isinstance(value, str):
        wanted = _norm_word(value)
        for choice in choices:
            if _norm_word(choice) == wanted:
                return choice
    raise InvalidInput(f"{field_name}: {value!r} is not one of {', '.join(choices)}")


def normalize_age_band(value: Any) -> str:
    """An age band as listed, or a whole number of years turned into its band."""
    text = str(value).strip().replace("–", "-").replace("—", "-").replace(" ", "")
    if text in AGE_BANDS:
        return text
    if text.isdigit():
        years = int(text)
        for low, high, band in _AGE_BAND_BOUNDS:
            if low <= years <= high:
                return band
    raise InvalidInput(f"age_band: {value!r} is not one of {', '.join(AGE_BANDS)} (or an age in years up to 21)")


def parse_bool(field_name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"yes", "y", "true", "1"}:
        return True
    if text in {"no", "n", "false", "0", ""}:
        return False
    raise InvalidInput(f"{field_name}: {value!r} is not yes or no")


_MULTILINE_FIELDS = ("reason_given", "notes")


def _clean_text(name: str, value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip() if name in _MULTILINE_FIELDS else " ".join(str(value).split())
    return text or None


@dataclass
class RequestRecord:
    """A compassionate-use request: the month it was sent and, for each later step, days since then.

    No calendar date is kept (see `trialfind.registry.dates`); `from_values` still accepts
    dates (`date_sent`, `decision_date`, ...) and turns them into the month and day counts.
    """

    reporter_role: str
    age_band: str
    diagnosis: str
    drug: str
    company: str
    month_sent: str | None
    target: str | None = None
    contact_used: str | None = None
    channel: str | None = None
    days_to_acknowledge: int | None = None
    decision: str = "pending"
    days_to_decide: int | None = None
    reason_given: str | None = None
    days_to_ind: int | None = None
    days_to_irb: int | None = None
    days_to_treatment: int | None = None
    outcome: str | None = None
    toxicities: list[Toxicity] = field(default_factory=list)
    consent_to_share: bool = False
    notes: str | None = None
    # The names as the reporter wrote them; `drug` and `company` hold the one name counted.
    drug_as_written: str | None = None
    company_as_written: str | None = None
    id: int | None = None
    # A stable identity that survives export → import, so a file imported twice is not counted twice.
    uid: str | None = None
    recorded_month: str | None = None
    updated_month: str | None = None

    @classmethod
    def from_values(cls, values: dict[str, Any], *, today: dt.date | None = None) -> "RequestRecord":
        """Build from loose values (CLI flags, a form, a CSV row): strings are parsed, dates turned
        into the month sent and days since, unknown keys refused."""
        known = {f.name for f in dataclasses.fields(cls)} | set(INPUT_DATE_FIELDS) | set(TIMESTAMP_TO_MONTH)
        unknown = sorted(set(values) - known)
        if unknown:
            raise InvalidInput(f"unknown field(s): {', '.join(unknown)}")
        missing = [name for name in REQUIRED_FIELDS if values.get(name) in (None, "")
                   and not (name == "month_sent" and values.get("date_sent") not in (None, ""))]
        if missing:
            raise InvalidInput(f"{missing[0]}: required" + (" (the month, YYYY-MM, or the date sent)"
                                                            if missing[0] == "month_sent" else ""))
        data = dates_to_durations(values, today)
        toxicities = data.pop("toxicities", None) or []
        if isinstance(toxicities, str):
            toxicities = [part for part in re.split(r"\s*;\s*", toxicities) if part.strip()]
        data["toxicities"] = [t if isinstance(t, Toxicity) else
                              Toxicity(str(t[0]), int(t[1])) if isinstance(t, (tuple, list)) else
                              Toxicity(t["term"], int(t["grade"])) if isinstance(t, dict) else Toxicity.parse(t)
                              for t in toxicities]
        for name in DAY_FIELDS:
            if name in data:
                data[name] = parse_days(name, data[name])
        for name in MONTH_FIELDS:
            if name in data:
                data[name] = parse_month(name, data[name])
        if "consent_to_share" in data:
            data["consent_to_share"] = parse_bool("consent_to_share", data["consent_to_share"])
        for name in ("channel", "outcome", "target", "contact_used", "reason_given", "notes", "uid",
                     "drug_as_written", "company_as_written"):
            if data.get(name) == "":
                data[name] = None
        if data.get("decision") in (None, ""):
            data.pop("decision", None)
        if data.get("id") in ("", None):
            data.pop("id", None)
        elif "id" in data:
            try:
                data["id"] = int(data["id"])
            except (TypeError, ValueError):
                raise InvalidInput(f"id: {data['id']!r} is not a whole number") from None
        return cls(**data)

    def validate(self, today: dt.date | None = None) -> "RequestRecord":
        """Normalise vocabularies and names, check every rule; raises InvalidInput naming the field.

        Returns the record itself so calls can be chained. The privacy screen is part of it:
        a record that looks identifying is refused here, before anything is written.
        """

        today = today or dt.date.today()
        self.reporter_role = normalize_choice("reporter_role", self.reporter_role, REPORTER_ROLES)
        self.age_band = normalize_age_band(self.age_band)
        self.decision = normalize_choice("decision", self.decision, DECISIONS)
        if self.outcome is not None:
            self.outcome = normalize_choice("outcome", self.outcome, OUTCOMES)
        if self.channel is not None:
            self.channel = normalize_choice("channel", self.channel, CHANNELS)
        if not isinstance(self.consent_to_share, bool):
            self.consent_to_share = parse_bool("consent_to_share", self.consent_to_share)
        for name in TEXT_FIELDS:
            value = _clean_text(name, getattr(self, name))
            if value is not None and len(value) > TEXT_LIMITS[name]:
                raise InvalidInput(f"{name}: longer than {TEXT_LIMITS[name]} characters")
            setattr(self, name, value)
        for name in REQUIRED_FIELDS:
            if getattr(self, name) in (None, ""):
                raise InvalidInput(f"{name}: required")
        self._name_once()
        for name in MONTH_FIELDS:
            setattr(self, name, parse_month(name, getattr(self, name)))
        for name in DAY_FIELDS:
            setattr(self, name, parse_days(name, getattr(self, name)))
        self._check_time(today)
        self._check_decision_flow()
        self.toxicities = [self._checked_toxicity(t) for t in self.toxicities]
        screen_record(self)
        return self

    def _name_once(self) -> None:
        """The counted names from the names as written (kept: the first spelling given)."""
        for name in ("company", "drug"):
            written_field = f"{name}_as_written"
            written = getattr(self, written_field) or getattr(self, name)
            setattr(self, written_field, written)
            setattr(self, name, NAMES[name](written))

    def _check_time(self, today: dt.date) -> None:
        this_month = f"{today.year:04d}-{today.month:02d}"
        if self.month_sent > this_month:
            raise InvalidInput(f"month_sent: {self.month_sent} is in the future")
        if self.month_sent < "1990-01":
            raise InvalidInput(f"month_sent: {self.month_sent} is before 1990; is it a typo?")
        latest = max(DAY_FIELDS, key=lambda name: getattr(self, name) or 0)
        days = getattr(self, latest) or 0
        # The earliest day the last step can have happened (the 1st of the month sent + its days).
        if month_start(self.month_sent) + dt.timedelta(days=days) > today:
            raise InvalidInput(f"{latest}: {days} days after {self.month_sent} is in the future")
        order = (("days_to_acknowledge", "days_to_decide"), ("days_to_decide", "days_to_treatment"),
                 ("days_to_ind", "days_to_treatment"))
        for before, after in order:
            first, then = getattr(self, before), getattr(self, after)
            if first is not None and then is not None and then < first:
                raise InvalidInput(f"{after}: {then} is fewer days than {before} ({first})")

    def _check_decision_flow(self) -> None:
        if self.decision == "pending" and self.days_to_decide is not None:
            raise InvalidInput("days_to_decide: set, but the decision is still pending")
        if self.decision != "granted":
            for name in ("days_to_treatment", "outcome"):
                if getattr(self, name) is not None:
                    raise InvalidInput(f"{name}: only possible when the decision is granted (it is {self.decision})")
            if self.toxicities:
                raise InvalidInput(f"toxicities: only possible when the decision is granted (it is {self.decision})")

    @staticmethod
    def _checked_toxicity(toxicity: Toxicity) -> Toxicity:
        term = " ".join(str(toxicity.term).split())
        if not _CTCAE_TERM.match(term):
            raise InvalidInput(f"toxicities: {toxicity.term!r} does not look like a CTCAE term")
        try:
            grade = int(toxicity.grade)
        except (TypeError, ValueError):
            raise InvalidInput(f"toxicities: grade {toxicity.grade!r} of {term!r} is not a number 1-5") from None
        if grade not in CTCAE_GRADES:
            raise InvalidInput(f"toxicities: grade {grade} of {term!r} is not a CTCAE grade 1-5")
        return Toxicity(term, grade)

    def as_dict(self) -> dict[str, Any]:
        """Plain values for output: toxicities as 'term:grade' strings."""
        return {name: [str(t) for t in self.toxicities] if name == "toxicities" else getattr(self, name)
                for name in FIELD_ORDER}


# The order fields are shown and exported in: the order of the list, the uid last.
FIELD_ORDER = ("id", "reporter_role", "age_band", "diagnosis", "target", "drug", "drug_as_written", "company",
               "company_as_written", "contact_used", "channel", "month_sent", "days_to_acknowledge", "decision",
               "days_to_decide", "reason_given", "days_to_ind", "days_to_irb", "days_to_treatment", "outcome",
               "toxicities", "consent_to_share", "notes", "recorded_month", "updated_month", "uid")
assert set(FIELD_ORDER) == {f.name for f in dataclasses.fields(RequestRecord)}


def merge_changes(values: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A stored record's values with `changes` applied: a date given replaces its day count
    (and `date_sent` the month), a new company or drug name its spelling as written."""
    replaced = {DATE_TO_DAYS.get(name) for name in changes}
    replaced |= {"month_sent"} if "date_sent" in changes else set()
    replaced |= {f"{name}_as_written" for name in ("company", "drug") if name in changes}
    merged = {name: value for name, value in values.items() if name not in replaced - set(changes)}
    return merged | dict(changes)


def this_month() -> str:
    now = dt.datetime.now(dt.timezone.utc)
    return f"{now.year:04d}-{now.month:02d}"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def screen_record(record: RequestRecord) -> None:
    """Screen every free-text field of a record (and its toxicity terms) with the one privacy
    screen (trialfind.core.privacy); the first field holding personal data is refused with
    one line naming the field and the kind of data, before anything is written."""
    # The company and drug fields are screened on their own first, so their words can then
    # vouch for the other fields ("Ikena Oncology EAP team" is a route, not a person).
    own = ("company", "drug", "company_as_written", "drug_as_written")
    screen_fields({name: getattr(record, name) for name in TEXT_FIELDS if name in own})
    screen_fields({name: getattr(record, name) for name in TEXT_FIELDS if name not in own},
                  contact_fields=("contact_used",), known_words=(record.company or "", record.drug or ""))
    for toxicity in record.toxicities:
        screen_fields({"toxicities": toxicity.term})
