"""Verdict levels, ordered: safe ◎ < caution ○ < danger × < block ⛔."""

from __future__ import annotations

from enum import Enum


class Level(str, Enum):
    SAFE = "safe"
    CAUTION = "caution"
    DANGER = "danger"
    BLOCK = "block"

    @property
    def rank(self) -> int:
        return _ORDER.index(self)

    @property
    def mark(self) -> str:
        return {"safe": "◎", "caution": "○", "danger": "×", "block": "⛔"}[self.value]

    @property
    def ja(self) -> str:
        return {"safe": "安全", "caution": "注意", "danger": "危険", "block": "送信禁止"}[self.value]

    @property
    def en(self) -> str:
        return {"safe": "safe", "caution": "caution", "danger": "danger", "block": "must not send"}[self.value]

    def __lt__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank < other.rank


_ORDER = [Level.SAFE, Level.CAUTION, Level.DANGER, Level.BLOCK]


def highest(levels: list[Level]) -> Level:
    return max(levels, key=lambda lv: lv.rank, default=Level.SAFE)
