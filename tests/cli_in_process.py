"""Running `trialfind ARGS` inside the test process, as a subprocess run would see it: the same
exit code, stdout and stderr, without starting an interpreter and reloading the data tables per
run. Tests about the process itself (exit codes of the real process, signals, kills) keep
subprocess.run."""
from __future__ import annotations

import os
import subprocess
import sys

from click.testing import CliRunner

from trialfind.cli import main


def run_in_process(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """`subprocess.run([python, -m, trialfind, *args], env=env)` in this process. Like the
    subprocess, the run sees no TRIALFIND_ variable that `env` leaves out."""
    overrides: dict[str, str | None] = {k: None for k in os.environ if k.startswith("TRIALFIND_") and k not in env}
    overrides.update(env)
    with CliRunner().isolation(env=overrides) as (out, err, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = 0 if exc.code is None else exc.code if isinstance(exc.code, int) else 1
        sys.stdout.flush()  # the interpreter would at exit
        sys.stderr.flush()
        stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
    return subprocess.CompletedProcess(["trialfind", *args], code, stdout, stderr)
