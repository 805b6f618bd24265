"""Figures on our own labelled sets (tests/data/talk; see docs/talk.md). All written by this team, so they are
regression floors, not proof: the frozen unseen set is scored by the lead.

corpus/train was tuned on; corpus/heldout uses phrasings the train half never shows (but by the same author);
the older TOML sets were written for the previous pattern checker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gazoguard.talk.evaluate import load_set, score

DATA = Path(__file__).resolve().parents[1] / "data" / "talk"


def test_the_corpus_is_large_and_varied():
    train, heldout = load_set(DATA / "corpus" / "train"), load_set(DATA / "corpus" / "heldout")
    assert len(train) + len(heldout) >= 400
    for part in (train, heldout):
        assert sum(i["level"] in ("danger", "block") for i in part) >= 0.4 * len(part)
        assert {i["lang"] for i in part} == {"ja", "en"}
        assert sum(i["level"] == "safe" for i in part) >= 30  # hard negatives
    assert not {m["text"] for i in heldout for m in i["messages"] if i["level"] != "safe"} <= {m["text"] for i in train for m in i["messages"]}


@pytest.mark.parametrize(("part", "recall", "precision", "accuracy"), [
    ("train", 0.97, 0.97, 0.95),
    ("heldout", 0.90, 0.95, 0.90),  # never tuned on
    ("written", 0.95, 0.95, 0.90),  # first look 0.73 / 0.94 / 0.78, then tuned on
    ("unseen2", 0.95, 0.95, 0.90),  # first look 0.76 / 0.93 / 0.77, then tuned on
])
def test_corpus_floors(part, recall, precision, accuracy):
    s = score(load_set(DATA / "corpus" / part))
    assert s.harmful.recall >= recall and s.harmful.precision >= precision and s.level_accuracy >= accuracy, s.to_dict()["level_mismatches"]


def test_hard_negatives_are_never_harmful():
    items = [i for part in ("train", "heldout", "written", "unseen2") for i in load_set(DATA / "corpus" / part) if i["level"] == "safe"]
    s = score(items)
    assert s.harmful.fp == 0, [lv for lv in s.levels if lv[2] in ("danger", "block")]


@pytest.mark.parametrize("name", ["tune.toml", "heldout.toml", "tune2.toml", "unseen.toml"])
def test_older_sets_floor(name):
    s = score(load_set(DATA / name))
    assert s.harmful.recall >= 0.8 and s.harmful.precision >= 0.9, s.to_dict()["level_mismatches"]
