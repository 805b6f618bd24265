"""Per-picture shared results: each perception runs at most once per picture."""

from __future__ import annotations

import threading
from typing import Any

from gazoguard.perception import Perception
from gazoguard.picture import Picture


class Scene:
    """What the detectors of one check share: the picture and memoised perceptions."""

    def __init__(self, picture: Picture, perceptions: dict[str, Perception]) -> None:
        self.picture = picture
        self._perceptions = perceptions
        self._results: dict[str, Any] = {}
        self._errors: dict[str, BaseException] = {}
        self._locks = {name: threading.Lock() for name in perceptions}

    def get(self, name: str) -> Any:
        """The result of perception ``name`` for this picture (computed once; errors re-raised)."""
        lock = self._locks[name]
        with lock:
            if name in self._results:
                return self._results[name]
            if name in self._errors:
                raise self._errors[name]
            perception = self._perceptions[name]
            try:
                perception.ensure_loaded()
                result = perception.compute(self.picture, self)
            except BaseException as exc:
                self._errors[name] = exc
                raise
            self._results[name] = result
            return result

    def text(self):  # -> TextLayout
        return self.get("ocr")

    def faces(self):  # -> list[FaceBox]
        return self.get("faces")
