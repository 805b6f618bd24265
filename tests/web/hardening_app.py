"""A full app (every router and middleware) with the scripted checker: fast, no models, for the hardening tests."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from gazoguard.intake.testing import ScriptedChecker
from gazoguard.web.app import create_app
from gazoguard.web.settings import Settings

LOCAL = "http://127.0.0.1"


def hardened_client(data_dir: Path, **settings) -> TestClient:  # type: ignore[no-untyped-def]
    config = Settings(warm_up=False, data_dir=data_dir, retention_interval_s=0, max_upload_mb=1, **settings)
    return TestClient(create_app(config, checker=ScriptedChecker()), base_url=LOCAL, follow_redirects=False)
