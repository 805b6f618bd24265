"""The hash registry for platforms, under /api/v1/registry.

* ``POST /registry/registrations`` — register a hash file (made by ``gazoguard hash``) with a case number
  and a withdrawal PIN; multipart (``file``, ``case_no``, ``pin``) or JSON (``hashfile``, ``case_no``, ``pin``).
  Anyone may register (the person whose pictures they are has no key), a few times per hour per client.
* ``POST /registry/registrations/{id}/withdraw`` — withdraw it with the PIN; wrong PINs are throttled per
  client (and per client and registration), so a stranger's guesses never lock the owner out.
* ``POST /registry/match`` — match an uploaded picture.  Anonymous callers (rate-limited) learn only whether
  it matched; a ``platform`` key also the distances; only an ``operator`` key the registration ids and case
  numbers.  Never image data.
* ``GET /registry/stats`` — a ``platform`` or ``operator`` key.

Keys (``Authorization: Bearer gzr_…``) are made with ``gazoguard registry key create NAME --role …``.

The registry lives in ``settings.data_dir / "registry"``, created on first use.
"""

from __future__ import annotations

import json
import math
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile as StarletteUploadFile

from gazoguard.core.errors import GazoError
from gazoguard.hashes.keys import RegistryKey, key_for
from gazoguard.hashes.registry import DEFAULT_THRESHOLD, MAX_THRESHOLD
from gazoguard.hashes.service import MIN_SECRET_LENGTH, match_image, open_registry, register_hashfile, withdraw
from gazoguard.web.problems import problem
from gazoguard.web.throttle import FailureThrottle, client_address
from gazoguard.web.uploads import read_upload

router = APIRouter(tags=["registry"])

MAX_HASHFILE_BYTES = 8 * 1024 * 1024  # ~6 000 pictures; a hash file holds no pixels
MAX_PIN_LENGTH = 128
MAX_CASE_NO_LENGTH = 100
STATUS = {
    "bad_hashfile": 422, "no_hashes": 422, "weak_secret": 422, "bad_threshold": 422, "bad_registration": 422,
    "wrong_secret": 403, "registry_corrupt": 503, "registry_not_found": 503, "unsupported_input": 415,
    "file_too_large": 413, "bad_api_key": 401, "key_required": 401,
}
_LIMITER_LOCK = threading.Lock()
MAX_ATTEMPTS = 5  # wrong PINs per registration per client per window
PIN_FAILURES_PER_CLIENT = 20
PIN_WINDOW_S = 600.0
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(HTTPBearer(auto_error=False, scheme_name="registry_key",
                                                                           description="gazoguard registry key create"))]


class WithdrawBody(BaseModel):
    pin: str = Field(min_length=1, max_length=MAX_PIN_LENGTH, description="登録時の暗証番号 / the PIN given at registration")


def registry_root(request: Request) -> Path:
    root = Path(request.app.state.settings.data_dir) / "registry"
    open_registry(str(root), True)  # creates the folder and an empty registry on first use
    return root


def throttle(request: Request, name: str, limits: dict[str, int], window_s: float) -> FailureThrottle:
    """One in-memory throttle per app and purpose (created on first use)."""
    with _LIMITER_LOCK:
        throttles = getattr(request.app.state, "registry_throttles", None)
        if throttles is None:
            throttles = request.app.state.registry_throttles = {}
        if name not in throttles:
            throttles[name] = FailureThrottle(limits, window_s)
        return throttles[name]


def caller(request: Request, credentials: HTTPAuthorizationCredentials | None) -> RegistryKey | None:
    """The registry key of the request, ``None`` for anonymous; a key that is not valid is refused (401)."""
    if credentials is None:
        return None
    found = key_for(registry_root(request), credentials.credentials)
    if found is None:
        raise GazoError("bad_api_key")
    return found


def _limited(request: Request, name: str, per_hour: int) -> JSONResponse | None:
    limiter, keys = throttle(request, name, {"client": per_hour}, 3600.0), [("client", client_address(request))]
    wait_s = limiter.blocked(keys)
    if wait_s is not None:
        return _too_many(request, wait_s)
    limiter.fail(keys)  # counts every request, not only failures: at most per_hour an hour
    return None


def _too_many(request: Request, wait_s: float) -> JSONResponse:
    minutes = max(1, math.ceil(wait_s / 60))
    response = problem(request, 429, "too_many_attempts",
                       f"試行回数が上限に達しました。{minutes} 分後にもう一度お試しください。",
                       f"Too many attempts. Try again in {minutes} minutes.")
    response.headers["Retry-After"] = str(math.ceil(wait_s))
    return response


def _gazo_problem(request: Request, err: GazoError) -> JSONResponse:
    return problem(request, STATUS.get(err.code, 400), err.code, err.message_ja, err.message_en)


@router.post(
    "/registry/registrations",
    status_code=201,
    summary="ハッシュファイルを登録 / register a hash file",
    description=(
        "`gazoguard hash` で作ったハッシュファイルを、事件・相談番号と取り下げ用の暗証番号（6 文字以上）とともに登録します。"
        " multipart（file, case_no, pin）または JSON（hashfile, case_no, pin）。"
        " / Register a hash file made by `gazoguard hash` with a case number and a withdrawal PIN (≥ 6 characters),"
        " as multipart (file, case_no, pin) or JSON (hashfile, case_no, pin)."
    ),
    responses={201: {"description": "registration id"}, 413: {"description": "too large"},
               422: {"description": "invalid hash file, case number or PIN (problem+json)"}},
    openapi_extra={"requestBody": {"required": True, "content": {
        "multipart/form-data": {"schema": {"type": "object", "required": ["file", "case_no", "pin"], "properties": {
            "file": {"type": "string", "format": "binary"}, "case_no": {"type": "string"}, "pin": {"type": "string"}}}},
        "application/json": {"schema": {"type": "object", "required": ["hashfile", "case_no", "pin"], "properties": {
            "hashfile": {"type": "object"}, "case_no": {"type": "string"}, "pin": {"type": "string"}}}},
    }}},
)
async def register(request: Request, credentials: Bearer = None) -> Any:
    try:
        key = caller(request, credentials)
        if key is None or key.role != "operator":
            limited = _limited(request, "registrations", request.app.state.settings.registry_registrations_per_hour)
            if limited is not None:
                return limited
        hashfile, case_no, pin = await _registration_fields(request)
        # scrypt, SQLite and fsync: off the event loop
        submission = await run_in_threadpool(
            lambda: register_hashfile(registry_root(request), hashfile, case_no=case_no, secret=pin)
        )
    except GazoError as err:
        return _gazo_problem(request, err)
    return {
        "registration_id": submission.submission_id,
        "case_no": submission.case_no,
        "created_at": submission.created_at,
        "items": submission.items,
        "hashes": submission.hashes,
        "low_quality_items": submission.low_quality,
    }


async def _registration_fields(request: Request) -> tuple[dict[str, Any], str, str]:
    content_type = request.headers.get("content-type", "").lower()
    if content_type.startswith("multipart/form-data"):
        async with request.form(max_files=1, max_fields=4, max_part_size=MAX_HASHFILE_BYTES) as form:
            upload = form.get("file")
            if not isinstance(upload, StarletteUploadFile):
                raise GazoError("bad_registration", detail="file")
            raw = await upload.read(MAX_HASHFILE_BYTES + 1)
            fields: dict[str, Any] = {"case_no": form.get("case_no"), "pin": form.get("pin")}
        fields["hashfile"] = _json(raw, "file")
    elif content_type.startswith("application/json"):
        raw = await _body_capped(request, MAX_HASHFILE_BYTES + 64 * 1024)
        fields = _json(raw, "body")
        if not isinstance(fields, dict):
            raise GazoError("bad_registration", detail="body")
    else:
        raise GazoError("unsupported_input", detail=f"content-type {content_type or 'none'}")
    hashfile, case_no, pin = fields.get("hashfile"), fields.get("case_no"), fields.get("pin")
    if not isinstance(hashfile, dict):
        raise GazoError("bad_registration", detail="hashfile")
    if not isinstance(case_no, str) or not case_no.strip() or len(case_no) > MAX_CASE_NO_LENGTH:
        raise GazoError("bad_registration", detail=f"case_no (1–{MAX_CASE_NO_LENGTH})")
    if not isinstance(pin, str) or len(pin) > MAX_PIN_LENGTH:
        raise GazoError("bad_registration", detail=f"pin ({MIN_SECRET_LENGTH}–{MAX_PIN_LENGTH})")
    return hashfile, case_no.strip(), pin


def _json(raw: bytes, what: str) -> Any:
    if len(raw) > MAX_HASHFILE_BYTES:
        raise GazoError("file_too_large", limit_mb=MAX_HASHFILE_BYTES // (1024 * 1024))
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise GazoError("bad_hashfile", path=what, detail=str(exc)[:120]) from None


async def _body_capped(request: Request, limit: int) -> bytes:
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise GazoError("file_too_large", limit_mb=limit // (1024 * 1024))
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "/registry/registrations/{registration_id}/withdraw",
    summary="登録を取り下げる / withdraw a registration",
    description=(
        "暗証番号で登録を取り下げ、そのハッシュを消去します。間違った暗証番号は接続元ごとに 10 分間 5 回（登録ごと）・"
        "20 回（全体）まで。 / Withdraw a registration with its PIN; its hashes are erased. Wrong PINs are limited per"
        " client: 5 per registration and 20 in all per 10 minutes."
    ),
    responses={403: {"description": "wrong PIN or no such registration"}, 429: {"description": "too many attempts"}},
    openapi_extra={"security": []},
)
def withdraw_registration(request: Request, registration_id: str, body: WithdrawBody) -> Any:
    client = client_address(request)
    keys = [("pair", client, registration_id[:64]), ("client", client)]
    pins = throttle(request, "pins", {"pair": MAX_ATTEMPTS, "client": PIN_FAILURES_PER_CLIENT}, PIN_WINDOW_S)
    wait_s = pins.blocked(keys)
    if wait_s is not None:
        return _too_many(request, wait_s)
    try:
        removed = withdraw(registry_root(request), registration_id, body.pin)
    except GazoError as err:
        if err.code == "wrong_secret":
            pins.fail(keys)
        return _gazo_problem(request, err)
    return {"registration_id": registration_id, "withdrawn": True, "hashes_removed": removed}


@router.post(
    "/registry/match",
    summary="画像を登録簿と照合 / match a picture against the registry",
    description=(
        "アップロードされた画像の PDQ ハッシュを登録簿と照合します。鍵なしでは一致したかどうかだけ（接続元ごとに回数制限）、"
        "platform 鍵では距離も、operator 鍵では登録 ID と事件番号も返します。画像は保存されず、応答に画像データは含まれません。"
        " / Matches the upload's PDQ hashes against the registry. Without a key: only whether it matched (rate-limited"
        " per client); a platform key adds the distances, an operator key the registration ids and case numbers."
        " The picture is not stored and no image data is returned."
    ),
    responses={401: {"description": "the key is not valid"}, 413: {"description": "too large"},
               415: {"description": "not an image"}, 429: {"description": "too many anonymous matches"}},
)
def match(
    request: Request,
    file: Annotated[UploadFile, File(description="照合する画像 / the picture to match")],
    max_distance: Annotated[
        int, Query(ge=0, le=MAX_THRESHOLD, description="PDQ ハミング距離の上限 / max PDQ Hamming distance")
    ] = DEFAULT_THRESHOLD,
    credentials: Bearer = None,
) -> Any:
    try:
        key = caller(request, credentials)
    except GazoError as err:
        return _gazo_problem(request, err)
    if key is None:
        limited = _limited(request, "anonymous_matches", request.app.state.settings.registry_anonymous_matches_per_hour)
        if limited is not None:
            return limited
    data = read_upload(file, request.app.state.settings.max_upload_bytes)
    try:
        result = match_image(registry_root(request), data, threshold=max_distance)
    except GazoError as err:
        if err.code.startswith("registry_"):
            return _gazo_problem(request, err)
        raise  # an unreadable picture: the app's usual problem+json
    answer: dict[str, Any] = {"matched": result.matched, "max_distance": max_distance, "quality": result.quality,
                              "low_quality": result.low_quality}
    if key is not None:  # a platform learns how close, never whose; an operator also whose
        answer["matches"] = [_match_row(m, operator=key.role == "operator") for m in result.matches]
    return answer


def _match_row(m: Any, *, operator: bool) -> dict[str, Any]:
    row: dict[str, Any] = {"item": m.item, "variant": m.variant, "distance": m.distance}
    if operator:
        row.update(registration_id=m.submission_id, case_no=m.case_no)
    return row


@router.get("/registry/stats", summary="登録状況 / registry statistics (platform or operator key)",
            responses={401: {"description": "a key is required"}})
def stats(request: Request, credentials: Bearer = None) -> Any:
    try:
        if caller(request, credentials) is None:
            raise GazoError("key_required")
        return open_registry(str(registry_root(request))).stats()
    except GazoError as err:
        return _gazo_problem(request, err)
