"""POST /api/v1/redact: an image in, a verified redacted copy out, made in memory. Nothing is stored.

``?format=image`` answers with the image bytes themselves and a one-line ASCII summary in the
``X-Gazoguard-Redaction`` header; the default answers JSON with the redaction result, the check report
and the image as base64.
"""

from __future__ import annotations

import base64
import json
from typing import Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from gazoguard.imaging.picture import load_picture
from gazoguard.profiles import Profile
from gazoguard.web.api.forms import profile_form
from gazoguard.web.uploads import read_upload

router = APIRouter(tags=["redact"])

MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
SUFFIXES = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
SUMMARY_HEADER = "X-Gazoguard-Redaction"
MAX_SIDE_RANGE = (64, 8192)


@router.post(
    "/redact",
    summary="隠したコピーを作る / make a redacted copy",
    description=(
        "見つかったものを隠した新しい画像を作り、隠せたことを再確認して返します。画像は保存されません。"
        " / Covers what the check found in a fresh file, re-checks it, and returns it. Nothing is stored."
        " `?format=image` returns the image bytes, with a JSON summary in the X-Gazoguard-Redaction header."
    ),
    responses={
        200: {"content": {"image/jpeg": {}, "image/png": {}, "image/webp": {}}, "description": "JSON, or the image with ?format=image"},
        400: {"description": "problem+json"}, 413: {"description": "too large"}, 415: {"description": "not an image"},
        422: {"description": "the picture could not be redacted safely (problem+json)"},
    },
)
def redact(
    request: Request,
    file: UploadFile = File(...),
    profile: Profile = Depends(profile_form),
    kinds: str | None = Form(None, max_length=500, description="隠す種類（カンマ区切り）/ kinds or categories to cover, comma-separated"),
    max_side: int | None = Form(None, ge=MAX_SIDE_RANGE[0], le=MAX_SIDE_RANGE[1], description="長辺の上限（縮小）/ downscale to this longest side"),
    format: Literal["json", "image"] = Query("json", description="json (default) or image"),  # noqa: A002 - the public parameter name
) -> Any:
    data = read_upload(file, request.app.state.settings.max_upload_bytes)
    # decoded without the upload's name: a picture that has a path would make redact() write next to it
    picture = load_picture(data)
    checker = request.app.state.checker
    report = checker.check(picture, profile=profile)
    if report.error is not None:
        raise report.error
    result = checker.redact(picture, report=report, profile=profile, kinds=kinds or None, max_side=max_side)
    if result.output is not None or result.preview is not None:
        raise RuntimeError("in-memory redaction wrote a file")  # an invariant of this endpoint: fail loudly
    if format == "image":
        return _image_response(result)
    body = {
        "redaction": result.to_dict(),
        "report": report.to_dict(),
        "image": {"media_type": MEDIA_TYPES[result.format], "base64": base64.b64encode(result.data).decode("ascii")},
    }
    return body


def summary(result: Any) -> dict[str, Any]:
    """The few facts a client of ``?format=image`` needs, small enough for one header."""
    out = result.to_dict()
    return {
        "schema": out["schema"], "verified": out["verified"], "complete": out["complete"],
        "covered": len(out["covered"]), "not_covered": len(out["not_covered"]), "stripped": len(out["stripped"]),
        "passes": out["passes"], "format": out["format"], "size_out": out["size_out"],
        "kinds": sorted({c["kind"] for c in out["covered"]}),
    }


def _image_response(result: Any) -> Response:
    # ensure_ascii keeps the header latin-1 safe; kinds are ASCII identifiers anyway
    header = json.dumps(summary(result), ensure_ascii=True, separators=(",", ":"))
    filename = f"redacted.{SUFFIXES[result.format]}"
    return Response(
        content=result.data,
        media_type=MEDIA_TYPES[result.format],
        headers={SUMMARY_HEADER: header, "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )
