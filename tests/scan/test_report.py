"""report.html is self-contained: chromium draws its charts with no request, and never shows a sexual/minor picture."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from scan_support import picture_bytes

from gazoguard.scan.actions import ScanPolicy, build_plan
from gazoguard.scan.duplicates import find_groups
from gazoguard.scan.ledger import Ledger
from gazoguard.scan.report import write_report
from gazoguard.scan.worker import base_row

NOW = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


@pytest.fixture()
def report_run(tmp_path):
    """A run over real files whose rows say: sexual, possible minor, must-not-store, a GPS photo, a receipt."""
    source = tmp_path / "archive"
    (source / "chat-1").mkdir(parents=True)
    rows = {
        "chat-1/sexual.jpg": dict(level="block", sexual=True, categories=["sexual"], kinds=["nudity"]),
        "chat-1/minor.jpg": dict(level="danger", minor=True, categories=["minor"], kinds=["child_face"]),
        "chat-1/secret.jpg": dict(level="danger", must_not_store=True, categories=["document"], kinds=["my_number_card"]),
        "chat-1/gps.jpg": dict(level="caution", categories=["place"], kinds=["gps"], n_findings=1),
        "chat-1/receipt.jpg": dict(level="danger", categories=["document"], kinds=["receipt"], n_findings=1, doc_kind="receipt"),
    }
    ledger = Ledger.open(tmp_path / "run", {"engine": "test-engine", "policy": "none"})
    for n, (path, result) in enumerate(rows.items()):
        data = picture_bytes(n)
        (source / path).write_bytes(data)
        meta = {"source": str(source), "path": path, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
                "mtime": (NOW - dt.timedelta(days=40 * n)).timestamp()}
        finding = {"source": str(source), "path": path, "sha256": meta["sha256"], "n": 0, "kind": result["kinds"][0],
                   "category": result["categories"][0], "score": 0.9, "detector": "t", "x0": 0, "y0": 0, "x1": 50, "y1": 50, "has_text": False}
        ledger.record(base_row(meta, status="ok") | result, [finding])
    ledger.record(base_row({"source": str(source), "path": "chat-1/notes.txt", "sha256": "", "size": 3, "mtime": None},
                           status="skipped", reason="not_an_image_type"), [])
    plan = build_plan(ledger, ScanPolicy(retention_days=30), NOW)
    return write_report(ledger, tmp_path / "run", find_groups(ledger), plan, generated=NOW)


def test_the_report_is_one_file_with_no_external_reference(report_run):
    page = report_run.read_text(encoding="utf-8")
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in page
    assert "<script" not in page and "<link" not in page
    assert "画像アーカイブの確認結果" in page and "Archive scan report" in page


@pytest.mark.browser
def test_chromium_draws_the_charts_makes_no_request_and_shows_no_sexual_or_minor_thumbnail(report_run, browser):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report_run.as_uri())
    page.wait_for_load_state("load")
    assert [u for u in requests if not u.startswith(("file://", "data:"))] == []
    for chart in ("chart-levels", "chart-categories", "chart-kinds", "chart-months", "chart-plan"):
        widths = page.eval_on_selector_all(f"#{chart} rect.bar", "bars => bars.map(b => b.getBoundingClientRect().width)")
        assert widths and max(widths) > 10, chart
    shown = page.eval_on_selector_all(".thumbs img", "imgs => imgs.map(i => [i.alt, i.naturalWidth])")
    names = {alt for alt, _ in shown}
    assert names == {"chat-1/gps.jpg", "chat-1/receipt.jpg"}
    assert all(width > 0 for _, width in shown)  # the thumbnails decoded
    assert "chat-1/sexual.jpg" in page.content()  # listed in the plan as a path, never as a picture
    page.close()
