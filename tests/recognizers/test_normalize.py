from gazoguard.recognizers.normalize import NormalizedText


def test_full_width_digits_map_back_to_original_span():
    text = "電話　０９０－１２３４－５６７８ です"
    norm = NormalizedText.of(text)
    start = norm.norm.index("090-1234-5678")
    s, e = norm.original_span(start, start + len("090-1234-5678"))
    assert text[s:e] == "０９０－１２３４－５６７８"


def test_katakana_long_vowel_is_a_dash_only_between_digits():
    assert NormalizedText.of("コーヒー").norm == "コーヒー"
    assert NormalizedText.of("03ー1234ー5678").norm == "03-1234-5678"


def test_expanding_characters_keep_offsets():
    text = "㈱山田 03-1234-5678"
    norm = NormalizedText.of(text)
    start = norm.norm.index("03")
    s, e = norm.original_span(start, len(norm.norm))
    assert text[s:e] == "03-1234-5678"
