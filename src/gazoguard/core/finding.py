"""The one type every detector returns and everything downstream consumes.

A :class:`Finding` says *what* was seen, *where* (a box in pixels of the
oriented picture, or ``None`` for things without a place such as metadata),
*how sure* the detector is, and *which* detector saw it.  It is frozen: the
verdict, the redactor, the annotator and the stores read findings, none of
them change one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from types import MappingProxyType
from typing import Any

from gazoguard.core.catalogue import category_of
from gazoguard.core.geometry import Box, union_box

__all__ = ["Box", "DetectorRun", "Finding", "RunStatus", "union_box"]

"""``(x0, y0, x1, y1)`` in pixels of the picture after EXIF orientation; x1/y1 exclusive."""


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    score: float
    detector: str
    box: Box | None = None
    text: str | None = None
    attrs: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    category: str = ""

    def __post_init__(self) -> None:
        if not self.category:
            object.__setattr__(self, "category", category_of(self.kind))
        if self.box is not None:
            object.__setattr__(self, "box", tuple(int(round(v)) for v in self.box))
        object.__setattr__(self, "score", float(round(self.score, 4)))
        if not isinstance(self.attrs, MappingProxyType):
            object.__setattr__(self, "attrs", _frozen(self.attrs))

    def with_changes(self, **changes: Any) -> Finding:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "category": self.category,
            "score": self.score,
            "box": list(self.box) if self.box is not None else None,
            "detector": self.detector,
            "text": self.text,
            "attrs": _plain(self.attrs),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        box = data.get("box")
        return cls(
            kind=data["kind"],
            category=data.get("category", ""),
            score=data.get("score", 1.0),
            detector=data.get("detector", "unknown"),
            box=tuple(box) if box else None,  # type: ignore[arg-type]
            text=data.get("text"),
            attrs=data.get("attrs") or {},
        )


def _plain(value: Any) -> Any:
    """Turn read-only mappings and tuples into JSON-ready dicts and lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class RunStatus(str, Enum):
    OK = "ok"
    FAILED = "failed"
    TIMEOUT = "timeout"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class DetectorRun:
    name: str
    status: RunStatus
    ms: float
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "status": self.status.value, "ms": round(self.ms, 1)}
        if self.error:
            out["error"] = self.error
        return out
