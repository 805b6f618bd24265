"""Walk the blocks of JPEG, PNG, GIF and WebP files: metadata segments and where the image really ends.

Each walker returns a :class:`Container`: the metadata blocks found and
``end``, the offset just after the format's end marker (JPEG EOI, PNG IEND,
GIF trailer, RIFF size).  Bytes after ``end`` are trailing data.  ``end`` is
``None`` when the structure is broken or the format has no end marker we know.
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass, field

_MAX_TEXT_BYTES = 64 * 1024  # enough to show a value; a zTXt bomb stops here
_JPEG_MARKER_AFTER_SCAN = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


@dataclass
class Container:
    end: int | None = None
    #: JPEG: (marker name like "APP1"/"COM", payload); PNG: (chunk type, payload); GIF: ("comment"/"app:<id>", payload)
    segments: list[tuple[str, bytes]] = field(default_factory=list)
    #: PNG text chunks in file order: (chunk type, keyword, value)
    png_text: list[tuple[str, str, str]] = field(default_factory=list)


def walk(data: bytes) -> Container:
    """The container of ``data`` by its signature; an empty one for formats without a walker."""
    try:
        if data[:3] == b"\xff\xd8\xff":
            return walk_jpeg(data)
        if data[:8] == b"\x89PNG\r\n\x1a\n":
            return walk_png(data)
        if data[:6] in (b"GIF87a", b"GIF89a"):
            return walk_gif(data)
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return walk_webp(data)
    except (IndexError, struct.error, ValueError):
        return Container()
    return Container()


def walk_jpeg(data: bytes) -> Container:
    out = Container()
    pos = 2
    n = len(data)
    while pos + 4 <= n:
        if data[pos] != 0xFF:
            return out  # lost sync: broken file, end unknown
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:
            out.end = pos + 2
            return out
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2:
            return out
        payload = data[pos + 4 : pos + 2 + length]
        name = _jpeg_marker_name(marker)
        if name:
            out.segments.append((name, payload))
        pos += 2 + length
        if marker == 0xDA:  # entropy-coded data follows: jump to the next real marker
            match = _JPEG_MARKER_AFTER_SCAN.search(data, pos)
            if not match:
                return out
            pos = match.start()
    return out


def _jpeg_marker_name(marker: int) -> str | None:
    if 0xE0 <= marker <= 0xEF:
        return f"APP{marker - 0xE0}"
    if marker == 0xFE:
        return "COM"
    return None


def walk_png(data: bytes) -> Container:
    out = Container()
    pos = 8
    n = len(data)
    while pos + 12 <= n:
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        kind = ctype.decode("latin-1")
        payload_end = pos + 8 + length
        if payload_end + 4 > n:
            return out
        if kind == "IEND":
            out.end = payload_end + 4
            return out
        if kind in ("tEXt", "zTXt", "iTXt"):
            text = _png_text(kind, data[pos + 8 : payload_end])
            if text:
                out.png_text.append((kind, *text))
        elif kind not in ("IDAT", "fdAT"):
            out.segments.append((kind, data[pos + 8 : min(payload_end, pos + 8 + _MAX_TEXT_BYTES)]))
        pos = payload_end + 4
    return out


def _png_text(kind: str, payload: bytes) -> tuple[str, str] | None:
    key, sep, rest = payload.partition(b"\x00")
    if not sep:
        return None
    keyword = key.decode("latin-1", "replace")
    if kind == "tEXt":
        return keyword, rest[:_MAX_TEXT_BYTES].decode("latin-1", "replace")
    if kind == "zTXt":
        return keyword, _inflate(rest[1:]).decode("latin-1", "replace")
    # iTXt: compression flag, method, language\0, translated keyword\0, text
    if len(rest) < 2:
        return keyword, ""
    compressed = rest[0] == 1
    _lang, _, rest = rest[2:].partition(b"\x00")
    _translated, _, text = rest.partition(b"\x00")
    raw = _inflate(text) if compressed else text[:_MAX_TEXT_BYTES]
    return keyword, raw.decode("utf-8", "replace")


def _inflate(blob: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(blob, _MAX_TEXT_BYTES)
    except zlib.error:
        return b""


def walk_gif(data: bytes) -> Container:
    out = Container()
    n = len(data)
    flags = data[10]
    pos = 13 + (3 * (2 << (flags & 7)) if flags & 0x80 else 0)
    while pos < n:
        block = data[pos]
        if block == 0x3B:
            out.end = pos + 1
            return out
        if block == 0x21:  # extension: label, then sub-blocks
            label = data[pos + 1]
            body, pos = _gif_sub_blocks(data, pos + 2)
            if label == 0xFE:
                out.segments.append(("comment", body))
            elif label == 0xFF:
                out.segments.append((f"app:{body[:11].decode('latin-1', 'replace')}", body[11:]))
        elif block == 0x2C:  # image descriptor, optional local colour table, LZW size, data
            flags = data[pos + 9]
            pos += 10 + (3 * (2 << (flags & 7)) if flags & 0x80 else 0)
            _, pos = _gif_sub_blocks(data, pos + 1, keep=False)
        else:
            return out
    return out


def _gif_sub_blocks(data: bytes, pos: int, keep: bool = True) -> tuple[bytes, int]:
    parts = []
    n = len(data)
    while pos < n:
        size = data[pos]
        if size == 0:
            return b"".join(parts), pos + 1
        if keep:
            parts.append(data[pos + 1 : pos + 1 + size])
        pos += 1 + size
    raise ValueError("GIF sub-blocks run past the end")


def walk_webp(data: bytes) -> Container:
    out = Container()
    (size,) = struct.unpack("<I", data[4:8])
    end = 8 + size
    pos = 12
    while pos + 8 <= min(end, len(data)):
        ctype, length = struct.unpack("<4sI", data[pos : pos + 8])
        name = ctype.decode("latin-1")
        if name in ("EXIF", "XMP ", "ICCP"):
            out.segments.append((name, data[pos + 8 : pos + 8 + length]))
        pos += 8 + length + (length & 1)
    out.end = end if end <= len(data) else None
    return out
