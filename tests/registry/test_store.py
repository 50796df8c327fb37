"""Registry storage on SQLite: CRUD, migrations, all-or-none import, round trips, stats and the CLI."""
import csv
import datetime as dt
import io
import re
import sqlite3

import pytest
import sqlalchemy as sa

from trialfind.cli import main
from trialfind.core.errors import InvalidInput, NotFound, TrialfindError
from trialfind.registry.record import RequestRecord
from trialfind.registry.schema import MIGRATIONS, SCHEMA_VERSION, metadata, migrate
from trialfind.registry.stats import compute_stats
from trialfind.registry.store import Registry, resolve_db_url
from trialfind.registry.synthetic import synthetic_records
from trialfind.registry.transfer import import_csv, records_from_csv, records_to_csv


def synthetic_record(**overrides):
    values = dict(reporter_role="parent", age_band="1-4", diagnosis="infantile fibrosarcoma", target="NTRK3 fusion",
                  drug="larotrectinib", company="Bayer", contact_used="medical information line",
                  date_sent="2024-05-02", decision="pending", consent_to_share="yes")
    values.update(overrides)
    return RequestRecord.from_values(values)


@pytest.fixture
def registry(tmp_path):
    with Registry.open(tmp_path / "registry.sqlite") as store:
        yield store


def test_add_get_update_list(registry):
    added = registry.add(synthetic_record())
    assert added.id == 1 and added.uid and re.fullmatch(r"\d{4}-\d{2}", added.recorded_month)
    assert registry.get(1).drug == "larotrectinib"
    updated = registry.update(1, {"decision": "granted", "date_sent": "2024-05-02", "date_acknowledged": "2024-05-03",
                                  "decision_date": "2024-05-10", "treatment_start": "2024-05-20",
                                  "toxicities": ["Fatigue:1", "Anemia:2"]})
    again = registry.get(1)
    assert again.decision == "granted" and again.toxicities == updated.toxicities
    assert [t.grade for t in again.toxicities] == [1, 2]
    assert (again.days_to_acknowledge, again.days_to_decide, again.days_to_treatment) == (1, 8, 18)
    assert again.recorded_month == added.recorded_month and again.updated_month >= added.updated_month
    assert registry.update(1, {"days_to_decide": 9}).days_to_decide == 9   # days can be given directly
    registry.add(synthetic_record(company="Pfizer", drug="lorlatinib"))
    assert [r.id for r in registry.records(company="PFIZER")] == [2]
    assert [r.id for r in registry.records(decision="granted")] == [1]
    with pytest.raises(NotFound):
        registry.get(99)


def test_update_that_breaks_a_rule_changes_nothing(registry):
    registry.add(synthetic_record())
    with pytest.raises(InvalidInput, match="^decision_date: .*before the request was sent"):
        registry.update(1, {"decision": "denied", "date_sent": "2024-05-02", "decision_date": "2024-01-01"})
    with pytest.raises(InvalidInput, match="^decision_date: the registry keeps no dates.*give date_sent"):
        registry.update(1, {"decision": "denied", "decision_date": "2024-06-01"})
    with pytest.raises(InvalidInput, match="^notes: "):
        registry.update(1, {"notes": "Call 212-555-0199 after 6"})
    assert registry.get(1).decision == "pending" and registry.get(1).notes is None


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(registry):
    with registry.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_deleting_a_request_deletes_its_toxicities(registry):
    registry.add(synthetic_record(decision="granted", decision_date="2024-05-09", toxicities="Fatigue:2"))
    registry.delete(1)
    with registry.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM toxicities").scalar() == 0


def test_db_option_resolution(tmp_path, monkeypatch):
    monkeypatch.delenv("TRIALFIND_REGISTRY_URL", raising=False)
    monkeypatch.setenv("TRIALFIND_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("TRIALFIND_DATA_DIR", str(tmp_path / "data"))
    # The registry is data, not cache (issue 12): its default file is in the data directory.
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'data' / 'registry.sqlite'}"
    assert resolve_db_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("TRIALFIND_REGISTRY_URL", "postgresql://u@h:5433/db")
    assert resolve_db_url(None) == "postgresql+psycopg://u@h:5433/db"
    with pytest.raises(InvalidInput):
        resolve_db_url("mysql://u@h/db")


# -- migrations ------------------------------------------------------------------------------

def _v1_database_with_data(path):
    """A database exactly as the v1 migration made it, holding two requests and a toxicity."""
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        assert migrate(conn, target=1) == [1]
        now = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
        for decision, decided in (("granted", dt.date(2024, 3, 20)), ("pending", None)):
            conn.execute(sa.text(
                "INSERT INTO requests (created_at, updated_at, reporter_role, age_band, diagnosis, drug, company, "
                "date_sent, decision, decision_date, consent_to_share) VALUES (:now, :now, 'physician', '10-14', "
                "'relapsed neuroblastoma', 'lorlatinib', 'Pfizer', :sent, :decision, :decided, 1)"),
                {"now": now, "sent": dt.date(2024, 3, 1), "decision": decision, "decided": decided})
        conn.execute(sa.text("INSERT INTO toxicities (request_id, term, grade) VALUES (1, 'Weight gain', 2)"))
    engine.dispose()


def test_a_v1_database_with_data_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.sqlite"
    _v1_database_with_data(path)
    inode = path.stat().st_ino
    with Registry.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        records = store.records()
        assert [(r.id, r.decision, r.month_sent, r.days_to_decide) for r in records] == [
            (1, "granted", "2024-03", 19), (2, "pending", "2024-03", None)]
        assert records[0].toxicities[0].term == "Weight gain"
        assert all(r.uid for r in records) and records[0].uid != records[1].uid
        store.add(synthetic_record())
        assert store.count() == 3
        columns = {c["name"] for c in sa.inspect(store.engine).get_columns("requests")}
        assert columns == set(metadata.tables["requests"].columns.keys())
    assert path.stat().st_ino == inode  # the same file, not a recreated one
    with sqlite3.connect(path) as conn:
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [number for number, _, _ in MIGRATIONS]


def test_opening_twice_applies_nothing_twice(tmp_path):
    with Registry.open(tmp_path / "r.sqlite") as store:
        assert store.upgrade() == []


def test_a_database_newer_than_the_code_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    Registry.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, 'from the future', '2026-01-01 00:00:00')",
                     (SCHEMA_VERSION + 1,))
    with pytest.raises(TrialfindError, match="newer than this trialfind"):
        Registry.open(path)


# -- import / export -------------------------------------------------------------------------

def test_import_with_one_bad_row_writes_nothing(registry, tmp_path):
    rows = synthetic_records(50, seed=3)
    text = records_to_csv(rows)
    lines = text.splitlines()
    bad = next(csv.reader([lines[30]]))
    bad[list(next(csv.reader([lines[0]]))).index("notes")] = "mum's mobile 07700 900123"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(bad)
    lines[30] = out.getvalue().rstrip("\n")
    path = tmp_path / "import.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"^row 30: notes: .*phone number.*nothing was written"):
        import_csv(registry, path)
    assert registry.count() == 0


def test_export_is_excel_safe_and_import_restores_the_text(registry, tmp_path):
    registry.add(synthetic_record(diagnosis="+ve marrow neuroblastoma", notes="=IF(1,2) typed by mistake",
                                  reason_given="-no pediatric data"))
    text = records_to_csv(registry.records())
    cells = next(csv.DictReader(io.StringIO(text)))
    assert (cells["diagnosis"], cells["notes"], cells["reason_given"]) == (
        "'+ve marrow neuroblastoma", "'=IF(1,2) typed by mistake", "'-no pediatric data")
    back = records_from_csv(text)[0]
    assert (back.diagnosis, back.notes, back.reason_given) == ("+ve marrow neuroblastoma", "=IF(1,2) typed by mistake",
                                                               "-no pediatric data")


def comparable(records):
    """Everything an import must preserve (ids and the moment of import may differ)."""
    return sorted((r.as_dict() | {"id": None} for r in records), key=lambda d: d["uid"])


def roundtrip_keeps_stats(source: Registry, target: Registry, tmp_path) -> None:
    """add → stats → export → import into another registry → the same stats and records."""
    originals = synthetic_records(400, seed=11)
    source.add_many(originals)
    before = {by: compute_stats(source.records(consented_only=True), by=by)
              for by in (None, "company", "drug", "target")}
    path = tmp_path / "export.csv"
    path.write_text(records_to_csv(source.records()), encoding="utf-8")
    result = import_csv(target, path)
    assert (result.added, result.skipped_existing) == (400, 0)
    after = {by: compute_stats(target.records(consented_only=True), by=by)
             for by in (None, "company", "drug", "target")}
    assert after == before
    assert before[None][0]["requests"] == sum(r.consent_to_share for r in originals)
    assert comparable(target.records()) == comparable(source.records())
    again = import_csv(target, path)
    assert (again.added, again.skipped_existing) == (0, 400)


def test_add_stats_export_import_round_trip_on_sqlite(tmp_path):
    with Registry.open(tmp_path / "a.sqlite") as source, Registry.open(tmp_path / "b.sqlite") as target:
        roundtrip_keeps_stats(source, target, tmp_path)


# -- stats -----------------------------------------------------------------------------------

def test_stats_by_company_on_hand_counted_records():
    records = [
        synthetic_record(company="Acme", date_sent="2024-01-01", date_acknowledged="2024-01-03", decision="granted",
                         decision_date="2024-01-11"),
        synthetic_record(company="acme", date_sent="2024-01-01", decision="denied", decision_date="2024-01-06"),
        synthetic_record(company="Acme", date_sent="2024-01-01", decision="no response"),
        synthetic_record(company="Acme", date_sent="2024-01-01", date_acknowledged="2024-01-04"),
        synthetic_record(company="Borealis", date_sent="2024-02-01", decision="withdrawn"),
    ]
    for record in records:
        record.validate(dt.date(2026, 11, 22))
    acme, borealis, total = compute_stats(records, by="company")
    assert acme["group"] == "Acme" and acme["requests"] == 4 and acme["pending"] == 1
    assert acme["acknowledged_pct"] == 75.0
    assert acme["ack_median_days"] == 3.0   # 2, 5 (decision without acknowledgement), 3
    assert acme["decide_median_days"] == 7.5       # 10 and 5
    assert (acme["granted"], acme["denied"], acme["no_response"], acme["withdrawn"]) == (1, 1, 1, 0)
    assert acme["note"] == "too few to compare"
    assert (acme["granted_pct"], acme["denied_pct"], acme["no_response_pct"]) == (33.3, 33.3, 33.3)
    assert borealis["withdrawn"] == 1 and borealis["no_response"] == 0 and borealis["granted_pct"] is None
    assert total["requests"] == 5 and total["acknowledged_pct"] == 60.0


# -- the CLI ---------------------------------------------------------------------------------

def run_cli(capsys, *args):
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


ADD = ("registry", "add", "--reporter-role", "physician", "--age-band", "10-14", "--diagnosis",
       "relapsed neuroblastoma", "--drug", "lorlatinib", "--company", "Pfizer", "--date-sent", "2025-03-01",
       "--consent")


@pytest.mark.parametrize("extra", [("--notes", "phone her on (617) 555-0134"),
                                   ("--contact-used", "john.miller@gmail.com"),
                                   ("--reason-given", "DOB 2015-06-01, too young")])
def test_cli_refuses_identifying_records_with_exit_2_one_line_and_writes_nothing(capsys, tmp_path, extra):
    db = str(tmp_path / "r.sqlite")
    code, out, err = run_cli(capsys, *ADD, "--db", db, *extra)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"Error: {extra[0][2:].replace('-', '_')}: ")
    assert "Traceback" not in err
    with Registry.open(db) as store:
        assert store.count() == 0


def test_cli_add_list_show_update_stats_export_import_report(capsys, tmp_path):
    db = str(tmp_path / "r.sqlite")
    assert run_cli(capsys, *ADD, "--db", db, "--toxicity", "Weight gain:2", "--decision", "granted",
                   "--decision-date", "2025-03-09")[0] == 0
    code, out, _ = run_cli(capsys, "registry", "add", "--db", db, "--reporter-role", "parent", "--age-band", "3",
                           "--diagnosis", "infantile fibrosarcoma", "--drug", "larotrectinib", "--company", "Bayer",
                           "--date-sent", "2025-04-01", "--no-consent")
    assert code == 0 and out.startswith("added request 2")
    code, out, _ = run_cli(capsys, "registry", "list", "--db", db, "--format", "csv")
    assert [row["company"] for row in csv.DictReader(io.StringIO(out))] == ["Pfizer", "Bayer"]
    code, out, _ = run_cli(capsys, "registry", "update", "2", "--db", db, "--decision", "no-response")
    assert code == 0
    code, out, _ = run_cli(capsys, "registry", "show", "2", "--db", db)
    assert re.search(r"^decision +no response$", out, re.M) and re.search(r"^age_band +1-4$", out, re.M)
    code, out, err = run_cli(capsys, "registry", "stats", "--db", db, "--by", "company", "--format", "json")
    assert code == 0 and "1 request(s) without consent" in err
    assert '"group": "Pfizer"' in out and '"Bayer"' not in out
    export = tmp_path / "out.csv"
    code, _, err = run_cli(capsys, "registry", "export", "--db", db, "--include-unconsented", "--output", str(export))
    assert code == 0 and "warning: this file includes requests whose family did NOT agree" in err
    other = str(tmp_path / "other.sqlite")
    code, out, _ = run_cli(capsys, "registry", "import", str(export), "--db", other)
    assert code == 0 and out.startswith("imported 2 request(s)")
    stats = [run_cli(capsys, "registry", "stats", "--db", name, "--include-unconsented", "--format", "csv")[1]
             for name in (db, other)]
    assert stats[0] == stats[1] and "(all requests),2," in stats[0]
    report = tmp_path / "report.html"
    assert run_cli(capsys, "registry", "report", "--db", db, "--output", str(report))[0] == 0
    page = report.read_text(encoding="utf-8")
    assert '<meta name="viewport"' in page and "Pfizer" in page and "Bayer" not in page


def test_cli_show_unknown_id_and_missing_consent(capsys, tmp_path):
    db = str(tmp_path / "r.sqlite")
    code, _, err = run_cli(capsys, "registry", "show", "7", "--db", db)
    assert code == 1 and "no registry record with id 7" in err
    code, _, err = run_cli(capsys, *[a for a in ADD if a != "--consent"], "--db", db)
    assert code == 2 and "consent_to_share: required" in err


class _TerminalInput(io.StringIO):
    def isatty(self):
        return True


def test_cli_add_asks_only_for_missing_required_answers_in_a_terminal(capsys, tmp_path, monkeypatch):
    db = str(tmp_path / "r.sqlite")
    # company, date sent and consent are missing; everything else came as flags.
    monkeypatch.setattr("sys.stdin", _TerminalInput("Novartis\n2025-02-03\ny\n"))
    code, out, _ = run_cli(capsys, "registry", "add", "--db", db, "--reporter-role", "advocate", "--age-band", "15-17",
                           "--diagnosis", "relapsed Ewing sarcoma", "--drug", "ribociclib")
    assert code == 0, out
    assert "Company asked" in out and "Date the request was sent" in out and "agree to share" in out
    assert "Drug requested" not in out and "Who is reporting" not in out
    with Registry.open(db) as store:
        record = store.get(1)
    assert (record.company, record.month_sent, record.consent_to_share) == ("Novartis", "2025-02", True)


def test_cli_add_without_a_terminal_never_prompts(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Novartis\n"))
    code, out, err = run_cli(capsys, "registry", "add", "--db", str(tmp_path / "r.sqlite"), "--reporter-role",
                             "parent", "--age-band", "5-9", "--diagnosis", "glioma", "--drug", "x", "--consent")
    assert code == 2 and err.startswith("Error: company: required") and out == ""
