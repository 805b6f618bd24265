"""What a recognizer is, and what it returns: plain :class:`TextMatch` spans of the original text."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar

from gazoguard.recognizers.normalize import NormalizedText


@dataclass(frozen=True, slots=True)
class TextMatch:
    """A personal string found in a text: ``text[start:end]`` of the ORIGINAL text is it.

    ``reading`` is set when the recognizer repaired OCR confusions by a rule of the format (check
    digits that hold, or an MRZ name line that can only hold letters): it is then what the
    finding reports as its text.
    """

    start: int
    end: int
    kind: str
    score: float
    attrs: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    reading: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative span {self.start}:{self.end}")
        if not isinstance(self.attrs, MappingProxyType):
            object.__setattr__(self, "attrs", MappingProxyType(dict(self.attrs)))

    @property
    def validated(self) -> bool:
        return bool(self.attrs.get("validated"))

    def overlaps(self, other: TextMatch) -> bool:
        return self.start < other.end and other.start < self.end

    def length(self) -> int:
        return self.end - self.start


class Recognizer(ABC):
    """One kind of personal string, in one file under ``recognizers/jp`` or ``recognizers/common``.

    ``analyze`` receives the text already NFKC-normalised (:class:`NormalizedText`)
    and returns matches whose spans are in the original text; the helper
    :meth:`match` does that mapping for regex matches on ``text.norm``.
    """

    name: ClassVar[str]
    kinds: ClassVar[frozenset[str]]
    #: the recognizer only runs when the text contains Japanese characters
    needs_japanese: ClassVar[bool] = False

    def load(self) -> None:
        """Load models or data once (override when needed)."""

    @abstractmethod
    def analyze(self, text: NormalizedText) -> list[TextMatch]: ...

    def find(self, text: NormalizedText) -> list[TextMatch]:
        """``analyze`` without overlapping duplicates of one kind (the strongest copy stays)."""
        return distinct(self.analyze(text))

    @staticmethod
    def match(
        text: NormalizedText,
        start: int,
        end: int,
        kind: str,
        score: float,
        reading: str | None = None,
        **attrs: Any,
    ) -> TextMatch:
        """A match for ``text.norm[start:end]``, mapped back to the original text."""
        o_start, o_end = text.original_span(start, end)
        return TextMatch(o_start, o_end, kind, score, attrs, reading)


def distinct(matches: list[TextMatch]) -> list[TextMatch]:
    kept: list[TextMatch] = []
    for m in sorted(matches, key=lambda m: (m.validated, m.score, m.length()), reverse=True):
        if not any(m.kind == k.kind and m.overlaps(k) for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))


def finditer(pattern: re.Pattern[str], text: NormalizedText, group: int | str = 0) -> Iterator[tuple[int, int, re.Match[str]]]:
    """``(start, end, match)`` of a pattern's group over the normalised text, skipping empty groups."""
    for m in pattern.finditer(text.norm):
        start, end = m.span(group)
        if start >= 0 and end > start:
            yield start, end, m


def context_before(text: NormalizedText, start: int, chars: int = 20) -> str:
    """Up to ``chars`` normalised characters before ``start``, lower-cased (for label words)."""
    return text.norm[max(0, start - chars) : start].lower()


def context_around(text: NormalizedText, start: int, end: int, before: int = 20, after: int = 10) -> str:
    return text.norm[max(0, start - before) : end + after].lower()
