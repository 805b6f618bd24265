"""Words that mark confidential business papers (社外秘, 機密, Confidential, …)."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.normalize import NormalizedText

_MARKS = re.compile(
    r"社外秘|部外秘|極秘|(?:最高|厳重)?機密(?:情報|文書|事項)?|取扱(?:い)?注意|関係者外秘|持出禁止|複製禁止|"
    r"\b(?:strictly\s+)?confidential\b|\binternal\s+use\s+only\b|\bproprietary\b|\btop\s+secret\b|\bdo\s+not\s+distribute\b",
    re.IGNORECASE,
)


class ConfidentialWordRecognizer(Recognizer):
    name = "confidential_word"
    kinds = frozenset({"confidential_word"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        return [self.match(text, s, e, "confidential_word", 0.9, word=m.group(0)) for s, e, m in finditer(_MARKS, text)]
