"""Japanese postal addresses: 都道府県 + 市区町村 + 町名 + 丁目/番地/号, or 市区町村 + 丁目 without the prefecture.

OCR lines keep an address whole (textlayout joins CJK without spaces), so the
match runs from the prefecture or municipality to the end of the line, where
building names and room numbers sit, and stops early at the next label
(電話, TEL, 氏名, …).  An address written over two lines goes on to the next line when that line,
right below it, names a building or a room; a town with its block (三宮町1丁目27番6号) is an address
even without its municipality.
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
# a town and its block without the municipality still pins a home: 三宮町1丁目27番6号, 北一条西1-2-1
_TOWN_BLOCK = re.compile(
    rf"(?<![一-龥々ヶァ-ヶ\d-])[一-龥々ヶ]{{1,6}}?(?:町|丁)?\s*(?:[\d{KANJI_DIGITS}]+\s*丁目\s*\d+\s*(?:番地?|-)\s*\d+(?:\s*号)?|"
    r"[1-9]\d{0,3}-\d{1,4}-\d{1,4})(?![\d-])"
)
# words before a number that make it a telephone, order or member number, not a block
_NOT_TOWN = re.compile(r"電話|携帯|番号|内線|受付|注文|会員|伝票|品番|型番|口座|記号|期間|時間")
_TOWN_NAME = re.compile(r"^[一-龥々ヶ]{2,6}")
# the second line of an address: a building and its room (山口レジデンス2号館107号, ○○ビル 5F)
_BUILDING_LINE = re.compile(
    r"^[^\n]{0,24}?(?:ハイツ|マンション|コーポ|レジデンス|荘|ビル|タワー|パレス|ハウス|アパート|メゾン|プラザ|コート|ヒルズ|"
    r"棟|号館|号室|[0-9]+\s*[階F])[^\n]{0,16}$|^[^\n]{1,20}?\d{2,4}\s*(?:号室|号)?$"
)
_NOT_BUILDING = re.compile(r"電話|TEL|Tel|FAX|様|さん|殿|氏名|名前|〒|@|:|：")


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
            e = _with_building_line(text, e)
            out.append(self.match(text, s, e, "address", score, prefecture=True, block=block, reading=_one_line(text, s, e)))
        for s, e, m in finditer(_WITHOUT_PREFECTURE, text):
            e = s + len(m.group(0).rstrip())
            if any(f.start <= text.origin[s] < f.end for f in out):
                continue  # the same address, already found with its prefecture
            labelled = bool(_LABEL.search(context_before(text, s, 8)))
            e = _with_building_line(text, e)
            out.append(self.match(text, s, e, "address", 0.85 if labelled else 0.75, prefecture=False, block=True, reading=_one_line(text, s, e)))
        for s, e, m in finditer(_TOWN_BLOCK, text):
            if any(f.start <= text.origin[s] < f.end or text.origin[s] <= f.start < text.origin[e - 1] + 1 for f in out):
                continue
            if _NOT_TOWN.search(m.group(0)) or "丁目" not in m.group(0) and not _TOWN_NAME.match(m.group(0)):
                continue  # bare 1-2-3 is a version or a score, not a place
            out.append(self.match(text, s, e, "address", 0.7, prefecture=False, block=True, partial=True))
        return out


def _with_building_line(text: NormalizedText, end: int) -> int:
    """Where an address ends: past ``end`` when it ends its line and the next line, just below it,
    names a building and a room (a long address written over two lines)."""
    if end >= len(text.norm) or text.norm[end] != "\n":
        return end
    line_end = text.norm.find("\n", end + 1)
    line_end = len(text.norm) if line_end < 0 else line_end
    nxt = text.norm[end + 1 : line_end].strip()
    if not nxt or not _BUILDING_LINE.match(nxt) or _NOT_BUILDING.search(nxt) or not _just_below(text, end):
        return end
    return end + 1 + text.norm[end + 1 : line_end].index(nxt) + len(nxt)


def _just_below(text: NormalizedText, newline: int) -> bool:
    """The OCR line after ``newline`` sits under the one before it (or no geometry is known)."""
    at = text.origin[newline]
    above = next((line for line in text.lines if line.end == at), None)
    below = next((line for line in text.lines if line.start == at + 1), None)
    if above is None or below is None:
        return True
    height = max(1, above.box[3] - above.box[1])
    return 0 <= below.box[1] - above.box[3] <= 1.5 * height and abs(below.box[0] - above.box[0]) <= 4 * height


def _one_line(text: NormalizedText, start: int, end: int) -> str | None:
    value = text.norm[start:end]
    return value.replace("\n", " ") if "\n" in value else None
