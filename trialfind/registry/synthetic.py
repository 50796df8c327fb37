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


DENIAL_REASONS = ("no pediatric dosing data", "patient may be eligible for an open trial", "limited drug supply",
                  "does not meet our expanded access criteria", "safety data insufficient", None)


def synthetic_records(count: int, *, seed: int = 7, today: dt.date | None = None,
                      start: dt.date = dt.date(2023, 1, 1)) -> list[RequestRecord]:
    """`count` valid, varied records (fixed by `seed`), sent between `start` and about 120 days before today."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    span = max(1, (today - start).days - 120)
    records = []
    for _ in range(count):
        company, drug, target, grant_rate = rng.choice(SYNTHETIC_COMPANIES)
        sent = start + dt.timedelta(days=rng.randrange(span))
        acknowledged = rng.randint(1, 20) if rng.random() < 0.8 else None
        roll = rng.random()
        decision = ("granted" if roll < grant_rate * 0.85 else "denied" if roll < 0.8 else
                    "no response" if roll < 0.93 else "pending" if roll < 0.97 else "withdrawn")
        decided = (acknowledged or 0) + rng.randint(0, 40) if decision in ("granted", "denied") else None
        record = RequestRecord(
            reporter_role=rng.choice(("parent", "physician", "advocate")), age_band=rng.choice(AGE_BANDS),
            diagnosis=rng.choice(DIAGNOSES), target=target, drug=drug, company=company,
            contact_used=rng.choice(CONTACTS), channel=rng.choice(("email", "portal", "phone")),
            month_sent=f"{sent.year:04d}-{sent.month:02d}",
            days_to_acknowledge=acknowledged if decision != "no response" else None,
            decision=decision, days_to_decide=decided, consent_to_share=rng.random() < 0.95,
            reason_given=rng.choice(DENIAL_REASONS) if decision == "denied" else None,
        )
        if decision == "granted" and decided is not None:
            record.days_to_ind = decided + rng.randint(1, 5)
            record.days_to_irb = record.days_to_ind + rng.randint(0, 5)
            record.days_to_treatment = record.days_to_irb + rng.randint(1, 10)
            record.outcome = rng.choice(OUTCOMES)
            record.toxicities = [Toxicity(rng.choice(TOXICITY_TERMS), rng.randint(1, 4))
                                 for _ in range(rng.choice((0, 0, 1, 2)))]
        records.append(record)
    return records
