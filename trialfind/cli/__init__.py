"""The `trialfind` command. Each subcommand lives in its own module and is imported
only when it runs, so `trialfind --help` and a warm query start fast."""
from __future__ import annotations

import importlib
import os
import sys

import click

from trialfind.core.errors import InvalidInput, TrialfindError

COMMANDS = {
    "trials": ("trialfind.cli.trials", "trials", "Open trials a child can join, best first."),
    "study": ("trialfind.cli.trials", "study", "Show one study by NCT id."),
    "candidates": ("trialfind.cli.candidates", "candidates",
                   "Compassionate-use candidates: drugs on the child's target studied only in adults."),
    "sponsor": ("trialfind.cli.sponsor", "sponsor", "A company's expanded-access policy and contacts."),
    "request": ("trialfind.cli.sponsor", "request", "Write a compassionate-use request packet for the physician."),
    "registry": ("trialfind.cli.registry", "registry", "Registry of compassionate-use request outcomes."),
    "index": ("trialfind.cli.index", "index", "Offline local index of ClinicalTrials.gov studies."),
    "watch": ("trialfind.cli.watch", "watch", "Saved searches: what changed since last time."),
    "report": ("trialfind.cli.report", "report", "Write the family report: one HTML page with trials, candidates, "
                                                 "contacts and next steps."),
    "serve": ("trialfind.cli.serve", "serve", "Run the local web app (search, study pages, letters, registry)."),
    "mcp": ("trialfind.cli.mcp", "mcp", "Serve trialfind to AI assistants (Model Context Protocol over stdio)."),
}


class LazyGroup(click.Group):
    """Commands load on first use; library errors become click's: bad input exits 2 with one
    line, an outside failure exits 1 with one line (also under click.testing.CliRunner)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InvalidInput as exc:
            raise click.UsageError(str(exc), ctx=None) from None
        except TrialfindError as exc:
            raise click.ClickException(str(exc)) from None

    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module_name, attr, _ = COMMANDS[name]
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        return getattr(module, attr)

    def format_commands(self, ctx, formatter):
        rows = [(name, help_) for name, (_, _, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="trialfind")
def cli() -> None:
    """trialfind: clinical trials and compassionate-use options for children with cancer.

    Not medical advice: every result must be checked with the child's care team
    and the study team.
    """


def main(argv: list[str] | None = None) -> None:
    """Entry point: library errors become one line and an exit code, never a traceback."""
    try:
        # Without standalone mode click returns ctx.exit(code)'s code instead of exiting (watch run's 3).
        code = cli.main(args=argv, prog_name="trialfind", standalone_mode=False)
        if isinstance(code, int) and not isinstance(code, bool) and code:
            sys.exit(code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        # One line, as for every other error: the message plus where to find help.
        ctx = exc.ctx
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        click.echo(f"Error: {exc.format_message()}{hint}", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except InvalidInput as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except TrialfindError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug: still one line, the traceback only on request
        if os.environ.get("TRIALFIND_DEBUG"):
            raise
        click.echo(f"Error: internal error ({type(exc).__name__}: {exc}); set TRIALFIND_DEBUG=1 for details",
                   err=True)
        sys.exit(1)
    sys.exit(0)
