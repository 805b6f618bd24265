"""Web fixtures: an in-process client and a real server on loopback, both with one shared engine."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import uvicorn
from fastapi.testclient import TestClient

from gazoguard.web.app import create_app
from gazoguard.web.checker import Checker
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(checker, web_settings):
    """The real app served by uvicorn on 127.0.0.1 in a background thread."""
    port = _free_port()
    config = uvicorn.Config(create_app(web_settings, checker=checker), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started:
        if time.time() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for every browser test."""
    from browser_support import launched_chromium

    with launched_chromium() as b:
        yield b
