"""Numbers in the shapes people and OCR give them (issue 20): a number that fails its check digit is
never that kind; masked cards are partial card numbers; My Number in any grouping after its label;
SNS IDs after the service's name; invoice registration numbers are the issuer's, not a person's."""

from gazoguard.recognizers import NormalizedText
from gazoguard.recognizers.common.credit_card import CreditCardRecognizer
from gazoguard.recognizers.common.sns_id import SnsIdRecognizer
from gazoguard.recognizers.jp.corporate_number import CorporateNumberRecognizer
from gazoguard.recognizers.jp.my_number import MyNumberRecognizer


def test_a_card_number_failing_luhn_is_not_a_card_even_after_a_card_label(find):
    assert find(CreditCardRecognizer(), "カード番号 4111 1111 1111 1112") == []
    assert find(CreditCardRecognizer(), "カード番号 4111 1111 1111 1111") == ["4111 1111 1111 1111"]


def test_masked_card_numbers_are_partial_card_numbers(find):
    r = CreditCardRecognizer()
    assert find(r, "カード番号 **** **** **** 1234") == ["**** **** **** 1234"]
    assert find(r, "お支払い 4XXXXX******1234") == ["4XXXXX******1234"]
    assert find(r, "XXXX-XXXX-XXXX-5967") == ["XXXX-XXXX-XXXX-5967"]
    assert find(r, "クレジット ************") == ["************"]
    matches = r.find(NormalizedText.of("VISA 4XXXXX******1234"))
    assert matches[0].attrs["partial"] and matches[0].attrs["visible_digits"] == "41234"


def test_a_mask_run_without_digits_or_card_context_is_not_a_card(find):
    r = CreditCardRecognizer()
    assert find(r, "パスワード ********") == []
    assert find(r, "XXXXXXXX") == []


def test_a_masked_card_whose_last_digits_ocr_put_on_the_next_line(find):
    assert find(CreditCardRecognizer(), "カード番号\n**** **** ***\n7531") == ["**** **** ***\n7531"]


def test_my_number_after_its_label_in_any_grouping_or_split_over_two_lines(find):
    r = MyNumberRecognizer()
    assert find(r, "個人番号 123456 789018") == ["123456 789018"]
    assert find(r, "マイナンバー 1234  5678  9018") == ["1234  5678  9018"]
    assert find(r, "個人番号 1234 567\n8 9018") == ["1234 567\n8 9018"]
    assert find(r, "個人番号 123456 789012") == []  # the check digit fails
    assert find(r, "受付 123456 789018") == []  # loose grouping needs the label


def test_sns_id_after_the_service_name_without_a_colon(find):
    r = SnsIdRecognizer()
    assert find(r, "LINE sakura_yamamoto99") == ["sakura_yamamoto99"]
    assert find(r, "インスタtakuya.sato50") == ["takuya.sato50"]
    assert find(r, "X(旧Twitter) emi_takahashi3") == ["emi_takahashi3"]
    assert find(r, "LINE official") == []  # a plain word, not a handle


def test_an_invoice_registration_number_is_not_a_persons_corporate_number(find):
    assert find(CorporateNumberRecognizer(), "登録番号 T8700110005901") == []
    assert find(CorporateNumberRecognizer(), "法人番号 8700110005901") == ["8700110005901"]
