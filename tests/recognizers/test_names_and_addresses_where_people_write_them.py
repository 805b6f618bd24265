"""Names and addresses as people write them (issue 20): names the dictionary reads as family + given
name in lists, tables, minutes and chats; words of a form are never names; addresses over two lines
with their building and room; a town with its block."""

from gazoguard.recognizers import LineSpan, NormalizedText
from gazoguard.recognizers.jp.address import JapaneseAddressRecognizer
from gazoguard.recognizers.jp.person_name import JapaneseNameRecognizer


def names(text: str, lines: tuple[LineSpan, ...] = ()) -> list[str]:
    norm = NormalizedText.of(text, lines)
    return [m.reading or text[m.start : m.end] for m in JapaneseNameRecognizer().find(norm) if m.kind == "person_name"]


def test_attendees_after_a_label_are_each_a_name():
    assert names("出席者：高橋愛，坂本真由美，田中直樹") == ["高橋愛", "坂本真由美", "田中直樹"]


def test_a_name_leading_a_table_row_joined_with_its_department():
    assert names("氏名所属内線\n山口真由美開発部427\n井上蓮経理193") == ["山口真由美", "井上蓮"]


def test_a_chat_speaker_and_a_name_with_a_full_width_space():
    assert names("山崎蓮:了解です\n中村　智子さんに確認します") == ["山崎蓮", "中村　智子"]


def test_words_of_a_form_and_a_one_character_family_name_in_a_date_are_not_names():
    assert names("クレジット\nお客様番号\n合計\nご利用日\n平成元年度の予算") == []


def test_a_name_ocr_split_at_its_wide_space_is_one_name():
    text = "藤田\n直樹さんに確認します"
    lines = (LineSpan(0, 2, (50, 245, 117, 283)), LineSpan(3, len(text), (150, 245, 479, 283)))
    assert names(text, lines) == ["藤田 直樹"]


def addresses(text: str, lines: tuple[LineSpan, ...] = ()) -> list[str]:
    norm = NormalizedText.of(text, lines)
    return [text[m.start : m.end] for m in JapaneseAddressRecognizer().find(norm)]


def test_an_address_goes_on_to_the_building_and_room_on_the_line_below():
    text = "住所 東京都新宿区西新宿3丁目5番8号\n佐藤ハイツ 405号室\n山田太郎 様"
    assert addresses(text) == ["東京都新宿区西新宿3丁目5番8号\n佐藤ハイツ 405号室"]


def test_the_line_below_an_address_is_not_taken_when_it_is_a_name_or_a_phone():
    assert addresses("東京都新宿区西新宿3-5-8\n山田太郎様") == ["東京都新宿区西新宿3-5-8"]
    assert addresses("東京都新宿区西新宿3-5-8\nTEL 03-1234-5678") == ["東京都新宿区西新宿3-5-8"]


def test_a_building_line_far_from_the_address_is_not_its_second_line():
    text = "東京都新宿区西新宿3-5-8\n佐藤ハイツ405号室"
    far = (LineSpan(0, 14, (50, 100, 400, 140)), LineSpan(15, len(text), (50, 600, 300, 640)))
    assert addresses(text, far) == ["東京都新宿区西新宿3-5-8"]


def test_a_town_with_its_block_pins_a_home_without_the_municipality():
    assert addresses("家は三宮町1丁目27番6号です") == ["三宮町1丁目27番6号"]
    assert addresses("北一条西1-2-1") == ["北一条西1-2-1"]
    assert addresses("電話 03-1234-5678") == []
    assert addresses("バージョン 1-2-3") == []


def test_words_of_a_receipt_are_not_names_after_a_label_or_as_a_reading():
    """The receipt of issue 20: with the card number covered, クレジット was read as a name."""
    assert names("担当 鈴木\nクレジット\n番号") == ["鈴木"]
    assert names("伝票番号\n担当者\nクレジット") == []
    assert names("山田 太郎 様\nクレジット\nカード番号 ****") == ["山田 太郎"]


def test_a_foreign_name_in_katakana_with_a_space_stays_a_name_after_its_label():
    assert names("氏名 ワン シャオミン") == ["ワン シャオミン"]


def test_a_family_name_glued_to_latin_letters_is_part_of_a_sign():
    assert names("LAZONA西口直") == []


def test_a_bilingual_label_of_a_foreign_document_is_never_the_value():
    from gazoguard.recognizers import analyze

    text = "Name/Surname MUELLER\nVornamen / Given names SOPHIE\n护照PASSPORT\n/Date of birth18 FEB 2001"
    found = {(m.kind, text[m.start : m.end]) for m in analyze(text)}
    assert found == {("person_name", "MUELLER"), ("person_name", "SOPHIE"), ("birthdate", "18 FEB 2001")}
