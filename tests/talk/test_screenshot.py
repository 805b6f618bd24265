"""A chat screenshot rendered with Pillow goes through the engine's OCR into messages with sides."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from gazoguard.core.levels import Level

WIDTH, HEIGHT = 720, 900
BUBBLES = [  # side, lines
    ("other", ["はじめまして！"]),
    ("self", ["よろしくね"]),
    ("other", ["写真拡散されたく", "なかったら5万払え"]),
    ("self", ["やめてください"]),
    ("other", ["お前の学校にも送るからな"]),
]


def _font_path() -> Path:
    import matplotlib_fontja

    found = sorted(Path(matplotlib_fontja.__file__).parent.rglob("ipaexg.ttf"))
    if not found:
        pytest.skip("IPAex Gothic not installed")
    return found[0]


def render_chat(path: Path) -> Path:
    font = ImageFont.truetype(str(_font_path()), 34)
    image = Image.new("RGB", (WIDTH, HEIGHT), (140, 170, 210))
    draw = ImageDraw.Draw(image)
    draw.text((20, 14), "21:03", font=ImageFont.truetype(str(_font_path()), 22), fill=(40, 40, 40))
    y = 70
    for side, lines in BUBBLES:
        w = max(draw.textlength(line, font=font) for line in lines) + 40
        h = 48 * len(lines) + 20
        x = WIDTH - 30 - w if side == "self" else 30
        colour = (130, 230, 110) if side == "self" else (255, 255, 255)
        draw.rounded_rectangle((x, y, x + w, y + h), radius=22, fill=colour)
        for i, line in enumerate(lines):
            draw.text((x + 20, y + 12 + 48 * i), line, font=font, fill=(0, 0, 0))
        y += h + 40
    image.save(path)
    return path


@pytest.fixture(scope="module")
def screenshot(tmp_path_factory) -> Path:
    return render_chat(tmp_path_factory.mktemp("talk") / "chat.png")


def test_screenshot_bubbles_become_messages_with_sides(screenshot):
    from gazoguard.talk.screenshot import messages_from_screenshots

    messages = messages_from_screenshots([screenshot])
    assert [m.role for m in messages] == [side for side, _ in BUBBLES]
    assert "なかったら5万払え" in messages[2].text.replace(" ", "")  # two lines joined into one bubble
    assert messages[0].source == "chat.png#bubble1"


def test_screenshot_is_checked_like_text(screenshot):
    from gazoguard.talk import check_screenshots

    result = check_screenshots([screenshot])
    assert result.level is Level.BLOCK
    assert {"threat", "extortion"} <= {h.label for _, h in result.hits}
