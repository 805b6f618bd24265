"""Face perception on the labelled eval set: recall per face size, false faces, time.

    .venv/bin/python bench/bench_faces.py            # accuracy + timing
    .venv/bin/python bench/bench_faces.py --sweep    # thresholds side by side (one model run)
    .venv/bin/python bench/bench_faces.py --timing   # timing only

A labelled face counts as found when a predicted box has IoU >= 0.3 with it
or the predicted box's centre falls inside it.  Size = max(w, h) of the
labelled box.  False faces are counted on images labelled has_face=false.
Timing is printed in ms and as a ratio to one plain yuface pass at 640x480
measured in the same run (the machine is shared, absolute numbers drift).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from PIL import Image

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

from gazoguard.perception import faces as F  # noqa: E402
from gazoguard.imaging.picture import load_picture  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EVAL = Path(os.environ.get("GAZOGUARD_EVAL_DIR", REPO.parent / "shared" / "eval"))
BANDS = (("≥40 px", 40, 10**9), ("20–40 px", 20, 40), ("<20 px", 0, 20))


def iou(a, b) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union else 0.0


def found(label, box) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return iou(label, box) >= 0.3 or (label[0] <= cx <= label[2] and label[1] <= cy <= label[3])


def score(predictions: dict[str, list], rows: list[dict], labels: dict[str, list]) -> dict:
    bands = {name: [0, 0] for name, _, _ in BANDS}
    false_noface, false_in_face_images, misses = 0, 0, []
    for row in rows:
        path, boxes = row["path"], predictions[row["path"]]
        truth = labels.get(path, [])
        for label in truth:
            size = max(label[2] - label[0], label[3] - label[1])
            band = next(name for name, lo, hi in BANDS if lo <= size < hi)
            bands[band][1] += 1
            hit = any(found(label, b) for b in boxes)
            bands[band][0] += hit
            if not hit and size >= 20:
                misses.append(f"{path} ({size} px)")
        unmatched = sum(1 for b in boxes if not any(found(t, b) for t in truth))
        if row["has_face"] == "false":
            false_noface += len(boxes)
        else:
            false_in_face_images += unmatched
    return {"bands": bands, "false_noface": false_noface, "false_in_face_images": false_in_face_images, "misses": misses}


def print_score(name: str, s: dict) -> None:
    bands = "  ".join(f"{band} {hit}/{n} ({100 * hit / n:.0f} %)" for band, (hit, n) in s["bands"].items() if n)
    print(f"{name:34s} {bands}  false faces: {s['false_noface']} on no-face images, "
          f"{s['false_in_face_images']} unlabelled on face images")


def load_eval() -> tuple[list[dict], dict[str, list]]:
    with open(EVAL / "manifest.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    labels = json.loads((EVAL / "face_boxes.json").read_text())
    return rows, labels


def accuracy(perception: F.FacePerception, rows, labels) -> None:
    predictions = {}
    for row in rows:
        picture = load_picture(EVAL / row["path"])
        predictions[row["path"]] = [f.box for f in perception.compute(picture, None)]
    s = score(predictions, rows, labels)
    print_score("faces perception (as shipped)", s)
    for miss in s["misses"]:
        print("   missed", miss)
    for row in rows:
        if row["has_face"] == "false" and predictions[row["path"]]:
            print("   false face on", row["path"], predictions[row["path"]])


def sweep(perception: F.FacePerception, rows, labels) -> None:
    """Run CenterFace once at a low threshold, verify every weak proposal, then compare thresholds."""
    recorded = {}
    for row in rows:
        picture = load_picture(EVAL / row["path"])
        proposals = F.propose(picture.rgb, perception._net, min_score=0.1)
        recorded[row["path"]] = [(p, F.verify(picture.rgb, p) if p.score < 0.6 else 1.0) for p in proposals]
    for strong in (0.4, 0.5, 0.6):
        print_score(f"centerface alone ≥{strong}", score(
            {k: [p.box for p, _ in v if p.score >= strong] for k, v in recorded.items()}, rows, labels))
    for strong in (0.5, 0.6):
        for candidate in (0.1, 0.15, 0.2, 0.3):
            for check in (0.5, 0.6, 0.7, 0.8):
                preds = {k: [p.box for p, v in props if p.score >= strong or (p.score >= candidate and v >= check)]
                         for k, props in recorded.items()}
                print_score(f"strong {strong} weak {candidate}+yu {check}", score(preds, rows, labels))


def timing(perception: F.FacePerception, repeats: int) -> None:
    import yuface

    face = Image.open(EVAL / "images/faces/dlib_2008_002079.jpg").convert("RGB")
    sizes = {"0.3 MP (640x480)": (640, 480), "1 MP (1155x866)": (1155, 866), "12 MP (4000x3000)": (4000, 3000)}
    baseline_image = np.ascontiguousarray(np.asarray(face.resize((640, 480)))[:, :, ::-1])

    def best_of(fn) -> tuple[float, float]:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            fn()
            times.append((time.perf_counter() - started) * 1000)
        return min(times), statistics.median(times)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        base_min, base_med = best_of(lambda: yuface.detect(baseline_image, 0.5))
    print(f"baseline: one yuface pass at 640x480: min {base_min:.0f} ms, median {base_med:.0f} ms")
    for name, size in sizes.items():
        picture = load_picture(face.resize(size))
        perception.compute(picture, None)  # warm up this input shape
        t_min, t_med = best_of(lambda: perception.compute(picture, None))
        scales = ", ".join(f"{s:.2f}" for s in F.read_scales(*size))
        print(f"faces at {name:18s} min {t_min:6.0f} ms  median {t_med:6.0f} ms  "
              f"= {t_min / base_min:4.1f}x baseline (scales {scales})")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--timing", action="store_true")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    perception = F.FacePerception()
    perception.ensure_loaded()
    rows, labels = load_eval()
    if args.sweep:
        sweep(perception, rows, labels)
        return 0
    if not args.timing:
        accuracy(perception, rows, labels)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    timing(perception, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
