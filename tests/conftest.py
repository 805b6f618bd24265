"""Shared fixtures: the labelled eval set in ../shared/eval and one engine per test session."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(os.environ.get("GAZOGUARD_EVAL_DIR", REPO.parent / "shared" / "eval"))


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not (EVAL_DIR / "manifest.csv").is_file():
        pytest.skip(f"labelled eval set not found at {EVAL_DIR}")
    return EVAL_DIR


@pytest.fixture(scope="session")
def eval_manifest(eval_dir: Path) -> list[dict[str, str]]:
    with open(eval_dir / "manifest.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def engine():
    """One engine for the whole test session: models load once, as in production."""
    from gazoguard.pipeline.engine import Engine

    eng = Engine()
    yield eng
    eng.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    path = REPO / "artifacts"
    path.mkdir(exist_ok=True)
    return path
