"""Face boxes shared by the face detector and later the minor / nudity detectors.

Placeholder shape: the face detector module fills in the model; this file only
defines the shared result type and the perception that runs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gazoguard.finding import Box
from gazoguard.perception import Perception
from gazoguard.picture import Picture


@dataclass(frozen=True, slots=True)
class FaceBox:
    box: Box
    score: float
    landmarks: tuple[tuple[int, int], ...] = ()


class FacePerception(Perception):
    name = "faces"

    def compute(self, picture: Picture, scene: Any) -> list[FaceBox]:
        raise NotImplementedError("face model not wired yet")
