"""Downscaled copies of a picture, made once per picture and shared by the image heuristics.

Two flavours: an area-averaged copy for shapes (edges, rectangles) and a
nearest-neighbour sample for pixel statistics, because averaging smooths away
the sensor noise that tells a photo from a screenshot.
"""

from __future__ import annotations

import threading
import weakref

import cv2
import numpy as np

from gazoguard.picture import Picture

SHAPE_SIDE = 640
SAMPLE_SIDE = 640
WORKING_SIDE = 2048  # the largest copy a model reads (OCR's reading copy)

_cache: weakref.WeakKeyDictionary[Picture, dict[tuple[str, int], np.ndarray]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()
_working_lock = threading.Lock()  # the working copy is made once even when two models ask at once


def _memo(picture: Picture, key: tuple[str, int], make) -> np.ndarray:  # type: ignore[no-untyped-def]
    with _lock:
        per_picture = _cache.setdefault(picture, {})
        if key in per_picture:
            return per_picture[key]
    value = make()
    value.setflags(write=False)
    with _lock:
        return _cache[picture].setdefault(key, value)


def _size(picture: Picture, scale: float) -> tuple[int, int]:
    """(width, height) of a copy at ``scale``, never zero."""
    return max(1, round(picture.width * scale)), max(1, round(picture.height * scale))


def scale_for(picture: Picture, side: int) -> float:
    """Factor from full-size pixels to a copy whose longer side is at most ``side``."""
    return min(1.0, side / max(picture.width, picture.height))


def shape_rgb(picture: Picture, side: int = SHAPE_SIDE) -> np.ndarray:
    """Area-averaged RGB copy, longer side ≤ ``side``."""

    def make() -> np.ndarray:
        s = scale_for(picture, side)
        if s >= 1.0:
            return np.ascontiguousarray(picture.rgb)
        size = _size(picture, s)
        # area-average from a 2×-oversized nearest sample: same shapes, a fraction of the work at 12 MP
        if s < 0.5:
            double = (size[0] * 2, size[1] * 2)
            return cv2.resize(cv2.resize(picture.rgb, double, interpolation=cv2.INTER_NEAREST), size, interpolation=cv2.INTER_AREA)
        return cv2.resize(picture.rgb, size, interpolation=cv2.INTER_AREA)

    return _memo(picture, ("shape", side), make)


def shape_gray(picture: Picture, side: int = SHAPE_SIDE) -> np.ndarray:
    return _memo(picture, ("shape_gray", side), lambda: cv2.cvtColor(shape_rgb(picture, side), cv2.COLOR_RGB2GRAY))


def sample_rgb(picture: Picture, side: int = SAMPLE_SIDE) -> np.ndarray:
    """Nearest-neighbour sample (no averaging: keeps the noise of real photos), longer side ≤ ``side``."""

    def make() -> np.ndarray:
        s = scale_for(picture, side)
        if s >= 1.0:
            return np.ascontiguousarray(picture.rgb)
        size = _size(picture, s)
        return cv2.resize(picture.rgb, size, interpolation=cv2.INTER_NEAREST)

    return _memo(picture, ("sample", side), make)


def working_rgb(picture: Picture) -> tuple[np.ndarray, float]:
    """Area-averaged copy with the longer side ≤ WORKING_SIDE, and its scale.

    The models' own smaller copies (see :func:`scaled_rgb`) are made from it: one pass over a
    12 MP picture (~95 ms CPU) instead of one per copy (60–95 ms each).
    """
    s = scale_for(picture, WORKING_SIDE)
    if s >= 1.0:
        return picture.rgb, 1.0

    def make() -> np.ndarray:
        size = _size(picture, s)
        return cv2.resize(picture.rgb, size, interpolation=cv2.INTER_AREA)

    with _working_lock:
        return _memo(picture, ("working", WORKING_SIDE), make), s


def scaled_rgb(picture: Picture, scale: float) -> np.ndarray:
    """The picture at ``scale`` (a factor of its full size): shrunk from the working copy when that is
    large enough, otherwise resized from the full picture (enlarged with bilinear interpolation)."""
    if scale == 1.0:
        return picture.rgb
    size = _size(picture, scale)
    working, working_scale = working_rgb(picture)
    if scale <= working_scale:
        return cv2.resize(working, size, interpolation=cv2.INTER_AREA)
    return cv2.resize(picture.rgb, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
