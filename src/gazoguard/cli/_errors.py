"""How every command shows an expected error: Japanese with English beside it (or English only)."""

from __future__ import annotations

import sys

from gazoguard.core.errors import GazoError

EXIT_ERROR = 2


def print_error(err: GazoError, lang: str = "ja", prefix: str = "") -> None:
    text = f"エラー: {prefix}{err.message_ja} / {err.message_en}" if lang == "ja" else f"error: {prefix}{err.message_en}"
    print(text, file=sys.stderr)
