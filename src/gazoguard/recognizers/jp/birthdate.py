"""Dates of birth in Japanese text: 西暦 and 和暦 (明治・大正・昭和・平成・令和, M/T/S/H/R).

Only a date that is a birth date by its context is reported: followed by 生 /
生まれ, or after a label (生年月日, 誕生日, DOB, Date of birth, born).  Other
dates on the same document (交付, 有効期限) are not personal data.
"""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.normalize import NormalizedText

_S = r"\s*"
_ERA = r"(?:明治|大正|昭和|平成|令和|[MTSHR](?=\s*\d))"
_JA_DATE = rf"(?:{_ERA}{_S}(?:元|\d{{1,2}}){_S}年{_S}\d{{1,2}}{_S}月{_S}\d{{1,2}}{_S}日|\d{{4}}{_S}年{_S}\d{{1,2}}{_S}月{_S}\d{{1,2}}{_S}日)"
_NUMERIC = r"(?:[MTSHR]\s*\d{1,2}|\d{4})[./-]\d{1,2}[./-]\d{1,2}"
_DATE = re.compile(rf"(?P<date>{_JA_DATE}|{_NUMERIC})(?P<born>{_S}(?:生まれ|生|誕生))?")
_LABEL = re.compile(r"(?:生年月日|誕生日|生年|birth|dob|born)[^\d\n]{0,6}\n?[^\d\n]{0,6}$", re.IGNORECASE)


class JapaneseBirthdateRecognizer(Recognizer):
    name = "birthdate_jp"
    kinds = frozenset({"birthdate"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_DATE, text):
            born = m.group("born") is not None
            labelled = bool(_LABEL.search(text.norm[max(0, s - 20) : s]))
            if not (born or labelled):
                continue
            era = m.group("date")[:2] if not m.group("date")[0].isdigit() else "西暦"
            out.append(self.match(text, s, e, "birthdate", 0.9, era=era, context="生" if born else "label"))
        return out
