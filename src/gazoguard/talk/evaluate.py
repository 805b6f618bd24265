"""Scores of the conversation check on a labelled set: conversation level, harmful recall/precision, acts.

Two formats:

* a folder with ``conversations.jsonl`` — one JSON per line:
  ``{"id", "lang", "level", "acts": [...], "situation", "messages": [{"role", "name", "time", "text"}],
  "screenshot": "screenshots/<id>.png"?}``; with ``screenshots=True`` items
  that have a screenshot are also checked through the screenshot path (OCR);
* the older TOML sets (``[[conversation]]`` with ``messages = [[speaker, text, [labels]]]``),
  whose per-message labels are mapped onto acts (:data:`gazoguard.talk.detect.LEGACY_ACTS`).

Harmful = danger or block.  An act counts for a conversation when the checker
counted it in any message.
"""

from __future__ import annotations

import json
import statistics
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from gazoguard.talk.conversation import check_conversation
from gazoguard.talk.detect import LEGACY_ACTS
from gazoguard.talk.results import ConversationResult

HARMFUL = {"danger", "block"}
ACTS = ("picture_request", "money_demand", "threat_spread", "deadline", "claims_to_hold", "secrecy", "age_probe",
        "age_claim", "move_platform", "meet_offline", "offer_to_minor", "impersonation", "pressure")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, want: bool, have: bool) -> None:
        if want and have:
            self.tp += 1
        elif have:
            self.fp += 1
        elif want:
            self.fn += 1

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def to_dict(self) -> dict[str, Any]:
        r = lambda v: None if v is None else round(v, 3)  # noqa: E731
        return {"recall": r(self.recall), "precision": r(self.precision), "n": self.tp + self.fn, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    harmful: Counts = field(default_factory=Counts)
    acts: dict[str, Counts] = field(default_factory=lambda: {a: Counts() for a in ACTS})
    levels: list[tuple[str, str, str]] = field(default_factory=list)  # (id, expected, got)
    act_errors: list[tuple[str, list[str], list[str]]] = field(default_factory=list)  # (id, missed, extra)
    times_ms: list[float] = field(default_factory=list)

    def add(self, cid: str, want_level: str, want_acts: set[str], result: ConversationResult, ms: float) -> None:
        self.harmful.add(want_level in HARMFUL, result.level.value in HARMFUL)
        self.levels.append((cid, want_level, result.level.value))
        for act in ACTS:
            self.acts[act].add(act in want_acts, act in result.acts)
        missed, extra = sorted(want_acts - result.acts), sorted(result.acts - want_acts)
        if missed or extra:
            self.act_errors.append((cid, missed, extra))
        self.times_ms.append(ms)

    @property
    def level_accuracy(self) -> float | None:
        return sum(e == g for _, e, g in self.levels) / len(self.levels) if self.levels else None

    def to_dict(self) -> dict[str, Any]:
        acc = self.level_accuracy
        return {
            "conversations": len(self.levels),
            "harmful_expected": sum(e in HARMFUL for _, e, _ in self.levels),
            "harmful": self.harmful.to_dict(),
            "level_accuracy": None if acc is None else round(acc, 3),
            "acts": {a: c.to_dict() for a, c in self.acts.items() if c.tp + c.fn + c.fp},
            "level_mismatches": [list(lv) for lv in self.levels if lv[1] != lv[2]],
            "act_errors": [list(e) for e in self.act_errors],
            "time_ms_p50": round(statistics.median(self.times_ms), 1) if self.times_ms else None,
        }


def load_jsonl(folder: str | Path) -> list[dict[str, Any]]:
    path = Path(folder)
    path = path / "conversations.jsonl" if path.is_dir() else path
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_labelled(path: str | Path) -> list[dict[str, Any]]:
    """An older TOML set, as items of the JSONL shape (message labels mapped onto acts)."""
    items = []
    for conv in tomllib.loads(Path(path).read_text(encoding="utf-8"))["conversation"]:
        acts: set[str] = set()
        messages = []
        for speaker, text, labels in conv["messages"]:
            messages.append({"role": speaker, "text": text})
            acts |= {LEGACY_ACTS[lb] for lb in labels if lb in LEGACY_ACTS and (speaker != "self" or lb == "minor_sign")}
        items.append({"id": conv["id"], "level": conv["level"], "acts": sorted(acts), "messages": messages, "legacy": True})
    return items


def load_set(path: str | Path) -> list[dict[str, Any]]:
    p = Path(path)
    if p.suffix == ".toml":
        return load_labelled(p)
    if p.is_dir() and not (p / "conversations.jsonl").exists():
        return [item for f in sorted(p.glob("*.toml")) for item in load_labelled(f)]
    return load_jsonl(p)


def _messages(item: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"role": m.get("role"), "speaker": m.get("name") or m.get("role"), "time": m.get("time"), "text": m.get("text", "")} for m in item["messages"]]


def score(items: list[dict[str, Any]], check: Callable[[dict[str, Any]], ConversationResult] | None = None) -> Scores:
    """Scores of ``check`` (default: the text of the messages) on the items."""
    check = check or (lambda item: check_conversation(_messages(item)))
    scores = Scores()
    for item in items:
        t0 = time.perf_counter()
        result = check(item)
        ms = (time.perf_counter() - t0) * 1000
        want = set(item.get("acts", ()))
        if item.get("legacy"):  # the old sets labelled fewer acts: score only those
            result = _only(result, want | {LEGACY_ACTS[k] for k in LEGACY_ACTS})
        scores.add(item["id"], item["level"], want, result, ms)
    return scores


def _only(result: ConversationResult, acts: set[str]) -> ConversationResult:
    from dataclasses import replace

    return replace(result, acts=frozenset(result.acts & acts))


def evaluate_path(path: str | Path, *, screenshots: bool = False, ocr=None) -> dict[str, Any]:  # noqa: ANN001 - OcrPerception
    """Text scores of a set, and with ``screenshots`` the scores of its screenshot items through OCR."""
    items = load_set(path)
    out: dict[str, Any] = {"path": str(path), "text": score(items).to_dict()}
    shot_items = [i for i in items if i.get("screenshot")]
    if shot_items:
        root = Path(path) if Path(path).is_dir() else Path(path).parent
        out["screenshot_items"] = len(shot_items)
        out["text_on_screenshot_items"] = score(shot_items).to_dict()
        if screenshots:
            from gazoguard.talk import check_screenshots

            out["screenshot"] = score(shot_items, lambda item: check_screenshots([root / item["screenshot"]], ocr=ocr)).to_dict()
    return out
