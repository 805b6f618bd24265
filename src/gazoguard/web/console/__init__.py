"""The review console (login, queue, cases, replies, policy, retention, deletions, audit) and the intake API."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from gazoguard.intake.gateway import Gateway
from gazoguard.intake.retention import RetentionScheduler
from gazoguard.web.console import admin, auth, cases, notice
from gazoguard.web.console.deps import Denied, LoginRequired
from gazoguard.web.console.render import render


def install(app: FastAPI, settings) -> Gateway:  # type: ignore[no-untyped-def]
    """Open the database (migrating it) and the vault, mount the console and the intake API."""
    from gazoguard.web.api import intake as intake_api

    gateway = Gateway.from_settings(settings)
    app.state.gateway = gateway
    for module in (auth, cases, admin, notice):
        app.include_router(module.router)
    app.include_router(intake_api.router, prefix="/api/v1")

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, exc: LoginRequired):
        if request.method == "GET" and not request.url.path.startswith("/api/"):
            return RedirectResponse(f"/console/login?next={request.url.path}", status_code=303)
        return JSONResponse({"code": "login_required", "message_ja": "ログインしてください。", "message_en": "Please sign in."},
                            status_code=401, media_type="application/problem+json")

    @app.exception_handler(Denied)
    async def _denied(request: Request, exc: Denied) -> HTMLResponse:
        return render(request, "console/denied.html", {}, status_code=403)

    _run_retention_while_serving(app, gateway, settings.retention_interval_s)
    return gateway


def _run_retention_while_serving(app: FastAPI, gateway: Gateway, interval_s: float) -> None:
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(a: FastAPI):
        scheduler = RetentionScheduler(gateway.store, gateway.vault, interval_s) if interval_s > 0 else None
        if scheduler:
            scheduler.start()
        try:
            async with inner(a) as state:
                yield state
        finally:
            if scheduler:
                scheduler.stop()

    app.router.lifespan_context = lifespan
