"""Reading an upload into memory, with type and size checks (never written to disk)."""

from __future__ import annotations

from fastapi import UploadFile

from gazoguard.core.errors import GazoError

ALLOWED_PREFIXES = ("image/", "application/octet-stream")


def read_upload(file: UploadFile, limit: int, allowed: tuple[str, ...] = ALLOWED_PREFIXES) -> bytes:
    """The upload's bytes; ``allowed`` are content-type prefixes (images by default)."""
    content_type = (file.content_type or "application/octet-stream").lower()
    if not content_type.startswith(allowed):
        raise GazoError("unsupported_input", detail=f"content-type {content_type}")
    data = file.file.read(limit + 1)
    if len(data) > limit:
        raise GazoError("file_too_large", limit_mb=limit // (1024 * 1024))
    if not data:
        raise GazoError("empty_file")
    return data
