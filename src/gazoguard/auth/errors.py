"""Account errors: a GazoError with the users' codes (``[auth]`` in core/messages.toml)."""

from __future__ import annotations

from gazoguard.core.errors import GazoError


class AuthError(GazoError):
    """A user that cannot be created as asked (weak password, taken name)."""
