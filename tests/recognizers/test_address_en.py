"""Latin-script addresses: labelled values, place-of-birth/domicile labels, and what a label must not take."""

from __future__ import annotations

from gazoguard.recognizers import LineSpan, NormalizedText
from gazoguard.recognizers.common.address_en import EnglishAddressRecognizer


def _with_lines(rows: list[tuple[str, tuple[int, int, int, int]]]) -> NormalizedText:
    """OCR-like text: one line per row, each with its box."""
    text, spans, pos = "", [], 0
    for line, box in rows:
        spans.append(LineSpan(pos, pos + len(line), box))
        text += line + "\n"
        pos += len(line) + 1
    return NormalizedText.of(text.rstrip("\n"), tuple(spans))


def _found(text: str | NormalizedText) -> list[str]:
    norm = text if isinstance(text, NormalizedText) else NormalizedText.of(text)
    return [norm.original[m.start : m.end] for m in EnglishAddressRecognizer().find(norm)]


def test_labelled_address_on_its_line_and_below_it(find):
    r = EnglishAddressRecognizer()
    assert find(r, "Address: MobileTown USA\nE-mail: editor@example.com") == ["MobileTown USA"]
    assert find(r, "Address\nMaple Town, Springfield") == ["Maple Town, Springfield"]


def test_an_empty_address_field_does_not_take_the_next_label():
    # a web form after its values were covered: the label stands alone, the next line is another field
    assert _found("Company: MobileViews.com\nAddress:\nE-mail:\nQR Code") == []
    assert _found("Address:\nJob Title: Tech Geek") == []
    assert _found("Address: Phone:") == []


def test_a_value_below_its_label_is_the_next_row_of_its_column():
    empty_field = _with_lines([("Address:", (50, 106, 102, 121)), ("QR Code", (6, 152, 76, 172))])
    assert _found(empty_field) == []  # two line heights further down: a heading, not the value
    other_column = _with_lines([("Address:", (10, 10, 60, 22)), ("Shibuya Tower", (300, 24, 400, 36))])
    assert _found(other_column) == []
    value_below = _with_lines([("Address:", (10, 10, 60, 22)), ("Maple Town", (10, 24, 90, 36))])
    assert _found(value_below) == ["Maple Town"]


def test_place_of_birth_and_domicile_labels_with_ocr_geometry():
    card = _with_lines(
        [
            ("MADRID", (14, 11, 66, 25)),  # OCR read the value before its label
            ("LUGAR DE NACIMIENTO", (13, 3, 86, 14)),
            ("PROVINCEA-PAIS", (13, 23, 63, 34)),  # a misread label: the next line of text, not the value
            ("MADRID", (13, 32, 66, 46)),
            ("DOMICILIO", (12, 67, 46, 77)),
            ("C/ MAYOR, 6", (11, 74, 109, 89)),
            ("PROVINCIA-PAIS", (11, 119, 61, 129)),
            ("EQUIPO", (268, 123, 291, 133)),  # another column: not the province
        ]
    )
    assert _found(card) == ["MADRID", "MADRID", "C/ MAYOR, 6"]


def test_place_labels_in_plain_text_and_second_sightings():
    assert _found("Place of birth: Osaka\nNationality: Japan") == ["Osaka"]
    # without geometry the value is the next line; the same town elsewhere on its own line is the same datum
    assert _found("MADRID\nLUGAR DE NACIMIENTO\nMADRID\nEQUIPO") == ["MADRID", "MADRID"]


def test_a_place_label_does_not_take_another_label_or_prose():
    assert _found("LUGAR DE NACIMIENTO\nPROVINCIA-PAIS") == []
    assert _found("Place of birth\nDate of issue:") == []
    assert _found("We visited the birthplace of jazz in New Orleans.") == []


def test_lives_in_a_place_of_one_long_word_or_several_words():
    text = "Jessica Smith lives in New York.\nJohn Constantine lives in London."
    assert _found(text) == ["New York", "London"]
    assert _found("he lives in Los Angeles now") == ["Los Angeles"]
    assert _found("she lives in Her Own World") == []  # a possessive is not the start of a place name
    assert _found("lives in Ohio") == ["Ohio"]


def test_a_place_label_without_a_colon_takes_its_value_from_below_only():
    assert _found("PROVINCIA PAIS\nMADRID") == ["MADRID"]
    assert _found("Place of birth Madrid") == []
