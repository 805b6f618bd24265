"""GiNZA (``ja_ginza``, spaCy) loaded once per process, lazily: ~460 MB and 1–2 s to load."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

_lock = threading.Lock()
_nlp: Any = None


def nlp() -> Any:
    """The shared GiNZA pipeline (NER only: the parser and morphologizer are not needed)."""
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy

            _nlp = spacy.load("ja_ginza", exclude=["parser", "morphologizer", "compound_splitter", "bunsetu_recognizer"])
        return _nlp


@lru_cache(maxsize=4096)
def person_spans(line: str) -> tuple[tuple[int, int], ...]:
    """Character spans GiNZA labels Person in one short line (memoised: OCR repeats lines)."""
    doc = nlp()(line)
    return tuple((e.start_char, e.end_char) for e in doc.ents if e.label_ == "Person")
