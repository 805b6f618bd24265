from __future__ import annotations

import json

from gazoguard.core.levels import Level
from gazoguard.talk import check_conversation


def test_adult_flirting_without_pressure_is_safe_and_a_polite_request_is_only_caution():
    flirting = check_conversation([("other", "今日のデート楽しかった！"), ("self", "また会いたいな❤️"), ("other", "早く会いたい😘")])
    assert flirting.level is Level.SAFE and not flirting.hits
    request = check_conversation([("other", "ちょっとセクシーな写真とか…嫌なら全然いいよ"), ("self", "今はやめとく"), ("other", "了解！")])
    assert request.level is Level.CAUTION
    assert request.playbook == "about_to_send"


def test_asking_again_after_a_no_is_pressure():
    result = check_conversation([("other", "えっちな写真送って"), ("self", "無理です"), ("other", "えーいいじゃん、お願い")])
    hit = result.messages[2].hits[0]
    assert hit.label == "pressure" and hit.pattern == "pressure.ask_after_no" and "after_refusal" in hit.notes
    assert result.level is Level.DANGER
    # the same words with no refusal before them are not pressure
    assert not check_conversation([("other", "いいじゃん、お願い")]).hits


def test_early_request_without_age_check_is_noted():
    result = check_conversation([("other", "やほー"), ("other", "裸の写真ちょうだい")])
    assert set(result.messages[1].hits[0].notes) == {"early", "no_age_check"}
    checked = check_conversation([("other", "何歳？"), ("self", "25"), ("other", "裸の写真ちょうだい")])
    assert "no_age_check" not in checked.messages[2].hits[0].notes


def test_grooming_and_sextortion_block_threat_and_luring_danger():
    assert check_conversation([("self", "中2だよ"), ("other", "下着の写真送って")]).level is Level.BLOCK
    assert check_conversation([("other", "拡散されたくなかったら5万払え")]).level is Level.BLOCK
    assert check_conversation([("other", "お前の裸の写真ネットに晒すから")]).level is Level.DANGER
    luring = check_conversation([("other", "このアプリ不具合多いからテレグラムで話そう")])
    assert luring.level is Level.DANGER and luring.playbook == "about_to_send"


def test_the_users_own_words_do_not_raise_the_level():
    result = check_conversation([("self", "ネットに晒すとか言われたらどうする？")])
    assert result.hits and result.level is Level.SAFE


def test_evidence_is_the_original_text_and_json_round_trips():
    result = check_conversation([("other", "ｼｬｼﾝ ﾊﾞﾗﾏｶﾚﾀｸﾅｲﾅﾗ ｶﾈ ﾊﾗｴ")])
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    finding = next(f for f in data["messages"][0]["findings"] if f["label"] == "threat")
    start, end = finding["span"]
    assert "ﾊﾞﾗﾏ" in finding["evidence"] and data["messages"][0]["text"][start:end] == finding["evidence"]
    assert data["level"] == "block" and data["playbook"] == "threatened"


def test_plain_text_input_is_parsed():
    result = check_conversation("相手: PayPayで3万送って\n自分: え？")
    assert result.messages[0].labels == {"payment_request"}
    assert result.level is Level.CAUTION
