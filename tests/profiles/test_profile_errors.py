"""A bad profile file gives a GazoError in Japanese and English that names the bad line."""

from __future__ import annotations

import pytest

from gazoguard.core.errors import GazoError
from gazoguard.profiles import load_profile

GOOD_HEAD = 'name = "mine"\nja = "自分用"\nen = "Mine"\n'


def _error(tmp_path, body: str) -> GazoError:
    path = tmp_path / "mine.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(GazoError) as info:
        load_profile(str(path))
    return info.value


def _line_of(body: str, needle: str) -> str:
    return str(next(n for n, line in enumerate(body.splitlines(), start=1) if needle in line))


@pytest.mark.parametrize(
    "body, bad_line, words",
    [
        (GOOD_HEAD + "[levels.kind]\nface = \"loud\"\n", 'face = "loud"', "level must be one of"),
        (GOOD_HEAD + "[levels.category]\nidentity = \"danger\"\nsmells = \"caution\"\n", "smells", "unknown category"),
        (GOOD_HEAD + "[levels.kind]\nunicorn = \"danger\"\n", "unicorn", "unknown finding kind"),
        (GOOD_HEAD + "colour = \"red\"\n", "colour", "unknown key"),
        (GOOD_HEAD + "[min_score]\nface = 1.5\n", "face = 1.5", "from 0 to 1"),
        (GOOD_HEAD + "[limits]\nnever_face = true\nnever_feet = true\n", "never_feet", "unknown limit"),
        (GOOD_HEAD + "[limits]\nnever_face = \"yes\"\n", "never_face", "true or false"),
        (GOOD_HEAD + "[limits]\nmax_exposure = \"some\"\n", "max_exposure", "max_exposure must be one of"),
        (GOOD_HEAD + "[advice]\nface = { ja = \"隠す\" }\n", "face = {", "needs ja and en"),
        (GOOD_HEAD + "three_questions = \"yes\"\n", "three_questions", "true or false"),
        (GOOD_HEAD + "failure_level = \"panic\"\n", "failure_level", "level must be one of"),
        ('ja = "自分用"\nen = "Mine"\n', None, "'name' is required"),
        (GOOD_HEAD + "levels = 3\n", "levels = 3", "must be a table"),
        ('extends = "nobody"\n' + GOOD_HEAD, "extends", "no such profile"),
    ],
)
def test_bad_values_name_their_line(tmp_path, body, bad_line, words):
    err = _error(tmp_path, body)
    assert err.code == "bad_profile"
    expected_line = _line_of(body, bad_line) if bad_line else "?"
    assert err.params["line"] == int(expected_line) if expected_line != "?" else err.params["line"] == "?"
    assert words in err.message_en
    assert f"{expected_line} 行目" in err.message_ja and f"line {expected_line}" in err.message_en
    assert "mine.toml" in err.message_ja


def test_a_toml_syntax_error_names_its_line(tmp_path):
    body = GOOD_HEAD + "[levels.kind]\nface = \n"
    err = _error(tmp_path, body)
    assert err.code == "bad_profile" and str(err.params["line"]) == "5"


def test_the_second_of_several_action_rules_is_pointed_at(tmp_path):
    body = GOOD_HEAD + '[[actions]]\naction = "refuse"\ncategories = ["sexual"]\n\n[[actions]]\naction = "shout"\n'
    err = _error(tmp_path, body)
    assert err.params["line"] == 8 and "#2" in err.message_en and "action must be one of" in err.message_en


def test_an_action_rule_with_an_unknown_category(tmp_path):
    body = GOOD_HEAD + '[[actions]]\naction = "refuse"\ncategories = ["sexy"]\n'
    err = _error(tmp_path, body)
    assert err.params["line"] == 4 and "unknown categories" in err.message_en


def test_a_help_contact_without_english(tmp_path):
    body = GOOD_HEAD + '[help]\nmin_level = "danger"\n\n[[help.contacts]]\nja = "先生"\n'
    err = _error(tmp_path, body)
    assert err.params["line"] == 7 and "ja and en" in err.message_en


def test_a_missing_file_is_an_unknown_profile(tmp_path):
    with pytest.raises(GazoError) as info:
        load_profile(str(tmp_path / "nothing.toml"))
    assert info.value.code == "unknown_profile" and "gazoguard profiles" in info.value.message_ja


def test_an_unknown_name_is_an_unknown_profile():
    with pytest.raises(GazoError) as info:
        load_profile("pirate")
    assert info.value.code == "unknown_profile"


def test_a_good_custom_file_loads_by_path(tmp_path):
    path = tmp_path / "shop.toml"
    path.write_text(GOOD_HEAD + '[levels.category]\nsexual = "block"\n[[actions]]\naction = "refuse"\ncategories = ["sexual"]\n', encoding="utf-8")
    prof = load_profile(path)
    assert prof.name == "mine" and prof.actions[0].action == "refuse" and prof.source == str(path)


def test_extends_a_file_next_to_it(tmp_path, monkeypatch):
    (tmp_path / "base.toml").write_text(GOOD_HEAD + '[levels.kind]\nface = "block"\n', encoding="utf-8")
    (tmp_path / "child.toml").write_text('extends = "base.toml"\nname = "child"\n', encoding="utf-8")
    monkeypatch.chdir("/")
    prof = load_profile(str(tmp_path / "child.toml"))
    assert prof.name == "child" and prof.level_for("face", "identity").value == "block"
