"""What a detector is: a name, the kinds it may emit, a timeout, and ``detect``."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from typing import ClassVar

from gazoguard.finding import Finding
from gazoguard.picture import Picture
from gazoguard.scene import Scene


class Detector(ABC):
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

    def __init__(self) -> None:
        self._load_lock = threading.Lock()
        self._loaded = False

    def ensure_loaded(self) -> None:
        if self._loaded:
            return
        with self._load_lock:
            if not self._loaded:
                self.load()
                self._loaded = True

    def load(self) -> None:
        """Load models or data; override when needed."""

    @abstractmethod
    def detect(self, picture: Picture, scene: Scene) -> list[Finding]: ...
