"""The masked copy kept for ask_to_mask: boxes covered with solid fill, re-encoded from pixels.

Solid fill, not blur: blurred or pixelated text can be recovered.  Re-encoding from decoded pixels
drops metadata, embedded thumbnails and trailing data.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from gazoguard.intake.judgement import MASKED_CATEGORIES
from gazoguard.pipeline.report import Report

PAD = 4


def masked_copy(image: Image.Image, report: Report) -> bytes:
    out = image.convert("RGB").copy()
    draw = ImageDraw.Draw(out)
    for finding in report.findings:
        if finding.box is None or finding.category not in MASKED_CATEGORIES:
            continue
        x0, y0, x1, y1 = finding.box
        draw.rectangle((x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD), fill=(0, 0, 0))
    return encode_clean(out)


def encode_clean(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG")
    return buffer.getvalue()
