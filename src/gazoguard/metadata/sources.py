"""Gather every metadata source of a picture once: EXIF, XMP, IPTC, container blocks, trailer.

The hidden-data detector turns these :class:`Sources` into findings; keeping
the reading here keeps the detector about *what to report*, not *how to parse*.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gazoguard.metadata import containers, xmp
from gazoguard.metadata.exif import ExifFacts, read_exif
from gazoguard.metadata.iptc import iptc_from_app13, iptc_records
from gazoguard.imaging.picture import Picture

XMP_PNG_KEY = "XML:com.adobe.xmp"
XMP_JPEG_HEADERS = (b"http://ns.adobe.com/xap/1.0/\x00", b"http://ns.adobe.com/xmp/extension/\x00")
#: JPEG APP segments that every encoder writes and that say nothing about the person
ROUTINE_APP = {"APP0", "APP2", "APP14"}
TIFF_IPTC_TAG = 33723


@dataclass
class Sources:
    exif: ExifFacts
    container: containers.Container
    xmp_packets: list[bytes] = field(default_factory=list)
    iptc: dict[str, list[str]] = field(default_factory=dict)
    iptc_present: bool = False
    comments: list[tuple[str, str]] = field(default_factory=list)  # (where, text)
    png_text: list[tuple[str, str, str]] = field(default_factory=list)  # (chunk, key, value) without XMP
    unknown_blocks: list[str] = field(default_factory=list)

    @property
    def xmp_fields(self) -> dict[str, list[str]]:
        merged: dict[str, list[str]] = {}
        for packet in self.xmp_packets:
            for name, values in xmp.read_fields(packet).items():
                merged.setdefault(name, [])
                merged[name].extend(v for v in values if v not in merged[name])
        return merged


def gather(picture: Picture) -> Sources:
    data = picture.data
    raw_exif = picture.info.get("exif") if isinstance(picture.info.get("exif"), bytes) else None
    if raw_exif is None and picture.format == "TIFF":
        raw_exif = data
    src = Sources(exif=read_exif(picture.exif, raw_exif), container=containers.walk(data))
    _from_blocks(src)
    _from_info(src, picture)
    return src


def _from_blocks(src: Sources) -> None:
    for name, payload in src.container.segments:
        if name == "APP1":
            if payload.startswith(XMP_JPEG_HEADERS) or xmp.find_packet(payload[:4096] + payload[-64:]):
                _add_xmp(src, payload)
            elif not payload.startswith(b"Exif\x00"):
                src.unknown_blocks.append(_describe(name, payload))
        elif name == "APP13":
            src.iptc_present = True
            for key, values in iptc_from_app13(payload).items():
                src.iptc.setdefault(key, []).extend(values)
        elif name in ("COM", "comment"):
            text = payload.decode("utf-8", "replace").replace("\x00", " ").strip()
            if text:
                src.comments.append(("jpeg_com" if name == "COM" else "gif_comment", text[:200]))
        elif name in ("XMP ", "app:XMP DataXMP"):
            _add_xmp(src, payload)
        elif name.startswith("APP") and name not in ROUTINE_APP:
            src.unknown_blocks.append(_describe(name, payload))
    for chunk, key, value in src.container.png_text:
        if key == XMP_PNG_KEY:
            _add_xmp(src, value.encode("utf-8"))
        else:
            src.png_text.append((chunk, key, value))


def _from_info(src: Sources, picture: Picture) -> None:
    """Pillow-decoded metadata the block walk does not cover (HEIC, TIFF, WebP, formats without a walker)."""
    info = picture.info
    for key in ("xmp", XMP_PNG_KEY):
        value = info.get(key)
        if isinstance(value, str):
            value = value.encode("utf-8")
        if isinstance(value, bytes):
            _add_xmp(src, value)
    if picture.exif:
        for tag in (0x02BC,):  # TIFF XMLPacket
            value = picture.exif.get(tag)
            if isinstance(value, bytes):
                _add_xmp(src, value)
        iim = picture.exif.get(TIFF_IPTC_TAG)
        if isinstance(iim, bytes) and not src.iptc_present:
            src.iptc_present = True
            src.iptc.update(iptc_records(iim))
    comment = info.get("comment")
    if isinstance(comment, (bytes, str)) and not src.comments:
        text = (comment.decode("utf-8", "replace") if isinstance(comment, bytes) else comment).strip()
        if text:
            src.comments.append(("comment", text[:200]))


def _add_xmp(src: Sources, blob: bytes) -> None:
    packet = xmp.find_packet(blob)
    if packet and packet not in src.xmp_packets:
        src.xmp_packets.append(packet)


def _describe(name: str, payload: bytes) -> str:
    ident = payload[:24].split(b"\x00", 1)[0].decode("latin-1", "replace")
    ident = "".join(ch for ch in ident if ch.isprintable()).strip()
    return f"{name}:{ident}" if ident else name
