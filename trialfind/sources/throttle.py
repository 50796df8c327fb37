"""A client-side rate limit: ClinicalTrials.gov publishes none, so we stay under ~50
requests a minute by default."""
from __future__ import annotations

import math
import threading
import time
from typing import Callable

from trialfind.core.errors import InvalidInput


class RateLimiter:
    """Token bucket: at most `per_minute` requests a minute, with a small burst allowance
    so a short run (/version beside up to three pages) does not wait at all."""

    def __init__(self, per_minute: float, burst: int = 4, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if not (isinstance(per_minute, (int, float)) and math.isfinite(per_minute) and per_minute > 0):
            raise InvalidInput(f"the rate limit must be a positive, finite number of requests a minute "
                               f"(got {per_minute!r})")
        self.interval = 60.0 / per_minute
        self.capacity = max(1, burst)
        self._tokens = float(self.capacity)
        self._clock = clock
        self._sleep = sleep
        self._last = clock()
        self._lock = threading.Lock()
        self.waited = 0.0

    def acquire(self) -> None:
        with self._lock:
            now = self._clock()
            self._tokens = min(self.capacity, self._tokens + (now - self._last) / self.interval)
            self._last = now
            if self._tokens >= 1:
                self._tokens -= 1
                return
            wait = (1 - self._tokens) * self.interval
            self._sleep(wait)
            self.waited += wait
            self._tokens = 0.0
            self._last = self._clock()
