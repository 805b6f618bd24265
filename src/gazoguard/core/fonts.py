"""A CJK font for drawing Japanese on pictures (IPAex Gothic shipped in matplotlib-fontja)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PIL import ImageFont

_SYSTEM_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
)


@cache
def cjk_font_path() -> str | None:
    try:
        import matplotlib_fontja

        candidate = Path(matplotlib_fontja.__file__).parent / "fonts" / "ipaexg.ttf"
        if candidate.is_file():
            return str(candidate)
    except ImportError:
        pass
    for path in _SYSTEM_CANDIDATES:
        if Path(path).is_file():
            return path
    return None


@cache
def cjk_font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = cjk_font_path()
    if path is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(path, size)
