"""The digest of a watch run: short plain text, JSON, or one self-contained HTML page."""
from __future__ import annotations

import json
from html import escape
from typing import Sequence

from trialfind.core.ages import describe_days
from trialfind.core.study import STUDY_URL
from trialfind.output.family_report import page_stylesheet
from trialfind.watch.diff import KINDS
from trialfind.watch.run import WatchResult

NOT_ADVICE = "Not medical advice: check every trial and option with the child's care team and the study team."


def _asked(result: WatchResult) -> str:
    search = result.search
    parts = [", ".join([*search.conditions, *search.targets]), f"age now {describe_days(result.age_days)}"]
    if search.near:
        parts.append(f"sites within {search.within_km:.0f} km of {search.near[0]},{search.near[1]}")
    return "; ".join(parts)


def _heading(kind: str, result: WatchResult) -> str:
    heading = KINDS[kind]
    if kind.startswith("site_") and result.search.within_km:
        heading = heading.replace("the radius", f"{result.search.within_km:.0f} km")
    return heading


def _nothing(result: WatchResult) -> str:
    if result.changes.first_run:
        return (f"Nothing that may fit yet ({len(result.answer.trials)} related studies followed); "
                "the next runs will say what changes.")
    return "No changes."


def _groups(result: WatchResult) -> list[tuple[str, list]]:
    return [(kind, result.changes.of_kind(kind)) for kind in KINDS if result.changes.of_kind(kind)]


def digest_text(results: Sequence[WatchResult]) -> str:
    """A few lines per watch: what changed, in plain words, grouped by kind of change."""
    lines: list[str] = []
    for result in results:
        since = f"since {result.previous_run}" if result.previous_run else "first run: everything is new"
        lines.append(f"Watch {result.name!r} ({_asked(result)}), {since}:")
        if not result.changes:
            lines.append(f"  {_nothing(result)}")
        for kind, changes in _groups(result):
            lines.append(f"  {_heading(kind, result)} ({len(changes)}):")
            for change in changes:
                label = change.subject if change.subject == change.title else f"{change.subject}  {change.title}"
                lines.append(f"    {label}")
                lines.append(f"      {change.detail}")
        lines.append("")
    versions = sorted({r.answer.data_version or "unknown" for r in results})
    lines.append(f"Data: ClinicalTrials.gov, data version {', '.join(versions)}. {NOT_ADVICE}")
    return "\n".join(lines) + "\n"


def digest_json(results: Sequence[WatchResult]) -> str:
    return json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2) + "\n"


def _link(nct_id: str) -> str:
    return f'<a class="nct" href="{escape(STUDY_URL.format(nct_id=nct_id))}">{escape(nct_id)}</a>'


def digest_html(results: Sequence[WatchResult]) -> str:
    """One page in the family report's style, no scripts, no outside resources; every value
    from a record is escaped."""
    body: list[str] = []
    for result in results:
        since = f"since {result.previous_run}" if result.previous_run else "first run: everything is new"
        body.append(f"<section><h2>{escape(result.name)}</h2>"
                    f"<p class=\"meta\">{escape(_asked(result))}; {escape(since)}</p>")
        if not result.changes:
            body.append(f"<p class=\"summary\">{escape(_nothing(result))}</p>")
        for kind, changes in _groups(result):
            body.append(f"<div class=\"card\"><h3>{escape(_heading(kind, result))} ({len(changes)})</h3>"
                        "<ul class=\"tight\">")
            for change in changes:
                subject = _link(change.subject) if change.subject.startswith("NCT") else escape(change.subject)
                title = "" if change.subject == change.title else f" {escape(change.title)}"
                links = "".join(f" {_link(n)}" for n in change.nct_ids if n != change.subject)
                body.append(f"<li><strong>{subject}</strong>{title}<br>{escape(change.detail)}{links}</li>")
            body.append("</ul></div>")
        body.append("</section>")
    versions = ", ".join(sorted({r.answer.data_version or "unknown" for r in results}))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>trialfind: what changed</title><style>\n{page_stylesheet()}</style></head><body>"
        "<header class=\"page\"><h1>What changed</h1></header><main>" + "".join(body) + "</main>"
        f"<footer class=\"page\"><p><strong>Not medical advice.</strong> {escape(NOT_ADVICE.split(': ', 1)[1])}</p>"
        f"<p>Data: ClinicalTrials.gov, data version {escape(versions)}.</p></footer>"
        "</body></html>\n")
