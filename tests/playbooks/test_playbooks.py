from __future__ import annotations

import json

import pytest

from gazoguard import playbooks
from gazoguard.cli.main import main
from gazoguard.core.errors import GazoError


def test_the_situations_exist_in_the_order_a_person_meets_them():
    assert playbooks.names() == ["minor_asked", "about_to_send", "own_rules", "already_sent", "threatened", "forwarded", "parent_before", "parent"]
    for book in playbooks.all():
        assert book.title_ja and book.title_en and book.summary_ja and book.summary_en
        assert 3 <= len(book.steps) <= 9  # short
        for step in book.steps:
            assert step.ja and step.en and step.ja != step.en


def test_steps_that_create_evidence_name_the_locker_command():
    evidence_steps = [s for b in playbooks.all() for s in b.steps if s.evidence]
    assert len(evidence_steps) >= 5
    assert all(s.command and s.command.startswith("gazoguard evidence add LOCKER") for s in evidence_steps)


def test_threatened_playbook_says_never_pay_and_lists_the_help_lines():
    book = playbooks.get("threatened")
    assert "払わない" in book.steps[0].ja or "送らないで" in book.steps[0].ja
    text = playbooks.format_playbook(book)
    for contact in ("#9110", "サイバー犯罪相談窓口", "インターネット・ホットラインセンター", "189", "0570-078374"):
        assert contact in text


def test_unknown_playbook_is_a_clear_error():
    with pytest.raises(GazoError) as err:
        playbooks.get("panic")
    assert "about_to_send" in err.value.message_en


def test_cli_lists_prints_and_emits_json(capsys):
    assert main(["playbook"]) == 0
    assert "already_sent" in capsys.readouterr().out
    assert main(["playbook", "parent", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "parent" and data["help_lines"]
    assert main(["playbook", "already-sent", "--lang", "en"]) == 0
    assert "When you have already sent it" in capsys.readouterr().out
    assert main(["playbook", "panic"]) == 2


def test_about_to_send_asks_the_one_set_of_three_questions_by_reference():
    from gazoguard.pipeline.explain import THREE_QUESTIONS

    steps = playbooks.get("about_to_send").steps
    assert [s.ja for s in steps[:3]] == [f"質問 {n}: {q['ja']}" for n, q in enumerate(THREE_QUESTIONS, 1)]
    assert sum(s.ja.startswith("質問") for s in steps) == 3  # no second set called the same name


def test_about_to_send_asks_where_the_picture_is_going_and_who_can_screenshot_it():
    text = playbooks.format_playbook(playbooks.get("about_to_send"))
    for words in ("1 対 1", "グループ", "オープンチャット", "掲示板", "どれくらいの期間", "スクリーンショット"):
        assert words in text


def test_the_guide_s_missing_guidance_is_there():
    parent_before = playbooks.format_playbook(playbooks.get("parent_before"))
    for words in ("フィルタリング", "スクリーンタイム", "承認", "夜 0 時以降", "親に相談する", "責めずに"):
        assert words in parent_before
    assert "スタンプやモザイク" in playbooks.format_playbook(playbooks.get("parent"))
    forwarded = playbooks.format_playbook(playbooks.get("forwarded"))
    assert "リベンジポルノ防止法" in forwarded and "削除" in forwarded and "損害賠償" in forwarded
    own = playbooks.format_playbook(playbooks.get("own_rules"))
    for words in ("相手を信じない", "顔・住所・勤務先・学校", "お酒を飲んだ日"):
        assert words in own
