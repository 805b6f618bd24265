"""The personal_text detector on real OCR: a generated Japanese form and a slice of the eval set."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFont

from gazoguard.detectors.personal_text import PersonalTextDetector
from gazoguard.core.fonts import cjk_font_path
from gazoguard.perception import builtin_perceptions
from gazoguard.imaging.picture import decode_bytes, load_picture
from gazoguard.perception.scene import Scene

pytestmark = pytest.mark.slow  # real OCR and GiNZA: seconds per picture

FONT_PX = 36
FORM = [
    ("氏名 ", "山田太郎", "person_name"),
    ("住所 ", "東京都千代田区千代田1-1", "address"),
    ("電話 ", "090-1234-5678", "phone"),
    ("メール ", "taro@example.com", "email"),
]


@pytest.fixture(scope="module")
def detector() -> PersonalTextDetector:
    d = PersonalTextDetector()
    d.ensure_loaded()
    return d


@pytest.fixture(scope="module")
def perceptions():
    return builtin_perceptions()


def _render_form() -> tuple[bytes, dict[str, tuple[int, int, int, int]]]:
    """A white card with one labelled value per line; returns the PNG and each value's pixel box."""
    path = cjk_font_path()
    if path is None:
        pytest.skip("no CJK font (matplotlib-fontja) installed")
    font = ImageFont.truetype(path, FONT_PX)
    image = Image.new("RGB", (900, 80 + 70 * len(FORM)), "white")
    draw = ImageDraw.Draw(image)
    boxes = {}
    for i, (label, value, kind) in enumerate(FORM):
        y = 40 + 70 * i
        draw.text((40, y), label, font=font, fill="black")
        x = 40 + draw.textlength(label, font=font) + 20
        draw.text((x, y), value, font=font, fill="black")
        boxes[kind] = draw.textbbox((x, y), value, font=font)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue(), boxes


def _lies_over(found: tuple[int, int, int, int], ink: tuple[float, float, float, float], char_px: int) -> bool:
    """Left and right edges within half a character of the ink; vertically around it (OCR boxes carry line height)."""
    centre_y = (ink[1] + ink[3]) / 2
    return (
        abs(found[0] - ink[0]) <= char_px / 2
        and abs(found[2] - ink[2]) <= char_px / 2
        and found[1] <= centre_y <= found[3]
        and (found[3] - found[1]) <= 2.5 * (ink[3] - ink[1])
    )


def test_generated_form_each_kind_boxed_over_its_characters(detector, perceptions):
    data, truth = _render_form()
    picture = decode_bytes(data)
    findings = detector.detect(picture, Scene(picture, perceptions))
    by_kind = {f.kind: f for f in findings}
    for _, value, kind in FORM:
        assert kind in by_kind, f"{kind} not found in {[(f.kind, f.text) for f in findings]}"
        finding = by_kind[kind]
        assert finding.text.replace(" ", "") == value
        # exactly the value's characters: not the label beside it, not the line below
        assert _lies_over(finding.box, truth[kind], FONT_PX), (kind, finding.box, truth[kind])


@pytest.mark.parametrize(
    "rel, expected",
    [
        (
            "images/ja_text/yomitoku_gallery5_licence.jpg",
            {("person_name", "日本花子"), ("drivers_licence", "012345678900"), ("birthdate", "昭和61年\n5月1日生")},
        ),
        ("images/en_pii/presidio_ocr_test.png", {("person_name", "David Johnson"), ("email", "opencode@microsoft.com"), ("phone", "(212) 555-1234")}),
    ],
)
def test_real_eval_images(detector, perceptions, eval_dir, rel, expected):
    picture = load_picture(str(eval_dir / rel))
    findings = detector.detect(picture, Scene(picture, perceptions))
    got = {(f.kind, f.text) for f in findings}
    assert expected <= got, got
    for f in findings:
        assert f.box is not None and f.box[2] > f.box[0] and f.box[3] > f.box[1]
        if "\n" in f.text:
            assert len(f.attrs["line_boxes"]) == f.text.count("\n") + 1
