"""Where a picture is processed, said truthfully for the way the page is served (the footer of every page).

Only when the server listens on loopback *and* the request comes from loopback (no proxy in between) is the
person's own device doing the work; otherwise the picture goes to the server they reached, and no further.
"""

from __future__ import annotations

import ipaddress

from fastapi import Request


def _loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_this_device(request: Request) -> bool:
    server = request.scope.get("server") or (None, None)
    client = request.client.host if request.client else None
    proxied = "x-forwarded-for" in request.headers or "forwarded" in request.headers
    return _loopback(server[0]) and _loopback(client) and not proxied


def processing_place(request: Request) -> tuple[str, str]:
    """The footer sentence, (Japanese, English)."""
    if is_this_device(request):
        return ("画像や文章はこの端末の中だけで処理され、保存も送信もされません。",
                "Pictures and text are processed on this device only: never stored, never sent anywhere.")
    host = request.url.hostname or "?"
    return (f"画像や文章はサーバー（{host}）で処理され、保存されず、そこから先へは送られません。",
            f"Pictures and text are processed on the server at {host}: not stored, and not sent any further.")
