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
    """Stands in for a detector that failed to import or to build: every run fails, so verdicts stay cautious."""

    def __init__(self, name: str, error: BaseException) -> None:
        super().__init__()
        self.name = name  # type: ignore[misc]
        self._error = error

    def detect(self, picture, scene):  # type: ignore[no-untyped-def]
        raise RuntimeError(f"detector could not be loaded: {type(self._error).__name__}: {self._error}")


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


def plugin_detector_classes() -> list[type[Detector] | Detector]:
    """Third-party detectors; one that fails to import stands in as a detector whose every run fails."""
    found: list[type[Detector] | Detector] = []
    for ep in entry_points(group="gazoguard.detectors"):
        try:
            loaded = ep.load()
        except Exception as exc:  # noqa: BLE001 - a broken plug-in must fail like a broken built-in: visibly, cautiously
            found.append(_UnloadableDetector(f"plugin:{ep.name}", exc))
            continue
        if not (isinstance(loaded, type) and issubclass(loaded, Detector)):
            found.append(_UnloadableDetector(f"plugin:{ep.name}", TypeError(f"{ep.value} is not a gazoguard Detector")))
            continue
        found.append(loaded)
    return found


def _instance(found: type[Detector] | Detector) -> Detector:
    if isinstance(found, Detector):
        return found
    try:
        return found()
    except Exception as exc:  # noqa: BLE001 - a detector that cannot even be built still shows up as failed
        return _UnloadableDetector(getattr(found, "name", found.__name__), exc)


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
        found = [_instance(c) for c in builtin_detector_classes() + plugin_detector_classes()]
        taken: set[str] = set()
        unique = []
        for detector in found:  # a plug-in that reuses a built-in's name must not stop every check
            if detector.name in taken:
                detector = _UnloadableDetector(f"{detector.name}:duplicate", ValueError(f"a second detector is named {detector.name!r}"))
            taken.add(detector.name)
            unique.append(detector)
        return cls(unique)

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
