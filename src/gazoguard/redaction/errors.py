"""Redaction failures: :class:`~gazoguard.core.errors.GazoError` with redaction's codes (``[redaction]`` in messages.toml).

The CLI, the API and the web page print them the same way as every other error.
"""

from __future__ import annotations

from gazoguard.core.errors import GazoError


class RedactionError(GazoError):
    """A redaction that could not be completed safely; no output file exists when it is raised."""
