"""What each playbook says, word for word (golden files): a wording change is a visible, reviewed change."""

from __future__ import annotations

import pytest

from gazoguard import playbooks


@pytest.mark.parametrize("name", playbooks.names())
def test_each_playbook_s_words(name, golden):
    text = playbooks.format_playbook(playbooks.get(name), "ja")
    assert text.startswith("■ ") and "相談窓口" in text
    golden(f"playbook_{name}.txt", text + "\n")
