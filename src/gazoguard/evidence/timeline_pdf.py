"""The timeline as a PDF with Japanese text (reportlab + IPAex Gothic from matplotlib-fontja)."""

from __future__ import annotations

import io
from functools import cache
from xml.sax.saxutils import escape

from gazoguard.evidence.timeline import (
    CONVERSATION_TITLE, MESSAGE_HEADS, TITLE, VERIFY_HINT, TimelineMeta, TimelineRow, _shown, conversation, zone_note,
)
from gazoguard.core.fonts import cjk_font_path

FONT_NAME = "IPAexGothic"
FALLBACK_FONT = "HeiseiKakuGo-W5"  # reportlab's built-in CID font when no TTF is installed


@cache
def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    path = cjk_font_path()
    if path and path.endswith(".ttf"):
        pdfmetrics.registerFont(TTFont(FONT_NAME, path))
        return FONT_NAME
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    return FALLBACK_FONT


def render_pdf(rows: list[TimelineRow], meta: TimelineMeta, thumbnails: dict[str, bytes]) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _register_font()
    body = ParagraphStyle("body", fontName=font, fontSize=8.5, leading=11.5, wordWrap="CJK")
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=10, textColor=colors.HexColor("#444444"))
    mono = ParagraphStyle("mono", parent=small, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=15, leading=20, spaceAfter=6)

    def para(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), style)

    story = [
        para(f"{TITLE[0]} / {TITLE[1]}", title),
        para(f"証拠フォルダ ID / Locker ID: {meta.locker_id}", small),
        para(f"作成 / Created: {_shown(meta.created_at, meta.tz)} ({meta.created_at})　"
             f"書き出し / Exported: {_shown(meta.exported_at, meta.tz)} ({meta.exported_at})", small),
        para(f"記録数 / Entries: {meta.head_count}", small),
        para(f"最新記録のハッシュ / Head hash: {meta.head_hash}", mono),
    ]
    story += [para(f"署名鍵の指紋 / Signing key fingerprint: {fp}", mono) for fp in meta.fingerprints]
    note = zone_note(meta.tz)
    story += [Spacer(1, 3 * mm), para(VERIFY_HINT[0], small), para(VERIFY_HINT[1], small),
              para(note[0], small), para(note[1], small), Spacer(1, 4 * mm)]
    grid = TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])
    talk = conversation(rows)
    if talk:
        story.append(para(f"{CONVERSATION_TITLE[0]} / {CONVERSATION_TITLE[1]}", ParagraphStyle("h2", parent=body, fontSize=11, leading=15)))
        lines = [[para(f"{ja} / {en}", small) for ja, en in MESSAGE_HEADS]]
        lines += [[para(m.when_ja, small), para(m.speaker, small), Paragraph(escape(m.text).replace("\n", "<br/>"), body),
                   para(str(m.seq), small)] for m in talk]
        chat = Table(lines, colWidths=[34 * mm, 30 * mm, 104 * mm, 12 * mm], repeatRows=1)
        chat.setStyle(grid)
        story += [chat, Spacer(1, 5 * mm)]

    data = [[para("番号\nNo."), para("記録日時 / Recorded"), para("内容 / Item"), para("画像 / Image")]]
    for row in rows:
        cell = [para(f"{row.title_ja} / {row.title_en}")]
        if row.sha256:
            cell.append(para(f"SHA-256 ({row.size:,} bytes): {row.sha256}", mono))
        cell += [para(f"{ja} / {en}: {value}", small) for ja, en, value in row.details]
        picture: object = ""
        if row.thumbnail and row.thumbnail in thumbnails:
            picture = _fitted_image(Image, thumbnails[row.thumbnail], 38 * mm)
        elif row.withheld_reason:
            picture = [para(row.withheld_reason[0], small), para(row.withheld_reason[1], small)]
        data.append([para(str(row.seq)), [para(row.recorded_local, small), para(row.recorded_utc, small)], cell, picture])
    table = Table(data, colWidths=[12 * mm, 38 * mm, 88 * mm, 42 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=14 * mm, bottomMargin=14 * mm,
        title=f"{TITLE[0]} / {TITLE[1]}", author="gazoguard", invariant=1,
    )
    doc.build(story)
    return buf.getvalue()


def _fitted_image(image_cls, data: bytes, max_side: float):
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(data)) as im:
        w, h = im.size
    scale = max_side / max(w, h)
    return image_cls(io.BytesIO(data), width=w * scale, height=h * scale)
