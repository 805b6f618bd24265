"""A chunked upload over the limit gets 413 (not 400), and an upload that stalls is closed (408)."""

from __future__ import annotations

import asyncio
import threading
import json

import pytest

from gazoguard.web.middleware import BodyLimitMiddleware
from hardening_app import hardened_client

BOUNDARY = "gazoguardboundary"


def _run_in_own_thread(coroutine) -> None:  # noqa: ANN001
    """asyncio.run in a thread of its own: a sync Playwright left open by a browser test keeps a loop in this one."""
    errors: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(coroutine)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            errors.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]


def _multipart_chunks(size: int):
    yield f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n".encode()
    sent = 0
    while sent < size:
        yield b"\0" * 65536
        sent += 65536
    yield f"\r\n--{BOUNDARY}--\r\n".encode()


@pytest.mark.parametrize("path", ["/api/v1/check", "/api/v1/redact", "/api/v1/registry/match"])
def test_a_chunked_upload_over_the_limit_is_413(tmp_path, path):
    with hardened_client(tmp_path / "data") as client:  # limit: 1 MB
        response = client.post(path, content=_multipart_chunks(3 * 1024 * 1024),
                               headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
    assert "content-length" not in response.request.headers  # really chunked
    assert response.status_code == 413, response.text
    assert response.json()["code"] == "file_too_large"


def _run(app, messages, timeout_s: float = 5.0):
    """Drive an ASGI app with scripted receive() messages (None: never answers) and collect what it sends."""
    sent = []

    async def receive():
        item = messages.pop(0) if messages else None
        if item is None:
            await asyncio.sleep(3600)
        return item

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/", "headers": [(b"content-type", b"application/octet-stream")]}
    _run_in_own_thread(asyncio.wait_for(app(scope, receive, send), timeout_s))
    return sent


async def _reading_app(scope, receive, send):
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": str(len(body)).encode()})


async def _swallowing_app(scope, receive, send):
    """Like FastAPI's form parsing: any error while reading becomes a 400."""
    try:
        await _reading_app(scope, receive, send)
    except Exception:
        await send({"type": "http.response.start", "status": 400, "headers": []})
        await send({"type": "http.response.body", "body": b"There was an error parsing the body"})


def test_a_stalled_upload_is_closed_with_408():
    app = BodyLimitMiddleware(_swallowing_app, limit=1000, idle_s=0.2, total_s=10)
    sent = _run(app, [{"type": "http.request", "body": b"x" * 10, "more_body": True}, None])
    assert sent[0]["status"] == 408 and json.loads(sent[1]["body"])["code"] == "body_timeout"
    assert (b"connection", b"close") in sent[0]["headers"]


def test_a_trickling_upload_is_closed_at_the_total_deadline():
    """One byte every 50 ms never trips the idle timeout (5 s), but the whole body must be in within 0.3 s."""
    sent = []

    async def trickle():
        await asyncio.sleep(0.05)
        return {"type": "http.request", "body": b"x", "more_body": True}

    async def send(message):
        sent.append(message)

    app = BodyLimitMiddleware(_swallowing_app, limit=10**9, idle_s=5, total_s=0.3)
    _run_in_own_thread(asyncio.wait_for(app({"type": "http", "method": "POST", "path": "/", "headers": []}, trickle, send), 5))
    assert sent[0]["status"] == 408


def test_a_body_that_arrives_in_time_is_untouched():
    app = BodyLimitMiddleware(_reading_app, limit=1000, idle_s=1, total_s=5)
    sent = _run(app, [{"type": "http.request", "body": b"x" * 10, "more_body": True}, {"type": "http.request", "body": b"y" * 5}])
    assert sent[0]["status"] == 200 and sent[1]["body"] == b"15"


def test_the_route_answer_to_a_body_over_the_limit_is_replaced_by_413():
    app = BodyLimitMiddleware(_swallowing_app, limit=100, idle_s=1, total_s=5)
    sent = _run(app, [{"type": "http.request", "body": b"x" * 80, "more_body": True}, {"type": "http.request", "body": b"y" * 80}])
    assert [m["status"] for m in sent if "status" in m] == [413]
