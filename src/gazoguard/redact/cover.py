"""The pixel operations: solid fill and coarse pixelation, on a copy of the image."""

from __future__ import annotations

import math
from collections.abc import Iterable

from PIL import Image, ImageDraw

from gazoguard.finding import Box
from gazoguard.redact.plan import Cover, Method

FILL_COLOUR = (0, 0, 0)
#: at most this many mosaic blocks across a region's longer side (blocks ≥ 1/6 of the face).
MOSAIC_BLOCKS = 6


def apply_covers(image: Image.Image, covers: Iterable[Cover]) -> Image.Image:
    """A copy of ``image`` (RGB) with every cover painted; the input is left untouched."""
    out = image.convert("RGB").copy()
    draw = ImageDraw.Draw(out)
    for cover in covers:
        for box in cover.boxes:
            if cover.method is Method.FILL:
                fill(draw, box)
            elif cover.method is Method.PIXELATE:
                pixelate(out, box)
    return out


def fill(draw: ImageDraw.ImageDraw, box: Box) -> None:
    x0, y0, x1, y1 = box
    draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=FILL_COLOUR)  # PIL's rectangle is inclusive


def pixelate(image: Image.Image, box: Box, blocks: int = MOSAIC_BLOCKS) -> None:
    """Replace ``box`` by a mosaic of block averages, at most ``blocks`` across its longer side."""
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    if width <= 0 or height <= 0:
        return
    block = max(2, math.ceil(max(width, height) / blocks))
    nx, ny = max(1, round(width / block)), max(1, round(height / block))
    region = image.crop(box)
    small = region.resize((nx, ny), Image.Resampling.BOX)
    image.paste(small.resize((width, height), Image.Resampling.NEAREST), (x0, y0))
