"""A conversation drawn as a LINE-like chat screenshot (for tests and evaluation sets; never used on user data).

The other side's bubbles sit on the left with the sender's name small above
them, the user's on the right; each bubble has its time small beside it.
Long messages wrap.  Uses the CJK font of :mod:`gazoguard.core.fonts`.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from gazoguard.core.fonts import cjk_font_path

WIDTH = 720
TEXT_PX, SMALL_PX, LINE_PX = 32, 20, 46


def font_path() -> Path:
    found = cjk_font_path()
    if found is None:
        raise FileNotFoundError("no CJK font (matplotlib-fontja) is installed")
    return Path(found)


def _wrap(text: str) -> list[str]:
    width = 30 if text.isascii() else 15
    return [part for para in text.split("\n") for part in (textwrap.wrap(para, width) or [""])]


def render_chat(messages: list[dict[str, Any]], path: str | Path) -> Path:
    """Draw ``messages`` (dicts with role, name, time, text) and save the PNG at ``path``."""
    font = ImageFont.truetype(str(font_path()), TEXT_PX)
    small = ImageFont.truetype(str(font_path()), SMALL_PX)
    rows = [(m, _wrap(m.get("text", ""))) for m in messages]
    height = 60 + sum(LINE_PX * len(lines) + 20 + 36 + (30 if m.get("role") != "self" else 0) for m, lines in rows)
    image = Image.new("RGB", (WIDTH, height), (140, 170, 210))
    draw = ImageDraw.Draw(image)
    y = 40
    for m, lines in rows:
        mine = m.get("role") == "self"
        w = max(draw.textlength(line, font=font) for line in lines) + 40
        h = LINE_PX * len(lines) + 20
        if not mine and m.get("name"):
            draw.text((110, y), str(m["name"]), font=small, fill=(30, 30, 30))
            y += 30
        x = WIDTH - 30 - w if mine else 110
        draw.rounded_rectangle((x, y, x + w, y + h), radius=22, fill=(130, 230, 110) if mine else (255, 255, 255))
        for i, line in enumerate(lines):
            draw.text((x + 20, y + 12 + LINE_PX * i), line, font=font, fill=(0, 0, 0))
        if m.get("time"):
            draw.text((x - 70 if mine else x + w + 10, y + h - 26), str(m["time"]), font=small, fill=(40, 40, 40))
        y += h + 36
    path = Path(path)
    image.save(path)
    return path
