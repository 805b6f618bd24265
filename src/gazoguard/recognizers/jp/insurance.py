"""Health-insurance card symbol and number (被保険者証の記号・番号, 保険者番号)."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.normalize import NormalizedText

_SYMBOL_NUMBER = re.compile(
    r"記号\s*[:：]?\s*(?P<symbol>[\dA-Za-z一-龥-]{1,10})\s*[・,、]?\s*番号\s*[:：]?\s*(?P<number>[\dA-Za-z-]{1,12})"
)
_INSURER = re.compile(r"(?:保険者番号|被保険者番号|保険証番号|被保険者証番号)\s*[:：]?\s*(?P<number>\d[\d\s-]{4,14}\d)")
_CONTEXT = re.compile(r"保険|被保険者|健康保険|国民健康|組合", re.IGNORECASE)


class JapaneseInsuranceRecognizer(Recognizer):
    name = "insurance_jp"
    kinds = frozenset({"insurance_number"})
    needs_japanese = True

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        insurance_text = bool(_CONTEXT.search(text.norm))
        for s, e, m in finditer(_SYMBOL_NUMBER, text):
            if not re.search(r"\d", m.group("symbol") + m.group("number")):
                continue
            out.append(self.match(text, s, e, "insurance_number", 0.9 if insurance_text else 0.7, part="symbol_number"))
        for s, e, m in finditer(_INSURER, text, "number"):
            out.append(self.match(text, s, e, "insurance_number", 0.88, part="insurer_number"))
        return out
