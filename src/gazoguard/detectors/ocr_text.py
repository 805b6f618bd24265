"""Readable text: runs OCR once so text-based detectors share it, and times it on its own line."""

from __future__ import annotations

from gazoguard.detectors.base import Detector
from gazoguard.finding import Finding
from gazoguard.picture import Picture
from gazoguard.scene import Scene


class OcrTextDetector(Detector):
    name = "ocr"
    kinds = frozenset()
    timeout_s = 30.0
    order = 0  # the slowest shared step: start it first

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        scene.text()
        return []
