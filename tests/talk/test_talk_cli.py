from __future__ import annotations

import json
import re

from gazoguard.cli.main import main
from gazoguard.talk import parse_chat_text

CHAT = "相手: えっちな写真送って\n自分: むり\n相手: 消してほしければ5万払え\n"


def test_talk_text_json_and_exit_code(capsys):
    assert main(["talk", "--text", CHAT, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["level"] == "block" and data["playbook"] == "threatened"
    assert main(["talk", "--text", "相手: 今日楽しかった！"]) == 0


def test_talk_reads_an_exported_file_and_prints_japanese(tmp_path, capsys):
    f = tmp_path / "chat.txt"
    f.write_text(CHAT, encoding="utf-8")
    assert main(["talk", str(f)]) == 1
    out = capsys.readouterr().out
    assert "この会話" in out and "お金・ギフト券などの要求" in out and "gazoguard playbook threatened" in out


def test_talk_usage_and_missing_file(tmp_path, capsys):
    assert main(["talk"]) == 2
    assert main(["talk", str(tmp_path / "nope.txt")]) == 3
    assert "Traceback" not in capsys.readouterr().err


def test_talk_save_evidence_puts_the_file_in_the_locker(tmp_path, capsys):
    from gazoguard.evidence import Locker

    f = tmp_path / "chat.txt"
    f.write_text(CHAT, encoding="utf-8")
    locker = Locker.init(tmp_path / "locker")
    assert main(["talk", str(f), "--save-evidence", str(locker.root)]) == 1
    entries = Locker.open(locker.root).entries()
    assert len(entries) == 1 and entries[0]["file"]["name"] == "chat.txt"
    note = entries[0]["note"]
    assert note.startswith("会話の確認") and "件" in note  # words, not codes
    assert not re.search(r"\b(block|danger|threat_spread|money_demand|pressure)\b", note.split(" / ")[0])
    assert [m["text"] for m in entries[0]["messages"]] == [m.text for m in parse_chat_text(CHAT)]
    assert main(["talk", str(f), "--save-evidence", str(tmp_path / "no-locker")]) == 4
