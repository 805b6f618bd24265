from __future__ import annotations

import json

from gazoguard.core.levels import Level
from gazoguard.talk import check_conversation


def test_adult_flirting_without_pressure_is_safe_and_a_polite_request_is_only_caution():
    flirting = check_conversation([("other", "今日のデート楽しかった！"), ("self", "また会いたいな❤️"), ("other", "早く会いたい😘")])
    assert flirting.level is Level.SAFE and not [h for _, h in flirting.hits if h.counted]
    request = check_conversation([("other", "ちょっとセクシーな写真とか…嫌なら全然いいよ"), ("self", "今はやめとく"), ("other", "了解！")])
    assert request.level is Level.CAUTION and request.acts == {"picture_request"}
    assert request.playbook == "about_to_send"


def test_asking_again_after_a_no_is_pressure():
    result = check_conversation([("other", "えっちな写真送って"), ("self", "無理です"), ("other", "えーいいじゃん、お願い")])
    hit = next(h for h in result.messages[2].hits if h.label == "pressure")
    assert "after_refusal" in hit.notes
    assert result.level is Level.DANGER
    assert not check_conversation([("other", "いいじゃん、お願い")]).acts  # no refusal before: not pressure


def test_early_request_without_age_check_is_noted():
    result = check_conversation([("other", "やほー"), ("other", "裸の写真ちょうだい")])
    assert set(result.messages[1].hits[0].notes) == {"early", "no_age_check"}
    checked = check_conversation([("other", "何歳？"), ("self", "25"), ("other", "裸の写真ちょうだい")])
    assert "no_age_check" not in next(h for h in checked.messages[2].hits if h.label == "picture_request").notes


def test_grooming_and_sextortion_block_threat_and_luring_danger():
    assert check_conversation([("self", "中2だよ"), ("other", "下着の写真送って")]).level is Level.BLOCK
    assert check_conversation([("other", "写真拡散されたくなかったら5万払え")]).level is Level.BLOCK
    assert check_conversation([("other", "お前の裸の写真ネットに晒すから")]).level is Level.DANGER
    luring = check_conversation([("other", "このアプリ不具合多いからテレグラムで話そう"), ("other", "えっちな写真も送ってね")])
    assert luring.level is Level.DANGER and "move_platform" in luring.acts


def test_a_threat_about_a_held_picture_is_a_threat_not_a_request():
    result = check_conversation([("other", "お前の裸の写真、親に送るからな")])
    assert result.acts == {"threat_spread"} and result.playbook == "threatened"


def test_paraphrased_threats_and_demands_are_found():
    cases = {
        "学校のやつらに見せたらどうなるやろな": "threat_spread",
        "みんなに見てもらおうね": "threat_spread",
        "アマギフ3万分買ってコード送れ": "money_demand",
        "払わんかったら知らんで": "money_demand",
        "さっきの通話、全部録画してたから": "claims_to_hold",
        "ここ運営に監視されてるからカカオいこ": "move_platform",
    }
    for text, act in cases.items():
        result = check_conversation([("other", "こんばんは"), ("other", text), ("other", "24時間以内な")])
        assert act in result.acts, text


def test_the_users_own_words_do_not_raise_the_level():
    result = check_conversation([("self", "ネットに晒すとか言われたらどうする？")])
    assert result.hits and result.level is Level.SAFE and not result.acts


def test_quotes_warnings_jokes_and_friends_sharing_photos_stay_safe():
    safe = [
        [("other", "ねえ、こんなDM来たんだけど…「写真ばらまかれたくなかったら5万払え」って"), ("self", "払っちゃだめ")],
        [("other", "知らない人に写真送っちゃだめだよ。もし脅されたらすぐ言ってね")],
        [("other", "お前の変顔写真グループに晒すぞw"), ("self", "やめろww")],
        [("other", "写真、グループに流しておいたよ！"), ("self", "ありがと")],
        [("other", "昨日の飲み代ひとり3000円ね、PayPayで送って"), ("self", "了解")],
        [("other", "運営を名乗ってパスワードや画像を求めるメッセージは詐欺です。運営がお聞きすることはありません。")],
    ]
    for conv in safe:
        assert check_conversation(conv).level is Level.SAFE, conv


def test_evidence_is_the_original_text_and_json_round_trips():
    result = check_conversation([("other", "ｼｬｼﾝ ﾊﾞﾗﾏｶﾚﾀｸﾅｲﾅﾗ ｶﾈ ﾊﾗｴ")])
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    finding = next(f for f in data["messages"][0]["findings"] if f["act"] == "threat_spread")
    start, end = finding["span"]
    assert "ﾊﾞﾗﾏ" in finding["evidence"] and data["messages"][0]["text"][start:end] == finding["evidence"]
    assert data["level"] == "block" and data["playbook"] == "threatened" and "money_demand" in data["acts"]


def test_plain_text_input_is_parsed():
    result = check_conversation("相手: PayPayで3万送って\n自分: え？")
    assert result.messages[0].labels == {"money_demand"}
    assert result.level is Level.CAUTION


def test_verdict_and_conversation_share_result_types_without_an_import_cycle():
    import ast
    from pathlib import Path

    import gazoguard.talk.verdict as verdict

    tree = ast.parse(Path(verdict.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "gazoguard.talk.conversation" not in imported and "gazoguard.talk.results" in imported
