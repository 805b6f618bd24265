"""Helpers for recognizer tests: run one recognizer on plain text, get (kind, matched text) pairs."""

from __future__ import annotations

import pytest

from gazoguard.recognizers import NormalizedText, Recognizer


def found(recognizer: Recognizer, text: str, kind: str | None = None, min_score: float = 0.5) -> list[str]:
    norm = NormalizedText.of(text)
    return [text[m.start : m.end] for m in recognizer.find(norm) if (kind is None or m.kind == kind) and m.score >= min_score]


@pytest.fixture
def find():
    return found
