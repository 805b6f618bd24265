"""Values under a column header (name / street / 氏名 / 住所) in tables and spreadsheets on screens.

Uses the OCR line boxes: a header row is a row of lines one of which names a
personal column; each line below it belongs to the header whose left edge is
the nearest one at or left of its own (columns are left-aligned).
"""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch
from gazoguard.recognizers.common.person_name_en import plausible_name
from gazoguard.recognizers.normalize import LineSpan, NormalizedText

_HEADERS = {
    "person_name": re.compile(r"(?:^|\s)(?:full[ _]?name|name|customer|patient|氏名|名前|お名前)$", re.IGNORECASE),
    "address": re.compile(r"(?:^|\s)(?:street|address|addr|住所|所在地)$", re.IGNORECASE),
}
# Any column header of a table of people: a row needs two of these to be a header row.
_ANY_HEADER = re.compile(
    r"(?:^|[\s_])(?:name|e-?mail|mail|street|address|city|state|country|phone|tel|mobile|zip|age|gender|sex|id|dob|birth)$"
    r"|^(?:氏名|名前|住所|電話|電話番号|メール|年齢|性別|生年月日|所属|部署)$",
    re.IGNORECASE,
)
_NAME_VALUE = re.compile(r"^[A-ZÀ-Ý][A-Za-zÀ-ÿ'’-]+(?:\s[A-ZÀ-Ý][A-Za-zÀ-ÿ'’.-]+){0,3}$|^[一-龥々ぁ-んァ-ヶー]{2,5}\s?[一-龥々ぁ-んァ-ヶー]{1,6}$")
_ADDRESS_VALUE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z一-龥]).{3,}$")


MIN_COLUMNS = 3


class TableColumnRecognizer(Recognizer):
    name = "table_columns"
    kinds = frozenset({"person_name", "address"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        if not text.lines:
            return []
        out: list[TextMatch] = []
        for header in text.lines:
            kind = self._kind(text, header)
            if kind is None:
                continue
            row = sorted((ln for ln in text.lines if ln.level_with(header)), key=lambda ln: ln.box[0])
            if len(row) < MIN_COLUMNS or sum(bool(_ANY_HEADER.search(self._label(text, h))) for h in row) < 2:
                continue  # a label beside its value (氏名 山田太郎) is a form, not a table
            height = header.box[3] - header.box[1]
            for line in text.lines:
                if (line.box[1] + line.box[3]) / 2 < header.box[3]:
                    continue
                owners = [h for h in row if h.box[0] <= line.box[0] + 0.5 * height]
                if not owners or owners[-1] is not header:
                    continue
                out.extend(self._value(text, line, kind))
        return out

    @staticmethod
    def _label(text: NormalizedText, line: LineSpan) -> str:
        return text.original[line.start : line.end].strip().lower()

    def _kind(self, text: NormalizedText, line: LineSpan) -> str | None:
        label = self._label(text, line)
        for kind, pattern in _HEADERS.items():
            if pattern.search(label) and len(label) <= 24:
                return kind
        return None

    def _value(self, text: NormalizedText, line: LineSpan, kind: str) -> list[TextMatch]:
        value = text.original[line.start : line.end].strip()
        if not value:
            return []
        start = text.original.index(value, line.start)
        s, e = text.norm_index(start), text.norm_index(start + len(value))
        norm_value = text.norm[s:e]
        # Japanese cells are not taken on shape alone: in forms, the column under 氏名 often holds
        # category words (要介護認定, 居住地) that look exactly like names; the Japanese name recognizer
        # (labels, honorifics, GiNZA) covers names in Japanese tables.
        if kind == "person_name" and _NAME_VALUE.match(norm_value) and norm_value.isascii() and plausible_name(norm_value):
            return [self.match(text, s, e, kind, 0.75, source="table_column")]
        if kind == "address" and _ADDRESS_VALUE.match(norm_value):
            return [self.match(text, s, e, kind, 0.75, source="table_column")]
        return []
