"""Run the engine over a labelled set and score it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gazoguard.evaluation.dataset import LabelledImage, load_dataset
from gazoguard.evaluation.score import score_all
from gazoguard.core.progress import Progress


def run_eval(root: str | Path, *, profile: str = "personal", engine=None, limit: int | None = None, progress: bool | None = None) -> tuple[dict[str, Any], dict[str, dict]]:
    from gazoguard.pipeline.engine import Engine

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


def run_synthetic(count: int, *, seed: int = 1, profile: str = "personal", engine=None, save: str | Path | None = None, progress: bool | None = None,
                  layouts: tuple[str, ...] | None = None) -> tuple[dict[str, Any], dict[str, dict]]:
    """Check ``count`` generated pictures (:mod:`gazoguard.evaluation.synthetic`) and score the planted values.

    ``save`` writes each picture there (under its name) so a miss can be looked at, with the labels
    as an eval folder (``gazoguard eval DIR`` then scores any tree on the same files).
    """
    from gazoguard.pipeline.engine import Engine
    from gazoguard.evaluation.score import score_documents_and_screens, score_personal_text
    from gazoguard.evaluation.score import score_by_class
    from gazoguard.evaluation.synthetic import LAYOUTS, generate
    from gazoguard.evaluation.synthetic_classes import CLASS_DRAWERS

    own_engine = engine is None
    engine = engine or Engine()
    engine.warm_up()
    root = Path(save) if save else Path("synthetic")
    items: list[LabelledImage] = []
    by_layout_items: dict[str, list[LabelledImage]] = {}
    reports: dict[str, dict] = {}
    elapsed: list[float] = []
    bar = Progress(count, "synthetic", enabled=progress)
    try:
        for picture in generate(count, seed, layouts or LAYOUTS, CLASS_DRAWERS):
            if save:
                target = root / picture.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(picture.data)
            report = engine.check(picture.data, profile=profile, path=picture.name).to_dict()
            reports[picture.name] = report
            elapsed.append(report.get("elapsed_ms", 0.0))
            item = picture.as_labelled(root)
            items.append(item)
            by_layout_items.setdefault(picture.layout, []).append(item)
            bar.step(picture.name)
    finally:
        bar.close()
        if own_engine:
            engine.close()
    if save:
        from gazoguard.evaluation.folder import write_folder

        write_folder(root, items)
    overall = score_personal_text(items, reports)
    documents = score_documents_and_screens([i for i in items if i.doc_kind != "none"], reports)
    by_layout = {name: score_personal_text(group, reports) for name, group in sorted(by_layout_items.items())}
    elapsed.sort()
    metrics = {
        "images": len(items),
        "seed": seed,
        "personal_text": overall,
        "document_kind_accuracy": documents["document_kind_accuracy"],
        "document_kind_wrong": documents["document_wrong"],
        "by_layout": {name: {"recall": s["recall"], "precision": s["precision"], "missed": len(s["missed"]), "false": len(s["false"])} for name, s in by_layout.items()},
        "time": {"p50_ms": round(elapsed[len(elapsed) // 2]) if elapsed else None},
        "by_class": score_by_class(items, reports),
    }
    return metrics, reports
