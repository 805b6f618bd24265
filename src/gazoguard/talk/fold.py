"""Chat text folded for matching, remembering where each character came from.

Folding: NFKC (full-width ＡＢＣ１２３ and half-width ｶﾀｶﾅ become ordinary
forms, half-width voiced marks are composed: ﾊﾞ → バ), katakana → hiragana
(so ばらまく, バラまく and ﾊﾞﾗﾏｸ are one spelling), and spaces next to a
Japanese character are dropped (写真 送って → 写真送って) while spaces between
Latin words stay.  Case is handled by matching with ``re.IGNORECASE``.

Matches on the folded text map back to spans of the original message, so the
evidence shown to the user is exactly what the other person wrote.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_VOICED_MARKS = {"\u3099", "\u309a"}  # combining (han)dakuten, what NFKC makes of ﾞ ﾟ
_KATAKANA_FIRST, _KATAKANA_LAST = 0x30A1, 0x30F6  # ァ … ヶ; ー (U+30FC) stays
_KATAKANA_TO_HIRAGANA = 0x60


def fold_char(ch: str) -> str:
    code = ord(ch)
    if _KATAKANA_FIRST <= code <= _KATAKANA_LAST:
        return chr(code - _KATAKANA_TO_HIRAGANA)
    return ch


def fold_pattern(source: str) -> str:
    """Fold a regex source the same way as text (NFKC + katakana → hiragana), so authors may write カタカナ."""
    return "".join(fold_char(c) for c in unicodedata.normalize("NFKC", source))


@dataclass(frozen=True)
class FoldedText:
    original: str
    folded: str
    #: index in ``original`` of each character of ``folded``; one extra entry for the end
    origin: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> FoldedText:
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(original):
            for c in unicodedata.normalize("NFKC", ch):
                if c in _VOICED_MARKS and chars:
                    composed = unicodedata.normalize("NFC", chars[-1] + c)
                    if len(composed) == 1:
                        chars[-1] = composed
                        continue
                chars.append(c)
                origin.append(i)
        folded: list[str] = []
        kept: list[int] = []
        for k, c in enumerate(chars):
            if c.isspace():
                if _drops_space(chars, k) or (folded and folded[-1] == " "):
                    continue
                c = " "
            folded.append(fold_char(c))
            kept.append(origin[k])
        kept.append(len(original))
        return cls(original, "".join(folded), tuple(kept))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that ``folded[start:end]`` came from."""
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1 if end > start else o_start
        return o_start, o_end


def _drops_space(chars: list[str], k: int) -> bool:
    left = next((c for c in reversed(chars[:k]) if not c.isspace()), "")
    right = next((c for c in chars[k + 1 :] if not c.isspace()), "")
    return not left or not right or not left.isascii() or not right.isascii()
