"""A small locker with an eval photo, a generated PNG, a saved web page and a file-less record."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from gazoguard.evidence import ItemDetails, Locker


def _generated_png() -> bytes:
    im = Image.new("RGB", (200, 120), (240, 240, 255))
    ImageDraw.Draw(im).rectangle((20, 20, 120, 90), fill=(200, 30, 30))
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture
def sources(tmp_path: Path, eval_dir: Path) -> dict[str, Path]:
    src = tmp_path / "src"
    src.mkdir()
    photo = sorted((eval_dir / "images" / "benign").iterdir())[0]
    paths = {"photo": src / ("脅迫_" + photo.name), "png": src / "leak.png", "page": src / "post.html"}
    paths["photo"].write_bytes(photo.read_bytes())
    paths["png"].write_bytes(_generated_png())
    paths["page"].write_text("<html><body>晒し投稿 / leaked post</body></html>", encoding="utf-8")
    return paths


@pytest.fixture
def locker(tmp_path: Path, sources: dict[str, Path]) -> Locker:
    lk = Locker.init(tmp_path / "locker")
    lk.add_files([sources["photo"]], ItemDetails(url="https://example.com/p/1", sender="@threat", note="脅迫の画面"))
    lk.add_files([sources["png"]], ItemDetails(sensitive="sexual", note="流出した画像"))
    lk.add_files([sources["page"]], ItemDetails(url="https://example.com/p/2"))
    lk.add_record(ItemDetails(report_no="REP-0042", note="プラットフォームに通報済み"))
    return lk
