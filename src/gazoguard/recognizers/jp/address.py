"""Japanese postal addresses: 都道府県 + 市区町村 + 町名 + 丁目/番地/号, or 市区町村 + 丁目 without the prefecture.

OCR lines keep an address whole (textlayout joins CJK without spaces), so the
match runs from the prefecture or municipality to the end of the line, where
building names and room numbers sit, and stops early at the next label
(電話, TEL, 氏名, …).
"""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, context_before, finditer
from gazoguard.recognizers.jp.prefectures import KANJI_DIGITS, PREFECTURE_PATTERN
from gazoguard.recognizers.normalize import NormalizedText

_NAME_CHARS = r"[一-龥々ヶヵケがのノ之ぁ-んァ-ヶー]"
_MUNICIPALITY = rf"(?:{_NAME_CHARS}{{1,5}}郡)?{_NAME_CHARS}{{1,6}}?[市区町村](?:{_NAME_CHARS}{{1,4}}?区)?"
_BLOCK = rf"(?:[\d{KANJI_DIGITS}]+\s*(?:丁目|番地?|号|地割)|\d+(?:\s*-\s*\d+){{1,3}})"
_STOP = r"(?=$|\n|\s{2,}|[、。,]|\s*(?:電話|TEL|Tel|tel|FAX|Fax|携帯|氏名|名前|E-?mail|メール|〒))"
_REST = r"[^\n、。,]*?"

_WITH_PREFECTURE = re.compile(rf"{PREFECTURE_PATTERN}\s*{_MUNICIPALITY}{_REST}{_STOP}")
_WITHOUT_PREFECTURE = re.compile(rf"(?<![一-龥ぁ-んァ-ヶ]){_MUNICIPALITY}{_NAME_CHARS}{{1,8}}?\s*{_BLOCK}{_REST}{_STOP}")
_HAS_BLOCK = re.compile(_BLOCK)
_LABEL = re.compile(r"(?:住\s*所|所在地|居住地|現住所|本籍|送付先|お届け先|address)", re.IGNORECASE)


class JapaneseAddressRecognizer(Recognizer):
    name = "address_jp"
    kinds = frozenset({"address"})
    needs_japanese = True

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_WITH_PREFECTURE, text):
            e = s + len(m.group(0).rstrip())
            block = bool(_HAS_BLOCK.search(m.group(0)))
            labelled = bool(_LABEL.search(context_before(text, s, 8)))
            score = 0.92 if block else (0.75 if labelled else 0.6)
            out.append(self.match(text, s, e, "address", score, prefecture=True, block=block))
        for s, e, m in finditer(_WITHOUT_PREFECTURE, text):
            e = s + len(m.group(0).rstrip())
            if any(f.start <= text.origin[s] < f.end for f in out):
                continue  # the same address, already found with its prefecture
            labelled = bool(_LABEL.search(context_before(text, s, 8)))
            out.append(self.match(text, s, e, "address", 0.85 if labelled else 0.75, prefecture=False, block=True))
        return out
