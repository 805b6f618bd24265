"""Hidden data: what the file says beyond its pixels (GPS, times, devices, names, thumbnails, trailers).

Fast and model-free.  Every finding has ``box=None``; ``text`` is a short
readable value and ``attrs`` the details.  Scores are 1.0 for facts read
from the file, lower only where the data is present but says little
(a thumbnail identical to the picture, a 0,0 placeholder position).
"""

from __future__ import annotations

from typing import Any

from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Finding
from gazoguard.metadata import gps as gpsmod
from gazoguard.metadata import thumbnail as thumbmod
from gazoguard.metadata.sources import Sources, gather
from gazoguard.metadata.trailer import describe_trailer
from gazoguard.metadata.xmp import FIELDS
from gazoguard.imaging.picture import Picture
from gazoguard.perception.scene import Scene

NAME = "hidden_data"

_PNG_KEY_KINDS = {"author": "owner", "copyright": "owner", "software": "software", "creation time": "capture_time"}


class HiddenDataDetector(Detector):
    name = NAME
    kinds = frozenset(
        {
            "gps", "capture_time", "camera_model", "camera_serial", "owner", "software", "maker_note", "xmp",
            "iptc", "png_text", "comment", "thumbnail", "trailing_data", "other_metadata",
        }
    )
    timeout_s = 10.0
    order = 5

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        return hidden_data_findings(picture)


def hidden_data_findings(picture: Picture) -> list[Finding]:
    src = gather(picture)
    xmp_fields = src.xmp_fields
    findings = [
        *_gps(src, xmp_fields),
        *_capture_time(src, xmp_fields),
        *_camera_model(src, xmp_fields),
        *_named_values("camera_serial", _serials(src, xmp_fields)),
        *_named_values("owner", _owners(src, xmp_fields)),
        *_named_values("software", _software(src, xmp_fields)),
        *_maker_note(src),
        *_xmp(src, xmp_fields),
        *_iptc(src),
        *_png_text(src),
        *_comments(src),
        *_thumbnail(src, picture),
        *_trailing(src, picture),
        *_other(src),
    ]
    return findings


def _finding(kind: str, text: str | None, attrs: dict[str, Any], score: float = 1.0) -> Finding:
    return Finding(kind, score, NAME, box=None, text=(text or None) and text[:120], attrs=attrs)


def _gps(src: Sources, xmp_fields: dict[str, list[str]]) -> list[Finding]:
    position = gpsmod.position_from_ifd(src.exif.gps_ifd)
    source = "exif"
    if position is None:
        position = _xmp_position(xmp_fields)
        source = "xmp"
    if position is None:
        return []
    score = 0.5 if position.is_null_island else 1.0
    return [_finding("gps", position.text, position.attrs(source), score)]


def _xmp_position(xmp_fields: dict[str, list[str]]) -> gpsmod.Position | None:
    lats, lons = xmp_fields.get("exif:GPSLatitude"), xmp_fields.get("exif:GPSLongitude")
    if not lats or not lons:
        return None
    lat, lon = gpsmod.xmp_coordinate(lats[0], True), gpsmod.xmp_coordinate(lons[0], False)
    if lat is None or lon is None:
        return None
    return gpsmod.Position(lat, lon)


def _capture_time(src: Sources, xmp_fields: dict[str, list[str]]) -> list[Finding]:
    times = dict(src.exif.times)
    for name in ("exif:DateTimeOriginal", "photoshop:DateCreated", "xmp:CreateDate"):
        if xmp_fields.get(name):
            times.setdefault("xmp_" + name.split(":")[1].lower(), xmp_fields[name][0])
    if src.iptc.get("date_created"):
        times.setdefault("iptc_date_created", " ".join(src.iptc["date_created"][:1] + src.iptc.get("time_created", [])[:1]))
    for _chunk, key, value in src.png_text:
        if key.lower() == "creation time" and value.strip():
            times.setdefault("png_creation_time", value.strip()[:60])
    if not times:
        return []
    return [_finding("capture_time", next(iter(times.values())), times)]


def _camera_model(src: Sources, xmp_fields: dict[str, list[str]]) -> list[Finding]:
    make = src.exif.make or (xmp_fields.get("tiff:Make") or [None])[0]
    model = src.exif.model or (xmp_fields.get("tiff:Model") or [None])[0]
    if not make and not model:
        return []
    if make and model and model.lower().startswith(make.split()[0].lower()):
        text = model
    else:
        text = " ".join(p for p in (make, model) if p)
    attrs: dict[str, Any] = {"make": make, "model": model}
    if src.exif.lens:
        attrs["lens"] = src.exif.lens
    return [_finding("camera_model", text, attrs)]


def _serials(src: Sources, xmp_fields: dict[str, list[str]]) -> dict[str, str]:
    serials = dict(src.exif.serials)
    for name in ("aux:SerialNumber", "exifEX:BodySerialNumber", "aux:LensSerialNumber", "exifEX:LensSerialNumber"):
        for value in xmp_fields.get(name, []):
            key = "xmp_lens" if "Lens" in name else "xmp_body"
            if value.strip("0 "):  # all-zero serials mean "not set"
                serials.setdefault(key, value)
    return serials


def _owners(src: Sources, xmp_fields: dict[str, list[str]]) -> dict[str, str]:
    owners = dict(src.exif.owners)
    for name in ("dc:creator", "dc:rights", "xmpRights:Owner", "photoshop:Credit", "aux:OwnerName"):
        if xmp_fields.get(name):
            owners.setdefault("xmp_" + name.split(":")[1].lower(), "; ".join(xmp_fields[name][:3]))
    for key in ("by_line", "copyright", "credit", "writer", "contact"):
        if src.iptc.get(key):
            owners.setdefault("iptc_" + key, "; ".join(src.iptc[key][:3]))
    _png_keys_into(owners, src, "owner")
    return owners


def _software(src: Sources, xmp_fields: dict[str, list[str]]) -> dict[str, str]:
    software = dict(src.exif.software)
    if xmp_fields.get("xmp:CreatorTool"):
        software.setdefault("xmp_creator_tool", xmp_fields["xmp:CreatorTool"][0])
    _png_keys_into(software, src, "software")
    return software


def _png_keys_into(target: dict[str, str], src: Sources, kind: str) -> None:
    for _chunk, key, value in src.png_text:
        if _PNG_KEY_KINDS.get(key.lower()) == kind and value.strip():
            target.setdefault("png_" + key.lower().replace(" ", "_"), value.strip()[:200])


def _named_values(kind: str, values: dict[str, str]) -> list[Finding]:
    if not values:
        return []
    unique = list(dict.fromkeys(values.values()))
    return [_finding(kind, ", ".join(unique[:3]), dict(values))]


def _maker_note(src: Sources) -> list[Finding]:
    note = src.exif.maker_note
    if not note:
        return []
    vendor = "".join(ch for ch in note[:12].split(b"\x00", 1)[0].decode("latin-1") if ch.isalpha() or ch == " ").strip()
    attrs: dict[str, Any] = {"bytes": len(note)}
    if vendor:
        attrs["header"] = vendor
    return [_finding("maker_note", f"{len(note):,} bytes", attrs)]


def _xmp(src: Sources, xmp_fields: dict[str, list[str]]) -> list[Finding]:
    if not src.xmp_packets:
        return []
    attrs: dict[str, Any] = {"bytes": sum(len(p) for p in src.xmp_packets), "fields": sorted(xmp_fields)}
    for group in ("people", "place", "description"):
        values = [v for name, vs in xmp_fields.items() if FIELDS[name] == group for v in vs]
        if values:
            attrs[group] = values[:5]
    shown = attrs.get("people") or attrs.get("place") or sorted(xmp_fields)[:4]
    return [_finding("xmp", ", ".join(shown) if shown else "XMP packet", attrs)]


def _iptc(src: Sources) -> list[Finding]:
    if not src.iptc_present:
        return []
    attrs: dict[str, Any] = {"fields": sorted(src.iptc)}
    place = [v for key in ("sublocation", "city", "province_state", "country") for v in src.iptc.get(key, [])]
    if place:
        attrs["place"] = place
    for key in ("caption", "keywords", "object_name"):
        if src.iptc.get(key):
            attrs[key] = src.iptc[key][:5]
    text = ", ".join(place) or ", ".join(sorted(src.iptc)[:4]) or "IPTC block"
    return [_finding("iptc", text, attrs)]


def _png_text(src: Sources) -> list[Finding]:
    if not src.png_text:
        return []
    keys = list(dict.fromkeys(key for _chunk, key, _value in src.png_text))
    values = {key: value[:200] for _chunk, key, value in src.png_text}
    return [_finding("png_text", ", ".join(keys[:5]), {"keys": keys, "values": values})]


def _comments(src: Sources) -> list[Finding]:
    found = list(src.comments) + list(src.exif.comments.items())
    if not found:
        return []
    attrs = {where: text for where, text in found}
    return [_finding("comment", found[0][1], attrs)]


def _thumbnail(src: Sources, picture: Picture) -> list[Finding]:
    blob = src.exif.thumbnail
    if not blob:
        return []
    thumb = thumbmod.decode_thumbnail(blob)
    if thumb is None:
        return [_finding("thumbnail", "unreadable thumbnail", {"bytes": len(blob), "decoded": False}, 0.8)]
    check = thumbmod.compare(thumb, picture.image, picture.orientation)
    attrs = {
        "bytes": len(blob),
        "width": check.width,
        "height": check.height,
        "differs": check.differs,
        "similarity": check.similarity,
        "changed_share": check.changed_share,
        "aspect_ratio_differs": check.aspect_ratio_differs,
    }
    text = f"{check.width}×{check.height}" + (" (differs from the picture)" if check.differs else "")
    return [_finding("thumbnail", text, attrs, 1.0 if check.differs else 0.6)]


def _trailing(src: Sources, picture: Picture) -> list[Finding]:
    end = src.container.end
    if end is None or end >= len(picture.data):
        return []
    trailer = describe_trailer(picture.data[end:])
    if trailer is None:
        return []
    score = 1.0 if trailer.get("looks_like_image") else 0.8
    return [_finding("trailing_data", f"{trailer['bytes']:,} bytes", trailer, score)]


def _other(src: Sources) -> list[Finding]:
    attrs: dict[str, Any] = dict(src.exif.other)
    gps_ifd = src.exif.gps_ifd
    if gps_ifd and gpsmod.position_from_ifd(gps_ifd) is None:
        attrs["gps_tags_without_position"] = sorted(int(t) for t in gps_ifd)
        if gpsmod.has_coordinate_tags(gps_ifd):
            attrs["gps_coordinates_unreadable"] = True
    if src.unknown_blocks:
        attrs["blocks"] = src.unknown_blocks[:10]
    if not attrs:
        return []
    return [_finding("other_metadata", ", ".join(sorted(attrs))[:120], attrs, 0.5)]
