"""POST /api/v1/evidence/verify: check an exported evidence bundle (zip) and say which entry broke.

The bundle may hold the very pictures a victim needs protected, so it is never
stored: it is read into memory, and the verifier (which reads a path) gets a
private temporary copy in RAM-backed ``/dev/shm`` where the system has one,
deleted before the answer is sent.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse

from gazoguard.core.errors import GazoError
from gazoguard.web.uploads import read_upload
from gazoguard.evidence.verify import verify_path
from gazoguard.web.problems import problem

router = APIRouter(tags=["evidence"])

ZIP_TYPES = ("application/zip", "application/x-zip-compressed", "application/x-zip", "application/octet-stream")
MAX_MEMBERS = 20_000
MAX_EXPANDED_BYTES = 2 * 1024**3  # what verifying may decompress and hash: bounds a zip bomb's cost
RAM_TMP = Path("/dev/shm")
STATUS = {"bad_bundle": 422, "locker_not_found": 422, "unsupported_input": 415, "file_too_large": 413,
          "empty_file": 400}


@router.post(
    "/evidence/verify",
    summary="証拠パッケージを検証 / verify an evidence bundle",
    description=(
        "`gazoguard evidence export` で作った ZIP を検証し、改ざんがなければ ok: true、あればどの記録が壊れているかを返します。"
        "アップロードは保存されません。 / Verifies a bundle made by `gazoguard evidence export`: ok true when intact,"
        " otherwise which entry broke. The upload is not stored."
    ),
    responses={413: {"description": "too large"}, 415: {"description": "not a zip"},
               422: {"description": "not an evidence bundle, or a malformed one (problem+json)"}},
)
def verify_bundle(
    request: Request,
    file: Annotated[UploadFile, File(description="証拠パッケージ (.zip) / the evidence bundle")],
    fingerprint: Annotated[
        str | None, Form(max_length=200, description="期待する署名鍵の指紋 / expected signing-key fingerprint")
    ] = None,
) -> Any:
    name = Path(file.filename or "bundle.zip").name
    try:
        data = read_upload(file, request.app.state.settings.max_upload_bytes, ZIP_TYPES)
        _check_expansion(data, name)
        result = _verify_bytes(data, expect_fingerprint=fingerprint or None)
    except GazoError as err:
        return _gazo_problem(request, err)
    body = result.to_dict()
    body["path"] = name
    if result.malformed:
        return problem(
            request, 422, "malformed_bundle", "証拠パッケージの形式が正しくありません（検証できません）。",
            "The evidence bundle is malformed (it cannot be verified).", ok=False, verdict="malformed", problems=body["problems"],
        )
    return body  # path: the upload's name (the temporary copy's path means nothing to the client)



def _check_expansion(data: bytes, name: str) -> None:
    """Refuse bundles whose members would take unreasonably long to decompress and hash."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise GazoError("bad_bundle", path=name, detail=str(exc)[:160] or type(exc).__name__) from None
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_EXPANDED_BYTES:
        limits = f"more than {MAX_MEMBERS} files or {MAX_EXPANDED_BYTES >> 30} GB unpacked"
        raise GazoError("bad_bundle", path=name, detail=limits)


def _verify_bytes(data: bytes, *, expect_fingerprint: str | None):  # noqa: ANN202 - VerifyResult
    scratch = RAM_TMP if RAM_TMP.is_dir() else None
    with tempfile.TemporaryDirectory(prefix="gazo-verify-", dir=scratch) as tmp:
        path = Path(tmp) / "bundle.zip"
        path.write_bytes(data)  # the folder is private (mode 0700)
        return verify_path(path, expect_fingerprint=expect_fingerprint)


def _gazo_problem(request: Request, err: GazoError) -> JSONResponse:
    return problem(request, STATUS.get(err.code, 400), err.code, err.message_ja, err.message_en)
