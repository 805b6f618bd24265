import pytest

from gazoguard.recognizers.common.phone_intl import InternationalPhoneRecognizer
from gazoguard.recognizers.jp.phone import JapanesePhoneRecognizer

JP = JapanesePhoneRecognizer()
INTL = InternationalPhoneRecognizer()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("電話 090-1234-5678", "090-1234-5678"),
        ("TEL:03-1234-5678", "03-1234-5678"),
        ("０６（６１２３）４５６７", "０６（６１２３）４５６７"),
        ("携帯 09012345678", "09012345678"),
        ("フリーダイヤル 0120-123-456", "0120-123-456"),
        ("0800-123-4567", "0800-123-4567"),
        ("+81 90-1234-5678", "+81 90-1234-5678"),
        ("０４７１－２３－４５６７", "０４７１－２３－４５６７"),
    ],
)
def test_japanese_numbers_are_found(find, text, expected):
    assert find(JP, text) == [expected]


@pytest.mark.parametrize("text", ["090-1234-567", "03-1234-56789", "0120-1234-5678", "1234567890", "2024-01-31", "〒100-0001"])
def test_numbers_outside_the_plan_are_not_phones(find, text):
    assert find(JP, text) == []


def test_international_formats(find):
    assert find(INTL, "call +1 (555) 123-4567 now") == ["+1 (555) 123-4567"]
    assert find(INTL, "contact (212) 555-1234.") == ["(212) 555-1234"]
    assert find(INTL, "Tel: 62596362") == ["62596362"]
    assert find(INTL, "order 62596362") == []
    assert find(INTL, "SSN 123-45-6789") == []
