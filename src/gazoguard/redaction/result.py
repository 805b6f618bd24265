"""What a redaction did, as plain data: covers, strips, the re-check, timings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gazoguard.core.catalogue import kind_info
from gazoguard.core.finding import DetectorRun
from gazoguard.redaction.plan import Cover
from gazoguard.redaction.verify import Verification

SCHEMA = "gazoguard.redaction/1"


@dataclass(frozen=True)
class RedactionResult:
    source: str | None
    output: str | None
    format: str
    profile: str
    size_in: tuple[int, int]
    size_out: tuple[int, int]
    covers: tuple[Cover, ...]
    stripped: tuple[tuple[int, str], ...]
    downscaled: tuple[tuple[int, str], ...]
    not_covered: tuple[tuple[int, str, str], ...]
    unchecked: tuple[DetectorRun, ...]  # detectors that failed on the original: what they would have found is unknown
    verification: Verification
    passes: int
    timings_ms: dict[str, float]
    preview: str | None = None
    data: bytes = field(default=b"", repr=False)

    @property
    def verified(self) -> bool:
        return self.verification.passed

    @property
    def complete(self) -> bool:
        """Verified, and nothing found in the original was left uncovered or unchecked."""
        return self.verified and not self.not_covered and not self.unchecked

    @property
    def scale(self) -> float:
        return self.size_out[0] / self.size_in[0] if self.size_in[0] else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "source": self.source,
            "output": self.output,
            "format": self.format,
            "profile": self.profile,
            "size_in": list(self.size_in),
            "size_out": list(self.size_out),
            "scale": round(self.scale, 6),
            "covered": [_cover_dict(c) for c in self.covers],
            "stripped": [_entry(i, k, "stripped by re-encoding") for i, k in self.stripped],
            "downscaled": [_entry(i, k, "downscaled") for i, k in self.downscaled],
            "not_covered": [_entry(i, k, reason) for i, k, reason in self.not_covered],
            "unchecked_detectors": [r.to_dict() for r in self.unchecked],
            "verification": self.verification.to_dict(),
            "passes": self.passes,
            "second_pass": self.passes > 1,
            "verified": self.verified,
            "complete": self.complete,
            "preview": self.preview,
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }


def _cover_dict(cover: Cover) -> dict[str, Any]:
    out = cover.to_dict()
    # pass 1 paints boxes of the original picture; a second pass paints leftovers found in the output
    out["space"] = "original" if cover.pass_no == 1 else "output"
    info = kind_info(cover.kind)
    out["label_ja"], out["label_en"] = info.ja, info.en
    return out


def _entry(index: int, kind: str, how: str) -> dict[str, Any]:
    info = kind_info(kind)
    return {"finding": index, "kind": kind, "label_ja": info.ja, "label_en": info.en, "how": how}
