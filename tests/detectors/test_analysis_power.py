"""Analysis power: very large pictures are flagged with a downscale suggestion."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from gazoguard.detectors.analysis_power import (
    MAX_LONG_SIDE,
    SUGGESTED_MAX_SIDE,
    AnalysisPowerDetector,
    high_resolution_findings,
)
from gazoguard.imaging.picture import decode_bytes


@pytest.mark.parametrize(
    "size, flagged",
    [
        ((4032, 3024), True),  # 12 MP phone photo
        ((MAX_LONG_SIDE + 1, 200), True),  # long panorama strip
        ((2900, 2900), True),  # 8.4 MP square
        ((1920, 1080), False),  # Full-HD screenshot
        ((MAX_LONG_SIDE, 2000), False),  # 6 MP, long side at the limit
        ((1, 1), False),
    ],
)
def test_rule(size: tuple[int, int], flagged: bool):
    found = high_resolution_findings(*size)
    assert bool(found) is flagged
    if flagged:
        f = found[0]
        assert f.kind == "high_resolution" and f.category == "analysis" and f.box is None
        assert f.attrs["suggested_max_side"] == SUGGESTED_MAX_SIDE < max(size)
        assert (f.attrs["width"], f.attrs["height"]) == size


def test_detector_uses_oriented_size():
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    Image.new("L", (3200, 100)).save(buf, format="JPEG", exif=exif.tobytes())
    picture = decode_bytes(buf.getvalue())
    found = AnalysisPowerDetector().detect(picture, scene=None)  # type: ignore[arg-type]
    assert [f.text for f in found] == ["100×3200 (0.3 MP)"]
