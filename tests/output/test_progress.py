"""The progress indicator appears on a terminal's stderr only, never in piped output."""
from __future__ import annotations

import io

from trialfind.output.progress import progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_written_when_stderr_is_not_a_terminal():
    stream = io.StringIO()
    with progress("Searching", stream=stream):
        pass
    assert stream.getvalue() == ""


def test_a_terminal_sees_the_message():
    stream = FakeTerminal()
    with progress("Searching trials", stream=stream):
        pass
    assert "Searching trials" in stream.getvalue()
