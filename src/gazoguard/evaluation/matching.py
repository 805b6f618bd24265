"""How a prediction is matched to a label: faces by overlap, strings by normalised overlap."""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher

from gazoguard.core.geometry import Box, iou



def face_matches(label: Box, predicted: Box) -> bool:
    """IoU ≥ 0.3, or the predicted centre inside the label (detectors box faces a little differently)."""
    cx, cy = (predicted[0] + predicted[2]) / 2, (predicted[1] + predicted[3]) / 2
    inside = label[0] <= cx <= label[2] and label[1] <= cy <= label[3]
    small_enough = (predicted[2] - predicted[0]) <= 3 * (label[2] - label[0])
    return iou(label, predicted) >= 0.3 or (inside and small_enough)


def face_size(box: Box) -> int:
    return max(box[2] - box[0], box[3] - box[1])


def size_band(size: int) -> str:
    if size < 20:
        return "<20"
    if size < 40:
        return "20-40"
    return ">=40"


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return "".join(ch for ch in text if not ch.isspace() and ch not in "-‐－ー—・.,:;()（）<>")


def string_overlap(label: str, predicted: str) -> float:
    """Share of the label's characters found as one run in the prediction."""
    a, b = normalise(label), normalise(predicted)
    if not a or not b:
        return 0.0
    if a in b:
        return 1.0
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size / len(a)


def string_matches(label: str, predicted: str, threshold: float = 0.8) -> bool:
    """The prediction covers ≥ 80 % of the label, or the label covers ≥ 80 % of a shorter prediction."""
    return string_overlap(label, predicted) >= threshold or (
        len(normalise(predicted)) >= 3 and string_overlap(predicted, label) >= threshold and len(normalise(predicted)) >= 0.5 * len(normalise(label))
    )
