"""Characters the OCR model reads in a Chinese form get their Japanese form, in Japanese text only."""

from gazoguard.perception.japanese_forms import japanese_form
from gazoguard.perception.ocr import in_japanese_forms
from gazoguard.perception.textlayout import Char


def _line(text: str) -> list[Char]:
    return [Char(ch, (10 * i, 0, 10 * i + 9, 12), 0, 0.9) for i, ch in enumerate(text)]


def test_forms_japanese_cannot_hold_are_given_their_japanese_form():
    assert "".join(map(japanese_form, "山田爱 小林大辅 広岛県 非課稅 单位")) == "山田愛 小林大輔 広島県 非課税 単位"


def test_characters_japanese_uses_are_never_touched():
    text = "齋藤 澤田 髙橋 国 東京都千代田区霞が関 ABC 123"
    assert "".join(map(japanese_form, text)) == text


def test_only_a_japanese_text_is_changed_and_boxes_stay():
    japanese = in_japanese_forms([_line("お届け先"), _line("山田爱 様")])
    assert "".join(c.ch for c in japanese[1]) == "山田愛 様"
    assert [c.box for c in japanese[1]] == [c.box for c in _line("山田爱 様")]
    chinese = [_line("北京市海淀区"), _line("联系电话")]
    assert in_japanese_forms(chinese) == chinese  # no kana: a Chinese text is left as read


def test_the_kanji_one_between_katakana_is_the_long_vowel_mark():
    from gazoguard.perception.japanese_forms import line_in_japanese_forms

    assert line_in_japanese_forms("木村コ一ポ403") == "木村コーポ403"
    assert line_in_japanese_forms("第一ビル 一丁目") == "第一ビル 一丁目"
