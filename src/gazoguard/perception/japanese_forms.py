"""Japanese glyph forms for characters the OCR model reads in their Chinese forms.

PP-OCR's recognizer is trained mostly on Chinese: on Japanese text it sometimes answers with a
simplified character (爱 for 愛, 辅 for 輔, 岛 for 島).  Such a character cannot stand in Japanese
text at all — it is outside the JIS character sets (cp932 cannot encode it) — so in a text that
is Japanese (it has kana) it is replaced by its Japanese form, taken from OpenCC's conversion
tables (simplified → traditional → Japanese shinjitai), when that form is itself a JIS character.

Characters that Japanese does use are never touched, whatever their history (齋藤 stays 齋藤),
except the kanji 一 between two katakana, which is the long-vowel mark ー misread (コ一ポ).
The replacement is one character for one, so every character keeps its box.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from gazoguard.core.lazy import load_once

_KANA = ("\u3041", "\u30ff")  # hiragana and katakana


def is_japanese_text(text: str) -> bool:
    return any(_KANA[0] <= ch <= _KANA[1] for ch in text)


def japanese_form(ch: str) -> str:
    """``ch`` itself, or its Japanese form when ``ch`` is a CJK character Japanese text cannot hold."""
    if not ("\u4e00" <= ch <= "\u9fff") or _in_jis(ch):
        return ch
    return _converted(ch)


def line_in_japanese_forms(line: str) -> str:
    """One line of a Japanese text with :func:`japanese_form` applied to each character, and 一
    between two katakana read as ー (one character for one)."""
    chars = [japanese_form(ch) for ch in line]
    for i in range(1, len(chars) - 1):
        if chars[i] == "一" and _is_katakana(chars[i - 1]) and _is_katakana(chars[i + 1]):
            chars[i] = "ー"
    return "".join(chars)


def _is_katakana(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fa" or ch == "ー"


def load() -> None:
    """Load OpenCC's tables now (~70 ms) rather than on the first odd character."""
    _tables()


def _in_jis(ch: str) -> bool:
    try:
        ch.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=2048)
def _converted(ch: str) -> str:
    to_traditional, to_japanese = _tables()
    form = to_japanese.convert(to_traditional.convert(ch))
    return form if len(form) == 1 and _in_jis(form) else ch


@load_once
def _tables() -> tuple[Any, Any]:
    import opencc

    return opencc.OpenCC("s2t"), opencc.OpenCC("t2jp")
