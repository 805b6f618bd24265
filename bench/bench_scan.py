"""Benchmark the archive scan: throughput against cores × the single-image rate, and flat driver memory.

    .venv/bin/python bench/bench_scan.py [--images 500] [--rss 500,5000] [--detectors NAMES]

1. A corpus of ``--images`` distinct pictures (../shared/eval photos, documents, screenshots and QR
   codes at ~1 MP, each re-encoded slightly differently so no two share a SHA-256, plus generated
   pictures), written to a temporary folder.
2. The single-image rate: one Scanner in this process pinned to one core, after a warm-up, over a
   slice of the corpus (the per-core rate of the same engine in the same run).
3. The scan: ``gazoguard scan`` logic on a local Ray with one actor per core; the rate from the first
   finished image to the last (actor start-up and model loading are printed apart).
4. Driver peak RSS for each size in ``--rss`` (cheap detectors, generated pictures): the driver
   streams, so the figures should be within +10 % of each other.

The machine may be shared: the load average is printed beside every figure.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(__file__))
from _common import EVAL, REPO, load_average  # noqa: E402

MIX = ("benign", "exif", "ja_text", "en_pii", "screens", "qr_barcode", "faces")

DRIVER_SCRIPT = r"""
import sys
from gazoguard.cli.main import main
code = main(sys.argv[1:])
status = open("/proc/self/status").read()
peak = next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmHWM"))
print("PEAK_KB", peak, file=sys.stderr)
sys.exit(code)
"""


def build_corpus(root: Path, count: int, *, eval_share: float = 0.6) -> Path:
    """``count`` distinct pictures: eval images re-encoded (~1 MP, a different crop each time) and generated ones."""
    root.mkdir(parents=True, exist_ok=True)
    pool = [p for kind in MIX for p in sorted((EVAL / "images" / kind).glob("*")) if p.suffix.lower() in (".jpg", ".jpeg", ".png")]
    n_eval = int(count * eval_share) if pool else 0
    rng = np.random.default_rng(7)
    for n in range(count):
        if n < n_eval:
            with Image.open(pool[n % len(pool)]) as im:
                image = im.convert("RGB")
            scale = min(1.0, (1e6 / (image.width * image.height)) ** 0.5)
            image = image.resize((max(16, int(image.width * scale)), max(16, int(image.height * scale))))
            cut = n // len(pool) + 1  # a different crop per round: distinct bytes, the same content kind
            image = image.crop((cut, cut, image.width - cut, image.height - cut))
        else:
            image = Image.fromarray(rng.integers(0, 255, (12, 16, 3), dtype=np.uint8)).resize((1024, 768), Image.Resampling.BICUBIC)
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=88)
        (root / f"chat-{n % 20:02d}").mkdir(exist_ok=True)
        (root / f"chat-{n % 20:02d}" / f"p{n:05d}.jpg").write_bytes(buffer.getvalue())
    return root


def single_image_rate(corpus: Path, detectors: tuple[str, ...] | None, sample: int) -> float:
    """Images per second of one Scanner on one core (warm)."""
    from gazoguard.scan.sources import iter_sources
    from gazoguard.scan.worker import ScanConfig, Scanner, entry_meta

    entries = [e for e in iter_sources([str(corpus)]) if e.data][: sample + 2]
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    try:
        scanner = Scanner(ScanConfig(detectors=detectors))
        for entry in entries[:2]:  # warm-up: models load
            scanner.scan(entry_meta(entry, "warm"), entry.data)
        started = time.perf_counter()
        for entry in entries[2:]:
            scanner.scan(entry_meta(entry, "x"), entry.data)
        elapsed = time.perf_counter() - started
        scanner.close()
    finally:
        os.sched_setaffinity(0, before)
    return (len(entries) - 2) / elapsed


def ray_throughput(corpus: Path, detectors: tuple[str, ...] | None, cores: int, out: Path) -> dict[str, float]:
    from gazoguard.scan.ledger import Ledger
    from gazoguard.scan.runner import RayPool, scan
    from gazoguard.scan.sources import iter_sources
    from gazoguard.scan.worker import ScanConfig, engine_version

    config = ScanConfig(detectors=detectors)
    ledger = Ledger.open(out, {"engine": engine_version(config)}, restart=True)
    started = time.perf_counter()
    pool = RayPool(config, workers=cores)
    pool.nodes()  # actors are up
    ready = time.perf_counter()
    marks: list[float] = []
    scan(iter_sources([str(corpus)]), ledger, config, pool=pool, on_row=lambda kind, row, tally: marks.append(time.perf_counter()))
    pool.close()
    images = ledger.count("ok")
    ledger.close()
    # from the first finished image to the last: model loading in the actors is not throughput
    window = marks[-1] - marks[0]
    return {"images": images, "start_s": ready - started, "first_row_s": marks[0] - ready, "rate": (len(marks) - 1) / window}


def driver_peak_rss_mb(corpus: Path, out: Path, detectors: str, cores: int) -> float:
    command = [sys.executable, "-c", DRIVER_SCRIPT, "scan", str(corpus), "--out", str(out), "--restart", "--no-report",
               "--detectors", detectors, "--workers", str(cores)]
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), RAY_USAGE_STATS_ENABLED="0")
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    peak = [line for line in done.stderr.splitlines() if line.startswith("PEAK_KB")]
    if done.returncode != 0 or not peak:
        raise RuntimeError(done.stderr[-2000:])
    return int(peak[-1].split()[1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=500)
    parser.add_argument("--sample", type=int, default=30, help="images for the single-image rate")
    parser.add_argument("--detectors", help="comma-separated (default: all, the real engine)")
    parser.add_argument("--rss", default="500,5000", help="corpus sizes for the driver RSS (empty: skip)")
    parser.add_argument("--rss-detectors", default="hidden_data")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    detectors = tuple(args.detectors.split(",")) if args.detectors else None
    cores = len(os.sched_getaffinity(0))
    out: dict[str, object] = {"cores": cores, "images": args.images, "detectors": args.detectors or "all"}
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
        corpus = build_corpus(Path(tmp) / "corpus", args.images)
        out["load_before"] = load_average()
        out["single_rate"] = single_image_rate(corpus, detectors, args.sample)
        out["ray"] = ray_throughput(corpus, detectors, cores, Path(tmp) / "run")
        out["load_after"] = load_average()
        expected = cores * out["single_rate"]
        out["ratio"] = out["ray"]["rate"] / expected
        print(f"cores {cores}; single-image rate (1 core, warm) {out['single_rate']:.2f} img/s → cores × rate {expected:.2f} img/s")
        print(f"scan on Ray: {out['ray']['rate']:.2f} img/s over {out['ray']['images']} images "
              f"(actors up in {out['ray']['start_s']:.1f} s, first row after {out['ray']['first_row_s']:.1f} s); "
              f"ratio {out['ratio']:.2f} (target ≥ 0.9); load {out['load_before']} → {out['load_after']}")
        sizes = [int(s) for s in args.rss.split(",") if s]
        rss = {}
        for size in sizes:
            small = build_corpus(Path(tmp) / f"rss{size}", size, eval_share=0.0)
            rss[size] = driver_peak_rss_mb(small, Path(tmp) / f"rssrun{size}", args.rss_detectors, cores)
            print(f"driver peak RSS at {size} images: {rss[size]:.0f} MB")
        if len(rss) >= 2:
            growth = rss[max(rss)] / rss[min(rss)] - 1
            print(f"driver RSS growth {min(rss)} → {max(rss)} images: {growth * 100:+.1f} % (target ≤ +10 %)")
            out["rss_growth"] = growth
        out["rss_mb"] = rss
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
