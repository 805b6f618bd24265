"""``gazoguard eval``: a labelled folder or generated pictures; usage errors exit 2."""

from __future__ import annotations

import json

import pytest

from gazoguard.cli.main import main


def test_without_a_folder_or_synthetic_it_is_a_usage_error(capsys):
    assert main(["eval"]) == 2
    assert "--synthetic" in capsys.readouterr().err


def test_a_folder_without_a_manifest_is_a_clear_error(tmp_path, capsys):
    assert main(["eval", str(tmp_path)]) == 2
    assert "manifest.csv" in capsys.readouterr().err


@pytest.mark.slow
def test_synthetic_figures_as_json_and_the_pictures_kept(tmp_path, capsys):
    assert main(["eval", "--synthetic", "3", "--seed", "2", "--json", "--save", str(tmp_path)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["images"] == 3 and figures["seed"] == 2
    assert set(figures["by_layout"]) == {"form", "card", "chat"}  # the first three layouts
    assert 0 <= figures["personal_text"]["recall"] <= 1
    assert len(list(tmp_path.rglob("*.png"))) + len(list(tmp_path.rglob("*.jpg"))) == 3
