"""Recall / precision by kind of the personal_text detector on the labelled eval set, and recognizer time.

OCR output is cached in /tmp (pickled TextLayouts) so recognizer changes re-score in seconds:

    .venv/bin/python bench/bench_recognizers.py [--eval ../shared/eval] [--cache /tmp/gazoguard_ocr_cache] [-v]
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path

from gazoguard.detectors.personal_text import findings_for_layout
from gazoguard.evaluation.dataset import load_dataset
from gazoguard.evaluation.score import score_personal_text
from gazoguard.perception.ocr import OcrPerception
from gazoguard.imaging.picture import load_picture
from gazoguard.recognizers import RecognizerSet

CATEGORIES = ("ja_text", "en_pii", "screens", "benign")


def main() -> None:
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser()
    parser.add_argument("--eval", default=str(repo.parent / "shared" / "eval"))
    parser.add_argument("--cache", default="/tmp/gazoguard_ocr_cache")
    parser.add_argument("-v", action="store_true", help="list misses and false findings")
    args = parser.parse_args()
    items = [i for i in load_dataset(args.eval) if i.category in CATEGORIES or i.texts]
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    ocr = OcrPerception()
    recognizers = RecognizerSet()
    started = time.perf_counter()
    recognizers.load()
    print(f"recognizers loaded in {time.perf_counter() - started:.2f} s")
    reports, spent = {}, []
    for item in items:
        cached = cache / (item.rel.replace("/", "__") + ".pkl")
        if not cached.exists():
            ocr.ensure_loaded()
            cached.write_bytes(pickle.dumps(ocr.compute(load_picture(str(item.path)), None)))
        layout = pickle.loads(cached.read_bytes())
        t = time.perf_counter()
        findings = findings_for_layout(layout, recognizers)
        spent.append((time.perf_counter() - t) / max(1, len(layout.text)) * 1e6)
        reports[item.rel] = {"findings": [f.to_dict() for f in findings]}
    result = score_personal_text(items, reports)
    for kind, v in result["by_kind"].items():
        print(f"{kind:18s} labelled {v['labelled']:3d} found {v['found']:3d} recall {v['recall']}  tp {v['tp']:3d} fp {v['fp']:3d} precision {v['precision']}")
    print(f"ALL recall {result['recall']} precision {result['precision']}")
    print(f"recognizer time: {sorted(spent)[len(spent) // 2]:.2f} ms per 1000 characters (median; GiNZA included)")
    if args.v:
        for m in result["missed"]:
            print("missed", m)
        for f in result["false"]:
            print("false ", f)


if __name__ == "__main__":
    main()
