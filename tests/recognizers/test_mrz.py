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
    from gazoguard.perception.textlayout import Char, TextLayout

    lines = [[Char(ch, (i * 10, row * 20, i * 10 + 9, row * 20 + 18), row, 0.99) for i, ch in enumerate(line)]
             for row, line in enumerate(TD3.split("\n"))]
    found = findings_for_layout(TextLayout(lines), default_set())
    passport = next(f for f in found if f.kind == "passport" and f.attrs.get("source") == "mrz")
    assert passport.text.startswith("L898902C36UTO") and passport.attrs["as_read"].startswith("L898902C36UT0")


# the visual zone of a Canadian passport as OCR read it: the day's 0 came out as "C"
VISUAL_AND_MRZ = (
    "Date of birth/Date de naissance\nC1 JAN/JAN 85\nDate of issue\n14 JAN /JAN 13\n"
    "P<CANMARTIN<<SARAH<<<<<<<<<<<<<<<<<<<<<<<<<<\nZE000509<9CAN8501019F2301147<<<<<<<<<<<<<<08"
)


def test_a_printed_birth_date_with_a_misread_digit_is_found_when_the_mrz_vouches_for_it():
    from gazoguard.recognizers import default_set

    births = [m for m in default_set().analyze(VISUAL_AND_MRZ) if m.kind == "birthdate"]
    printed = [m for m in births if VISUAL_AND_MRZ[m.start : m.end] == "C1 JAN/JAN 85"]
    assert printed and printed[0].reading == "01 JAN/JAN 85"
    assert not any("14 JAN" in VISUAL_AND_MRZ[m.start : m.end] for m in births)  # the issue date is not a birth date


def test_without_a_valid_mrz_a_misread_date_stays_unclaimed():
    broken = VISUAL_AND_MRZ.replace("8501019", "8501018")  # the birth date's check digit fails
    from gazoguard.recognizers import default_set

    births = [m for m in default_set().analyze(broken) if m.kind == "birthdate"]
    assert not any(broken[m.start : m.end] == "C1 JAN/JAN 85" for m in births)


def test_an_mrz_name_line_with_look_alike_digits_is_a_name_not_a_data_line():
    from gazoguard.recognizers import default_set

    text = "P<FRAERIK5SON<<P10TR<<<<<<<<<<<<<<<<<<<<<<<<\nFHT0LV6X66FRA9307229M3612152<<<<<<<<<<<<<<<6"
    kinds = {(m.kind, text[m.start : m.end][:6]) for m in default_set().analyze(text)}
    assert ("person_name", "P<FRAE") in kinds and ("passport", "FHT0LV") in kinds


def test_an_id_cards_document_line_is_not_read_as_a_name_line():
    from gazoguard.recognizers import default_set

    text = "I<ITARMPKGBTG33<<<<<<<<<<<<<<<\n9603149M2910219ITA<<<<<<<<<<<6\nMUELLER<<SOPHIE<<<<<<<<<<<<<<<"
    kinds = [(m.kind, text[m.start : m.end][:6]) for m in default_set().analyze(text)]
    assert ("passport", "I<ITAR") in kinds and ("person_name", "I<ITAR") not in kinds


def test_the_birth_date_in_a_passport_data_line_is_its_own_finding_beside_the_line():
    from gazoguard.recognizers import default_set

    text = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    found = {(m.kind, text[m.start : m.end]) for m in default_set().analyze(text)}
    assert ("birthdate", "740812") in found
    assert ("passport", "L898902C36UTO7408122F1204159ZE184226B<<<<<10") in found
