"""A minimal TIFF IFD reader for maker notes, which Pillow leaves as opaque bytes."""

from __future__ import annotations

import struct
from typing import Any

_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8}
MAX_ENTRIES = 512


def read_ifd(buf: bytes, offset: int, endian: str, base: int = 0) -> dict[int, Any]:
    """Tags of the IFD at ``offset``; value offsets are relative to ``base``.

    ASCII values become ``str``, SHORT/LONG values ``int`` (first value only);
    other types are left out.  Garbage gives an empty or partial dict, never an error.
    """
    out: dict[int, Any] = {}
    try:
        (count,) = struct.unpack(endian + "H", buf[offset : offset + 2])
    except struct.error:
        return out
    for i in range(min(count, MAX_ENTRIES)):
        entry = buf[offset + 2 + 12 * i : offset + 14 + 12 * i]
        if len(entry) < 12:
            break
        tag, typ, n = struct.unpack(endian + "HHI", entry[:8])
        size = _TYPE_SIZES.get(typ, 0) * n
        if size == 0 or size > 1 << 16:
            continue
        if size <= 4:
            raw = entry[8 : 8 + size]
        else:
            (value_offset,) = struct.unpack(endian + "I", entry[8:12])
            raw = buf[base + value_offset : base + value_offset + size]
            if len(raw) < size:
                continue
        if typ == 2:
            out[tag] = raw.split(b"\x00", 1)[0].decode("latin-1")
        elif typ == 3:
            out[tag] = struct.unpack(endian + "H", raw[:2])[0]
        elif typ == 4:
            out[tag] = struct.unpack(endian + "I", raw[:4])[0]
    return out


def tiff_endian(header: bytes) -> str | None:
    if header[:4] == b"II*\x00":
        return "<"
    if header[:4] == b"MM\x00*":
        return ">"
    return None
