"""An annotated before/after picture: numbered boxes on the original and on the redacted copy."""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image, ImageDraw

from gazoguard.core.catalogue import kind_info
from gazoguard.core.fonts import cjk_font
from gazoguard.imaging.marks import Mark, draw_marks, scale_box, scaled_copy, withheld
from gazoguard.redaction.plan import Cover, Method

PANEL_SIDE = 800
GAP = 16
METHOD_COLOURS = {Method.FILL: (220, 50, 47), Method.BLUR: (230, 160, 0)}
HEADER = ("加工前 / before", "加工後 / after")
LEGEND_NUMBERS = 8


def render_preview(
    before: Image.Image,
    after: Image.Image,
    covers: Sequence[Cover],
    *,
    hide_before: bool = False,
    lang: str = "ja",
) -> Image.Image:
    """Side-by-side panels; sexual regions are black in both, and ``hide_before`` greys "before" out entirely."""
    left, scale_before = scaled_copy(before, PANEL_SIDE)
    if hide_before:
        left = withheld(left.size)
    right, scale_after = scaled_copy(after, PANEL_SIDE)
    out_scale = after.width / before.width if before.width else 1.0
    font = cjk_font(max(14, round(max(left.width, right.width) / 40)))
    header_h = round(font.size * 1.8) if hasattr(font, "size") else 24
    width = left.width + GAP + right.width
    legend = _legend_lines(covers, lang)
    line_h = header_h
    canvas = Image.new("RGB", (width, header_h + max(left.height, right.height) + GAP + line_h * len(legend)), "white")
    canvas.paste(left, (0, header_h))
    canvas.paste(right, (left.width + GAP, header_h))
    draw = ImageDraw.Draw(canvas)
    draw.text((4, 4), HEADER[0], fill=(30, 30, 30), font=font)
    draw.text((left.width + GAP + 4, 4), HEADER[1], fill=(30, 30, 30), font=font)
    marks = []
    for number, cover in enumerate(covers, start=1):
        colour = METHOD_COLOURS.get(cover.method, (46, 139, 87))
        # pass-1 boxes are in original pixels, pass-2 boxes in output pixels
        to_before = scale_before if cover.pass_no == 1 else scale_before / out_scale
        to_after = scale_after * out_scale if cover.pass_no == 1 else scale_after
        for box in cover.boxes:
            marks.append(Mark(scale_box(box, to_before, 0, header_h), number, colour, cover.category))
            marks.append(Mark(scale_box(box, to_after, left.width + GAP, header_h), number, colour, cover.category))
    draw_marks(canvas, marks, font=font, width=2)
    top = header_h + max(left.height, right.height) + GAP // 2
    for row, text in enumerate(legend):
        draw.text((8, top + row * line_h), text, fill=(30, 30, 30), font=font)
    return canvas


def _legend_lines(covers: Sequence[Cover], lang: str) -> list[str]:
    """One line per kind and method, listing the box numbers (a table of 60 names stays readable)."""
    groups: dict[tuple[str, str], list[int]] = {}
    for number, cover in enumerate(covers, start=1):
        groups.setdefault((cover.kind, cover.method.value), []).append(number)
    lines = []
    for (kind, method), numbers in groups.items():
        info = kind_info(kind)
        how_ja = {"fill": "塗りつぶし", "blur": "ぼかし"}.get(method, method)
        label = f"{info.ja}（{how_ja}）" if lang == "ja" else f"{info.en} ({method})"
        shown = ",".join(str(n) for n in numbers[:LEGEND_NUMBERS]) + ("…" if len(numbers) > LEGEND_NUMBERS else "")
        lines.append(f"[{shown}] {label} ×{len(numbers)}")
    return lines
