"""Finding a target gene or drug in a study's text, the way a careful reader would.

Evidence counts only from the title, conditions, keywords, interventions, the INCLUSION
criteria and an observational study's population. A mention in the exclusion criteria, or a
negated one ("ALK-negative", "no known BRAF mutation", "BRAF wild-type"), is never a match: it
is reported as a reason. A gene named in the description of an arm or of an intervention
("for patients with positive EGFR/ALK mutation, targeted therapy") is direct evidence only when
that sentence selects patients by the alteration; otherwise it is indirect.

The text is read by trialfind.match.mention_scan (every mention, with its field and context);
how a symbol is recognised is in trialfind.match.gene_words; how the sentence around it
qualifies it (negated, excluded, prior therapy, a test) in trialfind.match.negation.

This module knows nothing about targets: callers pass plain phrase lists
(see trialfind.knowledge.targets for where those lists come from).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from trialfind.match.gene_words import PROTEIN_CHANGE
from trialfind.match.mention_scan import (  # noqa: F401 (re-exported: the fields and the scan are public here)
    DESCRIPTION_FIELDS,
    POSITIVE_FIELDS,
    UNSPLIT_FIELD,
    Mention,
    scan,
)

STRENGTH_WEIGHT = {"direct": 1.0, "indirect": 0.5, "none": 0.0}


@dataclass(frozen=True)
class MentionMatch:
    """What a study says about one target (a gene with optional alteration, and its drugs)."""

    query: str
    strength: str  # direct | indirect | none
    reason: str
    mentions: tuple[Mention, ...] = ()
    notes: tuple[str, ...] = ()
    kind: str = "target"

    @property
    def found(self) -> bool:
        return self.strength != "none"

    @property
    def direct(self) -> bool:
        return self.strength == "direct"

    @property
    def weight(self) -> float:
        return STRENGTH_WEIGHT[self.strength]

    @property
    def field(self) -> str | None:
        best = self.best_mention
        return best.field if best else None

    @property
    def matched(self) -> str | None:
        best = self.best_mention
        return best.snippet if best else None

    @property
    def best_mention(self) -> Mention | None:
        counting = [m for m in self.mentions if m.counts]
        # A gene that selects patients outranks a drug named in an earlier field.
        selecting = [m for m in counting if m.kind == "gene" and m.selects and not m.unsure]
        return (selecting or counting)[0] if counting else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query, "kind": self.kind, "strength": self.strength, "reason": self.reason,
            "notes": list(self.notes), "mentions": [m.to_dict() for m in self.mentions],
        }


_ALTERATION_WORDS = re.compile(r"mutat|fusion|positiv|amplif|rearrang|alter|variant|exon|deletion|insertion|"
                               r"overexpress|skipping|transloc|driven|\+", re.IGNORECASE)


def _bare_name(mention: Mention, gene_phrases: tuple[str, ...]) -> bool:
    """A keyword/condition that is only the gene's name: "Epidermal growth factor receptor (EGFR)"."""
    if mention.field not in ("keyword", "condition"):
        return False
    rest = mention.snippet
    for phrase in sorted(gene_phrases, key=len, reverse=True):
        rest = re.sub(re.escape(phrase), " ", rest, flags=re.IGNORECASE)
    if _ALTERATION_WORDS.search(rest) or PROTEIN_CHANGE.search(mention.snippet):
        return False  # "EGFR-mutant NSCLC", "EGFR exon 20": the record asks for an alteration
    # Whatever is left names the gene itself ("Epidermal growth factor receptor (EGFR)") or a
    # class ("EGFR inhibitor"), never which alteration a patient must have.
    return True


def _reason_for_none(label: str, variant: str | None, genes_other: list[Mention], rejected: list[Mention]) -> str:
    """Why nothing counts, naming what was found: "osimertinib is mentioned only as excluded prior therapy"."""
    if genes_other:
        other = genes_other[0]
        return f"the study names {other.phrase} only with other alterations than {variant}: \"{other.snippet}\""
    if not rejected:
        return f"the study does not mention {label}"
    first = rejected[0]
    if all(m.tested_only and not m.negated and not m.excluded and m.context is None for m in rejected):
        return f"{first.phrase} is mentioned only as a test to be done, not as a requirement: \"{first.snippet}\""
    if all(m.excluded and m.context is None and not m.negated for m in rejected):
        return f"{first.phrase} is mentioned only in the exclusion criteria: \"{first.snippet}\""
    prior = [m for m in rejected if m.context in ("prior therapy", "treatment")]
    if prior and all(m.context in ("prior therapy", "treatment") or m.excluded for m in rejected):
        shown = next((m for m in prior if m.context == "prior therapy"), prior[0])
        if shown.context == "treatment":
            return (f"{shown.phrase} is mentioned only as a treatment, not as the tumour's alteration: "
                    f"\"{shown.snippet}\"")
        excluded = all(m.excluded or m.negated for m in prior)
        return (f"{shown.phrase} is mentioned only as {'excluded ' if excluded else ''}prior therapy, "
                f"not as a requirement: \"{shown.snippet}\"")
    factors = [m for m in rejected if m.context == "one factor"]
    if factors and all(m.context == "one factor" or m.excluded for m in rejected):
        return (f"{factors[0].phrase} is named only as one of several risk factors, not as a requirement: "
                f"\"{factors[0].snippet}\"")
    inside = [m for m in rejected if m.context == "excluded"]
    if inside and all(m.context == "excluded" or m.excluded for m in rejected):
        return f"{inside[0].phrase} is mentioned only as an exclusion: \"{inside[0].snippet}\""
    negated = next((m for m in rejected if m.negated), first)
    return (f"{negated.phrase} is mentioned only as absent or negative"
            f"{' or in the exclusion criteria' if any(m.excluded for m in rejected) else ''}: "
            f"\"{negated.snippet}\"")


def find_mentions(study, *, label: str, genes: Iterable[str] = (), variant: str | None = None,
                  variant_phrases: Iterable[str] = (), drug_names: Iterable[str] = ()) -> MentionMatch:
    """Judge how strongly `study` concerns a target, with a reason a family can read.

    direct:   the gene (with the asked alteration, when one is asked) is named positively
              in the title, conditions, keywords, interventions or inclusion criteria;
    indirect: the gene is named but the alteration is not stated, or only a drug aimed
              at the target is given/named;
    none:     nothing, or only exclusion-criteria / negated / other-alteration mentions.
    """
    variant_phrases = tuple(variant_phrases) or ((variant,) if variant else ())
    genes = tuple(genes)
    mentions = scan(study, genes=genes, variant_phrases=variant_phrases, drug_names=drug_names)
    counting = [m for m in mentions if m.counts]
    genes_stated = [m for m in counting if m.kind == "gene" and m.variant in (None, "yes") and not m.unsure]
    genes_ok = [m for m in genes_stated if m.selects]
    # Named in an arm's or intervention's description, but not as who may join.
    genes_described = [m for m in genes_stated if not m.selects]
    gene_phrases = tuple(genes)
    if any(m.excluded for m in mentions) and all(_bare_name(m, gene_phrases) for m in genes_ok):
        # Only a keyword or condition that is the gene's bare name, while the exclusion criteria
        # name the gene: the study is about the gene but may shut the child's alteration out.
        genes_ok, bare = [], genes_ok
    else:
        bare = []
    listed = [m for m in mentions if m.kind == "gene" and m.field == "condition"]
    if genes_ok and listed and all(m.negated for m in listed):
        # The study's own conditions name the gene only as negative ("HER2-negative"): its population
        # lacks the alteration, so a low level ("HER2-low") or a test named elsewhere is no requirement.
        negative_condition, genes_ok = listed[0], []
    else:
        negative_condition = None
    genes_headless = [m for m in counting if m.kind == "gene" and m.variant in (None, "yes") and m.unsure]
    genes_unsure = [m for m in counting if m.kind == "gene" and m.variant == "unknown"]
    genes_other = [m for m in counting if m.kind == "gene" and m.variant == "no"]
    drugs_given = [m for m in counting if m.kind == "drug" and m.field == "intervention"]
    # Drugs named in the criteria are mostly treatment history ("prior crizotinib"), not evidence.
    drugs_named = [m for m in counting if m.kind == "drug" and m.field in ("title", "condition", "keyword")]
    rejected = [m for m in mentions if not m.counts]
    notes: list[str] = []
    if genes_ok:
        best = genes_ok[0]
        strength = "direct"
        reason = f"{best.phrase if not variant else label} is named in the study's {best.field}: \"{best.snippet}\""
    elif negative_condition is not None:
        strength = "indirect"
        reason = (f"the study's conditions name {negative_condition.phrase} only as negative: "
                  f"\"{negative_condition.snippet}\"; its other mentions do not say the alteration is required; "
                  f"check with the study team")
    elif bare:
        best = bare[0]
        strength = "indirect"
        reason = (f"{best.phrase} is only a {best.field} of the study, and its exclusion criteria also name it: "
                  f"\"{best.snippet}\"; check with the study team whether the child's alteration is excluded")
    elif genes_described:
        best = genes_described[0]
        strength = "indirect"
        reason = (f"{best.phrase} is named in the study's {best.field}, but not as who may join: "
                  f"\"{best.snippet}\"; check with the study team")
    elif genes_headless:
        best = genes_headless[0]
        strength = "indirect"
        reason = (f"{best.phrase} is named in the study's criteria, which have no inclusion/exclusion headings, "
                  f"so whether it is required is unclear: \"{best.snippet}\"; check with the study team")
    elif genes_unsure:
        best = genes_unsure[0]
        strength = "indirect"
        reason = (f"the study names {best.phrase} in its {best.field} but not {variant or 'the alteration'} "
                  f"itself: \"{best.snippet}\"; check the child's alteration qualifies")
    elif drugs_given:
        best = drugs_given[0]
        strength = "indirect"
        reason = (f"the study gives {best.phrase}, a drug aimed at {label}, but does not say it "
                  f"requires {label}; check with the study team")
    elif drugs_named:
        best = drugs_named[0]
        strength = "indirect"
        reason = f"{best.phrase}, a drug aimed at {label}, is named in the study's {best.field}: \"{best.snippet}\""
    else:
        strength = "none"
        reason = _reason_for_none(label, variant, genes_other, rejected)
    if strength != "none":
        excluded = [m for m in rejected if m.excluded]
        negated = [m for m in rejected if m.negated and not m.excluded]
        if excluded:
            notes.append(f"{excluded[0].phrase} also appears in the exclusion criteria: \"{excluded[0].snippet}\"")
        if negated:
            notes.append(f"{negated[0].phrase} is also mentioned as {negated[0].describe()}: \"{negated[0].snippet}\"")
    return MentionMatch(query=label, strength=strength, reason=reason, mentions=tuple(mentions),
                        notes=tuple(notes))
