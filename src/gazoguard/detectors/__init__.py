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


def builtin_detector_classes() -> list[type[Detector]]:
    classes: list[type[Detector]] = []
    for module_info in pkgutil.iter_modules(__path__):
        if module_info.name.startswith("_") or module_info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
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
        return cls([c() for c in builtin_detector_classes() + plugin_detector_classes()])

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
