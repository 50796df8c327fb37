"""Telling the person at the keyboard that a registry writer is waiting for the write lock.

SQLite lets one writer in at a time and the others wait (up to the busy timeout) without a
word; a long import elsewhere would look like a hang. After a short delay the waiting writer
says so, once, on stderr (or to whatever `notify` the caller gave). PostgreSQL waits inside
the transaction instead; the store runs it with a `lock_timeout` and calls `say_now`.
"""
from __future__ import annotations

import sys
import threading
from typing import Callable


def to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class LockNotice:
    """Says once, after `delay` seconds of waiting for the write lock, that the writer is waiting."""

    def __init__(self, notify: Callable[[str], None], delay: float, message: str):
        self._notify, self._delay, self._message = notify, delay, message
        self._timer: threading.Timer | None = None
        self._said = False

    def _say(self) -> None:
        if not self._said:
            self._said = True
            self._notify(self._message)

    @property
    def said(self) -> bool:
        return self._said

    def say_now(self) -> None:
        """For a database that reports the wait itself (PostgreSQL's lock_timeout): say it once, now."""
        self.stop()
        self._say()

    def start(self) -> None:
        if self._timer is None and not self._said:
            self._timer = threading.Timer(self._delay, self._say)
            self._timer.daemon = True
            self._timer.start()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
