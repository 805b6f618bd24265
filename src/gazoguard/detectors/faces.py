"""Faces: one finding per face the shared face perception sees (boxes in oriented-picture pixels)."""

from __future__ import annotations

from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Finding
from gazoguard.perception.faces import FaceBox
from gazoguard.imaging.picture import Picture
from gazoguard.perception.scene import Scene


class FacesDetector(Detector):
    name = "faces"
    kinds = frozenset({"face"})
    timeout_s = 15.0
    low_priority = True  # not on the text-reading path
    order = 1  # right after OCR: later detectors (minors, nudity) reuse the same face boxes

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        return [face_finding(face) for face in scene.faces()]


def face_finding(face: FaceBox) -> Finding:
    return Finding(
        kind="face",
        score=face.score,
        detector="faces",
        box=face.box,
        attrs={"size_px": face.size_px, "landmarks": [list(point) for point in face.landmarks]},
    )
