"""`trialfind serve`: the local web app."""
from __future__ import annotations

import ipaddress

import click

from trialfind.cli.options import pop_source_options, source_from_options, source_options


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is this computer only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--db", envvar="TRIALFIND_DB", default=None,
              help="Registry database: a SQLite file or a postgresql:// URL (shared instance).")
@source_options
def serve(host, port, db, **options):
    """Run the web app: search, results, study pages, candidates, letters and the registry.

    Open http://127.0.0.1:8000 in a browser. To share one instance, keep --host 127.0.0.1 and put
    a reverse proxy with HTTPS in front (see the README).
    """

    try:
        from trialfind.web import create_app  # lazy: Flask is an optional extra (pip install trialfind[web])
    except ModuleNotFoundError as exc:
        if exc.name in ("flask", "werkzeug"):
            raise click.UsageError("the web app needs Flask: pip install 'trialfind[web]'") from None
        raise
    source_options_given = pop_source_options(options)
    app = create_app(source_factory=lambda: source_from_options(**source_options_given), db=db)
    if not _is_loopback(host):
        click.echo(f"Warning: listening on {host}, not only this computer: put HTTPS and access control in front.",
                   err=True)
    click.echo(f"trialfind web app on http://{host}:{port}/ (Ctrl-C stops it)", err=True)
    app.run(host=host, port=port, debug=False, use_reloader=False, threaded=True)
