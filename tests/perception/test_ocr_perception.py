"""OCR perception: text is found on a small copy and read on a larger one; boxes land in the picture's pixels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from gazoguard.core.fonts import cjk_font
from gazoguard.perception.ocr import CLS_SAMPLE, FIND_MIN_SIDE, FIND_PIXELS, OcrPerception, find_scale_for
from gazoguard.imaging.picture import load_picture

LINE = "氏名 山田太郎 090-1234-5678"


@pytest.fixture(scope="module")
def perception() -> OcrPerception:
    p = OcrPerception()
    p.ensure_loaded()
    return p


def _picture_with_line(width: int, height: int, origin: tuple[int, int], size: int):
    im = Image.new("RGB", (width, height), (236, 233, 225))
    draw = ImageDraw.Draw(im)
    draw.text(origin, LINE, font=cjk_font(size), fill=(20, 20, 20))
    drawn = draw.textbbox(origin, LINE, font=cjk_font(size))
    return load_picture(im), drawn


@pytest.mark.parametrize("size", [(4000, 3000), (6435, 1865), (2000, 2000), (1600, 1200)])
def test_text_is_found_on_a_copy_of_about_the_pixel_budget(size):
    width, height = size
    scale = find_scale_for(width, height)
    assert scale < 1.0
    assert abs(width * height * scale**2 - FIND_PIXELS) / FIND_PIXELS < 0.01


def test_a_wide_screenshot_keeps_more_text_height_than_a_side_limit_would():
    scale = find_scale_for(6435, 1865)
    assert 1865 * scale > 1865 * 1280 / 6435 * 1.5


@pytest.mark.parametrize("size", [(640, 480), (300, 100), (1155, 866)])
def test_small_pictures_are_enlarged_only_up_to_the_short_side_rule(size):
    width, height = size
    scale = find_scale_for(width, height)
    assert scale >= 1.0
    assert min(width, height) * scale <= max(FIND_MIN_SIDE, min(width, height)) + 1e-6


def test_a_line_on_a_twelve_megapixel_picture_is_read_and_boxed_where_it_was_drawn(perception):
    picture, drawn = _picture_with_line(4000, 3000, (1700, 2100), 64)
    layout = perception.compute(picture, None)
    compact = layout.text.replace(" ", "")
    assert "山田太郎" in compact and "090-1234-5678" in compact
    start = layout.text.index("山")
    box = layout.box_for_span(start, start + 4)
    assert box is not None
    slack = 40  # pixels of the 12 MP picture: less than one character
    assert drawn[0] - slack <= box[0] < box[2] <= drawn[2] + slack
    assert drawn[1] - slack <= box[1] < box[3] <= drawn[3] + slack


def test_an_empty_picture_has_no_text(perception):
    picture = load_picture(Image.new("RGB", (1600, 1200), (250, 250, 250)))
    assert perception.compute(picture, None).text == ""



def test_every_model_file_is_named_so_rapidocr_never_looks_one_up_for_download(perception):
    from rapidocr.inference_engine.base import InferSession

    from gazoguard.perception.ocr import ocr_params

    assert len(InferSession.model_info) == 0  # its catalogue of downloads was never read
    for task in ("Det", "Cls", "Rec"):
        assert Path(ocr_params()[f"{task}.model_path"]).is_file()


def _page(lines: list[str], upside_down: bool):
    im = Image.new("RGB", (1400, 60 * len(lines) + 40), (245, 245, 240))
    draw = ImageDraw.Draw(im)
    for i, line in enumerate(lines):
        draw.text((40, 20 + 60 * i), line, font=cjk_font(34), fill=(15, 15, 15))
    return load_picture(im.rotate(180) if upside_down else im)


PAGE = [f"{i + 1}. 東京都港区芝公園{i + 1}丁目 電話 03-1234-56{i:02d}" for i in range(12)]


def _counting_classifier(perception, monkeypatch):
    seen = []
    real = perception._engine.text_cls

    def classify(crops):
        seen.append(len(crops))
        return real(crops)

    monkeypatch.setattr(perception._engine, "text_cls", classify)
    return seen


def test_an_upright_page_is_judged_from_a_sample_of_its_lines(perception, monkeypatch):
    seen = _counting_classifier(perception, monkeypatch)
    layout = perception.compute(_page(PAGE, upside_down=False), None)
    assert "芝公園3丁目" in layout.text.replace(" ", "")
    assert seen == [CLS_SAMPLE]


def test_an_upside_down_page_is_turned_line_by_line_and_read(perception, monkeypatch):
    seen = _counting_classifier(perception, monkeypatch)
    layout = perception.compute(_page(PAGE, upside_down=True), None)
    compact = layout.text.replace(" ", "")
    assert "芝公園3丁目" in compact and "03-1234-5607" in compact
    assert seen[0] == CLS_SAMPLE and seen[1] >= len(PAGE)


@pytest.mark.parametrize("size", [(1104, 736), (1000, 777), (640, 480)])
def test_the_detector_input_is_what_rapidocr_would_prepare(size):
    from rapidocr.ch_ppocr_det.utils import DetPreProcess

    from gazoguard.perception.ocr import det_input

    rng = np.random.default_rng(11)
    rgb = rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)
    theirs = DetPreProcess(1 << 20, "max")(np.ascontiguousarray(rgb[:, :, ::-1]))
    ours = det_input(rgb)
    assert ours.shape == theirs.shape and ours.dtype == np.float32
    assert np.array_equal(ours, theirs)  # bit for bit


def test_lines_are_read_in_rapidocr_batches_dealt_into_shares_of_equal_work():
    from gazoguard.perception.ocr import read_shares

    shapes = [(48, 48 * r) for r in (10, 1, 2, 3, 9, 4, 5, 6, 7, 8, 1, 1, 12, 2)]  # width ratios
    shares = read_shares(shapes, batch=6, shares=2)
    batches = [b for share in shares for b in share]
    ratio = [w / h for h, w in shapes]
    assert sorted(i for b in batches for i in b) == list(range(len(shapes)))  # every line once
    assert sorted(sorted(ratio[i] for i in b) for b in batches) == sorted(
        [sorted(ratio)[0:6], sorted(ratio)[6:12], sorted(ratio)[12:14]]
    )  # rapidocr's own batches: the lines sorted by width, six at a time
    work = [sum(len(b) * max(ratio[i] for i in b) for b in share) for share in shares]
    assert max(work) <= 1.5 * min(work)
    assert read_shares(shapes[:3], batch=6, shares=2) == [[sorted(range(3), key=lambda i: ratio[i])]]  # one batch, one share


def test_reading_in_shares_gives_what_one_call_gives(perception):
    from rapidocr.ch_ppocr_rec import TextRecInput
    from rapidocr.utils.process_img import get_rotate_crop_image

    picture = _page(PAGE, upside_down=False)
    rgb = np.ascontiguousarray(picture.rgb[:, :, ::-1])
    quads = perception._find_lines(picture.rgb)
    crops = [get_rotate_crop_image(rgb, q.copy()) for q in quads]
    assert len(crops) > 6  # more than one batch, so more than one share
    one_call = perception._engine.text_rec(TextRecInput(img=crops, return_word_box=True))
    shared = perception._recognise(crops)
    assert list(shared.txts) == list(one_call.txts)
    assert [round(float(s), 5) for s in shared.scores] == [round(float(s), 5) for s in one_call.scores]
