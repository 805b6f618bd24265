"""E-mail, URL, SNS IDs, confidential words, postcodes, birth dates, addresses, names (patterns)."""

import pytest

from gazoguard.recognizers import analyze
from gazoguard.recognizers.common.birthdate_en import EnglishBirthdateRecognizer
from gazoguard.recognizers.common.confidential import ConfidentialWordRecognizer
from gazoguard.recognizers.common.email import EmailRecognizer
from gazoguard.recognizers.common.person_name_en import EnglishNameRecognizer
from gazoguard.recognizers.common.sns_id import SnsIdRecognizer
from gazoguard.recognizers.common.url import UrlRecognizer
from gazoguard.recognizers.jp.address import JapaneseAddressRecognizer
from gazoguard.recognizers.jp.birthdate import JapaneseBirthdateRecognizer
from gazoguard.recognizers.jp.person_name import JapaneseNameRecognizer
from gazoguard.recognizers.jp.postcode import JapanesePostcodeRecognizer


def test_email_and_url(find):
    assert find(EmailRecognizer(), "mail: taro.yamada+x@example.co.jp です") == ["taro.yamada+x@example.co.jp"]
    assert find(EmailRecognizer(), "@example.com") == []
    assert find(UrlRecognizer(), "see https://example.com/a?b=1.") == ["https://example.com/a?b=1"]
    assert find(UrlRecognizer(), "https://www.city.example.lg.jp/") == []  # a local authority's site


def test_sns_ids(find):
    r = SnsIdRecognizer()
    assert find(r, "LINE ID: taro_1234") == ["LINE ID: taro_1234"]
    assert find(r, "instagram.com/hanako.y") == ["instagram.com/hanako.y"]
    assert find(r, "follow @hanako_y") == ["@hanako_y"]
    assert find(r, "mail a@b.com") == []


def test_confidential_marking_but_not_prose(find):
    r = ConfidentialWordRecognizer()
    assert find(r, "【社外秘】\n会議資料") == ["社外秘"]
    assert find(r, "CONFIDENTIAL") == ["CONFIDENTIAL"]
    assert find(r, "機密情報の取り扱いについて説明します") == []


def test_postcode(find):
    r = JapanesePostcodeRecognizer()
    assert find(r, "〒100-0001 東京都") == ["〒100-0001"]
    assert find(r, "〒１００－０００１") == ["〒１００－０００１"]
    assert find(r, "100-0001 東京都千代田区") == ["100-0001"]
    assert find(r, "品番 100-0001") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("昭和61年5月1日生", "昭和61年5月1日生"),
        ("生年月日 平成10年12月31日", "平成10年12月31日"),
        ("令和2年4月1日生まれ", "令和2年4月1日生まれ"),
        ("生年月日：H10.5.1", "H10.5.1"),
        ("生年月日 1986年5月1日", "1986年5月1日"),
    ],
)
def test_japanese_birthdates(find, text, expected):
    assert find(JapaneseBirthdateRecognizer(), text) == [expected]


def test_other_dates_are_not_birthdates(find):
    assert find(JapaneseBirthdateRecognizer(), "交付 令和01年05月07日") == []
    assert find(EnglishBirthdateRecognizer(), "Date of issue 16 APR 07") == []


def test_english_birthdates(find):
    r = EnglishBirthdateRecognizer()
    assert find(r, "DOB: 07.22.1943") == ["07.22.1943"]
    assert find(r, "Date of birth 01 JAN 1980") == ["01 JAN 1980"]
    assert find(r, "born 1980-01-31") == ["1980-01-31"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("大阪府大阪市北区梅田1-2-3", "大阪府大阪市北区梅田1-2-3"),
        ("東京都千代田区千代田1番1号", "東京都千代田区千代田1番1号"),
        ("住所 東京都千代田区霞が関２－１－２", "東京都千代田区霞が関２－１－２"),
        ("千代田区千代田一丁目1番", "千代田区千代田一丁目1番"),
        ("東京都千代田区千代田1-1 電話 03-1234-5678", "東京都千代田区千代田1-1"),
    ],
)
def test_japanese_addresses(find, text, expected):
    assert find(JapaneseAddressRecognizer(), text) == [expected]


def test_place_words_are_not_addresses(find):
    assert find(JapaneseAddressRecognizer(), "東京都立大学の学生") == []


def test_japanese_names_by_label_and_honorific(find):
    r = JapaneseNameRecognizer(use_ginza=False)
    assert find(r, "氏名 山田太郎") == ["山田太郎"]
    assert find(r, "お名前：佐藤 花子\n住所") == ["佐藤 花子"]
    assert "田中" in find(r, "田中さんへ")
    assert find(r, "お客様各位") == []
    assert find(r, "米沢市長様") == []


def test_english_names(find):
    r = EnglishNameRecognizer()
    assert find(r, "Name: John Smith") == ["John Smith"]
    assert find(r, "Hi, I'm Alice, and") == ["Alice"]
    assert find(r, "This project is created by David Johnson and") == ["David Johnson"]
    assert find(r, "The name is on file") == []


def test_full_pipeline_dedupes_and_keeps_exact_spans():
    text = "氏名 山田太郎\n電話 090-1234-5678\nmail taro@example.com"
    got = {(m.kind, text[m.start : m.end]) for m in analyze(text)}
    assert ("phone", "090-1234-5678") in got and ("email", "taro@example.com") in got
    assert ("person_name", "山田太郎") in got
