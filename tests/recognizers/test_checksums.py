from gazoguard.recognizers.checksums import (
    corporate_number_valid,
    luhn_valid,
    mrz_check_digit,
    my_number_valid,
)


def test_my_number_check_digit_follows_the_official_rule():
    assert my_number_valid("123456789018")
    assert not my_number_valid("123456789012")
    assert not my_number_valid("12345678901")  # 11 digits


def test_corporate_number_check_digit_is_the_first_digit():
    assert corporate_number_valid("8700110005901")  # 国税庁
    assert not corporate_number_valid("1700110005901")


def test_luhn():
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")


def test_mrz_check_digit_icao_example():
    assert mrz_check_digit("L898902C3") == 6
    assert mrz_check_digit("740812") == 2
