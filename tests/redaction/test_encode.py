"""The fresh re-encode: nothing of the original container survives (bytes checked directly and with exiftool)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import ExifTags, Image, ImageCms, ImageDraw

from gazoguard.imaging.picture import decode_bytes, load_picture
from gazoguard.redaction import redact
from gazoguard.redaction.container import container_problems
from gazoguard.redaction.encode import default_output_path, encode, format_for_path, srgb_image
from gazoguard.redaction.errors import RedactionError
from exif_bytes import ExifIFD, GPSIFD, ImageIFD, dump_exif, embedded_thumbnail

TAIL = b"SECRET-UNCROPPED-TAIL" * 50

# what exiftool may report for a bare file: its structure, nothing about the picture's origin
ALLOWED_GROUPS = {"SourceFile", "ExifTool", "System", "File", "Composite"}
ALLOWED_TAGS = {
    "JFIF": {"JFIFVersion", "ResolutionUnit", "XResolution", "YResolution"},
    "PNG": {"ImageWidth", "ImageHeight", "BitDepth", "ColorType", "Compression", "Filter", "Interlace"},
    "RIFF": {"VP8Version", "ImageWidth", "ImageHeight", "HorizontalScale", "VerticalScale"},
}


def _scene() -> Image.Image:
    """A 'full' scene whose right part will be cropped away from the main image."""
    scene = Image.new("RGB", (800, 400), (230, 230, 230))
    draw = ImageDraw.Draw(scene)
    draw.rectangle((20, 20, 380, 380), fill=(30, 90, 200))
    draw.rectangle((500, 50, 780, 350), fill=(220, 20, 20))  # the part that gets cropped out
    return scene


def leaky_jpeg() -> bytes:
    """A cropped JPEG with an EXIF thumbnail of the uncropped scene, GPS, a comment and trailing bytes."""
    scene = _scene()
    thumb = io.BytesIO()
    scene.resize((160, 80)).save(thumb, format="JPEG")
    exif = dump_exif(
        {
            "0th": {ImageIFD.Make: b"TestCam", ImageIFD.Orientation: 1},
            "Exif": {ExifIFD.DateTimeOriginal: b"2024:01:02 03:04:05"},
            "GPS": {GPSIFD.GPSLatitudeRef: b"N", GPSIFD.GPSLatitude: ((35, 1), (41, 1), (0, 1))},
            "thumbnail": thumb.getvalue(),
        }
    )
    main = io.BytesIO()
    scene.crop((0, 0, 400, 400)).save(main, format="JPEG", exif=exif, comment=b"taken at home")
    return main.getvalue() + TAIL + thumb.getvalue()  # aCropalypse: old bytes left after EOI


def jpeg_segments(data: bytes) -> list[int]:
    """Markers of the segments before the first scan (an independent, minimal walker)."""
    markers, pos = [], 2
    while pos < len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        markers.append(marker)
        if marker == 0xDA:
            break
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    return markers


def test_leaky_input_really_leaks():
    data = leaky_jpeg()
    assert embedded_thumbnail(data)
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert 0xE1 in jpeg_segments(data)
    assert data.count(b"\xff\xd9") >= 3
    assert TAIL in data


def test_trailing_bytes_and_exif_thumbnail_are_gone(tmp_path: Path, test_engine):
    source = tmp_path / "cropped.jpg"
    source.write_bytes(leaky_jpeg())
    result = redact(source, engine=test_engine, kinds=["hidden_data", "gps"])
    out = Path(result.output).read_bytes()
    assert out.count(b"\xff\xd9") == 1 and out.endswith(b"\xff\xd9")
    assert 0xE1 not in jpeg_segments(out) and 0xFE not in jpeg_segments(out)
    assert b"Exif\x00\x00" not in out and TAIL[:20] not in out
    exif = Image.open(io.BytesIO(out)).getexif()
    assert embedded_thumbnail(out) is None and not exif.get_ifd(ExifTags.IFD.GPSInfo) and not dict(exif)
    assert container_problems(out) == []
    assert {k for _, k in result.stripped} >= {"thumbnail", "trailing_data", "gps"}
    assert result.verified


def test_orientation_is_baked_into_the_pixels(tmp_path: Path):
    wide = Image.new("RGB", (300, 100), (255, 255, 255))
    ImageDraw.Draw(wide).rectangle((0, 0, 49, 99), fill=(255, 0, 0))  # red on the stored left edge
    buf = io.BytesIO()
    orientation = Image.Exif()
    orientation[0x0112] = 6
    wide.save(buf, format="JPEG", exif=orientation)
    picture = decode_bytes(buf.getvalue())
    out = Image.open(io.BytesIO(encode(srgb_image(picture), "JPEG")))
    assert out.size == (100, 300)  # rotated as displayed
    assert not out.getexif()
    top = np.asarray(out.convert("RGB"))[:40, 50].astype(int)
    assert top[:, 0].mean() > 200 and top[:, 1].mean() < 60  # orientation 6: stored left edge is shown on top


def test_icc_profile_is_converted_to_srgb_and_not_written(eval_dir: Path):
    picture = load_picture(eval_dir / "images/benign/easyocr_french.jpg")  # Adobe RGB (1998)
    icc = picture.info["icc_profile"]
    converted = srgb_image(picture)
    expected = ImageCms.profileToProfile(
        picture.image, ImageCms.ImageCmsProfile(io.BytesIO(icc)), ImageCms.createProfile("sRGB"), outputMode="RGB"
    )
    assert np.array_equal(np.asarray(converted), np.asarray(expected))
    assert not np.array_equal(np.asarray(converted), np.asarray(picture.image))
    for fmt in ("JPEG", "PNG", "WEBP"):
        data = encode(converted, fmt)
        assert "icc_profile" not in Image.open(io.BytesIO(data)).info
        assert container_problems(data) == []


def test_output_suffixes():
    assert format_for_path("a.JPG") == "JPEG" and format_for_path("a.webp") == "WEBP"
    assert default_output_path("/x/photo.jpeg") == Path("/x/photo.redacted.jpeg")
    assert default_output_path("/x/photo.heic") == Path("/x/photo.redacted.heic.jpg")
    assert default_output_path("/x/scan.tiff") == Path("/x/scan.redacted.tiff.png")


def test_default_output_names_of_two_sources_never_collide():
    """Issue 21 item 13: a.gif and a.tif both became a.redacted.png, the second replacing the first."""
    names = ["a.gif", "a.tif", "a.tiff", "a.bmp", "a.png", "a.heic", "a.avif", "a.jpg", "a.JPG", "a.webp", "a"]
    outputs = [default_output_path(f"/x/{n}") for n in names]
    assert len(set(outputs)) == len(outputs)
    assert not set(outputs) & {Path(f"/x/{n}") for n in names}
    for bad in ("a.gif", "a.tiff", "a.heic", "noext"):
        with pytest.raises(RedactionError) as info:
            format_for_path(bad)
        assert info.value.code == "unsupported_output_format"


@pytest.mark.parametrize("flaw, problem", [(b"", None), (b"tail", "trailing"), (b"\xff\xfe\x00\x05hi!", "COM")])
def test_container_walker_sees_what_pillow_hides(flaw, problem):
    clean = encode(Image.new("RGB", (32, 32), (9, 9, 9)), "JPEG")
    if problem == "COM":
        data = clean[:20] + flaw + clean[20:]
    else:
        data = clean + flaw
    problems = container_problems(data)
    assert (problems == []) if problem is None else any(problem in p for p in problems)


def _exiftool_tags(path: Path) -> dict[str, object]:
    out = subprocess.run(["exiftool", "-j", "-G1", "-a", str(path)], capture_output=True, check=True, text=True)
    return json.loads(out.stdout)[0]


@pytest.mark.skipif(
    shutil.which("exiftool") is None, reason="exiftool missing: apt-get install -y libimage-exiftool-perl"
)
def test_exiftool_sees_no_metadata_in_any_output(tmp_path: Path, eval_dir: Path, test_engine):
    leaky = tmp_path / "leaky.jpg"
    leaky.write_bytes(leaky_jpeg())
    sources = [
        leaky,
        eval_dir / "images/exif/exifsamples_gps_DSCN0010.jpg",  # camera EXIF, GPS, XMP, maker notes
        eval_dir / "images/en_pii/passporteye_0_id-esp.png",  # PNG text, XMP, transparency
        eval_dir / "images/benign/skimage_rocket.jpg",  # ICC profile and a comment
    ]
    checked = 0
    for source in sources:
        for suffix in (".jpg", ".png", ".webp"):
            target = tmp_path / f"{source.stem}.out{suffix}"
            redact(source, target, engine=test_engine, kinds=["hidden_data", "gps"])
            for key in _exiftool_tags(target):
                group, _, tag = key.partition(":")
                assert group in ALLOWED_GROUPS or tag in ALLOWED_TAGS.get(group, ()), f"{target.name}: {key}"
            checked += 1
    assert checked == 12
