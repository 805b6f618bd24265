"""Errors with a stable code and a Japanese and an English message.

Inside the package errors are exceptions; at the edges (CLI, report JSON,
HTTP problem+json) they become values through :meth:`GazoError.to_dict`.
Every code's message is in one table, ``core/messages.toml``, read once: no
module adds to it at import time, so a message never depends on import order.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from gazoguard.core.lazy import load_once

FALLBACK = ("エラーが発生しました: {detail}", "An error occurred: {detail}")


@load_once
def messages() -> dict[str, tuple[str, str]]:
    """Every error code → (Japanese, English) template, from ``messages.toml`` (sections merged)."""
    text = resources.files("gazoguard.core").joinpath("messages.toml").read_text(encoding="utf-8")
    table: dict[str, tuple[str, str]] = {}
    for section in tomllib.loads(text).values():
        for code, (ja, en) in section.items():
            if code in table:
                raise ValueError(f"error code {code!r} appears twice in messages.toml")
            table[code] = (ja, en)
    return table


class GazoError(Exception):
    """An expected failure with a code and JA/EN messages."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        ja, en = messages().get(code, FALLBACK)
        self.message_ja = _fill(ja, params)
        self.message_en = _fill(en, params)
        super().__init__(f"{code}: {self.message_en}")

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message_ja": self.message_ja, "message_en": self.message_en}


def _fill(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
