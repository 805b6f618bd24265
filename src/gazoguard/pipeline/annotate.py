"""The picture a person looks at: numbered boxes on the image and a legend beside it."""

from __future__ import annotations

from PIL import Image, ImageDraw

from gazoguard.core.catalogue import kind_info
from gazoguard.core.fonts import cjk_font
from gazoguard.core.levels import Level
from gazoguard.imaging.marks import Mark, draw_marks, scale_box, scaled_copy, withheld
from gazoguard.pipeline import explain
from gazoguard.pipeline.report import Report

LEVEL_COLOURS = {
    Level.SAFE: (46, 139, 87),
    Level.CAUTION: (230, 160, 0),
    Level.DANGER: (220, 50, 47),
    Level.BLOCK: (120, 0, 160),
}
MAX_SIDE = 1600


def finding_levels(report: Report) -> dict[int, Level]:
    """The level each finding contributed through the reason that points at it."""
    levels: dict[int, Level] = {}
    for reason in report.verdict.reasons if report.verdict else ():
        for index in reason.findings:
            if index not in levels or levels[index].rank < reason.level.rank:
                levels[index] = reason.level
    return levels


def annotate(image: Image.Image, report: Report, *, lang: str = "ja", hide_sexual: bool = True) -> Image.Image:
    """A copy of ``image`` with each boxed finding numbered, plus a legend panel.

    The safety rules of :mod:`gazoguard.imaging.marks` apply: sexual boxes are black, and a
    picture that must not be stored is shown grey. ``hide_sexual=False`` is for tests only.
    """
    base, scale = scaled_copy(image, MAX_SIDE)
    if report.verdict and report.verdict.must_not_store:
        base = withheld(base.size)  # never redraw a red-line picture
    levels = finding_levels(report)
    marks = [
        Mark(
            scale_box(finding.box, scale),  # type: ignore[arg-type]
            number,
            LEVEL_COLOURS[levels.get(index, Level.CAUTION)],
            finding.category if hide_sexual else None,
        )
        for number, (index, finding) in enumerate(_boxed(report), start=1)
    ]
    draw_marks(base, marks)
    return _with_legend(base, report, lang, levels)


def _boxed(report: Report) -> list[tuple[int, object]]:
    return [(i, f) for i, f in enumerate(report.findings) if f.box is not None]


def _text_size(draw: ImageDraw.ImageDraw, text: str, font) -> tuple[int, int]:
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    return right - left, bottom - top


def legend_lines(report: Report, lang: str = "ja") -> list[tuple[str, Level]]:
    verdict = report.verdict
    assert verdict is not None
    lines: list[tuple[str, Level]] = []
    title = f"{verdict.level.mark} {verdict.level.ja} / {verdict.level.en}" if lang == "ja" else f"{verdict.level.mark} {verdict.level.en}"
    lines.append((title, verdict.level))
    numbers = {index: n for n, (index, _) in enumerate(_boxed(report), start=1)}
    for reason in verdict.reasons:
        refs = ",".join(str(numbers[i]) for i in reason.findings if i in numbers)
        prefix = f"[{refs}] " if refs else ""
        text = reason.ja if lang == "ja" else reason.en
        fix = reason.fix_ja if lang == "ja" else reason.fix_en
        lines.append((f"{prefix}{text} → {fix}", reason.level))
    unreasoned = [f for i, f in _boxed(report) if not any(i in r.findings for r in verdict.reasons)]
    for f in unreasoned:
        info = kind_info(f.kind)
        lines.append((f"[{numbers[report.findings.index(f)]}] {info.ja if lang == 'ja' else info.en}", Level.SAFE))
    pick = 0 if lang == "ja" else 1
    if verdict.level == Level.SAFE:
        lines.append(("※ " + explain.SAFE_NOTE[pick], Level.SAFE))
    if verdict.questions:
        lines.append((explain.QUESTIONS_HEADING[pick], Level.SAFE))
        lines.extend((f"Q{n}. {q['ja' if lang == 'ja' else 'en']}", Level.SAFE) for n, q in enumerate(verdict.questions, 1))
    return lines


def _with_legend(base: Image.Image, report: Report, lang: str, levels: dict[int, Level]) -> Image.Image:
    font = cjk_font(max(14, round(base.width / 55)))
    probe = ImageDraw.Draw(base)
    wrapped: list[tuple[str, Level]] = []
    for text, level in legend_lines(report, lang):
        for piece in _wrap(probe, text, font, base.width - 24):
            wrapped.append((piece, level))
    _, line_h = _text_size(probe, "あA", font)
    line_h += 8
    panel = Image.new("RGB", (base.width, 16 + line_h * len(wrapped)), (250, 250, 250))
    draw = ImageDraw.Draw(panel)
    for row, (text, level) in enumerate(wrapped):
        draw.text((12, 8 + row * line_h), text, fill=LEVEL_COLOURS[level] if row == 0 else (30, 30, 30), font=font)
    out = Image.new("RGB", (base.width, base.height + panel.height), (255, 255, 255))
    out.paste(base, (0, 0))
    out.paste(panel, (0, base.height))
    return out


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, current = [], ""
    for ch in text:
        if _text_size(draw, current + ch, font)[0] > width and current:
            lines.append(current)
            current = ch.lstrip()
        else:
            current += ch
    if current:
        lines.append(current)
    return lines
