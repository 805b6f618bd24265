"""Load-once-on-first-use, thread-safe: how detectors and shared perceptions hold their models."""

from __future__ import annotations

import threading


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
