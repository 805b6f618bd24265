"""Where a small or faint code may sit: square-ish patches of dense fine contrast.

A QR code a few modules wide per pixel, or printed grey on grey, is missed by a reader scanning
the whole picture; cut out and enlarged (and, if need be, binarised) it reads.  The patches are
found on a copy at most :data:`SIDE` pixels wide: local standard deviation well above the picture's
own (texture, not noise), closed into blobs, kept when about square and mostly filled.
"""

from __future__ import annotations

import cv2
import numpy as np

SIDE = 800
MIN_STD = 6.0  # grey levels: below this a patch is noise on a flat surface
STD_OVER_MEDIAN = 3.0
ASPECT = (0.6, 1.67)
MIN_FILL = 0.45
MIN_SIDE_PX = 12  # on the copy
MAX_AREA_SHARE = 0.25
MAX_CANDIDATES = 6

Box = tuple[int, int, int, int]


def code_candidates(gray: np.ndarray) -> list[Box]:
    """Boxes (in ``gray``'s pixels) of patches that may hold a small code, largest first."""
    height, width = gray.shape
    scale = min(1.0, SIDE / max(height, width))
    small = cv2.resize(gray, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA) if scale < 1 else gray
    f = small.astype(np.float32)
    mean = cv2.blur(f, (7, 7))
    std = np.sqrt(np.maximum(cv2.blur(f * f, (7, 7)) - mean * mean, 0))
    threshold = max(MIN_STD, STD_OVER_MEDIAN * float(np.median(std)))
    mask = (std > threshold).astype(np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    boxes: list[tuple[int, Box]] = []
    for i in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[i])
        if min(w, h) < MIN_SIDE_PX or not ASPECT[0] <= w / h <= ASPECT[1] or area < MIN_FILL * w * h:
            continue
        if w * h > MAX_AREA_SHARE * small.shape[0] * small.shape[1]:
            continue
        margin = max(w, h) // 4 + 2
        box = (
            max(0, int((x - margin) / scale)), max(0, int((y - margin) / scale)),
            min(width, int((x + w + margin) / scale) + 1), min(height, int((y + h + margin) / scale) + 1),
        )
        boxes.append((w * h, box))
    boxes.sort(key=lambda b: -b[0])
    return [b for _, b in boxes[:MAX_CANDIDATES]]
