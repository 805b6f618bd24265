"""PDQ (with the 8 dihedral variants PDQ defines) and pHash of a picture, computed locally."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from gazoguard.hashes.bits import bits_to_bytes, bytes_to_hex
from gazoguard.picture import Picture

# Order returned by pdqhash.compute_dihedral (pdqDihedralHash256esFromFloatLuma).
DIHEDRAL = ("original", "rot90", "rot180", "rot270", "flip_x", "flip_y", "flip_plus1", "flip_minus1")
MAX_SIDE = 512  # PDQ reduces to 64×64 anyway; downscaling first makes a 12 MP photo ~30× faster
LOW_QUALITY = 50  # PDQ's own recommendation: below this the hash says little about the picture


@dataclass(frozen=True)
class ImageHashes:
    pdq: dict[str, str]  # dihedral name -> 64 hex digits
    pdq_quality: int
    phash: str

    @property
    def low_quality(self) -> bool:
        return self.pdq_quality < LOW_QUALITY


def _pdq_input(picture: Picture | Image.Image) -> np.ndarray:
    image = picture.image if isinstance(picture, Picture) else picture.convert("RGB")
    if max(image.size) > MAX_SIDE:
        image = image.copy()
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return np.ascontiguousarray(np.asarray(image, dtype=np.uint8))


def pdq_hash(picture: Picture | Image.Image) -> tuple[np.ndarray, int]:
    """The original-orientation PDQ hash as 32 bytes, and its quality (0–100)."""
    import pdqhash

    bits, quality = pdqhash.compute(_pdq_input(picture))
    return bits_to_bytes(bits), int(quality)


def compute_hashes(picture: Picture | Image.Image) -> ImageHashes:
    import imagehash
    import pdqhash

    variants, quality = pdqhash.compute_dihedral(_pdq_input(picture))
    image = picture.image if isinstance(picture, Picture) else picture
    return ImageHashes(
        pdq={name: bytes_to_hex(bits_to_bytes(bits)) for name, bits in zip(DIHEDRAL, variants)},
        pdq_quality=int(quality),
        phash=str(imagehash.phash(image)),
    )
