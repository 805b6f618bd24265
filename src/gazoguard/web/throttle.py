"""Sliding-window failure counters per key, in memory: the login and the registry PIN throttles.

A key is any tuple (e.g. ``("client", "10.0.0.7")``, ``("pair", client, name)``).  Only failures count;
``blocked`` answers how long until the next try is allowed.  The table is bounded: when it is full, keys
whose window has passed are forgotten, and if none has, the oldest key goes (a flood of new keys costs the
flooder their own history, never a full table that blocks everyone).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable, Iterable

MAX_KEYS = 50_000


class FailureThrottle:
    def __init__(self, limits: dict[str, int], window_s: float, *, max_keys: int = MAX_KEYS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """``limits`` maps a key's kind (its first element) to the failures allowed per window."""
        self.limits = limits
        self.window_s = window_s
        self.max_keys = max_keys
        self._clock = clock
        self._failures: OrderedDict[Hashable, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def blocked(self, keys: Iterable[tuple]) -> float | None:
        """Seconds until every key allows another try, or ``None`` when none is at its limit."""
        with self._lock:
            now = self._clock()
            waits = [self._wait(key, now) for key in keys]
        waits = [w for w in waits if w is not None]
        return max(waits) if waits else None

    def fail(self, keys: Iterable[tuple]) -> float | None:
        """Record one failure for every key; returns :meth:`blocked` after it."""
        keys = list(keys)
        with self._lock:
            now = self._clock()
            for key in keys:
                times = self._failures.get(key)
                if times is None:
                    self._make_room(now)
                    times = self._failures[key] = deque()
                times.append(now)
                self._failures.move_to_end(key)
        return self.blocked(keys)

    def reset(self, key: tuple) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def _wait(self, key: tuple, now: float) -> float | None:
        times = self._failures.get(key)
        if not times:
            return None
        while times and now - times[0] >= self.window_s:
            times.popleft()
        if len(times) >= self.limits[key[0]]:
            return max(0.001, self.window_s - (now - times[0]))
        return None

    def _make_room(self, now: float) -> None:
        if len(self._failures) < self.max_keys:
            return
        for key in [k for k, t in self._failures.items() if not t or now - t[-1] >= self.window_s]:
            del self._failures[key]
        while len(self._failures) >= self.max_keys:
            self._failures.popitem(last=False)


def client_address(request) -> str:  # type: ignore[no-untyped-def]
    """The peer's address (behind a reverse proxy this is the proxy: configure the proxy's own limits too)."""
    return request.client.host if request.client else "unknown"
