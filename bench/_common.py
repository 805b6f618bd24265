"""Helpers shared by the benchmarks: test pictures at fixed sizes, percentiles, peak RSS."""

from __future__ import annotations

import io
import resource
import statistics
from pathlib import Path

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
