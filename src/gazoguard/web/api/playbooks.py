"""GET /api/v1/playbooks[/{name}]: what to do now, step by step (Japanese, English beside)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from gazoguard import playbooks

router = APIRouter(tags=["playbooks"])


@router.get("/playbooks", summary="今すぐできること一覧 / list playbooks")
def list_playbooks() -> list[dict[str, Any]]:
    return [book.to_dict() for book in playbooks.all()]


@router.get("/playbooks/{name}", summary="手順 / one playbook", responses={404: {"description": "unknown playbook (problem+json)"}})
def get_playbook(name: str) -> dict[str, Any]:
    return playbooks.get(name).to_dict()
