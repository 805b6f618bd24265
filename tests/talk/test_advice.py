"""Golden texts: the words follow the act and the person (issue 19)."""

from __future__ import annotations

from gazoguard.cli.talk import format_result
from gazoguard.core.levels import Level
from gazoguard.talk import check_conversation

NEVER_SEND = "あなたが18歳未満なら、性的な画像は絶対に送らないでください。"
THREAT = "これは脅迫です。お金も追加の画像も送らないでください。"
NOT_A_GUARANTEE = "「安全」は、知られている危険なサインが見つからなかったという意味で、相手が安全だという保証ではありません。"


def test_a_minor_asked_for_underwear_pictures_is_told_never_to_send_and_whom_to_tell():
    result = check_conversation([("self", "中学2年だよ"), ("other", "下着の写真送ってよ")])
    text = format_result(result)
    assert result.level is Level.BLOCK and result.playbook == "minor_asked"
    assert NEVER_SEND in text and "#9110" in text and "189" in text
    assert "3つの質問" not in text and "それでも送るなら" not in text


def test_a_threat_to_send_a_nude_to_the_parents_gets_threat_wording_and_the_threatened_playbook():
    result = check_conversation([("other", "お前の裸の写真、親に送るからな")])
    text = format_result(result)
    assert result.playbook == "threatened" and THREAT in text
    assert "要求" not in result.reasons[0].ja and "3つの質問" not in text


def test_the_level_is_named_as_a_conversations_level():
    text = format_result(check_conversation([("other", "写真拡散されたくなかったら5万払え")]))
    assert text.startswith("⛔ この会話: 犯罪のおそれが高い会話です") and "送信禁止" not in text


def test_every_safe_result_says_it_is_not_a_guarantee_in_both_languages():
    result = check_conversation([("other", "昨日の写真グループに上げといたよ！"), ("self", "ありがと")])
    assert result.level is Level.SAFE
    assert NOT_A_GUARANTEE in format_result(result)
    assert "not a guarantee" in format_result(result, "en")
    data = result.to_dict()
    assert data["notice_ja"].startswith("「安全」は") and "not a guarantee" in data["notice_en"]
    assert check_conversation([("other", "5万払え")]).to_dict()["notice_ja"] is None


def test_friends_sharing_event_photos_are_not_sent_to_the_police():
    result = check_conversation([("other", "文化祭の写真、クラスのグループに流しておいた！"), ("self", "ありがとう！")])
    assert result.level is Level.SAFE and "threatened" not in result.playbooks


def test_the_three_questions_are_spelled_out_not_just_named():
    from gazoguard.pipeline.explain import THREE_QUESTIONS
    from gazoguard.talk import check_conversation, parse_chat_text

    result = check_conversation(parse_chat_text("相手: 下着の写真送ってよ\n自分: えー"))
    advice = [a for a in result.advice if a.code == "adult_three_questions"]
    assert advice, [a.code for a in result.advice]
    assert all(q["ja"] in advice[0].ja for q in THREE_QUESTIONS) and "どこに届くか" in advice[0].ja
    assert all(q["en"] in advice[0].en for q in THREE_QUESTIONS)
