"""Vehicle number plates in OCR text.

Japanese plates read in two rows: region + class number (品川 500) above,
one kana + serial (さ 12-34, or ・・12 with dots for leading zeros) below.
The lower row alone is distinctive enough; the upper row next to it raises
the confidence.  Plates elsewhere are a short line holding only letters and
digits in a plate-like grouping (ABC 1234, AB12 CDE), printed in capitals —
weaker, because product codes look the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazoguard.core.finding import Box, union_box
from gazoguard.perception.textlayout import TextLayout, TextLine
from gazoguard.vision.keywords import fold

JP_SERIAL = re.compile(r"(?<![ぁ-んァ-ン\w])[あ-んア-ン]\s?(?:\d{1,2}-\d{2}|[・･.·]{1,3}\s?\d{1,3})(?!\d)")
JP_REGION = re.compile(r"[\u4e00-\u9fffぁ-ん]{1,4}\s?\d{2,3}(?!\d)")
GENERIC = re.compile(r"^(?:[A-Z]{2,3}[- ]?\d{3,4}|\d{3,4}[- ]?[A-Z]{2,3}|[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]{1,2}[- ]?\d{4}[- ]?[A-Z]{1,2})$")
GENERIC_LINE_ASPECT = (1.8, 7.0)


@dataclass(frozen=True, slots=True)
class Plate:
    text: str
    box: Box
    style: str  # jp | generic
    confidence: float


def find_plates(layout: TextLayout) -> list[Plate]:
    plates: list[Plate] = []
    lines = layout.lines
    for i, line in enumerate(lines):
        text = fold(line.text)
        if JP_SERIAL.search(text):
            upper = _region_row_above(lines, i)
            boxes = [line.box] + ([upper.box] if upper else [])
            shown = (upper.text + " " if upper else "") + line.text
            plates.append(Plate(shown, union_box(boxes), "jp", 0.9 if upper else 0.75))
        elif line.text.isupper() and GENERIC.match(text.strip()) and _plate_shaped(line.box):
            plates.append(Plate(line.text, line.box, "generic", 0.5))
    return plates


def _region_row_above(lines: list[TextLine], index: int) -> TextLine | None:
    """A ``品川 500`` line just above (or left of, when OCR merged rows) the serial row."""
    row = lines[index]
    height = row.box[3] - row.box[1]
    for other in lines:
        if other is row or not JP_REGION.search(fold(other.text)):
            continue
        above = 0 <= row.box[1] - other.box[3] <= 1.5 * height
        overlaps = other.box[0] < row.box[2] and row.box[0] < other.box[2]
        if above and overlaps:
            return other
    return None


def _plate_shaped(box: Box) -> bool:
    w, h = box[2] - box[0], box[3] - box[1]
    return h > 0 and GENERIC_LINE_ASPECT[0] <= w / h <= GENERIC_LINE_ASPECT[1]
