"""E-mail addresses (pure regex; no public-suffix download)."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.normalize import NormalizedText

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9_-])"
)


class EmailRecognizer(Recognizer):
    name = "email"
    kinds = frozenset({"email"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        return [self.match(text, s, e, "email", 0.95) for s, e, _ in finditer(_EMAIL, text)]
