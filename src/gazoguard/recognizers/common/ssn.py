"""US Social Security numbers (filed as ``insurance_number``): 123-45-6789.

The exact 3-2-4 hyphenated shape is accepted when the number is a possible
SSN (area not 000 / 666 / 9xx, group not 00, serial not 0000); after an
``SSN`` label any 3-2-4 number is accepted, since examples often break the rules.
"""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, context_before, finditer
from gazoguard.recognizers.normalize import NormalizedText

_SSN = re.compile(r"(?<![\d-])(?P<area>\d{3})-(?P<group>\d{2})-(?P<serial>\d{4})(?![\d-])")
_SPACED = re.compile(r"(?<![\d-])\d{3}\s\d{2}\s\d{4}(?![\d-])")
_LABEL = re.compile(r"ssn|social\s*security|soc\.?\s*sec|tin|itin", re.IGNORECASE)


def possible_ssn(area: str, group: str, serial: str) -> bool:
    return area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"


class SsnRecognizer(Recognizer):
    name = "ssn"
    kinds = frozenset({"insurance_number"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_SSN, text):
            labelled = bool(_LABEL.search(context_before(text, s, 16)))
            valid = possible_ssn(m.group("area"), m.group("group"), m.group("serial"))
            if labelled or valid:
                out.append(self.match(text, s, e, "insurance_number", 0.92 if labelled else 0.75, scheme="us_ssn", plausible=valid))
        for s, e, _ in finditer(_SPACED, text):
            if _LABEL.search(context_before(text, s, 16)):
                out.append(self.match(text, s, e, "insurance_number", 0.85, scheme="us_ssn"))
        return out
