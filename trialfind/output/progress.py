"""A progress indicator on stderr for long work, shown only when stderr is a terminal.

Pipes, files and tests see nothing: the indicator never mixes into output that a program reads."""
from __future__ import annotations

import contextlib
import sys
from typing import Iterator


@contextlib.contextmanager
def progress(message: str, stream=None) -> Iterator[None]:
    """`with progress("Searching trials"): ...` shows a spinner with the message while the block runs."""
    stream = sys.stderr if stream is None else stream
    if not (hasattr(stream, "isatty") and stream.isatty()):
        yield
        return
    from rich.console import Console  # lazy: rich costs start-up time that pipes never need

    with Console(file=stream, stderr=True).status(f"{message}…", spinner="dots"):
        yield
