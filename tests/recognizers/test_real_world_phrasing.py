"""How values stand in chats, on cards and on parcels, where the generated set (``gazoguard eval
--synthetic``) showed them missed: self-introductions, 郵便番号は〒…, 〒 read as テ/デ/T, a handle with
Japanese right after it, 阿部さん, a name OCR split at a wide space, a licence's name-then-date row."""

from gazoguard.recognizers import NormalizedText
from gazoguard.recognizers.common.sns_id import SnsIdRecognizer
from gazoguard.recognizers.jp.person_name import JapaneseNameRecognizer
from gazoguard.recognizers.jp.postcode import JapanesePostcodeRecognizer
from gazoguard.recognizers.normalize import LineSpan

NAMES = JapaneseNameRecognizer()  # with GiNZA, as in a check


def test_self_introductions_name_the_writer(find):
    assert find(NAMES, "はじめまして、渡辺太郎です。") == ["渡辺太郎"]
    assert find(NAMES, "担当の後藤千尋と申します。") == ["後藤千尋"]
    assert find(NAMES, "はじめまして、佐藤 彩です") == ["佐藤 彩"]
    assert find(NAMES, "山本一郎といいます") == ["山本一郎"]


def test_introduction_words_around_things_that_are_not_names(find):
    for text in ("私は学生です", "担当の部署です", "こんにちは、元気です", "検討と申します", "私は大阪出身です"):
        assert find(NAMES, text) == [], text


def test_a_name_split_by_ocr_at_a_wide_space_is_one_name():
    text = "担当の鈴木\n恵美と申します。"
    pieces = (LineSpan(0, 5, (100, 200, 260, 240)), LineSpan(6, len(text), (300, 201, 560, 241)))
    matches = NAMES.find(NormalizedText.of(text, pieces))
    assert [(text[m.start : m.end], m.reading) for m in matches] == [("鈴木\n恵美", "鈴木 恵美")]


def test_lines_on_different_rows_are_not_joined_into_a_name():
    text = "担当の鈴木\n恵美と申します。"
    rows = (LineSpan(0, 5, (100, 200, 260, 240)), LineSpan(6, len(text), (100, 260, 360, 300)))
    assert "鈴木\n恵美" not in [text[m.start : m.end] for m in NAMES.find(NormalizedText.of(text, rows))]


def test_surnames_ending_like_a_department_are_still_people(find):
    assert find(NAMES, "阿部さん") == ["阿部"]
    assert find(NAMES, "営業部様") == []
    assert find(NAMES, "総務部さん") == []


def test_form_field_words_in_katakana_are_not_a_reading(find):
    assert "マイナンバー" not in find(NAMES, "名前\n池田葵\nマイナンバー\n1234 5678 9012")


def test_postcode_in_a_sentence_and_with_the_mark_read_as_te(find):
    r = JapanesePostcodeRecognizer()
    assert find(r, "郵便番号は〒008-9889です") == ["郵便番号は〒008-9889"]
    assert find(r, "郵便番号はテ008-9889です") == ["郵便番号はテ008-9889"]
    assert find(r, "郵便番号はデ054-0551です") == ["郵便番号はデ054-0551"]
    assert find(r, "テ123-4567 東京都") == ["テ123-4567"]
    assert find(r, "ホテ123-4567") == []  # the end of a katakana word, not the mark


def test_handle_followed_by_japanese(find):
    assert find(SnsIdRecognizer(), "@shota_kobayashi40で追加してね") == ["@shota_kobayashi40"]
    assert find(SnsIdRecognizer(), "mail a@b.jp") == []


def test_a_labelled_name_split_by_ocr_keeps_its_given_name():
    text = "名前\n中村\n拓也\n住所"
    pieces = (
        LineSpan(0, 2, (69, 558, 130, 619)),
        LineSpan(3, 5, (340, 565, 420, 610)),
        LineSpan(6, 8, (450, 566, 530, 611)),
        LineSpan(9, 11, (69, 640, 130, 690)),
    )
    matches = [m for m in NAMES.find(NormalizedText.of(text, pieces)) if m.attrs.get("source") == "label"]
    assert [(text[m.start : m.end], m.reading) for m in matches] == [("中村\n拓也", "中村 拓也")]


def test_a_given_name_in_hiragana(find):
    assert find(NAMES, "はじめまして、前田さくらです。") == ["前田さくら"]


def test_a_one_kanji_given_name_is_read_from_the_dictionary(find):
    # GiNZA's entity model tags no Person here; Sudachi's dictionary knows 清水 as a family name, 光 as a given name
    assert find(NAMES, "はじめまして、清水光です。") == ["清水光"]
    assert find(NAMES, "担当の岡田光と申します。") == ["岡田光"]


def test_postal_mark_read_as_a_latin_t_at_the_start_of_a_line(find):
    r = JapanesePostcodeRecognizer()
    assert find(r, "免許証番号\nT035-2393") == ["T035-2393"]
    assert find(r, "PART035-2393") == []
    assert find(r, "型番 T035-2393") == []


def test_a_licence_row_name_then_birth_date_and_a_foreign_residents_name(find):
    plain = JapaneseNameRecognizer(use_ginza=False)
    assert find(plain, "氏名日本花子昭和61年5月1日生") == ["日本花子"]
    assert find(plain, "氏名 日本花子 昭和61年5月1日生") == ["日本花子"]
    assert find(plain, "氏名 田中一郎1990年") == ["田中一郎"]
    assert find(plain, "氏名 NGUYEN VAN AN") == ["NGUYEN VAN AN"]


def test_parcel_labels_name_with_a_hiragana_given_name_or_the_old_form_of_sama(find):
    assert find(NAMES, "長谷川さくら様TEL0120-400-884") == ["長谷川さくら"]
    assert find(NAMES, "青木悠真樣") == ["青木悠真"]
    assert find(NAMES, "子どもさん") == []


def test_an_insurers_name_is_not_a_persons(find):
    assert find(NAMES, "保険者名称 全国健康保険協会") == []
    assert find(NAMES, "被保険者氏名 山田太郎") == ["山田太郎"]
