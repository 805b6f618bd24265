"""Benchmark the whole check: 1 MP and 12 MP photos, cold and warm, p50/p95, per detector, peak RSS.

    .venv/bin/python bench/bench_check.py [--runs 5] [--json out.json]

Targets (issue 3/4): 12 MP warm p50 ≤ 1.0 s, 1 MP warm p50 ≤ 0.5 s, peak RSS ≤ 1 GB, cold start ≤ 3 s.
Ratios are printed against the targets and, for the baseline a user would reach for today, see
bench/bench_presidio_baseline.py (run by this script when its environment exists).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import defaultdict

sys.path.insert(0, os.path.dirname(__file__))
from _common import median, pct, peak_rss_mb, resized_jpeg, sample_photos  # noqa: E402

COLD_SCRIPT = r"""
import sys, time
t0 = time.perf_counter()
import gazoguard
from gazoguard.engine import Engine
engine = Engine()
report = engine.check(open(sys.argv[1], "rb").read())
print(time.perf_counter() - t0, report.ok)
"""


def cold_start(path: str) -> float:
    """Seconds from a fresh interpreter to the first report (imports + model loading + one check)."""
    out = subprocess.run([sys.executable, "-c", COLD_SCRIPT, path], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json")
    args = parser.parse_args()

    from gazoguard.engine import Engine

    photos = sample_photos()
    results: dict = {"photos": [p.name for p in photos]}

    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".jpg", delete=False) as fh:
        fh.write(resized_jpeg(photos[0], 12))
        cold_path = fh.name
    results["cold_start_s"] = [round(cold_start(cold_path), 3) for _ in range(2)]
    os.unlink(cold_path)

    engine = Engine()
    t0 = time.perf_counter()
    engine.warm_up()
    results["warm_up_s"] = round(time.perf_counter() - t0, 3)

    for mp in (1, 12):
        data = [resized_jpeg(p, mp) for p in photos]
        engine.check(data[0])  # first-call effects (allocators, onnx graph optimisation) out of the timing
        times: list[float] = []
        per_detector: dict[str, list[float]] = defaultdict(list)
        for _ in range(args.runs):
            for blob in data:
                started = time.perf_counter()
                report = engine.check(blob)
                times.append(time.perf_counter() - started)
                for run in report.runs:
                    per_detector[run.name].append(run.ms)
        results[f"{mp}mp"] = {
            "p50_s": round(median(times), 3),
            "p95_s": round(pct(times, 95), 3),
            "n": len(times),
            "detector_p50_ms": {k: round(median(v), 1) for k, v in sorted(per_detector.items(), key=lambda kv: -median(kv[1]))},
        }
    results["peak_rss_mb"] = round(peak_rss_mb(), 1)
    engine.close()

    targets = {"12mp": 1.0, "1mp": 0.5}
    print(f"photos: {', '.join(results['photos'])}")
    print(f"cold start to first report: {results['cold_start_s']} s  (target ≤ 3 s)")
    print(f"warm-up (all models): {results['warm_up_s']} s")
    for key, target in targets.items():
        r = results[key]
        print(f"{key}: p50 {r['p50_s']:.3f} s  p95 {r['p95_s']:.3f} s  (n={r['n']}; p50/target = {r['p50_s'] / target:.2f})")
        print("   per detector p50 ms: " + ", ".join(f"{k} {v}" for k, v in r["detector_p50_ms"].items()))
    print(f"peak RSS: {results['peak_rss_mb']} MB  (target ≤ 1024 MB; ratio {results['peak_rss_mb'] / 1024:.2f})")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
