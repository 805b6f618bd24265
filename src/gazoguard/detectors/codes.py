"""QR codes and barcodes: decoded with zxing-cpp, classified by what their payload gives away.

A code is a finding even when its payload is harmless: whoever scans it
reaches the link, the LINE account or the Wi-Fi network.  ``attrs`` carry the
format and the payload class (see :mod:`gazoguard.recognizers.payload`), never a
password.

Large pictures are read twice at most: once at full resolution without the
costly rotated / inverted retries (QR finding is rotation invariant), then,
only if nothing was found, a downscaled copy with every retry on.  Then patches that look like a
small or faint code (``vision/code_candidates``) and hold none found yet are enlarged, and binarised
if need be, and read again — several codes per picture, within a fixed time budget.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from gazoguard.recognizers.payload import classify_payload
from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Box, Finding
from gazoguard.imaging.picture import Picture
from gazoguard.perception.scene import Scene
from gazoguard.core.geometry import iou

FULL_RETRY_MAX_PIXELS = 2_500_000  # up to here one read with every retry is cheap enough
FALLBACK_MAX_SIDE = 1600
DUPLICATE_IOU = 0.5
PATCH_SIDE = 480  # a candidate patch is enlarged to this side before it is read again
RETRY_BUDGET_S = 0.12  # at most this long on candidate patches per picture

MATRIX_FORMATS = frozenset({"QRCode", "QRCodeModel1", "QRCodeModel2", "MicroQRCode", "RMQRCode", "Aztec", "AztecCode", "AztecRune", "DataMatrix", "MaxiCode"})


@dataclass(frozen=True, slots=True)
class DecodedCode:
    format: str  # zxing-cpp's enum name, e.g. "QRCode", "EAN13"
    text: str
    box: Box


class CodesDetector(Detector):
    name = "codes"
    kinds = frozenset({"qr_code", "barcode"})
    timeout_s = 10.0
    low_priority = True  # not on the text-reading path
    order = 20

    def load(self) -> None:
        import zxingcpp  # noqa: F401 - fail in load, not mid-check, when the wheel is missing

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        return [code_finding(code) for code in read_codes(picture.rgb)]


def code_finding(code: DecodedCode) -> Finding:
    info = classify_payload(code.text)
    kind = "qr_code" if code.format in MATRIX_FORMATS else "barcode"
    return Finding(
        kind=kind,
        score=1.0,
        detector="codes",
        box=code.box,
        text=code.text,
        attrs={"format": code.format, "payload_type": info.type, **info.attrs},
    )


def read_codes(rgb: np.ndarray) -> list[DecodedCode]:
    """Every code zxing-cpp decodes in an RGB picture, boxes in that picture's pixels."""
    import cv2

    gray = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY)
    height, width = gray.shape
    if height * width <= FULL_RETRY_MAX_PIXELS:
        found = _read(gray, 1.0, retries=True)
    else:
        found = _read(gray, 1.0, retries=False)
        if not found:
            scale = FALLBACK_MAX_SIDE / max(height, width)
            small = cv2.resize(gray, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA)
            found = _read(small, scale, retries=True)
    return _merge(found, _read_small_codes(gray, found))


def _read_small_codes(gray: np.ndarray, found: list[DecodedCode]) -> list[DecodedCode]:
    """Codes too small or faint for the whole-picture read: each candidate patch not already
    decoded, enlarged to :data:`PATCH_SIDE`, then binarised if that fails — within :data:`RETRY_BUDGET_S`."""
    import cv2

    from gazoguard.vision.code_candidates import code_candidates

    started = time.perf_counter()
    out: list[DecodedCode] = []
    for x0, y0, x1, y1 in code_candidates(gray):
        if time.perf_counter() - started > RETRY_BUDGET_S:
            break
        if any(iou(c.box, (x0, y0, x1, y1)) > 0 or _inside(c.box, (x0, y0, x1, y1)) for c in found + out):
            continue
        patch = gray[y0:y1, x0:x1]
        scale = PATCH_SIDE / max(patch.shape)
        if scale <= 1.0:
            continue  # as large as the whole-picture read already saw it
        big = cv2.resize(patch, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        codes = _read(big, scale, retries=False)
        if not codes:
            big = cv2.normalize(big, None, 0, 255, cv2.NORM_MINMAX)
            _, binary = cv2.threshold(cv2.GaussianBlur(big, (5, 5), 0), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
            codes = _read(binary, scale, retries=False)
        out += [DecodedCode(c.format, c.text, (c.box[0] + x0, c.box[1] + y0, c.box[2] + x0, c.box[3] + y0)) for c in codes]
    return out


def _merge(found: list[DecodedCode], more: list[DecodedCode]) -> list[DecodedCode]:
    codes = list(found)
    for code in more:
        if not any(c.text == code.text and iou(c.box, code.box) >= DUPLICATE_IOU for c in codes):
            codes.append(code)
    return codes


def _inside(inner: Box, outer: Box) -> bool:
    return inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def _read(gray: np.ndarray, scale: float, *, retries: bool) -> list[DecodedCode]:
    import zxingcpp

    results = zxingcpp.read_barcodes(gray, try_rotate=retries, try_invert=retries, try_downscale=True)
    height, width = gray.shape
    codes: list[DecodedCode] = []
    for result in results:
        if not result.valid:
            continue
        box = _position_box(result.position, scale, width / scale, height / scale)
        code = DecodedCode(result.format.name, normalise_newlines(result.text), box)
        if not any(c.text == code.text and iou(c.box, code.box) >= DUPLICATE_IOU for c in codes):
            codes.append(code)
    return codes


def normalise_newlines(text: str) -> str:
    """Payloads written on Windows carry CRLF; downstream text matching expects LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _position_box(position, scale: float, width: float, height: float) -> Box:  # type: ignore[no-untyped-def]
    corners = (position.top_left, position.top_right, position.bottom_right, position.bottom_left)
    xs = [p.x / scale for p in corners]
    ys = [p.y / scale for p in corners]
    return (
        int(max(0, np.floor(min(xs)))),
        int(max(0, np.floor(min(ys)))),
        int(min(width, np.ceil(max(xs)) + 1)),
        int(min(height, np.ceil(max(ys)) + 1)),
    )
