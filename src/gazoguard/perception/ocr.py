"""OCR (Japanese + Latin) with a box per character, via RapidOCR's bundled PP-OCR models.

Only the models inside the rapidocr wheel (and an int8 copy of its text
detector, built from it) are used; nothing is downloaded.  Text lines are
*found* on a copy of about :data:`FIND_PIXELS` pixels (detection cost grows
with pixels, so a pixel budget rather than a side limit: a wide screenshot
keeps its text height) and *read* on crops of a copy at most :data:`MAX_SIDE`
long, so small text keeps the resolution recognition needs; boxes are scaled
back to the picture's pixels.  See docs/performance.md for the measurements.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from gazoguard.core.finding import Box
from gazoguard.perception import japanese_forms
from gazoguard.perception.scene import Perception
from gazoguard.perception.models import shipped_model_path
from gazoguard.imaging.picture import Picture
from gazoguard.perception.textlayout import Char, TextLayout, is_cjk
from gazoguard.imaging.scaled import WORKING_SIDE, scaled_rgb, working_rgb

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

MAX_SIDE = WORKING_SIDE  # text is read (recognised) on a copy at most this large ...
FIND_PIXELS = 1_300_000  # ... and found (detected) on one of about this many pixels
FIND_MIN_SIDE = 736  # small pictures are enlarged until their short side is this long (rapidocr's rule)
USE_CLS = True  # the 180° line classifier
# the classifier first reads this many of the widest lines (the surest to judge); the others only
# go through it when one of these is upside down — on a 185-line screenshot this cuts ~0.4 s CPU
CLS_SAMPLE = 8
MIN_SIDE = 8
CLS_THRESHOLD = 0.99  # lower values flip upright Japanese lines (see STACK.md)
MIN_LINE_SCORE = 0.5
# rapidocr pads every batch of lines to at least 320 px wide (PaddleOCR's training width), so a
# one-character line costs as much as a sentence; 96 px reads the same strings on the eval set and
# short synthetic crops at least as well, for ~45 % less recognition CPU (docs/performance.md)
REC_MIN_WIDTH = 96
# onnxruntime threads of the text detector (and the line classifier): OCR is the longest step of
# a check, so finding lines gets both cores (one thread costs ~25 % less CPU but the check takes
# longer: docs/performance.md)
OCR_THREADS = 2
# Lines are read in READ_SHARES shares at once, each share on one onnxruntime thread of the
# recognition model: run on two threads, the model's many small kernels spend ~30 % of the CPU
# synchronising.  The batches are rapidocr's own (sorted by width, 6 a batch), so the texts are
# the same.  Measured on the 1 MP licence's 40 lines: 718 → 530 ms wall, 1235 → 924 ms CPU.
READ_SHARES = 2
REC_THREADS = 1
REC_HEIGHT = 48  # the recognition model's input height (PP-OCR)
# "int8": the text detector quantised by scripts/quantize_models.py (~3.5x less CPU, see
# docs/performance.md); "float": rapidocr's own model as it is.  Recognition stays float.
DET_PRECISION = "int8"

_session_patch_lock = threading.Lock()


class OcrPerception(Perception):
    name = "ocr"

    def __init__(self, find_pixels: int | None = None, use_cls: bool | None = None) -> None:
        super().__init__()
        self.find_pixels = find_pixels or FIND_PIXELS
        self.use_cls = USE_CLS if use_cls is None else use_cls

    def load(self) -> None:
        _import_rapidocr_without_model_catalogue()
        from rapidocr import RapidOCR

        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        engine = RapidOCR(params=ocr_params())
        # RapidOCR builds its sessions on first use: build them now, so warm-up (not the first
        # picture) pays for them, and with spin-waiting off (see _without_spinning)
        with _without_spinning():
            engine._load_det_model()
            engine._load_cls_model()
            engine.cfg.EngineConfig.onnxruntime.intra_op_num_threads = REC_THREADS  # read when the session is built
            engine._load_rec_model()
        self._engine = engine
        japanese_forms.load()

    def compute(self, picture: Picture, scene: Any) -> TextLayout:
        if min(picture.width, picture.height) < MIN_SIDE:
            return TextLayout.empty()
        working, scale = working_rgb(picture)
        read_image = _bgr(working)
        find_scale = find_scale_for(picture.width, picture.height, self.find_pixels)
        quads = self._find_lines(scaled_rgb(picture, find_scale))
        if quads is None:
            return TextLayout.empty()
        quads = (quads * (scale / find_scale)).astype(np.float32)  # in pixels of the reading copy
        texts, scores, words = self._read_lines(read_image, quads)
        lines: list[list[Char]] = []
        for index, (text, score, line_words) in enumerate(zip(texts, scores, words)):
            if float(score) < MIN_LINE_SCORE or not str(text).strip():
                continue
            chars = line_chars(text, line_words, index, scale)
            if chars:
                lines.append(chars)
        return TextLayout(in_japanese_forms(lines))

    def _find_lines(self, rgb: np.ndarray) -> np.ndarray | None:
        """Text-line quads (n, 4, 2) in pixels of ``rgb``, top to bottom; None when there is no text."""
        from rapidocr.utils.process_img import apply_vertical_padding, map_boxes_to_original

        engine, detector = self._engine, self._engine.text_det
        padded, record = engine.preprocess_img(rgb)
        padded, record = apply_vertical_padding(padded, record, engine.width_height_ratio, engine.min_height)
        # rapidocr's TextDetector, with the input prepared by det_input instead of its float64 numpy steps
        boxes, _ = detector.postprocess_op(detector.session(det_input(padded)), padded.shape[:2])
        if len(boxes) == 0:
            return None
        boxes = detector.sorted_boxes(np.asarray(boxes, dtype=np.float32))
        return map_boxes_to_original(boxes, record, *rgb.shape[:2])

    def _read_lines(self, image: np.ndarray, quads: np.ndarray) -> tuple[list[str], list[float], list[Any]]:
        """Text, score and word boxes (in pixels of ``image``) of each quad with text, read at ``image``'s resolution."""
        from rapidocr.ch_ppocr_rec import TextRecOutput
        from rapidocr.utils.process_img import get_rotate_crop_image

        engine = self._engine
        crops = [get_rotate_crop_image(image, quad.copy()) for quad in quads]
        upright = self._upright(crops) if self.use_cls else crops
        read = self._recognise(upright)
        if read.txts is None:
            return [], [], []
        keep = [i for i, text in enumerate(read.txts) if str(text).strip() and crops[i].size]
        kept = TextRecOutput(
            txts=tuple(read.txts[i] for i in keep),
            scores=[read.scores[i] for i in keep],
            word_results=tuple(read.word_results[i] for i in keep),
        )
        kept = engine.cal_rec_boxes([crops[i] for i in keep], quads[keep], kept, False)
        words = [[w for w in line if w[2] is not None] for line in kept.word_results]
        return list(kept.txts), list(kept.scores), words

    def _recognise(self, crops: list[np.ndarray]) -> Any:
        """rapidocr's TextRecOutput for ``crops`` in their order: its batches, read in shares side by side."""
        from rapidocr.ch_ppocr_rec import TextRecInput, TextRecOutput

        if not crops:
            return TextRecOutput()
        shares = read_shares([crop.shape[:2] for crop in crops], batch=self._engine.text_rec.rec_batch_num)
        results: list[Any] = [None] * len(crops)

        def read(share: list[list[int]]) -> None:
            for batch in share:
                out = self._engine.text_rec(TextRecInput(img=[crops[i] for i in batch], return_word_box=True))
                for j, i in enumerate(batch):
                    results[i] = (out.txts[j], out.scores[j], out.word_results[j])

        helpers = [_Share(read, share) for share in shares[1:]]
        read(shares[0])
        for helper in helpers:
            helper.finish()
        txts, scores, words = zip(*results)
        return TextRecOutput(txts=tuple(txts), scores=list(scores), word_results=tuple(words))

    def _upright(self, crops: list[np.ndarray]) -> list[np.ndarray]:
        """The line crops turned upright: each one classified when a sample of the widest shows a line upside down."""
        classify = self._engine.text_cls
        if len(crops) > CLS_SAMPLE:
            widest = sorted(range(len(crops)), key=lambda i: crops[i].shape[1] / max(1, crops[i].shape[0]))[-CLS_SAMPLE:]
            sample = classify([crops[i] for i in widest])
            if not any(_is_flipped(label, score) for label, score in sample.cls_res):
                return crops
        return classify(crops).img_list


class _Share(threading.Thread):
    """One share of the lines, read on its own thread (of the caller's CPU priority); errors re-raised by ``finish``."""

    def __init__(self, read: Any, share: list[list[int]]) -> None:
        super().__init__(name="gazoguard-ocr-read", daemon=True)
        self._read, self._share = read, share
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self._read(self._share)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller in finish()
            self._error = exc

    def finish(self) -> None:
        self.join()
        if self._error is not None:
            raise self._error


def read_shares(shapes: list[tuple[int, int]], batch: int, shares: int = READ_SHARES) -> list[list[list[int]]]:
    """rapidocr's recognition batches of line crops (``(height, width)`` each; sorted by width ratio,
    ``batch`` a batch) dealt into at most ``shares`` shares of about equal work (padded width)."""
    ratios = np.array([w / max(1, h) for h, w in shapes])
    order = [int(i) for i in np.argsort(ratios)]  # as rapidocr sorts, so each batch holds the same lines
    batches = [order[i : i + batch] for i in range(0, len(order), batch)]
    # a batch costs its line count times its widest line, every line padded to at least REC_MIN_WIDTH
    costed = [(len(b) * max(ratios[b].max(), REC_MIN_WIDTH / REC_HEIGHT), b) for b in batches]
    out: list[list[list[int]]] = [[] for _ in range(max(1, min(shares, len(batches))))]
    work = [0.0] * len(out)
    for cost, b in sorted(costed, key=lambda cb: -cb[0]):  # largest first, each to the lightest share
        k = work.index(min(work))
        out[k].append(b)
        work[k] += cost
    return out


def _is_flipped(label: str, score: float) -> bool:
    return "180" in label and score > CLS_THRESHOLD


def ocr_params(det_precision: str | None = None) -> dict[str, Any]:
    """RapidOCR settings (its config.yaml keys); models are the ones bundled in the wheel or built from them."""
    params: dict[str, Any] = {
        "Cls.cls_thresh": CLS_THRESHOLD,
        "Rec.rec_img_shape": [3, REC_HEIGHT, REC_MIN_WIDTH],
        "Global.log_level": "error",
        "EngineConfig.onnxruntime.intra_op_num_threads": OCR_THREADS,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    }
    # the copy handed to the detector is already at the scale chosen by find_scale_for: rapidocr
    # only rounds its sides to multiples of 32
    params["Det.limit_type"] = "max"
    params["Det.limit_side_len"] = 1 << 20
    # every model file is named, so rapidocr never looks a model up in its catalogue of downloads
    int8 = (det_precision or DET_PRECISION) == "int8"
    params["Det.model_path"] = shipped_model_path("ocr_det_int8.onnx") if int8 else _wheel_model("PP-OCRv6_det_small.onnx")
    params["Cls.model_path"] = _wheel_model("ch_ppocr_mobile_v2.0_cls_mobile.onnx")
    params["Rec.model_path"] = _wheel_model("PP-OCRv6_rec_small.onnx")
    return params


def _wheel_model(name: str) -> str:
    from importlib import resources

    return str(resources.files("rapidocr").joinpath("models", name))


_import_lock = threading.Lock()


def _import_rapidocr_without_model_catalogue() -> None:
    """Import rapidocr without parsing its catalogue of downloadable models.

    rapidocr 3.10 reads ``default_models.yaml`` (1,600 lines) into OmegaConf when it is
    imported: 1.2 s of a ~3 s cold start.  The catalogue only serves to find or download a
    model when no file is named, and :func:`ocr_params` names every file, so an empty
    catalogue is handed over instead.  A lookup that still happened would then fail with
    rapidocr's "Unsupported configuration" error rather than try a download.
    """
    import sys

    with _import_lock:
        if "rapidocr.inference_engine.base" in sys.modules:
            return
        from omegaconf import OmegaConf

        real_load = OmegaConf.load

        def load(path: Any) -> Any:
            if str(path).endswith("default_models.yaml"):
                return OmegaConf.create({})
            return real_load(path)

        OmegaConf.load = load  # type: ignore[method-assign]
        try:
            import rapidocr.inference_engine.base  # noqa: F401
        finally:
            OmegaConf.load = real_load  # type: ignore[method-assign]


@contextmanager
def _without_spinning() -> Iterator[None]:
    """Sessions built inside do not spin-wait between operators.

    onnxruntime's worker threads busy-wait by default; with detectors running in
    parallel on 2 shared cores that burns the CPU the other models need (the
    sexual and face models turn it off too).  RapidOCR 3.10 has no setting for
    it, so its session-options factory is wrapped while our sessions are built.
    """
    from rapidocr.inference_engine.onnxruntime.main import OrtInferSession

    original = OrtInferSession.__dict__["_init_sess_opts"]  # the staticmethod object itself

    def options(cfg: Any) -> Any:
        opts = original.__func__(cfg)
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return opts

    with _session_patch_lock:
        OrtInferSession._init_sess_opts = staticmethod(options)  # type: ignore[method-assign]
        try:
            yield
        finally:
            OrtInferSession._init_sess_opts = original  # type: ignore[method-assign]


def find_scale_for(width: int, height: int, pixels: int = FIND_PIXELS) -> float:
    """The scale text is found at: about ``pixels`` pixels, and never enlarged past a short side of FIND_MIN_SIDE."""
    budget = (pixels / (width * height)) ** 0.5
    enlarge_limit = max(1.0, FIND_MIN_SIDE / min(width, height))
    return min(budget, enlarge_limit)


# rapidocr's detector normalisation, (x * (1/255) − 0.5) / 0.5 in its own float32-then-float64
# arithmetic, tabled for the 256 values a pixel can take
_DET_NORMALISED = ((np.arange(256).astype(np.float32) * (1 / 255.0) - np.array(0.5)) / np.array(0.5)).astype(np.float32)


def det_input(rgb: np.ndarray) -> np.ndarray:
    """The text detector's input: sides rounded to multiples of 32, BGR, normalised, NCHW float32.

    Bit for bit what rapidocr's DetPreProcess gives (the int8 detector is sensitive enough that
    1e-7 differences move where a line splits), but by table lookup: its numpy version works
    in float64 and costs ~35 ms CPU on a 1.3 MP copy.
    """
    import cv2

    height, width = rgb.shape[:2]
    size = (max(32, round(width / 32) * 32), max(32, round(height / 32) * 32))
    if size != (width, height):
        rgb = cv2.resize(rgb, size)
    return _DET_NORMALISED[rgb[:, :, ::-1].transpose(2, 0, 1)][np.newaxis]


def _bgr(rgb: np.ndarray) -> np.ndarray:
    """A BGR copy (what the OCR models take), made after resizing so no full-size copy is needed."""
    import cv2

    return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)


def in_japanese_forms(lines: list[list[Char]]) -> list[list[Char]]:
    """In a Japanese text, characters read in a Chinese form Japanese cannot hold are given their
    Japanese form, and the kanji 一 read between two katakana is the long-vowel mark ー (コ一ポ →
    コーポ); see :mod:`gazoguard.perception.japanese_forms`.  Boxes stay as read."""
    if not japanese_forms.is_japanese_text("".join(c.ch for line in lines for c in line)):
        return lines
    out = []
    for line in lines:
        text = "".join(c.ch for c in line)
        forms = japanese_forms.line_in_japanese_forms(text)
        out.append(line if forms == text else [c if f == c.ch else Char(f, c.box, c.line, c.score) for c, f in zip(line, forms)])
    return out


def _quad_box(quad: Any, scale: float) -> Box:
    pts = np.asarray(quad, dtype=np.float64).reshape(-1, 2) / scale
    return (
        int(np.floor(pts[:, 0].min())),
        int(np.floor(pts[:, 1].min())),
        int(np.ceil(pts[:, 0].max())),
        int(np.ceil(pts[:, 1].max())),
    )


def _split_box(box: Box, n: int) -> list[Box]:
    """Split a token's box evenly along its longer side into ``n`` character boxes."""
    x0, y0, x1, y1 = box
    if n <= 1:
        return [box]
    if (x1 - x0) >= (y1 - y0):
        step = (x1 - x0) / n
        return [(int(x0 + i * step), y0, int(round(x0 + (i + 1) * step)), y1) for i in range(n)]
    step = (y1 - y0) / n
    return [(x0, int(y0 + i * step), x1, int(round(y0 + (i + 1) * step))) for i in range(n)]


def line_chars(text: str, words: Any, line_index: int, scale: float = 1.0) -> list[Char]:
    """Characters of one OCR line with boxes, CJK spacing removed.

    RapidOCR's word results give a box per CJK character and per Latin word;
    the line text says where the spaces are.  Tokens are aligned to the line
    text; a space survives only between two non-CJK characters.
    """
    token_chars: list[tuple[str, Box, float]] = []
    for token, score, quad in words or ():
        token = str(token)
        compact = token.replace(" ", "")
        if not compact:
            continue
        for ch, box in zip(compact, _split_box(_quad_box(quad, scale), len(compact))):
            token_chars.append((ch, box, float(score)))
    if not token_chars:
        return []
    stripped = text.replace(" ", "")
    if stripped != "".join(c for c, _, _ in token_chars):
        text = " ".join("".join(c for c, _, _ in token_chars).split())  # trust the tokens
    chars: list[Char] = []
    k = 0
    pending_space = False
    for ch in text:
        if ch == " ":
            pending_space = True
            continue
        if k >= len(token_chars):
            break
        c, box, score = token_chars[k]
        k += 1
        if pending_space and chars and not is_cjk(chars[-1].ch) and not is_cjk(c):
            chars.append(Char(" ", chars[-1].box, line_index, score))
        pending_space = False
        chars.append(Char(c, box, line_index, score))
    return chars
