"""A short run of every fuzz target (``fuzz/run.py``): a few hundred generated inputs each, no crash, no hang.

The real campaign (≥ 100,000 inputs) is run by hand; see docs/security.md for its figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from fuzz.run import fuzz  # noqa: E402
from fuzz.targets import TARGETS  # noqa: E402

SMOKE_INPUTS = {"recognizers": 100, "evidence": 150}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_target_survives_a_short_run(name: str) -> None:
    stats = fuzz(name, SMOKE_INPUTS.get(name, 300), random_seed=21, hang_seconds=5.0)
    assert stats.inputs > 0
    assert stats.crashes == 0, stats.crash_samples
    assert stats.hangs == 0 and stats.slowest_s < 5.0
