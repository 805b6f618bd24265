"""Browser-facing guards on every request: the Host allow-list, the Origin check and the security headers.

* **Host** — a request whose Host header is not an allowed name is refused (400) before any route runs, so a
  DNS-rebinding page (``evil.example`` resolving to 127.0.0.1) cannot talk to a local server.
* **Origin / Sec-Fetch-Site** — a state-changing request (anything but GET, HEAD, OPTIONS) that a browser marks
  as coming from another site, or whose Origin is not this server, is refused (403).  Requests without either
  header (curl, a chat system, a platform's back end) are not browsers acting for a web page and pass.
* **Headers** — every response carries a Content-Security-Policy (no inline script, nothing from other hosts,
  never framed), X-Frame-Options, Referrer-Policy, X-Content-Type-Options and a Permissions-Policy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WILDCARD_BINDS = ("0.0.0.0", "::", "")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI sets inline style attributes on its own elements; scripts stay 'self' only
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
HEADERS = (
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def allowed_hosts(bind_host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """Loopback names, the configured listen address (unless it is a wildcard) and any extra names, lower-case."""
    names = {*LOOPBACK_HOSTS, *(h.strip().lower() for h in extra if h.strip())}
    if bind_host.strip().lower() not in WILDCARD_BINDS:
        names.add(bind_host.strip().lower().strip("[]"))
    return frozenset(names)


def host_name(value: str) -> str:
    """The name part of a Host header or an Origin's authority: ``[::1]:8000`` → ``::1``, ``a:80`` → ``a``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


def _origin_authority(origin: str) -> str | None:
    scheme, sep, rest = origin.partition("://")
    if not sep or scheme not in ("http", "https") or not rest or "/" in rest:
        return None
    return rest.lower()


class BrowserGuardMiddleware:
    """Host allow-list, cross-site refusal for state-changing requests, security headers on every response."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
        host = headers.get(b"host", "")
        refusal = self._refusal(scope["method"], host, headers)
        docs = scope.get("path", "").startswith("/docs")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(b"content-security-policy", (DOCS_CSP if docs else CSP).encode())]
                extra += [h for h in HEADERS if h[0] not in present]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        if refusal is not None:
            return await _refuse(scope, send_with_headers, *refusal)
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, method: str, host: str, headers: dict[bytes, str]) -> tuple[int, str, str, str] | None:
        if host_name(host) not in self.hosts:
            return (400, "bad_host", "このホスト名では受け付けません。",
                    "This host name is not served here (allowed: loopback and the configured names).")
        if method in SAFE_METHODS:
            return None
        fetch_site = headers.get(b"sec-fetch-site", "").lower()
        if fetch_site in ("cross-site", "same-site"):
            return 403, "cross_site_request", "ほかのサイトからの送信は受け付けません。", "Requests sent by another site are refused."
        if fetch_site == "same-origin":
            # set by the browser, never by page script; under our own `Referrer-Policy: no-referrer`
            # a same-origin form POST carries `Origin: null`, so the Origin check below cannot decide it
            return None
        origin = headers.get(b"origin")
        if origin is not None:
            authority = _origin_authority(origin)
            if authority is None or authority != host.strip().lower():
                return 403, "cross_site_request", "ほかのサイトからの送信は受け付けません。", "Requests sent by another site are refused."
        return None


async def _refuse(scope: Scope, send: Send, status: int, code: str, ja: str, en: str) -> None:
    body = json.dumps({
        "type": f"https://gazoguard.invalid/problems/{code}", "title": en, "status": status, "code": code,
        "message_ja": ja, "message_en": en, "request_id": scope.get("state", {}).get("request_id"),
    }, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
