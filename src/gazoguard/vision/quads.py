"""Four-cornered shapes (cards, screens, signs) found with OpenCV edges and contours.

Works on the shared 640-px copy of the picture; boxes come back in full-size
pixels.  A :class:`Quad` carries what the callers judge it by: its share of
the picture, the aspect ratio of its fitted rectangle (a credit-card-sized ID
is 85.6 × 54 mm ≈ 1.59), and how bright it is inside compared with a ring
just outside it (a lit screen in a dark bezel is much brighter inside).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from gazoguard.core.finding import Box
from gazoguard.imaging.picture import Picture
from gazoguard.imaging.scaled import SHAPE_SIDE, scale_for, shape_gray
from gazoguard.core.geometry import iou

CARD_ASPECT = 85.6 / 54.0
MIN_AREA_SHARE = 0.04
MIN_RECTANGULARITY = 0.85  # contour area / fitted rectangle area


@dataclass(frozen=True, slots=True)
class Quad:
    box: Box  # full-size pixels
    corners: tuple[tuple[int, int], ...]  # full-size pixels, 4 points
    area_share: float  # of the picture
    aspect: float  # long side / short side of the fitted rectangle, ≥ 1
    inside: float  # mean grey level inside (0–255)
    ring: float  # mean grey level of a band just outside
    inside_std: float

    def is_card_shaped(self, tolerance: float = 0.14) -> bool:
        return abs(self.aspect - CARD_ASPECT) <= tolerance * CARD_ASPECT

    def contains(self, box: Box) -> bool:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        return self.box[0] <= cx <= self.box[2] and self.box[1] <= cy <= self.box[3]


def find_quads(picture: Picture, min_area_share: float = MIN_AREA_SHARE) -> list[Quad]:
    """Convex four-cornered outlines covering at least ``min_area_share`` of the picture, largest first."""
    gray = shape_gray(picture, SHAPE_SIDE)
    scale = scale_for(picture, SHAPE_SIDE)
    h, w = gray.shape
    if min(h, w) < 16:
        return []
    edges = cv2.Canny(cv2.GaussianBlur(gray, (5, 5), 0), 40, 120)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    min_area = min_area_share * h * w
    found: list[Quad] = []
    for contour in contours:
        area = cv2.contourArea(contour)
        if area < min_area or area > 0.97 * h * w:
            continue
        corners = _four_corners(contour, area)
        if corners is None:
            continue
        quad = _describe(gray, corners, scale, h * w)
        if quad.aspect <= 4.0 and not any(iou(quad.box, q.box) > 0.8 for q in found):
            found.append(quad)
    return sorted(found, key=lambda q: -q.area_share)


def _four_corners(contour: np.ndarray, area: float) -> np.ndarray | None:
    hull = cv2.convexHull(contour)
    approx = cv2.approxPolyDP(hull, 0.03 * cv2.arcLength(hull, True), True)
    if len(approx) == 4 and cv2.isContourConvex(approx):
        # a scribble of edges has a quadrilateral hull too: the outline itself must fill it
        if area / max(1e-6, cv2.contourArea(approx)) >= MIN_RECTANGULARITY:
            return approx.reshape(4, 2).astype(np.float32)
        return None
    rect = cv2.minAreaRect(contour)
    rect_area = rect[1][0] * rect[1][1]
    if rect_area > 0 and area / rect_area >= MIN_RECTANGULARITY:
        return cv2.boxPoints(rect).astype(np.float32)
    return None


def _describe(gray: np.ndarray, corners: np.ndarray, scale: float, total: int) -> Quad:
    (_, _), (rw, rh), _ = cv2.minAreaRect(corners)
    aspect = max(rw, rh) / max(1e-6, min(rw, rh))
    mask = np.zeros(gray.shape, np.uint8)
    cv2.fillConvexPoly(mask, corners.astype(np.int32), 255)
    band = max(3, int(0.04 * max(rw, rh)))
    ring = cv2.dilate(mask, np.ones((band, band), np.uint8)) & ~mask
    inside_px = gray[mask > 0]
    ring_px = gray[ring > 0]
    area_share = float(np.count_nonzero(mask)) / total
    full = corners / scale
    x0, y0 = full.min(axis=0)
    x1, y1 = full.max(axis=0)
    return Quad(
        box=(int(x0), int(y0), int(np.ceil(x1)), int(np.ceil(y1))),
        corners=tuple((int(x), int(y)) for x, y in full),
        area_share=area_share,
        aspect=float(aspect),
        inside=float(inside_px.mean()) if inside_px.size else 0.0,
        ring=float(ring_px.mean()) if ring_px.size else 0.0,
        inside_std=float(inside_px.std()) if inside_px.size else 0.0,
    )
