"""Lit screens in their bezel: bright four-cornered regions edged by a thin dark band.

A photographed phone, tablet or display shows a bright, lit panel framed by
a dark bezel.  A hand holding the device or a dark object on the panel can
break one side, so candidates come from the bright regions at several grey
levels (not from a closed outline) and each of the four sides is judged on
its own: a side is a bezel side when, all along it, a narrow band just
outside is dark and clearly darker than a band just inside.

Works on the shared 640-px copy; corners come back in full-size pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from gazoguard.core.finding import Box
from gazoguard.imaging.picture import Picture
from gazoguard.imaging.scaled import SHAPE_SIDE, scale_for, shape_gray
from gazoguard.core.geometry import iou

LEVELS = (60, 90, 120, 150, 180)  # grey levels at which bright regions are cut out
MIN_AREA_SHARE = 0.06
MIN_FILL = 0.75  # region area / fitted quadrilateral area (a notch from a finger or dark hair is allowed)
BEZEL_DARK = 70  # a bezel band is at most this grey ...
BEZEL_STEP = 40  # ... and this much darker than the panel just inside
SIDE_SUPPORT = 0.6  # share of points along a side that must show the bezel
SAMPLES_PER_SIDE = 24
BAND = 0.03  # bezel and panel bands, share of the short side
SEARCH = 0.06  # how far from the fitted side the step may be
MAX_WANDER = 1.5  # px on the 640-px copy: median distance of the step from its fitted line


@dataclass(frozen=True, slots=True)
class ScreenQuad:
    box: Box  # full-size pixels
    corners: tuple[tuple[int, int], ...]  # full-size pixels, 4 points
    area_share: float
    aspect: float  # long / short side of the fitted rectangle, ≥ 1
    bezel_sides: int  # sides (0–4) edged by a dark band
    straight_sides: int  # ... of which the bright→dark step runs in a straight line (a device edge, not a dark coat)
    side_support: tuple[float, ...]  # per side: share of points showing the bezel
    panel_mask_small: np.ndarray  # uint8 mask of the panel on the 640-px copy (for callers' content checks)
    scale: float  # full-size → 640-px copy


def find_bezel_quads(
    picture: Picture, min_straight_sides: int = 2, min_area_share: float = MIN_AREA_SHARE, max_aspect: float = 4.0
) -> list[ScreenQuad]:
    """Bright convex quadrilaterals with a straight dark bezel band along ≥ ``min_straight_sides`` sides, best first."""
    gray = shape_gray(picture, SHAPE_SIDE)
    scale = scale_for(picture, SHAPE_SIDE)
    h, w = gray.shape
    if min(h, w) < 32:
        return []
    smooth = cv2.GaussianBlur(gray, (5, 5), 0)
    found: list[ScreenQuad] = []
    for level in LEVELS:
        bright = (smooth > level).astype(np.uint8)
        bright = cv2.morphologyEx(bright, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
        contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in contours:
            area = cv2.contourArea(contour)
            if area < min_area_share * h * w or area > 0.9 * h * w:
                continue
            corners = _quadrilateral(contour)
            if corners is None or area / max(1.0, cv2.contourArea(corners)) < MIN_FILL or _aspect(corners) > max_aspect:
                continue
            quad = _judge(smooth, corners, scale, h * w)
            if quad.straight_sides >= min_straight_sides and not any(iou(quad.box, q.box) > 0.7 for q in found):
                found.append(quad)
    return sorted(found, key=lambda q: (-q.straight_sides, -sum(q.side_support)))


def _aspect(corners: np.ndarray) -> float:
    (_, _), (rw, rh), _ = cv2.minAreaRect(corners)
    return max(rw, rh) / max(1.0, min(rw, rh))


def _quadrilateral(contour: np.ndarray) -> np.ndarray | None:
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for eps in (0.02, 0.03, 0.045, 0.06):
        approx = cv2.approxPolyDP(hull, eps * perimeter, True)
        if len(approx) == 4:
            return approx.reshape(4, 2).astype(np.float32) if cv2.isContourConvex(approx) else None
        if len(approx) < 4:
            return None
    return None


def _judge(gray: np.ndarray, corners: np.ndarray, scale: float, total: int) -> ScreenQuad:
    (_, _), (rw, rh), _ = cv2.minAreaRect(corners)
    short = max(1.0, min(rw, rh))
    centre = corners.mean(axis=0)
    sides = [_side_support(gray, corners[i], corners[(i + 1) % 4], centre, short) for i in range(4)]
    supports = [support for support, _ in sides]
    straight = sum(support >= SIDE_SUPPORT and is_straight for support, is_straight in sides)
    mask = np.zeros(gray.shape, np.uint8)
    cv2.fillConvexPoly(mask, corners.astype(np.int32), 255)
    full = corners / scale
    x0, y0 = full.min(axis=0)
    x1, y1 = full.max(axis=0)
    return ScreenQuad(
        box=(int(max(0, x0)), int(max(0, y0)), int(np.ceil(x1)), int(np.ceil(y1))),
        corners=tuple((int(x), int(y)) for x, y in full),
        area_share=float(np.count_nonzero(mask)) / total,
        aspect=float(max(rw, rh) / short),
        bezel_sides=sum(s >= SIDE_SUPPORT for s in supports),
        straight_sides=straight,
        side_support=tuple(round(s, 2) for s in supports),
        panel_mask_small=mask,
        scale=scale,
    )


def _side_support(gray: np.ndarray, a: np.ndarray, b: np.ndarray, centre: np.ndarray, short: float) -> tuple[float, bool]:
    """Share of points along side a→b where, near the side, a dark band lies just outside a brighter panel.

    The fitted side may sit a little inside or outside the true panel edge
    (the region was cut at one grey level), so the step is searched within
    ``SEARCH`` of the short side, on each point separately.
    """
    direction = b - a
    length = float(np.hypot(*direction))
    if length < 8:
        return 0.0, False
    normal = np.array([direction[1], -direction[0]]) / length
    if np.dot((a + b) / 2 - centre, normal) < 0:
        normal = -normal
    band = int(max(3, round(BAND * short)))  # a bezel is thin next to the panel
    search = int(max(3, round(SEARCH * short)))
    offsets = np.arange(-search - band, search + band + 1)
    t = np.linspace(0.1, 0.9, SAMPLES_PER_SIDE)
    points = a[None, None, :] + t[:, None, None] * direction[None, None, :] + offsets[None, :, None] * normal[None, None, :]
    profile = _grey_at(gray, points.reshape(-1, 2)).reshape(len(t), len(offsets))
    windows = np.lib.stride_tricks.sliding_window_view(profile, band, axis=1)
    # window j covers offsets j … j+band-1; the panel window ends where the bezel window starts
    panel = np.median(windows[:, : -band], axis=2)
    dark = windows[:, band:].max(axis=2)
    step = panel - dark
    good = (dark <= BEZEL_DARK) & (step >= BEZEL_STEP)  # NaN (off the picture) is never good
    hit = good.any(axis=1)
    if hit.sum() < 4:
        return float(hit.mean()), False
    # where the step is sharpest on each point: on a bezel these positions lie on one straight line
    where = np.argmax(np.where(good, step, -np.inf), axis=1)[hit].astype(float)
    fit = np.polyfit(t[hit], where, 1)
    straight = float(np.median(np.abs(np.polyval(fit, t[hit]) - where))) <= MAX_WANDER
    return float(hit.mean()), straight


def _grey_at(gray: np.ndarray, points: np.ndarray) -> np.ndarray:
    h, w = gray.shape
    x = np.round(points[:, 0]).astype(int)
    y = np.round(points[:, 1]).astype(int)
    inside = (x >= 0) & (x < w) & (y >= 0) & (y < h)
    out = np.full(len(points), np.nan)
    out[inside] = gray[y[inside], x[inside]]
    return out
