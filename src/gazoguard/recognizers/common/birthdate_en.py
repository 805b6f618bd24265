"""Dates of birth in Latin-script text: a date after DOB / Date of birth / born (also across a few lines of a form)."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.common.dates import DATE
from gazoguard.recognizers.normalize import NormalizedText

_LABEL = re.compile(
    r"\b(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on)?|of\s+birth|geburtsdatum|"
    r"date\s+de\s+naissance|fecha\s+de\s+nacimiento|nacimiento|naissance)(?![A-Za-z])",
    re.IGNORECASE,
)
# On ID pages the value may sit a few lines below its label, but not further than this.
_REACH = 90
_OTHER_DATE_LABEL = re.compile(r"issue|expir|valid|délivrance|expiration|until", re.IGNORECASE)


class EnglishBirthdateRecognizer(Recognizer):
    name = "birthdate_en"
    kinds = frozenset({"birthdate"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        dates = list(finditer(DATE, text))
        for label in _LABEL.finditer(text.norm):
            for s, e, _ in dates:
                if s < label.end():
                    continue
                between = text.norm[label.end() : s]
                if s - label.end() > _REACH or _OTHER_DATE_LABEL.search(between):
                    break
                score = 0.92 if "\n" not in between else 0.8
                out.append(self.match(text, s, e, "birthdate", score, context="label"))
                break
        return out
