"""Pixel statistics that tell rendered pictures (screenshots, renders) from camera photos.

A camera photo has sensor noise almost everywhere, so few pixels sit in a
perfectly flat neighbourhood; a screenshot is mostly flat fills.  Rendered
documents and graphics are flat too, so callers combine these numbers with
other evidence (UI text, several fill colours, straight UI lines).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

FLAT_RANGE = 2  # max per-channel spread in a 3×3 neighbourhood still counted as flat (JPEG leaves ±1–2)
MIN_FILL_SHARE = 0.02  # a fill colour must cover this share of the picture to count


@dataclass(frozen=True, slots=True)
class Flatness:
    flat: float  # share of pixels in a flat 3×3 neighbourhood
    flat_paper: float  # ... of those, share of the picture that is near-white or near-black
    fills: int  # distinct flat colours each covering ≥ MIN_FILL_SHARE of the picture
    tinted_fills: int  # ... of which neither near-white nor near-black (UI panels, dark themes, bubbles)
    straight_lines: int  # long exactly horizontal/vertical edges (UI separators, boxes, table rules)
    dark_flat: float = 0.0  # share of the picture that is a flat dark fill (dark-mode UI; paper is never dark)


def measure(rgb: np.ndarray) -> Flatness:
    if rgb.shape[0] < 8 or rgb.shape[1] < 8:
        return Flatness(0.0, 0.0, 0, 0, 0)
    gradient = cv2.morphologyEx(rgb, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
    flat_mask = _channel_max(gradient) <= FLAT_RANGE
    total = flat_mask.size
    flat = float(flat_mask.mean())
    lo, hi = _channel_min(rgb), _channel_max(rgb)
    paper = flat_mask & ((lo >= 235) | (hi <= 20))
    q = (rgb[flat_mask] >> 4).astype(np.int32)
    counts = np.bincount(q[:, 0] * 256 + q[:, 1] * 16 + q[:, 2], minlength=4096) if q.size else np.zeros(4096, int)
    fills = tinted = 0
    for code in np.flatnonzero(counts >= MIN_FILL_SHARE * total):
        fills += 1
        r, g, b = code // 256 * 16, code // 16 % 16 * 16, code % 16 * 16
        if not (min(r, g, b) >= 224 or max(r, g, b) < 32):
            tinted += 1
    dark = flat_mask & (hi < 100) & (hi > 20)  # pure black is letterboxing or night, not a dark theme
    return Flatness(flat, float(paper.mean()), fills, tinted, straight_lines(rgb), float(dark.mean()))


def _channel_max(rgb: np.ndarray) -> np.ndarray:
    # elementwise over the three planes: numpy's reduce over a length-3 last axis is ~10× slower
    return np.maximum(np.maximum(rgb[..., 0], rgb[..., 1]), rgb[..., 2])


def _channel_min(rgb: np.ndarray) -> np.ndarray:
    return np.minimum(np.minimum(rgb[..., 0], rgb[..., 1]), rgb[..., 2])


def straight_lines(rgb: np.ndarray, min_share: float = 0.25) -> int:
    """Rows/columns where an exact step edge runs unbroken for ≥ ``min_share`` of the side."""
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.int16)
    count = 0
    for axis in (0, 1):
        diff = np.abs(np.diff(gray, axis=axis)) >= 24
        # an edge pixel continues along the line: the step is there and the pixels beside it are steady
        along = np.abs(np.diff(gray, axis=1 - axis)) <= FLAT_RANGE
        if axis == 0:
            steady = diff[:, :-1] & along[:-1, :] & along[1:, :]
        else:
            steady = diff[:-1, :] & along[:, :-1] & along[:, 1:]
        run = _longest_runs(steady if axis == 0 else steady.T)
        side = steady.shape[1] if axis == 0 else steady.shape[0]
        count += int(np.count_nonzero(run >= min_share * side))
    return count


def _longest_runs(mask: np.ndarray) -> np.ndarray:
    """Longest run of True in every row."""
    if mask.size == 0:
        return np.zeros(mask.shape[0], dtype=np.int32)
    padded = np.pad(mask.astype(np.int8), ((0, 0), (1, 1)))
    edges = np.diff(padded, axis=1)
    out = np.zeros(mask.shape[0], dtype=np.int32)
    rows_s, cols_s = np.nonzero(edges == 1)
    _, cols_e = np.nonzero(edges == -1)
    if rows_s.size:
        np.maximum.at(out, rows_s, cols_e - cols_s)
    return out
