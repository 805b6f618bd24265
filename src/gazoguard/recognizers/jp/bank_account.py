"""Bank accounts: 銀行・支店 + 普通/当座 + 7-digit account number, or 口座番号 + number."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.normalize import NormalizedText

_BANK = r"(?:[一-龥ぁ-んァ-ヶA-Za-zー]{1,12}(?:銀行|信用金庫|信金|信用組合|労働金庫|農協|ゆうちょ)\s*)?(?:[一-龥ァ-ヶー]{1,10}(?:支店|出張所|営業部)\s*)?"
_TYPE = r"(?:普通|当座|貯蓄|総合)(?:預金)?"
_ACCOUNT = re.compile(
    rf"{_BANK}(?:{_TYPE}\s*(?:口座)?\s*(?:番号)?|口座番号|口座|account\s*(?:no\.?|number|#))\s*[:：]?\s*(?P<num>\d{{7,8}}|\d{{3}}-\d{{4}})(?![\d-])",
    re.IGNORECASE,
)
_YUCHO = re.compile(r"記号\s*[:：]?\s*1\d{4}\s*[-‐]?\s*番号\s*[:：]?\s*\d{8}")


class BankAccountRecognizer(Recognizer):
    name = "bank_account"
    kinds = frozenset({"bank_account"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_ACCOUNT, text):
            has_bank = bool(re.search(r"銀行|信用金庫|信金|支店|ゆうちょ|農協", m.group(0)))
            out.append(self.match(text, s, e, "bank_account", 0.92 if has_bank else 0.85, bank_named=has_bank))
        for s, e, _ in finditer(_YUCHO, text):
            if "ゆうちょ" in text.norm or "貯金" in text.norm:
                out.append(self.match(text, s, e, "bank_account", 0.9, bank="yucho"))
        return out
