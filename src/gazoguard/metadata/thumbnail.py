"""Does the embedded EXIF thumbnail show the same picture as the main image?

Editors that crop or paint over a photo often leave the camera's thumbnail
untouched, so the thumbnail can still show what was removed (the
aCropalypse class of leak).  Both images are reduced to a small colour
square and compared by correlation and by the share of strongly changed cells; letterbox bars around the thumbnail are
trimmed first.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

MAX_THUMB_PIXELS = 4_000_000
COMPARE_SIDE = 32
SAME_MIN_CORRELATION = 0.8
ASPECT_TOLERANCE = 0.12
CHANGED_LEVEL = 40.0  # of 255, after the brightness/contrast fit
MAX_CHANGED_SHARE = 0.01

_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class ThumbnailCheck:
    width: int
    height: int
    differs: bool
    similarity: float  # correlation of the reduced colour images, -1..1
    changed_share: float  # share of the reduced image that differs after a brightness/contrast fit
    aspect_ratio_differs: bool


def decode_thumbnail(blob: bytes) -> Image.Image | None:
    """The thumbnail as RGB, or ``None`` if it is not a decodable, reasonably small image."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            im = Image.open(io.BytesIO(blob))
            if im.width * im.height > MAX_THUMB_PIXELS or min(im.size) < 1:
                return None
            im.load()
        return im.convert("RGB")
    except Exception:  # noqa: BLE001 - a broken thumbnail is reported as present but unreadable
        return None


def compare(thumbnail: Image.Image, main: Image.Image, orientation: int = 1) -> ThumbnailCheck:
    """Compare ``thumbnail`` (as stored) with ``main`` (already oriented by ``orientation``)."""
    if orientation in _TRANSPOSE:
        thumbnail = thumbnail.transpose(_TRANSPOSE[orientation])
    trimmed = _trim_bars(thumbnail)
    thumb_aspect = trimmed.width / trimmed.height
    main_aspect = main.width / main.height
    aspect_differs = abs(np.log(thumb_aspect / main_aspect)) > ASPECT_TOLERANCE
    thumb_sig, main_sig = _signature(trimmed), _signature(main)
    similarity = _correlation(thumb_sig, main_sig)
    changed = _changed_share(thumb_sig, main_sig)
    return ThumbnailCheck(
        width=thumbnail.width,
        height=thumbnail.height,
        differs=bool(aspect_differs or similarity < SAME_MIN_CORRELATION or changed > MAX_CHANGED_SHARE),
        similarity=round(float(similarity), 3),
        changed_share=round(changed, 3),
        aspect_ratio_differs=bool(aspect_differs),
    )


def _trim_bars(im: Image.Image) -> Image.Image:
    """Cut uniform black (or white) bars that cameras add when the thumbnail's aspect differs."""
    grey = np.asarray(im.convert("L"), dtype=np.int16)
    for background in (0, 255):
        content = np.abs(grey - background) > 24
        rows, cols = np.where(content.any(axis=1))[0], np.where(content.any(axis=0))[0]
        if rows.size == 0 or cols.size == 0:
            continue
        box = (int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1)
        area = (box[2] - box[0]) * (box[3] - box[1])
        if area < im.width * im.height and area >= 0.4 * im.width * im.height:
            return im.crop(box)
    return im


def _signature(im: Image.Image) -> np.ndarray:
    """Colour, not grey: a patch painted in a colour of the same brightness must still count."""
    small = im.convert("RGB").resize((COMPARE_SIDE, COMPARE_SIDE), Image.Resampling.BOX, reducing_gap=2.0)
    small = small.filter(ImageFilter.GaussianBlur(1))
    return np.asarray(small, dtype=np.float64).ravel()


def _changed_share(thumb: np.ndarray, main: np.ndarray) -> float:
    """Share of signature values that differ a lot after matching overall brightness and contrast.

    A global edit (exposure, contrast) is absorbed by the linear fit; a
    local one (a painted-over or replaced region) is not.
    """
    design = np.vstack([main, np.ones_like(main)]).T
    coef, *_ = np.linalg.lstsq(design, thumb, rcond=None)
    residual = np.abs(thumb - design @ coef)
    return float((residual > CHANGED_LEVEL).mean())


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    mean_gap = abs(float(a.mean()) - float(b.mean()))
    a = a - a.mean()
    b = b - b.mean()
    denom = float(np.sqrt((a * a).sum() * (b * b).sum()))
    if denom < 1e-6:  # a flat image has no pattern to correlate: same if the brightness is close
        return 1.0 if mean_gap < 8 else 0.0
    return float((a * b).sum() / denom)
