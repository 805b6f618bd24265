from __future__ import annotations

from gazoguard.talk.messages import messages_from, parse_chat_text

LINE_EXPORT = """[LINE] たろうとのトーク履歴
保存日時：2024/05/01 22:10

2024/05/01(水)
21:03\tたろう\tこんばんは
21:04\tはなこ\t"長い
メッセージです"
21:05\tたろう\tLINE交換ありがと
"""


def test_line_export_keeps_speakers_times_and_multiline_messages():
    msgs = parse_chat_text(LINE_EXPORT, me="はなこ")
    assert [m.text for m in msgs] == ["こんばんは", "長い\nメッセージです", "LINE交換ありがと"]
    assert [m.speaker for m in msgs] == ["たろう", "はなこ", "たろう"]
    assert [m.role for m in msgs] == ["other", "self", "other"]
    assert msgs[0].time == "21:03"


def test_name_colon_lines_and_full_width_colon():
    msgs = parse_chat_text("相手：写真送って\n自分：いやだ\n相手: なんで")
    assert [(m.role, m.text) for m in msgs] == [("other", "写真送って"), ("self", "いやだ"), ("other", "なんで")]


def test_plain_lines_have_unknown_speakers_and_urls_are_not_names():
    msgs = parse_chat_text("こんにちは\nhttps://example.com/a?b=c\n元気？")
    assert [m.speaker for m in msgs] == [None, None, None]
    assert msgs[1].text == "https://example.com/a?b=c"


def test_structured_input():
    msgs = messages_from([("other", "hi"), {"speaker": "自分", "text": "yo"}, "plain"])
    assert [m.role for m in msgs] == ["other", "self", None]


def test_line_export_messages_carry_the_date_line_above_them():
    chat = LINE_EXPORT + "\n2024/05/02(木)\n07:30\tたろう\t写真まだ？\n"
    msgs = parse_chat_text(chat, me="はなこ")
    assert [(m.date, m.time) for m in msgs] == [
        ("2024/05/01", "21:03"), ("2024/05/01", "21:04"), ("2024/05/01", "21:05"), ("2024/05/02", "07:30")]
    assert msgs[1].text == "長い\nメッセージです"  # a quoted message is not cut by the date logic
    assert msgs[0].to_dict()["date"] == "2024/05/01"


def test_messages_without_a_date_line_have_no_date():
    assert [m.date for m in parse_chat_text("[21:00] 相手: 写真送って\n[21:01] 自分: いやだ")] == [None, None]
