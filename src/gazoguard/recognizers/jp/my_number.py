"""My Number (個人番号): 12 digits whose last digit is the official check digit.

Without a label the number must stand in its printed shape (4-4-4 or 12 in a row); after 個人番号 /
マイナンバー any grouping people write counts (6-6, wide spaces, `` - ``) and so does a number OCR
split over two lines.  A number that fails the check digit is never a My Number.
"""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, context_before, finditer
from gazoguard.recognizers.checksums import my_number_valid
from gazoguard.recognizers.normalize import NormalizedText

_TWELVE = re.compile(r"(?<![\d-])\d{4}[\s-]?\d{4}[\s-]?\d{4}(?![\d-])")
# twelve digits in any grouping, at most one line break inside, no digit right after
_LOOSE = re.compile(r"(?<![\d])\d(?:[ \t-]{0,3}\n?[ \t-]{0,3}\d){11}(?![ \t-]{0,3}\d)")
_LABEL = re.compile(r"個人番号|マイナンバー|my\s*number", re.IGNORECASE)
_OTHER_NUMBER = re.compile(r"免許|第\s*$|口座|電話|tel|法人", re.IGNORECASE)


class MyNumberRecognizer(Recognizer):
    name = "my_number"
    kinds = frozenset({"my_number"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_TWELVE, text):
            digits = re.sub(r"\D", "", m.group(0))
            if not my_number_valid(digits) or len(set(digits)) == 1:
                continue
            before = context_before(text, s, 16)
            labelled = bool(_LABEL.search(before))
            if not labelled and _OTHER_NUMBER.search(before):
                continue  # a licence or account number that happens to pass the check
            out.append(self.match(text, s, e, "my_number", 0.97 if labelled else 0.9, validated=True, check="my_number"))
        for s, e, m in finditer(_LOOSE, text):
            digits = re.sub(r"\D", "", m.group(0))
            if not my_number_valid(digits) or len(set(digits)) == 1 or not _LABEL.search(context_before(text, s, 16)):
                continue
            out.append(self.match(text, s, e, "my_number", 0.96, validated=True, check="my_number", grouping="loose"))
        return out
