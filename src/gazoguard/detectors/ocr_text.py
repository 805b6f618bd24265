"""Readable text: runs OCR once so text-based detectors share it, and times it on its own line."""

from __future__ import annotations

from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Finding
from gazoguard.imaging.picture import Picture
from gazoguard.perception.scene import Scene


class OcrTextDetector(Detector):
    name = "ocr"
    kinds = frozenset()
    timeout_s = 30.0
    order = 0  # the slowest shared step: start it first

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        scene.text()
        return []
