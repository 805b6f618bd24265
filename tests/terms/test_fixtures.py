"""The terms checker on the fixtures in tests/data/terms, against expectations.toml."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from gazoguard.cli.main import main
from gazoguard.terms import check_terms, load_signals

DATA = Path(__file__).resolve().parents[1] / "data" / "terms"
EXPECTED = tomllib.loads((DATA / "expectations.toml").read_text(encoding="utf-8"))
CASES = [(name, sid, outcome, evidence) for name, sigs in EXPECTED.items() for sid, (outcome, evidence) in sigs.items()]


def test_every_fixture_lists_every_signal():
    ids = {s.id for s in load_signals()}
    assert {"careful_ja", "vague_ja", "dangerous_ja", "careful_en"} <= set(EXPECTED)
    for sigs in EXPECTED.values():
        assert set(sigs) == ids


@pytest.mark.parametrize(("fixture", "signal", "outcome", "evidence"), CASES, ids=lambda v: str(v)[:24])
def test_signal_outcome_and_supporting_sentence(fixture, signal, outcome, evidence):
    result = check_terms((DATA / f"{fixture}.txt").read_text(encoding="utf-8")).get(signal)
    assert result.outcome == outcome
    if outcome == "missing":
        assert not result.evidence
    else:
        assert any(evidence in e.sentence for e in result.evidence), [e.sentence for e in result.evidence]


def test_a_missing_topic_is_never_reported_as_present():
    result = check_terms("本アプリは写真を共有して楽しむアプリです。たくさん使ってね。")
    assert all(s.outcome == "missing" and not s.evidence for s in result.signals)
    assert check_terms("").to_dict()["counts"] == {"safe": 0, "danger": 0, "missing": len(load_signals())}


def test_training_with_opt_out_leans_safe_but_without_one_leans_danger():
    opt_out = check_terms("アップロードされた画像はAIの学習に利用します。設定画面から学習への利用をオフにできます。")
    assert opt_out.get("training_use").outcome == "safe"
    no_opt_out = check_terms("We use your uploads to train our models. You cannot opt out.")
    assert no_opt_out.get("training_use").outcome == "danger"


def test_cli_json_and_exit_codes(capsys):
    assert main(["terms", str(DATA / "careful_ja.txt")]) == 0
    assert "◎ 年齢制限" in capsys.readouterr().out
    assert main(["terms", str(DATA / "dangerous_ja.txt"), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["danger"] == 7
    assert main(["terms"]) == 2
