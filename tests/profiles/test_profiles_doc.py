"""docs/profiles.md is generated from the profile files and must not drift; `gazoguard profiles` lists them."""

from __future__ import annotations

from pathlib import Path

from gazoguard.cli.main import main
from gazoguard.cli.profiles import profiles_markdown, profiles_table
from gazoguard.core.catalogue import kinds
from gazoguard.profiles import list_profiles

DOC = Path(__file__).resolve().parents[2] / "docs" / "profiles.md"


def test_docs_profiles_md_equals_the_generated_table():
    assert DOC.read_text(encoding="utf-8") == profiles_markdown(), "run: gazoguard profiles --table > docs/profiles.md"


def test_the_table_has_every_kind_and_every_profile():
    table = profiles_table()
    header = table.splitlines()[0]
    assert all(p.name in header for p in list_profiles())
    rows = {line.split("|")[1].strip() for line in table.splitlines()[2:]}
    assert set(kinds()) <= rows


def test_the_table_follows_the_profile_files():
    row = next(line for line in profiles_table().splitlines() if line.startswith("| swimwear |"))
    cells = [c.strip() for c in row.split("|")[3:-1]]
    names = [p.name for p in sorted(list_profiles(), key=lambda p: (p.name != "personal", p.name))]
    assert cells[names.index("teen")] == "⛔ block"
    assert cells[names.index("business-intake")] == "⛔ block → refuse"


def test_profiles_command_lists_each_with_a_description(capsys):
    assert main(["profiles"]) == 0
    out = capsys.readouterr().out
    lines = out.strip().splitlines()
    assert len(lines) == len(list_profiles()) >= 5
    assert all(": " in line for line in lines)
    assert main(["profiles", "--lang", "en"]) == 0
    assert "Teen" in capsys.readouterr().out


def test_profiles_table_command_prints_the_doc(capsys):
    assert main(["profiles", "--table"]) == 0
    assert capsys.readouterr().out == profiles_markdown()
