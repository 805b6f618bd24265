"""How a bright panel is lit: its light level against its surroundings, how evenly, and what it shows.

An emissive display (monitor, TV, signage, phone) lights its own panel: the
bright parts sit at one level all over the panel (a backlight or an LED
matrix has no light fall-off across it), far above the dark bezel and
surroundings, and dark content (text, a code, a picture) is drawn on it.
These measures are taken on the shared 640-px grey copy, inside a panel mask
from :mod:`gazoguard.vision.screen_quads`.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from gazoguard.vision.screen_quads import ScreenQuad

LIGHT_PERCENTILE = 90  # the panel's light level: its bright parts, whatever content is drawn on them
GRID = 3  # the panel is judged for evenness in GRID × GRID cells
MIN_CELL_SHARE = 0.3  # a cell counts when the panel covers this share of it
SURROUND_WIDTH = 0.25  # ring just outside the panel, share of its short side
CONTENT_STEP = 0.55  # a content pixel is darker than this share of the light level


@dataclass(frozen=True, slots=True)
class PanelLight:
    level: float  # grey level of the panel's bright parts (0–255)
    surround: float  # median grey of a ring just outside the panel
    evenness: float  # darkest / brightest cell light level, 0–1 (1 = evenly lit)
    content: float  # share of panel pixels well below the light level (text, codes, pictures)


def measure_panel_light(gray: np.ndarray, quad: ScreenQuad) -> PanelLight:
    """Light level, surroundings, evenness and content share of ``quad`` on ``gray`` (the copy its mask was made on)."""
    mask = quad.panel_mask_small > 0
    inside = gray[mask].astype(np.float32)
    if inside.size == 0:
        return PanelLight(0.0, 0.0, 0.0, 0.0)
    level = float(np.percentile(inside, LIGHT_PERCENTILE))
    return PanelLight(
        level=level,
        surround=_surround(gray, mask),
        evenness=_evenness(gray, mask),
        content=float(np.mean(inside < CONTENT_STEP * level)),
    )


def _surround(gray: np.ndarray, mask: np.ndarray) -> float:
    ys, xs = np.nonzero(mask)
    short = min(ys.max() - ys.min(), xs.max() - xs.min()) + 1
    width = max(3, int(SURROUND_WIDTH * short))
    grown = cv2.dilate(mask.astype(np.uint8), np.ones((2 * width + 1, 2 * width + 1), np.uint8)) > 0
    ring = gray[grown & ~mask]
    return float(np.median(ring)) if ring.size else 0.0


def _evenness(gray: np.ndarray, mask: np.ndarray) -> float:
    ys, xs = np.nonzero(mask)
    y_edges = np.linspace(ys.min(), ys.max() + 1, GRID + 1).astype(int)
    x_edges = np.linspace(xs.min(), xs.max() + 1, GRID + 1).astype(int)
    levels: list[float] = []
    for i in range(GRID):
        for j in range(GRID):
            cell_mask = mask[y_edges[i] : y_edges[i + 1], x_edges[j] : x_edges[j + 1]]
            if cell_mask.size == 0 or cell_mask.mean() < MIN_CELL_SHARE:
                continue
            cell = gray[y_edges[i] : y_edges[i + 1], x_edges[j] : x_edges[j + 1]][cell_mask]
            levels.append(float(np.percentile(cell, LIGHT_PERCENTILE)))
    if len(levels) < 2 or max(levels) <= 0:
        return 0.0
    return min(levels) / max(levels)
