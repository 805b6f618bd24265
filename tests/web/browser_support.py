"""What every browser test shares: Debian's chromium, the flags that keep it off the network, screenshots."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def save_shot(page, artifacts_dir: Path, name: str) -> None:
    """A full-page screenshot under artifacts/; also under docs/screenshots/ with GAZOGUARD_UPDATE_DOCS=1."""
    path = artifacts_dir / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if os.environ.get("GAZOGUARD_UPDATE_DOCS"):
        DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, DOCS_SCREENSHOTS / path.name)


@contextmanager
def launched_chromium() -> Iterator[object]:
    """Debian's chromium through Playwright (it cannot download browsers here); skips when it is not installed.

    One sync Playwright runs per thread at a time: a fixture holding one must close it before another opens.
    """
    import pytest

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (scripts/install.sh --test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
