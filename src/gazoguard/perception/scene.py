"""A perception (a model whose output several detectors share) and the Scene that memoises it per picture.

A :class:`Perception` is loaded once per process and computed at most once per
picture: the :class:`Scene` of one check holds its result, so the personal-text,
document and place detectors all read the same OCR pass.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from typing import Any, ClassVar

from gazoguard.core.lazy import LoadsOnce
from gazoguard.imaging.picture import Picture


class Perception(LoadsOnce, ABC):
    name: ClassVar[str]

    @abstractmethod
    def compute(self, picture: Picture, scene: Scene) -> Any: ...


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
