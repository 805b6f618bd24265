"""Credit-card numbers: 13–19 digits in groups, Luhn-validated; and masked card numbers
(``**** **** **** 1234``, ``4XXXXX******1234``), which are still card data: partial card numbers.

A full-length number that fails the Luhn check is never reported as a card (an OCR slip in one digit
is not told apart from a number that is not a card at all)."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, context_before, finditer
from gazoguard.recognizers.checksums import luhn_valid
from gazoguard.recognizers.normalize import NormalizedText

_CARD = re.compile(r"(?<![\d-])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?![\d])|(?<![\d-])\d{4}[ -]?\d{6}[ -]?\d{5}(?!\d)")
_CONTEXT = ("card", "カード", "visa", "master", "amex", "jcb", "有効期限", "cc", "クレジット", "お支払", "支払方法", "会員番号")
# Prefixes of the card networks (ISO/IEC 7812 issuer ranges, coarse).
_ISSUER = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|35|36|30|38|6011|65|62)")
_OTHER_NUMBER = re.compile(r"法人番号|登録番号|個人番号|マイナンバー|口座|電話|tel|fax|注文番号|伝票番号|お問合せ番号")
# A masked number: up to 6 leading digits (the issuer), 8+ mask characters in groups, the last 2–4 digits.
_MASK = r"[*xX●•○◆#]"
_MASKED = re.compile(
    rf"(?<![\dA-Za-z])(?P<lead>\d{{1,6}}[ -]?)?(?P<mask>{_MASK}{{2,}}(?:[ -]?{_MASK}{{2,}})*)(?:[ -]?\n?[ -]?(?P<tail>\d{{2,4}}))?(?![\dA-Za-z])"
)


def _masked_matches(text: NormalizedText, recognizer: Recognizer) -> list[TextMatch]:
    out: list[TextMatch] = []
    for s, e, m in finditer(_MASKED, text):
        masked = sum(c in "*xX●•○◆#" for c in m.group("mask"))
        tail, lead = m.group("tail") or "", re.sub(r"\D", "", m.group("lead") or "")
        total = masked + len(tail) + len(lead)
        if masked < 6 or not 12 <= total <= 19 and not (total >= 8 and tail):
            continue
        if re.fullmatch(r"[xX -]+", m.group(0)) and not tail:
            continue  # XXXX alone is a placeholder word, not a card
        context = any(w in context_before(text, s, 30) for w in _CONTEXT)
        if not (tail and total >= 12 or context):
            continue
        out.append(recognizer.match(text, s, e, "credit_card", 0.8 if tail else 0.7, partial=True, visible_digits=lead + tail, validated=False))
    return out


class CreditCardRecognizer(Recognizer):
    name = "credit_card"
    kinds = frozenset({"credit_card"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_CARD, text):
            digits = re.sub(r"\D", "", m.group(0))
            if not 13 <= len(digits) <= 19 or len(set(digits)) == 1 and digits[0] == "0":
                continue
            if luhn_valid(digits):
                before = context_before(text, s, 30)
                context = any(w in before for w in _CONTEXT)
                if not (_ISSUER.match(digits) or context) or _OTHER_NUMBER.search(context_before(text, s, 12)):
                    continue  # one number in ten passes Luhn: outside the card ranges, or after another number's label, it is not a card
                out.append(self.match(text, s, e, "credit_card", 0.95, validated=True, check="luhn"))
        out.extend(_masked_matches(text, self))
        return out
