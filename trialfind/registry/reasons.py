"""The reasons companies give for saying no, grouped so they can be counted.

A reason is free text in the company's words and never leaves the registry as written (it
could carry a detail of one child). Figures show only its group: the first group below whose
words appear in it, else "other reason"; a denial with no reason is "no reason given".
The groups follow what expanded-access policies name as grounds for refusal (for example
the Ikena Oncology policy: a trial the patient can join, safety, supply, the company's
criteria), plus the one families meet most for children: no data or dose for children.
"""
from __future__ import annotations

import re

from trialfind.registry.record import RequestRecord

NO_REASON = "no reason given"
OTHER_REASON = "other reason"
# (group, words that put a reason in it), checked in this order.
REASON_GROUPS = (
    ("a trial is open to the child", r"\btrials?\b|\bstud(y|ies)\b|\benrol"),
    ("no data or dose for children", r"\bp(a)?ediatric|\bchild|\bdos(e|ing)\b|\bformulation|\bage\b|\byoung"),
    ("does not meet the company's criteria", r"\beligib|\bcriteri|\bnot meet\b|\bdoes not qualify"),
    ("safety concerns", r"\bsafety\b|\btoxicit|\brisk\b|\badverse\b"),
    ("drug supply", r"\bsupply\b|\bstock\b|\bmanufactur|\bshortage|\bavailab"),
    ("no expanded-access programme", r"\bpolicy\b|\bprogram(me)?\b|\bnot (offer|provide)|\bno expanded\b"
                                     r"|\bcompassionate\b|\bsingle[- ]patient\b"),
)
REASON_GROUP_NAMES = tuple(name for name, _ in REASON_GROUPS) + (OTHER_REASON, NO_REASON)
_COMPILED = tuple((name, re.compile(words, re.I)) for name, words in REASON_GROUPS)


def reason_group(reason: str | None) -> str:
    """The group of one reason as given: "No paediatric dosing data" -> "no data or dose for children"."""
    if not reason or not reason.strip():
        return NO_REASON
    for name, words in _COMPILED:
        if words.search(reason):
            return name
    return OTHER_REASON


def denial_reasons(records: list[RequestRecord]) -> dict[str, int]:
    """Denied requests per reason group, in the order of REASON_GROUP_NAMES (every group listed)."""
    counts = dict.fromkeys(REASON_GROUP_NAMES, 0)
    for record in records:
        if record.decision == "denied":
            counts[reason_group(record.reason_given)] += 1
    return counts
