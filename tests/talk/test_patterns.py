"""Every pattern file loads, and each pattern matches its examples and none of its counter-examples."""

from __future__ import annotations

import pytest

from gazoguard.talk.fold import FoldedText
from gazoguard.talk.patterns import load_patterns, parse_label

PATTERNS = load_patterns().patterns


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.id)
def test_examples_match(pattern):
    missed = [e for e in pattern.examples if pattern.search(FoldedText.of(e)) is None]
    assert not missed


@pytest.mark.parametrize("pattern", [p for p in PATTERNS if p.counter_examples], ids=lambda p: p.id)
def test_counter_examples_do_not_match(pattern):
    wrong = [e for e in pattern.counter_examples if pattern.search(FoldedText.of(e)) is not None]
    assert not wrong


def test_every_reported_label_has_examples_and_explanations():
    for label in load_patterns().labels.values():
        if not label.report:
            continue
        assert label.name_ja and label.name_en and label.explain_ja and label.explain_en
        assert all(p.examples for p in label.patterns), label.name


def test_bad_regex_is_reported_with_its_file():
    with pytest.raises(ValueError, match="threat.toml"):
        parse_label("threat", {"name_ja": "x", "name_en": "x", "pattern": [{"id": "bad", "regex": ["(unclosed"]}]})


def test_fold_unifies_half_width_katakana_and_full_width():
    assert FoldedText.of("ﾊﾞﾗﾏｸｿﾞ").folded == "ばらまくぞ"
    assert FoldedText.of("ＰａｙＰａｙで３万").folded == "PayPayで3万"
    assert FoldedText.of("写真 送って").folded == "写真送って"
    assert FoldedText.of("send  me   pics").folded == "send me pics"


def test_fold_maps_matches_back_to_the_original_characters():
    text = FoldedText.of("ねえ ﾊﾞﾗﾏｸｿﾞ！")
    start = text.folded.index("ばらまく")
    o_start, o_end = text.original_span(start, start + len("ばらまく"))
    assert text.original[o_start:o_end] == "ﾊﾞﾗﾏｸ"
