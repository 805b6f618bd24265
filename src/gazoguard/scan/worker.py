"""One scan worker: the engine loaded once, and the function that turns one entry into its result rows.

The same :class:`Scanner` runs inside a Ray actor and in-process, so both paths give the same rows.
A row never carries read text: the personal data a scan looks for is not copied into its results.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from gazoguard.scan.sources import REASONS, Entry

#: result columns, in order (docs/scan.md explains each)
ROW_FIELDS = (
    "source", "path", "sha256", "size", "file_time", "status", "reason", "reason_ja", "reason_en",
    "format", "width", "height", "level", "action", "kinds", "categories", "n_findings", "counts",
    "doc_kind", "must_not_store", "sexual", "minor", "failed_detectors", "pdq", "pdq_quality", "elapsed_ms",
)
#: columns that measure a run rather than describe the image (left out when two runs are compared)
TIMING_FIELDS = frozenset({"elapsed_ms"})


@dataclass(frozen=True)
class ScanConfig:
    """What decides a result: the profile and the detectors (``None`` = all)."""

    profile: str = "business-intake"
    detectors: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"profile": self.profile, "detectors": list(self.detectors) if self.detectors else None}


def engine_version(config: ScanConfig) -> str:
    """The gazoguard version, the detectors that run and the profile's content: a change in any is a new engine."""
    from gazoguard.core.version import __version__
    from gazoguard.detectors import Registry
    from gazoguard.profiles import load_profile

    names = list(config.detectors) if config.detectors else Registry.default().names()
    profile = load_profile(config.profile)
    digest = hashlib.sha256(_profile_text(config.profile).encode("utf-8")).hexdigest()[:16]
    return f"gazoguard {__version__}; detectors={','.join(sorted(names))}; profile={profile.name}@{digest}"


def _profile_text(name: str) -> str:
    """The profile file's text: a shipped profile's resource, or the file given by path."""
    from importlib import resources
    from pathlib import Path

    if name.endswith(".toml") or "/" in name or Path(name).is_file():
        return Path(name).read_text(encoding="utf-8")
    return resources.files("gazoguard.profiles").joinpath(name.replace("-", "_") + ".toml").read_text(encoding="utf-8")


class Scanner:
    """Checks entries with one long-lived engine (models load on the first image, once)."""

    def __init__(self, config: ScanConfig) -> None:
        from gazoguard.pipeline.engine import Engine
        from gazoguard.profiles import load_profile

        self.config = config
        self.profile = load_profile(config.profile)
        self.engine = Engine()

    def scan(self, meta: dict[str, Any], data: bytes) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The result row and finding rows of one image (an unreadable image gives an error row)."""
        from gazoguard.core.errors import GazoError
        from gazoguard.hashes.bits import bytes_to_hex
        from gazoguard.hashes.compute import pdq_hash
        from gazoguard.imaging.picture import decode_bytes

        started = time.perf_counter()
        try:
            picture = decode_bytes(data, path=meta["path"])
        except GazoError as err:
            row = base_row(meta, status="error", reason=err.code, ja=err.message_ja, en=err.message_en)
            row["elapsed_ms"] = _ms(started)
            return row, []
        detectors = list(self.config.detectors) if self.config.detectors else None
        report = self.engine.check(picture, profile=self.profile, detectors=detectors)
        bits, quality = pdq_hash(picture)
        row = _report_row(meta, report)
        row.update(pdq=bytes_to_hex(bits), pdq_quality=quality, elapsed_ms=_ms(started))
        return row, [finding_row(meta, n, f.to_dict()) for n, f in enumerate(report.findings)]

    def close(self) -> None:
        self.engine.close()


def entry_meta(entry: Entry, sha256: str) -> dict[str, Any]:
    """The plain facts of an entry a worker needs (no bytes)."""
    return {"source": entry.source, "path": entry.path, "sha256": sha256, "size": entry.size, "mtime": entry.mtime}


def base_row(meta: dict[str, Any], *, status: str, reason: str = "", ja: str = "", en: str = "") -> dict[str, Any]:
    """A row with every column present: the entry's facts and empty results."""
    if reason and not ja:
        ja, en = REASONS.get(reason, ("", ""))
    return {
        "source": meta["source"], "path": meta["path"], "sha256": meta["sha256"], "size": int(meta["size"] or 0),
        "file_time": _iso(meta.get("mtime")), "status": status, "reason": reason, "reason_ja": ja, "reason_en": en,
        "format": "", "width": 0, "height": 0, "level": "", "action": "", "kinds": [], "categories": [],
        "n_findings": 0, "counts": "{}", "doc_kind": "", "must_not_store": False, "sexual": False, "minor": False,
        "failed_detectors": [], "pdq": "", "pdq_quality": 0, "elapsed_ms": 0.0,
    }


def _report_row(meta: dict[str, Any], report: Any) -> dict[str, Any]:
    row = base_row(meta, status="ok")
    verdict = report.verdict
    findings = report.findings
    categories = {f.category for f in findings}
    documents = sorted((f for f in findings if f.category == "document"), key=lambda f: -f.score)
    row.update(
        format=report.image.get("format", ""), width=int(report.image.get("width", 0)), height=int(report.image.get("height", 0)),
        level=verdict.level.value if verdict else "", action=(verdict.action or "") if verdict else "",
        kinds=sorted({f.kind for f in findings}), categories=sorted(categories), n_findings=len(findings),
        counts=json.dumps(dict(sorted(Counter(f.kind for f in findings).items())), separators=(",", ":")),
        doc_kind=documents[0].kind if documents else "", must_not_store=bool(verdict and verdict.must_not_store),
        sexual="sexual" in categories, minor="minor" in categories,
        failed_detectors=sorted(r.name for r in report.runs if r.status.value in ("failed", "timeout")),
    )
    return row


def finding_row(meta: dict[str, Any], n: int, finding: dict[str, Any]) -> dict[str, Any]:
    """One finding as a row: no read text (only whether there was some), the box as four numbers."""
    box = finding.get("box") or [None] * 4
    return {
        "source": meta["source"], "path": meta["path"], "sha256": meta["sha256"], "n": n,
        "kind": finding["kind"], "category": finding["category"], "score": float(finding["score"]),
        "detector": finding["detector"], "x0": box[0], "y0": box[1], "x1": box[2], "y1": box[3],
        "has_text": bool(finding.get("text")),
    }


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _iso(mtime: float | None) -> str:
    if mtime is None:
        return ""
    return dt.datetime.fromtimestamp(mtime, tz=dt.timezone.utc).isoformat(timespec="seconds")
