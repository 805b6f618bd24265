"""Readable text with a box for every character: what OCR hands to recognizers.

Lines are joined with ``\\n``; inside a line, CJK characters are joined with no
space, so 東京都 千代田区 reads as 東京都千代田区 and an address pattern sees it
whole.  Every character of :attr:`TextLayout.text` (newlines excepted) has a
box, so a match ``text[start:end]`` maps to exactly the pixels of those
characters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from gazoguard.core.finding import Box, union_box


@dataclass(frozen=True, slots=True)
class Char:
    ch: str
    box: Box
    line: int
    score: float


@dataclass(frozen=True)
class TextLine:
    text: str
    box: Box
    score: float


class TextLayout:
    """Text of a picture with per-character boxes (``None`` box for newlines and inserted spaces)."""

    def __init__(self, lines: list[list[Char]], line_scores: list[float] | None = None) -> None:
        self._chars: list[Char | None] = []
        parts: list[str] = []
        self.lines: list[TextLine] = []
        for i, line in enumerate(lines):
            if not line:
                continue
            if parts:
                parts.append("\n")
                self._chars.append(None)
            for ch in line:
                parts.append(ch.ch)
                self._chars.append(ch if ch.ch != " " else None)
            boxes = [c.box for c in line if c.ch != " "] or [line[0].box]
            score = line_scores[i] if line_scores else min(c.score for c in line)
            self.lines.append(TextLine("".join(c.ch for c in line), union_box(boxes), score))
        self.text = "".join(parts)

    @classmethod
    def empty(cls) -> TextLayout:
        return cls([])

    def __len__(self) -> int:
        return len(self.text)

    def boxes_for_span(self, start: int, end: int) -> list[Box]:
        """One box per line the span touches, covering exactly its characters."""
        per_line: dict[int, list[Box]] = {}
        for c in self._chars[start:end]:
            if c is not None:
                per_line.setdefault(c.line, []).append(c.box)
        return [union_box(b) for _, b in sorted(per_line.items())]

    def box_for_span(self, start: int, end: int) -> Box | None:
        boxes = self.boxes_for_span(start, end)
        return union_box(boxes) if boxes else None

    def score_for_span(self, start: int, end: int) -> float:
        scores = [c.score for c in self._chars[start:end] if c is not None]
        return min(scores) if scores else 0.0


def is_cjk(ch: str) -> bool:
    if not ch:
        return False
    code = ord(ch)
    return (
        0x3000 <= code <= 0x30FF  # punctuation, hiragana, katakana
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or unicodedata.east_asian_width(ch) in ("W", "F")
    )


def needs_space(left: str, right: str) -> bool:
    """Between two OCR tokens: a space only where neither side is CJK."""
    return bool(left) and bool(right) and not is_cjk(left[-1]) and not is_cjk(right[0])
