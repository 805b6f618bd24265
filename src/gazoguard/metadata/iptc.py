"""IPTC-IIM records inside a Photoshop image-resource block (JPEG APP13 ``Photoshop 3.0``)."""

from __future__ import annotations

import struct

_IPTC_RESOURCE = 0x0404
#: record 2 datasets worth reporting
DATASETS: dict[int, str] = {
    5: "object_name",
    25: "keywords",
    55: "date_created",
    60: "time_created",
    80: "by_line",
    85: "by_line_title",
    90: "city",
    92: "sublocation",
    95: "province_state",
    101: "country",
    110: "credit",
    115: "source",
    116: "copyright",
    118: "contact",
    120: "caption",
    122: "writer",
}


def photoshop_resources(payload: bytes) -> dict[int, bytes]:
    """``{resource id: data}`` from an APP13 payload (with or without the ``Photoshop 3.0\\0`` header)."""
    if payload.startswith(b"Photoshop 3.0\x00"):
        payload = payload[14:]
    out: dict[int, bytes] = {}
    pos, n = 0, len(payload)
    while pos + 12 <= n and payload[pos : pos + 4] == b"8BIM":
        (rid,) = struct.unpack(">H", payload[pos + 4 : pos + 6])
        name_len = payload[pos + 6]
        pos += 6 + 1 + name_len
        pos += pos & 1  # the Pascal name is padded to even length
        if pos + 4 > n:
            break
        (size,) = struct.unpack(">I", payload[pos : pos + 4])
        pos += 4
        out[rid] = payload[pos : pos + size]
        pos += size + (size & 1)
    return out


def iptc_records(iim: bytes) -> dict[str, list[str]]:
    """``{dataset name: [values]}`` for record 2 datasets in :data:`DATASETS`."""
    out: dict[str, list[str]] = {}
    pos, n = 0, len(iim)
    while pos + 5 <= n and iim[pos] == 0x1C:
        record, dataset = iim[pos + 1], iim[pos + 2]
        (length,) = struct.unpack(">H", iim[pos + 3 : pos + 5])
        pos += 5
        if length & 0x8000:  # extended length: skip the length bytes and give up on this record set
            break
        value = iim[pos : pos + length]
        pos += length
        name = DATASETS.get(dataset) if record == 2 else None
        if name:
            text = _decode(value).strip()
            if text:
                out.setdefault(name, []).append(text[:200])
    return out


def iptc_from_app13(payload: bytes) -> dict[str, list[str]]:
    iim = photoshop_resources(payload).get(_IPTC_RESOURCE)
    return iptc_records(iim) if iim else {}


def _decode(value: bytes) -> str:
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("latin-1")
