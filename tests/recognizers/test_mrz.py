from gazoguard.recognizers.common.mrz import MrzRecognizer
from gazoguard.recognizers.normalize import NormalizedText

# ICAO 9303 specimen (TD3); the OCR often reads the O of UTO as 0.
TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UT07408122F1204159ZE184226B<<<<<10"


def test_td3_gives_name_and_validated_passport():
    matches = MrzRecognizer().analyze(NormalizedText.of(TD3))
    kinds = {m.kind: m for m in matches}
    assert kinds["person_name"].attrs["names"] == ["ERIKSSON", "ANNA MARIA"]
    passport = kinds["passport"]
    assert passport.validated and passport.attrs["number"] == "L898902C3" and passport.attrs["birthdate"] == "740812"


def test_broken_check_digits_are_rejected():
    broken = TD3.replace("L898902C36", "L898902C35").replace("7408122", "7408123")
    assert not [m for m in MrzRecognizer().analyze(NormalizedText.of(broken)) if m.kind == "passport"]


def test_the_reading_puts_letters_and_digits_where_icao_puts_them():
    matches = MrzRecognizer().analyze(NormalizedText.of(TD3))
    passport = next(m for m in matches if m.kind == "passport")
    name = next(m for m in matches if m.kind == "person_name")
    assert passport.reading == "L898902C36UTO7408122F1204159ZE184226B<<<<<10"  # "UT0" read, "UTO" meant
    assert name.reading == "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"


def test_the_finding_reports_the_repaired_reading_and_keeps_what_ocr_read():
    from gazoguard.detectors.personal_text import findings_for_layout
    from gazoguard.recognizers import default_set
    from gazoguard.textlayout import Char, TextLayout

    lines = [[Char(ch, (i * 10, row * 20, i * 10 + 9, row * 20 + 18), row, 0.99) for i, ch in enumerate(line)]
             for row, line in enumerate(TD3.split("\n"))]
    found = findings_for_layout(TextLayout(lines), default_set())
    passport = next(f for f in found if f.kind == "passport" and f.attrs.get("source") == "mrz")
    assert passport.text.startswith("L898902C36UTO") and passport.attrs["as_read"].startswith("L898902C36UT0")
