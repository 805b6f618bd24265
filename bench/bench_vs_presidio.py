"""gazoguard vs the baseline a user would reach for today (Presidio image redactor + Tesseract jpn+eng + GiNZA).

    bench/setup_presidio.sh            # once: Debian tesseract-ocr-jpn + a separate venv for Presidio
    .venv/bin/python bench/bench_vs_presidio.py [--set ja_text,en_pii]

Both run in this one invocation on the same images, warm: each image is processed once untimed
(models loaded, first-call effects out), then ``--runs`` times.  Prints time per image (p50 over all
images and runs, and per image) for every image of the chosen sets, and personal-string recall
(strict: the right kind; lenient: any detection covering the string) on the labelled ones, with ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from _common import EVAL, REPO  # noqa: E402

from gazoguard.evaluation.dataset import load_dataset  # noqa: E402
from gazoguard.evaluation.matching import string_matches  # noqa: E402

PRESIDIO_KIND = {
    "PERSON": "person_name", "LOCATION": "address", "PHONE_NUMBER": "phone", "EMAIL_ADDRESS": "email",
    "CREDIT_CARD": "credit_card", "URL": "url", "US_SSN": "insurance_number", "US_PASSPORT": "passport",
    "US_DRIVER_LICENSE": "drivers_licence", "DATE_TIME": "birthdate", "US_BANK_NUMBER": "bank_account",
}


def recall(items, detections_by_path) -> tuple[float, float, int]:
    strict = lenient = total = 0
    for item in items:
        dets = detections_by_path[str(item.path)]
        for text, kind in item.texts:
            if not kind:
                continue
            total += 1
            strict += any(d["kind"] == kind and string_matches(text, d["text"]) for d in dets)
            lenient += any(string_matches(text, d["text"]) for d in dets)
    return strict / total, lenient / total, total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="ja_text", help="comma-separated eval categories (default ja_text)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per image, after one untimed (default 3)")
    args = parser.parse_args()
    categories = set(args.set.split(","))
    in_sets = [i for i in load_dataset(EVAL) if i.category in categories]
    items = [i for i in in_sets if i.texts]  # recall is scored on the labelled ones
    paths = [str(i.path) for i in in_sets]

    from gazoguard.pipeline.engine import Engine

    engine = Engine()
    engine.warm_up()
    ours: dict[str, list[dict]] = {}
    our_times: dict[str, list[float]] = {}
    for path in paths:
        engine.check(path)
        our_times[path] = []
        for _ in range(args.runs):
            started = time.perf_counter()
            report = engine.check(path)
            our_times[path].append(time.perf_counter() - started)
        ours[path] = [{"kind": f.kind, "text": f.text or ""} for f in report.findings if f.text]
    engine.close()

    py = REPO / "bench" / ".venv-presidio" / "bin" / "python"
    if not py.exists():
        sys.exit("run bench/setup_presidio.sh first (the baseline needs its own environment)")
    out = subprocess.run([str(py), str(REPO / "bench" / "presidio_baseline_worker.py"), str(args.runs), *paths],
                         capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    if out.returncode != 0:
        sys.exit(out.stderr[-2000:])
    theirs: dict[str, list[dict]] = {}
    their_times: dict[str, list[float]] = {}
    for line in out.stdout.splitlines():
        row = json.loads(line)
        their_times[row["path"]] = row["seconds"]
        theirs[row["path"]] = [{"kind": PRESIDIO_KIND.get(d["entity"], d["entity"].lower()), "text": d["text"]} for d in row["detections"]]

    o_strict, o_len, total = recall(items, ours)
    p_strict, p_len, _ = recall(items, theirs)
    o_t = statistics.median(t for ts in our_times.values() for t in ts)
    p_t = statistics.median(t for ts in their_times.values() for t in ts)
    print(f"images: {len(paths)} ({args.set}), {args.runs} warm runs each; labelled personal strings: {total} in {len(items)} images")
    print(f"time per image p50: gazoguard {o_t:.2f} s (whole check, all detectors) | presidio {p_t:.2f} s (OCR + PII only) | speed-up ×{p_t / o_t:.2f}")
    for path in paths:
        o, p = statistics.median(our_times[path]), statistics.median(their_times[path])
        print(f"   {Path(path).name}: gazoguard {o:.2f} s | presidio {p:.2f} s | ×{p / o:.2f}")
    print(f"recall (right kind): gazoguard {o_strict:.1%} | presidio {p_strict:.1%} | ratio ×{o_strict / max(p_strict, 1e-9):.2f}")
    print(f"recall (any detection covers it): gazoguard {o_len:.1%} | presidio {p_len:.1%}")


if __name__ == "__main__":
    main()
