from __future__ import annotations

import json

import pytest

from gazoguard import playbooks
from gazoguard.cli.main import main
from gazoguard.core.errors import GazoError


def test_the_four_situations_exist_with_japanese_and_english_steps():
    assert playbooks.names() == ["about_to_send", "already_sent", "threatened", "parent"]
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
