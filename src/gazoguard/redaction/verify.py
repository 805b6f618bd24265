"""Check the redacted bytes again with the same engine and profile.

Only the detectors that can emit the redacted kinds run (those that produced
the covered findings plus any that declare one of the kinds), on the encoded
output exactly as it will be written.  A finding of a redacted kind that
counts under the profile (``Profile.counts``: score at or above the profile's
``min_score`` for that kind) is a leftover; a detector that fails or times out
makes the check incomplete.  The container is also walked independently of
any detector (see :mod:`gazoguard.redaction.container`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from gazoguard.core.catalogue import kind_info
from gazoguard.detectors import Registry
from gazoguard.core.finding import DetectorRun, Finding, RunStatus
from gazoguard.profiles import Profile
from gazoguard.redaction.container import container_problems
from gazoguard.redaction.errors import RedactionError


@dataclass(frozen=True)
class Verification:
    detectors: tuple[str, ...]
    leftovers: tuple[Finding, ...]
    incomplete: tuple[DetectorRun, ...]
    container: tuple[str, ...]
    elapsed_ms: float

    @property
    def passed(self) -> bool:
        return not (self.leftovers or self.incomplete or self.container)

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "detectors": list(self.detectors),
            "leftovers": [f.to_dict() for f in self.leftovers],
            "incomplete": [r.to_dict() for r in self.incomplete],
            "container_problems": list(self.container),
            "ms": round(self.elapsed_ms, 1),
        }


def verification_detectors(registry: Registry, findings: Iterable[Finding], kinds: frozenset[str]) -> list[str]:
    """Detectors able to see the redacted kinds: the ones that found them plus any declaring them."""
    known = set(registry.names())
    names = {f.detector for f in findings if f.kind in kinds and f.detector in known}
    names |= {d.name for d in registry.all() if d.kinds & kinds}
    return [n for n in registry.names() if n in names]  # registry order


def verify(engine: Any, data: bytes, profile: Profile, kinds: frozenset[str], detectors: list[str]) -> Verification:
    """Re-check ``data`` (the encoded output) for findings of ``kinds``."""
    started = time.perf_counter()
    problems = tuple(container_problems(data))
    leftovers: tuple[Finding, ...] = ()
    incomplete: tuple[DetectorRun, ...] = ()
    if detectors and kinds:
        report = engine.check(data, profile=profile, detectors=detectors)
        if report.error is not None:
            raise RedactionError("verify_incomplete", detectors=report.error.message_en)
        leftovers = tuple(f for f in report.findings if f.kind in kinds and profile.counts(f.kind, f.score))
        incomplete = tuple(r for r in report.runs if r.status in (RunStatus.FAILED, RunStatus.TIMEOUT))
    return Verification(tuple(detectors), leftovers, incomplete, problems, (time.perf_counter() - started) * 1000)


def raise_for(verification: Verification) -> None:
    """Turn a failed verification into the error the user sees (nothing has been written yet)."""
    if verification.container:
        raise RedactionError("metadata_survived", detail="; ".join(verification.container))
    if verification.incomplete:
        names = ", ".join(f"{r.name}: {r.status.value}" for r in verification.incomplete)
        raise RedactionError("verify_incomplete", detectors=names)
    if verification.leftovers:
        kinds = sorted({f.kind for f in verification.leftovers})
        err = RedactionError(
            "verify_failed",
            kinds=kinds,
            kinds_ja="・".join(kind_info(k).ja for k in kinds),
            kinds_en=", ".join(kind_info(k).en for k in kinds),
        )
        err.leftovers = verification.leftovers  # type: ignore[attr-defined]
        raise err
