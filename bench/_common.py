"""Helpers shared by the benchmarks: test pictures at fixed sizes, percentiles, peak RSS, CPU time, load."""

from __future__ import annotations

import io
import os
import resource
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from PIL import Image

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"

# photos a person would send: faces, a street scene with GPS, a Japanese document, a screen
PHOTO_SOURCES = [
    "images/faces",
    "images/exif",
    "images/ja_text",
    "images/screens",
]

T = TypeVar("T")


def sample_photos(limit: int = 4) -> list[Path]:
    picked = []
    for folder in PHOTO_SOURCES:
        files = sorted((EVAL / folder).glob("*"))
        if files:
            picked.append(files[len(files) // 2])
    return picked[:limit]


def resized_jpeg(path: Path, megapixels: float) -> bytes:
    """The picture at about ``megapixels`` (4:3-ish, aspect kept), as JPEG bytes like a phone would send."""
    with Image.open(path) as im:
        im = im.convert("RGB")
        scale = (megapixels * 1e6 / (im.width * im.height)) ** 0.5
        im = im.resize((max(1, round(im.width * scale)), max(1, round(im.height * scale))), Image.LANCZOS)
        buf = io.BytesIO()
        im.save(buf, format="JPEG", quality=90)
        return buf.getvalue()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_average() -> tuple[float, float, float]:
    """The 1/5/15-minute load averages: on a shared machine wall times are only comparable at similar load."""
    return os.getloadavg()


@contextmanager
def timed() -> Iterator[dict[str, float]]:
    """Wall and process-CPU seconds (all threads, onnxruntime's included) of the ``with`` block."""
    out: dict[str, float] = {}
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield out
    finally:
        out["wall"] = time.perf_counter() - wall
        out["cpu"] = time.process_time() - cpu


def cpu_seconds(fn: Callable[[], T]) -> tuple[T, float]:
    """``fn()`` and the process CPU seconds it used (valid when nothing else runs in the process)."""
    started = time.process_time()
    result = fn()
    return result, time.process_time() - started
