"""The timeline says since when and in what words: messages with their own times, notes in words, the time zone."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest

from gazoguard.cli.main import main
from gazoguard.core.errors import GazoError
from gazoguard.evidence import ItemDetails, Locker, verify_path
from gazoguard.evidence.bundle import export_bundle
from gazoguard.evidence.timeline import build_rows, conversation, message_moment

EXPORT = (
    "[LINE] たろうとのトーク履歴\n保存日時：2024/05/03 10:00\n\n"
    "2024/05/02(木)\n07:30\tたろう\t3万円払え。払わないと学校に送る\n"
    "2024/05/01(水)\n21:03\tたろう\tこんばんは\n21:10\tたろう\t写真送ってくれないと、みんなにばらまくよ\n"
)
NOW = dt.datetime(2026, 12, 4, 15, 30, tzinfo=dt.timezone.utc)  # 2026-12-05 00:30 in Japan


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize(("date", "time", "expected"), [
    ("2024/05/01", "21:03", dt.datetime(2024, 5, 1, 21, 3)),
    ("2024年5月1日", "午後9:03", dt.datetime(2024, 5, 1, 21, 3)),
    ("2024.05.01", "午前12:05", dt.datetime(2024, 5, 1, 0, 5)),
    (None, "21:03", None), ("2024/05/01", None, None), ("2024/02/30", "10:00", None),
])
def test_a_message_moment_needs_a_readable_date_and_time(date, time, expected):
    assert message_moment(date, time) == expected


def test_messages_are_in_the_chat_s_own_time_order_across_entries():
    entries = [
        {"seq": 1, "recorded_at": "2026-12-04T15:00:00Z", "messages": [{"date": "2024/05/02", "time": "07:30", "text": "b"}]},
        {"seq": 2, "recorded_at": "2026-12-04T15:01:00Z", "messages": [{"date": "2024/05/01", "time": "21:03", "text": "a"}]},
    ]
    rows = build_rows(entries, {})
    assert [m.text for m in conversation(rows)] == ["a", "b"]
    assert [m.seq for m in conversation(rows)] == [2, 1]
    # one message without a date: nothing can be placed for sure, so the order stays as recorded
    entries[1]["messages"].append({"time": "22:00", "text": "c"})
    assert [m.text for m in conversation(build_rows(entries, {}))] == ["b", "a", "c"]


def test_a_chat_export_goes_into_the_timeline_message_by_message(tmp_path, capsys):
    chat = tmp_path / "トーク.txt"
    chat.write_text(EXPORT, encoding="utf-8")
    box = tmp_path / "box"
    assert main(["evidence", "init", str(box)]) == 0
    assert main(["evidence", "add", str(box), str(chat), "--chat", "--sender", "@taro"]) == 0
    entry = Locker.open(box).entries()[0]
    assert [(m.get("date"), m["time"]) for m in entry["messages"]] == [
        ("2024/05/02", "07:30"), ("2024/05/01", "21:03"), ("2024/05/01", "21:10")]
    out = tmp_path / "b.zip"
    export_bundle(Locker.open(box), out, now=NOW)
    assert verify_path(out).ok
    with zipfile.ZipFile(out) as zf:
        html = zf.read("timeline.html").decode("utf-8")
        pdf = zf.read("timeline.pdf")
    talk = _text(html[html.index('id=conversation'):html.index("記録の一覧")])
    assert talk.index("こんばんは") < talk.index("みんなにばらまくよ") < talk.index("3万円払え")  # since when, in what words
    assert "最初のメッセージ: 2024/05/01 21:03" in talk and "最後のメッセージ: 2024/05/02 07:30" in talk
    assert "日本時間（Asia/Tokyo、UTC+09:00）" in html
    assert "2026-12-05 00:30:00 JST" in html  # the export time in Japan time, UTC beside it
    assert pdf.startswith(b"%PDF")


def test_talk_save_evidence_writes_words_not_codes(tmp_path, capsys):
    chat = tmp_path / "chat.txt"
    chat.write_text(EXPORT, encoding="utf-8")
    box = Locker.init(tmp_path / "box")
    assert main(["talk", str(chat), "--save-evidence", str(box.root)]) == 1
    assert main(["talk", "--text", "相手: 写真送って\n自分: いやだ", "--save-evidence", str(box.root)]) == 0
    first, second = Locker.open(box.root).entries()
    ja = first["note"].split(" / ")[0]
    assert ja.startswith("会話の確認（gazoguard talk）: ⛔") and "拡散・暴露の脅し" in ja
    assert not re.search(r"[a-z]+_[a-z]+", ja)  # no act code such as threat_spread
    assert len(first["messages"]) == 3 and first["messages"][0]["date"] == "2024/05/02"
    assert [m["text"] for m in second["messages"]] == ["写真送って", "いやだ"]
    assert [m.get("role") for m in second["messages"]] == ["other", "self"]


def test_the_time_zone_is_a_setting_and_a_wrong_one_is_an_error(tmp_path, capsys):
    box = Locker.init(tmp_path / "box")
    box.add_record(ItemDetails(note="メモ"), now=NOW)
    export_bundle(box, tmp_path / "utc.zip", now=NOW, tz="UTC")
    with zipfile.ZipFile(tmp_path / "utc.zip") as zf:
        html = zf.read("timeline.html").decode("utf-8")
    assert "記録日時は UTC（UTC+00:00）" in html and "2026-12-04 15:30:00 UTC" in html
    with pytest.raises(GazoError) as err:
        export_bundle(box, tmp_path / "x.zip", tz="Mars/Base")
    assert err.value.code == "unknown_time_zone"
    capsys.readouterr()
    assert main(["evidence", "--tz", "Mars/Base", "list", str(box.root)]) == 2
    assert "時間帯「Mars/Base」" in capsys.readouterr().err


def test_a_message_needs_its_text(tmp_path):
    box = Locker.init(tmp_path / "box")
    with pytest.raises(ValueError):
        box.add_record(ItemDetails(messages=({"time": "21:00", "text": " "},)))
