"""Driver's licence numbers (運転免許証番号): 12 digits as 第 XXXXXXXXXXXX 号, or after 免許 / licence."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.normalize import NormalizedText

_DAI_GO = re.compile(r"第\s*(?P<num>\d{12})\s*号?")
_TWELVE = re.compile(r"(?<![\d-])(?P<num>\d{4}[\s-]?\d{4}[\s-]?\d{4})(?![\d-])")
_CONTEXT = re.compile(r"免許|licen[cs]e|license\s*no|DL\s*(?:no|#)", re.IGNORECASE)


class DriversLicenceRecognizer(Recognizer):
    name = "drivers_licence"
    kinds = frozenset({"drivers_licence"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        licence_text = bool(_CONTEXT.search(text.norm))
        for s, e, m in finditer(_DAI_GO, text, "num"):
            out.append(self.match(text, s, e, "drivers_licence", 0.93 if licence_text else 0.8, form="第号"))
        for s, e, m in finditer(_TWELVE, text, "num"):
            near = text.norm[max(0, s - 30) : s]
            taken = any(m.start <= text.origin[s] < m.end for m in out)
            if not taken and (_CONTEXT.search(near) or (licence_text and "番号" in near[-8:])):
                out.append(self.match(text, s, e, "drivers_licence", 0.85, form="context"))
        return out
