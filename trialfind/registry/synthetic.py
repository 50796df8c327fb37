"""Synthetic registry records for tests, benchmarks and the report screenshot.

Every company and drug name here is invented (no real company's figures are implied);
targets and diagnoses are real words so the records pass the same validation as real ones.
"""
from __future__ import annotations

import datetime as dt
import random

from trialfind.registry.record import AGE_BANDS, OUTCOMES, RequestRecord, Toxicity

SYNTHETIC_COMPANIES = (
    ("Synthetic Acme Oncology", "ACM-101", "ALK", 0.7),
    ("Synthetic Borealis Therapeutics", "BRT-220", "BRAF V600E", 0.5),
    ("Synthetic Cobalt Biosciences", "CBT-7", "NTRK1 fusion", 0.35),
    ("Synthetic Delta Pharma", "DLP-44", "KRAS G12C", 0.2),
    ("Synthetic Ember Bio", "EMB-9", "FGFR2", 0.55),
)
DIAGNOSES = ("relapsed neuroblastoma", "refractory high-grade glioma", "infantile fibrosarcoma",
             "relapsed rhabdomyosarcoma", "low-grade glioma", "inflammatory myofibroblastic tumor")
CONTACTS = ("expanded access portal", "medical information line", "EAP@example-oncology.com",
            "medical affairs team", "https://example.com/expanded-access")
TOXICITY_TERMS = ("Neutrophil count decreased", "Fatigue", "Weight gain", "Alanine aminotransferase increased",
                  "Rash maculo-papular", "Diarrhea")


def synthetic_records(count: int, *, seed: int = 7, today: dt.date | None = None,
                      start: dt.date = dt.date(2023, 1, 1)) -> list[RequestRecord]:
    """`count` valid, varied records (fixed by `seed`), sent between `start` and about 30 days before today."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    span = max(1, (today - start).days - 120)
    records = []
    for _ in range(count):
        company, drug, target, grant_rate = rng.choice(SYNTHETIC_COMPANIES)
        sent = start + dt.timedelta(days=rng.randrange(span))
        acknowledged = sent + dt.timedelta(days=rng.randint(1, 20)) if rng.random() < 0.8 else None
        roll = rng.random()
        decision = ("granted" if roll < grant_rate * 0.85 else "denied" if roll < 0.8 else
                    "no response" if roll < 0.93 else "pending" if roll < 0.97 else "withdrawn")
        decided = None
        if decision in ("granted", "denied"):
            decided = (acknowledged or sent) + dt.timedelta(days=rng.randint(0, 40))
        record = RequestRecord(
            reporter_role=rng.choice(("parent", "physician", "advocate")), age_band=rng.choice(AGE_BANDS),
            diagnosis=rng.choice(DIAGNOSES), target=target, drug=drug, company=company,
            contact_used=rng.choice(CONTACTS), channel=rng.choice(("email", "portal", "phone")),
            date_sent=sent, date_acknowledged=acknowledged if decision != "no response" else None,
            decision=decision, decision_date=decided, consent_to_share=rng.random() < 0.95,
            reason_given=("no pediatric dosing data" if decision == "denied" and rng.random() < 0.5 else None),
        )
        if decision == "granted" and decided:
            record.ind_date = decided + dt.timedelta(days=rng.randint(1, 5))
            record.irb_date = record.ind_date + dt.timedelta(days=rng.randint(0, 5))
            record.treatment_start = record.irb_date + dt.timedelta(days=rng.randint(1, 10))
            record.outcome = rng.choice(OUTCOMES)
            record.toxicities = [Toxicity(rng.choice(TOXICITY_TERMS), rng.randint(1, 4))
                                 for _ in range(rng.choice((0, 0, 1, 2)))]
        records.append(record)
    return records
