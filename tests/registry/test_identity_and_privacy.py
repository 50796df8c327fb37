"""Issue 14: one name per company and drug in list, stats, export and report; no full date
stored anywhere in the registry (SQLite and PostgreSQL); export, stats and report count only
consented requests unless the owner asks otherwise. Records here are synthetic."""
import csv
import datetime as dt
import io
import re

import sqlalchemy as sa

from tests.registry.test_postgres import fresh_database, postgres_server_url  # noqa: F401 (fixtures)
from tests.registry.test_store import run_cli
from trialfind.registry.record import RequestRecord
from trialfind.registry.schema import SCHEMA_VERSION, metadata, migrate
from trialfind.registry.store import Registry
from trialfind.registry.synthetic import synthetic_records
from trialfind.registry.transfer import import_csv, records_to_csv

FULL_DATE = re.compile(r"\b(19|20)\d{2}-\d{2}-\d{2}\b")


def add(db, capsys, company, drug, *extra):
    code, out, err = run_cli(capsys, "registry", "add", "--db", db, "--reporter-role", "physician", "--age-band", "7",
                             "--diagnosis", "relapsed neuroblastoma", "--drug", drug, "--company", company,
                             "--date-sent", "2025-03-04", *extra)
    assert code == 0, err


def test_pfizer_spelled_three_ways_and_lorbrena_are_one_company_and_one_drug_everywhere(capsys, tmp_path):
    db = str(tmp_path / "r.sqlite")
    add(db, capsys, "Pfizer Inc.", "Lorbrena", "--consent", "--decision", "granted", "--decision-date", "2025-03-20")
    add(db, capsys, "pfizer", "PF-06463922", "--consent", "--decision", "denied", "--decision-date", "2025-03-30")
    add(db, capsys, "Pfizer", "lorlatinib", "--consent")
    add(db, capsys, "Synthetic Acme Bio", "ACM-101", "--consent")
    add(db, capsys, "synthetic acme bio", "acm-101", "--consent")

    _, out, _ = run_cli(capsys, "registry", "list", "--db", db, "--format", "csv")
    listed = list(csv.DictReader(io.StringIO(out)))
    assert [(r["company"], r["drug"]) for r in listed] == [("Pfizer", "lorlatinib")] * 3 + [
        ("Synthetic Acme Bio", "ACM-101")] * 2
    _, out, _ = run_cli(capsys, "registry", "list", "--db", db, "--company", "PFIZER INC", "--drug", "Lorbrena",
                        "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(out)))) == 3

    for by, name in (("company", "Pfizer"), ("drug", "lorlatinib")):
        _, out, _ = run_cli(capsys, "registry", "stats", "--db", db, "--by", by, "--format", "csv")
        rows = {r["group"]: r for r in csv.DictReader(io.StringIO(out))}
        assert rows[name]["requests"] == "3" and len(rows) == 3   # the name, the Acme row, the total

    code, out, _ = run_cli(capsys, "registry", "export", "--db", db)
    exported = list(csv.DictReader(io.StringIO(out)))
    assert {r["company"] for r in exported} == {"Pfizer", "Synthetic Acme Bio"}
    assert [r["company_as_written"] for r in exported[:3]] == ["Pfizer Inc.", "pfizer", "Pfizer"]
    assert [r["drug_as_written"] for r in exported[:3]] == ["Lorbrena", "PF-06463922", "lorlatinib"]

    report = tmp_path / "report.html"
    run_cli(capsys, "registry", "report", "--db", db, "--output", str(report))
    page = report.read_text(encoding="utf-8")
    assert page.count('<td data-label="Company">Pfizer</td><td data-label="Requests">3</td>') == 1
    assert '<td data-label="Drug">lorlatinib</td><td data-label="Requests">3</td>' in page
    code, out, _ = run_cli(capsys, "registry", "report", "--db", db, "--format", "csv", "--output", "-")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {(r["grouping"], r["group"], r["requests"]) for r in rows} >= {("company", "Pfizer", "3"),
                                                                          ("drug", "lorlatinib", "3")}


def full_dates_in(engine) -> list[str]:
    """Every cell of every row of every registry table holding a full date. The schema's upgrade
    log keeps a timestamp column, so there the only date allowed is the first instant of a month."""
    found = []
    with engine.connect() as conn:
        for table in sa.inspect(conn).get_table_names():
            for row in conn.execute(sa.text(f"SELECT * FROM {table}")).mappings():
                for column, value in row.items():
                    if (table, column) == ("schema_version", "applied_at"):
                        moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
                        if moment.tzinfo is not None:
                            moment = moment.astimezone(dt.timezone.utc)
                        if (moment.day, moment.hour, moment.minute, moment.second) != (1, 0, 0, 0):
                            found.append(f"{table}.{column}={value!r}")
                    elif isinstance(value, (dt.date, dt.datetime)) or FULL_DATE.search(str(value)):
                        found.append(f"{table}.{column}={value!r}")
    return found


OLD_LAYOUT_CSV = (
    "id,created_at,updated_at,reporter_role,age_band,diagnosis,target,drug,company,contact_used,channel,date_sent,"
    "date_acknowledged,decision,decision_date,reason_given,ind_date,irb_date,treatment_start,outcome,toxicities,"
    "consent_to_share,notes,uid\n"
    "1,2025-02-01T10:00:00Z,2025-03-01T10:00:00Z,physician,10-14,relapsed neuroblastoma,ALK,Lorbrena,Pfizer Inc.,"
    "medical information line,email,2025-01-10,2025-01-13,granted,2025-01-24,,2025-01-27,2025-01-28,2025-02-03,"
    "stable,Neutrophil count decreased:3,yes,,0b7f4f7e-0000-4000-8000-000000000001\n"
)


def exercise_and_scan(url, tmp_path):
    with Registry.open(url) as registry:
        registry.add(RequestRecord.from_values(dict(
            reporter_role="parent", age_band="3", diagnosis="infantile fibrosarcoma", drug="Vitrakvi",
            company="Bayer AG", date_sent="2024-05-02", date_acknowledged="2024-05-06", consent_to_share="no")))
        registry.update(1, {"decision": "granted", "date_sent": "2024-05-02", "decision_date": "2024-05-10",
                            "treatment_start": "2024-05-21", "toxicities": ["Fatigue:1"]})
        old = tmp_path / "old_layout.csv"
        old.write_text(OLD_LAYOUT_CSV, encoding="utf-8")
        import_csv(registry, old)
        new = tmp_path / "new_layout.csv"
        new.write_text(records_to_csv(synthetic_records(40, seed=5)), encoding="utf-8")
        import_csv(registry, new)
        assert registry.count() == 42
        imported = registry.records(drug="lorlatinib")[0]
        assert (imported.month_sent, imported.days_to_acknowledge, imported.days_to_decide,
                imported.days_to_treatment, imported.recorded_month, imported.company) == (
            "2025-01", 3, 14, 24, "2025-02", "Pfizer")
        assert full_dates_in(registry.engine) == []
        bayer = registry.get(1)
        assert (bayer.month_sent, bayer.days_to_acknowledge, bayer.days_to_decide, bayer.days_to_treatment,
                bayer.drug, bayer.company) == ("2024-05", 4, 8, 19, "larotrectinib", "Bayer")


def test_no_full_date_is_stored_after_adds_updates_and_imports_on_sqlite(tmp_path):
    exercise_and_scan(str(tmp_path / "r.sqlite"), tmp_path)


def test_no_full_date_is_stored_after_adds_updates_and_imports_on_postgresql(fresh_database, tmp_path):  # noqa: F811
    exercise_and_scan(fresh_database(), tmp_path)


def _v2_database_with_dates(engine):
    with engine.begin() as conn:
        assert migrate(conn, target=2) == [1, 2]
        now = dt.datetime(2025, 2, 14, 9, 30, tzinfo=dt.timezone.utc)
        # As trialfind before issue 14 logged its upgrades: to the second.
        conn.execute(sa.text("UPDATE schema_version SET applied_at = :now"), {"now": now})
        rows = (("Pfizer Inc.", "Lorbrena", dt.date(2024, 3, 1), dt.date(2024, 3, 5), "granted", dt.date(2024, 3, 20)),
                ("pfizer", "lorlatinib", dt.date(2024, 4, 9), None, "withdrawn", None))
        for number, (company, drug, sent, acknowledged, decision, decided) in enumerate(rows, start=1):
            conn.execute(sa.text(
                "INSERT INTO requests (uid, created_at, updated_at, reporter_role, age_band, diagnosis, drug, company, "
                "date_sent, date_acknowledged, decision, decision_date, consent_to_share) VALUES (:uid, :now, :now, "
                "'physician', '10-14', 'relapsed neuroblastoma', :drug, :company, :sent, :ack, :decision, :decided, "
                ":consent)"),
                {"uid": f"00000000-0000-4000-8000-00000000000{number}", "now": now, "drug": drug, "company": company,
                 "sent": sent, "ack": acknowledged, "decision": decision, "decided": decided, "consent": True})


def check_migration_3(url):
    engine = sa.create_engine(url)
    _v2_database_with_dates(engine)
    engine.dispose()
    with Registry.open(url) as registry:
        assert registry.schema_version() == SCHEMA_VERSION
        first, second = registry.records()
        assert (first.month_sent, first.days_to_acknowledge, first.days_to_decide, first.recorded_month) == (
            "2024-03", 4, 19, "2025-02")
        assert (second.month_sent, second.decision, second.days_to_decide) == ("2024-04", "withdrawn", None)
        assert {(r.company, r.company_as_written, r.drug, r.drug_as_written) for r in (first, second)} == {
            ("Pfizer", "Pfizer Inc.", "lorlatinib", "Lorbrena"), ("Pfizer", "pfizer", "lorlatinib", "lorlatinib")}
        columns = {c["name"] for c in sa.inspect(registry.engine).get_columns("requests")}
        assert columns == set(metadata.tables["requests"].columns.keys())
        assert not columns & {"date_sent", "decision_date", "created_at", "updated_at"}
        assert full_dates_in(registry.engine) == []


def test_migration_3_converts_dates_and_names_and_drops_the_date_columns_on_sqlite(tmp_path):
    path = tmp_path / "old.sqlite"
    check_migration_3(f"sqlite:///{path}")
    # Nothing of the old dates is left in the file itself (secure_delete overwrote the freed pages).
    assert b"2024-03-20" not in path.read_bytes() and b"2024-03-05" not in path.read_bytes()


def test_migration_3_converts_dates_and_names_and_drops_the_date_columns_on_postgresql(fresh_database):  # noqa: F811
    check_migration_3(fresh_database())


def test_export_has_only_consented_rows_unless_the_owner_asks_and_stats_and_report_agree(capsys, tmp_path):
    db = str(tmp_path / "r.sqlite")
    add(db, capsys, "Pfizer", "lorlatinib", "--consent")
    add(db, capsys, "Bayer", "larotrectinib", "--no-consent")
    code, out, err = run_cli(capsys, "registry", "export", "--db", db)
    assert code == 0 and [r["company"] for r in csv.DictReader(io.StringIO(out))] == ["Pfizer"]
    assert "1 request(s) without consent to share were left out" in err
    code, out, err = run_cli(capsys, "registry", "export", "--db", db, "--include-unconsented")
    assert [r["company"] for r in csv.DictReader(io.StringIO(out))] == ["Pfizer", "Bayer"]
    assert err.startswith("warning: this file includes requests whose family did NOT agree")
    _, out, _ = run_cli(capsys, "registry", "stats", "--db", db, "--format", "csv")
    assert next(csv.DictReader(io.StringIO(out)))["requests"] == "1"
    _, out, _ = run_cli(capsys, "registry", "report", "--db", db, "--format", "csv", "--output", "-")
    assert {r["group"] for r in csv.DictReader(io.StringIO(out))} == {"Pfizer", "lorlatinib", "(all requests)"}


def test_stats_table_headings_are_distinct_on_a_narrow_terminal(capsys, tmp_path, monkeypatch):
    db = str(tmp_path / "r.sqlite")
    add(db, capsys, "Pfizer", "lorlatinib", "--consent", "--date-acknowledged", "2025-03-06")
    monkeypatch.setenv("COLUMNS", "100")
    _, out, _ = run_cli(capsys, "registry", "stats", "--db", db, "--by", "company")
    headings = out.splitlines()[0].split()
    assert len(headings) == len(set(headings)) and "withdrawn" in headings and "no_response" in headings
    assert any(h.startswith("ack_") for h in headings) and any(h.startswith("decide_") for h in headings)
    assert "too few to" in out   # the note (cut to the terminal width here)
