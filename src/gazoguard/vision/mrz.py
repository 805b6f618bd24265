"""Machine-readable zones (ICAO 9303) in OCR text: ``P<UTO…`` lines of 44, 36 or 30 characters.

OCR reads the filler ``<`` in several ways (く, «, ‹, K after a run of
fillers …), so lines are repaired leniently before they are measured.  Only
the shape is checked here (alphabet, length, filler count); check digits are
the passport recognizer's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazoguard.core.finding import Box, union_box
from gazoguard.perception.textlayout import TextLayout

_FILLERS = str.maketrans({"く": "<", "«": "<<", "‹": "<", "〈": "<", "＜": "<", "ｸ": "<", " ": ""})
_MRZ_CHARS = re.compile(r"[A-Z0-9<]")
# TD3 passports 44, TD2 36, TD1 ID cards 30 characters a line; OCR drops or adds a few
_FORMATS = (("td3", 44), ("td2", 36), ("td1", 30))
_LENGTH_SLACK = 4


@dataclass(frozen=True, slots=True)
class Mrz:
    format: str  # td1 | td2 | td3
    document_code: str  # first letter of the first line: P passport, I/A/C identity card, V visa, "" unknown
    lines: tuple[str, ...]
    box: Box

    @property
    def is_passport(self) -> bool:
        if self.document_code:
            return self.document_code == "P"
        return self.format == "td3"


def _repair(text: str) -> str:
    return text.upper().translate(_FILLERS)


def _looks_like_mrz(line: str) -> str | None:
    if len(line) < 30 - _LENGTH_SLACK or line.count("<") < 3:
        return None
    valid = len(_MRZ_CHARS.findall(line))
    return line if valid / len(line) >= 0.9 else None


def _format_of(length: int) -> str | None:
    for name, size in _FORMATS:
        if abs(length - size) <= _LENGTH_SLACK:
            return name
    return None


def find_mrz(layout: TextLayout) -> Mrz | None:
    """The machine-readable zone, if two or more consecutive-looking MRZ lines are read."""
    candidates = [(_looks_like_mrz(_repair(line.text)), line.box) for line in layout.lines]
    lines = [(text, box) for text, box in candidates if text]
    if not lines:
        return None
    longest = max(len(t) for t, _ in lines)
    fmt = _format_of(longest)
    if fmt is None:
        return None
    # one clean line starting with a document code is enough; otherwise ask for two
    first = lines[0][0]
    code = first[0] if first[0] in "PIACV" and first[1:2] in ("<", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ") else ""
    if len(lines) < 2 and not (code and first[1:2] == "<"):
        return None
    return Mrz(fmt, code, tuple(t for t, _ in lines), union_box([b for _, b in lines]))
