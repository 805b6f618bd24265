"""What a detector is: a name, the kinds it may emit, a timeout, and ``detect``."""

from __future__ import annotations

from abc import ABC, abstractmethod

from gazoguard.core.lazy import LoadsOnce
from typing import ClassVar

from gazoguard.core.finding import Finding
from gazoguard.imaging.picture import Picture
from gazoguard.perception.scene import Scene


class Detector(LoadsOnce, ABC):
    """Subclass in one file under ``gazoguard/detectors/``; it is found automatically.

    ``load`` runs once per process, lazily, before the first ``detect``.
    ``detect`` returns findings and nothing else; raising marks the run
    ``failed``, which makes the verdict more cautious, never safer.
    """

    name: ClassVar[str]
    kinds: ClassVar[frozenset[str]] = frozenset()
    timeout_s: ClassVar[float] = 20.0
    #: lower numbers start first; heavy detectors should start early
    order: ClassVar[int] = 50
    #: runs on threads of lower CPU priority: for detectors off the path of the longest step, text
    #: reading, so that path gets the cores first and they fill the gaps (see engine.LOW_PRIORITY_NICE)
    low_priority: ClassVar[bool] = False

    @abstractmethod
    def detect(self, picture: Picture, scene: Scene) -> list[Finding]: ...
