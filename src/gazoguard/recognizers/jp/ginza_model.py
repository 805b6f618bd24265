"""GiNZA (``ja_ginza``, spaCy) loaded once per process, lazily: ~460 MB and 1–2 s to load.

:func:`load_in_background` starts that load on a thread and returns at once, so
warm-up does not wait for it; the first :func:`nlp` call waits for the load (or
retries it and raises when it failed), so results never differ.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

_lock = threading.Lock()
_nlp: Any = None
_loader_lock = threading.Lock()
_loader: threading.Thread | None = None


def nlp() -> Any:
    """The shared GiNZA pipeline (NER only: the parser and morphologizer are not needed)."""
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy

            _nlp = spacy.load("ja_ginza", exclude=["parser", "morphologizer", "compound_splitter", "bunsetu_recognizer"])
        return _nlp


def load_in_background() -> None:
    """Start loading GiNZA on a thread unless it is loaded or loading (never raises here)."""
    global _loader
    with _loader_lock:
        if _nlp is not None or (_loader is not None and _loader.is_alive()):
            return
        # not a daemon: a process that ends early waits for the import instead of killing it halfway
        _loader = threading.Thread(target=_load_quietly, name="gazoguard-ginza-load", daemon=False)
        _loader.start()


def _load_quietly() -> None:
    try:
        nlp()
    except Exception:  # noqa: BLE001 - the next nlp() call retries and raises where a check can report it
        pass


@lru_cache(maxsize=4096)
def person_spans(line: str) -> tuple[tuple[int, int], ...]:
    """Character spans GiNZA labels Person in one short line (memoised: OCR repeats lines)."""
    doc = nlp()(line)
    return tuple((e.start_char, e.end_char) for e in doc.ents if e.label_ == "Person")
