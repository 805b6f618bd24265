"""Errors as RFC 9457 problem+json with JA/EN messages and the request id."""

from __future__ import annotations

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from gazoguard.core.errors import GazoError

PROBLEM_TYPE = "application/problem+json"

HTTP_MESSAGES = {
    400: ("リクエストが正しくありません。", "The request is invalid."),
    404: ("見つかりません。", "Not found."),
    405: ("このメソッドは使えません。", "Method not allowed."),
    413: ("ファイルが大きすぎます。", "The upload is too large."),
    415: ("画像ファイルを送ってください。", "Please upload an image file."),
    422: ("入力が正しくありません。", "The input is invalid."),
    500: ("サーバー内部のエラーです。", "Internal server error."),
}

# GazoError codes that are the client's fault and their HTTP status
ERROR_STATUS = {
    "empty_file": 400, "not_an_image": 415, "truncated": 422, "too_many_pixels": 413, "file_too_large": 413,
    "too_small": 422, "decode_failed": 422, "unknown_profile": 400, "bad_profile": 400, "unsupported_input": 415,
    # redaction: the picture could not be made safe, or the request named unknown kinds
    "unknown_kind": 400, "check_failed": 422, "verify_failed": 422, "verify_incomplete": 422, "metadata_survived": 422,
    "unsupported_output_format": 400,
    # conversation / terms / playbooks
    "unknown_playbook": 404, "empty_text": 422, "text_too_long": 413, "too_many_files": 413,
}


def problem(request: Request, status: int, code: str, message_ja: str, message_en: str, **extra) -> JSONResponse:
    body = {
        "type": f"https://gazoguard.invalid/problems/{code}",
        "title": message_en,
        "status": status,
        "code": code,
        "message_ja": message_ja,
        "message_en": message_en,
        "request_id": getattr(request.state, "request_id", None),
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_TYPE)


def install(app) -> None:
    @app.exception_handler(GazoError)
    async def _gazo(request: Request, exc: GazoError):
        return problem(request, ERROR_STATUS.get(exc.code, 400), exc.code, exc.message_ja, exc.message_en)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        ja, en = HTTP_MESSAGES.get(exc.status_code, ("エラーです。", "Error."))
        detail = exc.detail if isinstance(exc.detail, str) else en
        return problem(request, exc.status_code, f"http_{exc.status_code}", ja, detail or en)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        ja, en = HTTP_MESSAGES[422]
        errors = [{"loc": list(e.get("loc", [])), "msg": e.get("msg", "")} for e in exc.errors()]
        return problem(request, 422, "invalid_request", ja, en, errors=errors)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        ja, en = HTTP_MESSAGES[500]
        return problem(request, 500, "internal_error", ja, en)
