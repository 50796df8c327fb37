"""The local web app (`trialfind serve`): the same library calls as the commands, as pages.

Server-rendered (Flask + Jinja2, autoescaped), no JavaScript build, no external assets.
Binds to loopback by default. Forms that change anything (the registry) carry a
per-session CSRF token checked by hand (`web.security`); searches are GET requests that
change nothing.
"""
from __future__ import annotations

from trialfind.web.app import create_app

__all__ = ["create_app"]
