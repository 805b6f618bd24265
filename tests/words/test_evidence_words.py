"""``gazoguard evidence verify`` for a non-expert: the overall result is the first line, always (golden files)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from gazoguard.cli.main import main


def _masked(text: str) -> str:
    return re.sub(r"SHA256:[0-9a-f ]+[0-9a-f]", "SHA256:<fingerprint>", re.sub(r"[0-9a-f]{16,}", "<hash>", text))


def _signed_locker(tmp_path: Path) -> Path:
    box = tmp_path / "box"
    photo = tmp_path / "脅迫.txt"
    photo.write_text("消してほしければ 3 万円払え", encoding="utf-8")
    assert main(["evidence", "init", str(box)]) == 0
    assert main(["evidence", "add", str(box), str(photo), "--sender", "@x", "--note", "脅迫メッセージ"]) == 0
    assert main(["evidence", "keygen", "-o", str(tmp_path / "k.pem")]) == 0
    assert main(["evidence", "sign", str(box), "--key", str(tmp_path / "k.pem")]) == 0
    return box


def test_an_intact_locker_says_so_on_its_first_line(tmp_path, capsys, golden):
    box = _signed_locker(tmp_path)
    capsys.readouterr()
    assert main(["evidence", "verify", str(box)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("✅ 改ざんなし")
    golden("verify_intact.txt", _masked(out))


def test_a_tampered_locker_says_tampered_before_any_valid_signature(tmp_path, capsys, golden):
    box = _signed_locker(tmp_path)
    stored = next((box / "items" / "000001").iterdir())
    os.chmod(stored, 0o644)
    stored.write_bytes(stored.read_bytes() + b"\0")
    capsys.readouterr()
    assert main(["evidence", "verify", str(box)]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("❌ 改ざんあり・検証できない")
    signature = [i for i, line in enumerate(lines) if line.startswith("署名")]
    assert all("有効" not in lines[i] or "全体としては検証できません" in lines[i] for i in signature)
    assert all(i > 0 for i in signature)
    golden("verify_tampered.txt", _masked(out))


def test_the_timeline_tells_since_when_and_in_what_words(tmp_path, capsys, golden):
    import datetime as dt
    import html as html_lib
    import zipfile

    from gazoguard.evidence import Locker
    from gazoguard.evidence.bundle import export_bundle

    chat = tmp_path / "トーク.txt"
    chat.write_text("2024/05/01(水)\n21:03\tたろう\tこんばんは\n21:10\tたろう\t写真送ってくれないと、みんなにばらまくよ\n"
                    "2024/05/02(木)\n07:30\tたろう\t3万円払え。払わないと学校に送る\n", encoding="utf-8")
    box = tmp_path / "box"
    assert main(["evidence", "init", str(box)]) == 0
    assert main(["talk", str(chat), "--save-evidence", str(box)]) == 1
    export_bundle(Locker.open(box), tmp_path / "b.zip", now=dt.datetime(2026, 12, 4, 15, 30, tzinfo=dt.timezone.utc))
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        page = zf.read("timeline.html").decode("utf-8")
    part = page[page.index("<p id=time-zone>"):page.index("<table><tr><th>番号")]
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", re.sub(r"</(p|tr|h2)>|<br>", "\n", re.sub(r"</td>", " | ", part))))
    text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    assert "UTC+09:00" in text and "こんばんは" in text
    golden("timeline_conversation.txt", text + "\n")
