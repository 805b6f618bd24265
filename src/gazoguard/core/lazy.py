"""Load-once-on-first-use, thread-safe: how detectors, perceptions and shared models hold what they load.

Two shapes of the same rule: :class:`LoadsOnce` for an object with a ``load()``
step, :func:`load_once` for a process-wide value made by a factory.  Both run
the loading exactly once even when threads race to it, and a loading that
raised is tried again on the next call (so a check can report the failure).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class LoadsOnce:
    """``ensure_loaded()`` runs ``load()`` exactly once per instance, even when threads race to it."""

    def __init__(self) -> None:
        self._load_lock = threading.Lock()
        self._loaded = False

    def ensure_loaded(self) -> None:
        if self._loaded:
            return
        with self._load_lock:
            if not self._loaded:
                self.load()
                self._loaded = True

    def load(self) -> None:
        """Load models or data; override when needed."""


class Once(Generic[T]):
    """A value made by ``factory`` on the first call, then the same value for every caller."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._made = False
        self._value: T | None = None
        self.__doc__ = factory.__doc__
        self.__wrapped__ = factory

    def __call__(self) -> T:
        if not self._made:
            with self._lock:
                if not self._made:
                    self._value = self._factory()
                    self._made = True
        return self._value  # type: ignore[return-value]

    @property
    def is_made(self) -> bool:
        return self._made


def load_once(factory: Callable[[], T]) -> Once[T]:
    """Decorator: ``factory()`` runs once, on first use, thread-safe; later calls return its value."""
    return Once(factory)
