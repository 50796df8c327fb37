"""Registry of compassionate-use request outcomes, kept for advocates.

Which company was asked, through which contact, whether and how fast it answered,
whether it said yes, and how the child did — never who the child is.

Modules (one concept each; SQLAlchemy, pandas and matplotlib are imported only
where they are used, so importing this package stays cheap):
    record   RequestRecord, Toxicity, vocabularies and validate()
    dates    dates given -> the month sent and days since (no date is kept)
    identity one name per company (sponsor directory) and drug (the INN), the spelling kept
    reasons  denial reasons in groups
    schema   tables and ordered, versioned migrations
    sqlite   SQLite connection settings (WAL, busy timeout, secure delete, BEGIN IMMEDIATE)
    store    Registry: open (SQLite file or PostgreSQL URL), add, get, list, update, import
    transfer CSV export / import of records
    stats    aggregate figures per company, drug or target
    report   one self-contained HTML page (and its figures as CSV rows)
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "RequestRecord": "trialfind.registry.record",
    "Toxicity": "trialfind.registry.record",
    "AGE_BANDS": "trialfind.registry.record",
    "DECISIONS": "trialfind.registry.record",
    "OUTCOMES": "trialfind.registry.record",
    "REPORTER_ROLES": "trialfind.registry.record",
    "CHANNELS": "trialfind.registry.record",
    "screen_record": "trialfind.registry.record",
    "Registry": "trialfind.registry.store",
    "open_registry": "trialfind.registry.store",
    "resolve_db_url": "trialfind.registry.store",
    "SCHEMA_VERSION": "trialfind.registry.schema",
    "records_to_csv": "trialfind.registry.transfer",
    "records_from_csv": "trialfind.registry.transfer",
    "compute_stats": "trialfind.registry.stats",
    "build_report": "trialfind.registry.report",
    "report_rows": "trialfind.registry.report",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'trialfind.registry' has no attribute {name!r}")
