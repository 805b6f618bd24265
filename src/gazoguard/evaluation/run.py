"""Run the engine over a labelled set and score it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gazoguard.evaluation.dataset import LabelledImage, load_dataset
from gazoguard.evaluation.score import score_all
from gazoguard.progress import Progress


def run_eval(root: str | Path, *, profile: str = "personal", engine=None, limit: int | None = None, progress: bool | None = None) -> tuple[dict[str, Any], dict[str, dict]]:
    from gazoguard.engine import Engine

    items: list[LabelledImage] = load_dataset(root)[:limit]
    own_engine = engine is None
    engine = engine or Engine()
    engine.warm_up()
    reports: dict[str, dict] = {}
    bar = Progress(len(items), "eval", enabled=progress)
    try:
        for item in items:
            reports[item.rel] = engine.check(item.path, profile=profile, path=item.rel).to_dict()
            bar.step(item.path.name)
    finally:
        bar.close()
        if own_engine:
            engine.close()
    return score_all(items, reports), reports
