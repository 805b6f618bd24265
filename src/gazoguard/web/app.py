"""The app factory: ``create_app()`` builds the FastAPI app with its engine, routes and pages."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.formparsers import MultiPartParser

from gazoguard.core.version import __version__
from gazoguard.web import docs as api_docs
from gazoguard.web import openapi as api_openapi
from gazoguard.web import problems
from gazoguard.intake.gateway import Gateway
from gazoguard.web.api import check, evidence, health, intake, playbooks, profiles, redact, registry, talk, terms
from gazoguard.web.checker import Checker
from gazoguard.web.console import install as install_console
from gazoguard.web.middleware import BodyLimitMiddleware, RequestIdMiddleware
from gazoguard.web.pages import router as pages_router
from gazoguard.web.security import BrowserGuardMiddleware, allowed_hosts
from gazoguard.web.settings import Settings

HERE = Path(__file__).parent


def create_app(settings: Settings | None = None, checker: Checker | None = None) -> FastAPI:
    settings = settings or Settings()
    # Uploads stay in memory up to the upload limit: the pre-send checker must never write a picture to disk.
    MultiPartParser.spool_max_size = settings.max_upload_bytes + 1024 * 1024
    MultiPartParser.max_part_size = settings.max_upload_bytes + 1024 * 1024

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.checker = checker or Checker()
        if settings.warm_up:
            threading.Thread(target=app.state.checker.warm_up, name="gazoguard-warm-up", daemon=True).start()
        gateway.serve_retention(settings.retention_interval_s)  # with or without the console
        gateway.serve_alerts(settings)
        try:
            yield
        finally:
            gateway.stop_alerts()
            gateway.stop_retention()
            if checker is None:
                app.state.checker.close()

    app = FastAPI(
        title="gazoguard API",
        version=__version__,
        description="画像ガード: 送る前に写真の危険を確認するオフライン API / offline API that checks pictures before they are sent.",
        lifespan=lifespan,
        docs_url=None,  # served by web/docs.py from package files
        redoc_url=None,
    )
    app.state.settings = settings
    gateway = Gateway.from_settings(settings)
    app.state.gateway = gateway
    if checker is not None:
        app.state.checker = checker
    problems.install(app)
    for api in (check, redact, talk, terms, playbooks, profiles, registry, evidence, health, intake):
        app.include_router(api.router, prefix="/api/v1")
    app.include_router(pages_router)
    if settings.console:
        install_console(app)
    api_docs.install(app)
    api_openapi.install(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(BodyLimitMiddleware, limit=settings.max_upload_bytes + 64 * 1024,
                       idle_s=settings.body_idle_timeout_s, total_s=settings.body_total_timeout_s)
    app.add_middleware(BrowserGuardMiddleware, hosts=allowed_hosts(settings.host, settings.allowed_hosts))
    app.add_middleware(RequestIdMiddleware)
    return app
