"""PDQ registry robustness on the eval images: match rate after common edits, false matches between images.

    .venv/bin/python bench/bench_hash_robustness.py [--eval-dir ../shared/eval] [--threshold 31] [--windows 10000]

Every readable eval image is hashed as a person would (``compute_hashes``) and
registered; each edited copy is then hashed as a platform would
(``query_hashes``: original orientation only) and matched.  Two setups run on
the same images, so the crops' effect is measured against a baseline in the same run:

* baseline — the 8 dihedral PDQ variants; the upload (and its border-trimmed view);
* crops    — plus the standard crops of the original (``CROPS``) as extra rows and
             the upload's centre 97 % as extra queries (the current default).

A match counts when the right image is within the threshold; a false match is
any other image within it.  False matches are also counted for every pair of
distinct eval files and for ``--windows`` random sub-windows (20–60 % of the
side, random place, half mirrored) of the eval images — natural pictures that
are not any registered picture.  pHash (64 bit, distance ≤ 8, no rotation
variants) is shown beside it.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from gazoguard.core.errors import GazoError
from gazoguard.hashes.bits import hamming, hex_to_bytes
from gazoguard.hashes.compute import DIHEDRAL, VARIANTS, compute_hashes, query_hashes
from gazoguard.imaging.picture import load_picture

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
    # beyond the list: how far the crop robustness reaches
    "crop10": lambda im: _crop(im, 0.10),
    "crop_left5": lambda im: im.crop((int(im.width * 0.05), 0, im.width, im.height)),
    "crop_top8": lambda im: im.crop((0, int(im.height * 0.08), im.width, im.height)),
}


SETUPS = {"baseline": False, "crops": True}  # setup name -> crops on both sides


def _distances(registered: np.ndarray, queries: list[tuple[np.ndarray, int]]) -> np.ndarray:
    return np.min([hamming(registered, q) for q, _ in queries], axis=0)


def _windows(pictures: list[Image.Image], count: int, seed: int) -> list[Image.Image]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(count):
        im = pictures[int(rng.integers(len(pictures)))]
        side = rng.uniform(0.2, 0.6)
        w, h = max(16, int(im.width * side)), max(16, int(im.height * rng.uniform(0.2, 0.6)))
        x, y = int(rng.integers(0, im.width - w + 1)), int(rng.integers(0, im.height - h + 1))
        window = im.crop((x, y, x + w, y + h))
        out.append(ImageOps.mirror(window) if rng.random() < 0.5 else window)
    return out


def main() -> int:
    import imagehash

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--threshold", type=int, default=31)
    parser.add_argument("--windows", type=int, default=2000, help="random sub-windows to count false matches on")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()

    names, pictures, rows, owners, dihedral, phashes, qualities = [], [], [], [], [], [], []
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
        for variant, value in hashes.pdq.items():
            rows.append(hex_to_bytes(value))
            owners.append(idx)
            dihedral.append(variant in DIHEDRAL)
    hash_s = time.perf_counter() - t0
    n = len(names)
    owner_all, is_dihedral = np.array(owners), np.array(dihedral)
    registered = {"baseline": np.stack(rows)[is_dihedral], "crops": np.stack(rows)}
    owner = {"baseline": owner_all[is_dihedral], "crops": owner_all}
    low = sum(q < 50 for q in qualities)
    print(f"{n} images hashed in {hash_s:.1f} s ({hash_s / n * 1000:.0f} ms each, {len(VARIANTS)} PDQ rows + pHash); "
          f"low quality (<50): {low}; rows per image: baseline {len(DIHEDRAL)}, crops {len(VARIANTS)}")

    listed: set[tuple[int, int]] = set()  # pairs of distinct files within the threshold: judge them by eye
    for setup, crops in SETUPS.items():
        pairs: dict[tuple[int, int], int] = {}
        for i, im in enumerate(pictures):
            d = _distances(registered[setup], query_hashes(im, crops=crops))
            for j in set(owner[setup][(d <= args.threshold) & (owner[setup] != i)].tolist()):
                key = (min(i, j), max(i, j))
                pairs[key] = min(pairs.get(key, 999), int(d[owner[setup] == j].min()))
        listed |= set(pairs)
        print(f"\n[{setup}] pairs of distinct eval files within {args.threshold} bits "
              f"(false matches unless near-duplicates): {len(pairs)} of {n * (n - 1) // 2}")
        for (i, j), dist in sorted(pairs.items()):
            print(f"  {dist:3d}  {names[i]}  ~  {names[j]}")

    print(f"\nfalse = other images within the threshold, not counting the pairs listed above (with them)")
    print(f"{'edit':<18} {'baseline':>9} {'crops':>7} {'false baseline':>15} {'false crops':>12} {'pHash':>7}")
    for label, transform in TRANSFORMS.items():
        hit = dict.fromkeys(SETUPS, 0)
        false = {s: [0, 0] for s in SETUPS}
        phash_hit = 0
        for i, im in enumerate(pictures):
            edited = transform(im)
            for setup, crops in SETUPS.items():
                d = _distances(registered[setup], query_hashes(edited, crops=crops))
                others = set(owner[setup][d <= args.threshold].tolist()) - {i}
                hit[setup] += bool((d[owner[setup] == i] <= args.threshold).any())
                false[setup][0] += sum((min(i, j), max(i, j)) not in listed for j in others)
                false[setup][1] += len(others)
            phash_hit += bin(int(str(imagehash.phash(edited)), 16) ^ phashes[i]).count("1") <= PHASH_MAX
        fb, fc = (f"{false[s][0]} ({false[s][1]})" for s in SETUPS)
        rates = f"{hit['baseline'] / n:>8.1%} {hit['crops'] / n:>7.1%}"
        print(f"{label:<18} {rates} {fb:>15} {fc:>12} {phash_hit / n:>6.1%}")

    if args.windows:
        t0 = time.perf_counter()
        false_windows = dict.fromkeys(SETUPS, 0)
        nearest = dict.fromkeys(SETUPS, 256)
        for window in _windows(pictures, args.windows, args.seed):
            for setup, crops in SETUPS.items():
                d = _distances(registered[setup], query_hashes(window, crops=crops))
                false_windows[setup] += int((d <= args.threshold).any())
                nearest[setup] = min(nearest[setup], int(d.min()))
        print(f"\n{args.windows} random sub-windows of the eval images ({time.perf_counter() - t0:.0f} s): "
              + ", ".join(f"{s} {false_windows[s]} false matches (nearest {nearest[s]} bits)" for s in SETUPS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
