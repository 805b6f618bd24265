"""Japanese postcodes: 〒123-4567, 郵便番号 1234567, 郵便番号は〒123-4567, or 123-4567 right before an address.

OCR often reads the postal mark 〒 as the katakana テ (or デ), or as a T at the start of a line; either
directly followed by ###-#### is taken as the mark.
"""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.jp.prefectures import PREFECTURE_PATTERN
from gazoguard.recognizers.normalize import NormalizedText

# OCR reads the mark 〒 as テ or デ (not at the end of a katakana word) or, at the start of a line, as T
_MARK = r"(?:〒|(?<![ァ-ヶー])[テデ](?=\s*\d{3}-\d{4})|(?<![^\n])T(?=\s?\d{3}-\d{4}))"
_MARKED = re.compile(
    rf"(?:(?:郵便番号|郵便|postal\s*code|zip)\s*(?:[:：]|は|が)?\s*{_MARK}?|{_MARK})\s*\d{{3}}\s*-?\s*\d{{4}}(?![\d-])", re.IGNORECASE
)
_BARE = re.compile(r"(?<![\d-])\d{3}-\d{4}(?![\d-])")
_ADDRESS_AFTER = re.compile(rf"^\s*(?:{PREFECTURE_PATTERN}|[一-龥]{{1,6}}[市区町村])")


class JapanesePostcodeRecognizer(Recognizer):
    name = "postcode_jp"
    kinds = frozenset({"postcode"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, _ in finditer(_MARKED, text):
            out.append(self.match(text, s, e, "postcode", 0.95, marked=True))
        for s, e, _ in finditer(_BARE, text):
            if _ADDRESS_AFTER.match(text.norm[e : e + 12]):
                out.append(self.match(text, s, e, "postcode", 0.85, marked=False))
        return out
