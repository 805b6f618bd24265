"""GET /api/v1/profiles: the shipped profiles with a one-line description each."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from gazoguard.profiles import list_profiles

router = APIRouter(tags=["profiles"])


@router.get("/profiles", summary="プロファイル一覧 / list profiles")
def profiles() -> list[dict[str, Any]]:
    return [
        {"name": p.name, "ja": p.ja, "en": p.en, "description_ja": p.description_ja, "description_en": p.description_en}
        for p in list_profiles()
    ]
