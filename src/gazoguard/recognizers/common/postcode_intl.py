"""Postcodes outside Japan: US ZIP after a state code, UK postcodes, Singapore's 6 digits, labelled codes."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.normalize import NormalizedText

_US_STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR "
    "PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
).split()
_PATTERNS = (
    (re.compile(rf"\b(?:{'|'.join(_US_STATES)})\s+\d{{5}}(?:-\d{{4}})?\b"), 0.85, "US"),
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b"), 0.8, "GB"),
    (re.compile(r"\bSingapore\s*\(?\d{6}\)?(?!\d)", re.IGNORECASE), 0.9, "SG"),
    (re.compile(r"\b(?:postal\s*code|post\s*code|postcode|zip(?:\s*code)?|c\.?p\.?)\s*[:#]?\s*[A-Z0-9][A-Z0-9 -]{2,8}[0-9A-Z]\b", re.IGNORECASE), 0.85, "label"),
)


class InternationalPostcodeRecognizer(Recognizer):
    name = "postcode_intl"
    kinds = frozenset({"postcode"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for pattern, score, country in _PATTERNS:
            for s, e, m in finditer(pattern, text):
                if re.search(r"\d", m.group(0)):
                    out.append(self.match(text, s, e, "postcode", score, country=country))
        return out
