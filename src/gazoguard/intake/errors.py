"""Intake errors: a GazoError with the gateway's codes (``[intake]`` in core/messages.toml)."""

from __future__ import annotations

from gazoguard.core.errors import GazoError


class IntakeError(GazoError):
    """A request the intake gateway refuses (bad policy, key, channel, purpose or field)."""
