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
