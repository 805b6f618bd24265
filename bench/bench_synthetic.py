"""Personal-string recall and precision on generated pictures, for comparing two trees on the same pictures.

The generator is always this checkout's (``src/gazoguard/evaluation/synthetic.py``, loaded by path);
the engine is whichever ``gazoguard`` is imported, so an older tree can be measured on the very
same pictures:

    .venv/bin/python bench/bench_synthetic.py --count 150 --seed 9001
    git worktree add /tmp/old <commit>
    PYTHONPATH=/tmp/old/src .venv/bin/python bench/bench_synthetic.py --count 150 --seed 9001

Prints one JSON line.  ``gazoguard eval --synthetic`` is the everyday command; this one exists
for the comparison.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "src" / "gazoguard" / "evaluation" / "synthetic.py"


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gazoguard_bench_synthetic", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import gazoguard
    from gazoguard.pipeline.engine import Engine
    from gazoguard.evaluation.score import score_personal_text

    synthetic = _generator()
    engine = Engine()
    engine.warm_up()
    items, reports = [], {}
    for picture in synthetic.generate(args.count, args.seed):
        reports[picture.name] = engine.check(picture.data, path=picture.name).to_dict()
        items.append(picture.as_labelled(Path("synthetic")))
    scored = score_personal_text(items, reports)
    print(json.dumps({
        "engine": str(Path(gazoguard.__file__).resolve().parent),
        "count": args.count, "seed": args.seed,
        "recall": scored["recall"], "precision": scored["precision"],
        "missed": len(scored["missed"]), "false": len(scored["false"]),
        "by_kind": {k: f"{v['found']}/{v['labelled']} fp {v['fp']}" for k, v in scored["by_kind"].items()},
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
