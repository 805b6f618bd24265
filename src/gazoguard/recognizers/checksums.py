"""Check digits of the numbers the recognizers validate (pure functions, no I/O)."""

from __future__ import annotations


def luhn_valid(digits: str) -> bool:
    """Credit-card numbers (ISO/IEC 7812): the Luhn mod-10 check."""
    if not digits.isdigit() or len(digits) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def my_number_check_digit(first11: str) -> int:
    """個人番号の検査用数字 (総務省令第85号 第5条): weights 2..7, 2..6 from the right, mod 11."""
    total = 0
    for n, ch in enumerate(reversed(first11), start=1):
        q = n + 1 if n <= 6 else n - 5
        total += int(ch) * q
    remainder = total % 11
    return 0 if remainder <= 1 else 11 - remainder


def my_number_valid(digits: str) -> bool:
    return len(digits) == 12 and digits.isdigit() and my_number_check_digit(digits[:11]) == int(digits[11])


def corporate_number_check_digit(base12: str) -> int:
    """法人番号の検査用数字 (the FIRST digit): 9 - (Σ Pn·Qn mod 9), Qn = 1 odd / 2 even from the right."""
    total = sum(int(ch) * (1 if n % 2 else 2) for n, ch in enumerate(reversed(base12), start=1))
    return 9 - total % 9


def corporate_number_valid(digits: str) -> bool:
    return len(digits) == 13 and digits.isdigit() and corporate_number_check_digit(digits[1:]) == int(digits[0])


def mrz_value(ch: str) -> int:
    if ch.isdigit():
        return int(ch)
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    return 0  # "<" filler


def mrz_check_digit(field: str) -> int:
    """ICAO 9303 check digit: weights 7, 3, 1 repeating, mod 10."""
    return sum(mrz_value(ch) * (7, 3, 1)[i % 3] for i, ch in enumerate(field)) % 10


def mrz_field_valid(field: str, check: str) -> bool:
    if check == "<":
        return set(field) <= {"<"}
    return check.isdigit() and mrz_check_digit(field) == int(check)
