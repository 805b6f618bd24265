"""Sentence-level matching of the signals in ``signals.toml``."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

SAFE, DANGER, MISSING = "safe", "danger", "missing"
_LABELS = {
    SAFE: ("安全寄り", "safe-leaning"),
    DANGER: ("危険寄り", "danger-leaning"),
    MISSING: ("記載なし", "missing"),
}
# Sentence ends: Japanese full stops, Latin full stops followed by a space, line breaks, bullets.
_SENTENCE_END = re.compile(r"(?<=[。！？!?])|(?<=\.)(?=\s)|\n+")


@dataclass(frozen=True)
class Signal:
    id: str
    name_ja: str
    name_en: str
    precedence: str
    topic: tuple[re.Pattern[str], ...]
    safe: tuple[re.Pattern[str], ...]
    danger: tuple[re.Pattern[str], ...]
    not_safe: tuple[re.Pattern[str], ...] = ()
    why_ja: str = ""  # why a risky, vague or missing answer matters to the person
    why_en: str = ""

    def classify(self, sentence: str) -> str | None:
        """safe / danger / "vague" (on topic, no clear answer) / None (not about this signal)."""
        if any(p.search(sentence) for p in self.safe) and not any(p.search(sentence) for p in self.not_safe):
            return SAFE
        if any(p.search(sentence) for p in self.danger):
            return DANGER
        if any(p.search(sentence) for p in self.topic):
            return "vague"
        return None


@dataclass(frozen=True)
class Evidence:
    sentence: str
    leaning: str  # safe / danger / vague

    def to_dict(self) -> dict[str, str]:
        return {"sentence": self.sentence, "leaning": self.leaning}


@dataclass(frozen=True)
class SignalResult:
    id: str
    name_ja: str
    name_en: str
    outcome: str  # safe / danger / missing
    vague: bool
    evidence: tuple[Evidence, ...]
    why_ja: str = ""
    why_en: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name_ja": self.name_ja,
            "name_en": self.name_en,
            "outcome": self.outcome,
            "outcome_ja": _LABELS[self.outcome][0],
            "outcome_en": _LABELS[self.outcome][1],
            "vague": self.vague,
            "evidence": [e.to_dict() for e in self.evidence],
            **({"why_ja": self.why_ja, "why_en": self.why_en} if self.outcome != SAFE else {}),
        }


@dataclass(frozen=True)
class TermsResult:
    signals: tuple[SignalResult, ...]

    def get(self, signal_id: str) -> SignalResult:
        return next(s for s in self.signals if s.id == signal_id)

    def verdict(self) -> tuple[str, str]:
        """The overall line: every answer clear and protective, or how many lean dangerous or are missing."""
        risky = sum(s.outcome != SAFE for s in self.signals)
        if not risky:
            return ("◎ 総合: 確認した項目はすべて安全寄りです（スクリーンショットによる保存は、どんな規約でも防げません）。",
                    "◎ Overall: every point checked leans safe (no terms can stop a screenshot).")
        return (f"× 総合: {len(self.signals)} 項目中 {risky} 項目が危険寄り・あいまい・記載なしです。顔や生活圏が分かる画像は送らない方が安全です。",
                f"× Overall: {risky} of {len(self.signals)} points lean dangerous, are vague or are missing. It is safer not to send pictures that show your face or where you live.")

    def to_dict(self) -> dict[str, Any]:
        counts = {k: sum(s.outcome == k for s in self.signals) for k in (SAFE, DANGER, MISSING)}
        ja, en = self.verdict()
        return {"format": "gazoguard.terms/1", "counts": counts, "verdict_ja": ja, "verdict_en": en,
                "signals": [s.to_dict() for s in self.signals]}


def _compile(sources: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(s, re.IGNORECASE) for s in sources)


@lru_cache(maxsize=1)
def load_signals() -> tuple[Signal, ...]:
    text = (resources.files("gazoguard.terms") / "signals.toml").read_text(encoding="utf-8")
    return tuple(
        Signal(s["id"], s["name_ja"], s["name_en"], s["precedence"], _compile(s["topic"]), _compile(s["safe"]), _compile(s["danger"]), _compile(s.get("not_safe", [])),
               s.get("why_ja", ""), s.get("why_en", ""))
        for s in tomllib.loads(text)["signal"]
    )


def split_sentences(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    return [s.strip(" \t・-*•") for s in _SENTENCE_END.split(text) if s and s.strip(" \t・-*•")]


def check_terms(text: str) -> TermsResult:
    sentences = split_sentences(text)
    results = []
    for signal in load_signals():
        evidence = tuple(Evidence(s, c) for s in sentences if (c := signal.classify(s)) is not None)
        results.append(_decide(signal, evidence))
    return TermsResult(tuple(results))


def _decide(signal: Signal, evidence: tuple[Evidence, ...]) -> SignalResult:
    kinds = {e.leaning for e in evidence}
    if not evidence:
        outcome = MISSING
    elif SAFE in kinds and DANGER in kinds:
        outcome = signal.precedence
    elif SAFE in kinds:
        outcome = SAFE
    else:
        outcome = DANGER  # a risky answer, or only vague mentions: vague answers lean dangerous
    decisive = tuple(e for e in evidence if e.leaning == outcome) or evidence
    vague = bool(evidence) and kinds == {"vague"}
    return SignalResult(signal.id, signal.name_ja, signal.name_en, outcome, vague, decisive, signal.why_ja, signal.why_en)
