"""Which findings get which cover: a pure function from findings to a plan.

The rules follow what can be undone and what cannot:

* text, codes, documents, screens and sexual regions get a **solid fill**
  (blurred or pixelated text can be recovered);
* faces and bodies (uniforms, lanyards, reflections, views) get a strong
  **blur** (a coarse mosaic, then a strong Gaussian) sized to the region, or a fill when ``solid=True``;
* metadata kinds (EXIF, GPS, thumbnails, trailing bytes, …) are **stripped**
  by the fresh re-encode, not by touching pixels;
* ``high_resolution`` is fixed by a **downscale** when ``max_side`` is given.

Findings that need pixels covered but carry no box (a whole-picture score)
cannot be redacted; they are listed in :attr:`Plan.not_covered`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from gazoguard.core.catalogue import CATEGORIES, kind_info
from gazoguard.core.catalogue import kinds as catalogue_kinds
from gazoguard.core.finding import Box, Finding
from gazoguard.redaction.errors import RedactionError


class Method(str, Enum):
    FILL = "fill"
    BLUR = "blur"
    STRIP = "strip"
    DOWNSCALE = "downscale"


#: Extra margin around a box, as a fraction of its shorter side, and a floor in pixels.
PADDING: dict[str, tuple[float, int]] = {
    "text": (0.25, 3),  # ascenders, descenders and anti-aliasing around OCR boxes
    "code": (0.15, 6),  # a QR code's finder patterns and quiet zone
    "face": (0.15, 4),
    "region": (0.08, 3),
}

_TEXT_CATEGORIES = frozenset({"personal_text", "document", "screen"})
_CODE_KINDS = frozenset({"qr_code", "barcode"})


@dataclass(frozen=True, slots=True)
class Cover:
    """One finding's cover: the method and the padded boxes it paints."""

    index: int  # the finding's position in the report
    kind: str
    category: str
    method: Method
    boxes: tuple[Box, ...]
    detector: str
    pass_no: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "finding": self.index,
            "kind": self.kind,
            "category": self.category,
            "method": self.method.value,
            "boxes": [list(b) for b in self.boxes],
            "detector": self.detector,
            "pass": self.pass_no,
        }


@dataclass(frozen=True, slots=True)
class Plan:
    covers: tuple[Cover, ...]
    stripped: tuple[tuple[int, str], ...]  # (finding index, kind) removed by the re-encode
    downscaled: tuple[tuple[int, str], ...]
    not_covered: tuple[tuple[int, str, str], ...]  # (finding index, kind, reason code)

    @property
    def redacted_kinds(self) -> frozenset[str]:
        kinds = {c.kind for c in self.covers} | {k for _, k in self.stripped} | {k for _, k in self.downscaled}
        return frozenset(kinds)


def method_for(kind: str, *, solid: bool = False) -> Method:
    """The cover a kind needs (see the module docstring for the reasons)."""
    info = kind_info(kind)
    if info.category == "hidden_data" or info.fix == "strip":
        return Method.STRIP
    if info.fix == "downscale":
        return Method.DOWNSCALE
    if info.category in _TEXT_CATEGORIES | {"code", "sexual"} or info.fix == "cover":
        return Method.FILL
    return Method.FILL if solid else Method.BLUR


def resolve_kinds(requested: Iterable[str] | None) -> frozenset[str] | None:
    """Expand kind and category names to kinds; ``None`` means every kind."""
    if requested is None:
        return None
    known = catalogue_kinds()
    selected: set[str] = set()
    unknown: list[str] = []
    for raw in requested:
        name = raw.strip()
        if not name:
            continue
        if name in known:
            selected.add(name)
        elif name in CATEGORIES:
            selected.update(k for k, info in known.items() if info.category == name)
        else:
            unknown.append(name)
    if unknown:
        raise RedactionError("unknown_kind", names=", ".join(unknown))
    return frozenset(selected)


def plan_redaction(
    findings: Sequence[Finding],
    size: tuple[int, int],
    *,
    kinds: frozenset[str] | None = None,
    solid: bool = False,
    max_side: int | None = None,
    pass_no: int = 1,
) -> Plan:
    """Decide the cover of every selected finding; boxes are padded and clipped to ``size``."""
    covers: list[Cover] = []
    stripped: list[tuple[int, str]] = []
    downscaled: list[tuple[int, str]] = []
    not_covered: list[tuple[int, str, str]] = []
    for index, finding in enumerate(findings):
        if kinds is not None and finding.kind not in kinds:
            continue
        method = method_for(finding.kind, solid=solid)
        if method is Method.STRIP:
            stripped.append((index, finding.kind))
        elif method is Method.DOWNSCALE:
            if max_side:
                downscaled.append((index, finding.kind))
            else:
                not_covered.append((index, finding.kind, "needs_max_side"))
        else:
            boxes = cover_boxes(finding, size)
            if boxes:
                covers.append(Cover(index, finding.kind, finding.category, method, boxes, finding.detector, pass_no))
            else:
                not_covered.append((index, finding.kind, "no_box"))
    return Plan(tuple(covers), tuple(stripped), tuple(downscaled), tuple(not_covered))


def cover_boxes(finding: Finding, size: tuple[int, int]) -> tuple[Box, ...]:
    """The padded boxes to paint: one per text line when ``attrs.line_boxes`` is given."""
    raw: list[Box] = []
    line_boxes = finding.attrs.get("line_boxes") if finding.attrs else None
    if line_boxes:
        raw = [tuple(round(v) for v in b) for b in line_boxes]  # type: ignore[misc]
    elif finding.box is not None:
        raw = [finding.box]
    fraction, floor = PADDING[_padding_class(finding)]
    width, height = size
    out: list[Box] = []
    for box in raw:
        padded = pad_box(box, fraction, floor, width, height)
        if padded is not None:
            out.append(padded)
    return tuple(out)


def _padding_class(finding: Finding) -> str:
    if finding.kind in _CODE_KINDS:
        return "code"
    if finding.kind == "face":
        return "face"
    if method_for(finding.kind) is Method.FILL and finding.category != "sexual":
        return "text"
    return "region"


def pad_box(box: Box, fraction: float, floor: int, width: int, height: int) -> Box | None:
    """``box`` grown by ``fraction`` of its shorter side (at least ``floor`` px), clipped; ``None`` if empty."""
    x0, y0, x1, y1 = box
    x0, x1 = min(x0, x1), max(x0, x1)
    y0, y1 = min(y0, y1), max(y0, y1)
    pad = max(floor, round(min(x1 - x0, y1 - y0) * fraction))
    clipped = (max(0, x0 - pad), max(0, y0 - pad), min(width, x1 + pad), min(height, y1 + pad))
    if clipped[2] <= clipped[0] or clipped[3] <= clipped[1]:
        return None
    return clipped
