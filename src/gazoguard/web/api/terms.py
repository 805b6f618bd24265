"""POST /api/v1/terms: a service's terms or privacy text in, its safe / danger / missing signals out (gazoguard.terms/1)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Form

from gazoguard.core.errors import GazoError
from gazoguard.terms import check_terms
from gazoguard.web.text_input import MAX_TEXT_CHARS, checked_text

router = APIRouter(tags=["terms"])


@router.post(
    "/terms",
    summary="利用規約のチェック / check terms of service",
    description=(
        "利用規約・プライバシーポリシーの文章から、年齢制限・通報機能・画像の保存と削除・AI 学習への利用・保存期間・"
        "第三者提供について、安全寄り・危険寄り・記載なしを根拠の文とともに返します。/ Which protective or risky answers a"
        f" service's terms give, with the supporting sentences; missing topics are reported as missing. Up to {MAX_TEXT_CHARS:,} characters."
    ),
    responses={413: {"description": "too long"}, 422: {"description": "no text given"}},
)
def terms(text: str = Form(..., description="規約・ポリシーの本文 / the terms or privacy text")) -> dict[str, Any]:
    if not text.strip():
        raise GazoError("empty_text")
    return check_terms(checked_text(text)).to_dict()
