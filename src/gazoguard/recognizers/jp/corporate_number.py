"""Corporate number (法人番号): 13 digits whose FIRST digit is the check digit.

An invoice registration number (適格請求書発行事業者登録番号: T + the 13 digits) names the shop or
company that issued a receipt: business data, not a person's, so it is not reported here — the
documents detector takes it as receipt evidence (``detectors/documents.py``)."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, context_before, finditer
from gazoguard.recognizers.checksums import corporate_number_valid
from gazoguard.recognizers.normalize import NormalizedText

_THIRTEEN = re.compile(r"(?<![\d-])(?:T\s*)?\d[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{4}(?![\d-])")
_LABEL = re.compile(r"法人番号|登録番号|corporate\s*number|インボイス", re.IGNORECASE)


class CorporateNumberRecognizer(Recognizer):
    name = "corporate_number"
    kinds = frozenset({"corporate_number"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_THIRTEEN, text):
            digits = re.sub(r"\D", "", m.group(0))
            if not corporate_number_valid(digits) or len(set(digits)) == 1:
                continue
            if m.group(0).startswith("T"):
                continue  # an invoice registration number: the issuer's, not a person's
            labelled = bool(_LABEL.search(context_before(text, s, 16)))
            out.append(self.match(text, s, e, "corporate_number", 0.95 if labelled else 0.8, validated=True, check="corporate_number"))
        return out
