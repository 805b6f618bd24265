"""Credit-card numbers: 13–19 digits in groups, Luhn-validated."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, context_before, finditer
from gazoguard.recognizers.checksums import luhn_valid
from gazoguard.recognizers.normalize import NormalizedText

_CARD = re.compile(r"(?<![\d-])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?![\d])|(?<![\d-])\d{4}[ -]?\d{6}[ -]?\d{5}(?!\d)")
_CONTEXT = ("card", "カード", "visa", "master", "amex", "jcb", "有効期限", "cc")
# Prefixes of the card networks (ISO/IEC 7812 issuer ranges, coarse).
_ISSUER = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|35|36|30|38|6011|65|62)")


class CreditCardRecognizer(Recognizer):
    name = "credit_card"
    kinds = frozenset({"credit_card"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_CARD, text):
            digits = re.sub(r"\D", "", m.group(0))
            if not 13 <= len(digits) <= 19 or len(set(digits)) == 1 and digits[0] == "0":
                continue
            context = any(w in context_before(text, s, 30) for w in _CONTEXT)
            if luhn_valid(digits):
                score = 0.95 if _ISSUER.match(digits) or context else 0.8
                out.append(self.match(text, s, e, "credit_card", score, validated=True, check="luhn"))
            elif context and len(digits) == 16:
                # a card number after a card label is personal even with an OCR slip in one digit
                out.append(self.match(text, s, e, "credit_card", 0.6, validated=False, check="luhn"))
        return out
