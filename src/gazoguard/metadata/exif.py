"""EXIF facts: the tags that identify a person, a device or a moment, read from Pillow's ``Exif``."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Any

from PIL import ExifTags, Image

from gazoguard.metadata.tiff_ifd import read_ifd, tiff_endian
from gazoguard.metadata.values import as_text, user_comment, xp_text

EXIF_IFD, GPS_IFD = 0x8769, 0x8825
MAKE, MODEL, SOFTWARE, DATETIME, ARTIST, COPYRIGHT = 0x010F, 0x0110, 0x0131, 0x0132, 0x013B, 0x8298
IMAGE_DESCRIPTION, HOST_COMPUTER, PROCESSING_SOFTWARE, DNG_CAMERA_SERIAL = 0x010E, 0x013C, 0x000B, 0xC62F
XP_TITLE, XP_COMMENT, XP_AUTHOR, XP_KEYWORDS, XP_SUBJECT = 0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F
DATETIME_ORIGINAL, DATETIME_DIGITIZED = 0x9003, 0x9004
OFFSET_TIME, OFFSET_TIME_ORIGINAL, OFFSET_TIME_DIGITIZED = 0x9010, 0x9011, 0x9012
MAKER_NOTE, USER_COMMENT, IMAGE_UNIQUE_ID = 0x927C, 0x9286, 0xA420
OWNER_NAME, BODY_SERIAL, LENS_MAKE, LENS_MODEL, LENS_SERIAL = 0xA430, 0xA431, 0xA433, 0xA434, 0xA435
THUMB_OFFSET, THUMB_LENGTH = 0x0201, 0x0202


@dataclass
class ExifFacts:
    """What one EXIF block says, each as readable strings (absent = not there or junk)."""

    times: dict[str, str] = field(default_factory=dict)  # original / digitized / modified (+ offset)
    make: str | None = None
    model: str | None = None
    lens: str | None = None
    serials: dict[str, str] = field(default_factory=dict)  # body / lens / maker_note / dng
    owners: dict[str, str] = field(default_factory=dict)  # artist / copyright / camera_owner / xp_author
    software: dict[str, str] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    other: dict[str, str] = field(default_factory=dict)
    maker_note: bytes | None = None
    gps_ifd: dict[int, Any] = field(default_factory=dict)
    thumbnail: bytes | None = None


def read_exif(exif: Image.Exif | None, raw: bytes | None) -> ExifFacts:
    """``raw`` is the EXIF block as stored (``Exif\\0\\0`` + TIFF, or TIFF) for offsets Pillow hides."""
    facts = ExifFacts()
    if not exif:
        return facts
    tiff = _tiff_bytes(raw)
    ifd0 = dict(exif)
    sub = _ifd(exif, EXIF_IFD)
    facts.gps_ifd = _ifd(exif, GPS_IFD)
    _read_times(facts, ifd0, sub)
    facts.make, facts.model = as_text(ifd0.get(MAKE)), as_text(ifd0.get(MODEL))
    facts.lens = " ".join(t for t in (as_text(sub.get(LENS_MAKE)), as_text(sub.get(LENS_MODEL))) if t) or None
    _put(facts.serials, "body", as_text(sub.get(BODY_SERIAL)))
    _put(facts.serials, "lens", as_text(sub.get(LENS_SERIAL)))
    _put(facts.serials, "dng", as_text(ifd0.get(DNG_CAMERA_SERIAL)))
    _put(facts.owners, "artist", as_text(ifd0.get(ARTIST)))
    _put(facts.owners, "copyright", as_text(ifd0.get(COPYRIGHT)))
    _put(facts.owners, "camera_owner", as_text(sub.get(OWNER_NAME)))
    _put(facts.owners, "xp_author", xp_text(ifd0.get(XP_AUTHOR)))
    _put(facts.software, "software", as_text(ifd0.get(SOFTWARE)))
    _put(facts.software, "processing_software", as_text(ifd0.get(PROCESSING_SOFTWARE)))
    _put(facts.comments, "image_description", as_text(ifd0.get(IMAGE_DESCRIPTION)))
    _put(facts.comments, "user_comment", user_comment(sub.get(USER_COMMENT)))
    for name, tag in (("xp_comment", XP_COMMENT), ("xp_title", XP_TITLE), ("xp_subject", XP_SUBJECT), ("xp_keywords", XP_KEYWORDS)):
        _put(facts.comments, name, xp_text(ifd0.get(tag)))
    _put(facts.other, "host_computer", as_text(ifd0.get(HOST_COMPUTER)))
    _put(facts.other, "image_unique_id", as_text(sub.get(IMAGE_UNIQUE_ID)))
    note = sub.get(MAKER_NOTE)
    if isinstance(note, (bytes, bytearray)) and note:
        facts.maker_note = bytes(note)
        note_facts = maker_note_facts(facts.maker_note, facts.make, tiff)
        _put(facts.serials, "maker_note", note_facts.get("serial"))
        _put(facts.owners, "maker_note_owner", note_facts.get("owner"))
    facts.thumbnail = _thumbnail(exif, tiff)
    return facts


def _tiff_bytes(raw: bytes | None) -> bytes:
    if not raw:
        return b""
    if raw.startswith(b"Exif\x00\x00"):
        return raw[6:]
    start = min((i for i in (raw.find(b"II*\x00"), raw.find(b"MM\x00*")) if i >= 0), default=-1)
    return raw[start:] if 0 <= start <= 16 else b""


def _ifd(exif: Image.Exif, tag: int) -> dict[int, Any]:
    try:
        return dict(exif.get_ifd(tag))
    except Exception:  # noqa: BLE001 - a broken sub-IFD is just absent
        return {}


def _put(target: dict[str, str], key: str, value: str | None) -> None:
    if value and value.strip("0 "):  # all-zero serials are "not set"
        target[key] = value


def _read_times(facts: ExifFacts, ifd0: dict[int, Any], sub: dict[int, Any]) -> None:
    for name, tag, offset_tag, where in (
        ("original", DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL, sub),
        ("digitized", DATETIME_DIGITIZED, OFFSET_TIME_DIGITIZED, sub),
        ("modified", DATETIME, OFFSET_TIME, ifd0),
    ):
        value = as_text(where.get(tag))
        if not value or value.startswith("0000"):
            continue
        offset = as_text(sub.get(offset_tag))
        facts.times[name] = f"{value}{offset}" if offset else value


def maker_note_facts(note: bytes, make: str | None, tiff: bytes) -> dict[str, str]:
    """``serial`` and ``owner`` from Nikon, Canon and Fujifilm maker notes; other vendors are not parsed."""
    try:
        found = _maker_note_tags(note, (make or "").lower(), tiff)
    except (struct.error, IndexError, ValueError):
        return {}
    return {key: text for key, value in found.items() if (text := _serial_text(value))}


def _serial_text(value: Any) -> str | None:
    if isinstance(value, int):
        return str(value) if value > 0 else None
    return as_text(value)


def _maker_note_tags(note: bytes, brand: str, tiff: bytes) -> dict[str, Any]:
    if note.startswith(b"Nikon\x00\x02"):
        endian = tiff_endian(note[10:14])
        if endian:
            (first,) = struct.unpack(endian + "I", note[14:18])
            return {"serial": read_ifd(note[10:], first, endian).get(0x001D)}
    elif note.startswith(b"FUJIFILM"):
        (first,) = struct.unpack("<I", note[8:12])
        return {"serial": read_ifd(note, first, "<").get(0x0010)}
    elif brand.startswith("canon") and tiff:
        endian = tiff_endian(tiff[:4])
        start = tiff.find(note[:64]) if len(note) >= 64 else -1
        if endian and start >= 0:
            tags = read_ifd(tiff, start, endian)
            return {"serial": tags.get(0x000C) or tags.get(0x0096), "owner": tags.get(0x0009)}
    return {}


def _thumbnail(exif: Image.Exif, tiff: bytes) -> bytes | None:
    if not tiff:
        return None
    try:
        ifd1 = exif.get_ifd(ExifTags.IFD.IFD1)
    except Exception:  # noqa: BLE001
        return None
    offset, length = ifd1.get(THUMB_OFFSET), ifd1.get(THUMB_LENGTH)
    if not isinstance(offset, int) or not isinstance(length, int) or length <= 0:
        return None
    blob = tiff[offset : offset + length]
    return blob if blob[:2] == b"\xff\xd8" else None
