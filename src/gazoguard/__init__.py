"""gazoguard (画像ガード): an offline, Japanese-first safety check for images sent in chats.

    >>> import gazoguard
    >>> report = gazoguard.check("photo.jpg", profile="personal")
    >>> report.level, [f.kind for f in report.findings]

This module only re-exports; the flow lives in :mod:`gazoguard.pipeline`
(image → detectors → findings → verdict → report) and redaction in
:mod:`gazoguard.redaction`.
"""

from __future__ import annotations

import os

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")  # onnxruntime must never phone home

from gazoguard.core.finding import DetectorRun, Finding, RunStatus  # noqa: E402
from gazoguard.core.version import __version__  # noqa: E402
from gazoguard.pipeline.report import SCHEMA, Report  # noqa: E402

__all__ = ["SCHEMA", "DetectorRun", "Finding", "Report", "RunStatus", "__version__", "check", "default_engine", "redact"]


def default_engine():  # -> gazoguard.pipeline.engine.Engine
    """The process-wide engine: models are loaded once per process and shared."""
    from gazoguard.pipeline.engine import default_engine as engine

    return engine()


def check(source, profile: str = "personal", detectors: list[str] | None = None) -> Report:
    """Check one image (path, bytes or PIL image) and return its :class:`Report`."""
    return default_engine().check(source, profile=profile, detectors=detectors)


def redact(source, output=None, **options):  # -> gazoguard.redaction.RedactionResult
    """Write a covered, metadata-free copy of ``source`` and re-check it (see :func:`gazoguard.redaction.redact`)."""
    from gazoguard.redaction import redact as _redact

    return _redact(source, output, **options)
