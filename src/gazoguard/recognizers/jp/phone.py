"""Japanese phone numbers: fixed lines, mobiles (070/080/090), IP (050), 0120/0800 free dial, +81.

Candidates are digit groups joined by hyphens, spaces or brackets; the digit
count must fit the number plan (10 digits for fixed lines and 0120, 11 for
mobiles, 050 and 0800).  Numbers without separators need a label (電話, TEL).
"""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, context_before, finditer
from gazoguard.recognizers.normalize import NormalizedText

_SEP = r"[-\s()]{0,2}"
_CANDIDATE = re.compile(
    rf"(?<![\d+-])(?:\+81{_SEP}\(?0?\)?{_SEP}|\(?0)\d{{1,4}}\)?{_SEP}\d{{1,4}}{_SEP}\d{{3,4}}(?![\d-])"
)
_LABEL = re.compile(r"(?:電話|tel|phone|携帯|連絡先|fax|ファックス|ファクス|℡|☎|問い?合わ?せ)", re.IGNORECASE)
_ELEVEN = ("070", "080", "090", "050", "0800", "020", "060")


def plan_fits(national: str) -> bool:
    """Does a national number (leading 0) have the length its prefix needs?"""
    if not national.startswith("0") or national.startswith("00"):
        return False
    if national.startswith(_ELEVEN):
        return len(national) == 11
    return len(national) == 10


class JapanesePhoneRecognizer(Recognizer):
    name = "phone_jp"
    kinds = frozenset({"phone"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_CANDIDATE, text):
            raw = m.group(0)
            if raw.startswith("(") and ")" not in raw:
                s += 1
                raw = raw[1:]
            digits = re.sub(r"\D", "", raw)
            national = "0" + digits[2:].lstrip("0") if raw.startswith("+81") else digits
            if not plan_fits(national):
                continue
            separated = bool(re.search(r"[-\s()]", raw.strip("()")))
            labelled = bool(_LABEL.search(context_before(text, s, 12)))
            if not separated and not labelled and not national.startswith(("070", "080", "090", "0120")):
                continue
            score = 0.9 if separated or labelled else 0.7
            out.append(self.match(text, s, e, "phone", score, number=national, country="JP"))
        return out
