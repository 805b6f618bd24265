"""Screens: rendered UI pictures with interface signs, lit screens in a dark frame, and what is readable."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from gazoguard.detectors.screens import ScreenDetector, has_status_bar, readable_items
from gazoguard.picture import load_picture
from gazoguard.scene import Scene
from gazoguard.textlayout import Char, TextLayout
from gazoguard.vision.flatness import measure
from gazoguard.vision.small import sample_rgb


def layout(*lines: str, x: int = 20, y: int = 4, char_w: int = 12, line_h: int = 18) -> TextLayout:
    rows = []
    for i, text in enumerate(lines):
        top = y + i * (line_h + 40)
        rows.append([Char(ch, (x + k * char_w, top, x + (k + 1) * char_w, top + line_h), i, 0.99) for k, ch in enumerate(text)])
    return TextLayout(rows)


class FakeScene:
    def __init__(self, text: TextLayout) -> None:
        self._text = text

    def text(self) -> TextLayout:
        return self._text

    def faces(self):
        raise NotImplementedError


@pytest.fixture(scope="module")
def detector() -> ScreenDetector:
    d = ScreenDetector()
    d.ensure_loaded()
    return d


def chat_screenshot(size=(750, 1334)) -> Image.Image:
    """A dark-mode chat app: status bar, header, bubbles, input box — all flat fills and straight edges."""
    im = Image.new("RGB", size, (30, 32, 36))
    d = ImageDraw.Draw(im)
    w, h = size
    d.rectangle((0, 0, w, 60), fill=(20, 20, 24))
    d.rectangle((0, 60, w, 160), fill=(44, 48, 56))
    d.line((0, 160, w, 160), fill=(90, 90, 100), width=2)
    for i in range(6):
        top = 200 + i * 170
        if i % 2:
            d.rectangle((w - 420, top, w - 40, top + 110), fill=(6, 199, 85))
        else:
            d.rectangle((40, top, 420, top + 110), fill=(70, 74, 82))
    d.rectangle((0, h - 120, w, h), fill=(44, 48, 56))
    d.rectangle((30, h - 95, w - 150, h - 30), outline=(120, 120, 130), width=2)
    return im


def camera_photo(size=(1200, 900), seed: int = 1) -> Image.Image:
    rng = np.random.default_rng(seed)
    base = np.linspace(60, 200, size[0])[None, :, None].repeat(size[1], 0).repeat(3, 2)
    return Image.fromarray((base + rng.normal(0, 6, base.shape)).clip(0, 255).astype(np.uint8))


def printed_page(size=(1240, 1754)) -> Image.Image:
    im = Image.new("RGB", size, (255, 255, 255))
    d = ImageDraw.Draw(im)
    for i in range(12):
        d.line((100, 200 + i * 100, size[0] - 100, 200 + i * 100), fill=(0, 0, 0), width=2)
    d.line((400, 200, 400, 1300), fill=(0, 0, 0), width=2)
    return im


def test_chat_screenshot_is_a_screenshot_with_readable_names_and_times(detector):
    text = layout("12:34 LTE 87%", "山田花子", "Hanako: 明日どうする?", "既読 12:30", "メッセージを入力")
    found = detector.detect(load_picture(chat_screenshot()), FakeScene(text))
    assert len(found) == 1
    f = found[0]
    assert (f.kind, f.category, f.attrs["screen_type"]) == ("screen", "screen", "screenshot")
    assert f.box == (0, 0, 750, 1334)
    assert "status_bar" in f.attrs["signals"] and "device_size" in f.attrs["signals"]
    readable = {(r["type"], r["text"]) for r in f.attrs["readable"]}
    assert ("time", "12:34") in readable and ("chat_name", "Hanako") in readable
    assert "既読" in f.attrs["ui_words"]


def test_interface_words_on_a_camera_photo_do_not_make_a_screenshot(detector):
    text = layout("Search", "Download", "Cancel")
    assert detector.detect(load_picture(camera_photo()), FakeScene(text)) == []


def test_flat_ruled_printed_page_is_not_a_screen(detector):
    text = layout("施設利用申込書", "氏名", "住所", "電話番号")
    assert detector.detect(load_picture(printed_page()), FakeScene(text)) == []


def test_the_same_page_with_interface_words_is_a_screenshot(detector):
    text = layout("Table view", "Download", "Search", "9 columns, 20 rows")
    found = detector.detect(load_picture(printed_page()), FakeScene(text))
    assert found and found[0].attrs["screen_type"] == "screenshot"


def test_lit_screen_in_a_dark_frame_is_a_photo_of_a_screen(detector):
    rng = np.random.default_rng(7)
    pixels = rng.normal(45, 8, (900, 1200, 3))
    pixels[200:650, 250:1010] = rng.normal(215, 10, (450, 760, 3))  # 760/450 ≈ 16:9.5, lit
    found = detector.detect(load_picture(Image.fromarray(pixels.clip(0, 255).astype(np.uint8))), FakeScene(layout()))
    assert len(found) == 1 and found[0].attrs["screen_type"] == "photo_of_screen"
    x0, y0, x1, y1 = found[0].box
    assert abs(x0 - 250) <= 8 and abs(y0 - 200) <= 8 and abs(x1 - 1010) <= 8 and abs(y1 - 650) <= 8


def test_status_bar_needs_a_clock_at_the_top_with_battery_or_network():
    assert has_status_bar(layout("9:41 100%"), height=1334)
    assert not has_status_bar(layout("9:41"), height=1334)
    assert not has_status_bar(layout("", "", "", "", "", "", "9:41 100%"), height=300)


def test_readable_items_skip_plain_sentences():
    items = readable_items(layout("We met at 10:30 near www.example.com", "This line: is a sentence with spaces in the head? no"))
    kinds = {i["type"] for i in items}
    assert kinds == {"time", "url"}


def test_flatness_separates_eval_screenshots_from_camera_photos(eval_dir):
    shot = measure(sample_rgb(load_picture(eval_dir / "images/screens/presidio_llm_chat.png")))
    photo = measure(sample_rgb(load_picture(eval_dir / "images/exif/exifsamples_gps_DSCN0010.jpg")))
    assert shot.flat > 0.6 and shot.straight_lines >= 3
    assert photo.flat < 0.2 and photo.straight_lines == 0


@pytest.mark.slow
def test_eval_screenshots_are_found_and_flat_documents_are_not(eval_dir, eval_manifest, engine, detector):
    screenshots = [r for r in eval_manifest if r["doc_kind"] == "screen"]
    documents = [r for r in eval_manifest if r["category"] == "ja_text" and r["is_screen"] == "false"][:4]
    assert screenshots and documents
    for row in screenshots + documents:
        picture = load_picture(eval_dir / row["path"])
        found = detector.detect(picture, Scene(picture, engine.perceptions))  # no engine timeout on a busy machine
        assert bool(found) == (row["is_screen"] == "true"), row["path"]
