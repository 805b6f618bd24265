"""Place clues in readable text (station, line, shop, street names) and number plates."""

from __future__ import annotations

import pytest

from gazoguard.detectors.place_clues import PlaceClueDetector
from gazoguard.perception.textlayout import Char, TextLayout
from gazoguard.vision.plates import find_plates


def layout(*lines: str, char_w: int = 12, line_h: int = 20, x: int = 10, y: int = 10) -> TextLayout:
    rows = []
    for i, text in enumerate(lines):
        top = y + i * (line_h + 4)
        rows.append([Char(ch, (x + k * char_w, top, x + (k + 1) * char_w, top + line_h), i, 0.99) for k, ch in enumerate(text)])
    return TextLayout(rows)


class FakeScene:
    def __init__(self, text: TextLayout) -> None:
        self._text = text

    def text(self) -> TextLayout:
        return self._text


@pytest.fixture(scope="module")
def detector() -> PlaceClueDetector:
    d = PlaceClueDetector()
    d.ensure_loaded()
    return d


def places(detector, *lines: str) -> list[str]:
    return [f.text for f in detector.detect(None, FakeScene(layout(*lines))) if f.kind == "place_text"]  # type: ignore[arg-type]


def test_station_line_shop_and_block_names(detector):
    found = places(detector, "渋谷駅", "山手線 内回り", "新宿西口店", "3丁目", "みどりの窓口")
    assert found == ["渋谷駅", "山手線", "新宿西口店", "3丁目", "みどりの窓口"]


def test_words_that_end_like_places_but_name_none(detector):
    assert places(detector, "一直線に進む", "視線を感じる", "当店のおすすめ", "道路工事") == []


def test_single_character_suffix_needs_a_name(detector):
    assert places(detector, "駅", "ここは駅") == []


def test_latin_street_and_station_words_need_a_name_beside_them(detector):
    assert places(detector, "Yuyuan Rd.", "SHIBUYA STATION", "Musée du LOUVRE") == ["Yuyuan Rd", "SHIBUYA STATION", "Musée du LOUVRE"]
    assert places(detector, "STATION", "TOTAL 1,200", "Road") == []


def test_place_finding_has_the_box_of_its_characters(detector):
    f = detector.detect(None, FakeScene(layout("ようこそ渋谷駅へ")))[0]  # type: ignore[arg-type]
    assert f.kind == "place_text" and f.category == "place"
    assert f.box == (10 + 4 * 12, 10, 10 + 7 * 12, 30)


def test_japanese_plate_in_two_rows():
    plates = find_plates(layout("品川 500", "さ 12-34"))
    assert len(plates) == 1
    assert plates[0].style == "jp" and plates[0].confidence == 0.9
    assert plates[0].box == (10, 10, 10 + 7 * 12, 54)  # both rows; "さ 12-34" is the wider one


def test_japanese_plate_lower_row_with_leading_dots():
    plates = find_plates(layout("わ ・・12"))
    assert [p.style for p in plates] == ["jp"] and plates[0].confidence < 0.9


def test_generic_plate_needs_capitals_and_a_plate_shaped_line():
    assert [p.text for p in find_plates(layout("ABC 1234"))] == ["ABC 1234"]
    assert find_plates(layout("abc123")) == []
    assert find_plates(layout("8080 Bay")) == []
    assert find_plates(layout("CODE 20250131 SAMPLE")) == []


def test_plate_findings_are_reported(detector):
    found = detector.detect(None, FakeScene(layout("品川 500", "さ 12-34")))  # type: ignore[arg-type]
    assert [f.kind for f in found] == ["license_plate"]
    assert found[0].category == "place" and found[0].attrs["style"] == "jp"


@pytest.mark.slow
def test_eval_street_sign_is_a_place_clue(eval_dir, engine, detector):
    from gazoguard.imaging.picture import load_picture
    from gazoguard.perception.scene import Scene

    picture = load_picture(eval_dir / "images/benign/easyocr_chinese.jpg")
    found = detector.detect(picture, Scene(picture, engine.perceptions))
    assert any(f.kind == "place_text" for f in found)
