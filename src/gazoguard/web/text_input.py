"""Limits on pasted text (talk, terms); their messages are in core/messages.toml ``[web]``."""

from __future__ import annotations

from gazoguard.core.errors import GazoError

MAX_TEXT_CHARS = 200_000
MAX_SCREENSHOTS = 20

def checked_text(text: str) -> str:
    """``text`` if it is within the limit; raises ``text_too_long`` otherwise."""
    if len(text) > MAX_TEXT_CHARS:
        raise GazoError("text_too_long", limit=MAX_TEXT_CHARS)
    return text
