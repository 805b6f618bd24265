"""Turn command-line paths (files or folders) into the image files to check."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".heif", ".avif"}
)


def iter_image_paths(paths: list[str]) -> Iterator[Path]:
    """Files as given (whatever their suffix); folders walked recursively for image suffixes, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in IMAGE_SUFFIXES and candidate.is_file():
                        yield candidate  # a FIFO or device named *.jpg in a folder is skipped, never opened
        else:
            yield path
