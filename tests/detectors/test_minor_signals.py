"""Minor signals in readable text: school names, grades, student IDs, school-age words, ages."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from gazoguard.detectors.minor_signals import MinorSignalsDetector, find_cues
from gazoguard.core.fonts import cjk_font, cjk_font_path
from gazoguard.imaging.picture import load_picture
from gazoguard.perception.textlayout import Char, TextLayout


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(cue.kind, cue.basis, text[start:end]) for cue, start, end in find_cues(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("私立青山学院中等部と港区立青山中学校", "港区立青山中学校"),
        ("北海道札幌南高等学校 卒業", "北海道札幌南高等学校"),
        ("桜ヶ丘小学校の運動会", "桜ヶ丘小学校"),
        ("県立第一高校", "県立第一高校"),
        ("東京都立白鴎高等学校附属中学校", "東京都立白鴎高等学校"),
        ("横浜市立南高等学校附属中等教育学校", "横浜市立南高等学校"),
        ("ひまわり幼稚園", "ひまわり幼稚園"),
        ("市立さくら小学校", "さくら小学校"),
        ("お茶の水女子大学附属中学校", "茶の水女子大学附属中学校"),
    ],
)
def test_school_names_with_the_name_before_them(text, expected):
    names = [t for kind, basis, t in _found(text) if basis == "school_name"]
    assert names[0] == expected


@pytest.mark.parametrize(
    "text, basis, span",
    [
        ("1年2組 出席番号12", "grade_class", "1年2組"),
        ("３年Ｂ組", "grade_class", "３年Ｂ組"),
        ("二年三組", "grade_class", "二年三組"),
        ("中2の夏", "grade_short", "中2"),
        ("高1です", "grade_short", "高1"),
        ("小5", "grade_short", "小5"),
        ("4年生になりました", "grade_year", "4年生"),
        ("学生証", "student_id", "学生証"),
        ("生徒手帳をなくした", "student_id", "生徒手帳"),
        ("生徒証 No. 123", "student_id", "生徒証"),
        ("女子高生です", "school_age_word", "女子高生"),
        ("中学生以下無料", "school_age_word", "中学生"),
        ("JKです", "school_age_word", "JK"),
    ],
)
def test_grades_ids_and_school_age_words(text, basis, span):
    assert ("school_text", basis, span) in _found(text)


@pytest.mark.parametrize("text, span", [("15歳です", "15歳"), ("１６才", "１６才"), ("娘は7歳", "7歳")])
def test_an_age_under_18_is_a_possible_minor(text, span):
    assert ("possible_minor", "age_text", span) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "18歳です",
        "25歳",
        "3歳以上対象",
        "12歳未満は保護者同伴",
        "15歳以下",
        "大学2年",
        "東京大学",
        "途中2回",
        "高1000円",
        "中3階",
        "最高1位",
        "2024年3月1日",
        "jk lol",
        "OK JK see you",  # English chat slang, not a school-age word
        "児童相談所 189",
        "本社ビル 3階",
    ],
)
def test_ordinary_text_is_not_a_minor_signal(text):
    assert _found(text) == []


def _layout(text: str) -> TextLayout:
    chars = [Char(ch, (10 + 20 * i, 5, 30 + 20 * i, 25), 0, 0.9) for i, ch in enumerate(text)]
    return TextLayout([chars])


class _Scene:
    def __init__(self, layout: TextLayout) -> None:
        self._layout = layout

    def text(self) -> TextLayout:
        return self._layout


def test_the_finding_boxes_exactly_the_characters():
    text = "名前 青山中学校 2年3組"
    found = MinorSignalsDetector().detect(load_picture(Image.new("RGB", (400, 40))), _Scene(_layout(text)))
    by_text = {f.text: f for f in found}
    start = text.index("2年3組")
    assert by_text["2年3組"].box == (10 + 20 * start, 5, 30 + 20 * (start + 3), 25)
    assert by_text["2年3組"].kind == "school_text" and by_text["2年3組"].category == "minor"
    assert 0 < by_text["2年3組"].score < 1


def test_no_text_no_finding():
    assert MinorSignalsDetector().detect(load_picture(Image.new("RGB", (40, 40))), _Scene(TextLayout.empty())) == []


@pytest.mark.skipif(cjk_font_path() is None, reason="no CJK font to draw Japanese")
def test_a_rendered_student_card_is_read_through_ocr(engine):
    image = Image.new("RGB", (900, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.text((40, 40), "生徒証", font=cjk_font(64), fill="black")
    draw.text((40, 160), "港区立青山中学校 2年3組", font=cjk_font(56), fill="black")
    report = engine.check(image, detectors=["minor_signals"])
    school = [f for f in report.findings if f.kind == "school_text"]
    assert {f.attrs["basis"] for f in school} >= {"student_id", "grade_class"}
    id_box = next(f.box for f in school if f.attrs["basis"] == "student_id")
    assert id_box[1] < 120 and id_box[0] < 260  # on the first line, at the left
