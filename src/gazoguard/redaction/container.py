"""Walk an encoded file's structure and list anything beyond bare pixels.

An independent check of the encoder's output (it does not trust Pillow):
JPEG may hold only JFIF APP0, tables, frame and scan segments and must end
with its single EOI; PNG only IHDR/PLTE/IDAT/IEND; WebP only one VP8/VP8L
chunk.  Any APPn/COM segment, text chunk, ICC profile or trailing byte is
reported.
"""

from __future__ import annotations

import struct

_JPEG_ALLOWED = {0xC0, 0xC1, 0xC2, 0xC4, 0xDB, 0xDD}  # SOF0-2, DHT, DQT, DRI
_PNG_ALLOWED = {b"IHDR", b"PLTE", b"IDAT", b"IEND"}
_WEBP_ALLOWED = {b"VP8 ", b"VP8L"}


def container_problems(data: bytes) -> list[str]:
    """Everything in ``data`` that is not bare image structure; empty when clean."""
    if data[:2] == b"\xff\xd8":
        return _jpeg_problems(data)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return _png_problems(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp_problems(data)
    return ["unknown container"]


def _jpeg_problems(data: bytes) -> list[str]:
    problems: list[str] = []
    pos = 2
    while pos < len(data):
        if data[pos] != 0xFF:
            return problems + [f"JPEG: garbage at byte {pos}"]
        while pos < len(data) and data[pos] == 0xFF:
            pos += 1
        if pos >= len(data):
            break
        marker = data[pos]
        pos += 1
        if marker == 0xD9:  # EOI
            if pos != len(data):
                problems.append(f"JPEG: {len(data) - pos} trailing bytes after EOI")
            return problems
        length = struct.unpack(">H", data[pos : pos + 2])[0]
        segment = data[pos + 2 : pos + length]
        if marker == 0xE0 and segment.startswith(b"JFIF\x00") and length <= 16:
            pass  # a bare JFIF header (no JFIF thumbnail: those make it longer)
        elif marker == 0xDA:
            pos = _skip_entropy(data, pos + length)
            continue
        elif marker not in _JPEG_ALLOWED:
            problems.append(f"JPEG: segment 0x{marker:02X} ({_jpeg_name(marker)}) of {length} bytes")
        pos += length
    problems.append("JPEG: no EOI marker")
    return problems


def _skip_entropy(data: bytes, pos: int) -> int:
    """Position of the next marker after entropy-coded data (stuffed 0xFF00 and RSTn are data)."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            return len(data)
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1 if following == 0xFF else 2
            continue
        return pos


def _jpeg_name(marker: int) -> str:
    if marker == 0xE1:
        return "APP1: EXIF/XMP"
    if marker == 0xE2:
        return "APP2: ICC/MPF"
    if marker == 0xED:
        return "APP13: IPTC"
    if 0xE0 <= marker <= 0xEF:
        return f"APP{marker - 0xE0}"
    if marker == 0xFE:
        return "COM: comment"
    return "unexpected"


def _png_problems(data: bytes) -> list[str]:
    problems: list[str] = []
    pos = 8
    while pos + 8 <= len(data):
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        if ctype not in _PNG_ALLOWED:
            problems.append(f"PNG: chunk {ctype.decode('latin-1')} of {length} bytes")
        pos += 12 + length
        if ctype == b"IEND":
            if pos != len(data):
                problems.append(f"PNG: {len(data) - pos} trailing bytes after IEND")
            return problems
    return problems + ["PNG: no IEND chunk"]


def _webp_problems(data: bytes) -> list[str]:
    problems: list[str] = []
    riff_end = 8 + struct.unpack("<I", data[4:8])[0]
    if riff_end != len(data):
        problems.append(f"WebP: {len(data) - riff_end} bytes outside the RIFF container")
    pos = 12
    while pos + 8 <= min(riff_end, len(data)):
        ctype, length = struct.unpack("<4sI", data[pos : pos + 8])
        if ctype not in _WEBP_ALLOWED:
            problems.append(f"WebP: chunk {ctype.decode('latin-1')} of {length} bytes")
        pos += 8 + length + (length & 1)
    return problems
