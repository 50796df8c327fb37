"""Eligibility criteria text split into its inclusion and exclusion sections, keeping every line.

Sponsors write the sections many ways: "Inclusion Criteria:", "Key Inclusion Criteria",
"1. Inclusion Criteria", "**Exclusion Criteria:**", text on the heading line itself
("Inclusion Criteria: Solid tumors with KRAS G12D"), an exclusion heading in the middle of a
line ("... HER2 expression - Exclusion Criteria:1. Have a history ..."), cohort labels
("Inclusion criteria for Part A:"), or no heading at all. Nothing is dropped: a heading's own text stays in its
section, and a block without headings is marked unsplit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A section heading: optional bullet, number or bold markup, up to four words such as
# "Key", "Main", "Patient", "Part 2 additional", then the section word. Text after the
# colon is criteria text and is kept ("Inclusion Criteria: Solid tumors with KRAS G12D").
_HEADING = re.compile(
    r"^\s*(?:[-*•#>]+\s*|\(?\d{1,2}[.)]\s*|\(?[A-Za-z][.)]\s+|[IVX]{1,4}[.)]\s+)?(?:\*\*|__)?\s*"
    r"(?P<prefix>(?:[A-Za-z0-9][\w\-/]*\s+){0,4}?)"
    r"(?P<kind>non[\s\-]?inclusion|inclusion|exclusion|ineligibility|eligibility)"
    r"(?:\s+(?P<word>criteria|criterion|criterias)\b|(?P<plural>s)\b|\b)(?P<rest>.*)$",
    re.IGNORECASE,
)
# A heading glued to the end of a criterion: "* Stable relationship Exclusion Criteria:".
_TRAILING_HEADING = re.compile(
    r"^(?P<before>.*?\S)\s*(?P<kind>(?<![A-Za-z])(?:inclusion|exclusion))\s+criteria\s*:\s*(?:\*\*|__)?\s*$",
    re.IGNORECASE,
)
# An exclusion heading written in the middle of a line, with the criteria after it: "... HER2
# expression - Exclusion Criteria:1. Have a history of ...", "... relationship Exclusion Criteria:-
# Primary hypoactive sexual desire". Written capitalised ("Exclusion Criteria", "EXCLUSION CRITERIA"),
# with a colon and text after it; a sentence that refers to the criteria ("see the Exclusion
# Criteria: ...", "meets any of the following Exclusion Criteria:") is not split (the word before).
_MIDLINE_EXCLUSION = re.compile(
    r"(?P<sep>[\s\-–—•*]*)(?<![A-Za-z])(?:Exclusion\s+[Cc]riteria|EXCLUSION\s+CRITERIA)\s*:(?=\s*\S)")
_REFERRING_WORDS = frozenset("""
the following any all of per see in these those listed and or with under to below above meet meets met no not
none its their such as study's protocol's
""".split())
_HEADING_PREFIX_WORDS = frozenset("""
key main general major other additional specific further patient patients participant participants subject
subjects partner partners study trial part cohort arm phase stage disease disease-specific and for of the
""".split())
_EXCLUSION_KINDS = ("exclusion", "ineligibility")
# Every section word above holds one of these, compared with the same case rules: a line without
# them is criteria text, and the two patterns above (slow on long lines) need not try it.
_SECTION_WORD = re.compile(r"clusion|eligib", re.IGNORECASE)


@dataclass(frozen=True)
class CriteriaParts:
    """An eligibilityCriteria block split into sections; every line lands in one of them."""

    inclusion: str | None
    exclusion: str | None
    unsplit: bool  # no heading at all: whether a line includes or excludes is unknown


def _heading(line: str) -> tuple[str, str] | None:
    """(section, text on the heading line) when `line` starts a section, else None."""
    found = _HEADING.match(line)
    if found:
        prefix_words = found.group("prefix").lower().split()
        rest = found.group("rest").strip().strip("*_").strip()
        kind = found.group("kind").lower()
        section = "exclusion" if kind.startswith(_EXCLUSION_KINDS) or kind.startswith("non") else "inclusion"
        plain_prefix = all(w in _HEADING_PREFIX_WORDS or w.isdigit() or len(w) <= 3 for w in prefix_words)
        if plain_prefix and (found.group("word") or found.group("plural") or rest.startswith(":") or not rest):
            if not rest:
                return section, ""
            if rest.startswith(":"):
                return section, rest[1:].strip().strip("*_").strip()
            # A label before the colon names a cohort ("for HIV infected pregnant women"): kept.
            label = re.match(r"^([^:;]{0,80}?)\s*:\s*(.*)$", rest)
            if label and found.group("word"):
                return section, " ".join(p for p in (label.group(1).strip("*_ "), label.group(2).strip("*_ ")) if p)
            if found.group("word") and not prefix_words and len(rest) <= 60 and rest.endswith("."):
                return section, rest  # "Inclusion criteria for participation in R2."
    return None


def _split_midline_exclusion(line: str) -> list[str]:
    """The line, or its text before a mid-line exclusion heading and the heading with its text."""
    for found in _MIDLINE_EXCLUSION.finditer(line):
        before = line[:found.start()]
        if not re.search(r"[A-Za-z0-9]", before):
            continue  # the heading starts the line ("* Exclusion Criteria: ..."): an ordinary heading
        previous = re.search(r"([A-Za-z']+)\W*$", before)
        if previous and previous.group(1).lower() in _REFERRING_WORDS and not re.search(r"[.;:)\-–—•]\s*$", before):
            continue  # "... meets any of the following Exclusion Criteria: ..."
        return [before.rstrip(), line[found.end("sep"):]]
    return [line]


def split_criteria_parts(text: str | None) -> CriteriaParts:
    """Split an eligibilityCriteria block into inclusion and exclusion text, keeping every line.

    Text before any heading counts as inclusion (how sponsors write short lists); several
    inclusion or exclusion headings (per cohort) are gathered together. A block with no
    heading at all is all "inclusion" but marked unsplit: nothing in it may be read as a
    requirement with certainty.
    """
    if not text:
        return CriteriaParts(None, None, False)
    sections: dict[str, list[str]] = {"inclusion": [], "exclusion": []}
    current = "inclusion"
    headed = False
    lines = (piece for line in text.splitlines()
             for piece in (_split_midline_exclusion(line) if _SECTION_WORD.search(line) else [line]))
    for line in lines:
        if not _SECTION_WORD.search(line):
            sections[current].append(line)
            continue
        heading = _heading(line)
        if heading is None:
            trailing = _TRAILING_HEADING.match(line)
            if trailing:
                sections[current].append(trailing.group("before"))
                current = trailing.group("kind").lower()
                headed = True
                continue
            sections[current].append(line)
            continue
        current, on_line = heading
        headed = True
        if on_line:
            sections[current].append(on_line)
    inclusion = "\n".join(sections["inclusion"]).strip() or None
    exclusion = "\n".join(sections["exclusion"]).strip() or None
    return CriteriaParts(inclusion, exclusion, unsplit=not headed)


def split_criteria(text: str | None) -> tuple[str | None, str | None]:
    """(inclusion, exclusion) text of an eligibilityCriteria block; see split_criteria_parts."""
    parts = split_criteria_parts(text)
    return parts.inclusion, parts.exclusion
