"""My Number, corporate number, driver's licence, credit card, SSN, bank account, insurance, passport."""

from gazoguard.recognizers import analyze
from gazoguard.recognizers.common.credit_card import CreditCardRecognizer
from gazoguard.recognizers.common.passport import PassportRecognizer
from gazoguard.recognizers.common.ssn import SsnRecognizer
from gazoguard.recognizers.jp.bank_account import BankAccountRecognizer
from gazoguard.recognizers.jp.corporate_number import CorporateNumberRecognizer
from gazoguard.recognizers.jp.drivers_licence import DriversLicenceRecognizer
from gazoguard.recognizers.jp.insurance import JapaneseInsuranceRecognizer
from gazoguard.recognizers.jp.my_number import MyNumberRecognizer


def test_my_number_needs_a_valid_check_digit(find):
    r = MyNumberRecognizer()
    assert find(r, "個人番号 1234 5678 9018") == ["1234 5678 9018"]
    assert find(r, "個人番号 １２３４５６７８９０１８") == ["１２３４５６７８９０１８"]
    assert find(r, "個人番号 1234 5678 9012") == []  # wrong check digit


def test_my_number_wins_over_phone_shapes():
    matches = analyze("番号 123456789018")
    assert [(m.kind, m.validated) for m in matches] == [("my_number", True)]


def test_corporate_number(find):
    r = CorporateNumberRecognizer()
    assert find(r, "法人番号 8700110005901") == ["8700110005901"]
    assert find(r, "登録番号 T8700110005901") == []  # an invoice registration number: the issuer's business data
    assert find(r, "法人番号 8700110005902") == []


def test_drivers_licence(find):
    r = DriversLicenceRecognizer()
    assert find(r, "運転免許証 番号第012345678900号") == ["012345678900"]
    assert find(r, "免許証番号 1234 5678 9012") == ["1234 5678 9012"]
    assert find(r, "注文番号 123456789012") == []


def test_credit_card_luhn(find):
    r = CreditCardRecognizer()
    assert find(r, "card 4111 1111 1111 1111") == ["4111 1111 1111 1111"]
    assert find(r, "4111-1111-1111-1111") == ["4111-1111-1111-1111"]
    assert find(r, "ref 4111 1111 1111 1112") == []  # fails Luhn, no card label


def test_ssn_shapes(find):
    r = SsnRecognizer()
    assert find(r, "my SSN is 123-45-6789.") == ["123-45-6789"]
    assert find(r, "SSN 000-11-2222") == ["000-11-2222"]  # labelled: kept even when impossible
    assert find(r, "code 000-11-2222") == []  # unlabelled impossible area
    assert find(r, "tel 123-456-7890") == []


def test_bank_account(find):
    r = BankAccountRecognizer()
    assert find(r, "みずほ銀行 渋谷支店 普通 1234567") == ["みずほ銀行 渋谷支店 普通 1234567"]
    assert find(r, "口座番号：7654321") == ["口座番号：7654321"]
    assert find(r, "普通 123") == []


def test_insurance_symbol_and_number(find):
    r = JapaneseInsuranceRecognizer()
    assert find(r, "健康保険被保険者証 記号 1234 番号 56") == ["記号 1234 番号 56"]
    assert find(r, "保険者番号 06123456") == ["06123456"]
    assert find(r, "記号 番号") == []


def test_passport_numbers(find):
    r = PassportRecognizer()
    assert find(r, "旅券番号 TK1234567") == ["TK1234567"]
    assert find(r, "Passport number is X1234567, phone") == ["X1234567"]
    assert find(r, "Order X1234567") == []
