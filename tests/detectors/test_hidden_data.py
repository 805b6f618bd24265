"""Hidden data: GPS and the other metadata a file carries beyond its pixels."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import numpy as np
import pytest
from exif_bytes import ExifIFD, GPSIFD, ImageIFD, dump_exif
from PIL import Image, PngImagePlugin

from gazoguard.detectors.hidden_data import hidden_data_findings
from gazoguard.core.finding import Finding
from gazoguard.imaging.picture import decode_bytes, load_picture


def _photo(width: int = 160, height: int = 120, seed: int = 3) -> Image.Image:
    """A smooth synthetic scene (gradients + blobs) so thumbnails and crops are recognisable."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    rng = np.random.default_rng(seed)
    img = np.stack([x / width * 255, y / height * 255, np.full_like(x, 90)], axis=-1)
    for _ in range(6):
        cx, cy, r = rng.uniform(0, width), rng.uniform(0, height), rng.uniform(8, 30)
        img[(x - cx) ** 2 + (y - cy) ** 2 < r * r] = rng.uniform(0, 255, 3)
    return Image.fromarray(img.astype(np.uint8))


def _jpeg(im: Image.Image, exif: dict | None = None, **params) -> bytes:
    buf = io.BytesIO()
    if exif is not None:
        params["exif"] = dump_exif(exif)
    im.save(buf, format="JPEG", quality=92, **params)
    return buf.getvalue()


def _by_kind(findings: list[Finding]) -> dict[str, Finding]:
    kinds = [f.kind for f in findings]
    assert len(kinds) == len(set(kinds)), "one finding per kind"
    return {f.kind: f for f in findings}


def _findings(data: bytes) -> dict[str, Finding]:
    found = hidden_data_findings(decode_bytes(data))
    for f in found:
        assert f.detector == "hidden_data" and f.box is None and 0 < f.score <= 1
        assert f.category == ("place" if f.kind == "gps" else "hidden_data")
    return _by_kind(found)


def _gps_ifd(lat=((33, 1), (52, 1), (1234, 100)), lat_ref=b"S", lon=((151, 1), (12, 1), (3000, 100)), lon_ref=b"E"):
    return {
        GPSIFD.GPSLatitudeRef: lat_ref,
        GPSIFD.GPSLatitude: lat,
        GPSIFD.GPSLongitudeRef: lon_ref,
        GPSIFD.GPSLongitude: lon,
    }


# --- GPS -----------------------------------------------------------------------------------------


def test_gps_decimal_degrees_with_signs_altitude_and_time():
    gps = _gps_ifd(lon=((70, 1), (30, 1), (0, 1)), lon_ref=b"W")
    gps.update({
        GPSIFD.GPSAltitudeRef: 1,
        GPSIFD.GPSAltitude: (125, 10),
        GPSIFD.GPSTimeStamp: ((9, 1), (5, 1), (7, 1)),
        GPSIFD.GPSDateStamp: b"2024:05:06",
    })
    found = _findings(_jpeg(_photo(), {"GPS": gps}))
    attrs = found["gps"].attrs
    assert attrs["lat"] == pytest.approx(-(33 + 52 / 60 + 12.34 / 3600), abs=1e-6)
    assert attrs["lon"] == pytest.approx(-70.5, abs=1e-6)
    assert attrs["altitude"] == pytest.approx(-12.5)
    assert attrs["timestamp"] == "2024:05:06 09:05:07 UTC"
    assert found["gps"].text == "-33.8701, -70.5000"
    assert found["gps"].score == 1.0


@pytest.mark.parametrize(
    "gps",
    [
        {},  # empty GPS IFD
        {GPSIFD.GPSAltitude: (10, 1), GPSIFD.GPSDateStamp: b"2020:01:01"},  # no coordinates
        _gps_ifd(lat=((33, 0), (52, 0), (0, 0))),  # zero denominators
        _gps_ifd(lat=((400, 1), (0, 1), (0, 1))),  # latitude out of range
    ],
    ids=["empty", "no_coordinates", "zero_denominators", "out_of_range"],
)
def test_no_gps_claimed_without_a_valid_position(gps: dict):
    found = _findings(_jpeg(_photo(), {"GPS": gps, "0th": {ImageIFD.Make: b"Acme"}}))
    assert "gps" not in found
    if gps:
        assert "gps_tags_without_position" in found["other_metadata"].attrs


def test_gps_from_xmp_when_exif_has_none():
    packet = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'exif:GPSLatitude="35,39.5N" exif:GPSLongitude="139,42.25E">'
        "<dc:creator><rdf:Seq><rdf:li>山田 太郎</rdf:li></rdf:Seq></dc:creator>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    found = _findings(_jpeg(_photo(), xmp=packet.encode("utf-8")))
    assert found["gps"].attrs["source"] == "xmp"
    assert found["gps"].attrs["lat"] == pytest.approx(35 + 39.5 / 60)
    assert found["gps"].attrs["lon"] == pytest.approx(139 + 42.25 / 60)
    assert "山田 太郎" in found["owner"].text
    assert "exif:GPSLatitude" in found["xmp"].attrs["fields"]


def test_heic_exif_gps_is_read():
    pytest.importorskip("pillow_heif")
    exif = dump_exif({"GPS": _gps_ifd(), "0th": {ImageIFD.Model: b"iPhone 15"}})
    buf = io.BytesIO()
    _photo().save(buf, format="HEIF", exif=exif, quality=60)
    found = _findings(buf.getvalue())
    assert found["gps"].attrs["lat"] == pytest.approx(-33.8701, abs=1e-4)
    assert found["gps"].attrs["lon"] == pytest.approx(151.2083, abs=1e-4)
    assert found["camera_model"].text == "iPhone 15"


# --- device, owner, time -------------------------------------------------------------------------


def test_camera_owner_serial_software_and_time():
    exif = {
        "0th": {
            ImageIFD.Make: b"NIKON",
            ImageIFD.Model: b"COOLPIX P6000",
            ImageIFD.Artist: b"Hanako Suzuki",
            ImageIFD.Software: b"GIMP 2.10",
            ImageIFD.XPAuthor: "鈴木花子".encode("utf-16-le") + b"\x00\x00",
        },
        "Exif": {
            ExifIFD.DateTimeOriginal: b"2008:10:22 16:28:39",
            ExifIFD.OffsetTimeOriginal: b"+09:00",
            ExifIFD.BodySerialNumber: b"SN12345",
            ExifIFD.CameraOwnerName: b"H. Suzuki",
            ExifIFD.LensSerialNumber: b"0000000000",  # all zeros = not set
        },
    }
    found = _findings(_jpeg(_photo(), exif))
    assert found["camera_model"].text == "NIKON COOLPIX P6000"
    assert found["camera_model"].attrs["make"] == "NIKON"
    assert found["capture_time"].text == "2008:10:22 16:28:39+09:00"
    assert found["camera_serial"].attrs == {"body": "SN12345"}
    owners = found["owner"].attrs
    assert owners["artist"] == "Hanako Suzuki" and owners["camera_owner"] == "H. Suzuki" and owners["xp_author"] == "鈴木花子"
    assert found["software"].text == "GIMP 2.10"


def test_iptc_by_line_and_city_in_app13():
    def dataset(number: int, value: str) -> bytes:
        raw = value.encode("utf-8")
        return bytes([0x1C, 2, number]) + struct.pack(">H", len(raw)) + raw

    iim = dataset(80, "Taro Yamada") + dataset(90, "Sapporo")
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    payload = b"Photoshop 3.0\x00" + resource
    jpeg = _jpeg(_photo())
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    found = _findings(jpeg[:2] + segment + jpeg[2:])
    assert found["iptc"].attrs["place"] == ["Sapporo"]
    assert found["owner"].attrs["iptc_by_line"] == "Taro Yamada"


# --- text blocks, comments, trailers -------------------------------------------------------------


def test_png_text_chunks_of_all_three_kinds():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jiro")
    info.add_text("parameters", "a prompt with a name", zip=True)
    info.add_itxt("Description", "自宅の窓から", lang="ja")
    buf = io.BytesIO()
    _photo().save(buf, format="PNG", pnginfo=info)
    found = _findings(buf.getvalue())
    assert found["png_text"].attrs["keys"] == ["Author", "parameters", "Description"]
    assert found["png_text"].attrs["values"]["Description"] == "自宅の窓から"
    assert found["owner"].attrs["png_author"] == "Jiro"


def test_jpeg_and_gif_comments():
    assert _findings(_jpeg(_photo(), comment=b"taken at home"))["comment"].text == "taken at home"
    buf = io.BytesIO()
    _photo().save(buf, format="GIF", comment=b"gif note")
    assert _findings(buf.getvalue())["comment"].text == "gif note"


def test_trailing_image_after_jpeg_end():
    hidden = _jpeg(_photo(seed=9))
    found = _findings(_jpeg(_photo()) + hidden)
    trailer = found["trailing_data"].attrs
    assert trailer["bytes"] == len(hidden) and trailer["looks_like_image"] is True
    assert trailer["image_format"] == "JPEG" and trailer["image_size"] == [160, 120]
    assert found["trailing_data"].score == 1.0


def test_trailing_bytes_after_png_and_gif_and_padding_is_ignored():
    png, gif = io.BytesIO(), io.BytesIO()
    _photo().save(png, format="PNG")
    _photo().save(gif, format="GIF")
    assert _findings(png.getvalue() + b"secret notes")["trailing_data"].attrs == {
        "bytes": 12, "looks_like_image": False, "starts_with": "secret notes"
    }
    leftover = _findings(png.getvalue() + b"\x00\x00\x10\x00IDAT" + b"\x12" * 50)["trailing_data"].attrs
    assert leftover["leftover_image_data"] is True
    assert _findings(gif.getvalue() + b"x" * 40)["trailing_data"].attrs["bytes"] == 40
    assert "trailing_data" not in _findings(_jpeg(_photo()) + b"\x00" * 300)


# --- thumbnail -----------------------------------------------------------------------------------


def _thumbnail_jpeg(main: Image.Image, thumb_source: Image.Image) -> bytes:
    thumb = thumb_source.copy()
    thumb.thumbnail((160, 160))
    exif = {"0th": {ImageIFD.Make: b"Acme"}, "1st": {}, "thumbnail": _jpeg(thumb)}
    return _jpeg(main, exif)


def test_matching_thumbnail_is_reported_as_not_differing():
    original = _photo(640, 480)
    found = _findings(_thumbnail_jpeg(original, original))
    assert found["thumbnail"].attrs["differs"] is False
    assert found["thumbnail"].attrs["similarity"] > 0.9
    assert found["thumbnail"].score < 1.0


def test_thumbnail_of_the_uncropped_original_differs():
    original = _photo(640, 480, seed=5)
    cropped = original.crop((380, 200, 640, 480))  # the sender cut away most of the scene
    found = _findings(_thumbnail_jpeg(cropped, original))
    assert found["thumbnail"].attrs["differs"] is True
    assert found["thumbnail"].score == 1.0


@pytest.mark.parametrize(
    "patch",
    [((0, 0, 0), (0, 0, 640, 300)), ((200, 30, 30), (100, 100, 260, 220)), ((0, 0, 0), (300, 300, 380, 360))],
    ids=["most_painted_black", "patch_of_equal_brightness", "small_black_box"],
)
def test_thumbnail_of_an_edited_picture_differs_even_at_the_same_aspect(patch):
    original = _photo(640, 480, seed=5)
    edited = original.copy()
    edited.paste(*patch)
    found = _findings(_thumbnail_jpeg(edited, original))
    assert found["thumbnail"].attrs["differs"] is True


def test_thumbnail_of_a_brightened_picture_is_the_same_picture():
    original = _photo(640, 480, seed=5)
    brighter = Image.eval(original, lambda v: min(255, int(v * 1.25)))
    assert _findings(_thumbnail_jpeg(brighter, original))["thumbnail"].attrs["differs"] is False


# --- clean files ---------------------------------------------------------------------------------


def test_clean_png_has_no_hidden_data():
    buf = io.BytesIO()
    _photo().save(buf, format="PNG")
    assert hidden_data_findings(decode_bytes(buf.getvalue())) == []


# --- the eval set --------------------------------------------------------------------------------


KNOWN_POSITIONS = {
    "images/exif/exifsamples_gps_DSCN0010.jpg": (43.4674, 11.8851),
    "images/exif/exifsamples_Kodak_CX7530.jpg": (-0.3713, 36.0564),  # 0°22.278'S 36°3.385'E
    "images/exif/exifsamples_iphone_hdr_NO.jpg": (40.4470, -3.7248),  # Madrid: west of Greenwich
    "images/exif/exifsamples_HMD_Nokia_8.3_5G.jpg": (60.1467, 24.9068),  # Finland
}


def test_gps_on_the_eval_exif_folder(eval_dir: Path, eval_manifest: list[dict[str, str]]):
    rows = [r for r in eval_manifest if r["path"].startswith("images/exif/")]
    assert rows
    missed, false_claims = [], []
    for row in rows:
        found = {f.kind: f for f in hidden_data_findings(load_picture(eval_dir / row["path"]))}
        has_gps = row["has_gps"] == "true"
        if has_gps and "gps" not in found:
            missed.append(row["path"])
        if not has_gps and "gps" in found:
            false_claims.append(row["path"])
        if "gps" in found:
            lat, lon = found["gps"].attrs["lat"], found["gps"].attrs["lon"]
            assert -90 <= lat <= 90 and -180 <= lon <= 180
            if row["path"] in KNOWN_POSITIONS:
                assert (lat, lon) == pytest.approx(KNOWN_POSITIONS[row["path"]], abs=1e-4)
        if row["has_exif"] == "true":
            assert found, f"EXIF present but nothing reported: {row['path']}"
    assert missed == [] and false_claims == []
