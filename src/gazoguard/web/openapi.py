"""The OpenAPI document states the error contract every operation really has.

Every error is RFC 9457 problem+json (``web/problems.py``), whatever FastAPI would document by default (its
422 ``HTTPValidationError`` is not what the app sends).  The guards in front of every route add their own
answers: 400 (Host not served), 403 (cross-site), 408 (stalled upload), 413 (too large).  Each operation
lists those, the codes its handler can give, and — with one schema — what a problem looks like.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status", "code", "message_ja", "message_en"],
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
        "code": {"type": "string"}, "message_ja": {"type": "string"}, "message_en": {"type": "string"},
        "request_id": {"type": ["string", "null"]},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
}
ERRORS = {
    "400": "リクエストが不正、またはこのホスト名では受け付けません / invalid request, or a host name not served",
    "401": "API キーが必要、または正しくありません / an API key is required or invalid",
    "403": "ほかのサイトからの送信、または権限がありません / sent by another site, or not allowed",
    "404": "見つかりません / not found",
    "408": "アップロードが止まりました / the upload stalled",
    "413": "大きすぎます / too large",
    "415": "対応していない形式です / unsupported media type",
    "422": "入力が正しくありません / the input is invalid",
    "429": "回数の上限です（Retry-After）/ too many attempts (Retry-After)",
    "503": "サービスを使えません / the service is not available",
}
PROBLEM_CONTENT = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
            for item in schema.get("paths", {}).values():
                for operation in item.values():
                    _add_errors(operation)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _add_errors(operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    for status, description in ERRORS.items():
        entry = responses.setdefault(status, {"description": description})
        entry["content"] = PROBLEM_CONTENT  # never FastAPI's HTTPValidationError: the app sends problem+json
    responses.setdefault("500", {"description": "サーバー内部のエラー / internal error", "content": PROBLEM_CONTENT})
