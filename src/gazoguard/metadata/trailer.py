"""What the bytes after an image's end marker are: padding, another image, or leftover image data."""

from __future__ import annotations

import io
import warnings
from typing import Any

from PIL import Image

SCAN_BYTES = 64 * 1024
_SIGNATURES = {
    b"\xff\xd8\xff": "JPEG",
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"ftypheic": "HEIC",
    b"ftypmif1": "HEIF",
}
#: leftover chunks of an image that was overwritten by a shorter one (the aCropalypse leak)
_LEFTOVER_MARKERS = (b"IDAT", b"IEND", b"\xff\xd9")


def describe_trailer(trailer: bytes) -> dict[str, Any] | None:
    """Attributes for a ``trailing_data`` finding, or ``None`` when the trailer is plain padding."""
    if not trailer or trailer.strip(b"\x00") == b"" or trailer.strip(b"\xff") == b"":
        return None
    attrs: dict[str, Any] = {"bytes": len(trailer), "looks_like_image": False}
    head = trailer[:SCAN_BYTES]
    hits = sorted((pos, fmt) for sig, fmt in _SIGNATURES.items() if (pos := head.find(sig)) >= 0)
    if hits:
        pos, fmt = hits[0]
        start = pos - 4 if fmt in ("HEIC", "HEIF") else pos
        attrs.update(looks_like_image=True, image_format=fmt, image_offset=start)
        size = _image_size(trailer[max(start, 0) :])
        if size:
            attrs["image_size"] = list(size)
    elif any(marker in trailer for marker in _LEFTOVER_MARKERS):
        attrs.update(looks_like_image=True, leftover_image_data=True)
    ascii_ident = head[:16].split(b"\x00", 1)[0]
    if ascii_ident.isascii() and ascii_ident.strip() and ascii_ident.decode("ascii").isprintable():
        attrs["starts_with"] = ascii_ident.decode("ascii")[:16]
    return attrs


def _image_size(blob: bytes) -> tuple[int, int] | None:
    """Width and height from the header only; the trailer is never decoded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(blob)) as im:
                return im.size
    except Exception:  # noqa: BLE001 - an unreadable embedded image is still reported
        return None
