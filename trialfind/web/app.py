"""The Flask application: one page per question a family or a doctor asks.

Every page calls the same library function as the matching command (find_trials,
study_page, find_candidates, lookup_sponsor, build_request_packet, the registry), so the
web app and the CLI give the same answers. Bad input is one line on the form (HTTP 400);
a source that cannot be reached is one line too (HTTP 502).
"""
from __future__ import annotations

import os
import re
import secrets
import threading
from typing import Callable
from urllib.parse import urlencode

import jinja2
from flask import Flask, Response, render_template, request
from werkzeug.exceptions import HTTPException

from trialfind.access.candidates import find_candidates
from trialfind.access.packet import build_request_packet
from trialfind.access.sponsor_lookup import lookup_sponsor
from trialfind.core.errors import InvalidInput, TrialfindError
from trialfind.core.spec import StudySource
from trialfind.match.geo import format_distance
from trialfind.output.family_report import build_family_report, render_family_report
from trialfind.output.letter import render_packet
from trialfind.registry.record import AGE_BANDS, CHANNELS, DECISIONS, OUTCOMES, REPORTER_ROLES, RequestRecord
from trialfind.registry.report import build_report
from trialfind.registry.store import Registry
from trialfind.sources import open_source
from trialfind.trials import find_trials, study_page
from trialfind.web.security import add_security_headers, check_csrf, csrf_token

RESULTS_LIMIT = 50
REGISTRY_FIELDS = ("reporter_role", "age_band", "diagnosis", "target", "drug", "company", "contact_used", "channel",
                   "date_sent", "date_acknowledged", "decision", "decision_date", "outcome")


def _search_args() -> dict:
    """The search form's values as the library takes them (empty fields left out)."""
    args = request.args
    return {
        "condition": args.get("condition", "").strip(),
        "target": args.get("target", "").strip(),
        "age": args.get("age", "").strip(),
        "near": args.get("near", "").strip(),
        "within": args.get("within", "").strip(),
        "units": args.get("units", "").strip(),
    }


def _trials(source: StudySource, form: dict, limit: int | None = RESULTS_LIMIT):
    if not form["age"]:
        raise InvalidInput("give the child's age, for example 7 or 7y6m")
    if not form["condition"] and not form["target"]:
        raise InvalidInput("give a diagnosis or a target (for example neuroblastoma, or ALK)")
    return find_trials(condition=form["condition"] or (), target=form["target"] or (), age=form["age"],
                       near=form["near"] or None, within=form["within"] or None, units=form["units"] or None,
                       source=source, limit=limit)


def _query(form: dict, **changes) -> str:
    """A query string carrying the search (empty fields dropped), e.g. for links to a study."""
    values = {k: v for k, v in {**form, **changes}.items() if v}
    return urlencode(values)


def _safe_filename(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:60] or "drug"


def create_app(source_factory: Callable[[], StudySource] | None = None, db: str | None = None,
               secret_key: str | None = None) -> Flask:
    """The app. `source_factory` makes the study source (default `open_source()`, the API or the
    offline index); `db` is the registry (a SQLite path or a postgresql:// URL; default as
    `trialfind registry`). `secret_key` signs the session cookie: set TRIALFIND_SECRET_KEY when
    several server processes share the work, or each makes its own and tokens do not match."""
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secret_key or os.environ.get("TRIALFIND_SECRET_KEY") or secrets.token_hex(32),
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    # The web templates, then the report's (the shared stylesheet and the report body).
    app.jinja_loader = jinja2.ChoiceLoader([jinja2.PackageLoader("trialfind.web", "templates"),
                                            jinja2.PackageLoader("trialfind.output", "templates")])
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["query"] = _query
    app.jinja_env.globals["distance"] = format_distance
    make_source = source_factory or open_source
    registry_holder: dict[str, Registry] = {}
    registry_lock = threading.Lock()  # requests run in threads: open the registry (and migrate) once

    def registry() -> Registry:
        with registry_lock:
            if "registry" not in registry_holder:
                registry_holder["registry"] = Registry.open(db)
            return registry_holder["registry"]

    app.before_request(check_csrf)
    app.after_request(add_security_headers)

    @app.errorhandler(InvalidInput)
    def bad_input(exc):
        return render_template("message.html", title="Please check the search", message=str(exc),
                               form=_search_args()), 400

    @app.errorhandler(TrialfindError)
    def outside_failure(exc):
        return render_template("message.html", title="The data could not be reached", message=str(exc),
                               form=_search_args()), 502

    @app.errorhandler(HTTPException)
    def http_error(exc):
        return render_template("message.html", title=exc.name, message=exc.description,
                               form=_search_args()), exc.code

    @app.get("/")
    def search():
        return render_template("search.html", form=_search_args())

    @app.get("/trials")
    def trials():
        form = _search_args()
        results = _trials(make_source(), form)
        return render_template("results.html", form=form, results=results)

    @app.get("/report")
    def family_page():
        form = _search_args()
        source = make_source()
        results = _trials(source, form, limit=20)
        candidates = (find_candidates(form["target"], form["age"], condition=form["condition"] or (), source=source)
                      if form["target"] else None)
        html = render_family_report(build_family_report(results, candidates))
        disposition = "attachment" if request.args.get("download") else "inline"
        return Response(html, mimetype="text/html",
                        headers={"Content-Disposition": f'{disposition}; filename="trialfind-report.html"'})

    @app.get("/study/<nct_id>")
    def study(nct_id):
        form = _search_args()
        page = study_page(nct_id, make_source(), near=form["near"] or None, units=form["units"] or None)
        return render_template("study.html", form=form, page=page)

    @app.get("/candidates")
    def candidates():
        form = _search_args()
        if not form["target"]:
            raise InvalidInput("give the tumour's target (for example ALK) to see compassionate-use candidates")
        if not form["age"]:
            raise InvalidInput("give the child's age, for example 7 or 7y6m")
        found = find_candidates(form["target"], form["age"], condition=form["condition"] or (), source=make_source())
        return render_template("candidates.html", form=form, found=found)

    @app.get("/sponsor/<path:name>")
    def sponsor(name):
        return render_template("sponsor.html", form=_search_args(), lookup=lookup_sponsor(name, make_source()))

    @app.get("/letter")
    def letter():
        drug = request.args.get("drug", "").strip()
        form = _search_args()
        packet = build_request_packet(drug, source=make_source(), target=form["target"] or None,
                                      age=form["age"] or None)
        text = render_packet(packet)["request.md"]
        return Response(text, mimetype="text/markdown; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="request-{_safe_filename(drug)}.md"'})

    @app.route("/registry/new", methods=["GET", "POST"])
    def registry_new():
        values = {name: request.form.get(name, "").strip() for name in REGISTRY_FIELDS}
        if request.method == "GET":
            values.update({k: request.args.get(k, "").strip() for k in ("drug", "company", "target")})
            return render_template("registry_form.html", values=values, choices=_choices(), error=None)
        consent = request.form.get("consent_to_share")
        if consent not in ("yes", "no"):
            return render_template("registry_form.html", values=values, choices=_choices(),
                                   error="consent_to_share: say whether the family agrees to share this "
                                         "request in aggregate figures"), 400
        try:
            record = RequestRecord.from_values({**{k: v for k, v in values.items() if v},
                                                "consent_to_share": consent == "yes"}).validate()
            saved = registry().add(record)
        except InvalidInput as exc:
            # One line naming the field; nothing was stored.
            return render_template("registry_form.html", values=values, choices=_choices(), error=str(exc)), 400
        return render_template("registry_saved.html", record=saved, form=_search_args())

    @app.get("/registry/report")
    def registry_report():
        store = registry()
        shared = store.records(consented_only=True)
        left_out = store.count() - len(shared)
        return Response(build_report(shared, left_out=left_out), mimetype="text/html")

    return app


def _choices() -> dict:
    return {"reporter_role": REPORTER_ROLES, "age_band": AGE_BANDS, "decision": DECISIONS, "outcome": OUTCOMES,
            "channel": CHANNELS}
