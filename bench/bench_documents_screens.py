"""Documents, screens, place clues and name tags: accuracy on the eval set and added time at 12 MP.

    .venv/bin/python bench/bench_documents_screens.py            # accuracy (runs OCR + faces) + timing
    .venv/bin/python bench/bench_documents_screens.py --timing   # timing only (no models)

Accuracy: document kind correct on labelled documents (manifest doc_kind;
``screen`` documents are scored against the screens detector), screen recall
on ``is_screen`` images, and findings claimed on images that have none, per
eval category.

Timing: the four detectors on 12 MP pictures made from eval photos, with a
fixed 40-line OCR layout (OCR itself is timed by its own bench), fresh
picture each run so no cache helps.  Printed in ms and as a ratio to one
cv2.resize of the same picture to 2048 px (what OCR does anyway), measured in
the same run because the machine is shared.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import Counter, defaultdict

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
sys.path.insert(0, os.path.dirname(__file__))

from _common import EVAL, load_average, median, resized_jpeg, sample_photos  # noqa: E402

DETECTORS = ["documents", "screens", "place_clues", "identity_marks"]


def accuracy() -> None:
    """Runs the detectors on the shared perceptions directly: the engine's timeouts are timed elsewhere."""
    from gazoguard.detectors import Registry
    from gazoguard.perception import builtin_perceptions
    from gazoguard.imaging.picture import load_picture
    from gazoguard.perception.scene import Scene

    rows = list(csv.DictReader(open(EVAL / "manifest.csv", encoding="utf-8")))
    perceptions = builtin_perceptions()
    registry = Registry.default()
    detectors = [registry.get(n) for n in DETECTORS]
    for d in detectors:
        d.ensure_loaded()
    doc_right, doc_total, screens_found, screens_total = 0, 0, 0, 0
    misses: list[str] = []
    false_claims: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        picture = load_picture(EVAL / row["path"])
        scene = Scene(picture, perceptions)
        findings = [f for d in detectors for f in d.detect(picture, scene)]
        docs = [f.attrs["doc_kind"] for f in findings if f.kind == "document"]
        screen = any(f.kind == "screen" for f in findings)
        if row["is_document"] == "true" and row["doc_kind"] != "screen":
            doc_total += 1
            doc_right += docs == [row["doc_kind"]]
            if docs != [row["doc_kind"]]:
                misses.append(f"document {row['path']}: labelled {row['doc_kind']}, found {docs}")
        elif docs:
            false_claims[row["category"]]["document"] += 1
        if row["is_screen"] == "true":
            screens_total += 1
            screens_found += screen
            if not screen:
                misses.append(f"screen {row['path']} not found")
        elif screen:
            false_claims[row["category"]]["screen"] += 1
        for kind in ("place_text", "license_plate", "name_tag"):
            if any(f.kind == kind for f in findings):
                false_claims[row["category"]][kind] += 1  # listed per category; some are true clues (see docs)
    print(f"document kind correct: {doc_right}/{doc_total} = {doc_right / max(1, doc_total):.0%}")
    print(f"screens found:         {screens_found}/{screens_total} = {screens_found / max(1, screens_total):.0%}")
    print("images with findings the labels do not have (per category):")
    for category in sorted({r['category'] for r in rows}):
        n = sum(r["category"] == category for r in rows)
        print(f"  {category:11s} n={n:3d}  {dict(false_claims[category]) or '-'}")
    for line in misses:
        print("  miss:", line)


def timing(repeats: int = 5) -> None:
    import cv2

    from gazoguard.detectors import Registry
    from gazoguard.imaging.picture import load_picture
    from gazoguard.perception.textlayout import Char, TextLayout

    lines = [f"{i:02d} 合計 ¥1,{i:03d} TOTAL 12:{i:02d} 渋谷駅 Yuyuan Rd." for i in range(40)]
    text = TextLayout(
        [[Char(c, (40 + 30 * k, 60 * i, 70 + 30 * k, 60 * i + 40), i, 0.9) for k, c in enumerate(t)] for i, t in enumerate(lines)]
    )

    class Scene:
        def text(self):
            return text

        def faces(self):
            return []

    registry = Registry.default()
    detectors = [registry.get(n) for n in DETECTORS]
    for d in detectors:
        d.ensure_loaded()
    sources = [resized_jpeg(p, 12.0) for p in sample_photos(4)]
    per: dict[str, list[float]] = defaultdict(list)
    baseline: list[float] = []
    for _ in range(repeats):
        for data in sources:
            picture = load_picture(data)
            picture.rgb  # decoding is shared with every detector; not counted
            started = time.perf_counter()
            cv2.resize(picture.rgb, (2048, round(2048 * picture.height / picture.width)), interpolation=cv2.INTER_AREA)
            baseline.append((time.perf_counter() - started) * 1000)
            total = 0.0
            for d in detectors:
                started = time.perf_counter()
                d.detect(picture, Scene())
                ms = (time.perf_counter() - started) * 1000
                per[d.name].append(ms)
                total += ms
            per["total"].append(total)
    base = median(baseline)
    print(f"load average {load_average()[0]:.1f}; baseline cv2.resize 12 MP→2048: {base:.1f} ms (median)")
    for name, values in per.items():
        print(f"  {name:15s} median {median(values):6.1f} ms  max {max(values):6.1f} ms  ratio {median(values) / base:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timing", action="store_true", help="timing only")
    args = parser.parse_args()
    if not args.timing:
        accuracy()
    timing()


if __name__ == "__main__":
    main()
