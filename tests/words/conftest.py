"""Golden files of the Japanese text people read: compare, or rewrite with GAZOGUARD_UPDATE_GOLDEN=1.

A golden file is reviewed by a person when it changes (``git diff tests/words/golden``); the test fails on any
difference, so a wording change is always a visible, deliberate change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("GAZOGUARD_UPDATE_GOLDEN") == "1" or not path.exists():
        path.write_text(text, encoding="utf-8")
        if os.environ.get("GAZOGUARD_UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {name} was missing and has been written: review it and run again")
        return
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file (GAZOGUARD_UPDATE_GOLDEN=1 to accept)"


@pytest.fixture()
def golden():
    return _check
