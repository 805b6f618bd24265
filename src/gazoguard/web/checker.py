"""One engine per worker process, shared by every request; checks are bounded to the cores."""

from __future__ import annotations

import os
import threading

from gazoguard.engine import Engine
from gazoguard.picture import ImageInput
from gazoguard.report import Report


class Checker:
    def __init__(self, engine: Engine | None = None, concurrency: int | None = None) -> None:
        self.engine = engine or Engine()
        self._slots = threading.BoundedSemaphore(concurrency or max(1, os.cpu_count() or 1))
        self.warm = False

    def warm_up(self) -> None:
        self.engine.warm_up()
        self.warm = True

    def check(self, source: ImageInput, *, profile: str = "personal", path: str | None = None) -> Report:
        with self._slots:
            return self.engine.check(source, profile=profile, path=path)

    def close(self) -> None:
        self.engine.close()
