"""Loose folding for the act frames: what chat spelling varies in, made one spelling.

On top of :class:`gazoguard.talk.fold.FoldedText` (NFKC, half-width kana
composed, katakana → hiragana, spaces next to Japanese dropped), the loose
form also drops the long-vowel and wave marks (ー 〜 ~: すごーい, おねがい〜),
shortens runs of one repeated character to one (おねがいいいい, wwww, ！！！),
and drops thousands separators between digits (5,000円 → 5000円).
Every kept character still points at the original character it came from, so
evidence spans are exact.
"""

from __future__ import annotations

import unicodedata

from gazoguard.talk.fold import FoldedText, fold_pattern

_DROPPED = set("ー〜~～・")
_RUN = 4  # a run of this many identical characters or more is shortened to one


def loose(text: str, base: FoldedText | None = None) -> FoldedText:
    """The loose-folded form of ``text`` (from its :class:`FoldedText` when already made) with the origin of each character."""
    base = base or FoldedText.of(text)
    folded = base.folded
    chars: list[str] = []
    origin: list[int] = []
    for k, c in enumerate(folded):
        if c in _DROPPED:
            continue
        if c == "," and 0 < k < len(folded) - 1 and folded[k - 1].isdigit() and folded[k + 1].isdigit():
            continue
        chars.append(c)
        origin.append(base.origin[k])
    out: list[str] = []
    out_origin: list[int] = []
    i = 0
    while i < len(chars):
        j = i
        while j < len(chars) and chars[j] == chars[i]:
            j += 1
        c = chars[i]
        limit = _RUN if (c.isalnum() or _is_japanese(c)) else 2  # 「！！！」「？？」 → one; いい stays いい
        keep = 1 if j - i >= limit and not c.isdigit() else j - i
        out += chars[i : i + keep]
        out_origin += origin[i : i + keep]
        i = j
    out_origin.append(len(text))
    return FoldedText(text, "".join(out), tuple(out_origin))


def _is_japanese(c: str) -> bool:
    return "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff"


def loose_pattern(source: str) -> str:
    """A regex source folded like the text it runs on (authors may write カタカナ and ー)."""
    # a full-width ？ is a literal question mark, not the quantifier NFKC would make of it
    source = source.replace("？", "\\?").replace("＊", "\\*").replace("＋", "\\+")
    return "".join(c for c in fold_pattern(unicodedata.normalize("NFKC", source)) if c not in _DROPPED)
