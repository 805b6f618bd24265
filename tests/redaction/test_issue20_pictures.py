"""The two redactions of issue 20, drawn afresh: a two-line address memo must come out with its
building and room covered (the re-check passing is no proof while the engine missed them), and a
plain receipt must redact (its form words are not names once the card number is covered)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from gazoguard.core.fonts import cjk_font_path
from gazoguard.imaging.picture import load_picture
from gazoguard.redaction import redact
from gazoguard.perception.scene import Scene


def _sheet(path: Path, lines: list[str]) -> Path:
    font = ImageFont.truetype(cjk_font_path(), 28)
    image = Image.new("RGB", (900, 60 + 50 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((40, 30 + 50 * i), line, font=font, fill="black")
    image.save(path)
    return path


def _seen(engine, path: Path) -> str:
    text = Scene(load_picture(path), engine.perceptions).text().text
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


@pytest.mark.slow
def test_a_two_line_address_memo_comes_out_without_its_building_and_room(tmp_path: Path, engine):
    source = _sheet(tmp_path / "memo.png", ["住所メモ", "東京都世田谷区桜新町2丁目14番3号", "グランドハイツ桜 305号室", "鈴木 恵美 様"])
    result = redact(source, tmp_path / "out.png", engine=engine)
    assert result.verified
    seen = _seen(engine, tmp_path / "out.png")
    assert "305" not in seen and "ハイツ" not in seen and "桜新町" not in seen


@pytest.mark.slow
def test_a_plain_receipt_with_a_card_and_a_cashier_redacts(tmp_path: Path, engine):
    source = _sheet(tmp_path / "receipt.png", ["ファミリーストア", "担当 鈴木", "クレジット", "番号", "カード番号 4111 1111 1111 1111", "合計 ¥280"])
    result = redact(source, tmp_path / "out.png", engine=engine)
    assert result.verified
    assert "4111" not in _seen(engine, tmp_path / "out.png")
