"""One self-contained HTML page an advocate can open on a phone or send: per company and per
drug, what was asked and answered, how fast, why companies said no, and how the children did
(outcomes, toxicities by CTCAE grade) — what the Kids v Cancer compassionate-use guide asks
families to report. Aggregate figures only: no record, no free text, no contact route.

The page is plain HTML and CSS (no script, no external file, no image): bars are coloured
blocks that stretch with the screen, and every table turns into one card per row below
640 px, so it reads at 390 px as well as on a desk. The same figures come as CSV from
`report_rows` (and `trialfind registry report --format csv`).
"""
from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from typing import Sequence

from trialfind.registry.reasons import REASON_GROUP_NAMES
from trialfind.registry.record import CTCAE_GRADES, RequestRecord
from trialfind.registry.stats import (
    OUTCOME_COLUMNS,
    REASON_COLUMNS,
    SMALL_NUMBER,
    STAT_COLUMNS,
    TOO_FEW,
    TOTAL_LABEL,
    TOXICITY_COLUMNS,
    compute_stats,
)

DECISION_COLOURS = {"granted": "#2e7d32", "denied": "#c62828", "no_response": "#757575",
                    "withdrawn": "#5c6bc0", "pending": "#f9a825"}
DECISION_WORDS = {"granted": "granted", "denied": "denied", "no_response": "no response",
                  "withdrawn": "withdrawn by the family", "pending": "still waiting"}
REPORT_GROUPINGS = ("company", "drug")
REPORT_COLUMNS = ("grouping", *STAT_COLUMNS)
MAX_BARS = 15

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;max-width:1200px;margin:0 auto;
padding:1em;color:#222;line-height:1.45;font-size:16px;-webkit-text-size-adjust:100%}
h1{font-size:1.5em;margin:.3em 0}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}
h3{font-size:1.05em;margin:1.2em 0 .4em}
.meta{color:#555}.note{background:#f3f7fb;border-left:4px solid #5c8ecb;padding:.6em 1em;margin:1em 0}
.few{color:#8a4b00;font-style:italic}
.scroll{overflow-x:auto;margin:.6em 0 1.2em}
table{border-collapse:collapse;font-size:.9em;width:100%}
th,td{border:1px solid #ccc;padding:.3em .45em;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}th{background:#f0f0f0;font-weight:600}
tr.total td{font-weight:bold;background:#fafafa}
.legend{margin:.4em 0 .8em;font-size:.92em}.legend span{display:inline-block;margin:0 1em .2em 0;white-space:nowrap}
.legend i,.key{display:inline-block;width:.9em;height:.9em;margin-right:.35em;vertical-align:-.1em;border-radius:2px}
.barrow{margin:.7em 0}.barrow .label{display:flex;flex-wrap:wrap;justify-content:space-between;column-gap:.8em}
.barrow .label b{font-weight:600}.barrow .label small{color:#555;font-size:.88em}
.bar{display:flex;height:1.3em;border-radius:3px;overflow:hidden;background:#eee;margin-top:.15em}
.bar span{display:block;height:100%}
@media (max-width:640px){
body{padding:.75em}
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
table.cards thead{display:none}
table.cards tr{display:grid;grid-template-columns:1fr 1fr;column-gap:1.1em;border:1px solid #ccc;
border-radius:4px;margin:0 0 .8em;padding:.2em .6em}
table.cards td{border:none;border-bottom:1px solid #eee;display:flex;justify-content:space-between;gap:.5em;
text-align:right;padding:.3em 0}
table.cards td:first-child{grid-column:1/-1}
table.cards td.blank{display:none}
table.cards td::before{content:attr(data-label);text-align:left;color:#444}
table.cards td:first-child{font-weight:bold;font-size:1.05em;text-align:left}
table.cards td:first-child::before{content:none}
}
"""

_PLAIN_WORDS = (
    "<p>When a child with cancer cannot join a clinical trial, the child's doctor can ask the company that "
    "makes an experimental drug for <em>compassionate use</em> (expanded access). Companies publish how many "
    "requests they granted, but rarely how many they turned down or never answered, how long they took, or how "
    "the children did. Families and doctors told us what happened to their requests; this page adds those "
    "answers up.</p><ul>"
    "<li><strong>Acknowledged</strong>: the company confirmed it received the request, or gave a decision.</li>"
    "<li><strong>Granted, denied, no response, withdrawn, still waiting</strong>: each request is counted once, "
    "under what happened to it. <em>Withdrawn</em> means the family stopped the request; it is not counted as "
    "the company's silence.</li>"
    "<li><strong>Median days to acknowledge</strong> and <strong>median days to decide</strong>: counted from "
    "the day the request was sent to the first answer, and to the grant or denial; the middle value, so one "
    "very slow case does not distort it.</li>"
    "<li><strong>Outcomes</strong> (response, stable disease, progression) and <strong>toxicities</strong> are "
    "of children who received the drug; toxicities are graded 1 (mild) to 5 (death) on the NCI CTCAE scale, "
    "one count per side effect reported.</li></ul>"
    f"<p class=\"few\">Small numbers mislead: a row with fewer than {SMALL_NUMBER} requests is marked "
    f"\u201c{TOO_FEW}\u201d, since one request more or less changes its rates a lot.</p>"
)


def _cell(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}" if value != int(value) else f"{int(value)}"
    return str(value)


def _blank(header: str, value) -> str:
    return ' class="blank"' if header == "Note" and not value else ""


def _table(headers: Sequence[str], rows: Sequence[Sequence], *, totals: Sequence[bool] = ()) -> str:
    """A table that becomes one labelled card per row on a narrow screen."""
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    lines = [f'<div class="scroll"><table class="cards"><thead><tr>{head}</tr></thead><tbody>']
    for number, row in enumerate(rows):
        # An empty note is left out of a card; an empty figure shows as a dash.
        cells = "".join(f'<td data-label="{html.escape(h)}"{_blank(h, v)}>{html.escape(_cell(v))}</td>'
                        for h, v in zip(headers, row))
        total = ' class="total"' if number < len(totals) and totals[number] else ""
        lines.append(f"<tr{total}>{cells}</tr>")
    lines.append("</tbody></table></div>")
    return "\n".join(lines)


def _legend() -> str:
    return '<p class="legend">' + "".join(
        f'<span><i style="background:{colour}"></i>{html.escape(DECISION_WORDS[key])}</span>'
        for key, colour in DECISION_COLOURS.items()) + "</p>"


def _bars(rows: list[dict]) -> str:
    """One stacked bar per group: what happened to its requests."""
    parts = [_legend()]
    for row in rows[:MAX_BARS]:
        total = row["requests"] or 1
        counts = ", ".join(f"{row[key]} {DECISION_WORDS[key]}" for key in DECISION_COLOURS if row[key])
        few = f' <span class="few">({TOO_FEW})</span>' if row["note"] else ""
        segments = "".join(f'<span style="width:{100.0 * row[key] / total:.1f}%;background:{colour}" '
                           f'title="{row[key]} {DECISION_WORDS[key]}"></span>'
                           for key, colour in DECISION_COLOURS.items() if row[key])
        parts.append(f'<div class="barrow"><div class="label"><b>{html.escape(row["group"])}</b>'
                     f'<small>{row["requests"]} request(s): {html.escape(counts)}{few}</small></div>'
                     f'<div class="bar" role="img" aria-label="{html.escape(counts)}">{segments}</div></div>')
    if len(rows) > MAX_BARS:
        parts.append(f"<p>The bars show the {MAX_BARS} with the most requests; the table below has all "
                     f"{len(rows)}.</p>")
    return "\n".join(parts)


def _answers_table(rows: list[dict], label: str) -> str:
    headers = (label, "Requests", "Acknowledged", "Granted", "Denied", "No response", "Withdrawn",
               "Still waiting", "Median days to acknowledge", "Median days to decide", "% granted of answered",
               "Note")
    keys = ("group", "requests", "acknowledged", "granted", "denied", "no_response", "withdrawn", "pending",
            "ack_median_days", "decide_median_days", "granted_pct", "note")
    return _table(headers, [[row[k] for k in keys] for row in rows],
                  totals=[row["group"] == TOTAL_LABEL for row in rows])


def _outcomes_table(rows: list[dict], label: str) -> str:
    headers = (label, "Granted", "Response", "Stable disease", "Progression", "Too early to tell", "Not known",
               *(f"Side effects grade {g}" for g in CTCAE_GRADES))
    keys = ("group", "granted", *OUTCOME_COLUMNS, *TOXICITY_COLUMNS)
    shown = [row for row in rows if row["granted"] or row["group"] == TOTAL_LABEL]
    return _table(headers, [[row[k] for k in keys] for row in shown],
                  totals=[row["group"] == TOTAL_LABEL for row in shown])


def _reasons_table(rows: list[dict], label: str) -> str:
    if not rows[-1]["denied"]:
        return "<p>No denials reported.</p>"
    groups = [(name, column) for name, column in zip(REASON_GROUP_NAMES, REASON_COLUMNS)
              if rows[-1][column]]
    headers = (label, "Denied", *(name[:1].upper() + name[1:] for name, _ in groups))
    shown = [row for row in rows if row["denied"]]
    return _table(headers, [[row["group"], row["denied"], *(row[c] for _, c in groups)] for row in shown],
                  totals=[row["group"] == TOTAL_LABEL for row in shown])


def _toxicity_terms(records: Sequence[RequestRecord]) -> str:
    counts = Counter((t.term, t.grade) for r in records for t in r.toxicities)
    if not counts:
        return "<p>No side effects reported.</p>"
    terms = sorted({term for term, _ in counts}, key=lambda term: (-sum(counts[term, g] for g in CTCAE_GRADES),
                                                                      term.casefold()))
    rows = [[term, *(counts[term, g] for g in CTCAE_GRADES), sum(counts[term, g] for g in CTCAE_GRADES)]
            for term in terms]
    return _table(("Side effect (CTCAE term)", *(f"Grade {g}" for g in CTCAE_GRADES), "All grades"), rows)


def _over_time(records: Sequence[RequestRecord]) -> str:
    by_quarter: dict[str, Counter] = {}
    for record in records:
        year, month = record.month_sent.split("-")
        quarter = f"{year} Q{(int(month) - 1) // 3 + 1}"
        by_quarter.setdefault(quarter, Counter())[record.decision.replace(" ", "_")] += 1
    rows = [{"group": quarter, "requests": sum(c.values()), "note": "",
             **{key: c[key] for key in DECISION_COLOURS}} for quarter, c in sorted(by_quarter.items())]
    return _bars(rows[-MAX_BARS:]).replace(f"<p>The bars show the {MAX_BARS}", "<p>The bars show the last")


def report_rows(records: Sequence[RequestRecord]) -> list[dict]:
    """The report's figures as rows (REPORT_COLUMNS): every company, then every drug, each with a total."""
    records = list(records)
    return [{"grouping": by, **row} for by in REPORT_GROUPINGS for row in compute_stats(records, by=by)]


def build_report(records: Sequence[RequestRecord], *, title: str = "Compassionate-use requests",
                 left_out: int = 0, generated: dt.date | None = None) -> str:
    """The whole HTML page as text. `records` should be those with consent to share;
    `left_out` is how many were not included for want of consent (said on the page)."""
    generated = generated or dt.date.today()
    records = list(records)
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="meta">Made by trialfind on {generated.isoformat()} from {len(records)} request(s) reported by '
        "parents, physicians and advocates.</p>",
        '<div class="note"><strong>No identifying data.</strong> This page holds only counts and medians. The '
        "registry behind it stores no names, emails, phone numbers, dates or addresses (only the month a request "
        "was sent and days since), and only requests whose family agreed to share them in aggregate are counted "
        "here" + (f" ({left_out} other request(s) were left out)." if left_out else ".") + "</div>",
    ]
    if not records:
        parts.append("<p><strong>No requests to show yet.</strong></p></body></html>")
        return "\n".join(parts) + "\n"
    companies = compute_stats(records, by="company")
    drugs = compute_stats(records, by="drug")
    parts += [
        "<h2>What happened to the requests, per company</h2>", _bars(companies[:-1]),
        "<h2>In plain words</h2>", _PLAIN_WORDS,
        "<h2>Answers and waiting times per company</h2>", _answers_table(companies, "Company"),
        "<h2>Answers and waiting times per drug</h2>",
        "<p>Drugs are counted under their generic name: a brand (Lorbrena) or code name (PF-06463922) counts as "
        "the drug (lorlatinib).</p>", _answers_table(drugs, "Drug"),
        "<h2>How the children did</h2>",
        "<p>Of requests that were granted: the best response reported, and side effects by CTCAE grade.</p>",
        "<h3>Per drug</h3>", _outcomes_table(drugs, "Drug"),
        "<h3>Per company</h3>", _outcomes_table(companies, "Company"),
        "<h3>Side effects reported</h3>", _toxicity_terms(records),
        "<h2>Why companies said no</h2>",
        "<p>The reasons companies gave for a denial, grouped (the words themselves stay private).</p>",
        "<h3>Per company</h3>", _reasons_table(companies, "Company"),
        "<h3>Per drug</h3>", _reasons_table(drugs, "Drug"),
        "<h2>Requests over time</h2><p>By the quarter the request was sent.</p>", _over_time(records),
        '<p class="meta">Not medical advice. Figures describe reported requests only, not every request ever '
        "made.</p></body></html>",
    ]
    return "\n".join(parts) + "\n"
