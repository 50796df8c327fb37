"""Compassionate-use candidates: drugs acting on the child's target that the child cannot get in a trial.

A drug is a candidate for a child of age A when it acts on the target (per the target
knowledge) and none of its open trials in the data (RECRUITING, NOT_YET_RECRUITING,
ENROLLING_BY_INVITATION) admits age A. A drug with such an open trial is not a
candidate: the child may be able to join that trial, which `trialfind trials` shows.

Retrieval costs one page walk per target: one OR-ed search over the target's genes and
aliases and every name of every drug acting on it (SearchSpec(combine="any")).
Studies are then grouped by canonical drug (trialfind.knowledge.drugs), and each drug's
evidence is gathered: trials (all, adult-only, open to children), highest phase, a
completed phase 1 (the usual bar companies set for expanded access), latest update,
approval, expanded-access records, and the published EA policy of the drug's company.

Company and programs are attributed to the drug, not to whoever ran a trial of it: a
combination trial's sponsor (Bristol Myers Squibb testing repotrectinib against
crizotinib) is not crizotinib's company, and the expanded-access program such a trial
links to may be for its other drug. The company comes from the drug table
(`company` column); a trial sponsor stands in only when the table has no company and
the trial gives this drug alone.

The evidence lives in `access.evidence`, company and program attribution in
`access.attribution`, scores and reasons (incl. the child's variant and approvals) in
`access.scoring`, agents of unknown action in `access.discovery`; this module ties them.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable, Mapping, Sequence

from trialfind.access.attribution import attribute_ea, drug_company, ea_policy_for, is_drug_company
from trialfind.access.discovery import DiscoveredDrug, Discovery
from trialfind.access.evidence import (
    Candidate,
    DrugTrial,
    RelatedEARecord,
    StudyMentions,
    drug_names_in,
    drug_trial,
)
from trialfind.access.scoring import rank_key, score_and_reasons
from trialfind.core.ages import describe_days, optional_child_age, parse_child_age
from trialfind.core.errors import InvalidInput, NotFound
from trialfind.core.spec import SearchSpec, StudySource, search_studies
from trialfind.core.study import Study, UnreadableRecord, gather_studies
from trialfind.knowledge.drugs import DrugResolver, resolver_for
from trialfind.knowledge.target_resolution import resolve_target
from trialfind.knowledge.targets import DrugInfo, Knowledge, TargetQuery, builtin_knowledge
from trialfind.knowledge.variants import VariantEffect
from trialfind.sources import open_source

# Re-exported: callers and tests import these from here.
__all__ = ["Candidate", "CandidateList", "DiscoveredDrug", "DrugTrial", "RelatedEARecord", "build_candidate",
           "drug_company", "drug_evidence", "evidence_for_drug", "find_candidates", "is_drug_company",
           "target_search_spec"]


CANDIDATE_COLUMNS = (
    "section", "drug", "aliases", "targets", "mechanism", "candidate", "trials", "comparator_trials",
    "adult_only_trials", "pediatric_trials", "other_studies", "open_trials_for_child", "highest_phase",
    "phase1_completed", "approved", "first_approval", "approved_for_children", "approvals", "variant_effect",
    "latest_update", "company", "sponsors", "ea_records", "ea_available", "related_ea_records", "ea_policy", "ea_policy_basis", "score",
    "reasons", "nct_ids", "urls", "knowledge_source", "line",
)


class CandidateList(list):
    """The candidates, best first, plus what was not a candidate and why, and what it cost."""

    columns = CANDIDATE_COLUMNS

    def __init__(self, candidates: Iterable[Candidate] = (), *, not_candidates: Sequence[Candidate] = (),
                 queries: Sequence[TargetQuery] = (), age_days: int | None = None, notes: Sequence[str] = (),
                 requests: int | None = None, data_version: str | None = None,
                 knowledge_origin: str | None = None, discovered: Sequence[DiscoveredDrug] = (),
                 no_study: Mapping[str, Sequence[str]] | None = None,
                 unreadable: Sequence[UnreadableRecord] = ()) -> None:
        super().__init__(candidates)
        self.unreadable = list(unreadable)  # records the searches returned that could not be read
        self.knowledge_origin = knowledge_origin
        self.discovered = list(discovered)   # unknown agents in trials requiring the target: apart, below
        self.no_study = dict(no_study or {})  # drug -> targets: acts on the target, no study in the data
        self.not_candidates = list(not_candidates)
        self.queries = list(queries)
        self.age_days = age_days
        self.notes = list(notes)
        self.requests = requests
        self.data_version = data_version

    def candidate_rows(self) -> list[dict[str, Any]]:
        return [c.to_row() for c in self]

    def rows(self) -> list[dict[str, Any]]:
        """Every line the table shows, as rows with a `section` (csv / json / jsonl): the candidates,
        then drugs with an open trial for the child ("not_candidate"), drugs studied in target-positive
        patients whose action is not confirmed ("discovered"), and drugs acting on the target with no
        study in the data ("no_study")."""
        rows = [{**c.to_row(), "section": "candidate"} for c in self]
        rows += [{**c.to_row(), "section": "not_candidate", "line": line}
                 for c, line in zip(self.not_candidates, self.not_candidate_lines())]
        rows += [d.to_row(self.age_days) for d in self.discovered]
        rows += [{"section": "no_study", "drug": drug, "targets": list(targets), "candidate": None,
                  "variant_effect": effects[drug].to_dict() if drug in effects else None,
                  "line": f"{drug} acts on {', '.join(targets)} but has no study in the data"
                          + (f"; {effects[drug].reason()}" if drug in effects else "")}
                 for drug, targets in self.no_study.items() for effects in [self.variant_effects]]
        return rows

    @property
    def variant_effects(self) -> dict[str, VariantEffect]:
        return {e.drug: e for q in self.queries for e in q.variant_effects}

    def discovered_lines(self) -> list[str]:
        return [d.line(self.age_days) for d in self.discovered]

    def not_candidate_lines(self) -> list[str]:
        age = describe_days(self.age_days) if self.age_days is not None else "this age"
        lines = []
        for c in self.not_candidates:
            ids = ", ".join(t.nct_id for t in c.open_trials_admitting_child)
            lines.append(f"{c.drug} has an open trial for age {age} ({ids}): see `trialfind trials`")
        return lines


def target_search_spec(query: TargetQuery) -> SearchSpec:
    """The one search that covers a target: its genes and aliases OR any name of its drugs."""
    return SearchSpec(terms=query.search_terms, interventions=query.drug_names, combine="any")


def build_candidate(drug: DrugInfo, studies: Sequence[Study], names_by_study: dict[str, list[str]], *,
                    age_days: int | None, targets: Sequence[str], conditions: Sequence[str] = (),
                    queries: Sequence[TargetQuery] = (), reference_date: str | None = None,
                    resolver: DrugResolver | None = None, known_studies: Mapping[str, Study] | None = None,
                    company: Sequence[str] | None = None, variant_effect: VariantEffect | None = None) -> Candidate:
    """Evidence for one drug from the studies that give it.

    `resolver` names the other drugs of each study (default: the built-in tables);
    `known_studies` are all studies fetched with them (an EA study a trial links to is looked
    up there); `company` overrides the drug table's company.
    """
    resolver = resolver or resolver_for()
    drug_trials = [drug_trial(s, names_by_study.get(s.nct_id, ()), age_days, conditions, queries, drug.name,
                               resolver) for s in studies]
    return candidate_from_trials(drug, drug_trials, [s for s in studies if _ea_evidence(s)], age_days=age_days,
                                 targets=targets, conditions=conditions, reference_date=reference_date,
                                 resolver=resolver, known_studies=known_studies or {s.nct_id: s for s in studies},
                                 company=company, variant_effect=variant_effect)


def candidate_from_trials(drug: DrugInfo, drug_trials: list[DrugTrial], ea_studies: Sequence[Study], *,
                          age_days: int | None, targets: Sequence[str], conditions: Sequence[str] = (),
                          reference_date: str | None = None, resolver: DrugResolver,
                          known_studies: Mapping[str, Study], company: Sequence[str] | None = None,
                          variant_effect: VariantEffect | None = None) -> Candidate:
    """build_candidate from the drug's studies already judged (`drug_trial`, in study order) and,
    of the studies themselves, only those that are or link to expanded-access records."""
    companies = tuple(company) if company is not None else drug_company(drug)
    drug_trials.sort(key=lambda t: (not t.open_to_join, t.last_update or ""), reverse=False)
    seen_as: list[str] = []
    for t in drug_trials:
        seen_as += [n for n in t.named_as if n not in seen_as]
    ea_records, related = attribute_ea(drug.name, ea_studies, drug_trials, companies, resolver, known_studies)
    candidate = Candidate(drug=drug.name, info=drug, targets=list(targets), studies=drug_trials,
                          ea_records=ea_records, related_ea_records=related, seen_as=seen_as, age_days=age_days,
                          conditions=tuple(conditions), reference_date=reference_date, company=companies,
                          variant_effect=variant_effect)
    candidate.ea_policy, candidate.ea_policy_basis, candidate.ea_policy_reason = ea_policy_for(companies, drug_trials)
    score_and_reasons(candidate)
    return candidate


def _ea_evidence(study: Study) -> bool:
    """Whether attribute_ea reads the study: an EA record itself, or a trial stating one."""
    info = study.expanded_access
    return study.is_expanded_access or (info is not None and bool(info.has_expanded_access or info.nct_id))


def _slim(study: Study) -> Study:
    """A study kept for its expanded-access evidence, without the parts that evidence never
    reads (sites, criteria, summary, arms): a target's answer can hold thousands of them."""
    return replace(study, sites=(), eligibility_text=None, inclusion_criteria=None, exclusion_criteria=None,
                   brief_summary=None, arm_groups=(), central_contacts=())


def _search(source, spec: SearchSpec) -> tuple[list[Study], int | None, list[UnreadableRecord]]:
    studies, unreadable = gather_studies(search_studies(source, spec))
    stats = getattr(source, "last_search_stats", None)
    return studies, getattr(stats, "requests", None), unreadable


def find_candidates(target: str | Sequence[str], age: str | int, *, condition: str | Sequence[str] = (),
                    source: StudySource | None = None, knowledge: Knowledge | None = None) -> CandidateList:
    """Compassionate-use candidates for a child: one page walk per target.

    `age` is as `--age` takes it: a number is years (7), or "7y6m", "18m", "3w". `source`
    None is the default source (the API, or the local index when offline). Returns the
    candidates best first; `.not_candidates` holds drugs with an open trial admitting the child.

    Studies are judged as they arrive and then dropped: what is kept is each drug's evidence
    (`DrugTrial`s), the studies stating expanded-access records (slimmed), the unknown agents
    found, and the NCT ids seen, so memory follows the drugs, not the size of the answer.
    """
    targets = [target] if isinstance(target, str) else list(target)
    conditions = [condition] if isinstance(condition, str) else list(condition)
    source = source if source is not None else open_source()
    if not targets:
        raise InvalidInput("give at least one target, such as ALK, BRAF V600E or NTRK fusion")
    knowledge = knowledge or builtin_knowledge()
    age_days = parse_child_age(age)
    conditions = tuple(c.strip() for c in conditions if c and c.strip())
    queries = [resolve_target(t, knowledge) for t in targets]  # all resolved before any request
    resolver = resolver_for(knowledge)
    drugs_for_target: dict[str, list[str]] = {}
    for query in queries:
        for drug in query.drugs if query.drug_names else ():
            labels = drugs_for_target.setdefault(drug, [])
            if query.label not in labels:
                labels.append(query.label)
    seen: set[str] = set()
    trials_by_drug: dict[str, list[DrugTrial]] = {}
    ea_by_drug: dict[str, list[Study]] = {}
    ea_studies: dict[str, Study] = {}  # every EA study met: a trial's link is looked up here
    mentions = StudyMentions()  # each study's texts scanned once per target, for discovery and every drug
    discovery = Discovery(queries, resolver, age_days, mentions)
    reference: str | None = None
    requests = 0
    notes: list[str] = []
    unreadable: dict[UnreadableRecord, None] = {}
    for query in queries:
        if not query.drug_names:
            notes.append(f"no drug acting on {query.label} is known in {knowledge.origin}")
            continue
        # a study an earlier target's walk brought is not parsed again
        for study in search_studies(source, target_search_spec(query), skip=seen):
            if isinstance(study, UnreadableRecord):
                unreadable.setdefault(study)
                continue
            if study.nct_id in seen:
                continue
            seen.add(study.nct_id)
            if study.last_update and (reference is None or study.last_update > reference):
                reference = study.last_update
            discovery.add(study)
            kept = _slim(study) if _ea_evidence(study) else None
            if kept is not None and study.is_expanded_access:
                ea_studies[study.nct_id] = kept
            for drug, named in drug_names_in(study, resolver).items():
                if drug not in drugs_for_target:
                    continue  # a companion drug (chemotherapy, other target): not evidence for this target
                trials_by_drug.setdefault(drug, []).append(
                    drug_trial(study, named, age_days, conditions, queries, knowledge.drugs[drug].name, resolver,
                               mentions))
                if kept is not None:
                    ea_by_drug.setdefault(drug, []).append(kept)
        used = getattr(getattr(source, "last_search_stats", None), "requests", None)
        requests = None if used is None or requests is None else requests + used
    effects = {e.drug: e for q in queries for e in q.variant_effects}
    built = [candidate_from_trials(knowledge.drugs[d], trials_by_drug[d], ea_by_drug.get(d, []), age_days=age_days,
                                   targets=drugs_for_target[d], conditions=conditions, reference_date=reference,
                                   resolver=resolver, known_studies=ea_studies, variant_effect=effects.get(d))
             for d in trials_by_drug]
    absent = sorted(d for d in drugs_for_target if d not in trials_by_drug)
    if absent:
        notes.append(f"{len(absent)} other drug{'s' * (len(absent) != 1)} acting on "
                     f"{', '.join(q.label for q in queries)} {'has' if len(absent) == 1 else 'have'} no study in the data: "
                     f"{', '.join(absent)}")
    for query in queries:
        if query.variant_only_drugs:
            only = "; ".join(f"{d} for {query.key} {' or '.join(knowledge.drugs[d].variants)}"
                             for d in query.variant_only_drugs)
            notes.append(f"not offered for {query.key} without its variant, as they act on some variants only: {only}; "
                         f"give the tumour's variant (e.g. --target \"{query.key} "
                         f"{knowledge.drugs[query.variant_only_drugs[0]].variants[0]}\") to see them")
    candidates = sorted((c for c in built if c.is_candidate), key=rank_key)
    not_candidates = sorted((c for c in built if not c.is_candidate), key=lambda c: c.drug)
    version = None
    try:
        version = source.data_version()
    except Exception:  # noqa: BLE001 - the version only labels the output
        version = None
    return CandidateList(candidates, not_candidates=not_candidates, queries=queries, age_days=age_days,
                         notes=notes, requests=requests, data_version=version, knowledge_origin=knowledge.origin,
                         discovered=discovery.drugs(), no_study={d: drugs_for_target[d] for d in absent},
                         unreadable=list(unreadable))


def drug_evidence(drug: str, source: StudySource | None = None, age: str | int | None = None, *,
                  knowledge: Knowledge | None = None, conditions: Sequence[str] = ()) -> Candidate:
    """Evidence for one drug by any of its names (one page walk), e.g. for a request packet.

    `age` as `--age` takes it (a number is years). Raises NotFound when the name is not a
    drug in the knowledge table.
    """
    return evidence_for_drug(drug, source if source is not None else open_source(), optional_child_age(age),
                             knowledge=knowledge, conditions=conditions)


def evidence_for_drug(drug: str, source: StudySource, age_days: int | None, *, knowledge: Knowledge | None = None,
                      conditions: Sequence[str] = ()) -> Candidate:
    """drug_evidence with the age already in days."""
    knowledge = knowledge or builtin_knowledge()
    resolver = resolver_for(knowledge)
    canonical = resolver.resolve(drug)
    if canonical is None:
        raise NotFound(f"{drug!r} is not a drug trialfind knows; try its INN or code name")
    info = knowledge.drugs[canonical]
    found, _, unreadable = _search(source, SearchSpec(interventions=info.all_names))
    studies, names = [], {}
    for study in found:
        seen = drug_names_in(study, resolver).get(canonical)
        if seen:
            studies.append(study)
            names[study.nct_id] = seen
    targets = sorted({t.key for g in info.genes if (t := knowledge.target_for_gene(g))}) or list(info.genes)
    reference = max((s.last_update for s in found if s.last_update), default=None)
    candidate = build_candidate(info, studies, names, age_days=age_days, targets=targets, conditions=conditions,
                                reference_date=reference, resolver=resolver,
                                known_studies={s.nct_id: s for s in found})
    candidate.unreadable = unreadable
    return candidate
