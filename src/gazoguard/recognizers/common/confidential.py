"""Words that mark confidential business papers (社外秘, 機密, Confidential, …).

A marking stands apart: alone on its line, in brackets or a stamp (【社外秘】),
or in capitals (CONFIDENTIAL).  The same word inside a sentence
(機密情報の取り扱いについて) talks about secrecy and scores low.
"""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.normalize import NormalizedText

_MARKS = re.compile(
    r"社外秘|部外秘|極秘|(?:最高|厳重)?機密(?:情報|文書|事項)?|取扱(?:い)?注意|関係者外秘|持出禁止|複製禁止|"
    r"\b(?:strictly\s+)?confidential\b|\binternal\s+use\s+only\b|\bproprietary\b|\btop\s+secret\b|\bdo\s+not\s+distribute\b",
    re.IGNORECASE,
)
_OPEN = "【[「『(<《〔"
_MARGIN = 2  # a mark, a space or a bracket beside the word still make a stand-alone marking


class ConfidentialWordRecognizer(Recognizer):
    name = "confidential_word"
    kinds = frozenset({"confidential_word"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_MARKS, text):
            line_start = text.norm.rfind("\n", 0, s) + 1
            line_end = text.norm.find("\n", e)
            line_end = len(text.norm) if line_end < 0 else line_end
            alone = (s - line_start) + (line_end - e) <= _MARGIN
            bracketed = s > 0 and text.norm[s - 1] in _OPEN
            capitals = m.group(0).isupper() and m.group(0).isascii()
            score = 0.9 if alone or bracketed or capitals else 0.4
            out.append(self.match(text, s, e, "confidential_word", score, word=m.group(0), marking=score > 0.5))
        return out
