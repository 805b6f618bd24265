"""POST /api/v1/check: an image in (multipart field ``file``), a gazoguard.report/1 out. Nothing is stored."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, File, Request, UploadFile

from gazoguard.profiles import Profile
from gazoguard.web.api.forms import profile_form
from gazoguard.web.uploads import read_upload

router = APIRouter(tags=["check"])


@router.post(
    "/check",
    summary="画像を確認 / check an image",
    description="画像を確認し gazoguard.report/1 を返します。画像は保存されません。/ Checks an image and returns a gazoguard.report/1. Nothing is stored.",
    responses={400: {"description": "problem+json"}, 413: {"description": "too large"}, 415: {"description": "not an image"}},
)
def check(request: Request, file: UploadFile = File(...), profile: Profile = Depends(profile_form)) -> dict[str, Any]:
    data = read_upload(file, request.app.state.settings.max_upload_bytes)
    report = request.app.state.checker.check(data, profile=profile, path=file.filename)
    if report.error is not None:
        raise report.error
    return report.to_dict()
