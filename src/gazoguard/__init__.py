"""gazoguard (画像ガード): an offline, Japanese-first safety check for images sent in chats.

    >>> import gazoguard
    >>> report = gazoguard.check("photo.jpg", profile="personal")
    >>> report.level, [f.kind for f in report.findings]
"""

from __future__ import annotations

import os
import threading

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")  # onnxruntime must never phone home

from gazoguard.finding import DetectorRun, Finding, RunStatus  # noqa: E402
from gazoguard.report import SCHEMA, Report  # noqa: E402

__version__ = "0.1.0"
__all__ = ["SCHEMA", "DetectorRun", "Finding", "Report", "RunStatus", "check", "default_engine", "redact"]

_engine = None
_engine_lock = threading.Lock()


def default_engine():  # -> Engine
    """The process-wide engine: models are loaded once per process and shared."""
    global _engine
    with _engine_lock:
        if _engine is None:
            from gazoguard.engine import Engine

            _engine = Engine()
        return _engine


def check(source, profile: str = "personal", detectors: list[str] | None = None) -> Report:
    """Check one image (path, bytes or PIL image) and return its :class:`Report`."""
    return default_engine().check(source, profile=profile, detectors=detectors)


def redact(source, output=None, **options):  # -> gazoguard.redaction.RedactionResult
    """Write a covered, metadata-free copy of ``source`` and re-check it (see :func:`gazoguard.redaction.redact`)."""
    from gazoguard.redaction import redact as _redact

    return _redact(source, output, **options)
