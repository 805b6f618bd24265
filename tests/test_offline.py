"""A check makes no network connection at all: sockets are blocked while the real engine runs."""

from __future__ import annotations

import socket

import pytest


@pytest.fixture()
def no_network(monkeypatch):
    attempts: list[object] = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError("network access blocked by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse(None, a))
    return attempts


def test_full_check_of_a_real_image_needs_no_network(no_network, eval_dir):
    from gazoguard.pipeline.engine import Engine

    engine = Engine()
    report = engine.check(eval_dir / "images" / "ja_text" / "yomitoku_gallery5_licence.jpg")
    engine.close()
    assert report.ok
    assert not any(r.status.value == "failed" and "network" in (r.error or "") for r in report.runs)
    assert no_network == []
