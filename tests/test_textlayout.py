"""OCR text keeps a box per character, and CJK characters are joined without spaces."""

from gazoguard.perception.ocr import line_chars
from gazoguard.perception.textlayout import TextLayout


def _quad(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


def test_cjk_tokens_join_without_spaces_and_latin_words_keep_them():
    words = [("東", 0.99, _quad(0, 0, 10, 10)), ("京", 0.99, _quad(10, 0, 20, 10)), ("Tel:", 0.9, _quad(25, 0, 45, 10)), ("0312345678", 0.9, _quad(45, 0, 145, 10))]
    chars = line_chars("東 京 Tel:0312345678", words, 0)
    layout = TextLayout([chars])
    assert layout.text == "東京Tel:0312345678"


def test_span_box_covers_exactly_the_matched_characters():
    words = [("氏名", 0.99, _quad(0, 0, 40, 20)), ("山田", 0.99, _quad(60, 0, 100, 20))]
    layout = TextLayout([line_chars("氏名 山田", words, 0)])
    assert layout.text == "氏名山田"
    start = layout.text.index("山田")
    assert layout.box_for_span(start, start + 2) == (60, 0, 100, 20)


def test_a_span_across_lines_gives_one_box_per_line():
    first = line_chars("東京都", [("東京都", 0.9, _quad(0, 0, 30, 10))], 0)
    second = line_chars("千代田区", [("千代田区", 0.9, _quad(0, 20, 40, 30))], 1)
    layout = TextLayout([first, second])
    assert layout.text == "東京都\n千代田区"
    assert layout.boxes_for_span(0, len(layout.text)) == [(0, 0, 30, 10), (0, 20, 40, 30)]
