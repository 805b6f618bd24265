"""Chat screenshots rendered with Pillow go through the engine's OCR into messages with sides, names and times."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gazoguard.core.levels import Level

BUBBLES = [  # side, name shown above a left bubble, time beside it, lines
    ("other", "ゆうと", "21:03", ["はじめまして！"]),
    ("self", None, "21:04", ["よろしくね"]),
    ("other", "ゆうと", "21:05", ["写真拡散されたく", "なかったら5万払え"]),
    ("self", None, "21:06", ["やめてください"]),
    ("other", "ゆうと", "21:07", ["お前の学校にも送るからな"]),
]


def render(path: Path, bubbles=BUBBLES) -> Path:
    from gazoguard.talk.render import font_path, render_chat

    try:
        font_path()
    except FileNotFoundError:
        pytest.skip("IPAex Gothic not installed")
    return render_chat([{"role": r, "name": n, "time": t, "text": "".join(ls)} for r, n, t, ls in bubbles], path)


@pytest.fixture(scope="module")
def screenshot(tmp_path_factory) -> Path:
    return render(tmp_path_factory.mktemp("talk") / "chat.png")


def test_screenshot_bubbles_become_messages_with_sides_names_and_times(screenshot):
    from gazoguard.talk.screenshot import messages_from_screenshots

    messages = messages_from_screenshots([screenshot])
    assert [m.role for m in messages] == [side for side, *_ in BUBBLES]
    assert "なかったら5万払え" in messages[2].text.replace(" ", "")  # two lines joined into one bubble
    assert messages[0].source == "chat.png#bubble1"
    assert [m.speaker for m in messages if m.role == "other"] == ["ゆうと"] * 3
    assert [m.time for m in messages] == [t for *_, t, _ in BUBBLES]


def test_screenshot_is_checked_like_text(screenshot):
    from gazoguard.talk import check_screenshots

    result = check_screenshots([screenshot])
    assert result.level is Level.BLOCK
    assert {"threat_spread", "money_demand"} <= result.acts


def test_eval_scores_screenshot_items_through_the_screenshot_path(tmp_path, screenshot):
    from gazoguard.talk.evaluate import evaluate_path

    (tmp_path / "screenshots").mkdir()
    (tmp_path / "screenshots" / "c1.png").write_bytes(screenshot.read_bytes())
    item = {"id": "c1", "lang": "ja", "level": "block", "acts": ["threat_spread", "money_demand", "claims_to_hold"], "situation": "sextortion",
            "messages": [{"role": r, "name": n or "自分", "time": t, "text": "".join(ls)} for r, n, t, ls in BUBBLES], "screenshot": "screenshots/c1.png"}
    (tmp_path / "conversations.jsonl").write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    out = evaluate_path(tmp_path, screenshots=True)
    assert out["screenshot_items"] == 1
    assert out["screenshot"]["harmful"]["tp"] == 1 and out["screenshot"]["level_accuracy"] == 1.0
    assert out["text"]["acts"]["threat_spread"]["tp"] == 1


def test_a_screenshot_s_messages_go_into_the_evidence_timeline_with_their_times(screenshot, tmp_path, capsys):
    import zipfile

    from gazoguard.cli.main import main
    from gazoguard.evidence import Locker
    from gazoguard.evidence.bundle import export_bundle

    box = Locker.init(tmp_path / "box")
    assert main(["talk", str(screenshot), "--save-evidence", str(box.root)]) == 1
    entry = Locker.open(box.root).entries()[0]
    assert entry["file"]["name"] == "chat.png"
    assert [m["time"] for m in entry["messages"]] == [t for *_, t, _ in BUBBLES]
    assert entry["messages"][0]["source"] == "chat.png#bubble1"
    export_bundle(Locker.open(box.root), tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        html = zf.read("timeline.html").decode("utf-8")
    assert "21:03（日付不明）" in html  # a bubble's time has no date: said so, not invented
