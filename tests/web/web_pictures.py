"""Pictures the web tests send: generated here, or real ones from the eval set."""

from __future__ import annotations

import io

from PIL import Image


def png(size: tuple[int, int] = (160, 120), colour: tuple[int, int, int] = (200, 210, 220)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, format="PNG")
    return buf.getvalue()


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image
