"""Precision and recall on the labelled conversations in tests/data/talk (see docs/talk.md).

tune.toml + heldout.toml (≥ 150 messages) must meet the issue's targets;
unseen.toml, written after the patterns were frozen, has regression floors at
the figures measured on it (it shows how much the patterns miss on new wording).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gazoguard.talk.evaluate import evaluate, load_labelled

DATA = Path(__file__).resolve().parents[1] / "data" / "talk"
KEY_LABELS = ("threat", "extortion", "luring")


@pytest.fixture(scope="module")
def main_set():
    return load_labelled(DATA / "tune.toml") + load_labelled(DATA / "heldout.toml")


def test_the_labelled_set_is_large_enough(main_set):
    messages = sum(len(c["messages"]) for c in main_set)
    assert messages >= 150
    harmful = {label for c in main_set for _, _, labels in c["messages"] for label in labels}
    assert set(KEY_LABELS) | {"pressure", "minor_sign", "sexual_request"} <= harmful
    assert sum(c["level"] == "safe" for c in main_set) >= 10  # ordinary chats are a real part of it


@pytest.mark.parametrize("half", ["tune.toml", "heldout.toml"])
def test_targets_on_each_half(half):
    ev = evaluate(load_labelled(DATA / half))
    assert ev.overall.precision >= 0.90
    for label in KEY_LABELS:
        assert ev.per_label[label].recall >= 0.90, (label, ev.errors)


def test_ordinary_flirting_and_support_chats_are_never_danger(main_set):
    ev = evaluate(main_set)
    ordinary = {cid for cid, expected, _ in ev.levels if expected in ("safe", "caution")}
    raised = [(cid, got) for cid, _, got in ev.levels if cid in ordinary and got in ("danger", "block")]
    assert not raised
    assert ev.level_accuracy >= 0.90


def test_unseen_wording_regression_floor():
    ev = evaluate(load_labelled(DATA / "unseen.toml"))
    assert ev.overall.precision >= 0.85  # measured 0.92
    assert ev.overall.recall >= 0.40  # measured 0.46: see docs/talk.md, "what the patterns cannot catch"
