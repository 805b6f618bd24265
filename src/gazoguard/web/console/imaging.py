"""The case view's picture: the stored (already masked where needed) copy with numbered boxes.

Drawn by :mod:`gazoguard.imaging.marks`, so a sexual box is black here as everywhere else.
"""

from __future__ import annotations

import io
import json

from PIL import Image

from gazoguard.imaging.marks import Mark, draw_marks, scale_box, scaled_copy

COLOURS = {"personal_text": (220, 50, 47), "document": (220, 50, 47), "identity": (230, 120, 0), "code": (230, 160, 0)}
DEFAULT = (0, 110, 200)
MAX_SIDE = 1400


def annotated_png(data: bytes, findings_json: str) -> bytes:
    image, scale = scaled_copy(Image.open(io.BytesIO(data)), MAX_SIDE)
    boxed = [f for f in json.loads(findings_json) if f.get("box")]
    marks = [
        Mark(scale_box(f["box"], scale), number, COLOURS.get(f.get("category"), DEFAULT), f.get("category"))
        for number, f in enumerate(boxed, start=1)
    ]
    draw_marks(image, marks)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
