"""A tiny EXIF writer for test pictures, in piexif's dict shape (piexif itself is no longer a dependency).

``dump_exif({"0th": {...}, "Exif": {...}, "GPS": {...}, "1st": {...}, "thumbnail": jpeg})`` returns
``Exif\\0\\0`` + a little-endian TIFF that Pillow writes as the APP1 segment.  Values as piexif takes
them: bytes for texts, ints, ``(num, den)`` or a tuple of them for rationals.
"""

from __future__ import annotations

import io
import struct

from PIL import ExifTags, Image

BYTE, ASCII, SHORT, LONG, RATIONAL, UNDEFINED = 1, 2, 3, 4, 5, 7


class ImageIFD:
    Make, Model, Orientation, Software, Artist, XPAuthor = 0x010F, 0x0110, 0x0112, 0x0131, 0x013B, 0x9C9D
    JPEGInterchangeFormat, JPEGInterchangeFormatLength = 0x0201, 0x0202


class ExifIFD:
    DateTimeOriginal, OffsetTimeOriginal = 0x9003, 0x9011
    CameraOwnerName, BodySerialNumber, LensSerialNumber = 0xA430, 0xA431, 0xA435


class GPSIFD:
    GPSLatitudeRef, GPSLatitude, GPSLongitudeRef, GPSLongitude = 1, 2, 3, 4
    GPSAltitudeRef, GPSAltitude, GPSTimeStamp, GPSDateStamp = 5, 6, 7, 0x1D


_BYTE_TAGS = {ImageIFD.XPAuthor, GPSIFD.GPSAltitudeRef}
_LONG_TAGS = {ImageIFD.JPEGInterchangeFormat, ImageIFD.JPEGInterchangeFormatLength, 0x8769, 0x8825}


def _pack(tag: int, value) -> tuple[int, int, bytes]:  # noqa: ANN001
    """(type, count, bytes) of one value."""
    if isinstance(value, bytes):
        if tag in _BYTE_TAGS:
            return BYTE, len(value), value
        raw = value if value.endswith(b"\0") else value + b"\0"
        return ASCII, len(raw), raw
    if isinstance(value, tuple):
        pairs = value if value and isinstance(value[0], tuple) else (value,)
        return RATIONAL, len(pairs), b"".join(struct.pack("<II", n, d) for n, d in pairs)
    if tag in _BYTE_TAGS:
        return BYTE, 1, bytes([value])
    if tag in _LONG_TAGS:
        return LONG, 1, struct.pack("<I", value)
    return SHORT, 1, struct.pack("<H", value)


def _ifd(tags: dict[int, object], at: int, next_ifd: int) -> bytes:
    """One IFD placed at offset ``at``, followed by the values that do not fit in four bytes."""
    entries = sorted(tags.items())
    data_at = at + 2 + 12 * len(entries) + 4
    head, data = struct.pack("<H", len(entries)), b""
    for tag, value in entries:
        kind, count, raw = _pack(tag, value)
        if len(raw) <= 4:
            head += struct.pack("<HHI", tag, kind, count) + raw.ljust(4, b"\0")
        else:
            head += struct.pack("<HHII", tag, kind, count, data_at + len(data))
            data += raw + (b"\0" if len(raw) % 2 else b"")
    return head + struct.pack("<I", next_ifd) + data


def dump_exif(spec: dict) -> bytes:
    ifd0 = dict(spec.get("0th", {}))
    exif, gps = dict(spec.get("Exif", {})), dict(spec.get("GPS", {}))
    thumbnail = spec.get("thumbnail") or b""
    ifd1 = dict(spec.get("1st", {}))
    if thumbnail:
        ifd1.update({ImageIFD.JPEGInterchangeFormat: 0, ImageIFD.JPEGInterchangeFormatLength: len(thumbnail)})
    if exif:
        ifd0[0x8769] = 0
    if gps:
        ifd0[0x8825] = 0
    # offsets do not change the sizes, so lay out once with zeros, then again with the real offsets
    at0 = 8
    at_exif = at0 + len(_ifd(ifd0, 0, 0))
    at_gps = at_exif + (len(_ifd(exif, 0, 0)) if exif else 0)
    at1 = at_gps + (len(_ifd(gps, 0, 0)) if gps else 0)
    at_thumb = at1 + (len(_ifd(ifd1, 0, 0)) if ifd1 else 0)
    if exif:
        ifd0[0x8769] = at_exif
    if gps:
        ifd0[0x8825] = at_gps
    if thumbnail:
        ifd1[ImageIFD.JPEGInterchangeFormat] = at_thumb
    tiff = b"II*\0" + struct.pack("<I", at0) + _ifd(ifd0, at0, at1 if ifd1 else 0)
    tiff += (_ifd(exif, at_exif, 0) if exif else b"") + (_ifd(gps, at_gps, 0) if gps else b"")
    tiff += (_ifd(ifd1, at1, 0) if ifd1 else b"") + thumbnail
    return b"Exif\0\0" + tiff


def embedded_thumbnail(jpeg: bytes) -> bytes | None:
    """The IFD1 thumbnail of a JPEG's EXIF, read with Pillow (None when there is none)."""
    with Image.open(io.BytesIO(jpeg)) as im:
        raw = im.info.get("exif") or b""
        ifd1 = im.getexif().get_ifd(ExifTags.IFD.IFD1)
    tiff = raw[6:] if raw.startswith(b"Exif\0\0") else raw
    offset, length = ifd1.get(0x0201), ifd1.get(0x0202)
    if not isinstance(offset, int) or not isinstance(length, int) or length <= 0:
        return None
    blob = tiff[offset : offset + length]
    return blob if blob[:2] == b"\xff\xd8" else None
