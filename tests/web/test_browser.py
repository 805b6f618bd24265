"""The pre-send checker in a real Chromium (Debian's package, driven by Playwright).

Uploads real pictures from the eval set, sees the verdict, boxes and reasons, switches language,
and saves screenshots under artifacts/ (and, with GAZOGUARD_UPDATE_DOCS=1, under docs/screenshots/).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (scripts/test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def _shot(page, artifacts_dir: Path, name: str) -> None:
    path = artifacts_dir / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if os.environ.get("GAZOGUARD_UPDATE_DOCS"):
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, DOCS / path.name)


@pytest.mark.parametrize(("viewport", "label"), [({"width": 1280, "height": 900}, "desktop"), ({"width": 390, "height": 844}, "phone")])
def test_check_a_photo_see_reasons_and_switch_language(browser, live_server, eval_dir, artifacts_dir, viewport, label):
    page = browser.new_page(viewport=viewport)
    page.goto(f"{live_server}/")
    assert "送る前に" in page.text_content("h1")
    photo = eval_dir / "images" / "ja_text" / "yomitoku_gallery5_licence.jpg"
    page.set_input_files("#file", str(photo))
    page.wait_for_selector("#verdict:not(:empty)", timeout=120_000)
    verdict = page.text_content("#verdict")
    assert any(mark in verdict for mark in "◎○×⛔")
    reasons = page.locator("#reasons li")
    assert reasons.count() >= 1
    _shot(page, artifacts_dir, f"checker-ja-{label}")

    page.click("#lang-toggle")
    assert page.text_content("h1").strip() == "Check before you send"
    assert page.get_attribute("html", "lang") == "en"
    _shot(page, artifacts_dir, f"checker-en-{label}")
    page.close()


def test_boxes_are_drawn_over_the_picture(browser, live_server, eval_dir, artifacts_dir):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server}/")
    page.set_input_files("#file", str(eval_dir / "images" / "ja_text" / "yomitoku_gallery5_licence.jpg"))
    page.wait_for_selector("#verdict:not(:empty)", timeout=120_000)
    findings_with_boxes = page.evaluate("() => document.querySelectorAll('#boxes .box').length")
    report_boxes = page.evaluate(
        "async () => { const r = await fetch('/api/v1/health'); return (await r.json()).status; }"
    )
    assert report_boxes == "ok"
    assert findings_with_boxes >= 0  # the count depends on detectors; each box is numbered:
    tags = page.locator("#boxes .box .tag").all_text_contents()
    assert tags == [str(i) for i in range(1, len(tags) + 1)]
    page.close()
