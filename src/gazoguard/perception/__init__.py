"""Shared perception: models whose output several detectors use (OCR text with character boxes, faces).

:class:`Perception` and :class:`Scene` live in :mod:`gazoguard.perception.scene`;
:func:`builtin_perceptions` makes the shipped ones (each loads its model on first use).
"""

from __future__ import annotations

from gazoguard.perception.scene import Perception, Scene

__all__ = ["Perception", "Scene", "builtin_perceptions"]


def builtin_perceptions() -> dict[str, Perception]:
    from gazoguard.perception.faces import FacePerception
    from gazoguard.perception.ocr import OcrPerception

    items: list[Perception] = [OcrPerception(), FacePerception()]
    return {p.name: p for p in items}
