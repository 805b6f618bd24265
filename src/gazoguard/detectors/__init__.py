"""Detectors, one per file, discovered automatically; plug-ins via entry points.

Adding a detector means adding one module here that defines a subclass of
:class:`~gazoguard.detectors.base.Detector`.  Third-party packages register
theirs under the ``gazoguard.detectors`` entry-point group.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from importlib.metadata import entry_points

from gazoguard.detectors.base import Detector


class _UnloadableDetector(Detector):
    """Stands in for a detector module that failed to import: every run fails, so verdicts stay cautious."""

    def __init__(self, name: str, error: BaseException) -> None:
        super().__init__()
        self.name = name  # type: ignore[misc]
        self._error = error

    def detect(self, picture, scene):  # type: ignore[no-untyped-def]
        raise RuntimeError(f"detector module could not be imported: {type(self._error).__name__}: {self._error}")


def builtin_detector_classes() -> list[type[Detector] | Detector]:
    classes: list[type[Detector] | Detector] = []
    for module_info in pkgutil.iter_modules(__path__):
        if module_info.name.startswith("_") or module_info.name == "base":
            continue
        try:
            module = importlib.import_module(f"{__name__}.{module_info.name}")
        except Exception as exc:  # noqa: BLE001 - a broken detector must fail loudly in reports, not crash checks
            classes.append(_UnloadableDetector(module_info.name, exc))
            continue
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Detector) and obj is not Detector and obj.__module__ == module.__name__ and not inspect.isabstract(obj):
                classes.append(obj)
    return classes


def plugin_detector_classes() -> list[type[Detector]]:
    return [ep.load() for ep in entry_points(group="gazoguard.detectors")]


class Registry:
    """The detectors one engine runs. Built once and passed in; no import-time globals."""

    def __init__(self, detectors: list[Detector]) -> None:
        names = [d.name for d in detectors]
        duplicated = {n for n in names if names.count(n) > 1}
        if duplicated:
            raise ValueError(f"duplicate detector names: {sorted(duplicated)}")
        self._detectors = {d.name: d for d in sorted(detectors, key=lambda d: (d.order, d.name))}

    @classmethod
    def default(cls) -> Registry:
        found = builtin_detector_classes() + plugin_detector_classes()
        return cls([c if isinstance(c, Detector) else c() for c in found])

    def names(self) -> list[str]:
        return list(self._detectors)

    def get(self, name: str) -> Detector:
        return self._detectors[name]

    def all(self) -> list[Detector]:
        return list(self._detectors.values())

    def select(self, names: list[str] | None) -> list[Detector]:
        if names is None:
            return self.all()
        unknown = [n for n in names if n not in self._detectors]
        if unknown:
            raise KeyError(f"unknown detectors {unknown}; known: {self.names()}")
        return [self._detectors[n] for n in names]
