"""One engine per worker process, shared by every request; checks are bounded to the cores."""

from __future__ import annotations

import os
import threading
from typing import Any

from gazoguard.pipeline.engine import Engine
from gazoguard.imaging.picture import ImageInput, Picture
from gazoguard.profiles import Profile
from gazoguard.pipeline.report import Report
from gazoguard.perception.textlayout import TextLayout


class Checker:
    def __init__(self, engine: Engine | None = None, concurrency: int | None = None) -> None:
        self.engine = engine or Engine()
        self._slots = threading.BoundedSemaphore(concurrency or max(1, os.cpu_count() or 1))
        self.warm = False

    def warm_up(self) -> None:
        self.engine.warm_up()
        self.warm = True

    def check(self, source: ImageInput | Picture, *, profile: str | Profile = "personal", path: str | None = None) -> Report:
        with self._slots:
            return self.engine.check(source, profile=profile, path=path)

    def redact(self, picture: Picture, *, report: Report, profile: Profile, kinds: str | None, max_side: int | None) -> Any:
        """A verified redacted copy of ``picture`` in memory (``result.data``); nothing is written."""
        from gazoguard.redaction import redact

        with self._slots:
            return redact(picture, None, profile=profile, kinds=kinds, max_side=max_side, engine=self.engine, report=report)

    def read_text(self, picture: Picture) -> TextLayout:
        """The engine's shared OCR on one picture (chat screenshots)."""
        ocr = self.engine.perceptions["ocr"]
        with self._slots:
            ocr.ensure_loaded()
            return ocr.compute(picture, None)

    def close(self) -> None:
        self.engine.close()
