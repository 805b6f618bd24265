"""NFKC-normalised text that remembers where each character came from.

Full-width digits and letters (０９０，ＡＢＣ) become ASCII before matching, so
one pattern covers both; matches are mapped back to spans of the original
text so boxes cover exactly the characters a person sees.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

# Dashes OCR and typists use in numbers, unified to "-" after NFKC.
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−ーｰ－"), "-")
# ー is a long vowel in katakana words; only treat it as a dash between digits.
_KATAKANA_LONG = "ー"


@dataclass(frozen=True, slots=True)
class LineSpan:
    """Where one OCR line sits: its span in the original text and its box (for table columns)."""

    start: int
    end: int
    box: tuple[int, int, int, int]

    def level_with(self, other: LineSpan) -> bool:
        """Whether the two lines stand on one row: their middles at most half the lower one's height apart."""
        a, b = self.box, other.box
        return abs((a[1] + a[3]) - (b[1] + b[3])) / 2 <= 0.5 * min(a[3] - a[1], b[3] - b[1])


@dataclass(frozen=True)
class NormalizedText:
    original: str
    norm: str
    #: index in ``original`` of each character of ``norm``; one extra entry for the end
    origin: tuple[int, ...]
    #: OCR line geometry when known (spans in ``original``); empty for plain text
    lines: tuple[LineSpan, ...] = ()

    @classmethod
    def of(cls, original: str, lines: tuple[LineSpan, ...] = ()) -> NormalizedText:
        parts: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(original):
            out = unicodedata.normalize("NFKC", ch)
            if ch == _KATAKANA_LONG or ch == "ｰ":
                out = "-" if _between_digits(original, i) else ch
            else:
                out = out.translate(_DASHES)
            for c in out:
                parts.append(c)
                origin.append(i)
        origin.append(len(original))
        return cls(original, "".join(parts), tuple(origin), tuple(lines))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that ``norm[start:end]`` came from."""
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1 if end > start else o_start
        return o_start, o_end

    def norm_index(self, original_index: int) -> int:
        """The first normalised position that comes from ``original_index`` (or later)."""
        return bisect_left(self.origin, original_index)

    def breaks_one_row(self, norm_index: int) -> bool:
        """Whether the newline at ``norm[norm_index]`` only splits one row: the OCR lines before and
        after it sit side by side, about a character apart (OCR splits 鈴木　恵美 at the wide space)."""
        if not (0 <= norm_index < len(self.norm)) or self.norm[norm_index] != "\n":
            return False
        at = self.origin[norm_index]
        before = next((line for line in self.lines if line.end == at), None)
        after = next((line for line in self.lines if line.start == at + 1), None)
        return before is not None and after is not None and _continues_row(before, after)

    def has_japanese(self) -> bool:
        return any(_is_japanese(c) for c in self.norm)


#: two OCR lines are pieces of one row when the gap between them is at most this many line heights
ROW_GAP_HEIGHTS = 1.5


def _continues_row(left: LineSpan, right: LineSpan) -> bool:
    """``right`` continues ``left`` on its row: level with it, of about one height, a short gap apart."""
    hl, hr = left.box[3] - left.box[1], right.box[3] - right.box[1]
    if min(hl, hr) <= 0 or min(hl, hr) < 0.75 * max(hl, hr) or not left.level_with(right):
        return False
    gap = right.box[0] - left.box[2]
    return -0.2 * max(hl, hr) <= gap <= ROW_GAP_HEIGHTS * max(hl, hr)


def _between_digits(text: str, i: int) -> bool:
    def digit(j: int) -> bool:
        return 0 <= j < len(text) and unicodedata.normalize("NFKC", text[j]).isdigit()

    return digit(i - 1) and digit(i + 1)


def _is_japanese(ch: str) -> bool:
    code = ord(ch)
    return 0x3040 <= code <= 0x30FF or 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF
