"""The case view's picture: the stored (already masked where needed) copy with numbered boxes."""

from __future__ import annotations

import io
import json

from PIL import Image, ImageDraw

from gazoguard.fonts import cjk_font

COLOURS = {"personal_text": (220, 50, 47), "document": (220, 50, 47), "identity": (230, 120, 0), "code": (230, 160, 0)}
DEFAULT = (0, 110, 200)
MAX_SIDE = 1400


def annotated_png(data: bytes, findings_json: str) -> bytes:
    image = Image.open(io.BytesIO(data)).convert("RGB")
    scale = min(1.0, MAX_SIDE / max(image.size))
    if scale < 1.0:
        image = image.resize((round(image.width * scale), round(image.height * scale)))
    draw = ImageDraw.Draw(image)
    font = cjk_font(max(12, round(max(image.size) / 45)))
    line = max(2, round(max(image.size) / 400))
    number = 0
    for finding in json.loads(findings_json):
        box = finding.get("box")
        if not box:
            continue
        number += 1
        x0, y0, x1, y1 = (round(v * scale) for v in box)
        colour = COLOURS.get(finding.get("category"), DEFAULT)
        draw.rectangle((x0, y0, x1, y1), outline=colour, width=line)
        draw.rectangle((x0, max(0, y0 - 22), x0 + 22, max(0, y0 - 22) + 22), fill=colour)
        draw.text((x0 + 5, max(0, y0 - 22) + 2), str(number), fill=(255, 255, 255), font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
