"""One self-contained HTML page an advocate can open or send: figures per company and
decisions over time, as charts embedded in the page (PNG, base64), with the numbers
explained in plain words. It holds aggregate figures only — no record, no free text."""
from __future__ import annotations

import base64
import datetime as dt
import html
import io
from typing import Sequence

from trialfind.registry.record import DECISIONS, RequestRecord
from trialfind.registry.stats import TOTAL_LABEL, compute_stats, days_to_acknowledge, days_to_decide

DECISION_COLOURS = {"granted": "#2e7d32", "denied": "#c62828", "no response": "#9e9e9e",
                    "pending": "#f9a825", "withdrawn": "#5c6bc0"}
MAX_COMPANIES = 15

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;max-width:1100px;margin:2em auto;
padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
.meta{color:#555}.note{background:#f3f7fb;border-left:4px solid #5c8ecb;padding:.6em 1em;margin:1em 0}
table{border-collapse:collapse;font-size:.9em;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f0f0f0}img{max-width:100%;height:auto;display:block;margin:1em 0}
"""


def _frame(records: Sequence[RequestRecord]):
    import pandas as pd

    rows = [{
        "company": (r.company or "").strip(),
        "decision": r.decision,
        "date_sent": pd.Timestamp(r.date_sent),
        "days_to_acknowledge": days_to_acknowledge(r),
        "days_to_decide": days_to_decide(r),
    } for r in records]
    frame = pd.DataFrame(rows, columns=["company", "decision", "date_sent", "days_to_acknowledge", "days_to_decide"])
    if not frame.empty:
        # Spellings of one company ("pfizer", "Pfizer") count together under the most common one.
        key = frame["company"].str.casefold().str.split().str.join(" ")
        shown = frame.groupby(key)["company"].agg(lambda s: s.value_counts().index[0])
        frame["company"] = key.map(shown)
    return frame


def _png(figure) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _top_companies(frame) -> list[str]:
    return list(frame["company"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
                .index[:MAX_COMPANIES])


def _chart_requests(frame, companies):
    import matplotlib.pyplot as plt

    table = (frame[frame["company"].isin(companies)].groupby(["company", "decision"]).size()
             .unstack(fill_value=0).reindex(index=companies[::-1], columns=list(DECISIONS), fill_value=0))
    figure, axis = plt.subplots(figsize=(10, 0.45 * len(companies) + 1.6))
    left = None
    for decision in DECISIONS:
        values = table[decision].values
        axis.barh(table.index, values, left=left, color=DECISION_COLOURS[decision], label=decision)
        left = values if left is None else left + values
    # Zero-width segments pin the axis to the longest bar; leave room past it.
    axis.set_xlim(0, max(1, table.sum(axis=1).max()) * 1.06)
    axis.set_xlabel("requests")
    axis.set_title("Requests per company, by decision", pad=28)
    axis.legend(fontsize="small", ncols=5, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    axis.xaxis.get_major_locator().set_params(integer=True)
    return figure


def _chart_grant_rate(frame, companies):
    import matplotlib.pyplot as plt

    ended = frame[frame["decision"].isin(["granted", "denied", "no response"]) & frame["company"].isin(companies)]
    counts = ended.groupby("company").size().reindex(companies[::-1], fill_value=0)
    granted = ended[ended["decision"] == "granted"].groupby("company").size().reindex(companies[::-1], fill_value=0)
    rate = (100.0 * granted / counts.where(counts > 0)).fillna(0)
    figure, axis = plt.subplots(figsize=(10, 0.45 * len(companies) + 1.6))
    axis.barh(rate.index, rate.values, color=DECISION_COLOURS["granted"])
    for y, (name, value) in enumerate(rate.items()):
        label = f"{value:.0f}% of {counts[name]}" if counts[name] else "no answer yet"
        axis.text(min(value, 100) + 1, y, label, va="center", fontsize="small")
    axis.set_xlim(0, 115)
    axis.set_xlabel("% granted, of requests that ended (granted, denied or no response)")
    axis.set_title("Grant rate per company")
    return figure


def _chart_days(frame, companies):
    import matplotlib.pyplot as plt
    import numpy as np

    chosen = frame[frame["company"].isin(companies)]
    medians = chosen.groupby("company")[["days_to_acknowledge", "days_to_decide"]].median().reindex(companies[::-1])
    figure, axis = plt.subplots(figsize=(10, 0.55 * len(companies) + 1.6))
    y = np.arange(len(medians))
    axis.barh(y + 0.2, medians["days_to_acknowledge"].fillna(0), height=0.4, color="#5c8ecb",
              label="median days to acknowledge")
    axis.barh(y - 0.2, medians["days_to_decide"].fillna(0), height=0.4, color="#ef6c00",
              label="median days to decide")
    axis.set_yticks(y, medians.index)
    axis.set_xlabel("days from the request being sent")
    axis.set_title("How long companies take to answer")
    axis.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.3 / max(1, len(companies))), ncols=2,
                fontsize="small", frameon=False)
    return figure


def _chart_over_time(frame):
    import matplotlib.pyplot as plt
    import pandas as pd

    quarters = frame["date_sent"].dt.to_period("Q")
    table = (frame.assign(quarter=quarters).groupby(["quarter", "decision"]).size().unstack(fill_value=0)
             .reindex(columns=list(DECISIONS), fill_value=0))
    table = table.reindex(pd.period_range(table.index.min(), table.index.max(), freq="Q"),
                          fill_value=0)
    figure, axis = plt.subplots(figsize=(10, 4))
    bottom = None
    labels = [str(p) for p in table.index]
    for decision in DECISIONS:
        values = table[decision].values
        axis.bar(labels, values, bottom=bottom, color=DECISION_COLOURS[decision], label=decision)
        bottom = values if bottom is None else bottom + values
    axis.set_ylabel("requests sent")
    axis.set_title("Decisions over time (by the quarter the request was sent)", pad=28)
    axis.legend(fontsize="small", ncols=5, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    axis.yaxis.get_major_locator().set_params(integer=True)
    if len(labels) > 12:
        axis.set_xticks(range(0, len(labels), max(1, len(labels) // 12)))
    axis.tick_params(axis="x", rotation=45)
    return figure


def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}" if value != int(value) else f"{int(value)}"
    return str(value)


def _stats_table(records: Sequence[RequestRecord]) -> str:
    rows = compute_stats(records, by="company")
    header = ("Company", "Requests", "% acknowledged", "Median days to acknowledge", "Median days to decide",
              "% granted", "% denied", "% no response")
    keys = ("group", "requests", "acknowledged_pct", "median_days_to_acknowledge", "median_days_to_decide",
            "granted_pct", "denied_pct", "no_response_pct")
    lines = ["<table>", "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>"]
    for row in rows:
        cells = "".join(f"<td>{html.escape(_fmt(row[k]))}</td>" for k in keys)
        style = ' style="font-weight:bold"' if row["group"] == TOTAL_LABEL else ""
        lines.append(f"<tr{style}>{cells}</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def build_report(records: Sequence[RequestRecord], *, title: str = "Compassionate-use requests",
                 left_out: int = 0, generated: dt.date | None = None) -> str:
    """The whole HTML page as text. `records` should be those with consent to share;
    `left_out` is how many were not included for want of consent (said on the page)."""
    import matplotlib

    matplotlib.use("Agg")

    generated = generated or dt.date.today()
    records = list(records)
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="meta">Made by trialfind on {generated.isoformat()} from {len(records)} request(s) reported by '
        "parents, physicians and advocates.</p>",
        '<div class="note"><strong>No identifying data.</strong> This page holds only counts, percentages and '
        "medians. The registry behind it stores no names, emails, phone numbers, dates of birth, record numbers "
        "or addresses, and only requests whose family agreed to share them in aggregate are counted here"
        + (f" ({left_out} other request(s) were left out)." if left_out else ".") + "</div>",
        "<h2>What this shows, in plain words</h2>",
        "<p>When a child with cancer cannot join a clinical trial, the child's doctor can ask the company that "
        "makes an experimental drug for <em>compassionate use</em> (expanded access). Companies publish how many "
        "requests they granted, but rarely how many they turned down or never answered, or how long they took. "
        "Families and doctors told us what happened to their requests; this page adds those answers up.</p>",
        "<ul><li><strong>Acknowledged</strong>: the company confirmed it received the request, or gave a decision."
        "</li><li><strong>Days to acknowledge / decide</strong>: counted from the day the request was sent; the "
        "middle value (median), so one very slow case does not distort it.</li><li><strong>% granted, denied, no "
        "response</strong>: out of the requests that ended on the company's side; requests still pending or "
        "withdrawn by the family are not in these three.</li></ul>"
        "<p>Small numbers can mislead: a company with two requests can show 0% or 100% by chance. The number of "
        "requests is shown next to every rate.</p>",
    ]
    if not records:
        parts.append("<p><strong>No requests to show yet.</strong></p></body></html>")
        return "\n".join(parts) + "\n"
    frame = _frame(records)
    companies = _top_companies(frame)
    more = len(frame["company"].unique()) - len(companies)
    charts = [
        ("Requests per company", _chart_requests(frame, companies),
         "Each bar is one company; colours show what was decided."),
        ("Grant rate per company", _chart_grant_rate(frame, companies),
         "How often a company said yes, out of its requests that ended."),
        ("Days to respond per company", _chart_days(frame, companies),
         "Shorter bars mean faster answers; a missing bar means no dated answer yet."),
        ("Decisions over time", _chart_over_time(frame),
         "Requests by the quarter they were sent, coloured by what happened to them."),
    ]
    for heading, figure, caption in charts:
        parts.append(f"<h2>{html.escape(heading)}</h2><p>{html.escape(caption)}</p>")
        parts.append(f'<img alt="{html.escape(heading)} chart" src="data:image/png;base64,{_png(figure)}">')
    if more > 0:
        parts.append(f"<p>The charts show the {len(companies)} companies with the most requests; "
                     f"{more} more are in the table below.</p>")
    parts.append("<h2>The figures per company</h2>")
    parts.append(_stats_table(records))
    parts.append("<p class=\"meta\">Not medical advice. Figures describe reported requests only, not every "
                 "request ever made.</p></body></html>")
    return "\n".join(parts) + "\n"
