"""Shared perception: models whose output several detectors use (OCR text, faces).

A :class:`Perception` is loaded once per process and computed at most once
per picture; the :class:`~gazoguard.scene.Scene` memoises its result so the
personal-text, document and place detectors all read the same OCR pass.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from gazoguard.lazy import LoadsOnce
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from gazoguard.picture import Picture
    from gazoguard.scene import Scene


class Perception(LoadsOnce, ABC):
    name: ClassVar[str]


    @abstractmethod
    def compute(self, picture: Picture, scene: Scene) -> Any: ...


def builtin_perceptions() -> dict[str, Perception]:
    from gazoguard.perception.faces import FacePerception
    from gazoguard.perception.ocr import OcrPerception

    items: list[Perception] = [OcrPerception(), FacePerception()]
    return {p.name: p for p in items}
