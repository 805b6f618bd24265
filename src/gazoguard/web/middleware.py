"""Request ids, and an upload size limit and body read timeout enforced before the body is parsed."""

from __future__ import annotations

import asyncio
import json
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gazoguard.web.problems import HTTP_MESSAGES


class RequestIdMiddleware:
    """Gives every request an id (or keeps a sane incoming X-Request-ID) and returns it in a header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        incoming = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if 0 < len(incoming) <= 64 and incoming.replace("-", "").isalnum() else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", []).append((b"x-request-id", request_id.encode()))
            await send(message)

        await self.app(scope, receive, send_with_id)


class BodyLimitMiddleware:
    """Refuses bodies over ``limit`` bytes with 413 (by Content-Length or while streaming, chunked too) and
    closes uploads that stall: 408 when no byte arrives for ``idle_s`` or the body is not in after ``total_s``.

    The route may already be answering when the limit trips (FastAPI turns any error while parsing a form into
    a 400), so once a limit has tripped this middleware replaces whatever the route sends with its own answer.
    """

    def __init__(self, app: ASGIApp, limit: int, idle_s: float = 20.0, total_s: float = 120.0) -> None:
        self.app = app
        self.limit = limit
        self.idle_s = idle_s
        self.total_s = total_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            return await self._too_large(scope, send)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.total_s
        received = 0
        tripped: list[int] = []  # the status that replaces the route's answer: 413 or 408
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            if tripped:
                raise _BodyRefused()
            remaining = deadline - loop.time()
            if remaining <= 0:
                tripped.append(408)
                raise _BodyRefused()
            try:
                message = await asyncio.wait_for(receive(), timeout=min(self.idle_s, remaining))
            except asyncio.TimeoutError:
                tripped.append(408)
                raise _BodyRefused() from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    tripped.append(413)
                    raise _BodyRefused()
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if tripped:
                return  # the route's own answer to a refused body is dropped
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _BodyRefused:
            pass
        if tripped and not started:
            if tripped[0] == 413:
                await self._too_large(scope, send)
            else:
                await self._timed_out(scope, send)

    async def _timed_out(self, scope: Scope, send: Send) -> None:
        body = json.dumps({
            "type": "https://gazoguard.invalid/problems/body_timeout", "title": "Request timeout", "status": 408,
            "code": "body_timeout", "message_ja": "アップロードが途中で止まったため、接続を閉じました。",
            "message_en": "The upload stalled, so the connection was closed.",
            "request_id": scope.get("state", {}).get("request_id"),
        }, ensure_ascii=False).encode()
        await send({"type": "http.response.start", "status": 408,
                    "headers": [(b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    async def _too_large(self, scope: Scope, send: Send) -> None:
        ja, en = HTTP_MESSAGES[413]
        body = json.dumps({
            "type": "https://gazoguard.invalid/problems/file_too_large", "title": en, "status": 413,
            "code": "file_too_large", "message_ja": f"{ja}上限は {self.limit // (1024 * 1024)} MB です。",
            "message_en": f"{en} The limit is {self.limit // (1024 * 1024)} MB.",
            "request_id": scope.get("state", {}).get("request_id"),
        }, ensure_ascii=False).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class _BodyRefused(Exception):
    """Raised into the route when its body went over the limit or stalled."""
