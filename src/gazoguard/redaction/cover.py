"""The pixel operations: solid fill and strong blur (mosaic + Gaussian), on a copy of the image."""

from __future__ import annotations

import math
from collections.abc import Iterable

from PIL import Image, ImageDraw, ImageFilter

from gazoguard.core.finding import Box
from gazoguard.redaction.plan import Cover, Method

FILL_COLOUR = (0, 0, 0)
#: at most this many mosaic blocks across a region's longer side (blocks ≥ 1/6 of the face).
MOSAIC_BLOCKS = 6
#: then a Gaussian blur with sigma = this fraction of the longer side: a bare mosaic keeps the
#: blocky layout of eyes and mouth that face detectors still fire on (on the 75 eval faces, yuface
#: still found 26 after a 6-block mosaic, 3 after a Gaussian of sigma = side/4, 0 with side/3).
BLUR_FRACTION = 1 / 3


def apply_covers(image: Image.Image, covers: Iterable[Cover]) -> Image.Image:
    """A copy of ``image`` (RGB) with every cover painted; the input is left untouched."""
    out = image.convert("RGB").copy()
    draw = ImageDraw.Draw(out)
    for cover in covers:
        for box in cover.boxes:
            if cover.method is Method.FILL:
                fill(draw, box)
            elif cover.method is Method.BLUR:
                blur_region(out, box)
    return out


def fill(draw: ImageDraw.ImageDraw, box: Box) -> None:
    x0, y0, x1, y1 = box
    draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=FILL_COLOUR)  # PIL's rectangle is inclusive


def blur_region(image: Image.Image, box: Box, blocks: int = MOSAIC_BLOCKS, blur: float = BLUR_FRACTION) -> None:
    """Replace ``box`` by a mosaic of block averages (at most ``blocks`` across), then blur it strongly."""
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    if width <= 0 or height <= 0:
        return
    block = max(2, math.ceil(max(width, height) / blocks))
    nx, ny = max(1, round(width / block)), max(1, round(height / block))
    region = image.crop(box)
    small = region.resize((nx, ny), Image.Resampling.BOX)
    mosaic = small.resize((width, height), Image.Resampling.NEAREST)
    if blur > 0:
        mosaic = mosaic.filter(ImageFilter.GaussianBlur(max(width, height) * blur))
    image.paste(mosaic, (x0, y0))
