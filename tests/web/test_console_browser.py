"""The whole business flow in a real Chromium (Debian's package, driven by Playwright).

Customer notice → a chat system posts a product photo, a receipt with a phone number and a photo with
other people's faces → replies → admin assigns, staff reviews → deletion request → completion report
downloaded.  Screenshots go to artifacts/ and, with GAZOGUARD_UPDATE_DOCS=1, to docs/screenshots/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest
from browser_support import save_shot

from gazoguard.auth.users import create_user
from gazoguard.intake.channels import create_channel_key
from gazoguard.intake.policies import register_policy
from gazoguard.web.app import create_app
from gazoguard.web.loopback import serving
from gazoguard.web.settings import Settings
from test_intake_api import small_jpeg

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


@pytest.fixture()
def shop(tmp_path, checker):
    settings = Settings(warm_up=False, data_dir=tmp_path / "data", retention_interval_s=0)
    app = create_app(settings, checker=checker)
    gw = app.state.gateway
    with gw.store.session() as session:
        register_policy(gw.store, session, (REPO / "examples" / "policy.toml").read_text(encoding="utf-8"), "test")
        key = create_channel_key(session, "sakura-zakka", "web-chat")
        create_user(session, "admin1", PASSWORD, "admin", "sakura-zakka")
        create_user(session, "staff1", PASSWORD, "staff", "sakura-zakka")
    with serving(app) as base_url:
        yield base_url, key
    gw.close()






CODES = sorted({code for group in ("action", "decision", "case_status", "deletion_status", "alert_status", "stored",
                                    "purpose", "role", "audit_action", "reply") for code in __import__(
    "gazoguard.intake.labels", fromlist=["table"]).table()[group]} | {"True", "False", "None"})
READ_TEXT = """() => [...document.querySelectorAll('body *')]
  .filter(e => !e.closest('code, textarea, script, style') && e.children.length === 0)
  .map(e => e.textContent.trim()).filter(Boolean)"""


def assert_readable(page) -> None:
    """No raw code as a person's text, no English key inside Japanese text, no UTC time where Japan time is set."""
    import re

    texts = page.evaluate(READ_TEXT)
    raw = [t for t in texts if t in CODES]
    english_keys = [t for t in texts if re.search(r"[ぁ-んァ-ン一-龥]", t) and re.search(r"(?<![\w@.:/-])(" + "|".join(map(re.escape, CODES)) + r")(?![\w@.:/-])", t)]
    utc = [t for t in texts if re.search(r"\bUTC\b|\d{2}:\d{2}(:\d{2})?Z\b", t)]
    assert not raw and not english_keys and not utc, (page.url, raw, english_keys, utc)
    assert "日本時間" in page.text_content("#time-zone")


def _login(page, base: str, username: str) -> None:
    page.goto(f"{base}/console")
    assert "/console/login" in page.url
    assert_readable(page)
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("#login")
    page.wait_for_url(f"{base}/console")


def test_business_flow_end_to_end(shop, browser, eval_dir, artifacts_dir, tmp_path):
    base, key = shop
    page = browser.new_page(viewport={"width": 1280, "height": 900})

    # 1. the customer is told what to send and what not
    page.goto(f"{base}/notice/sakura-zakka")
    assert "送らないでください" in page.text_content("#notice")
    assert page.locator("#notice-never li").count() == 4
    save_shot(page, artifacts_dir, "intake-notice-ja")
    assert_readable(page)

    # 2. the chat system posts three pictures; each gets its judgement and canned reply
    pictures = {
        "C-1001": small_jpeg(eval_dir / "images/benign/skimage_coffee.png"),
        "C-1002": small_jpeg(eval_dir / "images/en_pii/asprise_receipt.jpg", 1200),
        "C-1003": small_jpeg(eval_dir / "images/faces/fr_two_people.jpg"),
    }
    replies = {}
    with httpx.Client(base_url=base, timeout=300) as chat:
        for case_id, data in pictures.items():
            response = chat.post("/api/v1/intake/images", headers={"Authorization": f"Bearer {key}"},
                                 data={"case_id": case_id, "channel": "web-chat", "customer_ref": "cust-42", "purpose": "inquiry"},
                                 files={"image": (f"{case_id}.jpg", data, "image/jpeg")})
            assert response.status_code == 200, response.text
            replies[case_id] = response.json()
    assert [replies[c]["action"] for c in pictures] == ["accept", "ask_to_mask", "ask_to_mask"]
    assert "隠して" in replies["C-1002"]["reply"]["ja"]
    assert "顔" in replies["C-1003"]["reply"]["ja"] and "電話番号" not in replies["C-1003"]["reply"]["ja"]

    # 3. the admin sees every case and assigns the receipt to staff
    _login(page, base, "admin1")
    assert page.locator("#queue tbody tr").count() == 3
    save_shot(page, artifacts_dir, "intake-console-queue-admin")
    assert_readable(page)
    for case_id in ("C-1001", "C-1003"):  # every case page, not only the one assigned
        page.click(f"text={case_id}")
        assert_readable(page)
        page.go_back()
    page.click("text=C-1002")
    page.select_option("#assign-staff", "staff1")
    page.click("#assign")
    page.click("#logout")

    # staff see only their case, with the masked picture, and decide
    _login(page, base, "staff1")
    rows = page.locator("#queue tbody tr")
    assert rows.count() == 1 and "C-1002" in rows.first.text_content()
    page.click("text=C-1002")
    page.wait_for_function("() => { const i = document.querySelector('img.case-image'); return i && i.complete && i.naturalWidth > 0; }",
                           timeout=15_000)
    save_shot(page, artifacts_dir, "intake-console-case-staff")
    assert_readable(page)
    page.click("button[data-decision='ask_resend']")
    assert page.get_attribute(".decision-done", "data-code") == "ask_resend" and page.text_content(".decision-done") == "再送を依頼"
    page.click("#logout")

    # 4. the customer asks for deletion; the admin records it and carries it out
    _login(page, base, "admin1")
    page.goto(f"{base}/console/deletions")
    page.fill("#deletion-customer", "cust-42")
    page.click("#record-deletion")
    page.click("button.carry-out")
    assert page.text_content("tr[data-customer='cust-42'] .status") == "削除完了"
    save_shot(page, artifacts_dir, "intake-console-deletions")
    assert_readable(page)
    page.click("a.report-html")
    assert "画像削除 完了報告書" in page.text_content("h1")
    assert page.locator("#logout").count() == 0 and page.locator("nav").count() == 0  # the customer's page: no console chrome
    assert "3" in page.text_content("#completion")
    save_shot(page, artifacts_dir, "intake-completion-report")
    assert_readable(page)
    page.go_back()
    with page.expect_download() as download:
        page.click("a.report-pdf")
    pdf = tmp_path / "report.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    shutil.copy(pdf, artifacts_dir / "intake-completion-report.pdf")

    # 5. every step is in the intact audit log
    page.goto(f"{base}/console/audit")
    assert "intact" in page.text_content("#audit-status") or "完全" in page.text_content("#audit-status")
    actions = [page.locator("#audit tr td:nth-child(4)").nth(i).get_attribute("data-code")
               for i in range(page.locator("#audit tr td:nth-child(4)").count())]
    for action in ("intake", "assign", "view", "view_image", "decision", "deletion_request", "delete", "deletion_complete", "download"):
        assert action in actions
    save_shot(page, artifacts_dir, "intake-console-audit")
    assert_readable(page)
    for path in ("/console/policy", "/console/alerts", "/console/replies", "/console/retention", "/console/scans"):
        page.goto(f"{base}{path}")
        assert_readable(page)
    page.goto(f"{base}/console")
    assert page.locator("#queue tbody tr[data-case]").count() == 0
    page.close()
