"""Fields of an XMP packet, read with patterns rather than an XML parser (no entity expansion, no network)."""

from __future__ import annotations

import html
import re
from functools import lru_cache

MAX_PACKET = 2 * 1024 * 1024

#: XMP property -> what it tells (the detector maps these to finding kinds)
FIELDS: dict[str, str] = {
    "dc:creator": "owner",
    "dc:rights": "owner",
    "xmpRights:Owner": "owner",
    "photoshop:Credit": "owner",
    "aux:OwnerName": "owner",
    "aux:SerialNumber": "camera_serial",
    "exifEX:BodySerialNumber": "camera_serial",
    "aux:LensSerialNumber": "camera_serial",
    "exifEX:LensSerialNumber": "camera_serial",
    "xmp:CreatorTool": "software",
    "exif:DateTimeOriginal": "capture_time",
    "photoshop:DateCreated": "capture_time",
    "xmp:CreateDate": "capture_time",
    "tiff:Make": "camera_model",
    "tiff:Model": "camera_model",
    "exif:GPSLatitude": "gps",
    "exif:GPSLongitude": "gps",
    "photoshop:City": "place",
    "photoshop:State": "place",
    "photoshop:Country": "place",
    "Iptc4xmpCore:Location": "place",
    "mwg-rs:Name": "people",
    "MP:PersonDisplayName": "people",
    "dc:description": "description",
    "dc:title": "description",
    "xmpMM:History": "history",
    "xmpMM:OriginalDocumentID": "document_id",
}
#: structured properties whose presence is the news, not their text
PRESENCE_ONLY = frozenset({"xmpMM:History"})


def find_packet(blob: bytes) -> bytes | None:
    """The ``<x:xmpmeta>`` element inside ``blob`` (a segment, a chunk or a whole file)."""
    start = blob.find(b"<x:xmpmeta")
    if start < 0:
        return None
    end = blob.find(b"</x:xmpmeta>", start)
    stop = end + len(b"</x:xmpmeta>") if end >= 0 else len(blob)
    return blob[start : min(stop, start + MAX_PACKET)]


def read_fields(packet: bytes | str) -> dict[str, list[str]]:
    """``{property: [values]}`` for the properties in :data:`FIELDS` that the packet holds."""
    text = packet.decode("utf-8", "replace") if isinstance(packet, bytes) else packet
    text = text[:MAX_PACKET]
    found: dict[str, list[str]] = {}
    for name in FIELDS:
        if name.split(":", 1)[1] not in text:
            continue
        values = _values(text, name)
        if values:
            found[name] = values
    return found


@lru_cache(maxsize=None)
def _patterns(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    escaped = re.escape(name)
    attr = re.compile(rf"(?<![\w:]){escaped}\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
    elem = re.compile(rf"<{escaped}(?:\s[^>]*)?(?<!/)>(.*?)</{escaped}\s*>", re.S)
    return attr, elem


_LI = re.compile(r"<rdf:li(?:\s[^>]*)?(?<!/)>(.*?)</rdf:li\s*>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _values(text: str, name: str) -> list[str]:
    attr, elem = _patterns(name)
    if name in PRESENCE_ONLY:
        return ["present"] if elem.search(text) or attr.search(text) else []
    raw = [a or b for a, b in attr.findall(text)]
    for inner in elem.findall(text):
        raw.extend(_LI.findall(inner) or [inner])
    cleaned = []
    for value in raw:
        plain = " ".join(html.unescape(_TAG.sub(" ", value)).split())
        if plain and plain not in cleaned:
            cleaned.append(plain[:200])
    return cleaned
