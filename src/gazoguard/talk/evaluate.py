"""Precision and recall of the patterns on a labelled conversation file (TOML).

File format: ``[[conversation]]`` tables with ``id``, ``level`` and
``messages = [[speaker, text, [labels…]], …]`` (see tests/data/talk/).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gazoguard.talk.conversation import check_conversation


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Evaluation:
    messages: int = 0
    overall: Counts = field(default_factory=Counts)
    per_label: dict[str, Counts] = field(default_factory=dict)
    levels: list[tuple[str, str, str]] = field(default_factory=list)  # (id, expected, got)
    errors: list[tuple[str, int, str, list[str], list[str]]] = field(default_factory=list)

    @property
    def level_accuracy(self) -> float:
        return sum(e == g for _, e, g in self.levels) / len(self.levels) if self.levels else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "conversations": len(self.levels),
            "precision": round(self.overall.precision, 3),
            "recall": round(self.overall.recall, 3),
            "per_label": {k: {"precision": round(c.precision, 3), "recall": round(c.recall, 3), "tp": c.tp, "fp": c.fp, "fn": c.fn} for k, c in sorted(self.per_label.items())},
            "level_accuracy": round(self.level_accuracy, 3),
            "level_mismatches": [lv for lv in self.levels if lv[1] != lv[2]],
        }


def load_labelled(path: str | Path) -> list[dict[str, Any]]:
    return tomllib.loads(Path(path).read_text(encoding="utf-8"))["conversation"]


def evaluate(conversations: list[dict[str, Any]]) -> Evaluation:
    ev = Evaluation()
    for conv in conversations:
        rows = conv["messages"]
        result = check_conversation([{"speaker": s, "role": s, "text": t} for s, t, _ in rows])
        ev.levels.append((conv["id"], conv["level"], result.level.value))
        for (_, text, expected), got in zip(rows, result.messages):
            ev.messages += 1
            want, have = set(expected), got.labels
            for label in want | have:
                counts = ev.per_label.setdefault(label, Counts())
                for c in (counts, ev.overall):
                    if label in want and label in have:
                        c.tp += 1
                    elif label in have:
                        c.fp += 1
                    else:
                        c.fn += 1
            if want != have:
                ev.errors.append((conv["id"], got.message.index, text, sorted(want), sorted(have)))
    return ev
