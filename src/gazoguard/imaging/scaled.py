"""Downscaled copies of a picture, made once per picture and shared by the image heuristics.

Two flavours: an area-averaged copy for shapes (edges, rectangles) and a
nearest-neighbour sample for pixel statistics, because averaging smooths away
the sensor noise that tells a photo from a screenshot.
"""

from __future__ import annotations

import io
import threading
import weakref

import cv2
import numpy as np
from PIL import Image, ImageOps

from gazoguard.imaging.picture import Picture, to_rgb

SHAPE_SIDE = 640
SAMPLE_SIDE = 640
WORKING_SIDE = 2048  # the largest copy a model reads (OCR's reading copy)
# A JPEG decoder can shrink by 1/2, 1/4 or 1/8 as it decodes (scaled IDCT): a large photo's working
# copy is decoded at that size rather than resized from the full picture, when the shrunk copy keeps
# a longer side of at least this much (a 4000 × 3000 photo: 2000 px instead of 2048)
MIN_DECODER_SHRUNK_SIDE = 1792
# ... and kept as it is when its longer side is at most this much over WORKING_SIDE: resizing a
# copy by a few percent costs ~30 ms CPU at 12 MP (INTER_AREA's fractional weights), on the
# path to OCR, for 7-15 % fewer pixels (a 4349 × 2759 photo: 2175 px kept, not resized to 2048)
DECODER_SHRUNK_SLACK = 1.15

_cache: weakref.WeakKeyDictionary[Picture, dict[tuple[str, int], np.ndarray]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()
# what the engine decoded ahead (:func:`remember_shrunk`); None there means "decoded: nothing applies"
_shrunk_ahead: weakref.WeakKeyDictionary[Picture, np.ndarray | None] = weakref.WeakKeyDictionary()
_NOT_AHEAD = object()
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
    """Copy with the longer side ≤ WORKING_SIDE (a decoder-shrunk one up to DECODER_SHRUNK_SLACK
    times that), and its scale (a factor of the full size).

    The models' own smaller copies (see :func:`scaled_rgb`) are made from it.  Large JPEGs are
    decoded straight at a reduced size (:func:`decoder_shrunk`); other pictures are area-averaged
    from the full picture in one pass (~95 ms CPU at 12 MP).
    """
    if scale_for(picture, WORKING_SIDE) >= 1.0:
        return picture.rgb, 1.0

    def make() -> np.ndarray:
        shrunk = decoder_shrunk(picture)
        if shrunk is not None and max(shrunk.shape[:2]) <= WORKING_SIDE * DECODER_SHRUNK_SLACK:
            return shrunk
        source = picture.rgb if shrunk is None else shrunk
        return cv2.resize(source, _size(picture, scale_for(picture, WORKING_SIDE)), interpolation=cv2.INTER_AREA)

    with _working_lock:
        working = _memo(picture, ("working", WORKING_SIDE), make)
    return working, max(working.shape[:2]) / max(picture.width, picture.height)


def decoder_shrunk(picture: Picture) -> np.ndarray | None:
    """The picture decoded by libjpeg at 1/2, 1/4 or 1/8 size (oriented, RGB), or None when that does not apply.

    Decoding at 1/2 costs ~35 ms CPU against ~140 ms for a full 12 MP decode plus ~80 ms to
    area-average it down, and the reduction is the decoder's own (an average over each block).
    A copy decoded ahead (:func:`remember_shrunk`) is used instead of decoding again.
    """
    with _lock:
        ahead = _shrunk_ahead.pop(picture, _NOT_AHEAD)
    shrunk = shrunk_jpeg(picture.data) if ahead is _NOT_AHEAD else ahead
    if shrunk is None:
        return None
    height, width = shrunk.shape[:2]
    if abs(width / picture.width - height / picture.height) > 0.01:  # orientation not what the picture says
        return None
    return shrunk


def shrunk_jpeg(data: bytes) -> np.ndarray | None:
    """A large JPEG's pixels decoded at 1/2, 1/4 or 1/8 size (oriented, RGB); None for anything else.

    Works from the bytes alone, so it can run while the full picture is being decoded
    (the engine does that); never raises: a file that fails here fails in the full decode too.
    """
    try:
        with Image.open(io.BytesIO(data)) as stored:
            if stored.format not in ("JPEG", "MPO"):
                return None
            factor = next((f for f in (8, 4, 2) if max(stored.size) / f >= MIN_DECODER_SHRUNK_SIDE), None)
            if factor is None:
                return None
            stored.draft(None, (stored.width // factor, stored.height // factor))  # Pillow picks the shrink from these
            stored.load()
            return np.asarray(to_rgb(ImageOps.exif_transpose(stored)), dtype=np.uint8)
    except Exception:  # noqa: BLE001 - the full picture decoded; resizing it is the fallback
        return None


def remember_shrunk(picture: Picture, shrunk: np.ndarray | None) -> None:
    """Hand :func:`decoder_shrunk` what :func:`shrunk_jpeg` made of this picture's bytes ahead of time (None included)."""
    with _lock:
        _shrunk_ahead[picture] = shrunk


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
