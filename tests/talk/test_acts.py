"""Every act frame loads; each act matches its examples and none of its counter-examples; loose folding keeps spans."""

from __future__ import annotations

import pytest

from gazoguard.talk.frames import load_lexicon, parse_frame
from gazoguard.talk.normalize import loose

LEXICON = load_lexicon()
GROUPS = {**{a.name: a.frames for a in LEXICON.acts.values()}, **LEXICON.cues}
ACT_NAMES = {"picture_request", "money_demand", "threat_spread", "deadline", "claims_to_hold", "secrecy", "age_probe",
             "age_claim", "move_platform", "meet_offline", "offer_to_minor", "impersonation", "pressure"}


def test_the_acts_are_exactly_the_thirteen_named_in_the_issue():
    assert set(LEXICON.acts) == ACT_NAMES


@pytest.mark.parametrize("frame", LEXICON.frames, ids=lambda f: f.id)
def test_examples_match_their_act(frame):
    frames = GROUPS[frame.act]
    missed = [e for e in frame.examples if not any(f.search(loose(e)) for f in frames)]
    assert not missed


@pytest.mark.parametrize("frame", [f for f in LEXICON.frames if f.counter_examples], ids=lambda f: f.id)
def test_counter_examples_match_no_frame_of_their_act(frame):
    frames = GROUPS[frame.act]
    wrong = [e for e in frame.counter_examples if any(f.search(loose(e)) for f in frames)]
    assert not wrong


def test_every_act_has_words_for_the_user():
    for act in LEXICON.acts.values():
        assert act.name_ja and act.name_en and act.explain_ja and act.explain_en


def test_an_unknown_slot_is_reported_with_its_file():
    with pytest.raises(ValueError, match="acts.toml"):
        parse_frame("threat_spread", {"id": "bad", "regex": ["<NOPE>"]}, {}, "acts.toml")


def test_loose_folding_drops_long_marks_and_shortens_runs_but_keeps_the_original_span():
    text = loose("おねがいいいい〜 ｼｬｼﾝ おくってーー！！！")
    assert text.folded == "おねがいしゃしんおくって!"
    start = text.folded.index("しゃしん")
    o_start, o_end = text.original_span(start, start + 4)
    assert text.original[o_start:o_end] == "ｼｬｼﾝ"
    assert loose("5,000円").folded == "5000円"
