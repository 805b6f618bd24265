"""PDQ (the 8 dihedral variants PDQ defines, plus a few standard crops) and pHash of a picture, computed locally.

PDQ barely survives cropping: a centre crop of 5 % in total moves the hash
~46 bits (measured on the eval images), past the 31-bit threshold.  So the
person's side also hashes a few standard crops of the original (centre 95 %
and 90 %, 4 % off each side), and the platform side also hashes the upload's
centre 97 %; between them, centre crops of 3–10 % and one-sided crops of
3–5 % land within reach of one registered row (bench/bench_hash_robustness.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from gazoguard.hashes.bits import bits_to_bytes, bytes_to_hex
from gazoguard.imaging.picture import Picture

# The 8 dihedral variants PDQ defines, in pdqhash.compute_dihedral's order, and the Pillow
# transpose that produces each from the original picture.
DIHEDRAL = ("original", "rot90", "rot180", "rot270", "flip_x", "flip_y", "flip_plus1", "flip_minus1")
_TRANSPOSE = {
    "rot90": Image.Transpose.ROTATE_90,
    "rot180": Image.Transpose.ROTATE_180,
    "rot270": Image.Transpose.ROTATE_270,
    "flip_x": Image.Transpose.FLIP_TOP_BOTTOM,
    "flip_y": Image.Transpose.FLIP_LEFT_RIGHT,
    "flip_plus1": Image.Transpose.TRANSPOSE,
    "flip_minus1": Image.Transpose.TRANSVERSE,
}
# Standard crops of the original registered as extra rows of the same item:
# (left, top, right, bottom) as fractions of the width/height cut from each side.
CROPS: dict[str, tuple[float, float, float, float]] = {
    "centre95": (0.025, 0.025, 0.025, 0.025),
    "centre90": (0.05, 0.05, 0.05, 0.05),
    "left4": (0.04, 0.0, 0.0, 0.0),
    "top4": (0.0, 0.04, 0.0, 0.0),
    "right4": (0.0, 0.0, 0.04, 0.0),
    "bottom4": (0.0, 0.0, 0.0, 0.04),
}
# Every named PDQ row an item can have; a row's position here is stored in the registry, so only append.
VARIANTS = DIHEDRAL + tuple(CROPS)
QUERY_CROP = (0.015, 0.015, 0.015, 0.015)  # the upload's centre 97 %: bridges the gaps between registered crops
BORDER_TOLERANCE = 12  # grey levels: what still counts as the flat colour of a frame or app bar
BORDER_MAX_FRACTION = 0.35  # never trim more than this from one side
MAX_SIDE = 512  # PDQ reduces to 64×64 anyway; downscaling first makes a 12 MP photo ~30× faster
LOW_QUALITY = 50  # PDQ's own recommendation: below this the hash says little about the picture


@dataclass(frozen=True)
class ImageHashes:
    pdq: dict[str, str]  # variant name (see VARIANTS) -> 64 hex digits
    pdq_quality: int
    phash: str

    @property
    def low_quality(self) -> bool:
        return self.pdq_quality < LOW_QUALITY


def _small_rgb(picture: Picture | Image.Image) -> Image.Image:
    image = picture.image if isinstance(picture, Picture) else picture.convert("RGB")
    if max(image.size) > MAX_SIDE:
        image = image.copy()
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return image


def _pdq(image: Image.Image) -> tuple[np.ndarray, int]:
    import pdqhash

    bits, quality = pdqhash.compute(np.ascontiguousarray(np.asarray(image, dtype=np.uint8)))
    return bits_to_bytes(bits), int(quality)


def crop_fraction(image: Image.Image, box: tuple[float, float, float, float]) -> Image.Image:
    """Cut the given fractions of the width/height from the left, top, right and bottom."""
    left, top, right, bottom = box
    w, h = image.size
    return image.crop((round(w * left), round(h * top), w - round(w * right), h - round(h * bottom)))


def trim_flat_border(image: Image.Image) -> Image.Image:
    """Cut away flat bars around a picture (a screenshot's status bar, a frame, letterboxing)."""
    grey = np.asarray(image.convert("L"), dtype=np.int16)
    h, w = grey.shape

    def flat_lines(lines: np.ndarray, limit: int) -> int:
        ref = lines[0].mean()
        count = 0
        for line in lines[:limit]:
            if np.abs(line - ref).max() > BORDER_TOLERANCE:
                break
            count += 1
        return count

    top = flat_lines(grey, int(h * BORDER_MAX_FRACTION))
    bottom = flat_lines(grey[::-1], int(h * BORDER_MAX_FRACTION))
    left = flat_lines(grey.T, int(w * BORDER_MAX_FRACTION))
    right = flat_lines(grey.T[::-1], int(w * BORDER_MAX_FRACTION))
    if top + bottom + left + right == 0 or h - top - bottom < 16 or w - left - right < 16:
        return image
    return image.crop((left, top, w - right, h - bottom))


def pdq_hash(picture: Picture | Image.Image) -> tuple[np.ndarray, int]:
    """The original-orientation PDQ hash as 32 bytes, and its quality (0–100)."""
    return _pdq(_small_rgb(picture))


def query_hashes(picture: Picture | Image.Image, *, crops: bool = True) -> list[tuple[np.ndarray, int]]:
    """What a platform matches for an upload: its PDQ hash (first), the same without flat borders if it
    has any, and — unless ``crops`` is false — each of those again for its centre 97 %."""
    image = _small_rgb(picture)
    views = [image]
    trimmed = trim_flat_border(image)
    if trimmed is not image:
        views.append(trimmed)
    out = [_pdq(view) for view in views]
    if crops:
        out += [_pdq(crop_fraction(view, QUERY_CROP)) for view in views]
    return out


def compute_hashes(picture: Picture | Image.Image, *, crops: bool = True) -> ImageHashes:
    """PDQ of the picture, of its 7 rotations/flips and (unless ``crops`` is false) of its standard
    crops (:data:`CROPS`, original orientation only), plus pHash.

    Each variant hashes the actually transformed pixels: pdqhash's
    ``compute_dihedral`` derives them from one DCT and lands up to ~40 bits away
    from the hash of the real rotated picture (see pdqhash's own tests), which
    loses matches at a 31-bit threshold.
    """
    import imagehash

    image = _small_rgb(picture)
    original, quality = _pdq(image)
    pdq = {"original": bytes_to_hex(original)}
    for name, transpose in _TRANSPOSE.items():
        pdq[name] = bytes_to_hex(_pdq(image.transpose(transpose))[0])
    if crops:
        for name, box in CROPS.items():
            pdq[name] = bytes_to_hex(_pdq(crop_fraction(image, box))[0])
    full = picture.image if isinstance(picture, Picture) else picture
    return ImageHashes(pdq=pdq, pdq_quality=quality, phash=str(imagehash.phash(full)))
