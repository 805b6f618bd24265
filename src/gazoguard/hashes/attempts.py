"""In-memory limit on withdrawal-PIN attempts per registration (a sliding window).

A 6-digit PIN has a million values; five tries per ten minutes per registration
makes guessing it take years.  The limiter fails closed: when it tracks too many
registrations at once (someone spraying ids), new ones are refused rather than
old ones forgotten, so nobody can flush a registration's count by filling it.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Callable

MAX_ATTEMPTS = 5
WINDOW_S = 600.0
MAX_TRACKED = 10_000


class AttemptLimiter:
    def __init__(
        self,
        max_attempts: int = MAX_ATTEMPTS,
        window_s: float = WINDOW_S,
        *,
        max_tracked: int = MAX_TRACKED,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_attempts = max_attempts
        self.window_s = window_s
        self.max_tracked = max_tracked
        self._clock = clock
        self._attempts: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def try_acquire(self, key: str) -> float | None:
        """Record one attempt for ``key``; ``None`` if allowed, else the seconds until the next one is."""
        with self._lock:
            now = self._clock()
            times = self._attempts.get(key)
            if times is None:
                if len(self._attempts) >= self.max_tracked:
                    self._forget_expired(now)
                if len(self._attempts) >= self.max_tracked:
                    return self.window_s
                times = self._attempts[key] = deque()
            while times and now - times[0] >= self.window_s:
                times.popleft()
            if len(times) >= self.max_attempts:
                return max(0.0, self.window_s - (now - times[0]))
            times.append(now)
            return None

    def _forget_expired(self, now: float) -> None:
        for key in [k for k, t in self._attempts.items() if not t or now - t[-1] >= self.window_s]:
            del self._attempts[key]
