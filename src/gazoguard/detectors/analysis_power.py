"""Analysis power: a picture big enough that small details (text on a badge, a reflection, a key) become readable.

Rule: ``high_resolution`` when the long side exceeds 3000 px **or** the
picture holds more than 8 megapixels (pixels after EXIF orientation).  A
12 MP phone photo (4032×3024) is flagged; a chat-app re-encode (≤ 2560 px)
or a Full-HD screenshot is not.  The suggested fix is to downscale so the
long side is at most :data:`SUGGESTED_MAX_SIDE`.
"""

from __future__ import annotations

from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Finding
from gazoguard.imaging.picture import Picture
from gazoguard.perception.scene import Scene

MAX_LONG_SIDE = 3000
MAX_MEGAPIXELS = 8.0
SUGGESTED_MAX_SIDE = 2048


class AnalysisPowerDetector(Detector):
    name = "analysis_power"
    kinds = frozenset({"high_resolution"})
    timeout_s = 5.0
    order = 5

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        return high_resolution_findings(picture.width, picture.height)


def high_resolution_findings(width: int, height: int) -> list[Finding]:
    long_side = max(width, height)
    megapixels = width * height / 1e6
    if long_side <= MAX_LONG_SIDE and megapixels <= MAX_MEGAPIXELS:
        return []
    return [
        Finding(
            "high_resolution",
            1.0,
            AnalysisPowerDetector.name,
            box=None,
            text=f"{width}×{height} ({megapixels:.1f} MP)",
            attrs={
                "width": width,
                "height": height,
                "megapixels": round(megapixels, 1),
                "long_side": long_side,
                "suggested_max_side": SUGGESTED_MAX_SIDE,
            },
        )
    ]
