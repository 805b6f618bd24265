"""Web fixtures: an in-process client and a real server on loopback, both with one shared engine."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from gazoguard.web.app import create_app
from gazoguard.web.checker import Checker
from gazoguard.web.loopback import serving
from gazoguard.web.settings import Settings


@pytest.fixture(scope="session")
def checker(engine) -> Checker:
    return Checker(engine)


@pytest.fixture(scope="session")
def web_settings(tmp_path_factory) -> Settings:
    return Settings(warm_up=False, max_upload_mb=5, data_dir=tmp_path_factory.mktemp("web-data"))


@pytest.fixture()
def client(checker, web_settings):
    with TestClient(create_app(web_settings, checker=checker), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="session")
def live_server(checker, web_settings):
    """The real app served by uvicorn on 127.0.0.1 in a background thread."""
    with serving(create_app(web_settings, checker=checker)) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for every browser test."""
    from browser_support import launched_chromium

    with launched_chromium() as b:
        yield b
