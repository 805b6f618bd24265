"""OCR perception: text is found on a small copy and read on a larger one; boxes land in the picture's pixels."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from gazoguard.fonts import cjk_font
from gazoguard.perception.ocr import FIND_MAX_SIDE, MAX_SIDE, OcrPerception, _shrunk
from gazoguard.picture import load_picture

LINE = "氏名 山田太郎 090-1234-5678"


@pytest.fixture(scope="module")
def perception() -> OcrPerception:
    p = OcrPerception()
    p.ensure_loaded()
    return p


def _picture_with_line(width: int, height: int, origin: tuple[int, int], size: int):
    im = Image.new("RGB", (width, height), (236, 233, 225))
    draw = ImageDraw.Draw(im)
    draw.text(origin, LINE, font=cjk_font(size), fill=(20, 20, 20))
    drawn = draw.textbbox(origin, LINE, font=cjk_font(size))
    return load_picture(im), drawn


@pytest.mark.parametrize(("shape", "side"), [((3000, 4000, 3), 1280), ((500, 300, 3), 1280), ((1536, 2048, 3), 2048)])
def test_shrunk_keeps_the_aspect_within_the_side(shape, side):
    image = np.zeros(shape, dtype=np.uint8)
    small, scale = _shrunk(image, side)
    assert max(small.shape[:2]) <= side
    assert scale <= 1.0
    assert small.shape[0] == round(shape[0] * scale) and small.shape[1] == round(shape[1] * scale)


def test_finding_never_uses_a_larger_copy_than_reading():
    assert FIND_MAX_SIDE <= MAX_SIDE


def test_a_line_on_a_twelve_megapixel_picture_is_read_and_boxed_where_it_was_drawn(perception):
    picture, drawn = _picture_with_line(4000, 3000, (1700, 2100), 64)
    layout = perception.compute(picture, None)
    compact = layout.text.replace(" ", "")
    assert "山田太郎" in compact and "090-1234-5678" in compact
    start = layout.text.index("山")
    box = layout.box_for_span(start, start + 4)
    assert box is not None
    slack = 40  # pixels of the 12 MP picture: less than one character
    assert drawn[0] - slack <= box[0] < box[2] <= drawn[2] + slack
    assert drawn[1] - slack <= box[1] < box[3] <= drawn[3] + slack


def test_an_empty_picture_has_no_text(perception):
    picture = load_picture(Image.new("RGB", (1600, 1200), (250, 250, 250)))
    assert perception.compute(picture, None).text == ""

