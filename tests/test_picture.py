"""Decoding hostile and odd files: a clear GazoError or a correct Picture, never a crash, a hang or a bomb."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from gazoguard.detectors import Registry
from gazoguard.detectors.analysis_power import AnalysisPowerDetector
from gazoguard.detectors.hidden_data import HiddenDataDetector
from gazoguard.pipeline.engine import Engine
from gazoguard.core.errors import GazoError
from gazoguard.imaging.picture import MAX_COUNTED_FRAMES, MAX_PIXELS, Picture, decode_bytes, load_picture


# --- file builders -----------------------------------------------------------------------------


def _encoded(im: Image.Image, fmt: str, **params) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format=fmt, **params)
    return buf.getvalue()


def _noise(width: int = 120, height: int = 90, mode: str = "RGB") -> Image.Image:
    rng = np.random.default_rng(7)
    return Image.fromarray(rng.integers(0, 256, (height, width, 3), dtype=np.uint8)).convert(mode)


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def _bilevel_png(width: int, height: int, rows_compressed: int | None = None) -> bytes:
    """A 1-bit PNG of any size without allocating it: zero rows are compressed in chunks."""
    row = b"\x00" * (1 + (width + 7) // 8)
    rows = height if rows_compressed is None else rows_compressed
    comp = zlib.compressobj(1)
    parts, block = [], row * 2000
    for start in range(0, rows, 2000):
        parts.append(comp.compress(block if rows - start >= 2000 else row * (rows - start)))
    parts.append(comp.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", b"".join(parts)) + _png_chunk(b"IEND", b"")


def _tiff(frames: list[tuple[int, int]]) -> bytes:
    """A little-endian bilevel TIFF with one directory per (width, height); pixel data is a few zero bytes."""
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    strip = b"\x00" * 64
    for index, (width, height) in enumerate(frames):
        ifd_at = len(out)
        entries = [
            (256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 1), (259, 3, 1, 1), (262, 3, 1, 1),
            (273, 4, 1, 0), (277, 3, 1, 1), (278, 4, 1, height), (279, 4, 1, len(strip)),
        ]
        size = 2 + 12 * len(entries) + 4
        strip_at = ifd_at + size
        next_ifd = strip_at + len(strip) if index + 1 < len(frames) else 0
        out += struct.pack("<H", len(entries))
        for tag, typ, count, value in entries:
            out += struct.pack("<HHII", tag, typ, count, strip_at if tag == 273 else value)
        out += struct.pack("<I", next_ifd) + strip
    return bytes(out)


def _jpeg_with_size(width: int, height: int) -> bytes:
    data = bytearray(_encoded(_noise(16, 16), "JPEG"))
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _gif_with_screen(width: int, height: int) -> bytes:
    data = bytearray(_encoded(Image.new("P", (4, 4)), "GIF"))
    data[6:10] = struct.pack("<HH", width, height)
    return bytes(data)


def _bmp_with_size(width: int, height: int) -> bytes:
    data = bytearray(_encoded(Image.new("RGB", (4, 4)), "BMP"))
    data[18:26] = struct.pack("<ii", width, height)
    return bytes(data)


def _with_orientation(im: Image.Image, orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return _encoded(im, "JPEG", exif=exif.tobytes(), quality=95)


def _error_code(data: bytes) -> str:
    with pytest.raises(GazoError) as caught:
        decode_bytes(data)
    err = caught.value
    assert err.message_ja and err.message_en and err.code in err.to_dict()["code"]
    return err.code


# --- unreadable input --------------------------------------------------------------------------


def test_zero_bytes_is_empty_file():
    assert _error_code(b"") == "empty_file"


def test_truncated_jpeg_is_reported_as_truncated():
    whole = _encoded(_noise(300, 200), "JPEG", quality=90)
    assert _error_code(whole[: len(whole) // 2]) == "truncated"


def test_text_file_named_jpg_is_not_an_image(tmp_path: Path):
    fake = tmp_path / "holiday.jpg"
    fake.write_text("これは画像ではありません / not a picture\n", encoding="utf-8")
    with pytest.raises(GazoError) as caught:
        load_picture(fake)
    assert caught.value.code == "not_an_image"


def test_formats_outside_the_allow_list_are_refused():
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"
    assert _error_code(eps) == "not_an_image"
    assert _error_code(b"8BPS" + b"\x00" * 40) in ("not_an_image", "decode_failed")


def test_garbage_after_a_valid_signature_is_a_gazo_error():
    for blob in (b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, b"\xff\xd8\xff\xe0" + b"\xff" * 50, b"GIF89a\x01\x00"):
        assert _error_code(blob) in ("not_an_image", "decode_failed", "truncated")


# --- decompression bombs -----------------------------------------------------------------------


def test_pillow_bomb_limit_never_refuses_what_gazoguard_allows():
    assert Image.MAX_IMAGE_PIXELS is not None and Image.MAX_IMAGE_PIXELS >= MAX_PIXELS


def test_30000_square_png_bomb_is_refused_with_its_pixel_count():
    bomb = _bilevel_png(30000, 30000)
    assert len(bomb) < 1_000_000  # tiny file, 900 MP declared
    with pytest.raises(GazoError) as caught:
        decode_bytes(bomb)
    assert caught.value.code == "too_many_pixels"
    assert caught.value.params["pixels"] == 900_000_000
    assert "900,000,000" in caught.value.message_en


@pytest.mark.parametrize(
    "blob",
    [
        _jpeg_with_size(30000, 30000),
        _gif_with_screen(65535, 65535),
        _bmp_with_size(40000, 40000),
        _tiff([(30000, 30000)]),
    ],
    ids=["jpeg", "gif", "bmp", "tiff"],
)
def test_declared_giant_sizes_are_refused_before_decoding(blob: bytes):
    assert _error_code(blob) == "too_many_pixels"


def test_multi_frame_tiff_decodes_only_the_first_frame():
    picture = decode_bytes(_tiff([(64, 8), (30000, 30000), (50, 50)]))
    assert (picture.width, picture.height) == (64, 8)
    assert picture.n_frames == 3


def test_gif_frame_count_is_capped_without_decoding_frames():
    head = bytearray(_encoded(Image.new("P", (4, 4)), "GIF"))[:-1]
    frame = b"\x21\xf9\x04\x00\x01\x00\x00\x00\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00"
    picture = decode_bytes(bytes(head) + frame * (MAX_COUNTED_FRAMES + 50) + b"\x3b")
    assert picture.n_frames == MAX_COUNTED_FRAMES


def test_huge_but_allowed_image_decodes():
    side = 9600  # 92 MP: above Pillow's default bomb warning (89 MP), below gazoguard's limit
    picture = decode_bytes(_bilevel_png(side, side))
    assert (picture.width, picture.height) == (side, side)


# --- odd but valid pictures --------------------------------------------------------------------


def test_one_pixel_image():
    picture = decode_bytes(_encoded(Image.new("RGB", (1, 1), (10, 20, 30)), "PNG"))
    assert (picture.width, picture.height) == (1, 1)
    assert picture.rgb[0, 0].tolist() == [10, 20, 30]


def test_cmyk_jpeg_becomes_rgb():
    red = Image.new("CMYK", (32, 32), (0, 255, 255, 0))
    picture = decode_bytes(_encoded(red, "JPEG", quality=95))
    assert picture.original_mode == "CMYK"
    r, g, b = picture.rgb[16, 16].tolist()
    assert r > 200 and g < 60 and b < 60


def test_16_bit_png_keeps_its_gradient():
    ramp = np.tile(np.linspace(0, 65535, 256, dtype=np.uint16), (8, 1))
    picture = decode_bytes(_encoded(Image.fromarray(ramp), "PNG"))
    assert picture.original_mode.startswith("I")
    row = picture.rgb[4, :, 0].astype(int)
    assert row[0] < 5 and row[-1] > 250 and np.all(np.diff(row) >= 0)


def test_palette_png_with_transparency_is_composited_on_white():
    im = Image.new("P", (10, 10), 0)
    im.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    im.paste(1, (0, 0, 5, 10))
    picture = decode_bytes(_encoded(im, "PNG", transparency=0))
    assert picture.rgb[5, 8].tolist() == [255, 255, 255]  # transparent black -> white
    assert picture.rgb[5, 2].tolist() == [255, 0, 0]


def test_animated_gif_gives_first_frame_and_frame_count():
    frames = [Image.new("RGB", (20, 20), c) for c in ("blue", "red", "green")]
    data = _encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    picture = decode_bytes(data)
    assert picture.n_frames == 3
    r, g, b = picture.rgb[10, 10].tolist()
    assert b > 200 and r < 50


@pytest.mark.parametrize("orientation, marker_corner", [(6, "top_right"), (8, "bottom_left"), (3, "bottom_right")])
def test_exif_orientation_is_applied(orientation: int, marker_corner: str):
    stored = Image.new("RGB", (80, 40), "white")
    stored.paste((255, 0, 0), (0, 0, 16, 16))  # marker at the stored top-left
    picture = decode_bytes(_with_orientation(stored, orientation))
    assert picture.orientation == orientation
    expected_size = (40, 80) if orientation in (6, 8) else (80, 40)
    assert (picture.width, picture.height) == expected_size
    h, w = picture.height, picture.width
    corners = {"top_right": (4, w - 5), "bottom_left": (h - 5, 4), "bottom_right": (h - 5, w - 5)}
    y, x = corners[marker_corner]
    assert picture.rgb[y, x, 0] > 200 and picture.rgb[y, x, 1] < 60


def test_rotated_eval_photo_is_oriented_like_its_face_boxes(eval_dir: Path, eval_manifest):
    rows = {r["path"]: r for r in eval_manifest}
    path = "images/faces/silentface_image_T1.jpg"
    picture = load_picture(eval_dir / path)
    assert picture.orientation in (6, 8)
    assert (picture.width, picture.height) == (int(rows[path]["height"]), int(rows[path]["width"]))


@pytest.mark.parametrize("fmt", ["TIFF", "WEBP", "BMP", "PNG", "JPEG"])
def test_common_formats_decode(fmt: str):
    picture = decode_bytes(_encoded(_noise(64, 48), fmt))
    assert (picture.width, picture.height, picture.format) == (64, 48, fmt)
    assert picture.rgb.shape == (48, 64, 3) and picture.rgb.dtype == np.uint8


def test_heic_decodes():
    pytest.importorskip("pillow_heif")
    picture = decode_bytes(_encoded(_noise(64, 48), "HEIF", quality=60))
    assert picture.format == "HEIF"
    assert (picture.width, picture.height) == (64, 48)


def test_pil_images_of_any_mode_are_accepted():
    for mode in ("CMYK", "YCbCr", "LAB", "F", "I;16", "LA", "1"):
        picture = load_picture(Image.new(mode, (8, 6)))
        assert isinstance(picture, Picture) and picture.rgb.shape == (6, 8, 3)


# --- the engine turns every unreadable file into an error report -------------------------------


@pytest.fixture(scope="module")
def light_engine():
    eng = Engine(Registry([HiddenDataDetector(), AnalysisPowerDetector()]), perceptions={})
    yield eng
    eng.close()


@pytest.mark.parametrize(
    "name, blob, code",
    [
        ("empty.jpg", b"", "empty_file"),
        ("text.jpg", b"hello, not an image", "not_an_image"),
        ("bomb.png", _bilevel_png(30000, 30000, rows_compressed=10), "too_many_pixels"),
        ("cut.jpg", _encoded(_noise(300, 200), "JPEG")[:3000], "truncated"),
    ],
)
def test_engine_check_returns_error_report(engine: Engine, tmp_path: Path, name: str, blob: bytes, code: str):
    """The full default engine: no detector runs on an unreadable file, so this stays fast."""
    path = tmp_path / name
    path.write_bytes(blob)
    report = engine.check(path)
    assert not report.ok and report.error is not None and report.error.code == code
    out = report.to_dict()
    assert out["error"]["code"] == code and out["error"]["message_ja"]


def test_engine_check_on_odd_valid_files(light_engine: Engine, tmp_path: Path):
    odd = {
        "one.png": _encoded(Image.new("RGB", (1, 1)), "PNG"),
        "cmyk.jpg": _encoded(Image.new("CMYK", (20, 20)), "JPEG"),
        "anim.gif": _encoded(Image.new("RGB", (9, 9)), "GIF", save_all=True, append_images=[Image.new("RGB", (9, 9), "red")]),
        "multi.tif": _tiff([(16, 16), (30000, 30000)]),
        "photo.webp": _encoded(_noise(), "WEBP"),
    }
    for name, blob in odd.items():
        path = tmp_path / name
        path.write_bytes(blob)
        report = light_engine.check(path)
        assert report.ok, (name, report.error)
        assert all(r.status.value == "ok" for r in report.runs), (name, report.runs)
