"""Boxes: ``(x0, y0, x1, y1)`` in pixels of the upright picture; one copy of each measure.

Integer boxes are the contract (:data:`Box`); the measures also take float
boxes, as model outputs are before rounding.
"""

from __future__ import annotations

from collections.abc import Sequence

Box = tuple[int, int, int, int]
AnyBox = Sequence[float]


def area(box: AnyBox) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def intersection(a: AnyBox, b: AnyBox) -> float:
    """The area two boxes share (0 when they do not touch)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def iou(a: AnyBox, b: AnyBox) -> float:
    """Intersection over union, 0 for boxes without area."""
    inter = intersection(a, b)
    union = area(a) + area(b) - inter
    return inter / union if union > 0 else 0.0


def inside_share(a: AnyBox, b: AnyBox) -> float:
    """Share of the smaller box that lies inside the other one."""
    smaller = min(area(a), area(b))
    return intersection(a, b) / smaller if smaller > 0 else 0.0


def overlaps(a: AnyBox, b: AnyBox) -> bool:
    """Whether the boxes share any area (touching edges do not count)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def union_box(boxes: Sequence[Box]) -> Box:
    """The smallest box holding every box of ``boxes`` (at least one)."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
