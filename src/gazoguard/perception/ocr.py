"""OCR (Japanese + Latin) with a box per character, via RapidOCR's bundled PP-OCR models.

Only the models inside the rapidocr wheel are used; nothing is downloaded.
The picture is downscaled to :data:`MAX_SIDE` before reading (text a person
can read on a phone survives this) and boxes are scaled back.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import numpy as np

from gazoguard.finding import Box
from gazoguard.perception import Perception
from gazoguard.picture import Picture
from gazoguard.textlayout import Char, TextLayout, is_cjk

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

MAX_SIDE = 2048
MIN_SIDE = 8
CLS_THRESHOLD = 0.99  # lower values flip upright Japanese lines (see STACK.md)
MIN_LINE_SCORE = 0.5


class OcrPerception(Perception):
    name = "ocr"

    def load(self) -> None:
        from rapidocr import RapidOCR

        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        self._engine = RapidOCR(params={"Cls.cls_thresh": CLS_THRESHOLD, "Global.log_level": "error"})

    def compute(self, picture: Picture, scene: Any) -> TextLayout:
        if min(picture.width, picture.height) < MIN_SIDE:
            return TextLayout.empty()
        image, scale = _downscaled_bgr(picture)
        result = self._engine(image, return_word_box=True)
        if result is None or result.txts is None:
            return TextLayout.empty()
        lines: list[list[Char]] = []
        for index, (text, score, words) in enumerate(zip(result.txts, result.scores, result.word_results)):
            if float(score) < MIN_LINE_SCORE:
                continue
            chars = line_chars(text, words, index, scale)
            if chars:
                lines.append(chars)
        return TextLayout(lines)


def _downscaled_bgr(picture: Picture) -> tuple[np.ndarray, float]:
    import cv2

    longest = max(picture.width, picture.height)
    if longest <= MAX_SIDE:
        return np.ascontiguousarray(picture.bgr), 1.0
    scale = MAX_SIDE / longest
    size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
    return cv2.resize(picture.bgr, size, interpolation=cv2.INTER_AREA), scale


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
