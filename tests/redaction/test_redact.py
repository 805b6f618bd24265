"""End to end: findings covered, the re-check passes, and failures leave nothing behind."""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PIL import Image, ImageDraw

from gazoguard.core.fonts import cjk_font
from gazoguard.redaction import RedactionError, redact
from gazoguard.redaction import cover as cover_module

PHONE = "090-1234-5678"


def _phone_card(path: Path) -> Path:
    image = Image.new("RGB", (900, 260), "white")
    draw = ImageDraw.Draw(image)
    draw.text((40, 40), "山田太郎の連絡先", fill="black", font=cjk_font(48))
    draw.text((40, 140), f"電話 {PHONE}", fill="black", font=cjk_font(56))
    image.save(path)
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_faces_are_pixelated_until_the_detector_no_longer_fires(eval_dir: Path, tmp_path: Path, test_engine):
    source = eval_dir / "images/faces/fr_two_people.jpg"
    digest = _sha(source)
    report = test_engine.check(source, detectors=["test_faces"])
    assert len([f for f in report.findings if f.kind == "face"]) == 2
    result = redact(source, tmp_path / "two.jpg", engine=test_engine, kinds=["face"], report=report)
    assert result.verified and result.verification.detectors == ("test_faces",)
    assert [c.method.value for c in result.covers if c.pass_no == 1] == ["blur", "blur"]
    recheck = test_engine.check(tmp_path / "two.jpg", detectors=["test_faces"])
    assert not [f for f in recheck.findings if f.kind == "face"]
    assert _sha(source) == digest  # the original is never modified


def test_fill_option_covers_faces_solid(eval_dir: Path, test_engine):
    data = (eval_dir / "images/faces/fr_obama-240p.jpg").read_bytes()
    result = redact(data, engine=test_engine, kinds=["face"], solid=True)
    assert result.output is None and result.data  # in memory: nothing written
    pixels = np.asarray(Image.open(io.BytesIO(result.data)).convert("RGB")).astype(int)
    for cover in result.covers:
        x0, y0, x1, y1 = cover.boxes[0]
        assert cover.method.value == "fill"
        assert pixels[y0 + 2 : y1 - 2, x0 + 2 : x1 - 2].max() < 40  # black, give or take JPEG ringing


def test_qr_code_no_longer_decodes(eval_dir: Path, tmp_path: Path, test_engine):
    source = eval_dir / "images/qr_barcode/zxing_qrcode-1_1.png"
    assert zxingcpp.read_barcodes(Image.open(source).convert("RGB"))
    result = redact(source, tmp_path / "qr.png", engine=test_engine, kinds=["code"])
    assert [c.kind for c in result.covers] == ["qr_code"]
    assert zxingcpp.read_barcodes(Image.open(tmp_path / "qr.png").convert("RGB")) == []


@pytest.mark.slow
def test_phone_number_is_filled_and_ocr_no_longer_reads_it(tmp_path: Path, test_engine):
    source = _phone_card(tmp_path / "card.png")
    result = redact(source, engine=test_engine, kinds=["phone"])
    assert [c.kind for c in result.covers] == ["phone"]
    from gazoguard.imaging.picture import load_picture
    from gazoguard.perception.scene import Scene

    text = Scene(load_picture(result.output), test_engine.perceptions).text().text
    assert "1234" not in text and "5678" not in text
    assert "山田" in text  # only the number was covered, the rest stays readable


def test_leftover_gets_one_solid_pass_and_the_result_says_so(eval_dir: Path, tmp_path: Path, test_engine, monkeypatch):
    real_blur = cover_module.blur_region
    monkeypatch.setattr(cover_module, "blur_region", lambda image, box, **kw: real_blur(image, box, blocks=60, blur=0))
    result = redact(eval_dir / "images/faces/fr_two_people.jpg", tmp_path / "x.jpg", engine=test_engine, kinds=["face"])
    assert result.passes == 2 and result.to_dict()["second_pass"] is True
    assert {c.method.value for c in result.covers if c.pass_no == 2} == {"fill"}
    assert result.verified


def test_verification_failure_raises_and_writes_nothing(eval_dir: Path, tmp_path: Path, test_engine, monkeypatch):
    monkeypatch.setattr(cover_module, "fill", lambda draw, box: None)  # a broken cover: nothing gets painted
    monkeypatch.setattr(cover_module, "blur_region", lambda image, box, **kw: None)
    source = eval_dir / "images/qr_barcode/zxing_qrcode-1_1.png"
    with pytest.raises(RedactionError) as info:
        redact(source, tmp_path / "qr.png", engine=test_engine, kinds=["qr_code"], preview_dir=tmp_path / "preview")
    err = info.value
    assert err.code == "verify_failed"
    assert "QR" in err.message_ja and "QR code" in err.message_en
    assert [f.kind for f in err.leftovers] == ["qr_code"]
    assert os.listdir(tmp_path) == []


@pytest.mark.slow
def test_result_says_what_where_how_and_that_the_recheck_passed(tmp_path: Path, test_engine):
    source = _phone_card(tmp_path / "card.png")
    result = redact(
        source, engine=test_engine, kinds=["phone", "hidden_data"], preview_dir=tmp_path / "preview", max_side=600
    )
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["schema"] == "gazoguard.redaction/1"
    assert data["verified"] and data["complete"] and data["verification"]["passed"]
    (covered,) = data["covered"]
    assert covered["kind"] == "phone" and covered["method"] == "fill" and covered["boxes"]
    assert covered["label_ja"] == "電話番号"
    assert data["size_out"][0] == 600 and data["scale"] == pytest.approx(600 / 900)
    assert set(data["timings_ms"]) >= {"check", "redact", "verify", "write", "total"}
    preview = Image.open(data["preview"])
    assert preview.width > 600 and preview.height > 200


def test_boxless_findings_make_the_result_incomplete(tmp_path: Path, test_engine):
    from gazoguard.core.finding import Finding
    from gazoguard.pipeline.report import Report

    source = _phone_card(tmp_path / "card.png")
    report = Report(image={}, profile="personal", findings=(Finding("sexual_image", 0.9, "nsfw"),))
    result = redact(source, engine=test_engine, report=report)
    assert not result.complete and result.verified
    assert result.to_dict()["not_covered"][0]["kind"] == "sexual_image"


def test_red_line_picture_is_refused_and_nothing_written(tmp_path: Path, test_engine):
    from gazoguard.pipeline.verdict import Verdict
    from gazoguard.core.levels import Level
    from gazoguard.pipeline.report import Report

    source = tmp_path / "in.png"
    Image.new("RGB", (50, 50), "white").save(source)
    report = Report(image={}, profile="personal", verdict=Verdict(Level.BLOCK, (), must_not_store=True))
    with pytest.raises(RedactionError) as info:
        redact(source, engine=test_engine, report=report, preview_dir=tmp_path / "pv")
    assert info.value.code == "must_not_store"
    assert os.listdir(tmp_path) == ["in.png"]
