"""PDQ registry robustness on the eval images: match rate after common edits, false matches between images.

    /work/venv/bin/python bench/bench_hash_robustness.py [--eval-dir ../shared/eval] [--threshold 31]

Every readable eval image is hashed as a person would (``compute_hashes``: 8
dihedral PDQ variants) and registered; each edited copy is then hashed as a
platform would (original orientation only) and matched.  A match counts when
the right image is within the threshold; a false match is any other image
within it.  Pairs of distinct eval files whose hashes are within the
threshold are listed so near-duplicates can be told from real false matches.
pHash (64 bit, distance ≤ 8, no rotation variants) is shown beside it.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from gazoguard.errors import GazoError
from gazoguard.hashes.bits import hamming, hex_to_bytes
from gazoguard.hashes.compute import compute_hashes, query_hashes
from gazoguard.picture import load_picture

REPO = Path(__file__).resolve().parent.parent
PHASH_MAX = 8


def _jpeg(im: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def _crop(im: Image.Image, fraction: float) -> Image.Image:
    dx, dy = int(im.width * fraction / 2), int(im.height * fraction / 2)
    return im.crop((dx, dy, im.width - dx, im.height - dy))


def _screenshot(im: Image.Image) -> Image.Image:
    """The picture shown in a phone app: dark status bar on top, toolbar below, thin side margins."""
    w, h = im.size
    top, bottom, side = int(h * 0.08), int(h * 0.12), int(w * 0.02)
    canvas = Image.new("RGB", (w + 2 * side, h + top + bottom), (24, 24, 24))
    canvas.paste(im, (side, top))
    return canvas


TRANSFORMS = {
    "resize50": lambda im: im.resize((max(1, im.width // 2), max(1, im.height // 2)), Image.Resampling.BILINEAR),
    "jpeg_q50": lambda im: _jpeg(im, 50),
    "crop5": lambda im: _crop(im, 0.05),
    "rotate90": lambda im: im.transpose(Image.Transpose.ROTATE_90),
    "flip": ImageOps.mirror,
    "screenshot_border": _screenshot,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--threshold", type=int, default=31)
    args = parser.parse_args()

    names, pictures, rows, owners, phashes, qualities = [], [], [], [], [], []
    t0 = time.perf_counter()
    for path in sorted((args.eval_dir / "images").rglob("*")):
        if not path.is_file():
            continue
        try:
            picture = load_picture(path)
        except GazoError as err:
            print(f"skip {path.relative_to(args.eval_dir)}: {err.code}", file=sys.stderr)
            continue
        hashes = compute_hashes(picture)
        idx = len(names)
        names.append(str(path.relative_to(args.eval_dir / "images")))
        pictures.append(picture.image)
        qualities.append(hashes.pdq_quality)
        phashes.append(int(hashes.phash, 16))
        for value in hashes.pdq.values():
            rows.append(hex_to_bytes(value))
            owners.append(idx)
    registered = np.stack(rows)
    owner = np.array(owners)
    hash_s = time.perf_counter() - t0
    n = len(names)
    low = sum(q < 50 for q in qualities)
    print(f"{n} images hashed in {hash_s:.1f} s ({hash_s / n * 1000:.0f} ms each, 8 PDQ variants + pHash); "
          f"low quality (<50): {low}")

    # Distinct eval images within the threshold of each other (any registered variant).
    pairs = []
    for i, im in enumerate(pictures):
        d = np.min([hamming(registered, q) for q, _ in query_hashes(im)], axis=0)
        for j in sorted(set(owner[(d <= args.threshold) & (owner != i)].tolist())):
            if i < j or i not in [p[1] for p in pairs if p[0] == j]:
                pairs.append((i, j, int(d[owner == j].min())))
    pairs = sorted({(min(i, j), max(i, j)): dist for i, j, dist in pairs}.items())
    print(f"\nPairs of distinct eval files within {args.threshold} bits (false matches unless near-duplicates): "
          f"{len(pairs)}")
    for (i, j), dist in pairs:
        print(f"  {dist:3d}  {names[i]}  ~  {names[j]}")

    print(f"\n{'edit':<18} {'PDQ match':>10} {'PDQ false':>10} {'pHash match':>12}")
    for label, transform in TRANSFORMS.items():
        hit = false = phash_hit = 0
        for i, im in enumerate(pictures):
            edited = transform(im)
            d = np.min([hamming(registered, q) for q, _ in query_hashes(edited)], axis=0)
            close = set(owner[d <= args.threshold].tolist())
            hit += i in close
            false += len(close - {i})
            import imagehash

            phash_hit += bin(int(str(imagehash.phash(edited)), 16) ^ phashes[i]).count("1") <= PHASH_MAX
        print(f"{label:<18} {hit / n:>9.1%} {false:>10d} {phash_hit / n:>11.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
