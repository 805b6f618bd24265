"""Every kept input in ``fuzz/corpus/`` — the seeds and every crasher found so far — runs without a crash."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from fuzz.targets import CORPUS, TARGETS  # noqa: E402
from gazoguard.core.errors import GazoError  # noqa: E402

KEPT = sorted((t, p) for t in TARGETS if (CORPUS / t).is_dir() for p in (CORPUS / t).iterdir() if p.is_file())


def test_the_corpus_holds_seeds_and_crashers() -> None:
    assert {t for t, _ in KEPT} == set(TARGETS)
    assert any(p.name.startswith("crash-") for _, p in KEPT)


@pytest.mark.parametrize(("target", "path"), KEPT, ids=[f"{t}/{p.name}" for t, p in KEPT])
def test_kept_input_does_not_crash(target: str, path: Path) -> None:
    try:
        TARGETS[target].run(path.read_bytes())
    except GazoError:
        pass  # a clear, expected refusal
