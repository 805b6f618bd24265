"""Personal-text recognizers, one per file under ``jp/`` and ``common/``, found automatically.

Presidio-style: each :class:`~gazoguard.recognizers.base.Recognizer` finds one
kind of string and returns plain :class:`~gazoguard.recognizers.base.TextMatch`
spans; :func:`analyze` runs them all on NFKC-normalised text and resolves
overlaps (a validated number beats a generic one, duplicates collapse).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from gazoguard.core.lazy import LoadsOnce, load_once
from gazoguard.recognizers.base import Recognizer, TextMatch
from gazoguard.recognizers.echo import echoes
from gazoguard.recognizers.normalize import LineSpan, NormalizedText
from gazoguard.recognizers.resolve import resolve_overlaps

__all__ = ["LineSpan", "NormalizedText", "Recognizer", "RecognizerSet", "TextMatch", "analyze", "recognizer_classes"]

_PACKAGES = ("jp", "common")


def recognizer_classes() -> list[type[Recognizer]]:
    """Every concrete Recognizer defined in a module of ``recognizers/jp`` or ``recognizers/common``."""
    found: list[type[Recognizer]] = []
    for package_name in _PACKAGES:
        package = importlib.import_module(f"{__name__}.{package_name}")
        for info in pkgutil.iter_modules(package.__path__):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _, obj in inspect.getmembers(module, inspect.isclass):
                if issubclass(obj, Recognizer) and obj.__module__ == module.__name__ and not inspect.isabstract(obj):
                    found.append(obj)
    return sorted(found, key=lambda c: c.name)


class RecognizerSet(LoadsOnce):
    """The recognizers one detector runs; built once per process, loaded lazily."""

    def __init__(self, recognizers: list[Recognizer] | None = None) -> None:
        self.recognizers = recognizers if recognizers is not None else [cls() for cls in recognizer_classes()]
        super().__init__()

    def load(self) -> None:
        for r in self.recognizers:
            r.load()

    def analyze(self, text: str | NormalizedText) -> list[TextMatch]:
        norm = text if isinstance(text, NormalizedText) else NormalizedText.of(text)
        if not norm.norm.strip():
            return []
        self.ensure_loaded()
        japanese = norm.has_japanese()
        matches: list[TextMatch] = []
        for r in self.recognizers:
            if r.needs_japanese and not japanese:
                continue
            matches.extend(r.find(norm))
        matches.extend(echoes(norm, matches))
        return resolve_overlaps(matches)


@load_once
def default_set() -> RecognizerSet:
    """The process-wide recognizer set (every recognizer of jp/ and common/)."""
    return RecognizerSet()


def analyze(text: str | NormalizedText) -> list[TextMatch]:
    """All personal strings in ``text`` (original-text spans), overlaps resolved."""
    return default_set().analyze(text)
