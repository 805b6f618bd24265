"""The completion report of a deletion request, shown to the customer: HTML and PDF (IPAex Gothic)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache

from gazoguard.core.clock import DEFAULT_TZ, local_date, local_time
from gazoguard.core.fonts import cjk_font_path
from gazoguard.store.models import DeletionRequest

FONT = "IPAexGothic"


@dataclass(frozen=True)
class CompletionReport:
    title_ja: str
    title_en: str
    rows: tuple[tuple[str, str, str], ...]  # (label JA, label EN, value)
    statement_ja: str
    statement_en: str


def completion_report(request: DeletionRequest, org_name: str, tz: str = DEFAULT_TZ) -> CompletionReport:
    """The report's rows; times in ``tz`` (the deployment's ``timezone`` setting) with the zone shown."""
    completed = local_time(request.completed_at, tz) if request.completed_at else "未完了 / not completed"
    return CompletionReport(
        title_ja="画像削除 完了報告書",
        title_en="Deletion completion report",
        rows=(
            ("事業者", "Business", org_name),
            ("受付番号", "Request", request.public_id),
            ("お客様番号", "Customer reference", request.customer_ref),
            ("受付日時", "Received", local_time(request.received_at, tz)),
            ("対応期限", "Deadline", local_date(request.deadline, tz)),
            ("完了日時", "Completed", completed),
            ("削除した案件", "Cases deleted", str(request.cases_deleted)),
            ("削除した画像ファイル", "Image files deleted", str(request.files_deleted)),
            ("削除した記録", "Records deleted", str(request.rows_deleted)),
        ),
        statement_ja="お客様からお送りいただいた画像と、その複製・加工画像・関連記録をすべて削除しました。監査記録には削除した事実のみが残り、画像や個人情報は含まれません。",
        statement_en="All pictures you sent us, with every copy, masked version and related record, have been deleted. The audit trail keeps only the fact of the deletion, never the pictures or personal details.",
    )


def render_pdf(report: CompletionReport) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _register_font()
    title = ParagraphStyle("title", fontName=font, fontSize=16, leading=22, wordWrap="CJK")
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=15, wordWrap="CJK")
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                            title=f"{report.title_ja} / {report.title_en}", author="gazoguard")
    table = Table([[Paragraph(f"{ja}<br/>{en}", body), Paragraph(_escape(value), body)] for ja, en, value in report.rows],
                  colWidths=[55 * mm, 110 * mm])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#888888"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc.build([
        Paragraph(f"{report.title_ja}<br/>{report.title_en}", title), Spacer(1, 8 * mm), table, Spacer(1, 8 * mm),
        Paragraph(report.statement_ja, body), Spacer(1, 3 * mm), Paragraph(report.statement_en, body),
    ])
    return buffer.getvalue()


@cache
def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = cjk_font_path()
    if path is None or not path.endswith(".ttf"):
        raise RuntimeError("IPAex Gothic (matplotlib-fontja) is needed for the PDF report")
    pdfmetrics.registerFont(TTFont(FONT, path))
    return FONT


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
