"""Weighted keyword sets kept as data (``gazoguard/vision/data/*.toml``) and matched against OCR text.

A data file holds one table per set; each key is a term and each value its
weight (how much that term alone says)::

    [receipt]
    "領収書" = 3.0
    "SUBTOTAL" = 2.0

Matching folds both sides the same way (NFKC, upper case) so full-width
ＴＯＴＡＬ and ｶﾅ match too.  A space inside a term also matches no space
(OCR often glues Latin words), and a term that starts or ends with a Latin
letter must not be part of a longer word, so ``TAX`` does not fire inside
``SYNTAX``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence of a term; ``start``/``end`` index the original (unfolded) text."""

    term: str
    weight: float
    start: int
    end: int


class FoldedText:
    """Text folded for matching, with a map from every folded character back to the original."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            for folded in unicodedata.normalize("NFKC", ch).upper():
                chars.append(folded)
                origin.append(i)
        self.original = text
        self.folded = "".join(chars)
        self._origin = origin + [len(text)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original-text span of folded ``[start, end)``."""
        if end <= start:
            return self._origin[start], self._origin[start]
        return self._origin[start], self._origin[end - 1] + 1

    def finditer(self, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
        return [(*self.span(m.start(), m.end()), m.group(0)) for m in pattern.finditer(self.folded)]


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).upper()


def _is_latin(ch: str) -> bool:
    return "A" <= ch <= "Z"


def term_pattern(term: str) -> re.Pattern[str]:
    folded = fold(term)
    body = r"\s?".join(re.escape(part) for part in folded.split(" "))
    if _is_latin(folded[0]):
        body = r"(?<![A-Z])" + body
    if _is_latin(folded[-1]):
        body = body + r"(?![A-Z])"
    return re.compile(body)


class KeywordSet:
    """A named set of terms with weights, compiled once."""

    def __init__(self, name: str, weights: dict[str, float]) -> None:
        self.name = name
        self.weights = dict(weights)
        self._patterns = [(t, w, term_pattern(t)) for t, w in self.weights.items()]

    def hits(self, text: FoldedText) -> list[Hit]:
        """Every occurrence of every term, in text order."""
        found: list[Hit] = []
        for term, weight, pattern in self._patterns:
            for start, end, _ in text.finditer(pattern):
                found.append(Hit(term, weight, start, end))
        return _outermost(sorted(found, key=lambda h: (h.start, -h.end)))


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop hits lying inside a longer hit (被保険者 inside 被保険者証 is one word, not two)."""
    kept: list[Hit] = []
    for h in hits:
        if any(k.start <= h.start and h.end <= k.end and (k.end - k.start) > (h.end - h.start) for k in kept):
            continue
        kept.append(h)
    return kept


def evidence(hits: list[Hit]) -> float:
    """Sum of weights, each distinct term counted once (a word repeated says no more)."""
    best: dict[str, float] = {}
    for h in hits:
        best[h.term] = max(best.get(h.term, 0.0), h.weight)
    return sum(best.values())


@cache
def load_keyword_sets(resource: str) -> dict[str, KeywordSet]:
    """The sets of ``gazoguard/vision/data/<resource>.toml``; a malformed file raises ``ValueError`` naming it."""
    raw = resources.files("gazoguard.vision").joinpath("data", f"{resource}.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"gazoguard/vision/data/{resource}.toml: {exc}") from exc
    sets: dict[str, KeywordSet] = {}
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(w, (int, float)) for w in table.values()):
            raise ValueError(f"gazoguard/vision/data/{resource}.toml: [{name}] must map terms to numeric weights")
        sets[name] = KeywordSet(name, {str(t): float(w) for t, w in table.items()})
    return sets
