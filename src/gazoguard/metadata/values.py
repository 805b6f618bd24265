"""Turn the odd values metadata carries (rationals, padded bytes, UTF-16 XP tags) into plain Python."""

from __future__ import annotations

import math
from typing import Any

MAX_TEXT = 200


def as_text(value: Any) -> str | None:
    """A printable, stripped string, or ``None`` for empty, blank or binary junk."""
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).split(b"\x00", 1)[0].decode("utf-8", "replace")
    elif isinstance(value, (tuple, list)):
        return None
    text = str(value).replace("\x00", " ").strip()
    if not text or not any(ch.isalnum() for ch in text):
        return None
    printable = sum(ch.isprintable() for ch in text)
    if printable < 0.9 * len(text):
        return None
    return text[:MAX_TEXT]


def xp_text(value: Any) -> str | None:
    """Windows XP* tags (XPAuthor, XPComment): UTF-16LE bytes or a tuple of byte values."""
    if isinstance(value, (tuple, list)):
        try:
            value = bytes(value)
        except (TypeError, ValueError):
            return None
    if isinstance(value, (bytes, bytearray)):
        return as_text(bytes(value).decode("utf-16-le", "replace").split("\x00", 1)[0])
    return as_text(value)


def user_comment(value: Any) -> str | None:
    """EXIF UserComment: 8-byte charset prefix then text."""
    if isinstance(value, str):
        return as_text(value)
    if not isinstance(value, (bytes, bytearray)):
        return None
    prefix, body = bytes(value[:8]), bytes(value[8:])
    if prefix.startswith(b"UNICODE"):
        enc = "utf-16-be" if body[:1] == b"\x00" else "utf-16-le"
        return as_text(body.decode(enc, "replace"))
    return as_text(body)


def as_float(value: Any) -> float | None:
    """A finite float from an int, float or rational; ``None`` for zero denominators and junk."""
    try:
        if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
            num, den = value
            if den == 0:
                return None
            number = num / den
        else:
            number = float(value)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return number if math.isfinite(number) else None
