"""The review console (login, queue, cases, replies, policy, retention, deletions, alerts, audit, scans), mounted on an app with a gateway."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from gazoguard.web.console import admin, alerts, auth, cases, notice, scans
from gazoguard.web.console.deps import Denied, LoginRequired
from gazoguard.web.console.render import render


def install(app: FastAPI) -> None:
    """Mount the console's pages on ``app``, whose ``state.gateway`` the intake mount opened."""
    for module in (auth, cases, admin, alerts, notice, scans):
        app.include_router(module.router)

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, exc: LoginRequired):
        if request.method == "GET" and not request.url.path.startswith("/api/"):
            return RedirectResponse(f"/console/login?next={request.url.path}", status_code=303)
        return JSONResponse({"code": "login_required", "message_ja": "ログインしてください。", "message_en": "Please sign in."},
                            status_code=401, media_type="application/problem+json")

    @app.exception_handler(Denied)
    async def _denied(request: Request, exc: Denied) -> HTMLResponse:
        return render(request, "console/denied.html", {}, status_code=403)
