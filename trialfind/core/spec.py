"""What to search for (SearchSpec) and the interface every study source implements.

Sources (the live API client, the offline LocalIndex) retrieve generously; the
matchers in trialfind.match decide precisely. That split is what lets the two
sources give identical final answers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Container, Iterator, Literal, Protocol, runtime_checkable

from trialfind.core.ages import age_fits
from trialfind.core.study import Study, UnreadableRecord, parse_study


@dataclass(frozen=True)
class SearchSpec:
    """A study search.

    Within each text group the values are alternatives (OR). `combine` says how the
    non-empty groups relate: "all" (a study must satisfy every group, the API's own
    behaviour for query.cond/query.term/query.intr) or "any" (one combined OR query,
    used to fetch everything about a target and its drugs in one page walk).
    """

    conditions: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    interventions: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    study_types: tuple[str, ...] = ()
    admits_age_days: int | None = None
    combine: Literal["all", "any"] = "all"

    def __post_init__(self) -> None:
        for name in ("conditions", "terms", "interventions", "statuses", "study_types"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))
            else:
                object.__setattr__(self, name, tuple(value))
        if self.combine not in ("all", "any"):
            raise ValueError("combine must be 'all' or 'any'")

    @property
    def is_empty(self) -> bool:
        return not (self.conditions or self.terms or self.interventions)


@runtime_checkable
class StudySource(Protocol):
    """Anything that yields raw ClinicalTrials.gov v2 study dicts for a SearchSpec."""

    def search(self, spec: SearchSpec) -> Iterator[dict[str, Any]]: ...

    def get_study(self, nct_id: str) -> dict[str, Any]: ...

    def data_version(self) -> str | None: ...


def search_studies(source: StudySource, spec: SearchSpec,
                   skip: Container[str] | None = None) -> Iterator[Study | UnreadableRecord]:
    """The source's answer to `spec`, parsed, one study at a time. A source that stores its
    studies parsed (the local index) offers `search_studies` itself, equal to parsing what
    its `search` returns; any other source's records are parsed here.

    `skip`: NCT ids the caller has already read (an earlier search of the same run); their
    records may be left out unparsed. The set may grow while the answer is read."""
    own = getattr(source, "search_studies", None)
    if own is not None:
        return own(spec)
    if skip is None:
        return map(parse_study, source.search(spec))
    return (parse_study(record) for record in source.search(spec) if _nct_id_of(record) not in skip)


def _nct_id_of(record: Any) -> str | None:
    """A raw record's nctId when it is where and what the parser expects, else None."""
    protocol = record.get("protocolSection") if type(record) is dict else None
    ident = protocol.get("identificationModule") if type(protocol) is dict else None
    nct_id = ident.get("nctId") if type(ident) is dict else None
    return nct_id if type(nct_id) is str else None


# --- Retrieval semantics shared by every source ------------------------------------
# A value matches a group when its words appear, in order, as a phrase in one of the
# group's texts, ignoring case and punctuation (SQLite FTS5's unicode61 tokenizer
# behaves the same way). The real API is looser (stemming, synonyms); sources may
# return more than this, never less, because the matchers decide the final answer.

import re as _re
import unicodedata as _unicodedata

_TOKEN = _re.compile(r"[0-9a-z]+")
# A punctuation mark, space or symbol with no ASCII form separates words, as unicode61 reads it: the
# ideographic comma of "NTRK、ROS1", an en dash, a bullet. (Folding drops it, which would glue the two
# words into one.) A letter, digit or accent is left to the folding: "Lorbréna" is one word.
_SEPARATES = _re.compile(r"[^\x00-\x7f\w\u0300-\u036f]")


def tokens(text: str | None) -> list[str]:
    if not text:
        return []
    if not text.isascii():
        text = _SEPARATES.sub(" ", text)
    folded = _unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _TOKEN.findall(folded)


def contains_phrase(haystack: list[str], needle: list[str]) -> bool:
    if not needle:
        return False
    size = len(needle)
    first = needle[0]
    for start, token in enumerate(haystack):
        if token == first and haystack[start:start + size] == needle:
            return True
    return False


def retrieval_texts(study) -> dict[str, list[str]]:
    """The texts each SearchSpec group is matched against, for a trialfind.core.study.Study."""
    condition = [study.brief_title, study.official_title, *study.conditions, *study.keywords,
                 *study.condition_mesh_terms, *study.condition_mesh_ancestors]
    intervention = [*study.intervention_names, *study.intervention_mesh_terms]
    # Intervention and arm descriptions (the API's basic search holds both) say who an arm is for
    # ("patients with ALK+ NSCLC"); the study population is who an observational study recruits.
    anywhere = [*condition, study.acronym, *intervention,
                *(iv.description for iv in study.interventions if isinstance(iv.description, str)),
                *(arm.description for arm in study.arm_groups), study.brief_summary, study.eligibility_text,
                study.study_population]
    return {
        "condition": [t for t in condition if t],
        "intervention": [t for t in intervention if t],
        "term": [t for t in anywhere if t],
    }


def group_matches(texts: list[str], values: tuple[str, ...]) -> bool:
    token_lists = [tokens(t) for t in texts]
    return any(contains_phrase(tl, tokens(v)) for v in values for tl in token_lists)


def matches_spec(study, spec: SearchSpec) -> bool:
    """Reference semantics of a SearchSpec over one parsed Study (the oracle for sources)."""

    if spec.statuses and study.status not in spec.statuses:
        return False
    if spec.study_types and study.study_type not in spec.study_types:
        return False
    if spec.admits_age_days is not None and not age_fits(spec.admits_age_days, study.min_age_days,
                                                         study.max_age_days):
        return False
    texts = retrieval_texts(study)
    groups = [(texts["condition"], spec.conditions), (texts["term"], spec.terms),
              (texts["intervention"], spec.interventions)]
    results = [group_matches(t, values) for t, values in groups if values]
    if not results:
        return True
    return all(results) if spec.combine == "all" else any(results)
