"""GET /api/v1/health: liveness and whether the models are loaded."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from gazoguard.core.version import __version__

router = APIRouter(tags=["health"])


@router.get("/health", summary="稼働確認 / health")
def health(request: Request) -> dict[str, Any]:
    checker = request.app.state.checker
    return {"status": "ok", "version": __version__, "detectors": checker.engine.registry.names(), "warm": checker.warm}
