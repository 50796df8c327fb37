"""CSRF protection and response headers for the web app.

A hand check rather than Flask-WTF: the app has one state-changing form (the registry),
and a per-session token compared in constant time is all Flask-WTF would add, at the
cost of WTForms as a dependency. The token lives in Flask's signed session cookie
(SameSite=Lax, HttpOnly) and in a hidden field; a POST without the matching token is refused.
"""
from __future__ import annotations

import hmac
import secrets

from flask import abort, request, session

CSRF_FIELD = "csrf_token"

# Inline <style> only; no scripts at all; images only as data: URIs (the registry charts).
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
                           "base-uri 'none'; frame-ancestors 'none'")


def csrf_token() -> str:
    """The session's token, made on first use (templates call it as `csrf_token()`)."""
    token = session.get(CSRF_FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
    return token


def check_csrf() -> None:
    """Refuse (400) a state-changing request whose form token does not match the session's."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    sent = request.form.get(CSRF_FIELD, "")
    expected = session.get(CSRF_FIELD, "")
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        abort(400, description="The form has expired or did not come from this site: reload the page and try again.")


def add_security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response
