"""Score any tree's saved reports with this tree's scorer, figures only.

Used for before/after on a frozen set: the old tree writes its reports with
``gazoguard eval SET --reports OLD.jsonl`` (its own engine), this tree scores them
with the same code that scores its own — so the two figures differ only by the engine.
Only totals are printed, never which image or string was missed (the set stays unseen).

    PYTHONPATH=src python bench/score_saved_reports.py SET REPORTS.jsonl [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gazoguard.cli.eval import format_table
from gazoguard.evaluation.dataset import load_dataset
from gazoguard.evaluation.score import score_all


def read_reports(path: Path, set_root: Path) -> dict[str, dict]:
    """Reports keyed by the image's path inside the set (the eval CLI writes absolute paths)."""
    root = set_root.resolve()
    reports: dict[str, dict] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                report = json.loads(line)
                image_path = Path(report["image"]["path"])
                if image_path.is_absolute():
                    image_path = image_path.resolve().relative_to(root)
                reports[image_path.as_posix()] = report
    return reports


def _drop_item_lists(value: object) -> None:
    """Remove every list of per-image rows (missed strings, false finds, decoys, errors), keeping the totals."""
    if isinstance(value, dict):
        for key in list(value):
            item = value[key]
            if isinstance(item, list) and (not item or isinstance(item[0], (dict, str))):
                value[key] = []
            else:
                _drop_item_lists(item)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", type=Path)
    parser.add_argument("reports", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    items = load_dataset(args.set)
    reports = read_reports(args.reports, args.set)
    missing = [item.rel for item in items if item.rel not in reports]
    if missing:
        print(f"{len(missing)} images have no report", file=sys.stderr)
        return 2
    metrics = score_all(items, reports)
    _drop_item_lists(metrics)  # which string, in which image: not for a frozen set
    print(json.dumps(metrics, ensure_ascii=False, indent=2) if args.json else format_table(metrics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
