"""The hash file a person gives to a platform instead of their pictures (JSON, no image data).

Only hashes and their quality are written — no pixels, no thumbnails, no EXIF,
and file names only when the person asks for them (a name can itself reveal
what a picture shows).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from gazoguard.core.errors import GazoError
from gazoguard.core.atomic import write_text_atomic
from gazoguard.hashes.bits import hex_to_bytes
from gazoguard.hashes.compute import LOW_QUALITY, VARIANTS, ImageHashes

HASHFILE_FORMAT = "gazoguard.hashes/1"


@dataclass(frozen=True)
class HashItem:
    id: str
    pdq: dict[str, str]
    pdq_quality: int
    phash: str | None = None
    label: str | None = None

    @property
    def low_quality(self) -> bool:
        return self.pdq_quality < LOW_QUALITY

    @classmethod
    def from_hashes(cls, item_id: str, hashes: ImageHashes, label: str | None = None) -> "HashItem":
        return cls(item_id, dict(hashes.pdq), hashes.pdq_quality, hashes.phash, label)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "pdq": self.pdq,
            "pdq_quality": self.pdq_quality,
            "low_quality": self.low_quality,
            "phash": self.phash,
        }
        if self.label:
            out["label"] = self.label
        return out


@dataclass(frozen=True)
class HashFile:
    items: tuple[HashItem, ...]
    created_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": HASHFILE_FORMAT,
            "created_at": self.created_at,
            "algorithms": {"pdq": "PDQ 256-bit, hex; 8 dihedral variants and standard crops", "phash": "imagehash.phash 64-bit, hex"},
            "items": [item.to_dict() for item in self.items],
        }

    def write(self, path: str | Path) -> None:
        write_text_atomic(Path(path), json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n")

    @classmethod
    def read(cls, path: str | Path) -> "HashFile":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise GazoError("bad_hashfile", path=str(path), detail="not found / 見つかりません") from None
        except (OSError, ValueError) as exc:
            raise GazoError("bad_hashfile", path=str(path), detail=str(exc)[:120]) from None
        return cls.from_dict(data, source=str(path))

    @classmethod
    def from_dict(cls, data: Any, *, source: str = "<memory>") -> "HashFile":
        def bad(detail: str) -> GazoError:
            return GazoError("bad_hashfile", path=source, detail=detail)

        if not isinstance(data, dict) or data.get("format") != HASHFILE_FORMAT:
            raise bad(f"format is not {HASHFILE_FORMAT}")
        items = []
        for n, raw in enumerate(data.get("items") or [], start=1):
            if not isinstance(raw, dict) or not isinstance(raw.get("pdq"), dict):
                raise bad(f"item {n}: no pdq")
            pdq = {name: str(raw["pdq"][name]) for name in VARIANTS if name in raw["pdq"]}
            if "original" not in pdq:
                raise bad(f"item {n}: no original PDQ hash")
            try:
                for value in pdq.values():
                    hex_to_bytes(value)
                quality = int(raw.get("pdq_quality", 0))
            except (ValueError, TypeError) as exc:
                raise bad(f"item {n}: {exc}") from None
            items.append(HashItem(str(raw.get("id", n)), pdq, quality, raw.get("phash"), raw.get("label")))
        return cls(tuple(items), str(data.get("created_at", "")))
