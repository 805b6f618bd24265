"""International phone numbers in Latin text: +CC numbers, NANP (212) 555-1234, labelled local numbers.

``phonenumbers`` (offline metadata, a Presidio dependency) validates numbers
with a country code; NANP-shaped numbers are accepted by shape; other local
numbers (e.g. Singapore's 8 digits) only after a Tel / Phone label.
"""

from __future__ import annotations

import re

import phonenumbers

from gazoguard.recognizers.base import Recognizer, TextMatch, context_before, finditer
from gazoguard.recognizers.normalize import NormalizedText

_PLUS = re.compile(r"(?<![\w+])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,5}){1,4}(?!\d)")
_NANP = re.compile(r"(?<![\w+-])(?:1[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])")
_LABELLED = re.compile(
    r"(?:tel|phone|mobile|mob|cell|fax|hp|call(?:\s+me)?(?:\s+at)?|contact|ph)\.?\s*(?:no\.?|number|#)?\s*[:.]?\s*"
    r"(?P<num>\(?\d[\d\s().-]{6,16}\d)",
    re.IGNORECASE,
)


class InternationalPhoneRecognizer(Recognizer):
    name = "phone_intl"
    kinds = frozenset({"phone"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_PLUS, text):
            if m.group(0).startswith("+81"):
                continue  # the Japanese recognizer knows the plan
            try:
                parsed = phonenumbers.parse(m.group(0), None)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_possible_number(parsed):
                valid = phonenumbers.is_valid_number(parsed)
                out.append(self.match(text, s, e, "phone", 0.9 if valid else 0.7, country_code=parsed.country_code))
        for s, e, m in finditer(_NANP, text):
            digits = re.sub(r"\D", "", m.group(0))[-10:]
            if digits[0] in "01" or digits[3] in "01" and digits[3:6] != "555":
                continue  # area and exchange codes start with 2-9
            out.append(self.match(text, s, e, "phone", 0.85, country="US"))
        for s, e, m in finditer(_LABELLED, text, "num"):
            digits = re.sub(r"\D", "", m.group("num"))
            if 7 <= len(digits) <= 12 and not digits.startswith("0"):
                out.append(self.match(text, s, e, "phone", 0.75, labelled=True))
        return out
