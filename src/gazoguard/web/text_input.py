"""Limits on pasted text (talk, terms), and the JA/EN messages for the web's own error codes."""

from __future__ import annotations

from gazoguard.errors import MESSAGES, GazoError

MAX_TEXT_CHARS = 200_000
MAX_SCREENSHOTS = 20

MESSAGES.setdefault("empty_text", ("確認する文章がありません。テキストを貼り付けるか、スクリーンショットを選んでください。",
                                    "There is nothing to check: paste some text or choose screenshots."))
MESSAGES.setdefault("text_too_long", ("文章が長すぎます。上限: {limit:,} 文字。", "The text is too long. Limit: {limit:,} characters."))
MESSAGES.setdefault("too_many_files", ("ファイルが多すぎます。上限: {limit} 枚。", "Too many files. Limit: {limit}."))


def checked_text(text: str) -> str:
    """``text`` if it is within the limit; raises ``text_too_long`` otherwise."""
    if len(text) > MAX_TEXT_CHARS:
        raise GazoError("text_too_long", limit=MAX_TEXT_CHARS)
    return text
