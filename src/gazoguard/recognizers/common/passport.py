"""Passport numbers: Japanese (two letters + 7 digits) anywhere, other countries' after a passport label."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.normalize import NormalizedText

_JAPANESE = re.compile(r"(?<![A-Za-z0-9])(?:T[ZRKHSEFGJ]|M[AGHKRSTUZ]|[A-Z]{2})\d{7}(?![A-Za-z0-9])")
_LABEL = re.compile(r"passport|passeport|pasaporte|reisepass|旅券|パスポート", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![A-Za-z0-9<])(?=[A-Z0-9]{0,8}\d)[A-Z][A-Z0-9]{5,8}(?![A-Za-z0-9<])|(?<![A-Za-z0-9<])\d{8,9}(?![A-Za-z0-9<])")
_REACH = 40


class PassportRecognizer(Recognizer):
    name = "passport"
    kinds = frozenset({"passport"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        labels = [m.end() for m in _LABEL.finditer(text.norm)]
        for s, e, m in finditer(_NUMBER, text):
            value = m.group(0)
            if sum(c.isdigit() for c in value) < 5:
                continue
            if any(0 <= s - end <= _REACH for end in labels):
                out.append(self.match(text, s, e, "passport", 0.85, context="label"))
        for s, e, _ in finditer(_JAPANESE, text):
            out.append(self.match(text, s, e, "passport", 0.6, format="jp"))
        return out
