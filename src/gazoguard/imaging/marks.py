"""Numbered boxes on a picture a person looks at — with the safety rules every such picture obeys.

Used by the annotated check picture, the redaction before/after preview and
the staff console's case view, so the rules live in one place:

- a box of a sexual finding is painted black, never outlined over visible skin;
- a picture that must not be stored or shown (the minor red line) is never
  redrawn: :func:`withheld` gives a plain grey panel of its size instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from gazoguard.core.fonts import cjk_font
from gazoguard.core.geometry import Box

RGB = tuple[int, int, int]
HIDDEN_FILL: RGB = (0, 0, 0)
WITHHELD_GREY: RGB = (40, 40, 40)
TAG_TEXT: RGB = (255, 255, 255)


@dataclass(frozen=True)
class Mark:
    """One numbered box, in pixels of the picture it is drawn on."""

    box: Box
    number: int
    colour: RGB
    category: str | None = None

    @property
    def hides_content(self) -> bool:
        return self.category == "sexual"


def scaled_copy(image: Image.Image, max_side: int) -> tuple[Image.Image, float]:
    """An RGB copy no longer than ``max_side`` on its long side, and the scale used."""
    scale = min(1.0, max_side / max(image.size))
    rgb = image.convert("RGB")
    if scale >= 1.0:
        return rgb.copy(), 1.0
    return rgb.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale)))), scale


def withheld(size: tuple[int, int]) -> Image.Image:
    """What is shown in place of a picture that must not be shown: grey, nothing of it redrawn."""
    return Image.new("RGB", size, WITHHELD_GREY)


def scale_box(box: Iterable[float], scale: float, dx: int = 0, dy: int = 0) -> Box:
    x0, y0, x1, y1 = box
    return (round(x0 * scale) + dx, round(y0 * scale) + dy, round(x1 * scale) + dx, round(y1 * scale) + dy)


def tag_font(image_size: tuple[int, int]) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The number tags' font, sized to the picture."""
    return cjk_font(max(12, round(max(image_size) / 45)))


def line_width(image_size: tuple[int, int]) -> int:
    return max(2, round(max(image_size) / 400))


def draw_marks(image: Image.Image, marks: Iterable[Mark], *, font=None, width: int | None = None) -> Image.Image:
    """Draw ``marks`` on ``image`` in place (and return it): content-hiding boxes painted black first."""
    draw = ImageDraw.Draw(image)
    font = font or tag_font(image.size)
    width = width or line_width(image.size)
    for mark in marks:
        if mark.hides_content:
            draw.rectangle(mark.box, fill=HIDDEN_FILL)
        draw.rectangle(mark.box, outline=mark.colour, width=width)
        _draw_tag(draw, mark, font)
    return image


def _draw_tag(draw: ImageDraw.ImageDraw, mark: Mark, font) -> None:
    tag = str(mark.number)
    left, top, right, bottom = draw.textbbox((0, 0), tag, font=font)
    tw, th = right - left, bottom - top
    x0, y0 = mark.box[0], mark.box[1]
    ty = y0 - th - 6 if y0 - th - 6 >= 0 else y0
    draw.rectangle((x0, ty, x0 + tw + 6, ty + th + 6), fill=mark.colour)
    draw.text((x0 + 3, ty + 3 - top), tag, fill=TAG_TEXT, font=font)
