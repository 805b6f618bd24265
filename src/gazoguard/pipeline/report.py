"""The report contract ``gazoguard.report/1``: what a check says, as plain data.

Revision 1.1 adds the optional ``coverage`` (what was and was not looked at); a reader of 1.0 ignores it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from gazoguard.pipeline.coverage import Coverage
from gazoguard.pipeline.verdict import Verdict
from gazoguard.core.errors import GazoError
from gazoguard.core.finding import DetectorRun, Finding

SCHEMA = "gazoguard.report/1"


@dataclass(frozen=True)
class Report:
    image: dict[str, Any]
    profile: str
    findings: tuple[Finding, ...] = ()
    verdict: Verdict | None = None
    runs: tuple[DetectorRun, ...] = ()
    elapsed_ms: float = 0.0
    error: GazoError | None = None
    coverage: Coverage | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def level(self) -> str | None:
        return self.verdict.level.value if self.verdict else None

    def kinds(self) -> set[str]:
        return {f.kind for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {"schema": SCHEMA, "image": {"path": self.image.get("path")}, "error": self.error.to_dict()}
        assert self.verdict is not None
        verdict = self.verdict.to_dict()
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "image": dict(self.image),
            "profile": self.profile,
            "verdict": verdict,
        }
        if self.verdict.action is not None:
            out["action"] = self.verdict.action
        out["findings"] = [f.to_dict() for f in self.findings]
        out["detectors"] = [r.to_dict() for r in self.runs]
        out["elapsed_ms"] = round(self.elapsed_ms, 1)
        if self.coverage is not None:
            out["coverage"] = self.coverage.to_dict()
        out.update(self.extra)
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def for_error(cls, path: str | None, error: GazoError, profile: str = "") -> Report:
        return cls(image={"path": path}, profile=profile, error=error)
