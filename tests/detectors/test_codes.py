"""The codes detector: QR codes and barcodes made here with zxing-cpp, and real photos from the eval set."""

from __future__ import annotations


import numpy as np
import pytest
from PIL import Image

from gazoguard.detectors.codes import CodesDetector, normalise_newlines, read_codes
from gazoguard.imaging.picture import load_picture

zxingcpp = pytest.importorskip("zxingcpp")


def code_image(content: str, fmt=None, *, scale: int = 4, canvas: tuple[int, int] = (400, 300), at=(40, 30)) -> Image.Image:
    """A generated code pasted on a light-grey canvas, so the box position is known."""
    barcode = zxingcpp.create_barcode(content, fmt or zxingcpp.BarcodeFormat.QRCode)
    symbol = Image.fromarray(np.asarray(barcode.to_image(scale=scale))).convert("RGB")
    page = Image.new("RGB", canvas, (235, 235, 235))
    page.paste(symbol, at)
    return page


@pytest.fixture(scope="module")
def detector() -> CodesDetector:
    d = CodesDetector()
    d.ensure_loaded()
    return d


def detect(detector: CodesDetector, image: Image.Image):
    return detector.detect(load_picture(image), scene=None)


def test_wifi_qr_reports_ssid_and_password_presence_but_never_the_password(detector):
    findings = detect(detector, code_image("WIFI:S:cafe-guest;T:WPA;P:hunter2pass;;"))
    assert len(findings) == 1
    f = findings[0]
    assert (f.kind, f.category, f.detector) == ("qr_code", "code", "codes")
    assert f.attrs["format"] == "QRCode"
    assert f.attrs["payload_type"] == "wifi"
    assert f.attrs["ssid"] == "cafe-guest"
    assert f.attrs["has_password"] is True
    assert "hunter2pass" not in repr(dict(f.attrs))


def test_line_qr_box_covers_the_pasted_symbol(detector):
    image = code_image("https://line.me/ti/p/~yamada_taro", at=(120, 60))
    (f,) = detect(detector, image)
    assert f.attrs["payload_type"] == "line_id"
    assert f.text == "https://line.me/ti/p/~yamada_taro"
    x0, y0, x1, y1 = f.box
    # the symbol (quiet zone included) starts at (120, 60); the box is the finder-pattern corners inside it
    assert 120 <= x0 < 150 and 60 <= y0 < 90
    assert x1 - x0 == pytest.approx(y1 - y0, abs=3)


def test_two_codes_in_one_picture_are_two_findings(detector):
    page = Image.new("RGB", (700, 300), (240, 240, 240))
    page.paste(code_image("tel:+81312345678", canvas=(300, 260), at=(20, 20)), (0, 0))
    page.paste(code_image("https://example.com/?token=abc", canvas=(300, 260), at=(20, 20)), (380, 0))
    findings = sorted(detect(detector, page), key=lambda f: f.box[0])
    assert [f.attrs["payload_type"] for f in findings] == ["phone", "url_with_token"]
    assert findings[1].box[0] >= 380


def test_one_dimensional_barcode_is_a_barcode_finding(detector):
    image = code_image("4901234567894", zxingcpp.BarcodeFormat.EAN13, scale=3, canvas=(500, 200))
    (f,) = detect(detector, image)
    assert (f.kind, f.attrs["format"], f.text) == ("barcode", "EAN13", "4901234567894")
    assert f.attrs["payload_type"] == "text"


def test_large_picture_with_small_code_is_read(detector):
    image = code_image("https://lin.ee/AbCdEf1", scale=5, canvas=(3000, 2200), at=(2500, 1800))
    (f,) = detect(detector, image)
    assert f.attrs["payload_type"] == "line_id"
    assert f.box[0] >= 2500


def test_plain_picture_has_no_codes(detector):
    assert detect(detector, Image.new("RGB", (640, 480), (120, 160, 200))) == []


def test_crlf_payloads_are_normalised():
    assert normalise_newlines("a\r\nb\rc\n") == "a\nb\nc\n"


def test_eval_qr_payloads_are_decoded_exactly(eval_dir, eval_manifest):
    rows = [r for r in eval_manifest if r["has_qr"] == "true" and r["path"].startswith("images/qr_barcode/")][:4]
    assert rows, "no QR rows in the eval manifest"
    for row in rows:
        picture = load_picture(eval_dir / row["path"])
        texts = [code.text.rstrip("\n") for code in read_codes(picture.rgb)]
        assert row["qr_payloads"].rstrip("\n") in texts, row["path"]


def test_eval_ean13_on_a_food_can(eval_dir):
    picture = load_picture(eval_dir / "images/qr_barcode/zxing_ean13-1_1.png")
    codes = read_codes(picture.rgb)
    assert ("EAN13", "8413000065504") in [(c.format, c.text) for c in codes]


def _faint_small_qr_scene(payloads: list[str], scale: float = 0.6, contrast: float = 0.15):
    """Codes about 40 px wide (~1.2 px a module), printed grey on grey, on a noisy page."""
    import cv2
    import zxingcpp

    canvas = np.full((900, 1200), 140, np.float32)
    for i, payload in enumerate(payloads):
        qr = np.array(zxingcpp.write_barcode_to_image(zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode), scale=1))
        side = round(scale * 2 * qr.shape[0])  # modules of about 1.2 px (scale 0.6)
        q = cv2.resize(qr, (side, side), interpolation=cv2.INTER_AREA).astype(np.float32)
        y, x = 300 + 300 * i, 500 - 400 * i
        canvas[y : y + q.shape[0], x : x + q.shape[1]] = 128 + (q - 128) * contrast
    canvas += np.random.default_rng(1).normal(0, 4, canvas.shape)
    return cv2.cvtColor(np.clip(canvas, 0, 255).astype(np.uint8), cv2.COLOR_GRAY2RGB)


def test_small_faint_codes_are_read_from_enlarged_patches_several_per_picture():
    from gazoguard.detectors.codes import read_codes

    payloads = ["https://example.com/u/12345", "https://example.com/u/67890"]
    assert sorted(c.text for c in read_codes(_faint_small_qr_scene(payloads))) == payloads


def test_a_page_without_codes_yields_none_from_the_patch_retries():
    from gazoguard.detectors.codes import read_codes

    assert read_codes(_faint_small_qr_scene([])) == []
