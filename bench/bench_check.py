"""Benchmark the whole check: 1 MP and 12 MP photos, cold and warm, p50/p95, per detector, peak RSS.

    .venv/bin/python bench/bench_check.py [--runs 5] [--cpu] [--json out.json]

Targets (issue 3/4): 12 MP warm p50 ≤ 1.0 s, 1 MP warm p50 ≤ 0.5 s, peak RSS ≤ 1 GB, cold start ≤ 3 s.

``--rss`` samples the resident memory (``/proc/self/status``, every 10 ms, Linux) and prints the
peak of each stage (warm-up, the checks and the serial split of each size).

``--cpu`` adds process CPU seconds per check next to the wall time, and a per-detector CPU split
measured serially (shared perceptions — OCR, faces — on their own lines, then each detector on the
memoised scene).  On a shared 2-core machine wall time grows with the load average (printed);
CPU seconds do not, so compare CPU across runs and wall only within one run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict

sys.path.insert(0, os.path.dirname(__file__))
from _common import cpu_seconds, load_average, median, pct, peak_rss_mb, resized_jpeg, sample_photos, timed  # noqa: E402

# Prints: seconds to a ready engine (imports + warm-up), seconds to the first report, process CPU seconds.
COLD_SCRIPT = r"""
import sys, time
t0 = time.perf_counter()
import gazoguard
from gazoguard.pipeline.engine import Engine
engine = Engine()
engine.warm_up()
ready = time.perf_counter() - t0
report = engine.check(open(sys.argv[1], "rb").read())
print(ready, time.perf_counter() - t0, time.process_time(), report.ok)
"""

# The same without warm-up: models load lazily inside the first check (the CLI's one-shot path).
COLD_LAZY_SCRIPT = r"""
import sys, time
t0 = time.perf_counter()
import gazoguard
from gazoguard.pipeline.engine import Engine
engine = Engine()
report = engine.check(open(sys.argv[1], "rb").read())
print(time.perf_counter() - t0, time.process_time(), report.ok)
"""


def cold_start(path: str) -> dict[str, float]:
    """A fresh interpreter: seconds to a warmed-up engine and to the first report, and its CPU seconds."""
    out = subprocess.run([sys.executable, "-c", COLD_SCRIPT, path], capture_output=True, text=True, check=True)
    ready, first, cpu = (float(v) for v in out.stdout.split()[:3])
    return {"ready_s": round(ready, 3), "first_report_s": round(first, 3), "cpu_s": round(cpu, 3)}


def cold_start_lazy(path: str) -> float:
    """Seconds from a fresh interpreter to the first report when nothing was warmed up."""
    out = subprocess.run([sys.executable, "-c", COLD_LAZY_SCRIPT, path], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


def cpu_split(engine, blob: bytes) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Process CPU ms per step of one check, run serially so each step's CPU is its own.

    Shared perceptions are computed first (``perception:<name>``), so detectors are charged only for
    their own work; ``decode`` is reading the JPEG into a Picture (its RGB array included).
    """
    from gazoguard.pipeline import engine as engine_module
    from gazoguard.imaging.picture import load_picture
    from gazoguard.perception.scene import Scene

    def decode():  # type: ignore[no-untyped-def]
        picture = load_picture(blob)
        _ = picture.rgb
        return picture

    # memory as in Engine.check: the heap trimmed after decoding, and watched while the models run
    watch = getattr(engine_module, "HeapWatch", contextlib.nullcontext)
    picture, spent = cpu_seconds(decode)
    split = {"decode": spent * 1000}
    if getattr(engine_module, "TRIM_AFTER_DECODE", False):
        engine_module.release_free_memory()
    scene = Scene(picture, engine.perceptions)
    with watch():
        for name in engine.perceptions:
            _, spent = cpu_seconds(lambda: scene.get(name))
            split[f"perception:{name}"] = spent * 1000
        for detector in engine.registry.all():
            _, spent = cpu_seconds(lambda: detector.detect(picture, scene))
            split[detector.name] = spent * 1000
    del scene, picture
    engine_module.release_free_memory()  # as after a check
    return split


class RssByStage:
    """Peak VmRSS (MB) per named stage, sampled on a thread every ``interval`` seconds (Linux only)."""

    def __init__(self, interval: float = 0.01) -> None:
        self.stage = "start"
        self.peaks: dict[str, float] = {}
        self._stop = threading.Event()
        self._interval = interval
        self._thread = threading.Thread(target=self._run, name="bench-rss", daemon=True)
        self._thread.start()

    @staticmethod
    def rss_mb() -> float:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def enter(self, stage: str) -> None:
        self.stage = stage
        self._note(stage, self.rss_mb())

    def _note(self, stage: str, mb: float) -> None:
        if mb > self.peaks.get(stage, 0.0):
            self.peaks[stage] = mb

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self._note(self.stage, self.rss_mb())

    def stop(self) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        return {k: round(v, 1) for k, v in self.peaks.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpu", action="store_true", help="also print process CPU seconds per check and a per-detector CPU split")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start subprocesses")
    parser.add_argument("--rss", action="store_true", help="also print the peak resident memory of each stage (Linux)")
    parser.add_argument("--json")
    args = parser.parse_args()

    from gazoguard.pipeline.engine import Engine

    photos = sample_photos()
    results: dict = {"photos": [p.name for p in photos], "load_average_start": [round(v, 2) for v in load_average()]}

    if not args.no_cold:
        with tempfile.NamedTemporaryFile(suffix=".jpg", delete=False) as fh:
            fh.write(resized_jpeg(photos[0], 12))
            cold_path = fh.name
        colds = [cold_start(cold_path) for _ in range(2)]
        results["cold_ready_s"] = [c["ready_s"] for c in colds]
        results["cold_ready_first_report_s"] = [c["first_report_s"] for c in colds]
        results["cold_cpu_s"] = [c["cpu_s"] for c in colds]
        results["cold_start_s"] = [round(cold_start_lazy(cold_path), 3) for _ in range(2)]
        os.unlink(cold_path)

    rss = RssByStage() if args.rss else None
    stage = rss.enter if rss else (lambda name: None)
    stage("warm-up")
    engine = Engine()
    with timed() as warm:
        engine.warm_up()
    results["warm_up_s"] = round(warm["wall"], 3)
    results["warm_up_cpu_s"] = round(warm["cpu"], 3)

    for mp in (1, 12):
        data = [resized_jpeg(p, mp) for p in photos]
        stage(f"{mp}mp checks")
        engine.check(data[0])  # first-call effects (allocators, onnx graph optimisation) out of the timing
        times: list[float] = []
        cpus: list[float] = []
        per_detector: dict[str, list[float]] = defaultdict(list)
        by_photo: dict[str, list[float]] = defaultdict(list)
        for _ in range(args.runs):
            for photo, blob in zip(photos, data):
                with timed() as spent:
                    report = engine.check(blob)
                times.append(spent["wall"])
                by_photo[photo.name].append(spent["wall"])
                cpus.append(spent["cpu"])
                for run in report.runs:
                    per_detector[run.name].append(run.ms)
        entry = {
            "p50_s": round(median(times), 3),
            "p95_s": round(pct(times, 95), 3),
            "cpu_p50_s": round(median(cpus), 3),
            "cpu_p95_s": round(pct(cpus, 95), 3),
            "n": len(times),
            "detector_p50_ms": {k: round(median(v), 1) for k, v in sorted(per_detector.items(), key=lambda kv: -median(kv[1]))},
            "p50_by_photo_s": {name: round(median(v), 3) for name, v in by_photo.items()},
        }
        if args.cpu:
            stage(f"{mp}mp cpu split")
            splits: dict[str, list[float]] = defaultdict(list)
            for blob in data:
                for step, ms in cpu_split(engine, blob).items():
                    splits[step].append(ms)
            entry["cpu_split_ms"] = {k: round(median(v), 1) for k, v in sorted(splits.items(), key=lambda kv: -median(kv[1]))}
            entry["cpu_split_by_photo_ms"] = {p.name: {k: round(v[i], 1) for k, v in splits.items()} for i, p in enumerate(photos)}
        results[f"{mp}mp"] = entry
    results["peak_rss_mb"] = round(peak_rss_mb(), 1)
    if rss:
        results["peak_rss_by_stage_mb"] = rss.stop()
    results["load_average_end"] = [round(v, 2) for v in load_average()]
    engine.close()

    targets = {"12mp": 1.0, "1mp": 0.5}
    print(f"photos: {', '.join(results['photos'])}")
    print(f"load average at start {results['load_average_start']}, at end {results['load_average_end']} (2 cores)")
    if "cold_start_s" in results:
        print(f"cold start to first report: {results['cold_start_s']} s  (target ≤ 3 s)")
        print(f"cold start to a warmed-up engine: {results['cold_ready_s']} s; its first report at {results['cold_ready_first_report_s']} s")
        if args.cpu:
            print(f"   cold start CPU (imports + warm-up + first 12 MP check): {results['cold_cpu_s']} s")
    print(f"warm-up (all models): {results['warm_up_s']} s" + (f"  cpu {results['warm_up_cpu_s']} s" if args.cpu else ""))
    for key, target in targets.items():
        r = results[key]
        line = f"{key}: p50 {r['p50_s']:.3f} s  p95 {r['p95_s']:.3f} s  (n={r['n']}; p50/target = {r['p50_s'] / target:.2f})"
        if args.cpu:
            line += f"  | cpu p50 {r['cpu_p50_s']:.3f} s  p95 {r['cpu_p95_s']:.3f} s  (cpu/wall {r['cpu_p50_s'] / r['p50_s']:.2f})"
        print(line)
        print("   p50 by photo s: " + ", ".join(f"{k} {v}" for k, v in r["p50_by_photo_s"].items()))
        print("   per detector p50 ms: " + ", ".join(f"{k} {v}" for k, v in r["detector_p50_ms"].items()))
        if args.cpu:
            print("   cpu split p50 ms (serial): " + ", ".join(f"{k} {v}" for k, v in r["cpu_split_ms"].items()))
            print(f"   cpu split total p50 ms: {sum(r['cpu_split_ms'].values()):.0f}")
    print(f"peak RSS: {results['peak_rss_mb']} MB  (target ≤ 1024 MB; ratio {results['peak_rss_mb'] / 1024:.2f})")
    if "peak_rss_by_stage_mb" in results:
        print("   peak RSS by stage (MB, sampled every 10 ms): " + ", ".join(f"{k} {v}" for k, v in results["peak_rss_by_stage_mb"].items()))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
