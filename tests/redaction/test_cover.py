"""The pixel operations: fills are solid, mosaics are coarse, the input is never changed."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from gazoguard.redaction.cover import FILL_COLOUR, MOSAIC_BLOCKS, apply_covers, blur_region
from gazoguard.redaction.plan import Cover, Method


def _noise(w: int = 300, h: int = 200) -> Image.Image:
    rng = np.random.default_rng(0)
    return Image.fromarray(rng.integers(0, 256, (h, w, 3), dtype=np.uint8), "RGB")


def test_fill_paints_exactly_the_box_and_leaves_the_input_alone():
    image = _noise()
    before = np.asarray(image).copy()
    out = np.asarray(apply_covers(image, [Cover(0, "phone", "personal_text", Method.FILL, ((10, 20, 110, 60),), "t")]))
    assert (out[20:60, 10:110] == FILL_COLOUR).all()
    assert (out[:20] == before[:20]).all() and (out[60:] == before[60:]).all()
    assert (out[20:60, 110:] == before[20:60, 110:]).all()
    assert (np.asarray(image) == before).all()


def test_mosaic_leaves_at_most_six_blocks_across_the_region():
    image = _noise()
    box = (40, 30, 160, 150)  # 120 px: blocks of 20 px
    blur_region(image, box, blur=0)
    out = np.asarray(image)
    region = out[30:150, 40:160].astype(int)
    distinct_columns = len({tuple(region[:, x].ravel()) for x in range(region.shape[1])})
    distinct_rows = len({tuple(region[y].ravel()) for y in range(region.shape[0])})
    assert distinct_columns <= MOSAIC_BLOCKS and distinct_rows <= MOSAIC_BLOCKS
    # block averages of noise are close to grey: the fine detail is gone
    assert region.std() < 20 < np.asarray(_noise()).astype(int).std()


def test_pixelate_cover_is_mosaic_plus_strong_blur():
    image = _noise()
    face = Image.new("RGB", (120, 120), (200, 170, 150))
    ImageDraw.Draw(face).ellipse((30, 40, 50, 55), fill=(0, 0, 0))  # an "eye": sharp dark detail
    image.paste(face, (40, 30))
    out = np.asarray(apply_covers(image, [Cover(0, "face", "identity", Method.BLUR, ((40, 30, 160, 150),), "t")]))
    region = out[30:150, 40:160].astype(int)
    assert np.abs(np.diff(region, axis=1)).max() <= 12  # no block edges, no eye edges left
    assert region.min() > 60  # the dark eye is averaged away
